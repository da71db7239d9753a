"""Numbers in a topic ("band aid 30", "the g8 summit", "formula one") and whether a text holds each beside the words
it goes with, however it writes it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from bot.retrieval.fts import GROUP_SIZES, number_twin
from bot.retrieval.synonyms import synonyms_of
from bot.retrieval.terms import LONGEST_INITIALISM, TOKEN, group_codes, stem

_NUMBER_PARTS = 3  # a number may be split into this many tokens ("1,000,000"; "G-8" is two)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
# An amount ("$1m", "5bn", "2pc") is a quantity, not part of a name like "Band Aid 30": it needs no neighbour.
_AMOUNT = re.compile(r"\d+(?:m|bn|k|pc|pct|mln|bln)")
# Numbers written out are numbers too: "Formula One" needs its "one" beside "formula" (whose Porter stem,
# "on", every "on" in a text would otherwise match).
_NUMBER_WORDS = frozenset(word for word, digits in GROUP_SIZES.items() if 1 <= int(digits) <= 12)
_NUMBER_REACH = 3  # a number goes with a word at most this many words away ("Band Aid 30", "the 1984 miners' strike")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Units a number measures out: followed by one, a number is a quantity ("blogger for 14 years", "a 50 pct stake")
# that needs only its unit beside it, not the word before ("jailed … for 14 years").
_UNITS = frozenset(
    """
years year months month weeks week days day hours hour minutes seconds decades pct percent cent points miles
kilometres kilometers km metres meters tonnes tons barrels dollars dlrs pounds euros yen
""".split()
)
_YEAR_REACH = 8


def numbers_in_place(words: Sequence[str], text: str, story: AbstractSet[str] | None = None) -> bool:
    """Whether every number of a topic ("band aid 30", "g8 summit") stands in a text beside a word it goes with.

    A number is found however the text splits or joins it ("G-8" or "G 8" for "g8", "1000" for "1,000",
    "Live8" for "live 8"), and must stand within a few words of the words on either side of it in the
    question: "top 30 singles" in a story on Band Aid is not the Band Aid 30 single. A year dates what it
    stands beside wherever the text puts it ("the 1993 mumbai blasts", "the Mumbai (Bombay) blasts in 1993",
    "iron ore imports of 267.7 mln tonnes by 2000"): one of those words within a clause's reach is enough. An
    initialism beside it may be written out ("pl 480": Public Law 480).
    A group of nations named in full ("the Group of Seven" for "g7") needs no neighbour, nor does a number whose
    words the text's ``story`` (its stems, when given) never uses: the question put it in words of its own.
    """
    groups = _number_groups(words)
    if not groups:
        return True
    found = [t.lower() for t in TOKEN.findall(text)]
    stems: list[str] = []
    named = group_codes(text)
    for number, neighbours in groups:
        joined = {w + number for w in neighbours} | {number + w for w in neighbours}
        if not joined.isdisjoint(found) or number in named:
            continue  # written as one word with its neighbour, or a group's name
        twin = number_twin(number)
        places = [
            (i, i + n - 1)
            for i in range(len(found))
            for n in range(1, _NUMBER_PARTS + 1)
            if "".join(found[i : i + n]) == number or (n == 1 and found[i] == twin)
        ]
        if not places:
            return False
        if _AMOUNT.fullmatch(number):
            continue
        if story is not None and not any(stem(w) in story for w in neighbours):
            continue
        stems = stems or [stem(t) for t in found]
        if _YEAR.fullmatch(number):
            near = any(_near(stems, stem(w), start, end, _YEAR_REACH) for w in neighbours for start, end in places)
        else:
            forms = {w: (stem(w), *synonyms_of(w)) for w in neighbours}  # each word, or a strict synonym of it
            near = any(
                all(_near_any(stems, forms[w], start, end) or _spelt_before(found, w, start) for w in neighbours)
                for start, end in places
            )
        if not near:
            return False
    return True


def _spelt_before(tokens: Sequence[str], initials: str, start: int) -> bool:
    """Whether the tokens right before ``start`` are the words an initialism stands for ("pl 480": Public Law 480)."""
    n = len(initials)
    return 2 <= n <= LONGEST_INITIALISM and n <= start and "".join(t[0] for t in tokens[start - n : start]) == initials


def _near_any(stems: Sequence[str], forms: Sequence[str], start: int, end: int) -> bool:
    """Whether any of a word's stems (its own or a strict synonym's) stands near the tokens ``start``–``end``: "the
    new 777 aircraft" is Boeing's "new long-distance 777 plane"."""
    return any(_near(stems, wanted, start, end) for wanted in forms)


def _near(stems: Sequence[str], wanted: str, start: int, end: int, reach: int = _NUMBER_REACH) -> bool:
    """Whether a stem occurs within ``reach`` tokens of the tokens ``start``–``end``."""
    return wanted in stems[max(0, start - reach) : end + reach + 1]


def _number_groups(words: Sequence[str]) -> list[tuple[str, tuple[str, ...]]]:
    """Each run of number words in a topic, joined ("1", "000" → "1000"), with the words beside it.

    An ordinal needs no neighbour: "Elvis's 70th" is the singer's 70th birthday however the story words it; a
    quantity needs only its unit.
    """
    groups = []
    i = 0
    while i < len(words):
        if not _is_number(words[i]) or _ORDINAL.fullmatch(words[i]):
            i += 1
            continue
        end = i
        while end + 1 < len(words) and _is_number(words[end + 1]) and words[end + 1] not in _NUMBER_WORDS:
            end += 1
        beside = tuple(words[j] for j in (i - 1, end + 1) if 0 <= j < len(words))
        if end + 1 < len(words) and words[end + 1] in _UNITS:
            beside = (words[end + 1],)  # "jailed for 14 years": a quantity, found by its unit
        groups.append(("".join(words[i : end + 1]), beside))
        i = end + 1
    return groups


def _is_number(word: str) -> bool:
    """Digits ("30", "g8") or a number written out ("formula one")."""
    return word in _NUMBER_WORDS or any(c.isdigit() for c in word)
