"""The roles written around a name: before it ("TV presenter Anne Robinson"), in apposition after it ("X,
chairman of the group"), and the body that employs its holder ("BP Managing Director David Simon")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import (
    CAP_WORD,
    EPITHETS,
    HONORIFICS,
    OPENING_CLAUSE,
    ROLE_HEADS,
    ROLE_STOP,
    SENTENCE_END,
    SPEECH_VERBS,
    STYLES,
    VERB_AUX,
    word_pattern,
)
from .roles import NATIONALITIES

_HEADS = "|".join(sorted(ROLE_HEADS, key=len, reverse=True))
_STOP = "|".join(sorted(ROLE_STOP, key=len, reverse=True))
_MODIFIER = rf"(?!(?i:{_STOP})\b)[A-Za-z][\w'’-]*"
_FIELD = rf"(?!(?:{_STOP}|{_HEADS})\b)[a-z][\w'’-]*"  # "work and pensions": fields a role joins, not two roles
# A name after a preposition is its object, holding no role: "chancellor of the exchequer under Mr Blair".
_OBJECT_PREPOSITIONS = frozenset("under over against about during behind beside alongside via without".split())
_NOT_A_PREPOSITION = rf"(?!(?:{'|'.join(sorted(_OBJECT_PREPOSITIONS))})\s)"
_NOT_IN_A_FIELD = ROLE_STOP | _OBJECT_PREPOSITIONS
# The body a role is held at, named after it: "head of the Turkish Central Bank", and after "for" and a
# description, "spokesman for anti-virus firm Trend Micro". Its name is the group ``body``.
# A field may come first, ending in a lower-case word: "head of European research at Union Bank of Switzerland",
# "head of UK equities for Standard Life Investments" (not "European" or "UK" held at); but "(the captain) of
# Chelsea as they push for the Premiership title" is no field: its words are no stop words.
_FIELD_WORD = rf"(?!(?i:{_STOP})\b)[\w-]+"
_FIELD_FIRST = rf"of\s+(?:the\s+)?(?:(?:{_FIELD_WORD}|and)\s+){{0,3}}(?!(?:{_STOP})\b)[a-z][\w-]*\s+(?:at|for|with)\s+"
_HELD_AT = rf"\s+(?:{_FIELD_FIRST}|(?:of|at|for|with)\s+)(?:the\s+)?(?:{_NOT_A_PREPOSITION}[a-z][\w-]*\s+){{0,3}}"
_BODY_NAME = rf"{CAP_WORD}(?:\s+(?:(?:of|and)\s+)?{CAP_WORD}){{0,3}}|[A-Z]{{2,5}}"
# ", chairman of the group" / ", the OECD's chief economist" straight after a name.
_APPOSITION = re.compile(
    rf",\s+(?:who\s+is\s+(?:also\s+)?)?(?:(?:the|a|an|its|his|her|their)\s+)?(?:(?P<owner>[\w.]+)['’]s\s+)?"
    rf"(?P<mods>(?:(?:{_FIELD}\s+and\s+(?=[a-z]))?{_MODIFIER}\s+){{0,5}})(?P<head>(?i:{_HEADS}))\b(?![\w-])"
    rf"(?:{_HELD_AT}(?P<body>{_BODY_NAME})\b)?"
)  # "Shauna Perry, Bioware's audio and external resources producer"
# "Reagan, Chief Cabinet Secretary Masaharu Gotoda told reporters", "Willie Walsh, chief financial officer Brian
# Dunne and…": a role written straight before the next name is that name's, not an apposition to the one before.
# Its words hold no article or preposition ("Mike McGuire, a research director at analyst Gartner"), and what
# follows is a name of two words or more ("Dinesh Keskar, senior vice president Boeing."), not more of a role
# ("Jeremy Dear, NUJ General Secretary") nor a nationality ("chief Turkish economist").
_NEXT_NAMES_ROLE = re.compile(
    rf",\s+(?:(?!(?i:the|a|an|at|of|for|with|in|from|to|and|who|which)\b)[\w'’-]+\s+){{0,4}}(?i:{_HEADS})\s+"
    rf"(?!(?i:{_HEADS}|vice|{'|'.join(sorted(NATIONALITIES))})\b)[A-Z][a-z][\w'’-]*\s+[A-Z]"
)
# A speech verb straight after a role, what ends the text before a name that opens its clause, and "a" role apposed.
_SPEECH_VERB_NEXT = re.compile(rf"\s+(?:{word_pattern(SPEECH_VERBS)})(?![\w'’-])")
_CLAUSE_OPENERS = frozenset('.!?;:,"“”(—-')
_INDEFINITE_APPOSED = re.compile(r",\s+an?\s")
# What goes on a list after one of its items, and before one: "Will Young, Queen, Kate Bush and Joy Division".
_LISTED_AFTER = re.compile(r"(?:,|\s+and)\s+[A-Z]")
_LISTED_BEFORE = (", ", " and ", " And ")
# "The director of the film, Vinod Pande, says": a definite role, then the name in apposition; so a role
# that opens a sentence ("Computer specialist at the IAEA, Peter Smith, would like").
_ROLE_THEN_NAME = re.compile(
    rf"(?:\b[Tt]he\s+|^|(?<=[.!?]\s))(?P<mods>(?:{_MODIFIER}\s+){{0,3}})(?P<head>(?i:{_HEADS}))"
    rf"(?:{_HELD_AT}(?P<body>{_BODY_NAME}|[a-z]+))?,\s$"
)
# "In his new job as Renault chief executive, Mr Ghosn": the clause gives the name its role (up to the role's words).
_AS_A_ROLE = re.compile(r"\b[Aa]s\s+(?:(?:a|an|the|his|her|its|their)\s+)?(?:[\w'’&-]+\s+){0,4}$")
# "… a question from Mitchell Energy chairman, George Mitchell, Herrington said": a name closed by a comma is in
# apposition to the role, inside the clause.
_NAME_APPOSED = re.compile(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,")
# A sentence opening with a clause up to here ("Asked whether he trusted the prime minister"): a role ending it is
# not in apposition to the name after its comma ("…, Mr Brown replied").
_CLAUSE_SO_FAR = re.compile(rf"[\"“]?{OPENING_CLAUSE}[^,;:]*$")
# ", who chairs the Commons work and pensions committee,": the office as a relative clause.
_WHO_HOLDS = re.compile(r",\s+who\s+(?P<verb>chairs|heads|leads)\s+(?:the\s+)?(?P<body>[^,.;:()]{3,80})")
_HELD_AS = {"chairs": "chair", "heads": "head", "leads": "leader"}
# A role written before a name starts after the sentence's verb: "Brown accused shadow chancellor X".
# Words no role description holds, which end one read back from its noun: "the topic came up again during Russian
# president Vladimir Putin's visit", "available for the national side if coach Hassan Shehata chose him".
_NOT_IN_A_ROLE = frozenset(
    """
    during if alongside against under over about behind via without unless because since although though whether
    until like including include includes included starring plus now he she they it we you i will up again so
    even just both either neither into onto upon within between among amid despite towards toward through across
    around near beyond where why how what there here yet still too very recently suddenly
    """.split()
)
# ... nor an adverb or auxiliary ("Meanwhile Lib Dem leader", "they could see Tory leader"), nor a verb a role's
# holder is the object of ("markets believe Fed chairman Paul Volcker", "met LSE chief executive").
_OBJECT_OF = frozenset("believe believes see sees saw met meet meets replace replaces join joins gave give".split())
_BEFORE_ROLE = ROLE_STOP | frozenset(HONORIFICS) | frozenset(SPEECH_VERBS) | _NOT_IN_A_ROLE | VERB_AUX | _OBJECT_OF
# Words after which a role noun is a verb ("will host", "would coach"; not "to": "a pass to winger Williams").
_VERB_MARKERS = frozenset("will would can could may might shall should must did does do".split())
# A role noun and its field right before a name: "director of rugby", "head of research", "chairman of the board".
_ROLE_OF_FIELD = re.compile(r"(?<![\w-])(?P<head>[A-Za-z-]+) of (?:the )?(?P<field>[a-z]+(?: [a-z]+)?) $")
# An employer's abbreviation before a role: "BP Managing Director David Simon", "U.S. Trade Representative".
_EMPLOYER = re.compile(r"(?<![\w.])(?:[A-Z]{2,5}|(?:[A-Z]\.){2,3}) $")
# "Analyst Sanford Margoshes of Shearson Lehman Brothers said": the body after the name is the role's.
_BODY_AFTER = re.compile(
    rf" (?:of|at) (?:the )?(?P<body>{CAP_WORD}(?: (?:(?:of|and) )?{CAP_WORD}){{0,3}}|[A-Z]{{2,5}})\b"
)
# ... or a description of someone ("Double Olympic champion Kelly Holmes", "Grand Slam winner"): the run is a title.
_FOLLOWING_ROLE = re.compile(rf" (?:{_HEADS}|{'|'.join(sorted(EPITHETS, key=len, reverse=True))})\b")


@dataclass(frozen=True, slots=True)
class Role:
    """A position such as "deputy foreign minister": its head noun and lower-case modifiers."""

    head: str
    modifiers: frozenset[str]
    text: str


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


def _word_before(text: str, start: int) -> str:
    """The word right before ``start`` when one space separates them (punctuation and all), else ""."""
    if start < 2 or text[start - 1] != " ":
        return ""
    return text[text.rfind(" ", 0, start - 1) + 1 : start - 1]


def after_role_noun(text: str, start: int) -> bool:
    """Whether the word before ``start`` is a lower-case role noun ("minister Subroto", not "Minister" or
    "minister." ending a sentence)."""
    word = _word_before(text, start)
    return word.islower() and role_head(word) == word


def role_before(text: str, start: int) -> Role | None:
    """Read lower-case role words just before a name ("TV presenter Anne Robinson", "Gloucester director of
    rugby Nigel Melville": the field after "of" qualifies the role, "rugby director")."""
    if start < 2 or text[start - 1] != " ":
        return None
    before = _word_before(text, start)
    if before.endswith(",") and _closes_opening_clause(text, start - len(before) - 1, start):
        return None  # "Asked whether he trusted the prime minister, Mr Brown replied": the clause's, not his
    if before.endswith(",") and before[:1].isupper() and text.endswith(_LISTED_BEFORE, 0, start - len(before) - 1):
        return None  # "songs by Will Young, Queen, Kate Bush": a list's item, a band, not her title
    if role_head(before) is None:
        # The common case, checked without the regex: no role word, and no "of" among the last few words.
        of_field = text.find(" of ", max(0, start - 30), start) >= 0 and _ROLE_OF_FIELD.search(
            text, max(0, start - 50), start
        )
        field = of_field["field"].split() if of_field else []
        if not of_field or role_head(of_field["head"]) is None or _NOT_IN_A_FIELD.intersection(field):
            return None  # "director of product at Ask Jeeves": the body follows, read elsewhere
        words = text[max(0, of_field.start() - 60) : of_field.start()].split()[-4:]
        taken = [of_field["head"], *field[::-1]]
    else:
        words = text[max(0, start - 60) : start].split()[-6:]
        taken = [words.pop()]
        if words and words[-1].lower() in _VERB_MARKERS:
            return None  # "Cafod will host Mr Brown's speech": the role noun is a verb there
    while words and len(taken) < 5:
        word = words[-1]
        if word in ("of", "and") and len(taken) > 1 and len(words) > 1 and _names_a_body(words[-2], taken[-1], word):
            # "Bank of Japan governor", "Procter and Gamble chief executive": the body's whole name, not "Japan"
            taken += [words.pop(), words.pop()]
            continue
        if word[-1] in ',.;:"”)' or word.lower() in _BEFORE_ROLE:
            break
        taken.append(words.pop())
    return make_role(taken[::-1])


def roles_joined_before(text: str, start: int, nearer: Role) -> tuple[Role, ...]:
    """A role read right before a name, with the one joined to it by "and": "GM chairman and chief executive Rick
    Wagoner" holds the GM chairman and the GM chief executive, the body both are of written once, before the first
    (unless the nearer names its own: "Nigerian oil minister and OPEC president"). The role alone when none is."""
    role_start = start - 1 - len(nearer.text)
    written = text[role_start : start - 1]
    if role_start < 5 or written.lower() != nearer.text or not text.endswith(" and ", 0, role_start):
        return (nearer,)
    and_at = role_start - len("and ")
    first = role_before(text, and_at)
    if first is None:
        return (nearer,)
    first_words = text[max(0, and_at - 1 - len(first.text)) : and_at - 1]
    if first_words.lower() != first.text or any(word[:1].isupper() for word in written.split()):
        return (first, nearer)
    body = [word for word in first_words.split() if word[:1].isupper() and role_head(word) is None]
    return (first, employed(nearer, " ".join(body)) if body else nearer)


def _names_a_body(before: str, after: str, joining: str) -> bool:
    """Whether the words around an "of" or "and" are a capitalised body's ("Bank" and "Japan", "Procter" and
    "Gamble"; not "Olympian" and "BBC": two words joined by "and" are one name only in the same case; nor "Paul
    Volcker and Japanese central bank governor Satoshi Sumita": a nationality after a word of another kind opens the
    next person's role, while the British and Irish Lions are one body)."""
    if joining == "and" and (
        not (before.istitle() and after.istitle())
        or (after.lower() in NATIONALITIES and before.lower() not in NATIONALITIES)
    ):
        return False
    return before[:1].isupper() and after[:1].isupper() and before.isalpha() and before.lower() not in _BEFORE_ROLE


def role_apposed_before(text: str, start: int) -> Role | None:
    """Read a role a name stands in apposition to ("The director of the film, Vinod Pande, says")."""
    if not text.endswith(", ", 0, start):
        return None  # the common case, checked without the regex
    match = _ROLE_THEN_NAME.search(text, max(0, start - 100), start)
    if match is None or _closes_opening_clause(text, match.start(), start):
        return None
    body = match["body"].split() if match["body"] else []
    return make_role([*body, *match["mods"].split(), match["head"]])


def _closes_opening_clause(text: str, role: int, name: int) -> bool:
    """Whether a role (from ``role``) and its comma close a clause opening the sentence, the name after them (at
    ``name``) being the sentence's subject: not a clause giving the name that role ("As chief operating officer,
    Toshiyuki Shiga will run Nissan"), nor a name in apposition inside the clause ("…from Mitchell Energy
    chairman, George Mitchell, Herrington said")."""
    start = max((end.end() for end in SENTENCE_END.finditer(text, 0, role)), default=0)
    return (
        _CLAUSE_SO_FAR.match(text, start, role) is not None
        and _AS_A_ROLE.search(text, start, role) is None
        and _NAME_APPOSED.match(text, name) is None
    )


def closes_a_report(text: str, name_start: int, comma: int, role_end: int) -> bool:
    """Whether "a" role after a name inside a clause and its comma is followed straight by a speech verb: "…the visit
    by Prime Minister Yasuhiro Nakasone, a Treasury spokesman said" ends the report with who gave it, no apposition
    to the name (that would close with a comma). A name opening its clause keeps the role its comma lost ("…,"
    Michael Lamberty, a Lufthansa spokesman told the BBC)."""
    if opens_its_clause(text, name_start) or not _INDEFINITE_APPOSED.match(text, comma):
        return False
    return _SPEECH_VERB_NEXT.match(text, role_end) is not None


def opens_its_clause(text: str, start: int) -> bool:
    """Whether the words from ``start`` open a sentence or a clause: nothing before them could be its subject."""
    before = text[:start].rstrip()
    return not before or before[-1] in _CLAUSE_OPENERS


def role_after(text: str, start: int, end: int) -> Role | None:
    """Read an apposition role just after a name ("Sir Andrew Green, chairman of ...") that starts at ``start``."""
    if not text.startswith(",", end):
        return None  # the common case, checked without the regex
    if _NEXT_NAMES_ROLE.match(text, end):
        return None  # "Reagan, Chief Cabinet Secretary Masaharu Gotoda": Gotoda's
    match = _APPOSITION.match(text, end)
    if match is None:
        held = _WHO_HOLDS.match(text, end)
        return make_role([*held["body"].split()[:6], _HELD_AS[held["verb"]]]) if held else None
    if closes_a_report(text, start, end, match.end()):
        return None  # "…Nakasone, a Treasury spokesman said": someone else
    apposed = match[0].strip(", ")
    if apposed[:1].isupper() and " " not in apposed and _LISTED_AFTER.match(text, match.end()):
        return None  # "songs by Will Young, Queen, Kate Bush": a capitalised word alone in a list names a band
    # The body it is held at ("chairman of the group"), else its owner ("the OECD's chief economist").
    body = match["body"].split() if match["body"] else [match["owner"]] if match["owner"] else []
    return make_role([*body, *(word for word in match["mods"].split() if word != "and"), match["head"]])


def employed(role: Role, employer: str) -> Role:
    """A role with its employer's name or abbreviation as the first modifiers ("bp managing director")."""
    words = employer.replace(".", "").lower().split()
    return Role(role.head, role.modifiers | (frozenset(words) - ROLE_STOP), " ".join([*words, role.text]))


def prefix_roles(prefix: list[str]) -> tuple[Role, ...]:
    """The roles written before a name: one, or the office and the style of a royal or prelate after it
    ("Foreign Minister Prince Saud": the foreign minister, and the prince)."""
    if not prefix:
        return ()
    role = make_role(prefix)
    if role is None:
        return ()
    if role.head in STYLES:
        office_end = max((i for i, word in enumerate(prefix[:-1]) if role_head(word)), default=-1)
        if office_end >= 0 and (office := make_role(prefix[: office_end + 1])):
            return (office, Role(role.head, frozenset(), role.head))
    return (role,)


def role_follows(text: str, end: int) -> bool:
    """Whether a role noun or a description follows a run: "Real Madrid striker", "Mittal Steel spokesman" (the run
    employs), "Double Olympic champion" (the run is what they won)."""
    return _FOLLOWING_ROLE.match(text, end) is not None


def employer_before(text: str, start: int) -> str | None:
    """An employer's abbreviation right before a role: "BP" of "BP Managing Director David Simon"."""
    found = _EMPLOYER.search(text, max(0, start - 8), start)
    return found[0].strip() if found else None


def body_after(text: str, end: int) -> str | None:
    """The body named after a name: "Shearson Lehman Brothers" of "Analyst Sanford Margoshes of Shearson…"."""
    found = _BODY_AFTER.match(text, end)
    return found["body"] if found else None
