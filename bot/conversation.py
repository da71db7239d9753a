"""Per-conversation follow-up context, bounded in size and expiring, so memory never grows with traffic.

``Conversations`` keeps it in this process's memory: right for the SQLite store, which one process
serves. ``StoredConversations`` keeps it in the store, so with PostgreSQL and several replicas a
user's "more" continues their question whichever replica gets it. ``conversations_for`` picks one.
"""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.retrieval.query import Question
from bot.store.contexts import StoredContext

if TYPE_CHECKING:
    from bot.store.protocol import StoreProtocol

log = logging.getLogger(__name__)

CONTEXT_TTL = timedelta(minutes=30)  # a follow-up after this long is a new question
PURGE_EVERY = timedelta(minutes=5)  # how often one process deletes expired stored contexts
_LISTED = "; "  # between the people a stored question leaves out (no name holds it)


@dataclass(frozen=True)
class Context:
    """What a conversation last asked, so "more" and "and about gas?" can follow it."""

    question: Question
    shown: int  # how many results of that question were already shown


class Conversations:
    """A least-recently-used map of conversation key → ``Context`` with a time to live."""

    def __init__(
        self,
        clock: Callable[[], datetime],
        *,
        max_entries: int = 10_000,
        ttl: timedelta = CONTEXT_TTL,
    ) -> None:
        self._clock = clock
        self._max_entries = max_entries
        self._ttl = ttl
        self._entries: OrderedDict[str, tuple[datetime, Context]] = OrderedDict()
        self._lock = threading.Lock()  # adapters answer on several threads at once

    def get(self, key: str) -> Context | None:
        """The live context of a conversation, or None when there is none or it expired."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            stamp, context = entry
            if self._clock() - stamp > self._ttl:
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return context

    def put(self, key: str, context: Context) -> None:
        """Remember a conversation's context, evicting the least recently used beyond the bound."""
        with self._lock:
            self._entries[key] = (self._clock(), context)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def __len__(self) -> int:
        return len(self._entries)


class StoredConversations:
    """Conversation key → ``Context`` kept in the store with a time to live; ``get``/``put`` as ``Conversations``.

    Each ``put`` is one upsert; about every ``purge_every`` a ``put`` also deletes the contexts that
    have expired, so the table holds only recent conversations.
    """

    def __init__(
        self,
        store: StoreProtocol,
        clock: Callable[[], datetime],
        *,
        ttl: timedelta = CONTEXT_TTL,
        purge_every: timedelta = PURGE_EVERY,
    ) -> None:
        self._store = store
        self._clock = clock
        self._ttl = ttl
        self._purge_every = purge_every
        self._next_purge: datetime | None = None  # the first put purges what earlier runs left behind
        self._lock = threading.Lock()

    def get(self, key: str) -> Context | None:
        """The live context of a conversation, or None when there is none, it expired or can't be read."""
        try:
            saved = self._store.load_context(key, now=self._clock(), ttl=self._ttl)
        except Exception:
            # Without its context a message is still answered, as a new question.
            log.warning("Could not read the follow-up context of %s", key, exc_info=True)
            return None
        if saved is None:
            return None
        question = Question(
            saved.question_text, speaker=saved.speaker, topic=saved.topic, besides=_people(saved.besides)
        )
        return Context(question, saved.shown)

    def put(self, key: str, context: Context) -> None:
        """Remember a conversation's context; a failed write is only logged (the answer matters more)."""
        now = self._clock()
        question = context.question
        try:
            self._store.save_context(
                key,
                StoredContext(
                    question.text, question.speaker, question.topic, context.shown, _LISTED.join(question.besides)
                ),
                now=now,
            )
            if self._purge_due(now):
                purged = self._store.purge_contexts(now - self._ttl)
                log.debug("Purged %d expired conversation contexts", purged)
        except Exception:
            log.warning("Could not store the follow-up context of %s", key, exc_info=True)

    def _purge_due(self, now: datetime) -> bool:
        """Whether this put should purge (one put per ``purge_every`` in this process)."""
        with self._lock:
            if self._next_purge is not None and now < self._next_purge:
                return False
            self._next_purge = now + self._purge_every
            return True


def _people(listed: str) -> tuple[str, ...]:
    """The people a stored question leaves out, as listed."""
    return tuple(filter(None, listed.split(_LISTED)))


def conversations_for(store: StoreProtocol, clock: Callable[[], datetime]) -> Conversations | StoredConversations:
    """In-memory context for the SQLite store (one process serves it); stored context for a shared store."""
    from bot.store.base import Store

    return Conversations(clock) if isinstance(store, Store) else StoredConversations(store, clock)
