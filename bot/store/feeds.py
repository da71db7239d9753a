"""Followed feeds, their polling state, and every entry already seen (so nothing loads twice)."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.store.sql import placeholders

_FEED_COLUMNS = (
    "id, url, title, etag, last_modified, added_by, added_at, last_polled_at, next_poll_at, failures, last_error"
)


def iso(moment: datetime) -> str:
    """A moment as the store keeps it: UTC ISO 8601 to the second, so strings sort in time order."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Feed:
    """A followed RSS or Atom feed and where its polling stands."""

    id: int
    url: str
    title: str
    etag: str | None
    last_modified: str | None
    added_by: str
    added_at: str
    last_polled_at: str | None
    next_poll_at: str
    failures: int
    last_error: str


@dataclass(frozen=True)
class SeenLink:
    """An entry link that is already stored: the article it became (if known) and why it counts."""

    article_id: int | None
    reason: str


class FeedQueries:
    """Feed and feed-entry queries; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock

    def add_feed(self, url: str, title: str, *, added_by: str, now: datetime) -> tuple[Feed, bool]:
        """Follow ``url`` (due at once); gives the feed and whether it is new."""
        with self._lock, self.db.atomic():
            existing = self.feed_by_url(url)
            if existing is not None:
                return existing, False
            cursor = self.db.execute(
                "INSERT INTO feeds (url, title, added_by, added_at, next_poll_at, failures, last_error)"
                " VALUES (?, ?, ?, ?, ?, 0, '')",
                [url, title, added_by, iso(now), iso(now)],
            )
            feed = self.get_feed(int(cursor.lastrowid or 0))
        assert feed is not None
        return feed, True

    def remove_feed(self, feed_id: int) -> Feed | None:
        """Stop following a feed and forget its entries; gives what was removed, if anything."""
        with self._lock, self.db.atomic():
            feed = self.get_feed(feed_id)
            if feed is not None:
                self.db.execute("DELETE FROM feed_items WHERE feed_id = ?", [feed_id])
                self.db.execute("DELETE FROM feeds WHERE id = ?", [feed_id])
            return feed

    def get_feed(self, feed_id: int) -> Feed | None:
        """One feed by id, or None."""
        return self._one_feed("id = ?", feed_id)

    def feed_by_url(self, url: str) -> Feed | None:
        """One feed by its address, or None."""
        return self._one_feed("url = ?", url)

    def feeds(self) -> list[Feed]:
        """Every followed feed, oldest first."""
        with self._lock:
            rows = self.db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds ORDER BY id").fetchall()
        return [Feed(*row) for row in rows]

    def due_feeds(self, now: datetime) -> list[Feed]:
        """The feeds whose next poll time has come, most overdue first."""
        with self._lock:
            rows = self.db.execute(
                f"SELECT {_FEED_COLUMNS} FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id", [iso(now)]
            ).fetchall()
        return [Feed(*row) for row in rows]

    def feed_count(self) -> int:
        """How many feeds are followed."""
        with self._lock:
            return int(self.db.execute("SELECT COUNT(*) FROM feeds").fetchone()[0])

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
        with self._lock, self.db.atomic():
            self.db.execute(
                "UPDATE feeds SET etag = ?, last_modified = ?, title = CASE WHEN ? != '' THEN ? ELSE title END,"
                " last_polled_at = ?, next_poll_at = ?, failures = 0, last_error = '' WHERE id = ?",
                [etag, last_modified, title, title, iso(now), iso(next_poll), feed_id],
            )

    def feed_failed(self, feed_id: int, *, now: datetime, next_poll: datetime, failures: int, error: str) -> None:
        """Record a failed poll: the failure count, the reason and when to try again."""
        with self._lock, self.db.atomic():
            self.db.execute(
                "UPDATE feeds SET last_polled_at = ?, next_poll_at = ?, failures = ?, last_error = ? WHERE id = ?",
                [iso(now), iso(next_poll), failures, error, feed_id],
            )

    def seen_guids(self, feed_id: int, guids: Iterable[str]) -> set[str]:
        """Which of ``guids`` this feed has already delivered."""
        wanted = list(guids)
        seen: set[str] = set()
        with self._lock:
            # SQLite caps the number of bound parameters; feeds rarely carry more than a few hundred.
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                rows = self.db.execute(
                    f"SELECT guid FROM feed_items WHERE feed_id = ? AND guid IN ({placeholders(chunk)})",
                    [feed_id, *chunk],
                ).fetchall()
                seen.update(row[0] for row in rows)
        return seen

    def seen_link(self, link: str) -> SeenLink | None:
        """Whether a link is already an article's address or an entry some feed delivered."""
        if not link:
            return None
        with self._lock:
            row = self.db.execute("SELECT id FROM articles WHERE url = ?", [link]).fetchone()
            if row:
                return SeenLink(row[0], f"same URL as article {row[0]}")
            row = self.db.execute(
                "SELECT article_id FROM feed_items WHERE link = ? AND article_id IS NOT NULL LIMIT 1", [link]
            ).fetchone()
        return SeenLink(row[0], "link already loaded from a feed") if row else None

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
        with self._lock, self.db.atomic():
            self.db.execute(
                "INSERT OR IGNORE INTO feed_items (feed_id, guid, link, content_hash, article_id, seen_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                [feed_id, guid, link, content_hash, article_id, iso(now)],
            )

    def _one_feed(self, where: str, value: object) -> Feed | None:
        with self._lock:
            row = self.db.execute(f"SELECT {_FEED_COLUMNS} FROM feeds WHERE {where}", [value]).fetchone()
        return Feed(*row) if row else None
