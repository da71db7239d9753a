"""Subscriptions and the digest log on PostgreSQL, shared by any number of bot replicas.

The log works as in SQLite (``bot.store.subscriptions``): one row per subscription and local day,
claimed with ``INSERT … ON CONFLICT`` on its primary key, so exactly one claimant wins. Before that,
the claim locks the subscription row with ``SELECT … FOR UPDATE SKIP LOCKED``: a replica that finds
another one busy with the same subscription moves on at once instead of queueing behind its lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time

import psycopg
from psycopg_pool import ConnectionPool

from bot.models import Subscription
from bot.store.subscriptions import _SUBSCRIPTION_COLUMNS, _subscription

Conn = psycopg.Connection[tuple[object, ...]]


class PgSubscriptionQueries:
    """Subscriptions, the digest log and the article watermark; mixed into ``PostgresStore``."""

    pool: ConnectionPool[Conn]

    def add_subscription(self, subscription: Subscription, *, max_per_chat: int) -> Subscription | None:
        """Store a subscription (its ``id`` is ignored) unless the chat already has ``max_per_chat``."""
        s = subscription
        with self.pool.connection() as conn:
            # Serialise adds per chat across replicas, so two at once can't both pass the limit.
            conn.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"subscriptions:{s.platform}:{s.chat_id}"])
            row = conn.execute(
                "SELECT COUNT(*) FROM subscriptions WHERE platform = %s AND chat_id = %s AND active = 1",
                [s.platform, s.chat_id],
            ).fetchone()
            if row is not None and int(str(row[0])) >= max_per_chat:
                return None
            row = conn.execute(
                "INSERT INTO subscriptions (platform, chat_id, user_key, local_time, zone, topic, speaker,"
                " active, created_at, last_article_id)"
                " VALUES (%s, %s, %s, %s, %s, %s, %s, 1, %s, (SELECT COALESCE(MAX(id), 0) FROM articles))"
                " RETURNING id",
                [s.platform, s.chat_id, s.user_key, f"{s.local_time:%H:%M}", s.zone, s.topic, s.speaker, s.created_at],
            ).fetchone()
        assert row is not None
        return self.get_subscription(int(str(row[0])))

    def get_subscription(self, subscription_id: int) -> Subscription | None:
        """One subscription, active or not, or None."""
        with self.pool.connection() as conn:
            row = conn.execute(
                f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE id = %s", [subscription_id]
            ).fetchone()
        return _subscription(row) if row else None

    def chat_subscriptions(self, platform: str, chat_id: str) -> list[Subscription]:
        """A chat's active subscriptions, oldest first."""
        with self.pool.connection() as conn:
            rows = conn.execute(
                f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions"
                " WHERE platform = %s AND chat_id = %s AND active = 1 ORDER BY id",
                [platform, chat_id],
            ).fetchall()
        return [_subscription(row) for row in rows]

    def active_subscriptions(self) -> list[Subscription]:
        """Every active subscription, oldest first."""
        with self.pool.connection() as conn:
            rows = conn.execute(f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE active = 1 ORDER BY id")
            return [_subscription(row) for row in rows]

    def deactivate_subscriptions(self, subscription_ids: Iterable[int]) -> int:
        """Turn subscriptions off (kept, with their log, for the record); returns how many were on."""
        with self.pool.connection() as conn:
            cursor = conn.execute(
                "UPDATE subscriptions SET active = 0 WHERE id = ANY(%s) AND active = 1", [list(subscription_ids)]
            )
            return cursor.rowcount

    def reschedule_subscription(self, subscription_id: int, local_time: time, zone: str) -> bool:
        """Send an active subscription's digests at another local time and zone, its watermark kept; whether it was
        found active."""
        with self.pool.connection() as conn:
            cursor = conn.execute(
                "UPDATE subscriptions SET local_time = %s, zone = %s WHERE id = %s AND active = 1",
                [f"{local_time:%H:%M}", zone, subscription_id],
            )
            return cursor.rowcount == 1

    def digest_days_done(self, days: Iterable[date], *, stale_before: str) -> set[tuple[int, date]]:
        """(subscription id, day) pairs for the days given that are finished or claimed since ``stale_before``."""
        wanted = sorted({d.isoformat() for d in days})
        if not wanted:
            return set()
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT subscription_id, local_day FROM digest_log WHERE local_day = ANY(%s)"
                " AND (status <> 'sending' OR claimed_at >= %s)",
                [wanted, stale_before],
            ).fetchall()
        return {(int(str(sid)), date.fromisoformat(str(day))) for sid, day in rows}

    def claim_digest(self, subscription_id: int, day: date, *, token: str, now: str, stale_before: str) -> bool:
        """Claim the day's digest for sending; False if another replica has it (or it is done)."""
        with self.pool.connection() as conn:
            locked = conn.execute(
                "SELECT id FROM subscriptions WHERE id = %s FOR UPDATE SKIP LOCKED", [subscription_id]
            ).fetchone()
            if locked is None:
                return False  # another replica is claiming or finishing this subscription right now
            cursor = conn.execute(
                "INSERT INTO digest_log (subscription_id, local_day, status, claim_token, claimed_at)"
                " VALUES (%s, %s, 'sending', %s, %s)"
                " ON CONFLICT (subscription_id, local_day) DO UPDATE"
                " SET claim_token = excluded.claim_token, claimed_at = excluded.claimed_at"
                " WHERE digest_log.status = 'sending' AND digest_log.claimed_at < %s",
                [subscription_id, day.isoformat(), token, now, stale_before],
            )
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
        """Record a claimed digest as ``sent`` or ``empty`` and move the watermark, both or neither."""
        with self.pool.connection() as conn:
            # Subscription row first, then the log row: the order claim_digest takes them in (no deadlock).
            conn.execute("SELECT id FROM subscriptions WHERE id = %s FOR UPDATE", [subscription_id])
            updated = conn.execute(
                "UPDATE digest_log SET status = %s, sent_at = %s, article_count = %s"
                " WHERE subscription_id = %s AND local_day = %s AND status = 'sending' AND claim_token = %s",
                [status, now, article_count, subscription_id, day.isoformat(), token],
            ).rowcount
            if not updated:
                return False
            if status == "sent":
                conn.execute(
                    "UPDATE subscriptions SET last_article_id = GREATEST(last_article_id, %s), last_sent_at = %s"
                    " WHERE id = %s",
                    [watermark, now, subscription_id],
                )
            else:
                conn.execute(
                    "UPDATE subscriptions SET last_article_id = GREATEST(last_article_id, %s) WHERE id = %s",
                    [watermark, subscription_id],
                )
        return True

    def release_digest(self, subscription_id: int, day: date, *, token: str) -> None:
        """Give up a claim after a failed delivery, so a later run tries again."""
        with self.pool.connection() as conn:
            conn.execute(
                "DELETE FROM digest_log WHERE subscription_id = %s AND local_day = %s"
                " AND status = 'sending' AND claim_token = %s",
                [subscription_id, day.isoformat(), token],
            )

    def digest_status(self, subscription_id: int, day: date) -> str | None:
        """The log status of one subscription's digest for a local day, or None."""
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT status FROM digest_log WHERE subscription_id = %s AND local_day = %s",
                [subscription_id, day.isoformat()],
            ).fetchone()
        return str(row[0]) if row else None
