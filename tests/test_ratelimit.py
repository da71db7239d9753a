"""Token buckets pacing outgoing messages (Telegram: ~30/s overall, 20/min per group)."""

from __future__ import annotations

import asyncio

import pytest

from bot.ratelimit import ChatRateLimiter, TokenBucket


class FakeClock:
    """Monotonic seconds a test moves by hand."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_reservations_queue_up_at_the_rate_after_the_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(10, capacity=2, clock=clock)
    waits = [bucket.reserve() for _ in range(5)]
    assert waits == pytest.approx([0.0, 0.0, 0.1, 0.2, 0.3])
    clock.now = 1.0  # the debt is paid off and the bucket refills, but never beyond its capacity
    assert [bucket.reserve() for _ in range(3)] == pytest.approx([0.0, 0.0, 0.1])


def test_try_acquire_refuses_instead_of_waiting() -> None:
    clock = FakeClock()
    bucket = TokenBucket(30, clock=clock)
    assert sum(bucket.try_acquire() for _ in range(40)) == 30
    clock.now = 0.1
    assert sum(bucket.try_acquire() for _ in range(10)) == 3
    assert not bucket.is_full()
    clock.now = 5
    assert bucket.is_full()


def test_a_group_waits_for_its_own_limit_while_others_go_on() -> None:
    clock = FakeClock()
    limiter = ChatRateLimiter(TokenBucket(30, clock=clock), per_chat_rate=20 / 60, per_chat_burst=20, clock=clock)
    assert [limiter.reserve("group") for _ in range(20)] == [0.0] * 20
    assert limiter.reserve("group") == pytest.approx(3.0)  # the 21st message in a minute waits
    assert limiter.reserve("other") == 0.0


def test_the_async_wait_does_not_block_the_loop() -> None:
    bucket = TokenBucket(1000, capacity=1)

    async def main() -> None:
        await asyncio.gather(*(bucket.acquire_async() for _ in range(5)))

    asyncio.run(main())


def test_a_rate_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        TokenBucket(0)
