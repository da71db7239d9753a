"""Check bot.attribution against the speaker questions' gold paragraphs and time it over the corpus.

Run: .venv/bin/python bench/attribution_check.py [--corpus DIR] [--dev FILE] [--own FILE] [-v]

A gold paragraph counts when its speakers include a person the question asks about: by an alias
("rafsanjani", "lord roberts of conwy"), or for a role-only question ("the white house budget
director", "australia's treasurer") by one of the person's roles, compared after `normalise_role`.
Shares are printed per question file and per corpus (BBC, Reuters).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.attribution import ArticleAttribution, attribute, normalise_role
from bot.attribution.lexicon import ROLE_SYNONYMS

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_ASKED = (
    re.compile(
        r"^(?:tell me\s+)?(?:what|did|does|has)\s+(?:did|does|has|have)?\s*(?P<who>.+?)\s+"
        r"(?:say|said|mention|think|thought)\b",
        re.I,
    ),
    re.compile(r"^(?P<who>.+?)['’]s\s+comments\b", re.I),
    re.compile(r"^(?P<who>[\w.' -]+?)\s+on\s+", re.I),  # "fitzwater on the oil import fee"
)
# Forms of address a user may type that the article need not use ("Rep. Pete Stark").
_ASKED_TITLES = re.compile(r"^(?:the|rep|sen|gov|mr|mrs|ms|dr|president|prime minister)\.?\s+")
SPEAKER_KINDS = {"speaker_topic", "speaker_only"}


def read_article(path: Path) -> tuple[str, list[str]]:
    """Return (title, paragraphs) of a corpus file: BBC headline first line, or a seed metadata line."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    first, _, rest = text.partition("\n")
    blocks = [b.strip() for b in _BLANK.split(rest) if b.strip()]
    if re.match(r"\s*date \d{4}-\d{2}-\d{2}\b", first):
        return "", blocks
    return first.strip(), blocks


def asked_speaker(question: str) -> str:
    """The person (or role) a question asks about, lower-cased."""
    for pattern in _ASKED:
        match = pattern.search(question.strip())
        if match:
            return match["who"].lower().strip()
    raise ValueError(f"no speaker in {question!r}")


def doc_path(corpus: Path, doc: str) -> Path:
    """Map a question's document id to its file."""
    top = doc.split("/", 1)[0]
    return corpus / doc if top in {"azernews", "reuters"} else corpus / "bbc" / doc


def corpus_of(doc: str) -> str:
    """The corpus a document id belongs to: "reuters", "azernews" or "bbc"."""
    top = doc.split("/", 1)[0]
    return top if top in {"azernews", "reuters"} else "bbc"


def asked_people(result: ArticleAttribution, who: str) -> set[str]:
    """Names of the article's people the asked words mean, tried as the bot's resolver does.

    By alias (as typed, then without a leading title), by a role they hold (for role questions),
    and last by an alias one or two typing errors away ("yeuter" for "yeutter").
    """
    bare = _ASKED_TITLES.sub("", who)
    names = {p.name for p in result.people if who in p.aliases or bare in p.aliases}
    if names:
        return names
    asked = normalise_role(who)
    names = {p.name for p in result.people if any(role_fits(asked, normalise_role(r)) for r in p.roles)}
    if names:
        return names
    edits = 0 if len(bare) < 4 else 1 if len(bare) < 8 else 2
    return {p.name for p in result.people if any(levenshtein(bare, a) <= edits for a in p.aliases)}


def role_fits(asked: str, held: str) -> bool:
    """True when a held role answers an asked one: same head (or a synonym), every asked qualifier held."""
    wanted, words = asked.split(), held.split()
    if not wanted or not words:
        return False
    if wanted[-1] != words[-1] and words[-1] not in ROLE_SYNONYMS.get(wanted[-1], ()):
        return False
    return set(wanted[:-1]) <= set(words[:-1])


def levenshtein(a: str, b: str) -> int:
    """Edit distance between two strings."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def check_questions(corpus: Path, questions: Path, verbose: bool) -> dict[str, tuple[int, int]]:
    """Per corpus, (hits, total) over gold speaker paragraphs whose asked speaker is among the speakers."""
    cache: dict[str, tuple[list[str], ArticleAttribution]] = {}
    counts: dict[str, tuple[int, int]] = {}
    for line in questions.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        if item["kind"] not in SPEAKER_KINDS:
            continue
        who = asked_speaker(item["question"])
        for gold in item["gold"]:
            if gold["doc"] not in cache:
                title, paragraphs = read_article(doc_path(corpus, gold["doc"]))
                cache[gold["doc"]] = (paragraphs, attribute(paragraphs, title))
            paragraphs, result = cache[gold["doc"]]
            index = next(i for i, p in enumerate(paragraphs) if gold["quote"] in p)
            speakers = result.paragraphs[index].speakers
            ok = bool(asked_people(result, who) & set(speakers))
            hits, total = counts.get(corpus_of(gold["doc"]), (0, 0))
            counts[corpus_of(gold["doc"])] = (hits + ok, total + 1)
            if verbose or not ok:
                mark = "ok  " if ok else "MISS"
                print(f"{mark} {item['id']} {who!r} {gold['doc']}#{index}: speakers={speakers}")
    return counts


def time_corpus(corpus: Path, rounds: int) -> tuple[int, float]:
    """Return (articles, best seconds) for attributing every BBC and Reuters article."""
    files = sorted((corpus / "bbc").glob("*/*.txt")) + sorted((corpus / "reuters").glob("*.txt"))
    articles = [read_article(f) for f in files]
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for title, paragraphs in articles:
            attribute(paragraphs, title)
        best = min(best, time.perf_counter() - start)
    return len(articles), best


def report(label: str, counts: dict[str, tuple[int, int]]) -> None:
    """Print a question file's share overall and per corpus."""
    hits = sum(h for h, _ in counts.values())
    total = sum(t for _, t in counts.values())
    parts = ", ".join(f"{name} {h}/{t}" for name, (h, t) in sorted(counts.items()))
    print(f"{label} speaker share: {hits}/{total} = {hits / max(total, 1):.3f} ({parts})")


def main() -> None:
    """Print the dev and own shares and the corpus speed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--dev", type=Path, default=Path("/work/shared/eval/dev.jsonl"))
    parser.add_argument("--own", type=Path, default=Path(__file__).resolve().parent / "eval" / "own.jsonl")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    report("dev", check_questions(args.corpus, args.dev, args.verbose))
    if args.own.exists():
        report("own", check_questions(args.corpus, args.own, args.verbose))
    count, seconds = time_corpus(args.corpus, args.rounds)
    print(f"speed: {count} articles in {seconds:.2f}s = {count / seconds:.0f} articles/s (target >= 2000)")


if __name__ == "__main__":
    main()
