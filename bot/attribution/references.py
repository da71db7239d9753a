"""The references to people in a paragraph: names, role phrases ("the deputy minister"), quoted spans.

``speech`` then reads which of them are the subjects of reported speech; pronouns and epithets ("the
Frenchman") are added there, only where a speech verb needs a subject.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import ADJECTIVAL_ROLE_HEADS, ROLE_HEADS, ROLE_STOP, SPEECH_VERB_WORDS, VERB_AUX
from .name_roles import Role, closes_a_report, make_role
from .names import NameMention, find_names
from .orgs import OrgMention
from .roles import demonym

_QUOTES = re.compile(r"[\"“”]")
# Some feeds write quotation marks as doubled apostrophes (''); the longer pattern only runs on them.
_QUOTES_OR_APOSTROPHES = re.compile(r"[\"“”]|''")
# "one trader said", "another dealer said": some trader, not one met before.
_INDEFINITE = frozenset({"a", "an", "A", "An", "one", "One", "another", "Another"})
_PARENTHESISED_INITIALS = re.compile(r"\([A-Z][A-Za-z]{1,7}\)")
NEXT_WORD = re.compile(r" ([a-z][a-z-]*)")
_VERB_OR_AUX = SPEECH_VERB_WORDS | VERB_AUX
_DETERMINERS = frozenset({"the", "his", "her", "its", "their"})
_ROLE_REACH = 80  # characters read back from a role noun for its words and determiner
_LONGEST_ROLE = 7  # words read back from a role noun: "a Council for Economic Planning and Development spokesman"


@dataclass(slots=True)
class Ref:
    """A possible reference to a person: a name, a role phrase or a pronoun."""

    kind: str  # "name", "role", "pronoun", "org" or "epithet" ("the Frenchman")
    start: int
    end: int
    name: NameMention | None = None
    org: OrgMention | None = None
    indefinite: bool = False  # "a House taxwriter said": someone not met yet
    anybody: bool = False  # ... or "a spokesman said": anyone of that occupation, who is never named
    role: Role | None = None
    gender: str | None = None  # for pronouns and epithets
    body_kind: str = ""  # an epithet naming what a body is ("the association"), found by its name
    in_quote: bool = False
    # Inside a clause opening its sentence before a comma ("Despite enjoying Dan Brown's book, the Bishop said"), or
    # an object or example ("a bill introduced by Lloyd Bentsen", "such as Top Gear"): not the sentence's subject.
    fronted: bool = False
    speaks: bool = False
    sentence: int = 0
    speech_pos: list[int] = field(default_factory=list)


# A paragraph's last words reporting what came before: ", Lyng said.", ", he added.", ", the minister told reporters."
_REPORTED_AT_END = re.compile(
    r", (?:(?:[Tt]he )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3}|he|she|they|the [a-z]+)"
    r" (?:said|says|added|adds|told [\w ]{1,40})\.$"
)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) spans of quoted text; an opening mark with no close runs to the end."""
    spans: list[tuple[int, int]] = []
    if '"' not in text and "“" not in text and "”" not in text and "''" not in text:
        return spans  # two paragraphs in three: substring tests are cheaper than the regex
    open_at = -1
    for match in (_QUOTES_OR_APOSTROPHES if "''" in text else _QUOTES).finditer(text):
        i, j = match.span()
        mark = match[0]
        straight = mark != "“" and mark != "”"  # '"' or "''": opens or closes by what stands around it
        if straight:
            before = text[i - 1] if i else " "
            after = text[j] if j < len(text) else " "
            opening = (before.isspace() or before in "([—-:") and not after.isspace()
        else:
            opening = mark == "“"
        if open_at < 0:
            if opening or (straight and i == 0):
                open_at = i
        elif not opening:
            spans.append((open_at, j))
            open_at = -1
    if open_at >= 0:
        # A quote left open before the words reporting it ('"We will not negotiate ..., Lyng said.'): a closing
        # mark forgotten, not a quote running on into the next paragraph.
        reported = _REPORTED_AT_END.search(text, open_at)
        spans.append((open_at, reported.start() if reported else len(text)))
    return spans


def mask_quotes(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out quoted words so verbs and pronouns inside quotes are not read as reporting; a full stop (or ! ?)
    closing a quotation stays, so that a sentence after it begins there ('"… experience." Stuart has…')."""
    parts: list[str] = []
    last = 0
    for start, end in spans:
        parts.append(text[last:start])
        inside = max(0, end - start - 2)
        closed = end - start > 1
        stop = text[end - 2] if closed and inside and text[end - 2] in ".!?" else ""
        parts.append('"' + "_" * (inside - len(stop)) + stop + ('"' if closed else ""))
        last = end
    parts.append(text[last:])
    return "".join(parts)


def _role_phrase(masked: str, start: int, end: int) -> tuple[int, Role, bool, bool] | None:
    """Read "the deputy minister" / "his Tajik counterpart" backwards from its head noun; whether it is indefinite
    ("a House taxwriter"), and whether it is its occupation alone ("a spokesman", "one official")."""
    words = masked[max(0, start - _ROLE_REACH) : end].split()
    if len(words) < 2:
        return None
    taken = [words.pop()]
    while words and len(taken) <= _LONGEST_ROLE:
        word = words.pop()
        lower = word.lower()
        possessive = lower.endswith(("'s", "’s")) and len(word) > 2
        if lower in _DETERMINERS or lower in _INDEFINITE or possessive:
            role = make_role([*(_owner(words, word) if possessive else []), *taken[::-1]])
            if role is None:
                return None
            pos = start
            for earlier in [*taken[1:], word]:
                pos = masked.rfind(earlier, 0, pos)
            indefinite = lower in _INDEFINITE
            return pos, role, indefinite, indefinite and len(taken) < 2
        if _PARENTHESISED_INITIALS.fullmatch(word):
            continue  # "a Ministry of International Trade and Industry (MITI) official": the body's short name
        if word[-1] in ',.;:"”)' or (lower in ROLE_STOP and not _joins_a_name(lower, taken[-1], words)):
            return None
        taken.append(word)
    return None


def _joins_a_name(word: str, after: str, before: list[str]) -> bool:
    """Whether a function word read back from a role noun joins words of a body's name ("a Marks and Spencer
    spokesman"; "a Bank of England spokesman", "a Council for Economic Planning and Development spokesman") or of
    a department's in running text ("the work and pensions minister", "the trade and industry secretary")."""
    if not after[:1].isupper():
        return word == "and" and len(before) >= 2 and before[-1].islower() and before[-2].lower() in _DETERMINERS
    return word == "and" or (word in ("of", "for") and bool(before) and before[-1][:1].isupper())


def _owner(before: list[str], possessive: str) -> list[str]:
    """The named body a role belongs to ("Big Brother's spokeswoman" → big, brother), or [].

    A country ("Japan's finance minister") or a common noun ("the company's chairman") is left out: the
    person they refer back to was introduced without it ("Finance Minister Kiichi Miyazawa").
    """
    if not possessive[:1].isupper():
        return []
    words = [possessive[:-2]]
    while before and len(words) < 3 and before[-1][:1].isupper() and before[-1][-1].isalnum():
        words.insert(0, before.pop())
    name = " ".join(words).lower()
    return [] if demonym(name) or demonym(words[-1].lower()) else name.split()


def find_refs(
    text: str, masked: str, spans: list[tuple[int, int]], known: set[str], heads: list[tuple[int, int]]
) -> list[Ref]:
    """Collect name and role references in text order."""
    refs = [Ref("name", m.start, m.end, name=m) for m in find_names(text, known)]
    if heads:
        _add_roles(refs, masked, heads)
    if spans:
        for ref in refs:
            ref.in_quote = masked[ref.start] == "_"  # quoted words are masked with underscores
    return refs


def _add_roles(refs: list[Ref], masked: str, heads: list[tuple[int, int]]) -> None:
    """Add the role phrases ("the deputy minister") around role nouns to the names, keeping text order."""
    starts = {r.start for r in refs}
    ends = {r.end: r.start for r in refs}
    name_count = len(refs)
    for start, end in heads:
        if end + 1 in starts or (masked[end : end + 1] == " " and masked[end + 1 : end + 2].isupper()):
            continue  # "the chancellor Gordon Brown": the role is bound to the name, not a reference
        after = NEXT_WORD.match(masked, end)
        if after and (
            after[1] in ROLE_HEADS
            or (masked[start:end].lower() in ADJECTIVAL_ROLE_HEADS and after[1] not in _VERB_OR_AUX)
        ):
            continue  # "the chief economist", "the general election": the noun is used as an adjective
        found = _role_phrase(masked, start, end)
        if found is None:
            continue
        phrase_start, role, indefinite, anybody = found
        # Apposition after a name, already bound to it; not someone closing the report ("…the visit by Yasuhiro
        # Nakasone, a Treasury spokesman said").
        name_start = ends.get(phrase_start - 2)
        if (
            name_start is not None
            and masked[phrase_start - 2 : phrase_start] == ", "
            and not closes_a_report(masked, name_start, phrase_start - 2, end)
        ):
            continue
        refs.append(Ref("role", phrase_start, end, role=role, indefinite=indefinite, anybody=anybody))
    if len(refs) > name_count:
        refs.sort(key=lambda r: r.start)  # the names came in text order
