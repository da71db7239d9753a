"""A scale corpus: BBC articles recombined, with people, places and dates substituted, deterministic from a seed.

Each generated article is a real BBC story (its run-together paragraphs split at sentence boundaries,
as the BBC site prints them) with a few paragraphs of a second story of the same category appended.
Every person's surname is swapped for one from a Zipf-distributed roster, consistently within the
article, so the full name, "Mr X", "X said" and the pronouns all still agree; first names are kept so
that gender and titles stay right. Places, weekdays, months and years are swapped the same way.

The surnames are found by a few fixed patterns of this module ("Mr X", "First X said", "said First X",
then any "First X" whose first name a speaker found so has), not by the bot's attribution: the corpus
stays the same whatever the code under test finds (it once changed with every attribution rule, and with
it the people the question mix asks about).

    from bench.scale_corpus import generate
    for draft in generate(10_000, seed=7): ...
"""

from __future__ import annotations

import random
import re
import string
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.ingest import parse_paths
from bot.models import ArticleDraft

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/bbc"

PLACES = (
    "London Paris Berlin Moscow Washington Beijing Tokyo Brussels Madrid Rome Dublin Edinburgh Cardiff Belfast"
    " Manchester Liverpool Glasgow Birmingham Leeds Chicago Boston Sydney Melbourne Toronto Mumbai Delhi Shanghai"
    " Iraq Iran China Japan India Russia France Germany Spain Italy Ireland Scotland Wales England Britain"
    " Australia Canada Brazil Argentina Mexico Egypt Israel Syria Turkey Ukraine Poland Sweden Norway Denmark"
    " Holland Belgium Austria Greece Portugal Kenya Nigeria Zimbabwe Pakistan Afghanistan Indonesia Korea"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April June July August September October November December".split()
_YEAR = r"(?:19[89]\d|200\d)"
# Split after a sentence end (optionally closing a quote) before a capital or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])([\"”’]?)\s+(?=[A-Z\"“‘])")
_PARAGRAPH_CHARS = 320
_ZIPF = 1.0
_WORD = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_FIRST = r"(?!(?:The|A|An|His|Her|Its|Their|This|That|But|And|As|If|When)\b)[A-Z][a-z]+"  # not a determiner
_SPEECH = r"(?:said|says|told|added|explained|insisted|warned|argued|stressed)"
# A speaker's first name and surname: before or after a speech verb, or after a title (the first name optional).
_SPEAKER = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Professor)\.? (?:({_FIRST}) )?({_WORD})\b"
    rf"|\b({_FIRST}) ({_WORD}),? {_SPEECH}\b"
    rf"|\b{_SPEECH} ({_FIRST}) ({_WORD})\b"
)
# Words the generator swaps by their own tables, never as surnames.
_SWAPPED_APART = frozenset([*PLACES, *WEEKDAYS, *MONTHS])
# Any two capitalised words: a person's name when the first is a first name speakers have.
_FULL_NAME = re.compile(rf"\b([A-Z][a-z]+) ({_WORD})\b")
# Capitalised words those patterns also meet that are no names ("the Labour Party said").
_NOT_NAMES = frozenset(
    "Party Government Minister Office Union Council Commission Department Court Club League Group Bank Association"
    " Committee Secretary Chancellor Spokesman Spokeswoman President Chairman Director Chief Executive Board"
    " Service Agency Institute Federation Corporation Company Society Authority Trust House News Times"
    " Prime Foreign Home General Deputy Shadow Labour Conservative Tory Democrat Democrats Liberal United".split()
)


@dataclass(frozen=True)
class Source:
    """A BBC article ready for recombination: its split paragraphs and a pattern of what to substitute."""

    title: str
    paragraphs: tuple[str, ...]
    category: str
    surnames: tuple[str, ...]
    pattern: re.Pattern[str]


def split_paragraph(text: str) -> list[str]:
    """Cut a run-together paragraph into paragraphs of one or two sentences, never inside a quotation."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + len(match.group(1))
        piece = text[start:end]
        if _quotes_balanced(piece):
            sentences.append(piece)
            start = match.end()
    sentences.append(text[start:])
    paragraphs: list[str] = []
    for sentence in filter(None, (s.strip() for s in sentences)):
        if paragraphs and len(paragraphs[-1]) + len(sentence) < _PARAGRAPH_CHARS:
            paragraphs[-1] += " " + sentence
        else:
            paragraphs.append(sentence)
    return paragraphs


def _quotes_balanced(text: str) -> bool:
    """True when every quotation opened in the text is closed in it (straight or curly quotes)."""
    return text.count('"') % 2 == 0 and text.count("“") == text.count("”")


def load_sources(corpus: Path = CORPUS) -> list[Source]:
    """The BBC articles with the surnames of the people in them, in file order."""
    drafts = [draft for draft in parse_paths([corpus]) if isinstance(draft, ArticleDraft)]
    split = [tuple(p for block in draft.paragraphs for p in split_paragraph(block)) for draft in drafts]
    texts = [" ".join(paragraphs) for paragraphs in split]
    first_names = speakers_first_names(texts)
    sources = []
    for draft, paragraphs, text in zip(drafts, split, texts, strict=True):
        surnames = tuple(sorted(surnames_in(text, first_names)))
        words = [*(re.escape(s) for s in surnames), *PLACES, *WEEKDAYS, *MONTHS, _YEAR]
        pattern = re.compile(r"\b(?:" + "|".join(words) + r")\b")
        sources.append(Source(draft.title, paragraphs, draft.category, surnames, pattern))
    return sources


def speakers_first_names(texts: list[str]) -> frozenset[str]:
    """The first names of the speakers the fixed patterns find in the texts, but for words the texts also write
    in lower case ("said New York's mayor": "new" is a word)."""
    words = {word for text in texts for word in re.findall(r"\b[a-z]+\b", text)}
    found = {first for text in texts for match in _SPEAKER.finditer(text) for first in match.groups()[::2] if first}
    return frozenset(first for first in found - _NOT_NAMES if first.lower() not in words)


def surnames_in(text: str, first_names: frozenset[str]) -> set[str]:
    """The surnames in a text: of its speakers, and after a first name any speaker has ("Tony Blair"). Never a
    first name ("Sir Alex"), place, weekday or month: those swap apart."""
    found = {surname for match in _SPEAKER.finditer(text) for surname in match.groups()[1::2] if surname}
    found |= {match[2] for match in _FULL_NAME.finditer(text) if match[1] in first_names}
    return found - first_names - _NOT_NAMES - _SWAPPED_APART


class Roster:
    """Invented surnames, drawn with Zipf-like popularity so some people are in the news far more than others."""

    def __init__(self, size: int, rng: random.Random, seeds: list[str]) -> None:
        names: set[str] = set()
        while len(names) < size:
            a, b = rng.choice(seeds), rng.choice(seeds)
            name = (a[: rng.randint(2, max(2, len(a) - 1))] + b[rng.randint(1, max(1, len(b) - 2)) :]).lower()
            if name.isalpha() and 4 <= len(name) <= 12:
                names.add(name.capitalize())
        self.names = sorted(names)
        rng.shuffle(self.names)
        weights = [1 / (rank + 1) ** _ZIPF for rank in range(size)]
        self._cumulative = list(_accumulate(weights))

    def draw(self, rng: random.Random) -> str:
        """One surname, popular ones more often."""
        return rng.choices(self.names, cum_weights=self._cumulative)[0]


def _accumulate(values: list[float]) -> Iterator[float]:
    total = 0.0
    for value in values:
        total += value
        yield total


def generate(count: int, *, seed: int = 7, sources: list[Source] | None = None) -> Iterator[ArticleDraft]:
    """``count`` recombined articles, the same ones for the same seed."""
    sources = sources if sources is not None else load_sources()
    rng = random.Random(seed)
    seeds = sorted({s for source in sources for s in source.surnames if s.isalpha()})
    roster = Roster(max(200, count // 5), rng, seeds)
    by_category: dict[str, list[Source]] = {}
    for source in sources:
        by_category.setdefault(source.category, []).append(source)
    first_day = date(2015, 1, 1)
    for number in range(count):
        base = sources[rng.randrange(len(sources))]
        extra = rng.choice(by_category[base.category])
        published = first_day + timedelta(days=rng.randrange(3650))
        start = rng.randrange(max(1, len(extra.paragraphs) - 2))
        appended = extra.paragraphs[start : start + rng.randint(3, 6)] if extra is not base else ()
        swap_base = _swapper(base, roster, rng, published)
        swap_extra = _swapper(extra, roster, rng, published)
        yield ArticleDraft(
            title=swap_base(base.title),
            paragraphs=(*map(swap_base, base.paragraphs), *map(swap_extra, appended)),
            source="BBC News (recombined)",
            published=published.isoformat(),
            category=base.category,
            origin=f"scale:{seed}:{number}",
        )


def _swapper(source: Source, roster: Roster, rng: random.Random, published: date) -> Callable[[str], str]:
    """A function swapping the source's people, places, weekdays, months and years, the same way every call."""
    local = random.Random(rng.random())
    mapping: dict[str, str] = {s: roster.draw(local) for s in source.surnames}
    mapping.update(zip(PLACES, local.sample(PLACES, len(PLACES)), strict=True))
    mapping.update(zip(WEEKDAYS, local.sample(WEEKDAYS, len(WEEKDAYS)), strict=True))
    mapping.update(zip(MONTHS, local.sample(MONTHS, len(MONTHS)), strict=True))
    shift = published.year - 2005

    def swap(match: re.Match[str]) -> str:
        word = match.group()
        if word[0] in string.digits:
            return str(int(word) + shift)
        return mapping.get(word, word)

    return lambda text: source.pattern.sub(swap, text)


if __name__ == "__main__":
    for draft in generate(int(sys.argv[1]) if len(sys.argv) > 1 else 2, seed=7):
        print(f"# {draft.title} ({draft.published}, {len(draft.paragraphs)} paragraphs)")
        print("\n\n".join(draft.paragraphs), end="\n\n")
