"""Per-conversation follow-up context, bounded in size and expiring, so memory never grows with traffic."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.retrieval.query import Question


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
        ttl: timedelta = timedelta(minutes=30),
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
