"""Organisations (and bare names) that speak: "Icstis said", "the Bank of England said", "according to the OECD".

Users ask "what did the OECD say about growth?", so a body that is the subject of a speech verb
becomes an entity like a person. Generic groups ("officials", "analysts", "sources", "the
government") never do: they name nobody a user could ask for. Countries and places do not either
("Britain said" stands for its government, and a place must not collide with a person's name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .lexicon import COMMON_CAPS, HONORIFICS, NON_PERSON_WORDS, REPORT_DAY, ROLE_HEADS, VERB_AUX, is_plural_role
from .roles import NATIONALITIES, demonym

# Plural and collective nouns that start sentences capitalised but name no one in particular.
GROUP_WORDS = frozenset(
    """
officials analysts sources dealers traders economists experts critics residents witnesses observers
campaigners others doctors scientists researchers investors bankers brokers lawyers ministers
government governments authorities reports statistics figures data polls surveys studies industry
union unions officers staff workers employees members fans supporters voters users customers
people police protesters rebels troops forces delegates diplomats insiders executives managers
companies firms banks markets shares prices having being cast creditors colleagues shareholders
""".split()
)
# Who speak for a body named just before them: "Pentagon officials said" is the Pentagon speaking.
SPOKESPEOPLE = frozenset({"officials", "sources", "executives", "spokesmen", "spokespeople", "representatives"})
# ... and what it puts out: "the Foreign Ministry statement said", "The NAO report said".
_ITS_PAPERS = frozenset({"statement", "communique", "report"})
_SPEAKS_THROUGH = SPOKESPEOPLE | _ITS_PAPERS
_A_TITLES_WORD = re.compile(r"[A-Z][\w'’-]*\s+$")  # "Paying" of "Paying the Price", right before a run
_ADJECTIVE = re.compile(r"-[a-z]")  # "White House-ordered" (not "Coca-Cola")
# Places that stand for their governments or are only settings; never speakers.
PLACE_WORDS = frozenset(
    """
europe asia africa britain england scotland wales ireland london paris washington york city kong
angeles francisco diego lanka arabia zealand korea rica vegas salvador island islands county province
region district borough village town valley bay sea ocean gulf coast river mountains north south
east west
""".split()
)
# Words ending a company's name, which no person's name or role ends with: a role's word before them is part of the
# name ("General Motors Corp", "American President Cos Ltd").
_COMPANY_ENDS = frozenset("corp corporation co cos inc ltd plc llc group motors industries holdings company".split())
# Words that make a capitalised run a body even when it ends in a place ("Bank of England").
_BODY_WORDS = NON_PERSON_WORDS - PLACE_WORDS
_AUX = "|".join(sorted(VERB_AUX, key=len, reverse=True))
_TRAILING_AUX = re.compile(rf"(?:\s+(?:{_AUX}|[a-z]+ly))+\s*$")
# Nationalities and continents, which open bodies' names.
_OF_PLACES = NATIONALITIES | {"european", "asian", "african", "arab", "nordic", "latin"}
# "The European Commission on Thursday said", "…, on Thursday, said": when it spoke, between it and its verb.
_ON_DAY = re.compile(rf"(?:\s+{REPORT_DAY}|,\s*{REPORT_DAY},?)$")
_BRACKETED = 60  # characters of a bracketed aside (initials, a party and state) between a body and its verb
_WORD = r"[A-Z][\w&'’.-]*"
# "of the" and "for the" join a body's name ("Friends of the Earth", "the Joint Council for the Welfare of Immigrants")
# only after a word a body's name has; not "Stoltenberg of the Bundesbank", read from the "the" on (``_mention``).
_JOINER = r"(?:(?:of|for)\s+(?:the\s+)?|(?:and|de)\s+)"
_JOINED_BY_THE = re.compile(r"\s(?:of|for)\s+the\s+")
_FIRST_OF_A_BODY = _BODY_WORDS | {"friends"}
_RUN = rf"{_WORD}(?:\s+{_JOINER}?{_WORD}){{0,5}}"  # a body's name: its capitalised words and their joiners
_TAIL = re.compile(rf"(?:\b(?P<the>[Tt]he)\s+)?(?P<org>{_RUN})\s*$")
_STOP_THEN_CAPITAL = re.compile(r"\.\s+(?=[A-Z])")
_INITIALISM = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]{0,2}\.")  # "U.S.", "Co.", "St." do not end a sentence
_INITIALS = re.compile(r"[A-Z][A-Z&]{1,7}")  # a body's initials in brackets: "(OECD)", "(FSA)"
# A body closing an inverted report, its initials and the day perhaps after it, then the clause's end.
_CLOSING = re.compile(
    rf"\s+(?:(?P<the>the)\s+)?(?P<org>{_RUN})(?:\s+\((?P<initials>{_INITIALS.pattern})\))?(?:\s+{REPORT_DAY})?"
    r"(?=\s*(?:[,;:!?]|$)|\.(?:\s|$))"
)
_HEAD = re.compile(rf"\s*(?:(?P<the>the)\s+)?(?:[a-z][\w-]*\s+){{0,4}}?(?P<org>{_RUN})")


@dataclass(frozen=True, slots=True)
class OrgMention:
    """An organisation written as the subject of a speech verb."""

    start: int
    end: int
    name: str
    the: bool  # written with "the" ("the OECD"), so "the oecd" is an ask form too
    voiced: bool = False  # speaking through its spokespeople ("Pentagon officials said")
    # Its other names: initials given in brackets after it ("the Food Standards Agency (FSA) said"), and the name
    # without the nationality opening it ("the Australian Wheat Board" is "the wheat board" to its readers).
    other_names: tuple[str, ...] = ()


def org_name(words: list[str]) -> str | None:
    """The organisation a run of capitalised words names, or None for people, roles, places and groups."""
    lead = 0
    while lead < len(words) and words[lead].lower() in COMMON_CAPS:
        lead += 1
    # A nationality opening a body's name is part of it ("European Commission", "Asian Development Bank"), not of
    # a group ("British government": the government, a group).
    if 0 < lead < len(words) and words[lead - 1].lower() in _OF_PLACES and words[-1].lower() not in GROUP_WORDS:
        lead -= 1
    words = words[lead:]
    if not words or words[-1].endswith(("'s", "’s", "'", "’")):
        return None  # "Miller's spokesman": a role of someone, handled as a role
    if words[-1].endswith(".") and words[-1].count(".") == 1:
        words = [*words[:-1], words[-1][:-1]]  # the sentence's full stop, not part of the name
    lowered = [w.lower() for w in words]
    if lowered[-1].rstrip(".") not in _COMPANY_ENDS and any(
        w in ROLE_HEADS or w.rstrip(".") in HONORIFICS for w in lowered
    ):
        return None  # "Foreign Secretary", "Mr": a person's role or address, not a body (but General Motors)
    if demonym(" ".join(lowered)) is not None:
        return None
    if lowered[-1] in PLACE_WORDS and not any(w in _BODY_WORDS for w in lowered[:-1]):
        return None  # "New York said": a place standing for whoever governs it
    if len(words) == 1:
        word = lowered[0]
        if word in GROUP_WORDS or demonym(word) is not None or word.endswith("-based"):
            return None
        if word.startswith(("i'", "i’")):
            return None  # "I'd say": the writer or a quoted speaker, not a body
        if word.endswith("ly") and len(word) > 6:
            return None  # "Locally, too, say analysts", "Currently, …": an adverb opening the sentence
        if is_plural_role(word):
            return None
    return " ".join(words)


def org_before(masked: str, floor: int, verb_start: int) -> OrgMention | None:
    """The organisation that is the subject of a verb, written just before it ("Icstis, the watchdog, said")."""
    cut = _before_spaces(masked, floor, verb_start)
    if (day := _ON_DAY.search(masked, max(floor, cut - 40), cut)) is not None:
        cut = day.start()
    through = ""  # the spokespeople or paper it speaks through, if any
    last = max(floor, masked.rfind(" ", floor, cut) + 1)
    if cut > floor and masked[cut - 1] != "," and masked[last].islower():
        word = masked[last:cut]
        if word not in _SPEAKS_THROUGH:
            if word not in VERB_AUX and not word.endswith("ly"):
                return None  # "officials said", "the company said": no capitalised subject
            aux = _TRAILING_AUX.search(masked, max(floor, cut - 40), cut)  # "has also said"
            if aux is None:
                return None
            cut = aux.start()
        cut, through = _before_spokespeople(masked, floor, cut)
    initials = ""
    if cut > floor and masked[cut - 1] == ")":  # "the Food Standards Agency (FSA) said": its initials
        opening = masked.rfind("(", max(floor, cut - _BRACKETED), cut - 1)
        if opening < 0:
            return None
        initials = masked[opening + 1 : cut - 1] if _INITIALS.fullmatch(masked, opening + 1, cut - 1) else ""
        cut = _before_spaces(masked, floor, opening)
    if cut > floor and masked[cut - 1] == ",":  # an apposition between subject and verb
        comma = masked.rfind(",", max(floor, cut - 150), cut - 1)
        if comma < 0:
            return None
        cut = comma
    if cut <= floor or not (masked[cut - 1].isalnum() or masked[cut - 1] == "."):
        return None
    match = _TAIL.search(masked, max(floor, cut - 80), cut)
    if match is None:
        return None
    # Through a paper only a body's own name speaks: not a title's last words ("Oxfam's Paying the Price report
    # said") nor an adjective ("A White House-ordered report said").
    if through in _ITS_PAPERS and (
        _A_TITLES_WORD.search(masked, max(floor, match.start() - 30), match.start()) or _ADJECTIVE.search(match["org"])
    ):
        return None
    found = _mention(match, voiced=bool(through))
    return None if found is None else _known_by_initials(found, initials)


def _before_spaces(masked: str, floor: int, cut: int) -> int:
    """Where the text before ``cut`` ends once the spaces right before it are stepped over (not past ``floor``)."""
    while cut > floor and masked[cut - 1] == " ":
        cut -= 1
    return cut


def _before_spokespeople(masked: str, floor: int, cut: int) -> tuple[int, str]:
    """Where the subject ends, and the spokespeople or paper it speaks through, if any ("Pentagon officials have
    said", "the NAO report said": the subject ends before them)."""
    last = max(floor, masked.rfind(" ", floor, cut) + 1)
    through = masked[last:cut]
    if last > floor and through in _SPEAKS_THROUGH:
        return last - 1, through
    return cut, ""


def org_after(masked: str, start: int, limit: int) -> OrgMention | None:
    """The organisation named after "according to" ("according to premium phone line regulator Icstis")."""
    match = _HEAD.match(masked, start, limit)
    return None if match is None else _mention(match)


def org_closing(masked: str, verb_end: int) -> OrgMention | None:
    """The organisation closing its clause right after an inverted speech verb ('…, said the World Bank.', 'says the
    Office for National Statistics (ONS).'); not the start of what is said ('…, said the UK market had grown'). Named
    by a word bodies' names have (the Treasury, the Wall Street Journal) or by three initials or more (the IMF):
    "the Dutchman", "the Birchfield Harrier" and "the DJ" describe a person just quoted."""
    match = _CLOSING.match(masked, verb_end)
    if match is None or (found := _mention(match)) is None:
        return None
    initials = found.name.isupper() and len(found.name) >= 3
    if not initials and not any(word in _BODY_WORDS for word in found.name.lower().split()):
        return None
    return _known_by_initials(found, match["initials"] or "")


def _known_by_initials(found: OrgMention, initials: str) -> OrgMention:
    """A body also known by the initials bracketed after its name ("the Food Standards Agency (FSA)"), if any."""
    return replace(found, other_names=(*found.other_names, initials)) if initials else found


def _mention(match: re.Match[str], *, voiced: bool = False) -> OrgMention | None:
    """The organisation a matched run names, its span ending before a sentence's full stop."""
    run = _first_sentence(match["org"])
    the = bool(match["the"])
    start = match.start("org")
    if cuts := [
        j for j in _JOINED_BY_THE.finditer(run) if run[: j.start()].split()[-1].lower() not in _FIRST_OF_A_BODY
    ]:
        start, run, the = start + cuts[-1].end(), run[cuts[-1].end() :], True  # "Stoltenberg of the Bundesbank"
    name = org_name(run.split())
    if name is None:
        return None
    end = start + len(run)
    if run.endswith(".") and not name.endswith("."):
        end -= 1
    first, _, rest = name.partition(" ")
    unplaced = (rest,) if rest and first.lower() in _OF_PLACES else ()
    return OrgMention(end - len(name), end, name, the, voiced, unplaced)


def _first_sentence(run: str) -> str:
    """A capitalised run up to a full stop that ends its sentence ("according to the Financial Times. A proposal
    was received": the Financial Times), not one of an initialism before a name ("U.S. Steel")."""
    for stop in _STOP_THEN_CAPITAL.finditer(run):
        word = run[run.rfind(" ", 0, stop.start()) + 1 : stop.start() + 1]
        if not _INITIALISM.fullmatch(word) or run[stop.end() :].split()[0].lower() in COMMON_CAPS:
            return run[: stop.start() + 1]
    return run
