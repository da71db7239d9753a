"""Follow-up context kept in the store, so whichever replica gets a user's "more" can continue their question.

One row per conversation key (``conversation_key(user, chat)``): the last question's text, speaker
and topic, how many of its results were shown, and when it was last touched. A row older than the
time to live reads as absent; ``purge_contexts`` deletes such rows so the table stays as small as
the number of recent conversations. Writes are one upsert on the primary key.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
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
    besides: str = ""  # whom the question leaves out ("who else commented?"), "; " between people


_UPSERT = (
    "INSERT INTO conversations (key, question_text, speaker, topic, shown, besides, updated_at)"
    " VALUES ({p}, {p}, {p}, {p}, {p}, {p}, {p})"
    " ON CONFLICT (key) DO UPDATE SET question_text = excluded.question_text, speaker = excluded.speaker,"
    " topic = excluded.topic, shown = excluded.shown, besides = excluded.besides, updated_at = excluded.updated_at"
)
# The columns a stored context is read back from, in ``StoredContext``'s order.
CONTEXT_COLUMNS = "question_text, speaker, topic, shown, besides"
UPSERT_CONTEXT_SQLITE = _UPSERT.format(p="?")
UPSERT_CONTEXT_POSTGRES = _UPSERT.format(p="%s")


class ContextQueries:
    """Conversation contexts; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock

    def save_context(self, key: str, context: StoredContext, *, now: datetime) -> None:
        """Remember a conversation's last question (replacing what was there), stamped ``now``."""
        with self._lock, self.db.atomic():
            self.db.execute(UPSERT_CONTEXT_SQLITE, context_values(key, context, now))

    def load_context(self, key: str, *, now: datetime, ttl: timedelta) -> StoredContext | None:
        """A conversation's context if it was saved within ``ttl`` before ``now``, else None."""
        with self._lock:
            row = self.db.execute(
                f"SELECT {CONTEXT_COLUMNS} FROM conversations WHERE key = ? AND updated_at >= ?", [key, iso(now - ttl)]
            ).fetchone()
        return context_of(row) if row else None

    def purge_contexts(self, before: datetime) -> int:
        """Delete contexts last saved before ``before``; returns how many."""
        with self._lock, self.db.atomic():
            return int(self.db.execute("DELETE FROM conversations WHERE updated_at < ?", [iso(before)]).rowcount)


def context_values(key: str, context: StoredContext, now: datetime) -> list[object]:
    """The upsert's parameters for a context saved ``now``."""
    c = context
    return [key, c.question_text, c.speaker, c.topic, c.shown, c.besides, iso(now)]


def context_of(row: Sequence[object]) -> StoredContext:
    """A context read back from its ``CONTEXT_COLUMNS``."""
    return StoredContext(str(row[0]), str(row[1] or ""), str(row[2] or ""), int(str(row[3])), str(row[4] or ""))
