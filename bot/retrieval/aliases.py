"""The store's aliases in memory for misspelt names and role look-ups, kept up to date by reading only new rows."""

from __future__ import annotations

import sys
import threading
from abc import ABC, abstractmethod
from array import array

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bot.store.protocol import StoreProtocol


class _Incremental(ABC):
    """Aliases (of one kind, or all) read from the store once, then only the rows added since.

    Loads only append aliases; a removal (an article deleted) shows as a count that no longer matches
    the positions, and then everything is read again.
    """

    def __init__(self, store: StoreProtocol, kind: str) -> None:
        self.store = store
        self.kind = kind
        self._lock = threading.Lock()
        self._version: tuple[int, int] = (0, 0)

    def refresh(self) -> None:
        """Catch up with the store."""
        version = self.store.people_version()
        with self._lock:
            if version == self._version:
                return
            position, count = self._version
            if version[0] - position != version[1] - count:
                self.clear()
                position = 0
            for _, alias, person_id, _kind in self.store.aliases_after(position, self.kind):
                self.add(sys.intern(alias), person_id)
            self._version = version

    @abstractmethod
    def clear(self) -> None:
        """Forget everything (before a full re-read)."""

    @abstractmethod
    def add(self, alias: str, person_id: int) -> None:
        """Take in one alias row."""


class RoleAliases(_Incremental):
    """Role aliases ("the foreign secretary") by word, for matching a typed role without scanning the table."""

    def __init__(self, store: StoreProtocol) -> None:
        super().__init__(store, "role")
        self._by_word: dict[str, list[tuple[str, int]]] = {}

    def clear(self) -> None:
        """Forget every role."""
        self._by_word = {}

    def add(self, alias: str, person_id: int) -> None:
        """File a role alias under each of its words."""
        for word in set(alias.split()):
            self._by_word.setdefault(word, []).append((alias, person_id))

    def containing(self, word: str, limit: int = 2000) -> list[tuple[str, int]]:
        """Role aliases (alias, person id) with ``word`` as a whole word, oldest first."""
        self.refresh()
        return self._by_word.get(word, [])[:limit]


class NameAliases(_Incremental):
    """Every distinct alias, filed by length, for fuzzy matching of misspelt names.

    An alias more than ``edits`` characters longer or shorter than the typed name can't be within
    ``edits`` edits of it, so only a few lengths are compared instead of every alias in the archive.
    """

    def __init__(self, store: StoreProtocol) -> None:
        super().__init__(store, "")
        self.clear()

    def clear(self) -> None:
        """Forget every alias."""
        self._seen: set[str] = set()
        self._by_length: dict[int, list[str]] = {}
        self._order: dict[int, array[int]] = {}  # per length, each alias's first-seen position overall

    def add(self, alias: str, person_id: int) -> None:
        """Keep the alias once."""
        if alias not in self._seen:
            self._order.setdefault(len(alias), array("q")).append(len(self._seen))
            self._seen.add(alias)
            self._by_length.setdefault(len(alias), []).append(alias)

    def closest(self, name: str, edits: int) -> str | None:
        """The alias fewest edits (at most ``edits``) from ``name``; on a tie, the one seen first."""
        self.refresh()
        best: tuple[int, int, str] | None = None
        for length in range(len(name) - edits, len(name) + edits + 1):
            choices = self._by_length.get(length)
            if not choices:
                continue
            match = process.extractOne(name, choices, scorer=Levenshtein.distance, score_cutoff=edits)
            if match is not None:
                found = (int(match[1]), self._order[length][match[2]], match[0])
                best = found if best is None or found < best else best
        return best[2] if best else None
