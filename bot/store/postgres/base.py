"""``PostgresStore``: the store on a shared PostgreSQL database, through a psycopg 3 connection pool."""

from __future__ import annotations

from pathlib import Path

import psycopg
from psycopg_pool import ConnectionPool

from bot.store.postgres.articles import PgArticleQueries
from bot.store.postgres.contexts import PgContextQueries
from bot.store.postgres.feeds import PgFeedQueries
from bot.store.postgres.people import PgPeopleQueries
from bot.store.postgres.schema import MIGRATIONS, migrate, schema_version
from bot.store.postgres.subscriptions import PgSubscriptionQueries

Conn = psycopg.Connection[tuple[object, ...]]


def is_postgres_url(url: str | None) -> bool:
    """Whether a database URL names PostgreSQL (``postgresql://`` or ``postgres://``)."""
    return bool(url) and str(url).startswith(("postgresql://", "postgres://"))


class PostgresStore(PgArticleQueries, PgPeopleQueries, PgSubscriptionQueries, PgFeedQueries, PgContextQueries):
    """The bot's PostgreSQL store: one pool per process, one transaction per method, safe across replicas."""

    def __init__(self, pool: ConnectionPool[Conn], url: str) -> None:
        self.pool = pool
        self.url = url

    @classmethod
    def open(cls, url: str, *, pool_size: int = 10, migrate_schema: bool = True) -> PostgresStore:
        """Connect to ``url`` with a pool of up to ``pool_size`` connections and bring the schema up to date."""
        pool: ConnectionPool[Conn] = ConnectionPool(
            url, min_size=1, max_size=max(pool_size, 1), open=True, name="briefbot", timeout=30.0
        )
        store = cls(pool, url)
        if migrate_schema:
            store.migrate()
        return store

    def migrate(self) -> int:
        """Apply missing migrations; gives the schema version."""
        with self.pool.connection() as conn:
            conn.autocommit = True
            try:
                return migrate(conn)
            finally:
                conn.autocommit = False

    def schema_version(self) -> int:
        """The schema version the database is at."""
        with self.pool.connection() as conn:
            return schema_version(conn)

    def close(self) -> None:
        """Close every pooled connection."""
        self.pool.close()

    def backup(self, target: Path) -> None:
        """Write the whole store to ``target`` as an engine-neutral export (``briefbot import`` reads it)."""
        from bot.store.transfer import export_store

        export_store(self, target)

    def optimize_index(self) -> None:
        """Nothing to do: PostgreSQL's GIN index keeps itself merged (its pending list is flushed by autovacuum)."""

    def merge_index(self) -> None:
        """Nothing to do, as for ``optimize_index``."""

    def check_integrity(self) -> list[str]:
        """Problems found by the schema version and orphan checks; empty when whole."""
        problems: list[str] = []
        with self.pool.connection() as conn:
            version = schema_version(conn)
            if version != len(MIGRATIONS):
                problems.append(f"schema version {version}, expected {len(MIGRATIONS)}")
            checks = {
                "paragraphs belong to no article":
                    "SELECT COUNT(*) FROM paragraphs p"
                    " WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = p.article_id)",
                "articles have no paragraphs":
                    "SELECT COUNT(*) FROM articles a"
                    " WHERE NOT EXISTS (SELECT 1 FROM paragraphs p WHERE p.article_id = a.id)",
                "paragraphs have an empty search vector":
                    "SELECT COUNT(*) FROM paragraphs WHERE tsv = ''::tsvector AND text ~ '\\w'",
                "terms have a negative paragraph count": "SELECT COUNT(*) FROM paragraph_terms WHERE doc < 0",
                "paragraphs are not in the kept count": "SELECT abs((SELECT COUNT(*) FROM paragraphs)"
                " - COALESCE((SELECT value FROM counters WHERE name = 'paragraphs'), 0))",
            }
            for problem, sql in checks.items():
                row = conn.execute(sql).fetchone()
                if row and int(str(row[0])):
                    problems.append(f"{row[0]} {problem}")
        return problems

    def stats(self) -> dict[str, int]:
        """Counts of what the store holds, and the database's size in bytes."""
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM paragraphs),"
                " (SELECT COUNT(*) FROM people), (SELECT COUNT(*) FROM ingest_failures), (SELECT COUNT(*) FROM feeds),"
                " (SELECT COUNT(DISTINCT platform || ':' || chat_id) FROM subscriptions WHERE active = 1)"
            ).fetchone()
        assert row is not None
        names = ("articles", "paragraphs", "people", "failures", "feeds", "subscribers")
        counts = {name: int(str(value)) for name, value in zip(names, row, strict=True)}
        counts["bytes"] = self.size_bytes()
        return counts

    def size_bytes(self) -> int:
        """The database's size on disk."""
        with self.pool.connection() as conn:
            row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        return int(str(row[0])) if row else 0
