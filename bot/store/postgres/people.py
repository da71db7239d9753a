"""People, aliases and term statistics on PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence

import psycopg
from psycopg_pool import ConnectionPool

from bot.store.people import PersonParagraph

Conn = psycopg.Connection[tuple[object, ...]]


class PgPeopleQueries:
    """Person lookups and paragraph counts per stem; mixed into ``PostgresStore``."""

    pool: ConnectionPool[Conn]

    def people_by_alias(self, alias: str) -> list[tuple[int, str]]:
        """People (id, name) known by exactly this lower-case alias."""
        return self.people_by_aliases([alias])

    def people_by_aliases(self, aliases: Sequence[str]) -> list[tuple[int, str]]:
        """People (id, name) known by exactly any of these lower-case aliases, each once, by id."""
        if not aliases:
            return []
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT DISTINCT pe.id, pe.name FROM person_aliases pa JOIN people pe ON pe.id = pa.person_id"
                " WHERE pa.alias = ANY(%s) ORDER BY pe.id",
                [[alias.lower() for alias in aliases]],
            ).fetchall()
        return [(int(str(r[0])), str(r[1])) for r in rows]

    def aliases_of(self, person_ids: Sequence[int]) -> list[tuple[int, str, str]]:
        """(person id, alias, kind) of every alias these people hold, by person, then alias."""
        if not person_ids:
            return []
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT person_id, alias, kind FROM person_aliases WHERE person_id = ANY(%s) ORDER BY person_id, alias",
                [list(person_ids)],
            ).fetchall()
        return [(int(str(r[0])), str(r[1]), str(r[2])) for r in rows]

    def aliases_after(
        self, position: int, kinds: Sequence[str] = (), limit: int = 0
    ) -> list[tuple[int, str, int, str]]:
        """(position, alias, person id, kind) of the aliases (of these kinds, if given) added after ``position``.

        ``limit`` (when not 0) caps the rows, so a cache can read a large archive in pages.
        """
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT seq, alias, person_id, kind FROM person_aliases"
                " WHERE seq > %s AND (cardinality(%s::text[]) = 0 OR kind = ANY(%s::text[])) ORDER BY seq LIMIT %s",
                [position, list(kinds), list(kinds), limit or None],
            ).fetchall()
        return [(int(str(r[0])), str(r[1]), int(str(r[2])), str(r[3])) for r in rows]

    def people_version(self) -> tuple[int, int]:
        """A value that changes whenever people or aliases are added or removed (for caches)."""
        with self.pool.connection() as conn:
            # MAX(seq) grows with every alias added (an index look-up); deletions are counted apart,
            # because COUNT(*) would read the whole table on every question.
            row = conn.execute(
                "SELECT (SELECT COALESCE(MAX(seq), 0) FROM person_aliases),"
                " (SELECT value FROM counters WHERE name = 'alias_deletions')"
            ).fetchone()
        assert row is not None
        return int(str(row[0])), int(str(row[1]))

    def most_quoted(self, limit: int) -> list[tuple[str, int]]:
        """The ``limit`` people (and bodies) who speak in most paragraphs, with how many, most first (then by
        name)."""
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT pe.name, COUNT(*) AS spoken FROM paragraph_people pp JOIN people pe ON pe.id = pp.person_id"
                " WHERE pp.role = 'speaker' GROUP BY pe.id, pe.name ORDER BY spoken DESC, pe.name LIMIT %s",
                [limit],
            ).fetchall()
        return [(str(name), int(str(spoken))) for name, spoken in rows]

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]:
        """Names of the given people."""
        with self.pool.connection() as conn:
            rows = conn.execute("SELECT id, name FROM people WHERE id = ANY(%s)", [list(person_ids)]).fetchall()
        return {int(str(i)): str(n) for i, n in rows}

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
        among = " AND pp.paragraph_id = ANY(%s)" if within is not None else ""
        if speaking:
            among += " AND pp.role = 'speaker'"
        order = "p.article_id, p.position, pp.person_id, pp.role"
        if latest:
            order = "p.article_id DESC, p.position DESC, pp.person_id DESC, pp.role DESC LIMIT %s"
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT pp.paragraph_id, p.article_id, p.position, pp.role"
                " FROM paragraph_people pp JOIN paragraphs p ON p.id = pp.paragraph_id"
                f" WHERE pp.person_id = ANY(%s){among} ORDER BY {order}",
                [list(person_ids), *([list(within)] if within is not None else []), *([latest] if latest else [])],
            ).fetchall()
        links = [PersonParagraph(int(str(r[0])), int(str(r[1])), int(str(r[2])), str(r[3])) for r in rows]
        return links[::-1] if latest else links

    def first_speakers(self, paragraph_ids: Sequence[int]) -> dict[int, int]:
        """The person listed first among the speakers of each of the given paragraphs (who has them)."""
        if not paragraph_ids:
            return {}
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT DISTINCT ON (paragraph_id) paragraph_id, person_id FROM paragraph_people"
                " WHERE role = 'speaker' AND paragraph_id = ANY(%s) ORDER BY paragraph_id, seq",
                [list(paragraph_ids)],
            ).fetchall()
        return {int(str(paragraph_id)): int(str(person_id)) for paragraph_id, person_id in rows}

    def document_frequency(self, stems: Sequence[str]) -> dict[str, int]:
        """How many paragraphs hold each (Porter-stemmed, lower-case) term, from ``paragraph_terms``."""
        if not stems:
            return {}
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT term, doc FROM paragraph_terms WHERE term = ANY(%s)", [list(stems)]
            ).fetchall()
        return {str(t): int(str(d)) for t, d in rows}

    def paragraph_count(self) -> int:
        """How many paragraphs are stored (a kept count: COUNT(*) would read the whole table)."""
        with self.pool.connection() as conn:
            row = conn.execute("SELECT value FROM counters WHERE name = 'paragraphs'").fetchone()
        return int(str(row[0])) if row else 0
