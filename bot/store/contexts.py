"""Follow-up context kept in the store, so whichever replica gets a user's "more" can continue their question.

One row per conversation key (``conversation_key(user, chat)``): the last question's text, speaker
and topic, how many of its results were shown, and when it was last touched. A row older than the
time to live reads as absent; ``purge_contexts`` deletes such rows so the table stays as small as
the number of recent conversations. Writes are one upsert on the primary key.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from bot.store.feeds import iso


@dataclass(frozen=True)
class StoredContext:
    """A conversation's last question as stored (``bot.conversation.StoredConversations`` rebuilds a ``Context``)."""

    question_text: str
    speaker: str
    topic: str
    shown: int  # how many results of that question were already shown


_UPSERT = (
    "INSERT INTO conversations (key, question_text, speaker, topic, shown, updated_at)"
    " VALUES ({p}, {p}, {p}, {p}, {p}, {p})"
    " ON CONFLICT (key) DO UPDATE SET question_text = excluded.question_text, speaker = excluded.speaker,"
    " topic = excluded.topic, shown = excluded.shown, updated_at = excluded.updated_at"
)
UPSERT_CONTEXT_SQLITE = _UPSERT.format(p="?")
UPSERT_CONTEXT_POSTGRES = _UPSERT.format(p="%s")


class ContextQueries:
    """Conversation contexts; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock

    def save_context(self, key: str, context: StoredContext, *, now: datetime) -> None:
        """Remember a conversation's last question (replacing what was there), stamped ``now``."""
        c = context
        with self._lock, self.db.atomic():
            self.db.execute(UPSERT_CONTEXT_SQLITE, [key, c.question_text, c.speaker, c.topic, c.shown, iso(now)])

    def load_context(self, key: str, *, now: datetime, ttl: timedelta) -> StoredContext | None:
        """A conversation's context if it was saved within ``ttl`` before ``now``, else None."""
        with self._lock:
            row = self.db.execute(
                "SELECT question_text, speaker, topic, shown FROM conversations WHERE key = ? AND updated_at >= ?",
                [key, iso(now - ttl)],
            ).fetchone()
        return StoredContext(str(row[0]), str(row[1] or ""), str(row[2] or ""), int(row[3])) if row else None

    def purge_contexts(self, before: datetime) -> int:
        """Delete contexts last saved before ``before``; returns how many."""
        with self._lock, self.db.atomic():
            return int(self.db.execute("DELETE FROM conversations WHERE updated_at < ?", [iso(before)]).rowcount)
