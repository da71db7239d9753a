"""The spelling the archive uses for a topic word none of its paragraphs does: "millenium" → "millennium".

Suggested with the no-match, not answered on the guess: a word no article uses is as often a thing the
archive does not hold ("hubble") as a slip, and one letter from it there is usually some other word. Only two
neighbouring letters swapped, with one such spelling in use, is read as that spelling (``TopicReader``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from bot.retrieval.terms import Topic, stem

SHORTEST_RESPELT = 5  # letters: shorter words have too many neighbours one slip away ("warr": war, warn, ward)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_SHORTEST_PART = 3  # letters of each word a closed compound is read apart into ("web" + "site")


def unheard_of(word: str, frequency: Callable[[Sequence[str]], dict[str, int]]) -> bool:
    """Whether no paragraph uses a word (or its stem), by a store's ``frequency`` look-up."""
    term = stem(word.lower())
    return word.isalpha() and frequency([term]).get(term, 0) == 0


def one_slip_away(word: str) -> set[str]:
    """The words one slip from a word, keeping its first letter (a typo seldom changes it): one letter added,
    dropped or changed, or two neighbours swapped."""
    first, rest = word[:1], word[1:]
    splits = [(rest[:i], rest[i:]) for i in range(len(rest) + 1)]
    dropped = {a + b[1:] for a, b in splits if b}
    changed = {a + c + b[1:] for a, b in splits if b for c in _LETTERS}
    added = {a + c + b for a, b in splits for c in _LETTERS}
    return {first + slip for slip in dropped | changed | added} - {word} | neighbours_swapped(word)


def neighbours_swapped(word: str) -> set[str]:
    """The word with each two neighbouring letters swapped, its first letter kept (a typo seldom moves it)."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(1, len(word) - 1)} - {word}


def _tripled_once(word: str) -> set[str]:
    """The word with each letter typed three times in a row typed twice: no English word has a tripled letter."""
    return {word[:i] + word[i + 1 :] for i in range(len(word) - 2) if word[i] == word[i + 1] == word[i + 2]}


def slips_undone(words: Iterable[str], frequency: Callable[[Sequence[str]], dict[str, int]]) -> dict[str, str]:
    """For each word, the one spelling with two neighbouring letters swapped back, or a letter typed three times
    typed twice, whose stem paragraphs use ("tusnami" → tsunami, "syamntec" → symantec, "feees" → fees); words
    with none, or with several ("crued": crude or cured), are left out. One ``frequency`` look-up for all the
    words."""
    slips = {word: {stem(slip): slip for slip in neighbours_swapped(word) | _tripled_once(word)} for word in words}
    used = frequency(sorted({s for spelt in slips.values() for s in spelt}))
    found: dict[str, str] = {}
    for word, spelt in slips.items():
        readings = [s for s in spelt if used.get(s)]
        if len(readings) == 1:
            found[word] = spelt[readings[0]]
    return found


def written_apart(
    words: Iterable[str],
    frequency: Callable[[Sequence[str]], dict[str, int]],
    phrase_found: Callable[[str], bool],
) -> dict[str, str]:
    """For each word, the two words it joins that paragraphs write side by side ("stockmarket" → "stock market",
    "healthcare" → "health care"): the first split, left to right, into words of three letters or more that
    paragraphs use and ``phrase_found`` meets as a phrase. Words with none are left out."""
    found: dict[str, str] = {}
    for word in words:
        splits = [(word[:i], word[i:]) for i in range(_SHORTEST_PART, len(word) - _SHORTEST_PART + 1)]
        used = frequency(sorted({stem(part) for split in splits for part in split}))
        for first, second in splits:
            if used.get(stem(first)) and used.get(stem(second)) and phrase_found(f"{first} {second}"):
                found[word] = f"{first} {second}"
                break
    return found


def archive_spellings(
    words: Iterable[str], unused: set[str] | frozenset[str], frequency: Callable[[Sequence[str]], dict[str, int]]
) -> dict[str, str]:
    """For each word whose stem is ``unused`` (no paragraph uses it), the word one slip away that the most
    paragraphs use; words with no such neighbour are left out."""
    found: dict[str, str] = {}
    for word in words:
        if len(word) < SHORTEST_RESPELT or not word.isalpha() or stem(word) not in unused:
            continue
        # A slip that stems to a short word is an ending read as a word ("ased" for "asked" is "as").
        stems_of_slips = {slip: s for slip in one_slip_away(word) if len(s := stem(slip)) >= SHORTEST_RESPELT - 1}
        used = frequency(sorted(set(stems_of_slips.values())))
        best = max(stems_of_slips, key=lambda slip: (used.get(stems_of_slips[slip], 0), slip))
        if used.get(stems_of_slips[best], 0):
            found[word] = best
    return found


def spelling_hint(
    question: str,
    typed_topic: str,
    topic: Topic | None,
    frequency: Callable[[Sequence[str]], dict[str, int]],
    answered: Callable[[str], bool],
) -> str:
    """A no-match's "Did you mean …?" with the topic as the archive spells it, when it holds a word no article
    uses that is one slip from one they do and the ``question`` so spelt is ``answered`` ("the millenium dome");
    empty otherwise ("the hubble telescope" is not the humble one, nor "the panama canal" a pajama canal)."""
    if topic is None or not topic.unused:
        return ""
    fixes = archive_spellings(topic.words, topic.unused, frequency)
    if not fixes:
        return ""

    def spelt(text: str) -> str:
        return re.sub(r"\w+", lambda word: fixes.get(word[0].lower(), word[0]), text)

    # The question so spelt has fewer such words, so asking it ends (a word not written as such is left).
    if spelt(question) == question or not answered(spelt(question)):
        return ""
    return f" Did you mean “{spelt(typed_topic)}”?"
