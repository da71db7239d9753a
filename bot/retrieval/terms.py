"""Terms for matching: a word's dictionary form (simplemma: lost → lose, said → say), then its Porter stem.

The stem is the algorithm of FTS5's ``porter`` tokenizer, so for regular words our terms and the index's
agree; the lemma first lets irregular forms meet ("losing interest" finds "I just lost that spark").
"""

from __future__ import annotations

import math
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache

import simplemma
import snowballstemmer

from bot.retrieval.fts import GROUP_OF, GROUP_SIZES

TOKEN = re.compile(r"\w+", re.UNICODE)
# An abbreviation written in capitals, dotted or not: "U.S.", "U.K.", "US", "EU". The index reads "U.S."
# as the letters "u" and "s", so a text keeps it whole as an upper-case term no word stems to.
# Written to start with the capital (the word boundary before it as a look-behind) so that the regex engine
# skips quickly from capital to capital: about four times faster than a leading \b.
_INITIALISM = re.compile(r"[A-Z](?<!\w.)(?:\.(?:[A-Z]\.)+|[A-Z]{1,3}\b)")
LONGEST_INITIALISM = 4
# "e-mail", "G-7": two tokens for the index, one word for us (a code's number has at most three digits)
_HYPHENATED = re.compile(r"\b([A-Za-z]+)-([A-Za-z]+|\d{1,3})\b")
_SENTENCE_OPENERS = frozenset(".!?:\"“‘'(")  # what may stand before a capital that only starts a sentence
# snowballstemmer hands out PyStemmer's C build of the same algorithm when it is installed (a dependency):
# identical stems, a new word in 1 µs instead of 15, which ingest pays for every name it has not seen.
_STEMMER = snowballstemmer.stemmer("porter")
# A snowball stemmer keeps the word being stemmed in the object: two threads stemming at once (chats are
# answered side by side) corrupt each other's word, giving wrong stems or an IndexError.
_STEMMER_LOCK = threading.Lock()
# In ASCII text the \w+ tokens are the runs of letters, digits and underscores: mapping every other byte
# but the hyphen to a space and splitting finds them (hyphenated words whole), several times faster than
# the regex; bytes.translate, a table look-up in C, is itself twice as fast as str.translate.
_NON_ASCII_SYMBOLS = "£€¥‘’“”–—…•°"
_ASCII_WORD_OR_HYPHEN = bytes(c if c < 128 and (chr(c).isalnum() or chr(c) in "_-") else ord(" ") for c in range(256))


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of a lower-case word's dictionary form (cached: news vocabulary repeats)."""
    lemma = simplemma.lemmatize(word, lang="en").lower()
    with _STEMMER_LOCK:
        return str(_STEMMER.stemWord(lemma))


def tokens(text: str) -> Iterator[tuple[str, int, int]]:
    """(stem, start, end) for every word of a text, as FTS5 would index it."""
    for match in TOKEN.finditer(text):
        yield stem(match.group().lower()), match.start(), match.end()


def stems_of(text: str) -> set[str]:
    """The set of stems in a text, with its capitalised abbreviations ("US" for "U.S.") as terms of their own,
    its hyphenated words also closed up ("e-mail" → email, "co-operative" → cooperative, "G-7" → g7) and its
    groups of nations by their codes ("the Group of Seven" → g7), as questions and other articles write them."""
    # Stem each distinct word once, with C-level map() rather than a per-token loop: this runs over whole articles.
    words, hyphenated = _words(text)
    closed_up = {stem(first + second) for first, second in hyphenated}
    return set(map(stem, words)) | initialisms_in(text) | closed_up | group_codes(text)


def stem_counts(text: str) -> Counter[str]:
    """How many times a text uses each stem (its words as ``stems_of`` splits them; hyphenated words in parts)."""
    if not text.isascii():
        text = _ascii_punctuation(text)
    if text.isascii():
        words = [part for token in _ascii_tokens(text) for part in token.split("-") if part]
    else:
        words = [word.lower() for word in TOKEN.findall(text)]
    counts: Counter[str] = Counter()
    for word, n in Counter(words).items():  # each distinct word stemmed once
        counts[stem(word)] += n
    return counts


def _words(text: str) -> tuple[set[str], list[tuple[str, str]]]:
    """A text's distinct tokens (runs of word characters) and its hyphenated pairs of words (letters only),
    in lower case."""
    if not text.isascii():
        text = _ascii_punctuation(text)
    if not text.isascii():
        return set(map(str.lower, TOKEN.findall(text))), [(a.lower(), b.lower()) for a, b in _HYPHENATED.findall(text)]
    tokens = set(_ascii_tokens(text))
    joined = [token for token in tokens if "-" in token]
    if not joined:
        return tokens, []  # most paragraphs
    tokens.difference_update(joined)
    hyphenated: list[tuple[str, str]] = []
    for token in joined:
        parts = token.split("-")
        tokens.update(filter(None, parts))
        hyphenated.extend(_pairs(parts))
    return tokens, hyphenated


def _ascii_tokens(text: str) -> list[str]:
    """An ASCII text's runs of word characters in lower case, a hyphenated word as one token ("e-mail")."""
    return text.lower().encode().translate(_ASCII_WORD_OR_HYPHEN).decode().split()


def _ascii_punctuation(text: str) -> str:
    """The text with the non-ASCII symbols news text is full of ("£", curly quotes, dashes) as spaces: like
    a space, none is part of a word, and most texts are then ASCII."""
    for symbol in _NON_ASCII_SYMBOLS:
        if symbol in text:
            text = text.replace(symbol, " ")
    return text


def _pairs(parts: list[str]) -> Iterator[tuple[str, str]]:
    """The pairs of a hyphenated token's parts the regex of hyphenated words finds: left to right, two
    letter-only parts at a time ("well-known-author" → well, known), or letters and a number ("G-7" → g, 7)."""
    i = 0
    while i + 1 < len(parts):
        if parts[i].isalpha() and (parts[i + 1].isalpha() or (parts[i + 1].isdigit() and len(parts[i + 1]) <= 3)):
            yield parts[i], parts[i + 1]
            i += 2
        else:
            i += 1


def group_codes(text: str) -> set[str]:
    """The codes of the groups of nations a text names by their size: "the Group of Seven" → g7."""
    if "roup of " not in text:
        return set()  # nearly every paragraph: no regex run
    sizes = (size.lower() for size in GROUP_OF.findall(text))
    return {f"g{GROUP_SIZES.get(size, size)}" for size in sizes if size in GROUP_SIZES or size.isdigit()}


def initialisms_in(text: str) -> set[str]:
    """A text's capitalised abbreviations without their dots: "U.S." and "US" are both "US", as is the United States
    written out (a question's "us" is the country's initials)."""
    found = {found.replace(".", "") for found in _INITIALISM.findall(text)}
    return found | {"US"} if "United States" in text else found


def initialisms_of(
    words: Sequence[str], abbreviated: Callable[[Sequence[str]], bool] = lambda run: True
) -> dict[str, tuple[str, ...]]:
    """The abbreviations a run of words may be written as, with the run's stems: "united states" → "US".

    :param words: lower-case words in question order, ``""`` where a stopword broke the run
        ("bank of england" is not "BE").
    :param abbreviated: whether a run may be written by its initials at all.
    """
    found: dict[str, tuple[str, ...]] = {}
    for start in range(len(words)):
        for end in range(start + 2, min(start + LONGEST_INITIALISM, len(words)) + 1):
            run = words[start:end]
            if all(w.isalpha() for w in run) and abbreviated(run):
                found["".join(w[0] for w in run).upper()] = tuple(stem(w) for w in run)
    return found


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
    # Terms a text may use instead of some of the topic's words: "US" for united, state; "phish" for phisher.
    stand_ins: dict[str, tuple[str, ...]] = field(default_factory=dict)
    unused: frozenset[str] = frozenset()  # stems no paragraph uses as written, nor a shorter form of them
    respelt: dict[str, str] = field(default_factory=dict)  # a typed word -> the spelling read for it ("tusnami")
    # Names whose stem other words share ("federer" / federal, "toure" / tour): a text holds them only as written.
    written: tuple[str, ...] = ()

    @property
    def specific(self) -> tuple[str, ...]:
        """The stems a story about the topic must hold one of, in some form: its rarest (highest weight) and,
        when no paragraph uses that one as written, also the rarest the archive uses: "comp" may stand in a
        story as "compensation", but "sax" is written "saxophone", beside Charlie Parker."""
        rarest = max(self.stems, key=lambda s: self.weights[s])
        used = [s for s in self.stems if s not in self.unused]
        wanted = (rarest, max(used, key=lambda s: self.weights[s])) if rarest in self.unused and used else (rarest,)
        # ... or a term standing in for one: "six" for the "6" of "the 6 nations".
        return (*wanted, *(term for term, stems in self.stand_ins.items() if set(stems) & set(wanted)))

    def held_in(self, text: str, stems: frozenset[str]) -> frozenset[str]:
        """A text's stems without those of the topic's names it does not write as such (Federal Reserve's "feder" is
        not Federer's)."""
        missing = {stem(word) for word in self.written if stem(word) in stems and not written_in(text, word)}
        return stems - missing if missing else stems

    def word_of(self, stem_: str) -> str:
        """The question's word for one of the topic's stems (the stem itself if none stems to it)."""
        return next((word for word in self.words if stem(word) == stem_), stem_)

    @property
    def all_stems(self) -> frozenset[str]:
        """The topic's stems, its acronym and their related stems."""
        return frozenset(self.stems).union({self.acronym} - {""}, *self.related.values())

    @cached_property
    def _term_pattern(self) -> re.Pattern[str]:
        """Every stem the topic's measures look for in a text (its stems, related stems, acronym, stand-ins),
        as whole space-separated words."""
        terms = sorted(self.all_stems | self.stand_ins.keys(), key=len, reverse=True)
        return re.compile(" (" + "|".join(map(re.escape, terms)) + ")(?= )")

    @cached_property
    def _own_terms(self) -> tuple[str, ...]:
        """The topic's own stems, acronym and stand-ins, each as a space-delimited word."""
        return tuple(f" {term} " for term in (*self.stems, self.acronym, *self.stand_ins) if term)

    def present_in(self, stored: str) -> frozenset[str]:
        """The topic's terms among a story's stored stems (space-separated); none when it has none of the
        topic's own words: related words alone cover too little of a topic to make a story about it.

        Measures on this small set equal those on the story's whole set, which costs far more to build (a
        prolific speaker has thousands of stories); most of those stories lack the topic's own words, found
        by a plain substring test four times faster than the pattern of all its terms.
        """
        padded = f" {stored} "
        if not any(term in padded for term in self._own_terms):
            return frozenset()
        return frozenset(self._term_pattern.findall(padded))

    def coverage(self, present: AbstractSet[str], related_credit: float) -> float:
        """How much of the topic a text covers: weighted share of its stems present (related ones count less)."""
        total = sum(self.weights.values())
        if not total:
            return 0.0
        if self.acronym and self.acronym in present:
            return 1.0
        present = self.spelt_out(present)
        got = 0.0
        for s in self.stems:
            if s in present:
                got += self.weights[s]
            elif self.related.get(s, frozenset()) & present:
                got += self.weights[s] * related_credit
        return got / total

    def evidenced(self, present: AbstractSet[str]) -> tuple[int, int]:
        """How many of the topic's stems a text holds itself, and how many more only through a related stem."""
        present = self.spelt_out(present)
        direct = [s for s in self.stems if s in present]
        related = [s for s in self.stems if s not in present and self.related.get(s, frozenset()) & present]
        return len(direct), len(related)

    def within(self, story: AbstractSet[str]) -> Topic:
        """The topic as read in one story, keeping related words only for topic words the story evidences.

        A story evidences a word by using it, or two or more of its related words that are not related to
        the topic's other words too: "products" alone says nothing of oil in a report on chip trade ("dlrs"
        goes with prices as well), while "lawsuit" and "file" together do speak of suing.
        """
        present = self.spelt_out(story)
        kept = {s: found for s, found in self.related.items() if self.evidences(s, present)}
        return replace(self, related=kept) if len(kept) < len(self.related) else self

    def among(self, paragraphs: Sequence[AbstractSet[str]]) -> Topic:
        """The topic as it tells some paragraphs (their stems) apart: each word's weight scaled by how few of them
        hold it, log(1 + n / holding) / log(1 + n) — whole for a word one of them holds, log 2 / log(1 + n) for
        one all hold."""
        if len(paragraphs) < 2:
            return self
        n = len(paragraphs)
        damped = {
            s: w * math.log(1 + n / max(1, sum(s in p for p in paragraphs))) / math.log(1 + n)
            for s, w in self.weights.items()
        }
        return replace(self, weights=damped)

    def evidences(self, word: str, present: AbstractSet[str]) -> bool:
        """Whether a text's stems evidence a topic word: it uses it, or two or more of its related stems that are
        related to no other topic word."""
        return word in present or self._own_related(word, present) >= 2

    def _own_related(self, word: str, present: AbstractSet[str]) -> int:
        """How many of a topic word's related stems a text holds that are related to no other topic word."""
        others = frozenset().union(*(found for s, found in self.related.items() if s != word))
        return len((self.related.get(word, frozenset()) - others) & present)

    def matched(self, present: AbstractSet[str]) -> int:
        """How many of the topic's own stems are among a text's stems."""
        return len(self.spelt_out(present) & set(self.stems))

    def spelt_out(self, present: AbstractSet[str]) -> AbstractSet[str]:
        """A text's stems with the topic's words its abbreviations stand for ("US" → united, state)."""
        spelt = {s for short, stems in self.stand_ins.items() if short in present for s in stems}
        return present | spelt if spelt else present


def written_in(text: str, word: str) -> bool:
    """Whether a text writes a word as it is, or as its plural or possessive."""
    return re.search(rf"\b{re.escape(word)}(?:s|'s|’s)?\b", text, re.IGNORECASE) is not None


def lower_case_in(text: str, word: str) -> bool:
    """Whether a text writes a word in lower case at the start of a word ("jobs", not "Jobs")."""
    return re.search(rf"\b{re.escape(word.lower())}", text) is not None


def named_in(text: str, word: str) -> bool:
    """Whether a text capitalises a word where a sentence does not start ("said Fry", not "Smoking is…"), however
    it goes on ("the ECB", "OPEC", "McDonald")."""
    for found in re.finditer(rf"\b{re.escape(word)}\b", text, re.IGNORECASE):
        before = text[: found.start()].rstrip()
        if found.group()[0].isupper() and before and before[-1] not in _SENTENCE_OPENERS:
            return True
    return False


def acronym_of(words: Sequence[str]) -> str:
    """The initials of a name of three or more words ("international finance facility" → "iff"), else ""."""
    return "".join(w[0] for w in words) if len(words) >= 3 and all(w.isalpha() for w in words) else ""


def idf(document_frequency: int, documents: int) -> float:
    """BM25's inverse document frequency, never below a small positive floor."""
    return max(0.05, math.log(1 + (documents - document_frequency + 0.5) / (document_frequency + 0.5)))
