"""Words of a question → a safe FTS5 query. User text never reaches FTS5 syntax unquoted."""

from __future__ import annotations

import re
from collections.abc import Iterable

_WORD = re.compile(r"\w+(?:['’]\w+)*", re.UNICODE)
# A possessive or a contracted verb ("he'd", "they'll", "we've") adds nothing to the word it hangs on;
# kept, "he'd" became the made-up word "hed", the rarest and so the weightiest word of its topic.
_CLITIC = re.compile(r"'(?:s|d|ll|ve|re|m)$")
_CODE = re.compile(r"([a-z]+)(\d{1,3})")  # "g7", "f16": written "G-7", "F-16" as often as not
# A group of nations is named by its size: "the Group of Seven" is the G7.
GROUP_OF = re.compile(r"\bgroup of (\w+)\b", re.IGNORECASE)
GROUP_SIZES = {
    word: str(size)
    for size, word in enumerate("zero one two three four five six seven eight nine ten eleven twelve".split())
} | {"twenty": "20"}
_SIZE_WORDS = {digits: word for word, digits in GROUP_SIZES.items()}  # "7" → "seven"
# A small number as the BBC writes it (in words) and as a question or a newswire may (in digits): "the 6 nations"
# are the Six Nations, "a 2 year ban" a two-year one. Not "one" (Porter's "on", in every text).
_TWINS = {word: digits for word, digits in GROUP_SIZES.items() if 2 <= int(digits) <= 12}
_TWINS |= {digits: word for word, digits in _TWINS.items()}

# Words that carry no topic: question scaffolding and the commonest function words. "get" is a light verb
# ("is eastenders getting an american version?", "what has he got to say"): kept, it matched any story
# saying "get" while the asked thing was worded otherwise.
STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any anything are as at be been before being
    below between both but by can could did do does doing done during each else few for from further
    had has have having he her here hers herself him himself his how i if in into is it its itself
    just latest many me mention mentioned more most much my myself news no nor not now of off on once only or
    other our ours out over own please regarding re said same say saying says she should so some
    such tell than that the their theirs them themselves then there these they this those through to
    too under until up upon us very was we were what whats when where which while who whom why will
    with would you your yours comments comment remarks think thinks thought view views anyone whose
    anybody someone somebody didnt doesnt dont isnt wasnt werent arent wont cant couldnt wouldnt
    shouldnt hasnt havent hadnt get gets getting got whether actually really ever still
    idea possibility issue issues prospect prospects question situation matter subject topic thoughts reaction
    chance chances kind sort type
    """.split()
)


def words(text: str) -> list[str]:
    """Lower-case word tokens of a text (letters and digits of any script; inner apostrophes kept)."""
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """The words of a question that name a topic: stopwords, possessives and contractions dropped, order kept."""
    return list(dict.fromkeys(word for word in content_runs(text) if word))


def content_runs(text: str) -> list[str]:
    """Every word of a text in order, possessives and contractions dropped, each stopword as ``""``.

    The blanks keep phrases apart: in "bank of england" the content words are not adjacent.
    """
    bare = (_CLITIC.sub("", word).replace("'", "") for word in words(text))
    return [word if word not in STOPWORDS else "" for word in bare]


def quote_term(term: str) -> str:
    """A term as an FTS5 string literal (double quotes doubled), so no character is syntax; a NUL, which would end
    the query's text there, read as a space."""
    return '"' + term.replace('"', '""').replace("\x00", " ") + '"'


def any_of(terms: Iterable[str]) -> str:
    """An FTS5 query matching paragraphs with any of the terms; empty when there are none."""
    return " OR ".join(_written(t) for t in terms if t)


def all_of(terms: Iterable[str]) -> str:
    """An FTS5 query matching paragraphs with every one of the terms; empty when there are none."""
    return " AND ".join(_written(t) for t in terms if t)


def number_twin(word: str) -> str:
    """A small number's other form ("8" → "eight", "six" → "6"), else ""."""
    return _TWINS.get(word, "")


def _written(term: str) -> str:
    """A term as the index finds it however a text writes it: a small number in digits or words, a code of
    letters and a number ("g7") also as written with a hyphen ("G-7", two tokens to FTS5, a word and "-7" to
    PostgreSQL), and a G-group by its name ("group of seven")."""
    if twin := number_twin(term):
        return f"({quote_term(term)} OR {quote_term(twin)})"
    if not (code := _CODE.fullmatch(term)):
        return quote_term(term)
    letters, number = code.groups()
    spellings = [term, f"{letters}-{number}"]
    if letters == "g":
        spellings.append(f"group of {_SIZE_WORDS.get(number, number)}")
    return "(" + " OR ".join(map(quote_term, spellings)) + ")"
