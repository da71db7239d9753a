"""Export and import of a whole store as JSON Lines, the same for SQLite and PostgreSQL.

An export is one header line and then one line per row, table by table in dependency order:

    {"format": "briefbot-export", "version": 1, "tables": ["articles", ...]}
    {"table": "articles", "row": {"id": 1, "title": "...", ...}}

Only the columns both engines hold are written (no FTS index, ``tsvector`` or term counts: the
importing engine rebuilds those), with the original ids, so links between tables survive. Rows come
in primary-key order, except aliases and speaker links, which come in insertion order because that
order means something (a paragraph's first listed speaker is its main one).

For each table the export and the import report a row count and a SHA-256 over a canonical
serialisation of its rows (``json.dumps`` of the values in column order, one line each): an export
from SQLite, imported into PostgreSQL and exported again gives the same checksums.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from bot.errors import BriefingError
from bot.store.articles import index_paragraphs
from bot.store.sql import placeholders

if TYPE_CHECKING:
    from bot.store.base import Store
    from bot.store.postgres import PostgresStore

FORMAT = "briefbot-export"
VERSION = 1
BATCH = 5000


@dataclass(frozen=True)
class Table:
    """A table as exported: its columns and the order its rows are written in."""

    name: str
    columns: tuple[str, ...]
    order: tuple[str, ...]  # primary key, or "@insertion" for rowid / seq order
    text_keys: frozenset[str] = field(default_factory=frozenset)

    @property
    def by_insertion(self) -> bool:
        """Whether rows are ordered by insertion rather than by key."""
        return self.order == ("@insertion",)


TABLES: tuple[Table, ...] = (
    Table("articles", ("id", "title", "source", "author", "published", "url", "category", "origin",
                       "content_hash", "loaded_at", "loaded_by"), ("id",)),
    Table("paragraphs", ("id", "article_id", "position", "text"), ("id",)),
    Table("article_stems", ("article_id", "stems"), ("article_id",)),
    Table("ingest_failures", ("id", "origin", "reason", "failed_at", "loaded_by"), ("id",)),
    Table("people", ("id", "name"), ("id",)),
    Table("person_aliases", ("person_id", "alias", "kind"), ("@insertion",)),
    Table("paragraph_people", ("paragraph_id", "person_id", "role"), ("@insertion",)),
    Table("subscriptions", ("id", "platform", "chat_id", "user_key", "local_time", "zone", "topic", "speaker",
                            "active", "created_at", "last_sent_at", "last_article_id"), ("id",)),
    Table("digest_log", ("subscription_id", "local_day", "status", "claim_token", "claimed_at", "sent_at",
                         "article_count"), ("subscription_id", "local_day"), frozenset({"local_day"})),
    Table("feeds", ("id", "url", "title", "etag", "last_modified", "added_by", "added_at", "last_polled_at",
                    "next_poll_at", "failures", "last_error"), ("id",)),
    Table("feed_items", ("feed_id", "guid", "link", "content_hash", "article_id", "seen_at"),
          ("feed_id", "guid"), frozenset({"guid"})),
    Table("audit", ("id", "at", "user_key", "action", "detail"), ("id",)),
)
# SQLite tables that are indexes or bookkeeping, rebuilt by the importing engine.
_SQLITE_DERIVED = ("paragraphs_fts", "sqlite_")
# Tables not worth moving: follow-up context expires within the hour, and the alias deletion count only
# tells this engine's caches that their copy is stale.
_NOT_EXPORTED = frozenset({"conversations", "counters"})


class TransferError(BriefingError):
    """An export or import that can't be done as asked."""


@dataclass
class TableSum:
    """A running row count and checksum of one table."""

    rows: int = 0
    digest: Any = field(default_factory=hashlib.sha256)

    def add(self, values: Iterable[object]) -> None:
        """Count one row and feed its canonical line to the checksum."""
        self.rows += 1
        self.digest.update(canonical(values).encode("utf-8") + b"\n")

    @property
    def sha256(self) -> str:
        """The checksum so far."""
        return str(self.digest.hexdigest())


def canonical(values: Iterable[object]) -> str:
    """A row's canonical serialisation: JSON of its values in column order, no whitespace."""
    return json.dumps(list(values), ensure_ascii=False, separators=(",", ":"))


Summary = dict[str, TableSum]


def _is_postgres(store: object) -> bool:
    return hasattr(store, "pool")


def table_rows(store: Store | PostgresStore, table: Table) -> Iterator[tuple[object, ...]]:
    """Every row of a table in export order, as plain Python values."""
    columns = ", ".join(table.columns)
    if _is_postgres(store):
        order = "seq" if table.by_insertion else ", ".join(
            f'{c} COLLATE "C"' if c in table.text_keys else c for c in table.order)
        pool = store.pool  # type: ignore[union-attr]
        with pool.connection() as conn, conn.cursor(name=f"export_{table.name}") as cursor:
            cursor.itersize = BATCH
            cursor.execute(f"SELECT {columns} FROM {table.name} ORDER BY {order}")
            yield from (tuple(row) for row in cursor)
        return
    order = "rowid" if table.by_insertion else ", ".join(table.order)
    sqlite_conn: sqlite3.Connection = store.db.conn  # type: ignore[union-attr]
    with store._lock:  # type: ignore[union-attr]
        cursor = sqlite_conn.execute(f"SELECT {columns} FROM {table.name} ORDER BY {order}")
        while batch := cursor.fetchmany(BATCH):
            yield from batch


def _check_known_tables(store: Store | PostgresStore) -> None:
    """Refuse to export a SQLite store holding a table this module doesn't know: it would be lost."""
    if _is_postgres(store):
        return
    known = {t.name for t in TABLES}
    names = [r[0] for r in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]  # type: ignore[union-attr]
    unknown = [n for n in names if n not in known | _NOT_EXPORTED and not n.startswith(_SQLITE_DERIVED)]
    if unknown:
        raise TransferError(f"The store has tables the export doesn't know yet: {', '.join(unknown)}.")


def export_store(store: Store | PostgresStore, target: Path) -> Summary:
    """Write every table to ``target`` as JSON Lines; gives each table's row count and checksum."""
    _check_known_tables(store)
    sums: Summary = {}
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8") as out:
        out.write(json.dumps({"format": FORMAT, "version": VERSION, "tables": [t.name for t in TABLES]}) + "\n")
        for table in TABLES:
            total = sums[table.name] = TableSum()
            for row in table_rows(store, table):
                total.add(row)
                out.write(json.dumps({"table": table.name, "row": dict(zip(table.columns, row, strict=True))},
                                     ensure_ascii=False) + "\n")
    return sums


def store_summary(store: Store | PostgresStore) -> Summary:
    """Each table's row count and checksum as an export would give them, without writing a file."""
    sums: Summary = {}
    for table in TABLES:
        total = sums[table.name] = TableSum()
        for row in table_rows(store, table):
            total.add(row)
    return sums


def read_export(source: Path) -> Iterator[tuple[Table, list[tuple[object, ...]]]]:
    """The tables of an export file in order, each with its rows (batched)."""
    by_name = {t.name: t for t in TABLES}
    with source.open(encoding="utf-8") as lines:
        header = json.loads(next(lines, "{}") or "{}")
        if header.get("format") != FORMAT or header.get("version") != VERSION:
            raise TransferError(f"{source} is not a briefbot export (version {VERSION}).")
        unknown = [n for n in header.get("tables", []) if n not in by_name]
        if unknown:
            raise TransferError(f"{source} holds tables this version doesn't know: {', '.join(unknown)}.")
        current: Table | None = None
        batch: list[tuple[object, ...]] = []
        for line in lines:
            record = json.loads(line)
            table = by_name[record["table"]]
            if current is not None and (table is not current or len(batch) >= BATCH):
                yield current, batch
                batch = []
            current = table
            batch.append(tuple(record["row"].get(c) for c in table.columns))
        if current is not None and batch:
            yield current, batch


def import_store(store: Store | PostgresStore, source: Path) -> Summary:
    """Load an export into an empty store (ids kept); gives each table's row count and checksum as read."""
    if store.article_count() or store.active_subscriptions() or store.feed_count():
        raise TransferError("Import needs an empty store; this one already holds articles, subscriptions or feeds.")
    sums: Summary = {t.name: TableSum() for t in TABLES}
    if _is_postgres(store):
        _import_postgres(store, source, sums)  # type: ignore[arg-type]
    else:
        _import_sqlite(store, source, sums)  # type: ignore[arg-type]
    return sums


def _import_sqlite(store: Store, source: Path, sums: Summary) -> None:
    with store._lock, store.db.atomic():
        for table, rows in read_export(source):
            marks = placeholders(table.columns)
            store.db.conn.executemany(f"INSERT INTO {table.name} ({', '.join(table.columns)}) VALUES ({marks})", rows)
            if table.name == "paragraphs":
                index_paragraphs(store.db.conn, [(cast(int, row[0]), cast(str, row[3])) for row in rows])
            for row in rows:
                sums[table.name].add(row)


def _import_postgres(store: PostgresStore, source: Path, sums: Summary) -> None:
    from bot.store.postgres.writes import change_paragraph_count, change_terms, paragraph_terms

    terms: Counter[str] = Counter()
    with store.pool.connection() as conn:
        for table, rows in read_export(source):
            with conn.cursor() as cursor, cursor.copy(
                f"COPY {table.name} ({', '.join(table.columns)}) FROM STDIN"
            ) as copy:
                for row in rows:
                    copy.write_row(row)
            for row in rows:
                sums[table.name].add(row)
            if table.name == "paragraphs":
                terms.update(paragraph_terms(str(row[3]) for row in rows))
                change_paragraph_count(conn, len(rows))
        change_terms(conn, terms, 1)
        for table in TABLES:
            if "id" in table.columns:
                conn.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'),"
                    f" COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                )


def format_summary(sums: Summary) -> str:
    """One line per table: name, rows and checksum."""
    width = max(len(name) for name in sums)
    return "\n".join(f"{name:<{width}}  {s.rows:>9}  sha256:{s.sha256}" for name, s in sums.items())
