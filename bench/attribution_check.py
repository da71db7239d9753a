"""Check bot.attribution against the dev questions' speaker paragraphs and time it over the corpus.

Run: .venv/bin/python bench/attribution_check.py [--corpus DIR] [--dev FILE] [-v]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.attribution import ArticleAttribution, attribute

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_ASKED = (
    re.compile(r"^(?:what|did|does|has)\s+(?:did|does|has|have)?\s*(?P<who>.+?)\s+(?:say|said|mention)\b", re.I),
    re.compile(r"^(?P<who>.+?)['’]s\s+comments\b", re.I),
)
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
    """The person a dev question asks about, lower-cased."""
    for pattern in _ASKED:
        match = pattern.search(question.strip())
        if match:
            return match["who"].lower().strip()
    raise ValueError(f"no speaker in {question!r}")


def doc_path(corpus: Path, doc: str) -> Path:
    """Map a dev document id to its file."""
    top = doc.split("/", 1)[0]
    return corpus / doc if top in {"azernews", "reuters"} else corpus / "bbc" / doc


def check_dev(corpus: Path, dev: Path, verbose: bool) -> tuple[int, int]:
    """Count gold speaker paragraphs whose asked speaker is among the paragraph's speakers."""
    cache: dict[str, tuple[list[str], ArticleAttribution]] = {}
    hits = total = 0
    for line in dev.read_text(encoding="utf-8").splitlines():
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
            names = {p.name for p in result.people if who in p.aliases}
            speakers = result.paragraphs[index].speakers
            ok = bool(names & set(speakers))
            hits += ok
            total += 1
            if verbose or not ok:
                mark = "ok  " if ok else "MISS"
                print(f"{mark} {item['id']} {who!r} {gold['doc']}#{index}: speakers={speakers}")
    return hits, total


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


def main() -> None:
    """Print the dev share and the corpus speed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("--dev", type=Path, default=Path("/work/shared/eval/dev.jsonl"))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    hits, total = check_dev(args.corpus, args.dev, args.verbose)
    print(f"speaker share: {hits}/{total} = {hits / total:.3f} (target >= 0.9)")
    count, seconds = time_corpus(args.corpus, args.rounds)
    print(f"speed: {count} articles in {seconds:.2f}s = {count / seconds:.0f} articles/s (target >= 2000)")


if __name__ == "__main__":
    main()
