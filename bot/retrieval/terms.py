"""Terms for matching: a word's dictionary form (simplemma: lost → lose, said → say), then its Porter stem.

The stem is the algorithm of FTS5's ``porter`` tokenizer, so for regular words our terms and the index's
agree; the lemma first lets irregular forms meet ("losing interest" finds "I just lost that spark").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache

import simplemma
import snowballstemmer

_TOKEN = re.compile(r"\w+", re.UNICODE)
_STEMMER = snowballstemmer.stemmer("porter")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of a lower-case word's dictionary form (cached: news vocabulary repeats)."""
    return str(_STEMMER.stemWord(simplemma.lemmatize(word, lang="en").lower()))


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(stem, start, end) for every word of a text, as FTS5 would index it."""
    for match in _TOKEN.finditer(text):
        yield stem(match.group().lower()), match.start(), match.end()


def stems_of(text: str) -> set[str]:
    """The set of stems in a text."""
    # Stem each distinct word once, skipping the per-token generator: this runs over whole articles.
    return {stem(word.lower()) for word in set(_TOKEN.findall(text))}


def spans_of(text: str, wanted: Iterable[str]) -> tuple[tuple[int, int], ...]:
    """Character spans of the words whose stems are wanted (for highlighting)."""
    wanted = set(wanted)
    return tuple((start, end) for s, start, end in tokens(text) if s in wanted)


@dataclass(frozen=True)
class Topic:
    """A topic's stems with their weights (inverse paragraph frequency) and related stems found in the store."""

    words: tuple[str, ...]  # the surface words, in question order
    stems: tuple[str, ...]
    weights: dict[str, float]
    related: dict[str, frozenset[str]]  # stem -> stems that co-occur with it in the store
    acronym: str = ""  # "iff" for "International Finance Facility": stands for the whole topic

    @property
    def all_stems(self) -> frozenset[str]:
        """The topic's stems, its acronym and their related stems."""
        return frozenset(self.stems).union({self.acronym} - {""}, *self.related.values())

    def coverage(self, present: AbstractSet[str], related_credit: float) -> float:
        """How much of the topic a text covers: weighted share of its stems present (related ones count less)."""
        total = sum(self.weights.values())
        if not total:
            return 0.0
        if self.acronym and self.acronym in present:
            return 1.0
        got = 0.0
        for s in self.stems:
            if s in present:
                got += self.weights[s]
            elif self.related.get(s, frozenset()) & present:
                got += self.weights[s] * related_credit
        return got / total

    def matched(self, present: AbstractSet[str]) -> int:
        """How many of the topic's own stems are among a text's stems."""
        return len(present & set(self.stems))


def acronym_of(words: Sequence[str]) -> str:
    """The initials of a name of three or more words ("international finance facility" → "iff"), else ""."""
    return "".join(w[0] for w in words) if len(words) >= 3 and all(w.isalpha() for w in words) else ""


def idf(document_frequency: int, documents: int) -> float:
    """BM25's inverse document frequency, never below a small positive floor."""
    return max(0.05, math.log(1 + (documents - document_frequency + 0.5) / (document_frequency + 0.5)))
