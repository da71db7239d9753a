"""Feeds, feed entries and the audit log on PostgreSQL.

``due_feeds`` leases what it returns: in one statement it picks the due feeds with
``FOR UPDATE SKIP LOCKED`` and pushes their ``next_poll_at`` forward by ``FEED_LEASE``, so another
replica asking a moment later does not poll them too. The poll's ``feed_polled`` or ``feed_failed``
then sets the real next poll time; if the replica dies mid-poll, the feed is due again when the
lease runs out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

import psycopg
from psycopg_pool import ConnectionPool

from bot.store.audit import AuditEntry
from bot.store.feeds import _FEED_COLUMNS, Feed, SeenLink, iso

Conn = psycopg.Connection[tuple[object, ...]]

FEED_LEASE = timedelta(minutes=15)  # longer than a poll's time budget (bot.feeds_poller.FEED_BUDGET_SECONDS)


def _feed(row: Sequence[object]) -> Feed:
    values = list(row)
    values[0] = int(str(values[0]))
    values[9] = int(str(values[9] or 0))
    return Feed(*values)  # type: ignore[arg-type]


class PgFeedQueries:
    """Feed, feed-entry and audit queries; mixed into ``PostgresStore``."""

    pool: ConnectionPool[Conn]

    def add_feed(self, url: str, title: str, *, added_by: str, now: datetime) -> tuple[Feed, bool]:
        """Follow ``url`` (due at once); gives the feed and whether it is new."""
        with self.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO feeds (url, title, added_by, added_at, next_poll_at, failures, last_error)"
                f" VALUES (%s, %s, %s, %s, %s, 0, '') ON CONFLICT (url) DO NOTHING RETURNING {_FEED_COLUMNS}",
                [url, title, added_by, iso(now), iso(now)],
            ).fetchone()
        if row is not None:
            return _feed(row), True
        existing = self.feed_by_url(url)
        assert existing is not None
        return existing, False

    def remove_feed(self, feed_id: int) -> Feed | None:
        """Stop following a feed and forget its entries; gives what was removed, if anything."""
        with self.pool.connection() as conn:
            conn.execute("DELETE FROM feed_items WHERE feed_id = %s", [feed_id])
            row = conn.execute(f"DELETE FROM feeds WHERE id = %s RETURNING {_FEED_COLUMNS}", [feed_id]).fetchone()
        return _feed(row) if row else None

    def get_feed(self, feed_id: int) -> Feed | None:
        """One feed by id, or None."""
        return self._one_feed("id = %s", feed_id)

    def feed_by_url(self, url: str) -> Feed | None:
        """One feed by its address, or None."""
        return self._one_feed("url = %s", url)

    def feeds(self) -> list[Feed]:
        """Every followed feed, oldest first."""
        with self.pool.connection() as conn:
            return [_feed(row) for row in conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id")]

    def due_feeds(self, now: datetime) -> list[Feed]:
        """The feeds whose next poll time has come, most overdue first, leased to this caller (see module)."""
        columns = ", ".join(f"f.{c.strip()}" for c in _FEED_COLUMNS.split(",") if c.strip() != "next_poll_at")
        columns = columns.replace("f.last_polled_at", "f.last_polled_at, due.next_poll_at")
        with self.pool.connection() as conn:
            rows = conn.execute(
                "WITH due AS (SELECT id, next_poll_at FROM feeds WHERE next_poll_at <= %s"
                "   ORDER BY next_poll_at, id FOR UPDATE SKIP LOCKED)"
                f" UPDATE feeds f SET next_poll_at = %s FROM due WHERE f.id = due.id RETURNING {columns}",
                [iso(now), iso(now + FEED_LEASE)],
            ).fetchall()
        return sorted((_feed(row) for row in rows), key=lambda f: (f.next_poll_at, f.id))

    def feed_count(self) -> int:
        """How many feeds are followed."""
        with self.pool.connection() as conn:
            row = conn.execute("SELECT COUNT(*) FROM feeds").fetchone()
        return int(str(row[0])) if row else 0

    def feed_polled(
        self,
        feed_id: int,
        *,
        now: datetime,
        next_poll: datetime,
        etag: str | None,
        last_modified: str | None,
        title: str,
    ) -> None:
        """Record a successful poll: new validators, no failures, next poll time."""
        with self.pool.connection() as conn:
            conn.execute(
                "UPDATE feeds SET etag = %s, last_modified = %s,"
                " title = CASE WHEN %s <> '' THEN %s ELSE title END,"
                " last_polled_at = %s, next_poll_at = %s, failures = 0, last_error = '' WHERE id = %s",
                [etag, last_modified, title, title, iso(now), iso(next_poll), feed_id],
            )

    def feed_failed(self, feed_id: int, *, now: datetime, next_poll: datetime, failures: int, error: str) -> None:
        """Record a failed poll: the failure count, the reason and when to try again."""
        with self.pool.connection() as conn:
            conn.execute(
                "UPDATE feeds SET last_polled_at = %s, next_poll_at = %s, failures = %s, last_error = %s WHERE id = %s",
                [iso(now), iso(next_poll), failures, error, feed_id],
            )

    def seen_guids(self, feed_id: int, guids: Iterable[str]) -> set[str]:
        """Which of ``guids`` this feed has already delivered."""
        wanted = list(guids)
        if not wanted:
            return set()
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT guid FROM feed_items WHERE feed_id = %s AND guid = ANY(%s)", [feed_id, wanted]
            ).fetchall()
        return {str(row[0]) for row in rows}

    def seen_link(self, link: str) -> SeenLink | None:
        """Whether a link is already an article's address or an entry some feed delivered."""
        if not link:
            return None
        with self.pool.connection() as conn:
            row = conn.execute("SELECT id FROM articles WHERE url = %s", [link]).fetchone()
            if row:
                return SeenLink(int(str(row[0])), f"same URL as article {row[0]}")
            row = conn.execute(
                "SELECT article_id FROM feed_items WHERE link = %s AND article_id IS NOT NULL LIMIT 1", [link]
            ).fetchone()
        return SeenLink(int(str(row[0])), "link already loaded from a feed") if row else None

    def record_feed_item(
        self,
        feed_id: int,
        *,
        guid: str,
        link: str,
        content_hash: str,
        article_id: int | None,
        now: datetime,
    ) -> None:
        """Mark an entry as seen (whatever became of it), so no later poll loads it again."""
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO feed_items (feed_id, guid, link, content_hash, article_id, seen_at)"
                " VALUES (%s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [feed_id, guid, link, content_hash, article_id, iso(now)],
            )

    def record_audit(self, *, at: datetime, user_key: str, action: str, detail: str) -> None:
        """Append one entry to the audit log."""
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO audit (at, user_key, action, detail) VALUES (%s, %s, %s, %s)",
                [iso(at), user_key, action, detail],
            )

    def audit_entries(self, limit: int = 20) -> list[AuditEntry]:
        """The latest ``limit`` entries, newest first."""
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT id, at, user_key, action, detail FROM audit ORDER BY id DESC LIMIT %s", [limit]
            ).fetchall()
        return [AuditEntry(int(str(r[0])), str(r[1]), str(r[2]), str(r[3]), str(r[4])) for r in rows]

    def _one_feed(self, where: str, value: object) -> Feed | None:
        with self.pool.connection() as conn:
            row = conn.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE {where}", [value]).fetchone()
        return _feed(row) if row else None
