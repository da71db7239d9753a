"""Token buckets that pace outgoing messages below a platform's limits, for threads and for asyncio.

Telegram allows about 30 messages a second overall and 20 a minute in one group; a sender holds
``ChatRateLimiter(TokenBucket(30), per_chat_rate=20 / 60, per_chat_burst=20)`` and waits for
``reserve(chat)`` before each send. Reservations queue up: each caller is given the next free
slot, so concurrent senders share the rate fairly and never overshoot it together.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable

Clock = Callable[[], float]

MAX_IDLE_CHATS = 10_000  # per-chat buckets kept before full (idle) ones are dropped


class TokenBucket:
    """``rate`` tokens a second, holding at most ``capacity`` (default: one second's worth)."""

    def __init__(self, rate: float, capacity: float | None = None, *, clock: Clock = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self.rate = rate
        self.capacity = capacity if capacity is not None else max(1.0, rate)
        self._clock = clock
        self._tokens = self.capacity
        self._stamp = clock()
        self._lock = threading.Lock()

    def _refill(self) -> None:
        now = self._clock()
        self._tokens = min(self.capacity, self._tokens + (now - self._stamp) * self.rate)
        self._stamp = now

    def reserve(self, tokens: float = 1.0) -> float:
        """Take ``tokens`` (going into debt if need be); returns the seconds to wait before using them."""
        with self._lock:
            self._refill()
            self._tokens -= tokens
            return max(0.0, -self._tokens / self.rate)

    def try_acquire(self, tokens: float = 1.0) -> bool:
        """Take ``tokens`` only if they are there now (what a server enforcing the limit does)."""
        with self._lock:
            self._refill()
            if self._tokens < tokens:
                return False
            self._tokens -= tokens
            return True

    def is_full(self) -> bool:
        """Whether the bucket has refilled completely (it is then as good as a new one)."""
        with self._lock:
            self._refill()
            return self._tokens >= self.capacity

    def acquire(self, tokens: float = 1.0) -> None:
        """Block until ``tokens`` may be used."""
        wait = self.reserve(tokens)
        if wait:
            time.sleep(wait)

    async def acquire_async(self, tokens: float = 1.0) -> None:
        """Wait, without blocking the event loop, until ``tokens`` may be used."""
        wait = self.reserve(tokens)
        if wait:
            await asyncio.sleep(wait)


class ChatRateLimiter:
    """An overall bucket plus one bucket per chat, made on first use."""

    def __init__(
        self, overall: TokenBucket, *, per_chat_rate: float, per_chat_burst: float, clock: Clock = time.monotonic
    ) -> None:
        self.overall = overall
        self.per_chat_rate = per_chat_rate
        self.per_chat_burst = per_chat_burst
        self._clock = clock
        self._chats: dict[str, TokenBucket] = {}
        self._lock = threading.Lock()

    def reserve(self, chat: str) -> float:
        """Reserve one message to ``chat``; returns the seconds to wait before sending it."""
        with self._lock:
            bucket = self._chats.get(chat)
            if bucket is None:
                if len(self._chats) >= MAX_IDLE_CHATS:
                    self._chats = {key: b for key, b in self._chats.items() if not b.is_full()}
                bucket = self._chats[chat] = TokenBucket(self.per_chat_rate, self.per_chat_burst, clock=self._clock)
        # Both slots are taken now: a chat that must wait also holds an overall slot it uses late,
        # which costs a little throughput but can never push the overall rate over its limit.
        return max(bucket.reserve(), self.overall.reserve())

    def acquire(self, chat: str) -> None:
        """Block until a message to ``chat`` may be sent."""
        wait = self.reserve(chat)
        if wait:
            time.sleep(wait)

    async def acquire_async(self, chat: str) -> None:
        """Wait, without blocking the event loop, until a message to ``chat`` may be sent."""
        wait = self.reserve(chat)
        if wait:
            await asyncio.sleep(wait)
