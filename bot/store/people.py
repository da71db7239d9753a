"""People, the names they are asked by, and the paragraphs where each speaks or is mentioned."""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from typing import NamedTuple

from sqlite_utils import Database

from bot.store.readers import Readers
from bot.store.sql import placeholders
from bot.store.stats import FrequencyCache, index_totals


class PersonParagraph(NamedTuple):
    """A paragraph linked to a person, with where it sits.

    A named tuple: a prolific speaker's thousands of links are built per question, and a frozen dataclass's
    __init__ cost several times more (about half of reading 4,500 links).
    """

    paragraph_id: int
    article_id: int
    position: int
    role: str  # "speaker" or "mention"


class PeopleQueries:
    """Person lookups; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock
    _readers: Readers
    _frequencies: FrequencyCache

    def people_by_alias(self, alias: str) -> list[tuple[int, str]]:
        """People (id, name) known by exactly this lower-case alias."""
        return self.people_by_aliases([alias])

    def people_by_aliases(self, aliases: Sequence[str]) -> list[tuple[int, str]]:
        """People (id, name) known by exactly any of these lower-case aliases, each once, by id."""
        if not aliases:
            return []
        rows = self._readers.fetchall(
            "SELECT DISTINCT pe.id, pe.name FROM person_aliases pa JOIN people pe ON pe.id = pa.person_id"
            f" WHERE pa.alias IN ({placeholders(aliases)}) ORDER BY pe.id",
            [alias.lower() for alias in aliases],
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    def aliases_of(self, person_ids: Sequence[int]) -> list[tuple[int, str, str]]:
        """(person id, alias, kind) of every alias these people hold, by person, then alias."""
        if not person_ids:
            return []
        rows = self._readers.fetchall(
            "SELECT person_id, alias, kind FROM person_aliases"
            f" WHERE person_id IN ({placeholders(person_ids)}) ORDER BY person_id, alias",
            list(person_ids),
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    def aliases_after(
        self, position: int, kinds: Sequence[str] = (), limit: int = 0
    ) -> list[tuple[int, str, int, str]]:
        """(position, alias, person id, kind) of the aliases (of these kinds, if given) added after ``position``.

        In insertion order; positions are those ``people_version`` counts in, so a cache can read only what is new.
        ``limit`` (when not 0) caps the rows, so a cache can read a large archive in pages.
        """
        where = f"rowid > ? AND kind IN ({placeholders(kinds)})" if kinds else "rowid > ?"
        rows = self._readers.fetchall(
            f"SELECT rowid, alias, person_id, kind FROM person_aliases WHERE {where} ORDER BY rowid LIMIT ?",
            [position, *kinds, limit or -1],
        )
        return [(int(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in rows]

    def people_version(self) -> tuple[int, int]:
        """(the latest alias's position, how many aliases were ever removed), as the protocol says."""
        # Two index look-ups: COUNT(*) would read every alias, and did so on each question during a load. On the
        # thread's own connection: asked several times a question, it queued behind the shared one during a load.
        (row,) = self._readers.fetchall(
            "SELECT (SELECT COALESCE(MAX(rowid), 0) FROM person_aliases),"
            " (SELECT value FROM counters WHERE name = 'alias_deletions')"
        )
        return int(row[0]), int(row[1])

    def most_quoted(self, limit: int) -> list[tuple[str, int]]:
        """The ``limit`` people (and bodies) who speak in most paragraphs, with how many, most first (then by
        name)."""
        rows = self._readers.fetchall(
            "SELECT pe.name, COUNT(*) AS spoken FROM paragraph_people pp JOIN people pe ON pe.id = pp.person_id"
            " WHERE pp.role = 'speaker' GROUP BY pe.id ORDER BY spoken DESC, pe.name LIMIT ?",
            [limit],
        )
        return [(str(name), int(spoken)) for name, spoken in rows]

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]:
        """Names of the given people."""
        rows = self._readers.fetchall(
            f"SELECT id, name FROM people WHERE id IN ({placeholders(person_ids)})", list(person_ids)
        )
        return {int(i): str(n) for i, n in rows}

    def person_paragraphs(
        self,
        person_ids: Sequence[int],
        within: Sequence[int] | None = None,
        *,
        speaking: bool = False,
        latest: int | None = None,
    ) -> list[PersonParagraph]:
        """Every paragraph (of ``within``, when given) where one of the people speaks or (unless ``speaking``)
        is mentioned, in article order; only the ``latest`` links of the latest articles, when given."""
        if not person_ids or (within is not None and not within):
            return []
        # One JSON array for ``within``: a prolific speaker's thousands of paragraphs as bound variables
        # would approach SQLite's limit on them.
        among = " AND paragraph_id IN (SELECT value FROM json_each(?))" if within is not None else ""
        if speaking:
            among += " AND role = 'speaker'"
        # Paragraph ids grow with their article's id and their position (an article's paragraphs are stored
        # together, after every earlier article's), so the links are ordered, and the latest chosen, by their
        # paragraph ids alone, before any paragraph is looked up: a role 1,563 people hold has 63,000 links
        # at 1.4M paragraphs, and joining them all before keeping the latest 10,000 took 70 ms (now 31).
        latest_only = " ORDER BY paragraph_id DESC LIMIT ?" if latest else ""
        # The planner would look each paragraph up by its rowid, reading its text's page too (schema v12).
        rows = self._readers.fetchall(
            "SELECT pp.paragraph_id, p.article_id, p.position, pp.role FROM"
            f" (SELECT paragraph_id, role FROM paragraph_people WHERE person_id IN ({placeholders(person_ids)}){among}"
            f"{latest_only}) pp"
            " JOIN paragraphs p INDEXED BY idx_paragraphs_id_article_position ON p.id = pp.paragraph_id"
            " ORDER BY pp.paragraph_id",
            [*person_ids, *([json.dumps(list(within))] if within is not None else []), *([latest] if latest else [])],
        )
        return [PersonParagraph(*r) for r in rows]

    def first_speakers(self, paragraph_ids: Sequence[int]) -> dict[int, int]:
        """The person listed first among the speakers of each of the given paragraphs (who has them)."""
        if not paragraph_ids:
            return {}
        rows = self._readers.fetchall(
            "SELECT paragraph_id, person_id FROM paragraph_people WHERE rowid IN (SELECT MIN(rowid)"
            " FROM paragraph_people WHERE role = 'speaker' AND paragraph_id IN (SELECT value FROM json_each(?))"
            " GROUP BY paragraph_id)",
            [json.dumps(list(paragraph_ids))],
        )
        return {int(paragraph_id): int(person_id) for paragraph_id, person_id in rows}

    def document_frequency(self, stems: Sequence[str]) -> dict[str, int]:
        """How many paragraphs hold each (stemmed, lower-case) term, from the FTS5 vocabulary."""
        if not stems:
            return {}

        def lookup(term: str) -> int | None:
            # One equality look-up per term: fts5vocab scans the whole vocabulary for an IN list.
            row = self.db.execute("SELECT doc FROM paragraphs_fts_vocab WHERE term = ?", [term]).fetchone()
            return int(row[0]) if row else None

        with self._lock:
            totals = index_totals(self.db.conn) or (self._count_paragraphs(), 0)
            return self._frequencies.get(stems, totals, lookup)

    def paragraph_count(self) -> int:
        """How many paragraphs are stored (from the index's own totals: COUNT(*) reads the whole table)."""
        with self._lock:
            totals = index_totals(self.db.conn)
            return totals[0] if totals else self._count_paragraphs()

    def _count_paragraphs(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM paragraphs").fetchone()[0])
