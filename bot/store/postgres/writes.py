"""What loading or removing an article writes besides its own row on PostgreSQL: its paragraphs, its people and
their links, and the kept counts of paragraphs per stem and in all."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

import psycopg

from bot.retrieval.terms import stems_of
from bot.store.articles import NAME_RANK, AddResult, PersonSpeech, kind_rank, surest_aliases, upgradable

Conn = psycopg.Connection[tuple[object, ...]]


def change_terms(conn: Conn, counts: Counter[str], sign: int) -> None:
    """Add (sign 1) or remove (sign -1) paragraph counts per Porter stem, in term order (no deadlocks)."""
    if not counts:
        return
    terms = sorted(counts)
    conn.execute(
        "INSERT INTO paragraph_terms (term, doc) SELECT * FROM unnest(%s::text[], %s::int[])"
        " ON CONFLICT (term) DO UPDATE SET doc = paragraph_terms.doc + excluded.doc",
        [terms, [sign * counts[t] for t in terms]],
    )
    if sign < 0:
        conn.execute("DELETE FROM paragraph_terms WHERE term = ANY(%s) AND doc <= 0", [terms])


def paragraph_terms(texts: Iterable[str]) -> Counter[str]:
    """Paragraphs per stem among ``texts`` (each paragraph counts a stem once, as FTS5's vocabulary does)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(stems_of(text))
    return counts


def change_paragraph_count(conn: Conn, change: int) -> None:
    """Move the kept paragraph count (``paragraph_count`` reads it instead of COUNT(*))."""
    if change:
        conn.execute("UPDATE counters SET value = value + %s WHERE name = 'paragraphs'", [change])


def find_duplicate(conn: Conn, digest: str, url: str) -> AddResult | None:
    row = conn.execute("SELECT id FROM articles WHERE content_hash = %s", [digest]).fetchone()
    if row:
        return AddResult("duplicate", int(str(row[0])), f"same text as article {row[0]}")
    if url:
        row = conn.execute("SELECT id FROM articles WHERE url = %s", [url]).fetchone()
        if row:
            return AddResult("duplicate", int(str(row[0])), f"same URL as article {row[0]}")
    return None


def insert_paragraphs(conn: Conn, article_id: int, paragraphs: Sequence[str]) -> list[int]:
    """Insert paragraphs in order; gives their ids by position (ids of concurrent loads may interleave)."""
    rows = conn.execute(
        "INSERT INTO paragraphs (article_id, position, text)"
        " SELECT %s, t.ord - 1, t.text FROM unnest(%s::text[]) WITH ORDINALITY AS t(text, ord) ORDER BY t.ord"
        " RETURNING id, position",
        [article_id, list(paragraphs)],
    ).fetchall()
    by_position = {int(str(position)): int(str(pid)) for pid, position in rows}
    return [by_position[i] for i in range(len(paragraphs))]


def link_people(conn: Conn, paragraph_ids: Sequence[int], people: PersonSpeech) -> int:
    """Insert people, their aliases and their paragraph links, in the order SQLite would (``seq``); returns how many
    stored aliases now keep a surer kind."""
    names = list(people.aliases)
    ids: dict[str, int] = {}
    if names:
        conn.execute(
            "INSERT INTO people (name) SELECT n FROM unnest(%s::text[]) WITH ORDINALITY AS t(n, o) ORDER BY o"
            " ON CONFLICT (name) DO NOTHING",
            [names],
        )
        found = conn.execute("SELECT id, name FROM people WHERE name = ANY(%s)", [names])
        ids = {str(n): int(str(i)) for i, n in found}
    aliases = surest_aliases((ids[name], alias, kind) for name in names for alias, kind in people.aliases[name])
    ranks: list[int] = []
    if better := upgradable(aliases):
        # As in the SQLite store: an alias stored in a less sure kind is replaced by a new row in the surer one
        # (``seq`` is never given out again); a role become a name counts as removed.
        replaced = conn.execute(
            "DELETE FROM person_aliases pa"
            " USING unnest(%s::bigint[], %s::text[], %s::int[]) AS n(person_id, alias, rank)"
            f" WHERE pa.person_id = n.person_id AND pa.alias = n.alias AND {kind_rank('pa.kind')} > n.rank"
            " RETURNING n.rank",
            [list(column) for column in zip(*better, strict=True)],
        ).fetchall()
        ranks = [int(str(rank)) for (rank,) in replaced]
        if removed := ranks.count(NAME_RANK):
            conn.execute("UPDATE counters SET value = value + %s WHERE name = 'alias_deletions'", [removed])
    rows: list[tuple[object, ...]] = list(aliases)
    _insert_ordered(conn, "person_aliases", ("person_id", "alias", "kind"), ("bigint", "text", "text"), rows)
    links: list[tuple[object, ...]] = []
    for role, per_paragraph in (("speaker", people.speakers), ("mention", people.mentions)):
        for offset, names_here in enumerate(per_paragraph):
            if offset < len(paragraph_ids):
                links.extend((paragraph_ids[offset], ids[n], role) for n in names_here if n in ids)
    _insert_ordered(
        conn, "paragraph_people", ("paragraph_id", "person_id", "role"), ("bigint", "bigint", "text"), links
    )
    return len(ranks)


def _insert_ordered(
    conn: Conn, table: str, columns: tuple[str, ...], types: tuple[str, ...], rows: list[tuple[object, ...]]
) -> None:
    """INSERT … ON CONFLICT DO NOTHING of many rows, keeping their order in the ``seq`` column."""
    if not rows:
        return
    arrays = [list(column) for column in zip(*rows, strict=True)]
    unnest = ", ".join(f"%s::{t}[]" for t in types)
    names = ", ".join(columns)
    conn.execute(
        f"INSERT INTO {table} ({names}) SELECT {names} FROM unnest({unnest}) WITH ORDINALITY"
        f" AS t({names}, ord) ORDER BY ord ON CONFLICT DO NOTHING",
        arrays,
    )
