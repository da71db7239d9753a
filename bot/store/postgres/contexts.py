"""Follow-up context on PostgreSQL: what lets any replica continue a user's question ("more").

The same table and semantics as SQLite (``bot.store.contexts``). It is ``UNLOGGED``: a context
lives for minutes and is rewritten on every question, so skipping the write-ahead log makes the
per-question upsert cheap; the price is that a crash or a failover to a standby empties the table,
and people whose context was lost are asked to ask again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import psycopg
from psycopg_pool import ConnectionPool

from bot.store.contexts import CONTEXT_COLUMNS, UPSERT_CONTEXT_POSTGRES, StoredContext, context_of, context_values
from bot.store.feeds import iso

Conn = psycopg.Connection[tuple[object, ...]]


class PgContextQueries:
    """Conversation contexts; mixed into ``PostgresStore``."""

    pool: ConnectionPool[Conn]

    def save_context(self, key: str, context: StoredContext, *, now: datetime) -> None:
        """Remember a conversation's last question (replacing what was there), stamped ``now``."""
        with self.pool.connection() as conn:
            conn.execute(UPSERT_CONTEXT_POSTGRES, context_values(key, context, now))

    def load_context(self, key: str, *, now: datetime, ttl: timedelta) -> StoredContext | None:
        """A conversation's context if it was saved within ``ttl`` before ``now``, else None."""
        with self.pool.connection() as conn:
            row = conn.execute(
                f"SELECT {CONTEXT_COLUMNS} FROM conversations WHERE key = %s AND updated_at >= %s",
                [key, iso(now - ttl)],
            ).fetchone()
        return context_of(row) if row else None

    def purge_contexts(self, before: datetime) -> int:
        """Delete contexts last saved before ``before``; returns how many."""
        with self.pool.connection() as conn:
            return conn.execute("DELETE FROM conversations WHERE updated_at < %s", [iso(before)]).rowcount
