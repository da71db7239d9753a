"""Digest subscriptions and the digest log that makes each day's digest go out exactly once.

A digest for one subscription and local day moves through the log like this:

    (no row) ──claim──► sending ──finish──► sent | empty
                          │
                          └──release (delivery failed)──► (no row: a later run retries)

``claim_digest`` is one ``INSERT … ON CONFLICT`` statement on the (subscription, day) primary key,
so of two processes sharing the file only one gets the claim. A claim still ``sending`` after
``stale_after`` is taken to belong to a process that died mid-send and may be claimed again: the
digest is then not lost, at the price of a duplicate if that process died after the platform had
accepted the message but before ``finish_digest`` recorded it.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date, time

from sqlite_utils import Database

from bot.models import Article, Subscription
from bot.store.article_reads import ARTICLE_COLUMNS
from bot.store.sql import placeholders

_SUBSCRIPTION_COLUMNS = (
    "id, platform, chat_id, user_key, local_time, zone, topic, speaker, active, created_at,"
    " last_sent_at, last_article_id"
)


def _subscription(row: Sequence[object]) -> Subscription:
    """A subscription from a row in ``_SUBSCRIPTION_COLUMNS`` order."""
    hour, minute = str(row[4]).split(":")
    return Subscription(
        id=int(str(row[0])),
        platform=str(row[1]),
        chat_id=str(row[2]),
        user_key=str(row[3]),
        local_time=time(int(hour), int(minute)),
        zone=str(row[5]),
        topic=str(row[6] or ""),
        speaker=str(row[7] or ""),
        active=bool(row[8]),
        created_at=str(row[9]),
        last_sent_at=str(row[10] or ""),
        last_article_id=int(str(row[11] or 0)),
    )


class SubscriptionQueries:
    """Subscriptions, the digest log and the article watermark; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock

    @contextmanager
    def _immediate(self) -> Iterator[sqlite3.Connection]:
        """A transaction that takes the write lock at once, so no other process writes in between."""
        conn: sqlite3.Connection = self.db.conn
        with self._lock:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.rollback()
                raise
            conn.commit()

    def add_subscription(
        self,
        subscription: Subscription,
        *,
        max_per_chat: int,
    ) -> Subscription | None:
        """Store a subscription (its ``id`` is ignored) unless the chat already has ``max_per_chat``.

        The watermark starts at the newest stored article, so the first digest holds what arrives
        after subscribing. Returns the stored subscription, or None when the chat is full.
        """
        s = subscription
        with self._immediate() as conn:
            count = conn.execute(
                "SELECT COUNT(*) FROM subscriptions WHERE platform = ? AND chat_id = ? AND active = 1",
                [s.platform, s.chat_id],
            ).fetchone()[0]
            if count >= max_per_chat:
                return None
            cursor = conn.execute(
                "INSERT INTO subscriptions (platform, chat_id, user_key, local_time, zone, topic, speaker,"
                " active, created_at, last_article_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, (SELECT COALESCE(MAX(id), 0) FROM articles))",
                [s.platform, s.chat_id, s.user_key, f"{s.local_time:%H:%M}", s.zone, s.topic, s.speaker, s.created_at],
            )
            new_id = int(cursor.lastrowid or 0)
        return self.get_subscription(new_id)

    def get_subscription(self, subscription_id: int) -> Subscription | None:
        """One subscription, active or not, or None."""
        with self._lock:
            row = self.db.execute(
                f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = ?", [subscription_id]
            ).fetchone()
        return _subscription(row) if row else None

    def chat_subscriptions(self, platform: str, chat_id: str) -> list[Subscription]:
        """A chat's active subscriptions, oldest first."""
        with self._lock:
            rows = self.db.execute(
                f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions"
                " WHERE platform = ? AND chat_id = ? AND active = 1 ORDER BY id",
                [platform, chat_id],
            ).fetchall()
        return [_subscription(row) for row in rows]

    def active_subscriptions(self) -> list[Subscription]:
        """Every active subscription, oldest first."""
        with self._lock:
            rows = self.db.execute(
                f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE active = 1 ORDER BY id"
            ).fetchall()
        return [_subscription(row) for row in rows]

    def deactivate_subscriptions(self, subscription_ids: Iterable[int]) -> int:
        """Turn subscriptions off (kept, with their log, for the record); returns how many were on."""
        ids = [(i,) for i in subscription_ids]
        with self._immediate() as conn:
            before = conn.total_changes
            conn.executemany("UPDATE subscriptions SET active = 0 WHERE id = ? AND active = 1", ids)
            return conn.total_changes - before

    def reschedule_subscription(self, subscription_id: int, local_time: time, zone: str) -> bool:
        """Send an active subscription's digests at another local time and zone, its watermark kept; whether it was
        found active."""
        with self._immediate() as conn:
            cursor = conn.execute(
                "UPDATE subscriptions SET local_time = ?, zone = ? WHERE id = ? AND active = 1",
                [f"{local_time:%H:%M}", zone, subscription_id],
            )
            return cursor.rowcount == 1

    def digest_days_done(self, days: Iterable[date], *, stale_before: str) -> set[tuple[int, date]]:
        """(subscription id, day) pairs for the days given that are finished or claimed since ``stale_before``."""
        wanted = [d.isoformat() for d in set(days)]
        if not wanted:
            return set()
        with self._lock:
            rows = self.db.execute(
                "SELECT subscription_id, local_day FROM digest_log"
                f" WHERE local_day IN ({placeholders(wanted)})"
                " AND (status != 'sending' OR claimed_at >= ?)",
                [*wanted, stale_before],
            ).fetchall()
        return {(int(sid), date.fromisoformat(day)) for sid, day in rows}

    def claim_digest(self, subscription_id: int, day: date, *, token: str, now: str, stale_before: str) -> bool:
        """Claim the day's digest for sending; False if another run has it (or it is done)."""
        with self._lock:
            cursor = self.db.execute(
                "INSERT INTO digest_log (subscription_id, local_day, status, claim_token, claimed_at)"
                " VALUES (?, ?, 'sending', ?, ?)"
                " ON CONFLICT (subscription_id, local_day) DO UPDATE"
                " SET claim_token = excluded.claim_token, claimed_at = excluded.claimed_at"
                " WHERE digest_log.status = 'sending' AND digest_log.claimed_at < ?",
                [subscription_id, day.isoformat(), token, now, stale_before],
            )
            self.db.conn.commit()
        return cursor.rowcount == 1

    def finish_digest(
        self,
        subscription_id: int,
        day: date,
        *,
        token: str,
        status: str,
        now: str,
        article_count: int,
        watermark: int,
    ) -> bool:
        """Record a claimed digest as ``sent`` or ``empty`` and move the watermark, both or neither.

        Returns False, changing nothing, when the claim is no longer ours (it went stale and another
        run took it over).
        """
        with self._immediate() as conn:
            updated = conn.execute(
                "UPDATE digest_log SET status = ?, sent_at = ?, article_count = ?"
                " WHERE subscription_id = ? AND local_day = ? AND status = 'sending' AND claim_token = ?",
                [status, now, article_count, subscription_id, day.isoformat(), token],
            ).rowcount
            if not updated:
                return False
            last_sent = ", last_sent_at = ?" if status == "sent" else ""
            conn.execute(
                f"UPDATE subscriptions SET last_article_id = MAX(last_article_id, ?){last_sent} WHERE id = ?",
                [watermark, now, subscription_id] if last_sent else [watermark, subscription_id],
            )
        return True

    def release_digest(self, subscription_id: int, day: date, *, token: str) -> None:
        """Give up a claim after a failed delivery, so a later run tries again."""
        with self._immediate() as conn:
            conn.execute(
                "DELETE FROM digest_log WHERE subscription_id = ? AND local_day = ?"
                " AND status = 'sending' AND claim_token = ?",
                [subscription_id, day.isoformat(), token],
            )

    def digest_status(self, subscription_id: int, day: date) -> str | None:
        """The log status of one subscription's digest for a local day, or None."""
        with self._lock:
            row = self.db.execute(
                "SELECT status FROM digest_log WHERE subscription_id = ? AND local_day = ?",
                [subscription_id, day.isoformat()],
            ).fetchone()
        return str(row[0]) if row else None

    def latest_article_id(self) -> int:
        """The highest article id stored (0 when there are none)."""
        with self._lock:
            return int(self.db.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0])

    def articles_between(self, after_id: int, upto_id: int) -> list[Article]:
        """Articles with ``after_id < id <= upto_id``, newest first: the ones a digest has not covered."""
        with self._lock:
            rows = self.db.execute(
                f"SELECT {ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM paragraphs WHERE article_id = a.id)"
                " FROM articles a WHERE a.id > ? AND a.id <= ? ORDER BY a.id DESC",
                [after_id, upto_id],
            ).fetchall()
        return [Article(*row) for row in rows]
