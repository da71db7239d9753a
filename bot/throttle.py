"""Per-user question limits: a sliding one-minute window per key, bounded in memory."""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from datetime import datetime, timedelta

WINDOW = timedelta(minutes=1)


class Throttle:
    """Allows each key at most ``per_minute`` events in any minute; forgets the least recent keys beyond a bound."""

    def __init__(self, per_minute: int, clock: Callable[[], datetime], *, max_keys: int = 50_000) -> None:
        self.per_minute = per_minute
        self._clock = clock
        self._max_keys = max_keys
        self._events: OrderedDict[str, deque[datetime]] = OrderedDict()
        self._lock = threading.Lock()  # adapters answer on several threads at once

    def allow(self, key: str) -> bool:
        """Record an event for ``key`` and say whether it is within the limit (refused events aren't counted)."""
        now = self._clock()
        with self._lock:
            events = self._events.pop(key, None) or deque()
            while events and now - events[0] >= WINDOW:
                events.popleft()
            allowed = len(events) < self.per_minute
            if allowed:
                events.append(now)
            self._events[key] = events
            while len(self._events) > self._max_keys:
                self._events.popitem(last=False)
            return allowed

    def __len__(self) -> int:
        return len(self._events)
