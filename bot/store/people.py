"""People, the names they are asked by, and the paragraphs where each speaks or is mentioned."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database


@dataclass(frozen=True)
class PersonParagraph:
    """A paragraph linked to a person, with where it sits."""

    paragraph_id: int
    article_id: int
    position: int
    role: str  # "speaker" or "mention"
    main: bool  # the paragraph's first listed speaker


class PeopleQueries:
    """Person lookups; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock

    def people_by_alias(self, alias: str) -> list[tuple[int, str]]:
        """People (id, name) known by exactly this lower-case alias."""
        with self._lock:
            rows = self.db.execute(
                "SELECT DISTINCT pe.id, pe.name FROM person_aliases pa JOIN people pe ON pe.id = pa.person_id"
                " WHERE pa.alias = ? ORDER BY pe.id",
                [alias.lower()],
            ).fetchall()
        return [(int(r[0]), str(r[1])) for r in rows]

    def role_aliases_with(self, word: str, limit: int = 2000) -> list[tuple[str, int]]:
        """Role aliases (alias, person id) containing ``word`` as a whole word, for matching "the treasurer"."""
        with self._lock:
            rows = self.db.execute(
                "SELECT alias, person_id FROM person_aliases WHERE kind = 'role'"
                " AND (' ' || alias || ' ') LIKE ? LIMIT ?",
                [f"% {word} %", limit],
            ).fetchall()
        return [(str(a), int(p)) for a, p in rows]

    def all_aliases(self) -> list[tuple[str, int]]:
        """Every (alias, person id), for fuzzy matching of misspelt names."""
        with self._lock:
            return [(str(a), int(p)) for a, p in self.db.execute("SELECT alias, person_id FROM person_aliases")]

    def people_version(self) -> tuple[int, int]:
        """A value that changes whenever people or aliases are added or removed (for caches)."""
        with self._lock:
            row = self.db.execute(
                "SELECT (SELECT COALESCE(MAX(rowid), 0) FROM person_aliases), (SELECT COUNT(*) FROM person_aliases)"
            ).fetchone()
        return int(row[0]), int(row[1])

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]:
        """Names of the given people."""
        with self._lock:
            rows = self.db.execute(
                f"SELECT id, name FROM people WHERE id IN ({','.join('?' * len(person_ids))})",
                list(person_ids),
            ).fetchall()
        return {int(i): str(n) for i, n in rows}

    def person_paragraphs(self, person_ids: Sequence[int]) -> list[PersonParagraph]:
        """Every paragraph where one of the people speaks or is mentioned, in article order."""
        if not person_ids:
            return []
        with self._lock:
            rows = self.db.execute(
                "SELECT pp.paragraph_id, p.article_id, p.position, pp.role,"
                " pp.person_id = (SELECT person_id FROM paragraph_people first"
                "   WHERE first.paragraph_id = pp.paragraph_id AND first.role = 'speaker' ORDER BY first.rowid LIMIT 1)"
                " FROM paragraph_people pp JOIN paragraphs p ON p.id = pp.paragraph_id"
                f" WHERE pp.person_id IN ({','.join('?' * len(person_ids))})"
                " ORDER BY p.article_id, p.position",
                list(person_ids),
            ).fetchall()
        return [PersonParagraph(int(r[0]), int(r[1]), int(r[2]), str(r[3]), bool(r[4])) for r in rows]

    def document_frequency(self, stems: Sequence[str]) -> dict[str, int]:
        """How many paragraphs hold each (stemmed, lower-case) term, from the FTS5 vocabulary."""
        if not stems:
            return {}
        with self._lock:
            rows = self.db.execute(
                f"SELECT term, doc FROM paragraphs_fts_vocab WHERE term IN ({','.join('?' * len(stems))})",
                list(stems),
            ).fetchall()
        return {str(t): int(d) for t, d in rows}

    def paragraph_count(self) -> int:
        """How many paragraphs are stored."""
        with self._lock:
            return int(self.db.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0])
