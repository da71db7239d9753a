"""Find person names and the roles written next to them ("Tory leader Michael Howard", "X, chief executive")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from .lexicon import (
    COMMON_CAPS,
    HONORIFICS,
    NON_PERSON_WORDS,
    PEERAGE,
    ROLE_HEADS,
    ROLE_QUALIFYING_CAPS,
    ROLE_STOP,
    SPEECH_VERBS,
    word_pattern,
)

_CAP_WORD_REST = r"[a-z]*(?:[A-Z][a-z]+)*(?:-(?:[A-Z]['’](?=[A-Z]))?[A-Z]?[a-z]+)*"  # "Murphy-O'Connor"
_CAP_WORD = rf"(?:[A-Z][a-z]?['’](?=[A-Z]))?[A-Z]{_CAP_WORD_REST}"
_ADDRESSES = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Rep", "Sen", "Gov", "Gen", "Col", "Capt", "Lt", "St")
# Initials come before plain words so that "T. Boone Pickens" is one run, not "T" and "Boone Pickens".
_TOKEN = rf"(?:(?:{'|'.join(_ADDRESSES)})\.|[A-Z]\.(?:[A-Z]\.)*|{_CAP_WORD})"
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|la|le|bin|ibn|al|el|dos|del)"
# Function words and adverbs no name ends with ("Gonna Fly Now", "For Your Eyes Only", "Stand Up": songs).
_NEVER_LAST = frozenset(
    "in with of to for is on from about than between without into by at as the a an and but or it this that"
    " now only then again too here there yet ever soon today tonight tomorrow yesterday up down out off away".split()
)
# Words that open a sentence and never continue a name: "Vadim Mitroshin The minister…" lost a full stop.
_OPENERS = r"(?:The|A|An|And|But|Or|He|She|It|They|We|His|Her|Its|This|That)"


def _after_capital() -> str:
    """What _TOKEN matches after its first capital, the alternatives in the same order; (?<=M) says which it was."""
    addresses = "|".join(
        f"(?<={first})(?:{'|'.join(a[1:] for a in _ADDRESSES if a[0] == first)})\\."
        for first in dict.fromkeys(a[0] for a in _ADDRESSES)
    )
    return rf"(?:{addresses}|\.(?:[A-Z]\.)*|(?:[a-z]?['’][A-Z])?{_CAP_WORD_REST})"


# A run of capitalised words, which may hold a role, a form of address and a name; a name's particles
# stand alone or hyphened ("Ludwig van Beethoven", "Sheikh Ali al-Khalifa al-Sabah").
# Its first token is written as a capital, the look-behind, then the token's rest: a pattern that starts
# with a character class lets the regex engine skip from capital to capital, a third faster than
# starting with a look-ahead or look-behind.
NAME_RUN = re.compile(
    rf"[A-Z](?<![\w'’.-].){_after_capital()}(?: (?!{_OPENERS}\b)(?:{_PARTICLE}[ -])?{_TOKEN})*(?![\w-])"
)

_HEADS = "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
_STOP = "|".join(sorted(ROLE_STOP, key=len, reverse=True))
_MODIFIER = rf"(?!(?i:{_STOP})\b)[A-Za-z][\w'’-]*"
_FIELD = rf"(?!(?:{_STOP}|{_HEADS})\b)[a-z][\w'’-]*"  # "work and pensions": fields a role joins, not two roles
# The body a role is held at, named after it: "head of the Turkish Central Bank", and after "for" and a
# description, "spokesman for anti-virus firm Trend Micro". Its name is the group ``body``.
_HELD_AT = r"\s+(?:of|at|for|with)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}"
_BODY_NAME = rf"{_CAP_WORD}(?:\s+(?:(?:of|and)\s+)?{_CAP_WORD}){{0,3}}|[A-Z]{{2,5}}"
# ", chairman of the group" / ", the OECD's chief economist" straight after a name.
_APPOSITION = re.compile(
    rf",\s+(?:who\s+is\s+)?(?:(?:the|a|an|its|his|her|their)\s+)?(?:(?P<owner>[\w.]+)['’]s\s+)?"
    rf"(?P<mods>(?:(?:{_FIELD}\s+and\s+(?=[a-z]))?{_MODIFIER}\s+){{0,5}})(?P<head>(?i:{_HEADS}))\b(?![\w-])"
    rf"(?:{_HELD_AT}(?P<body>{_BODY_NAME})\b)?"
)  # "Shauna Perry, Bioware's audio and external resources producer"
# "The director of the film, Vinod Pande, says": a definite role, then the name in apposition; so a role
# that opens a sentence ("Computer specialist at the IAEA, Peter Smith, would like").
_ROLE_THEN_NAME = re.compile(
    rf"(?:\b[Tt]he\s+|^|(?<=[.!?]\s))(?P<mods>(?:{_MODIFIER}\s+){{0,3}})(?P<head>(?i:{_HEADS}))"
    rf"(?:{_HELD_AT}(?P<body>{_BODY_NAME}|[a-z]+))?,\s$"
)
# ", who chairs the Commons work and pensions committee,": the office as a relative clause.
_WHO_HOLDS = re.compile(r",\s+who\s+(?P<verb>chairs|heads|leads)\s+(?:the\s+)?(?P<body>[^,.;:()]{3,80})")
_HELD_AS = {"chairs": "chair", "heads": "head", "leads": "leader"}
_BREAKERS = ROLE_HEADS | NON_PERSON_WORDS
# A role written before a name starts after the sentence's verb: "Brown accused shadow chancellor X".
_BEFORE_ROLE = ROLE_STOP | frozenset(HONORIFICS) | frozenset(SPEECH_VERBS)
# Organisation words that are also given names: they break a run only at its end ("Finance Bill").
_GIVEN_NAMES = frozenset({"bill"})
# "<role> for/of [Place and]": what follows names a constituency, country or body.
_OFFICE_OF = re.compile(rf"([\w-]+) (?:for|of) (?:(?:{_CAP_WORD} )+and )?$")
# "<Office> of [the]", "<Body> for [the]": what follows completes the body's name.
_BODY_OF = re.compile(r"\b([A-Z][a-z]+) (?:of|for) (?:the )?$")
# Role nouns that are mostly adjectives in front of another capitalised word.
_ADJECTIVAL_HEADS = frozenset({"general", "chief", "head", "deputy", "host", "guest", "official", "player"})
_FOLLOWING_ROLE = re.compile(rf" (?:{_HEADS})\b")
# A known person's surname after a possessive run: the run is the body (or side) they belong to.
_OWNED_NAME = re.compile(rf"['’]s (?:{_CAP_WORD} )?({_CAP_WORD})\b(?! [A-Z])")
# A role noun and its field right before a name: "director of rugby", "head of research", "chairman of the board".
_ROLE_OF_FIELD = re.compile(r"(?<![\w-])(?P<head>[A-Za-z-]+) of (?:the )?(?P<field>[a-z]+(?: [a-z]+)?) $")
# A peer's territorial designation: "Lord Roberts of Conwy", "Baroness Hale of Richmond".
_DESIGNATION = re.compile(rf" of (?:the )?{_CAP_WORD}(?: {_CAP_WORD}){{0,2}}(?![\w-])")
_PEERS = frozenset({"lord", "lady", "baroness", "baron"})
# Styles of royals and prelates, written after an office and before the name ("Foreign Minister Prince Saud").
_STYLES = frozenset({"prince", "princess", "king", "queen", "sheikh", "emir", "sultan", "cardinal"})
# Words of bodies and places that are also common surnames ("Dick Pound", "Kanye West", "Doris Day").
_SURNAMES_LIKE_BODIES = frozenset(
    "pound day west hall press sterling london washington church lane park house banks price street north".split()
)
# Forms of address that are offices: the person holds the role they name.
_TITLE_ROLES = {
    "sen": "senator",
    "gov": "governor",
    "gen": "general",
    "prof": "professor",
    "professor": "professor",
    "capt": "captain",
}
# Family members introduced through a relative: "Mr Eavis' daughter Emily", "his wife Cherie".
RELATIONS: dict[str, str | None] = {
    **dict.fromkeys("wife daughter sister mother widow niece granddaughter".split(), "f"),
    **dict.fromkeys("husband son brother father widower nephew grandson".split(), "m"),
}
# "Secretary of State George Shultz", "Chancellor of the Exchequer Nigel Lawson", "Secretary of Trade and
# Industry Jose Concepcion": a capitalised role noun, "of"/"for", and the office, whose last words begin
# the run that ends with the holder's name.
_OFFICE = re.compile(
    rf"(?<![\w.])(?P<mods>(?:(?:{_TOKEN}|[A-Z]{{2,}}) ){{0,3}})(?P<head>{_CAP_WORD})"
    rf" (?:of|for) (?:the )?(?P<office>(?:{_CAP_WORD},? )*(?:and )?)$"  # "for Children, Young People and Families"
)
_INITIAL = re.compile(r"[A-Z]\.")
# An employer's abbreviation before a role: "BP Managing Director David Simon", "U.S. Trade Representative".
_EMPLOYER = re.compile(r"(?<![\w.])(?:[A-Z]{2,5}|(?:[A-Z]\.){2,3}) $")
# "Analyst Sanford Margoshes of Shearson Lehman Brothers said": the body after the name is the role's.
_BODY_AFTER = re.compile(
    rf" (?:of|at) (?:the )?(?P<body>{_CAP_WORD}(?: (?:(?:of|and) )?{_CAP_WORD}){{0,3}}|[A-Z]{{2,5}})\b"
)
_RELATIVE_OF = re.compile(
    rf"(?:\b(?P<pronoun>[Hh]is|[Hh]er)|(?P<surname>{_CAP_WORD})['’]s?) (?P<relation>{'|'.join(RELATIONS)}) $"
)


@dataclass(frozen=True, slots=True)
class Role:
    """A position such as "deputy foreign minister": its head noun and lower-case modifiers."""

    head: str
    modifiers: frozenset[str]
    text: str


class NameMention(NamedTuple):
    """A capitalised run read as a person's name, with any role written around it.

    A named tuple rather than a frozen dataclass: an article makes a few dozen, and a frozen
    dataclass's __init__ (one object.__setattr__ per field) costs several times more to build.
    """

    start: int
    end: int
    words: tuple[str, ...]  # the name itself, without role words or form of address
    honorific: str  # lower-case form of address ("mr", "sir") or ""
    roles: tuple[Role, ...]
    # A name even if one word: a capitalised title came first ("Energy Minister Subroto"), or it closes an
    # inverted report ('"…," said Sotherton.').
    titled: bool = False
    designation: str = ""  # a peer's "of Conwy"
    gender: str | None = None  # known from how the person was introduced ("his daughter Emily")
    kin_of: str = ""  # "his wife Cherie": the gender of the relative whose surname she takes

    @property
    def is_full(self) -> bool:
        """True when the mention gives more than a surname ("Khalaf Khalafov", "Sir John Bourn")."""
        return len(self.words) > 1


@lru_cache(maxsize=4096)
def role_head(word: str) -> str | None:
    """The role noun a word names ("Under-Secretary" -> "secretary"), or None.

    Cached: it is asked of the word before every name, and the same few words come up again and again.
    """
    word = word.lower().rstrip(",")
    if word in ROLE_HEADS:
        return word
    tail = word.rpartition("-")[2]
    return tail if tail in ROLE_HEADS else None


def make_role(words: list[str]) -> Role | None:
    """Build a role from words whose last one is a role noun; None when it is not one."""
    head = role_head(words[-1]) if words else None
    if head is None:
        return None
    lowered = [w.lower().strip(",;:") for w in words]
    mods = frozenset(w for w in lowered[:-1] if w not in ROLE_STOP)
    return Role(head, mods, " ".join(lowered))


_SPEAKS_NEXT = re.compile(rf",? (?:{word_pattern(SPEECH_VERBS)})\b")


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` when one space separates them (punctuation and all), else ""."""
    if start < 2 or text[start - 1] != " ":
        return ""
    return text[text.rfind(" ", 0, start - 1) + 1 : start - 1]


def _after_role_noun(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a lower-case role noun ("minister Subroto", not "Minister" or
    "minister." ending a sentence)."""
    word = _word_before(text, start)
    return word.islower() and role_head(word) == word


def _role_before(text: str, start: int) -> Role | None:
    """Read lower-case role words just before a name ("TV presenter Anne Robinson", "Gloucester director of
    rugby Nigel Melville": the field after "of" qualifies the role, "rugby director")."""
    if start < 2 or text[start - 1] != " ":
        return None
    if role_head(_word_before(text, start)) is None:
        # The common case, checked without the regex: no role word, and no "of" among the last few words.
        of_field = text.find(" of ", max(0, start - 30), start) >= 0 and _ROLE_OF_FIELD.search(
            text, max(0, start - 50), start
        )
        if not of_field or role_head(of_field["head"]) is None or ROLE_STOP.intersection(of_field["field"].split()):
            return None  # "director of product at Ask Jeeves": the body follows, read elsewhere
        words = text[max(0, of_field.start() - 60) : of_field.start()].split()[-4:]
        taken = [of_field["head"], *of_field["field"].split()[::-1]]
    else:
        words = text[max(0, start - 60) : start].split()[-6:]
        taken = [words.pop()]
    while words and len(taken) < 5:
        word = words[-1]
        if word[-1] in ',.;:"”)' or word.lower() in _BEFORE_ROLE:
            break
        taken.append(words.pop())
    return make_role(taken[::-1])


def _role_apposed_before(text: str, start: int) -> Role | None:
    """Read a role a name stands in apposition to ("The director of the film, Vinod Pande, says")."""
    if not text.endswith(", ", 0, start):
        return None  # the common case, checked without the regex
    match = _ROLE_THEN_NAME.search(text, max(0, start - 100), start)
    if match is None:
        return None
    body = match["body"].split() if match["body"] else []
    return make_role([*body, *match["mods"].split(), match["head"]])


def _role_after(text: str, end: int) -> Role | None:
    """Read an apposition role just after a name ("Sir Andrew Green, chairman of ...")."""
    if not text.startswith(",", end):
        return None  # the common case, checked without the regex
    match = _APPOSITION.match(text, end)
    if match is None:
        held = _WHO_HOLDS.match(text, end)
        return make_role([*held["body"].split()[:6], _HELD_AS[held["verb"]]]) if held else None
    # The body it is held at ("chairman of the group"), else its owner ("the OECD's chief economist").
    body = match["body"].split() if match["body"] else [match["owner"]] if match["owner"] else []
    return make_role([*body, *(word for word in match["mods"].split() if word != "and"), match["head"]])


def _is_breaker(token: str, last: bool) -> bool:
    """True for words that cannot be part of a person's name: roles, acronyms, organisation words."""
    lower = token.lower()
    if lower in _BREAKERS:
        return last or lower not in _GIVEN_NAMES
    if token.isupper() and len(token) > 1 and ("." not in token or lower.replace(".", "") in _BREAKERS):
        return True  # acronyms and the initialisms of places and bodies ("OECD", "U.S.")
    if token.isalpha():
        return False
    if "-" in token and token.rpartition("-")[2].islower():
        return True  # "Film-maker", "Co-founder": a description; a name's parts are capitalised ("Leigh-Pemberton")
    return ("-" in lower and role_head(lower) is not None) or any(c.isdigit() for c in token)


def _split_run(tokens: list[str]) -> tuple[list[str], str, list[str]]:
    """Split a run into the words before the name (role, party), form of address and name words."""
    prefix: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].lower().rstrip(".") in PEERAGE:
            prefix, tokens = tokens[:i], tokens[i:]
            break
        if _is_breaker(tokens[i], i == len(tokens) - 1) and not (i and tokens[i - 1].lower().rstrip(".") in HONORIFICS):
            prefix, tokens = tokens[: i + 1], tokens[i + 1 :]
            break
    honorific = ""
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].lower().rstrip(".") in HONORIFICS:
            # "No More Mr Nasty": what comes before a form of address is not part of the name.
            honorific, tokens = tokens[i].lower().rstrip("."), tokens[i + 1 :]
            break
    return prefix, honorific, tokens


def _looks_like_name(words: list[str], honorific: str) -> bool:
    """Reject runs that are ordinary capitalised words or strings of initials."""
    if not words or len(words) > 4:
        return False
    if all(len(w) == 2 and w.endswith(".") for w in words):
        return False
    if words[-1].lower() in _NEVER_LAST:
        return False  # a title's words ("Born In The USA", "Knights Of The Round Table"), not a name
    if honorific:
        return True
    return all(w.lower() not in COMMON_CAPS for w in words[:-1])


def relative_mention(text: str, start: int, word: str) -> NameMention | None:
    """A first name introduced through a relative: "Mr Eavis' daughter Emily" gives Emily Eavis.

    With "his"/"her" instead of a name, the mention keeps one word and records in ``kin_of`` the
    gender of the relative, whose surname the reader supplies.
    """
    match = _RELATIVE_OF.search(text, max(0, start - 40), start)
    if match is None:
        return None
    gender = RELATIONS[match["relation"]]
    end = start + len(word)
    if match["surname"]:
        return NameMention(start, end, (word, match["surname"]), "", (), gender=gender)
    return NameMention(
        start, end, (word,), "", (), gender=gender, kin_of="m" if match["pronoun"].lower() == "his" else "f"
    )


def _after_office(text: str, start: int) -> bool:
    """True for a run after "<role> for/of" ("MP for Hornsey and Wood Green"): a place or body, not a person."""
    if not text.endswith((" for ", " of ", " and "), 0, start):
        return False
    match = _OFFICE_OF.search(text[max(0, start - 60) : start])
    return match is not None and role_head(match[1]) is not None


def _in_body_name(text: str, start: int) -> bool:
    """True for a run that ends a body's name ("the FDA's Office of Drug Safety", "Bank of Sierra Leone",
    "the Institute for Fiscal Studies")."""
    if not text.endswith((" of ", " of the ", " for ", " for the "), 0, start):
        return False
    match = _BODY_OF.search(text, max(0, start - 40), start)
    return match is not None and match[1].lower() in NON_PERSON_WORDS


def _employed(role: Role, employer: str) -> Role:
    """A role with its employer's name or abbreviation as the first modifiers ("bp managing director")."""
    words = employer.replace(".", "").lower().split()
    return Role(role.head, role.modifiers | (frozenset(words) - ROLE_STOP), " ".join([*words, role.text]))


def _office_mention(text: str, start: int, run: str) -> NameMention | None:
    """A name written after the office it holds, with that office as its role; None for other runs.

    The run after "of"/"for" holds the office's last word(s) and then the name: its last two words, or
    three with a middle initial ("George P. Shultz"). "MP for Hornsey and Wood Green" is a place.
    """
    if not text.endswith((" of ", " for ", " the ", " and "), 0, start):
        return None  # the common case, checked without the regex
    office = _OFFICE.search(text, max(0, start - 90), start)
    head = role_head(office["head"]) if office else None
    tokens = run.split(" ")
    size = 3 if len(tokens) > 3 and _INITIAL.fullmatch(tokens[-2]) else 2
    if office is None or head is None or len(tokens) <= size:
        return None
    name = tokens[-size:]
    if any(_is_breaker(word, False) or word.lower() in COMMON_CAPS for word in name):
        return None
    words = [*office["mods"].split(), *office["office"].replace(",", "").split(), *tokens[:-size]]
    # Sentence-initial words ("But") are dropped; an abbreviation ("US") is not one of them.
    modifiers = [w.lower().replace(".", "") for w in words if w.isupper() or w.lower() not in COMMON_CAPS]
    # Stored as "<office> <head>" ("agriculture secretary"), the order the other roles and questions use.
    role = Role(head, frozenset(modifiers) - ROLE_STOP, " ".join([*modifiers, head]))
    name_start = start + len(run) - len(" ".join(name))
    return NameMention(name_start, start + len(run), tuple(name), "", (role,), titled=True)


def find_names(text: str, known: set[str]) -> list[NameMention]:
    """Return the person-like name mentions in a paragraph, in text order.

    :param known: lower-case name words introduced so far; a lone capitalised word counts only if
        it is one of them. The words of full names found here are added.
    """
    found: list[NameMention] = []
    taken_until = 0
    for match in NAME_RUN.finditer(text):
        run = match[0]
        after_role = False
        if " " not in run and run.lower() not in known:
            # Most runs are one sentence-initial or place word, skipped cheaply. "Energy minister Subroto said":
            # one name is all some people go by; only as a speech verb's subject, for after a role noun stand
            # bodies and awards too ("oil producer Yukos", "best actor Oscar").
            if not _SPEAKS_NEXT.match(text, match.end()) or not _after_role_noun(text, match.start()):
                continue
            if run.lower() in COMMON_CAPS:
                continue
            after_role = True
        if match.start() < taken_until:
            continue  # part of a peer's designation already read
        if office := _office_mention(text, match.start(), run):
            known.update(word.lower() for word in office.words)
            found.append(office)
            continue
        shape = _RUN_SHAPES.get(run)
        if shape is None:
            if len(_RUN_SHAPES) > _MAX_SHAPES:
                _RUN_SHAPES.clear()
            shape = _RUN_SHAPES[run] = _run_shape(run)
        if shape == _NOT_A_NAME:  # not `is`: compiled, a tuple is rebuilt each time it is read
            if surnamed := _surname_like_a_body(text, match.start(), run):
                known.update(word.lower() for word in surnamed.words)
                found.append(surnamed)
            continue
        skip, prefixed, prefix_roles, honorific, words, titled, lowered = shape
        start = match.start() + skip
        if _after_the(text, start) and not (honorific and role_head(words[0]) is None):
            # "the Weakest Link", "the Daily Mail", "the Lord Chancellor": titles, bodies and offices; but "the
            # Foreign Policy Centre Mr Straw" is a body, then a man.
            continue
        if _FOLLOWING_ROLE.match(text, match.end()):
            continue  # "Real Madrid striker", "Mittal Steel spokesman": an employer, not a person
        if (owned := _OWNED_NAME.match(text, match.end())) and owned[1].lower() in known:
            continue  # "Chase Manhattan's Nicol", a person already named: the run is whose they are
        if not prefixed and not honorific and (_after_office(text, start) or _in_body_name(text, start)):
            continue
        end = match.end()
        designation = ""
        if honorific in _PEERS:
            peer = _DESIGNATION.match(text, end)
            if peer is not None:
                designation, end = peer[0].strip(), peer.end()
                taken_until = end
        if prefix_roles and (employer := _EMPLOYER.search(text, max(0, match.start() - 8), match.start())):
            prefix_roles = (_employed(prefix_roles[0], employer[0].strip()), *prefix_roles[1:])
        before = None if prefixed else _role_before(text, start) or _role_apposed_before(text, start)
        if (prefix_roles or before) and not designation and (body := _BODY_AFTER.match(text, end)):
            # "Analyst Sanford Margoshes of Shearson Lehman Brothers": the role is the body's.
            prefix_roles = tuple(_employed(role, body["body"]) for role in prefix_roles)
            before = before and _employed(before, body["body"])
        roles = [*prefix_roles, *filter(None, [_role_after(text, end)])]
        if before:
            roles.append(before)
        titled = titled or after_role
        if len(words) > 1 or honorific or titled:
            known.update(lowered)
        found.append(NameMention(start, end, words, honorific, tuple(roles), titled, designation))
    return found


def _surname_like_a_body(text: str, start: int, run: str) -> NameMention | None:
    """A first name and a surname that is also a body's word, after a role: "WADA chief Dick Pound", "rapper
    Kanye West". Without the role such a pair is read as a body or a place ("Wall Street", "Jet Star")."""
    words = run.split(" ")
    lead, name = words[:-2], words[-2:]
    if (
        len(name) < 2
        or len(lead) > 1
        or name[1].lower() not in _SURNAMES_LIKE_BODIES
        or _is_breaker(name[0], False)
        or name[0].lower() in COMMON_CAPS
        or _after_the(text, start)
    ):
        return None
    role = make_role(lead) if lead else _role_before(text, start)
    if role is None:
        return None
    name_start = start + len(run) - len(" ".join(name))
    return NameMention(name_start, start + len(run), tuple(name), "", (role,), titled=bool(lead))


def _after_the(text: str, start: int) -> bool:
    """Whether a run is written after "the": a title or a body ("the Daily Mail", "the Wall Street"), no person."""
    return text[max(0, start - 4) : start].lower() == "the "


def _gerund(word: str) -> bool:
    """An -ing word that opens a sentence ("Speaking", "Managing"); "King" is a title."""
    return word.endswith("ing") and role_head(word) is None


_Shape = tuple[int, bool, tuple[Role, ...], str, tuple[str, ...], bool, tuple[str, ...]]
_NOT_A_NAME: _Shape = (-1, False, (), "", (), False, ())
# What a run of capitalised words is, whatever surrounds it; the same runs recur through an article
# and across articles ("Mr Blair"), so the split is worked out once per distinct run.
_RUN_SHAPES: dict[str, _Shape] = {}
_MAX_SHAPES = 50_000


def _run_shape(run: str) -> _Shape:
    """Split a run once: (characters of sentence-initial words skipped, whether words came before the
    name, the roles they make, form of address, name words, whether a title came first, the name words
    in lower case), or _NOT_A_NAME."""
    tokens = run.split(" ")
    skip = 0
    # Sentence-initial words ("But", "The", "Former") are capitalised without being names.
    while len(tokens) > 1 and (tokens[0].lower() in COMMON_CAPS or _gerund(tokens[0])):
        skip += len(tokens[0]) + 1
        tokens = tokens[1:]
    # Those right before a role still qualify it: "Chief Executive", "Managing Director".
    qualifying = run[:skip].split()
    while qualifying and not (qualifying[0].lower() in ROLE_QUALIFYING_CAPS or _gerund(qualifying[0])):
        qualifying.pop(0)
    if len(tokens) == 1 and (tokens[0].lower() in COMMON_CAPS or tokens[0].lower() in HONORIFICS):
        return _NOT_A_NAME
    prefix, honorific, words = _split_run(tokens)
    if not _looks_like_name(words, honorific):
        return _NOT_A_NAME
    head = role_head(prefix[-1]) if prefix else None
    titled = head is not None and head not in _ADJECTIVAL_HEADS  # "General Election" names no one
    roles = _prefix_roles([*qualifying, *prefix])
    if len(words) == 1 and not (honorific or titled or roles) and any(w.lower() in NON_PERSON_WORDS for w in prefix):
        return _NOT_A_NAME  # "Chemical Bank Tokyo": a body and its branch's place, not a one-word name
    if honorific in _TITLE_ROLES:  # "Sen. Christopher Bond" is a senator, asked for as one; "U.S. Sen." a U.S. one
        office = make_role([*([] if roles else [*qualifying, *prefix]), _TITLE_ROLES[honorific]])
        roles = (*roles, *filter(None, [office]))
    return skip, bool(prefix), roles, honorific, tuple(words), titled, tuple(w.lower() for w in words)


def _prefix_roles(prefix: list[str]) -> tuple[Role, ...]:
    """The roles written before a name: one, or the office and the style of a royal or prelate after it
    ("Foreign Minister Prince Saud": the foreign minister, and the prince)."""
    if not prefix:
        return ()
    role = make_role(prefix)
    if role is None:
        return ()
    if role.head in _STYLES:
        office_end = max((i for i, word in enumerate(prefix[:-1]) if role_head(word)), default=-1)
        if office_end >= 0 and (office := make_role(prefix[: office_end + 1])):
            return (office, Role(role.head, frozenset(), role.head))
    return (role,)
