"""How a typed name or role reads: as the stored aliases write it, as a role or not, with its apposition put
first, and the misspellings forgiven in a given name."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import OSA

from bot.retrieval.role_holders import last_role_noun

_TITLES = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|baroness|baron|president|prime minister|pm|minister|chancellor"
    r"|secretary|senator|sen|governor|gov|prof|professor|general|gen)\.?\s+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’](?:s\b|(?=\s|$))")  # "mills's", "mills'" (not "o'neill")
_ASIDE = re.compile(r"\([^()]*\)")  # "james baker (us treasury)"
JOINS = ("and", "&", "or")  # "sumita and miyazawa", "lyng or yeutter": people asked about together
AT_BODY = frozenset({"of", "at", "from"})  # "james howard of cargill": a name, then the body it works for
_SERVING = AT_BODY | {"for", "in", "to", "with"}  # "the minister for europe": a role, then whom it serves
_JOINED = re.compile(f" (?:{'|'.join(JOINS)}) ")
# "blair, brown(,) and howard": names listed, the last after a join (a comma alone sets off a role: "baker, the
# treasury secretary").
_LIST = re.compile(f"[^,]+(?:,[^,]+)*,?\\s+(?:{'|'.join(JOINS)})\\s+[^,]+")
_LISTED = re.compile(f",\\s*(?:(?:{'|'.join(JOINS)})\\s+)?|\\s+(?:{'|'.join(JOINS)})\\s+")


def names_joined(name: str) -> list[str]:
    """The parts of a name joined by "and", "&" or "or" ("sumita and miyazawa"); the name alone if none."""
    return _JOINED.split(name)


def names_listed(typed: str) -> list[str]:
    """The names a typed list gives ("blair, brown and howard"), else none."""
    if "," not in typed or not _LIST.fullmatch(typed.strip()):
        return []
    return [name.strip() for name in _LISTED.split(typed.strip()) if name.strip()]


def listing(names: Sequence[str]) -> str:
    """Names written as a list ``names_listed`` reads back: "A", "A and B", "A, B and C"."""
    return " and ".join(filter(None, [", ".join(names[:-1]), *names[-1:]]))


def role_before_name(typed: str) -> str:
    """A typed name with its apposition put before it, as news writes a role ("baker, the treasury secretary":
    "the treasury secretary baker"; "the chancellor, gordon brown" has it there), and without an aside in brackets
    ("james baker (us treasury)")."""
    typed = " ".join(_ASIDE.sub(" ", typed).split()) or typed
    first, comma, apposed = typed.partition(", ")
    if not comma or not (apposed := apposed.strip(" ,")):
        return typed
    return f"{first} {apposed}" if names_a_role(first) and not names_a_role(apposed) else f"{apposed} {first}"


def normalise_name(text: str) -> str:
    """A name or role as aliases are stored: lower case, no possessive, hyphens and dots as spaces."""
    text = _POSSESSIVE.sub("", text.lower())
    return " ".join(text.replace("-", " ").replace(".", " ").split())


@lru_cache(maxsize=32_768)
def name_words(full_name: str) -> tuple[str, ...]:
    """A stored person's name as words, cached: a common surname's thousands of holders are read per question."""
    return tuple(normalise_name(full_name).split())


def full_name(name: str) -> bool:
    """Whether a person's name has two words or more (a person, not a bare word's entity)."""
    return len(name_words(name)) > 1


def names_a_role(typed: str) -> bool:
    """Whether a typed speaker holds a role noun ("the japanese farm ministry official", "fed chairman johnson")."""
    return last_role_noun(normalise_name(typed).split()) >= 0


def reads_as_a_role(typed: str) -> bool:
    """Whether typed words are a role as a whole: a role noun ends them ("the lib dem home affairs spokesman") or is
    followed by whom it serves ("the head of the imf"), not by a clause of its own ("judges running inquiries",
    "hong kong wanting to co-host the world cup": a topic)."""
    words = normalise_name(typed).split()
    last = last_role_noun(words)
    return last >= 0 and (last == len(words) - 1 or words[last + 1] in _SERVING)


def given_in(typed: str, given: tuple[str, ...]) -> bool:
    """Whether a typed first name, or its initial ("a. campbell"), is one of a stored person's first names."""
    return typed in given or (len(typed) == 1 and any(name.startswith(typed) for name in given))


def misspelt(typed: list[str], given: tuple[str, ...]) -> bool:
    """Whether each typed first name is one of a stored person's with at most a letter wrong (none in the short
    names ``allowed_edits`` forgives nothing in)."""
    return all(any(OSA.distance(t, g) <= min(1, allowed_edits(t)) for g in given) for t in typed)


def allowed_edits(name: str) -> int:
    """Typos forgiven in a name: none in very short names (too many near misses), then one, then two."""
    if len(name) < 4:
        return 0
    return 1 if len(name) < 8 else 2


def untitled(name: str) -> str:
    """A normalised name without a title or form of address before it ("mr blair", "chancellor brown")."""
    return _TITLES.sub("", name)
