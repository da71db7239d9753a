"""Resolving the name a user typed to people in the store: exact alias, title-less, surname, then fuzzy."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.attribution.lexicon import ROLE_HEADS, ROLE_SYNONYMS
from bot.store import Store

_TITLES = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|baroness|baron|president|prime minister|pm|minister|chancellor"
    r"|secretary|senator|sen|governor|gov|prof|professor|general|gen)\.?\s+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_ROLE_WORD = re.compile(r"[a-z][a-z-]+")
_ROLE_FILLER = frozenset({"the", "of", "for", "at", "from", "in", "and", "s"})
# Titles that name the same job in different house styles ("budget director" / "budget chief").
_HEAD_SYNONYMS: dict[str, set[str]] = {
    "director": {"chief", "head"},
    "chief": {"director", "head"},
    "head": {"chief", "director"},
}


@dataclass(frozen=True)
class Speaker:
    """The people a typed name resolved to (several when a surname is shared), and how."""

    typed: str
    person_ids: tuple[int, ...]
    names: tuple[str, ...]
    fuzzy: bool = False


class SpeakerResolver:
    """Looks names up in the people table, caching the alias list for fuzzy matching until it changes."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._aliases: list[str] = []
        self._alias_people: dict[str, list[int]] = {}
        self._version: tuple[int, int] = (-1, -1)

    def resolve(self, typed: str, *, allow_fuzzy: bool = True) -> Speaker | None:
        """The people a typed name or role means, or None when nobody in the store goes by it."""
        name = _POSSESSIVE.sub("", " ".join(typed.lower().replace(".", " ").split()))
        words = name.split()
        if not words:
            return None
        if words[-1] in ROLE_HEADS:
            return self._by_role(typed, name)
        for candidate in _candidates(name):
            found = self.store.people_by_alias(candidate)
            if found:
                return Speaker(typed, tuple(i for i, _ in found), tuple(n for _, n in found))
        # A role our lexicon doesn't know ("the telecoms ombudsman") may still be one the articles gave.
        by_role = self._by_role(typed, name) if len(words) > 1 else None
        if by_role is not None or not allow_fuzzy:
            return by_role
        return self._fuzzy(typed, name)

    def _by_role(self, typed: str, role: str) -> Speaker | None:
        """People whose roles in the articles best match a typed role ("australia's treasurer").

        The role's head noun must match (or a close synonym: director / chief / head); the other
        words ("australia's", "white house") rank the candidates, and the best-matching ones are kept.
        """
        found = self.store.people_by_alias(role)
        if not found:
            wanted = [w for w in _ROLE_WORD.findall(role.replace("'s ", " ")) if w not in _ROLE_FILLER]
            heads = ROLE_SYNONYMS.get(wanted[-1], frozenset()) | {wanted[-1]} | _HEAD_SYNONYMS.get(wanted[-1], set())
            best: dict[int, float] = {}
            for head in heads:
                for alias, person_id in self.store.role_aliases_with(head):
                    words = alias.split()
                    if words and words[-1] in heads:
                        score = _role_match(wanted[:-1], words[:-1]) if len(wanted) > 1 else 1.0
                        best[person_id] = max(score, best.get(person_id, 0.0))
            if not best:
                return None
            top = max(best.values())
            ids = sorted(i for i, score in best.items() if score == top)
            names = self.store.person_names(ids)
            found = [(i, names[i]) for i in ids if i in names]
        return Speaker(typed, tuple(i for i, _ in found), tuple(n for _, n in found)) if found else None

    def _fuzzy(self, typed: str, name: str) -> Speaker | None:
        edits = _allowed_edits(name)
        if not edits:
            return None
        self._refresh()
        match = process.extractOne(name, self._aliases, scorer=Levenshtein.distance, score_cutoff=edits)
        if match is None:
            return None
        ids = self._alias_people[match[0]]
        names = self.store.person_names(ids)
        return Speaker(typed, tuple(ids), tuple(names[i] for i in ids), fuzzy=True)

    def _refresh(self) -> None:
        version = self.store.people_version()
        if version == self._version:
            return
        people: dict[str, list[int]] = {}
        for alias, person_id in self.store.all_aliases():
            people.setdefault(alias, []).append(person_id)
        self._alias_people = people
        self._aliases = list(people)
        self._version = version


def _role_match(wanted: list[str], alias: list[str]) -> float:
    """Share of the typed qualifiers found in a role alias's qualifiers; "australia" matches "australian"."""
    if not wanted:
        return 1.0
    hits = sum(any(_same_word(w, a) for a in alias) for w in wanted)
    return hits / len(wanted)


def _same_word(typed: str, word: str) -> bool:
    """Equal, or one a prefix of the other with a common stem of five letters (country → demonym)."""
    if typed == word:
        return True
    shorter, longer = sorted((typed, word), key=len)
    return len(shorter) >= 5 and longer.startswith(shorter[:-1])


def _allowed_edits(name: str) -> int:
    """Typos forgiven in a name: none in very short names (too many near misses), then one, then two."""
    if len(name) < 4:
        return 0
    return 1 if len(name) < 8 else 2


def _candidates(name: str) -> list[str]:
    """Forms to try in order: as typed, without a leading title, then the surname alone."""
    forms = [name]
    untitled = _TITLES.sub("", name)
    if untitled != name:
        forms.append(untitled)
    words = untitled.split()
    if len(words) > 1:
        forms.append(words[-1])
    return list(dict.fromkeys(f for f in forms if f))
