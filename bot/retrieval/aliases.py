"""The store's aliases in memory for misspelt names and role look-ups, kept up to date by reading only new rows."""

from __future__ import annotations

import sys
import threading
from abc import ABC, abstractmethod

from bot.store import Store


class _Incremental(ABC):
    """Aliases (of one kind, or all) read from the store once, then only the rows added since.

    Loads only append aliases; a removal (an article deleted) shows as a count that no longer matches
    the positions, and then everything is read again.
    """

    def __init__(self, store: Store, kind: str) -> None:
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

    def __init__(self, store: Store) -> None:
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
    """Every distinct alias, in first-seen order, for fuzzy matching of misspelt names."""

    def __init__(self, store: Store) -> None:
        super().__init__(store, "")
        self._seen: set[str] = set()
        self.names: list[str] = []

    def clear(self) -> None:
        """Forget every alias."""
        self._seen, self.names = set(), []

    def add(self, alias: str, person_id: int) -> None:
        """Keep the alias once."""
        if alias not in self._seen:
            self._seen.add(alias)
            self.names.append(alias)
