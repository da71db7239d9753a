#!/usr/bin/env python3
"""Validate evaluation question files (own.jsonl, own2.jsonl, own3.jsonl, ...) against the corpus.

Usage: python bench/eval/check.py own.jsonl [own2.jsonl ...] [--corpus DIR] [--dev DEV.jsonl] [--show]

Re-implements the rules of shared/eval/validate_eval.py and adds stricter ones (imports nothing from the bot):
- schema: exactly the dev.jsonl fields in order; ids are one or two letters + 3 digits, numbered by line, one prefix
  per file (two letters once every single letter is taken);
- ids and questions unique within and across the given files; kinds; no_answer <=> empty gold; 1-4 golds;
- each quote 40-120 characters, in exactly one paragraph of its file, once in that file, and in no other corpus file;
  no two quotes of a question in the same paragraph; one corpus per question; no exact-duplicate BBC article as gold;
- no question and no gold article shared with dev.jsonl or between the given files;
- every no_answer question has a probe in no_answer_probes.json (question -> regex groups) and no corpus
  paragraph matches all regexes of any of its groups (case-insensitive).
Relative file names that do not exist in the working directory are looked up next to this script.
--show prints every gold paragraph for manual review.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
PROBES_FILE = HERE / "no_answer_probes.json"
KINDS = {"speaker_topic", "speaker_only", "topic_only", "no_answer"}
FIELDS = ["id", "question", "kind", "gold", "notes"]
PARA_SPLIT = re.compile(rb"\n[ \t]*\n")
ID_RE = re.compile(r"([a-z]{1,2})(\d{3})")
MAX_GOLD = 4
QUOTE_LEN = (40, 120)

Probes = dict[str, list[list[str]]]


@dataclass
class Corpus:
    """Corpus files by document id, their paragraphs, and the ids of exact-duplicate articles."""

    docs: dict[str, bytes]
    paras: dict[str, list[bytes]]
    dup_docs: set[str]


@dataclass
class State:
    """What has been seen so far across files, plus the errors and statistics collected."""

    questions: dict[str, str] = field(default_factory=dict)
    gold_docs: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)


def doc_id(path: Path, root: Path) -> str:
    """Document id of a corpus file: path relative to the corpus, without the bbc/ prefix."""
    rel = path.relative_to(root).as_posix()
    return rel.removeprefix("bbc/")


def load_corpus(root: Path) -> Corpus:
    """Read every .txt file under root and split it into non-blank paragraphs."""
    docs = {doc_id(p, root): p.read_bytes() for p in sorted(root.rglob("*.txt"))}
    by_hash: dict[str, list[str]] = collections.defaultdict(list)
    for name, data in docs.items():
        by_hash[hashlib.md5(data).hexdigest()].append(name)
    dup_docs = {name for names in by_hash.values() if len(names) > 1 for name in names}
    paras = {name: [p for p in PARA_SPLIT.split(data) if p.strip()] for name, data in docs.items()}
    return Corpus(docs, paras, dup_docs)


def norm_question(question: str) -> str:
    """Question normalised for duplicate detection: lower case, single spaces."""
    return " ".join(question.lower().split())


def corpus_of(doc: str) -> str:
    """Corpus name of a document id: reuters, azernews or bbc."""
    top = doc.split("/", 1)[0]
    return top if top in {"reuters", "azernews"} else "bbc"


def resolve(name: str) -> Path:
    """Path as given if it exists, else the same name next to this script."""
    path = Path(name)
    return path if path.exists() or path.is_absolute() else HERE / name


def read_jsonl(path: Path, state: State) -> list[tuple[int, dict[str, Any]]]:
    """Parse a JSON Lines file into (line number, object) pairs, recording unparsable lines as errors."""
    records = []
    for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            state.errors.append(f"{path.name}:{ln}: bad JSON {exc}")
            continue
        if not isinstance(obj, dict):
            state.errors.append(f"{path.name}:{ln}: not a JSON object")
            continue
        records.append((ln, obj))
    return records


def register_dev(dev: Path, state: State) -> None:
    """Mark the questions and gold articles of dev.jsonl as taken."""
    label = f"{dev.name} (--dev)"
    for _, obj in read_jsonl(dev, state):
        state.questions.setdefault(norm_question(obj["question"]), label)
        for gold in obj["gold"]:
            state.gold_docs.setdefault(gold["doc"], label)


def check_schema(obj: dict[str, Any], where: str) -> list[str]:
    """Field names, order and types of one question; an empty list means the record can be checked further."""
    errors = []
    if list(obj) != FIELDS:
        errors.append(f"{where} fields {list(obj)} != {FIELDS}")
    for name in ("id", "question", "kind", "notes"):
        if not isinstance(obj.get(name), str) or not obj[name].strip():
            errors.append(f"{where} {name} missing or empty")
    gold = obj.get("gold")
    if not isinstance(gold, list) or not all(isinstance(g, dict) for g in gold):
        errors.append(f"{where} gold is not a list of objects")
        return errors
    for g in gold:
        if set(g) != {"doc", "quote"} or not all(isinstance(v, str) for v in g.values()):
            errors.append(f"{where} gold entry {g} must have string keys doc and quote only")
    return errors


def check_id(obj: dict[str, Any], ln: int, prefix: str, where: str, state: State) -> list[str]:
    """Id format (one or two letters + 3 digits), the file's prefix, numbering by line, and uniqueness across files."""
    errors = []
    qid = obj["id"]
    if not ID_RE.fullmatch(qid):
        errors.append(f"{where} id is not one or two letters and three digits")
    elif qid != f"{prefix}{ln:03d}":
        errors.append(f"{where} id out of sequence (expected {prefix}{ln:03d})")
    if qid in state.ids:
        errors.append(f"{where} duplicate id (also {state.ids[qid]})")
    state.ids.setdefault(qid, where)
    return errors


def check_question(obj: dict[str, Any], where: str, state: State) -> list[str]:
    """Question not repeated within or across files or from dev.jsonl; kind valid and consistent with gold."""
    errors = []
    qn = norm_question(obj["question"])
    if qn in state.questions:
        errors.append(f"{where} same question as {state.questions[qn]}")
    state.questions.setdefault(qn, where)
    if obj["kind"] not in KINDS:
        errors.append(f"{where} bad kind {obj['kind']}")
    if (obj["kind"] == "no_answer") != (not obj["gold"]):
        errors.append(f"{where} no_answer must have empty gold (and only no_answer)")
    if len(obj["gold"]) > MAX_GOLD:
        errors.append(f"{where} more than {MAX_GOLD} gold quotes")
    if len({corpus_of(g["doc"]) for g in obj["gold"]}) > 1:
        errors.append(f"{where} gold mixes corpora")
    return errors


def check_gold_doc(doc: str, where: str, fname: str, corpus: Corpus, state: State) -> list[str]:
    """Gold article exists, is not an exact duplicate, and is not used by dev.jsonl or another given file."""
    if doc not in corpus.docs:
        return [f"{where} unknown doc {doc}"]
    errors = []
    if doc in corpus.dup_docs:
        errors.append(f"{where} gold doc {doc} is an exact duplicate article")
    owner = state.gold_docs.setdefault(doc, fname)
    if owner != fname:
        errors.append(f"{where} gold doc {doc} is also used by {owner}")
    return errors


def quote_paragraph(doc: str, quote: str, where: str, corpus: Corpus) -> tuple[int | None, list[str]]:
    """Index of the single paragraph holding the quote (or None) and the quote's errors."""
    errors = []
    if not QUOTE_LEN[0] <= len(quote) <= QUOTE_LEN[1]:
        errors.append(f"{where} quote length {len(quote)}")
    qb = quote.encode("utf-8")
    hits = [i for i, p in enumerate(corpus.paras[doc]) if qb in p]
    if len(hits) != 1:
        errors.append(f"{where} quote found in {len(hits)} paragraphs of {doc}")
    count = corpus.docs[doc].count(qb)
    if count != 1:
        errors.append(f"{where} quote occurs {count} times in {doc}")
    others = [name for name, data in corpus.docs.items() if name != doc and qb in data]
    if others:
        errors.append(f"{where} quote also in {others}")
    return (hits[0] if len(hits) == 1 else None), errors


def check_golds(obj: dict[str, Any], where: str, fname: str, corpus: Corpus, state: State, show: bool) -> list[str]:
    """All gold entries of one question; optionally print their paragraphs."""
    errors: list[str] = []
    seen: set[tuple[str, int]] = set()
    for gold in obj["gold"]:
        doc = gold["doc"]
        doc_errors = check_gold_doc(doc, where, fname, corpus, state)
        errors += doc_errors
        if doc not in corpus.docs:
            continue
        para, quote_errors = quote_paragraph(doc, gold["quote"], where, corpus)
        errors += quote_errors
        if para is None:
            continue
        if (doc, para) in seen:
            errors.append(f"{where} two quotes point at the same paragraph {doc}#{para}")
        seen.add((doc, para))
        if show:
            text = corpus.paras[doc][para].decode("utf-8", "replace")[:700]
            print(f"--- {obj['id']} [{obj['kind']}] {obj['question']}\n    {doc}#{para}: {text}\n")
    return errors


def check_probe(question: str, where: str, probes: Probes, corpus: Corpus) -> list[str]:
    """No corpus paragraph matches all regexes of any probe group of a no_answer question."""
    if question not in probes:
        return [f"{where} no_answer question has no probe in {PROBES_FILE.name}"]
    errors = []
    for group in probes[question]:
        regexes = [re.compile(r.encode(), re.IGNORECASE) for r in group]
        for doc, paras in corpus.paras.items():
            for i, para in enumerate(paras):
                if all(r.search(para) for r in regexes):
                    errors.append(f"{where} no_answer probe {group} matches {doc}#{i}: {para[:100]!r}")
    return errors


def check_file(path: Path, corpus: Corpus, probes: Probes, state: State, show: bool) -> None:
    """Check one question file and print its statistics."""
    kinds: collections.Counter[str] = collections.Counter()
    corpus_kind: collections.Counter[tuple[str, str]] = collections.Counter()
    ngold: collections.Counter[int] = collections.Counter()
    records = read_jsonl(path, state)
    prefix = str(records[0][1].get("id", "?"))[:-3] if records else "?"
    for ln, obj in records:
        where = f"{path.name}:{ln}:{obj.get('id')}"
        schema_errors = check_schema(obj, where)
        state.errors += schema_errors
        if schema_errors:
            continue
        state.errors += check_id(obj, ln, prefix, where, state)
        state.errors += check_question(obj, where, state)
        state.errors += check_golds(obj, where, path.name, corpus, state, show)
        if obj["kind"] == "no_answer":
            state.errors += check_probe(obj["question"], where, probes, corpus)
        kinds[obj["kind"]] += 1
        ngold[len(obj["gold"])] += 1
        corpora = sorted({corpus_of(g["doc"]) for g in obj["gold"]}) or ["-"]
        corpus_kind[("+".join(corpora), obj["kind"])] += 1
    print(f"{path.name}: {sum(kinds.values())} questions, kinds {dict(sorted(kinds.items()))}")
    print("  per corpus/kind (no_answer has no corpus: '-'):", dict(sorted(corpus_kind.items())))
    print("  gold-count histogram:", dict(sorted(ngold.items())))


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", help="question files (JSON Lines)")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus", help="corpus root (default: %(default)s)")
    dev = SHARED / "eval" / "dev.jsonl"
    parser.add_argument("--dev", type=Path, default=dev, help="dev set (default: %(default)s)")
    parser.add_argument("--show", action="store_true", help="print every gold paragraph")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    """Validate the given files; return 1 if any error was found."""
    args = parse_args(argv)
    corpus = load_corpus(args.corpus)
    probes: Probes = json.loads(PROBES_FILE.read_text(encoding="utf-8"))
    state = State()
    if args.dev.exists():
        register_dev(args.dev, state)
    else:
        state.errors.append(f"dev file {args.dev} not found")
    for name in args.files:
        check_file(resolve(name), corpus, probes, state, args.show)
    print(f"corpus files: {len(corpus.docs)}; errors: {len(state.errors)}")
    for error in state.errors:
        print("ERROR", error)
    if not state.errors:
        print("OK: schema, ids, kinds, quotes, overlaps (dev.jsonl, between files) and no_answer probes all pass")
    return 1 if state.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
