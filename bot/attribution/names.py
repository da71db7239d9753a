"""Find person names in a paragraph, with the roles written next to them (``name_roles``): "Tory leader Michael
Howard", "X, chief executive"."""

from __future__ import annotations

import re
from typing import NamedTuple

from .lexicon import (
    CAP_WORD,
    CAP_WORD_REST,
    COMMON_CAPS,
    NON_PERSON_WORDS,
    ROLE_STOP,
    SPEECH_VERBS,
    is_plural_role,
    word_pattern,
)
from .name_roles import (
    Role,
    after_role_noun,
    body_after,
    employed,
    employer_before,
    make_role,
    role_after,
    role_apposed_before,
    role_before,
    role_follows,
    role_head,
    roles_joined_before,
)
from .name_shapes import NOT_A_NAME, VARIANT_MIN, is_breaker, run_shape, same_name

_ADDRESSES = ("Mr", "Mrs", "Ms", "Dr", "Prof", "Rev", "Rep", "Sen", "Gov", "Gen", "Col", "Capt", "Lt", "St")
# Initials come before plain words so that "T. Boone Pickens" is one run, not "T" and "Boone Pickens".
_TOKEN = rf"(?:(?:{'|'.join(_ADDRESSES)})\.|[A-Z]\.(?:[A-Z]\.)*|{CAP_WORD})"
_PARTICLE = r"(?:van|von|de|der|den|du|da|di|la|le|bin|ibn|al|el|dos|del)"
# Words that open a sentence and never continue a name: "Vadim Mitroshin The minister…" lost a full stop.
_OPENERS = r"(?:The|A|An|And|But|Or|He|She|It|They|We|His|Her|Its|This|That)"


def _after_capital() -> str:
    """What _TOKEN matches after its first capital, the alternatives in the same order; (?<=M) says which it was."""
    addresses = "|".join(
        f"(?<={first})(?:{'|'.join(a[1:] for a in _ADDRESSES if a[0] == first)})\\."
        for first in dict.fromkeys(a[0] for a in _ADDRESSES)
    )
    return rf"(?:{addresses}|\.(?:[A-Z]\.)*|(?:[a-z]?['’][A-Z])?{CAP_WORD_REST})"


# A run of capitalised words, which may hold a role, a form of address and a name; a name's particles
# stand alone or hyphened ("Ludwig van Beethoven", "Sheikh Ali al-Khalifa al-Sabah").
# Its first token is written as a capital, the look-behind, then the token's rest: a pattern that starts
# with a character class lets the regex engine skip from capital to capital, a third faster than
# starting with a look-ahead or look-behind.
NAME_RUN = re.compile(
    rf"[A-Z](?<![\w'’.-].){_after_capital()}(?: (?!{_OPENERS}\b)(?:{_PARTICLE}[ -])?{_TOKEN})*(?![\w-])"
)

# "<role> for/of [Place and]": what follows names a constituency, country or body.
_OFFICE_OF = re.compile(rf"([\w-]+) (?:for|of) (?:(?:{CAP_WORD} )+and )?$")
# "best director for Mike Leigh", "best actor for Jamie Foxx": a prize and its winner, not an office and its place.
_PRIZE_FOR = re.compile(r"\b[Bb]est [\w-]+ for $")
# "<Office> of [the]", "<Body> for [the]": what follows completes the body's name.
_BODY_OF = re.compile(r"\b([A-Z][a-z]+) (?:of|for) (?:the )?$")
# A known person's surname after a possessive run: the run is the body (or side) they belong to.
_OWNED_NAME = re.compile(rf"['’]s (?:{CAP_WORD} )?({CAP_WORD})\b(?! [A-Z])")
# A peer's territorial designation: "Lord Roberts of Conwy", "Baroness Hale of Richmond".
_DESIGNATION = re.compile(rf" of (?:the )?{CAP_WORD}(?: {CAP_WORD}){{0,2}}(?![\w-])")
_PEERS = frozenset({"lord", "lady", "baroness", "baron"})
# Words of bodies and places that are also common surnames ("Dick Pound", "Kanye West", "Doris Day").
_SURNAMES_LIKE_BODIES = frozenset(
    "pound day west hall press sterling london washington church lane park house banks price street north".split()
)
# Family members introduced through a relative: "Mr Eavis' daughter Emily", "his wife Cherie".
RELATIONS: dict[str, str | None] = {
    **dict.fromkeys("wife daughter sister mother widow niece granddaughter".split(), "f"),
    **dict.fromkeys("husband son brother father widower nephew grandson".split(), "m"),
}
# "Secretary of State George Shultz", "Chancellor of the Exchequer Nigel Lawson", "Secretary of Trade and
# Industry Jose Concepcion", "Chief Secretary to the Treasury Paul Boateng": a capitalised role noun, "of", "for"
# or "to", and the office, whose last words begin the run that ends with the holder's name.
_OFFICE = re.compile(
    rf"(?<![\w.])(?P<mods>(?:(?:{_TOKEN}|[A-Z]{{2,}}) ){{0,3}})(?P<head>{CAP_WORD})"
    rf" (?:of|for|to) (?:the )?(?P<office>(?:{CAP_WORD},? )*(?:and )?)$"  # "for Children, Young People and Families"
)
_INITIAL = re.compile(r"[A-Z]\.")
_RELATIVE_OF = re.compile(
    rf"(?:\b(?P<pronoun>[Hh]is|[Hh]er)|(?P<surname>{CAP_WORD})['’]s?) (?P<relation>{'|'.join(RELATIONS)}) $"
)


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


_SPEAKS_NEXT = re.compile(rf",? (?:{word_pattern(SPEECH_VERBS)})\b")
# A name that ends its sentence as the one reporting it: "…as he begins his second term as US President, Tony
# Blair has said." The role before its comma is the reported clause's, not theirs.
_REPORTS_IT = re.compile(rf"(?: has| had)? (?:{word_pattern(SPEECH_VERBS)})\.")
# "how good a prime minister Gordon Brown will make", "a budget Mr Brown would admire": after "a" and a role, a name
# going on with an auxiliary opens a relative clause; the role is what the clause is about, not the name's.
_CLAUSE_AUXILIARY = re.compile(r" (?:will|would|could|can|might|may|should|must|shall)\b")


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
    before = text[max(0, start - 60) : start]
    match = _OFFICE_OF.search(before)
    return match is not None and role_head(match[1]) is not None and _PRIZE_FOR.search(before) is None


def _in_body_name(text: str, start: int) -> bool:
    """True for a run that ends a body's name ("the FDA's Office of Drug Safety", "Bank of Sierra Leone",
    "the Institute for Fiscal Studies")."""
    if not text.endswith((" of ", " of the ", " for ", " for the "), 0, start):
        return False
    match = _BODY_OF.search(text, max(0, start - 40), start)
    return match is not None and match[1].lower() in NON_PERSON_WORDS


def _office_mention(text: str, start: int, run: str) -> NameMention | None:
    """A name written after the office it holds, with that office as its role; None for other runs.

    The run after "of", "for" or "to" holds the office's last word(s) and then the name: its last two words, or
    three with a middle initial ("George P. Shultz"), or one after an office's word ("Minister of Mines and
    Energy Subroto"). "MP for Hornsey and Wood Green" is a place.
    """
    if not text.endswith((" of ", " for ", " to ", " the ", " and "), 0, start):
        return None  # the common case, checked without the regex
    office = _OFFICE.search(text, max(0, start - 90), start)
    head = role_head(office["head"]) if office else None
    tokens = run.split(" ")
    size = 3 if len(tokens) > 3 and _INITIAL.fullmatch(tokens[-2]) else 2
    if office is None or head is None or len(tokens) < size:
        return None
    name = tokens[-size:]
    if len(tokens) == size or any(is_breaker(word, False) or word.lower() in COMMON_CAPS for word in name):
        # "Minister of Mines and Energy Subroto": a person known by one name, after the office's last word.
        one_name = size == 2 and is_breaker(tokens[-2], False) and not is_breaker(tokens[-1], True)
        if not one_name or tokens[-1].lower() in COMMON_CAPS:
            return None
        size, name = 1, tokens[-1:]
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
        lone = run.lower()
        if " " not in run and lone not in known:
            # Most runs are one sentence-initial or place word, skipped cheaply. "Energy minister Subroto said":
            # one name is all some people go by; only as a speech verb's subject, for after a role noun stand
            # bodies and awards too ("oil producer Yukos", "best actor Oscar").
            if not _SPEAKS_NEXT.match(text, match.end()) or lone in COMMON_CAPS:
                continue
            # ... or a known name misspelt ("VanGarlem said" after Tom VonGarlem).
            misspelt = (
                len(run) >= VARIANT_MIN
                and not is_plural_role(lone)  # "Bankers said" is no misspelt Baker
                and any(same_name(lone, word) for word in known)
            )
            if not misspelt and not after_role_noun(text, match.start()):
                continue
            after_role = True
        if match.start() < taken_until:
            continue  # part of a peer's designation already read
        if office := _office_mention(text, match.start(), run):
            known.update(word.lower() for word in office.words)
            found.append(office)
            continue
        shape = run_shape(run)
        if shape == NOT_A_NAME:  # not `is`: compiled, a tuple is rebuilt each time it is read
            if surnamed := _surname_like_a_body(text, match.start(), run, known):
                known.update(word.lower() for word in surnamed.words)
                found.append(surnamed)
            continue
        skip, prefixed, prefix_roles, honorific, words, titled, lowered = shape
        start = match.start() + skip
        if _after_the(text, start) and not (honorific and role_head(words[0]) is None):
            # "the Weakest Link", "the Daily Mail", "the Lord Chancellor": titles, bodies and offices; but "the
            # Foreign Policy Centre Mr Straw" is a body, then a man.
            continue
        if role_follows(text, match.end()):
            continue  # "Real Madrid striker", "Mittal Steel spokesman": an employer, not a person
        if (owned := _OWNED_NAME.match(text, match.end())) and owned[1].lower() in known:
            continue  # "Chase Manhattan's Nicol", a person already named: the run is whose they are
        # Read from the run's first word too: "the Association of German Cooperative Banks" ends a body's name
        # though "German" is no part of a person's.
        in_body = _in_body_name(text, start) or (start > match.start() and _in_body_name(text, match.start()))
        if not prefixed and not honorific and (_after_office(text, start) or in_body):
            continue
        end = match.end()
        designation = ""
        if honorific in _PEERS:
            peer = _DESIGNATION.match(text, end)
            if peer is not None:
                designation, end = peer[0].strip(), peer.end()
                taken_until = end
        if prefix_roles and (employer := employer_before(text, match.start())):
            prefix_roles = (employed(prefix_roles[0], employer), *prefix_roles[1:])
        if prefix_roles and (other := _OTHER_OFFICE_BEFORE.search(text, max(0, match.start() - 12), match.start())):
            # "his shadow Chancellor Oliver Letwin": the lower-case word is part of the office.
            prefix_roles = (employed(prefix_roles[0], other[1]), *prefix_roles[1:])
        before = None if prefixed else role_before(text, start) or role_apposed_before(text, start)
        if before and text.endswith(", ", 0, start) and _REPORTS_IT.match(text, end):
            before = None
        if before and _after_a(text, start - 1 - len(before.text)) and _CLAUSE_AUXILIARY.match(text, end):
            before = None
        befores = roles_joined_before(text, start, before) if before else ()  # "chairman and chief executive X"
        if (prefix_roles or befores) and not designation and (body := body_after(text, end)):
            # "Analyst Sanford Margoshes of Shearson Lehman Brothers": the role is the body's.
            prefix_roles = tuple(employed(role, body) for role in prefix_roles)
            befores = tuple(employed(role, body) for role in befores)
        roles = [
            _past_a_name(role, known)
            for role in [*prefix_roles, *filter(None, [role_after(text, start, end)]), *befores]
        ]
        titled = titled or after_role
        if len(words) > 1 or honorific or titled:
            known.update(lowered)
        found.append(NameMention(start, end, words, honorific, tuple(roles), titled, designation))
    return found


def _past_a_name(role: Role, known: set[str]) -> Role:
    """A role without the person named before its "and": "Tony Blair and Conservative leader Michael Howard" gives
    Howard the Conservative leader's role, not Blair's name ("Procter and Gamble chief executive" keeps its body)."""
    words = role.text.split()
    if "and" not in words[1:]:
        return role
    joined = words.index("and", 1)
    if not all(word in known for word in words[:joined]):
        return role
    return make_role(words[joined + 1 :]) or role


# A lower-case word qualifying the capitalised title after it: "shadow Chancellor", "former President", "acting
# Finance Minister".
_OTHER_OFFICE_BEFORE = re.compile(r"\b(shadow|former|deputy|outgoing|acting|interim|ex)[\s-]+$")


def _surname_like_a_body(text: str, start: int, run: str, known: set[str]) -> NameMention | None:
    """A first name and a surname that is also a body's word, beside a role: "WADA chief Dick Pound", "rapper
    Kanye West", "Graham Lane, leader of the Labour group". Without the role such a pair is read as a body or a
    place ("Wall Street", "Jet Star"), unless the article has already named that person ("hip-hop star Kanye West",
    then "West began his career"), or the name is an adjective the article has named someone by, who speaks ("Dai
    Young", then "Young told")."""
    words = run.split(" ")
    lead, name = words[:-2], words[-2:]
    alone = run.lower()
    end = start + len(run)
    if (
        len(words) == 1
        and alone in known
        and (alone in _SURNAMES_LIKE_BODIES or _SPEAKS_NEXT.match(text, end))
        and not _after_the(text, start)
    ):
        return NameMention(start, end, (run,), "", ())
    if (
        len(name) < 2
        or len(lead) > 1
        or name[1].lower() not in _SURNAMES_LIKE_BODIES
        or is_breaker(name[0], False)
        or name[0].lower() in COMMON_CAPS
        or _after_the(text, start)
    ):
        return None
    role = make_role(lead) if lead else role_before(text, start) or _lower_case_role_after(text, start, end)
    if role is None:
        if lead or any(word.lower() not in known for word in name):
            return None
        return NameMention(start, end, tuple(name), "", ())
    name_start = end - len(" ".join(name))
    return NameMention(name_start, end, tuple(name), "", (role,), titled=bool(lead))


_LOWER_CASE_APPOSED = re.compile(r", (?:the |an? )?+[a-z]")


def _lower_case_role_after(text: str, start: int, end: int) -> Role | None:
    """An apposed role in lower case ("Graham Lane, leader of …"); capitalised, it may be a list's next title or
    another clause ("Populous, Theme Park, Dungeon Keeper"; "Shares rose on Wall Street, the Producer Price …")."""
    return role_after(text, start, end) if _LOWER_CASE_APPOSED.match(text, end) else None


def _after_a(text: str, start: int) -> bool:
    """Whether the words from ``start`` follow an indefinite article ("a prime minister …")."""
    return text[max(0, start - 3) : start].lower() in (" a ", "an ") or text[:start].lower() in ("a ", "an ")


def _after_the(text: str, start: int) -> bool:
    """Whether a run is written after "the": a title or a body ("the Daily Mail", "the Wall Street"), no person."""
    return text[max(0, start - 4) : start].lower() == "the "
