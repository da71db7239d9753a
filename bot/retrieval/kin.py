"""Words of one family that Porter stems apart, which an article may write for a question's word: the deed for
its doer ("phishers" / phishing), an -ism's -ist, the other side of the Atlantic's spelling, two words written
as one, a small number in digits or in words, a country's name or demonym, a verb's past tense. Each finder
gives candidates (a term → the question's stems it stands for); the topic reader keeps those the archive uses."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import pairwise

from bot.attribution.roles import country_kin
from bot.retrieval.fts import number_twin
from bot.retrieval.terms import stem

_AGENT_NOUN = 6  # letters of the shortest -er stem read as a doer: "owner" is not someone who does "own"
_DOCTRINE_WORD = 6  # letters of the shortest -ism / -ist word with a sibling: not "list", "mist", "prism"
_SPELLING_WORD = 5  # letters of the shortest word respelt: not "four" / "for", "size" / "sise"
# Past tenses the lemmatiser leaves as they are, being other words too (the Korean won, a rose, broke as penniless),
# though the archive mostly writes them as the verb's: "prices rose", "Chelsea won".
_PAST_OF = {"win": "won", "rise": "rose", "break": "broke", "shake": "shook", "drink": "drank"}
_PAST_TENSES = _PAST_OF | {past: verb for verb, past in _PAST_OF.items()}  # each way
# A noun's ending and its adjective's, which Porter stems apart: economy / economic, finance / financial, president /
# presidential, environment / environmental, technology / technological, democracy / democratic, navy / naval.
_ADJECTIVE_ENDINGS = (
    ("omy", "omic"),
    ("ogy", "ogical"),
    ("cracy", "cratic"),
    ("ory", "orical"),
    ("nce", "ncial"),
    ("rce", "rcial"),
    ("ment", "mental"),
    ("ament", "amentary"),
)
# ... and pairs of no common ending.
_ADJECTIVES_OF = {
    "navy": "naval",
    "president": "presidential",
    "science": "scientific",
    "crime": "criminal",
    "medicine": "medical",
}
_NOUNS_OF = {adjective: noun for noun, adjective in _ADJECTIVES_OF.items()}
_DERIVED_ROOT = 3  # letters of the shortest root left before an ending: not "rent" / "rential"
# A word's endings as Britain and America write them, and the inflections each may carry: either side's form is
# tried for the other (forms no article uses are dropped).
_ATLANTIC_ENDINGS = (
    ("is", "iz", "e|es|ed|ing|ation|ations|er|ers"),  # stabilise / stabilize, privatisation
    ("ys", "yz", "e|es|ed|ing"),  # analyse / analyze
    ("our", "or", "|s|ed|ing|able|ite|ites"),  # labour / labor, favourite
    ("tre", "ter", "|s"),  # centre / center
    ("bre", "ber", "|s"),  # fibre / fiber
    ("gramme", "gram", "|s"),  # programme / program
    ("logue", "log", "|s"),  # catalogue / catalog
    ("ence", "ense", "|s"),  # licence / license
)


def _respelling(ending: str, respelt: str, inflections: str) -> tuple[re.Pattern[str], str]:
    """A word's ending and what it becomes, its inflection kept: three letters at least before the ending ("labour"
    / labor, but not "tour" / tor, "prize" / prise)."""
    return re.compile(f"(?<=[a-z]{{3}}){ending}({inflections})$"), rf"{respelt}\1"


_SPELLINGS = tuple(
    _respelling(ending, respelt, inflections)
    for british, american, inflections in _ATLANTIC_ENDINGS
    for ending, respelt in ((british, american), (american, british))
)
_TO_BRITISH = tuple(_respelling(american, british, inflections) for british, american, inflections in _ATLANTIC_ENDINGS)


@lru_cache(maxsize=8192)
def british_spelling(word: str) -> str:
    """A word as Britain would spell it ("defense" → defence, "labor" → labour), for comparing words written either
    way; the same for any word, so two spellings of one word compare equal (a word of no such ending as it is)."""
    for pattern, british in _TO_BRITISH:
        if (respelt := pattern.sub(british, word)) != word:
            return respelt
    return word


def may_be_an_agent(stem_: str) -> bool:
    """Whether a stem has an agent noun's shape ("phisher", "trader"; not "owner" nor "gener" of "generation")."""
    return len(stem_) >= _AGENT_NOUN and stem_.endswith("er")


def agent_stand_ins(stems: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The deed an agent noun's stem may stand for, as candidates: "phisher" → "phish", "trader" → "trade".

    A question asks about the doers ("phishers", "traders") where the article writes of the deed ("phishing
    attacks", "trade"), and Porter keeps the -er.
    """
    return {
        base: (word,)
        for word in stems
        if may_be_an_agent(word)
        for base in (word[:-2], word[:-1])
        if len(base) >= _AGENT_NOUN - 2
    }


def doctrine_stand_ins(words: Iterable[str], related: Mapping[str, AbstractSet[str]]) -> dict[str, tuple[str, ...]]:
    """The stem of a word's -ism / -ist sibling, which a text may use for it, as candidates: "sexism" → sexist,
    "terrorism" → terrorist, "racists" → racism.

    Porter keeps the two apart. Where it cuts "-ism" off, the root left often has other senses ("activism" →
    activ, of "active"; "populism" → popul, of "population"), so such a sibling counts only where the archive
    relates it to the word (``related``: stem → related stems): "terrorists" → terror, not "activist" → activ.
    """
    found: dict[str, tuple[str, ...]] = {}
    for word in words:
        root = word.removesuffix("s")
        if root.endswith(("ism", "ist")) and len(root) >= _DOCTRINE_WORD:
            sibling = stem(root[:-3] + ("ist" if root.endswith("ism") else "ism"))
            if sibling.endswith(("ism", "ist")) or sibling in related.get(stem(word), ()):
                found[sibling] = (stem(word),)
    return found


def spelling_stand_ins(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The stem of a word's other spelling, British or American, as candidates: "stabilise" → stabil (of
    "stabilize"), "labor" → labour, "centre" → center, "programme" → program: Reuters writes American, the BBC
    British, and a question either.
    """
    found: dict[str, tuple[str, ...]] = {}
    for word in words:
        if len(word) < _SPELLING_WORD:
            continue
        for pattern, other in _SPELLINGS:
            respelt = pattern.sub(other, word)
            if respelt != word and stem(respelt) != stem(word):
                found[stem(respelt)] = (stem(word),)
    return found


def closed_compounds(runs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """Two adjacent words written as one, with the stems they stand for, as candidates: "web site" → websit
    (web, site), "short fall" → shortfall. ``runs`` are lower-case words in order, ``""`` where a stopword
    broke the run."""
    return {
        stem(first + second): (stem(first), stem(second))
        for first, second in pairwise(runs)
        if first.isalpha() and second.isalpha()
    }


def number_stand_ins(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """A small number's other form, as candidates: "8" → eight, "six" → 6 (the BBC writes words, users digits)."""
    return {stem(twin): (stem(word),) for word in words if (twin := number_twin(word))}


def country_stand_ins(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """A country's demonym for its name and its name for a demonym, as candidates: "japan" → japanes, "south
    africa's" → african: a question on South Africa's maize is answered by a story on the South African corn
    crop."""
    return {stem(form): (stem(word),) for word in words for form in country_kin(word.lower())}


def past_tense_stand_ins(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """A verb's past tense for the verb and the verb for its past tense, as candidates: "rising" → rose, "won" → win:
    "did the pound rise?" is answered by "sterling rose"."""
    return {other: (stem(word),) for word in words if (other := _PAST_TENSES.get(stem(word)))}


def adjective_stand_ins(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """A noun's adjective for the noun and the adjective's noun for it, as candidates: "economy" → econom (of
    "economic"), "financial" → financ, "naval" → navi: "what did he say about the economy?" is answered by
    "economic growth will slow", "the naval reserve" by a story on the Navy's."""
    found: dict[str, tuple[str, ...]] = {}
    for word in (w.lower() for w in words):
        others = [_ADJECTIVES_OF.get(word, ""), _NOUNS_OF.get(word, "")]
        for noun, adjective in _ADJECTIVE_ENDINGS:
            for ending, other in ((noun, adjective), (adjective, noun)):
                if word.endswith(ending) and len(word) - len(ending) >= _DERIVED_ROOT:
                    others.append(word.removesuffix(ending) + other)
        for other in filter(None, others):
            if stem(other) != stem(word):
                found[stem(other)] = (stem(word),)
    return found
