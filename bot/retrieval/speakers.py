"""Resolving the name a user typed to people in the store: exact alias, title-less, surname, then fuzzy."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.store import Store

_TITLES = re.compile(
    r"^(?:mr|mrs|ms|miss|dr|sir|dame|lord|lady|baroness|baron|president|prime minister|pm|minister|chancellor"
    r"|secretary|senator|sen|governor|gov|prof|professor|general|gen)\.?\s+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")


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
        """The people a typed name means, or None when nobody in the store goes by it."""
        name = _POSSESSIVE.sub("", " ".join(typed.lower().replace(".", " ").split()))
        for candidate in _candidates(name):
            found = self.store.people_by_alias(candidate)
            if found:
                return Speaker(typed, tuple(i for i, _ in found), tuple(n for _, n in found))
        if not allow_fuzzy:
            return None
        return self._fuzzy(typed, name)

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
