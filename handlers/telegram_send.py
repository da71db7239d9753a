"""Sending to Telegram: pacing and retries for every Bot API call, replies as HTML chunks, digest delivery.

``PacedRetrier`` plugs into python-telegram-bot as its rate limiter, so every call the bot makes
(replies, callback answers, digests) is paced below Telegram's limits and retried on flood control
(``RetryAfter``) and on network failures, a bounded number of times. It stands in for PTB's
``AIORateLimiter``, which needs the ``aiolimiter`` package; our token buckets live in ``bot.ratelimit``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from datetime import timedelta
from typing import Any

from telegram import (
    Bot,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import BaseRateLimiter

from bot.digest import Deliver, DeliveryBlocked, DeliveryFailed
from bot.formatting import to_telegram_html
from bot.models import Reply, Subscription
from bot.ratelimit import ChatRateLimiter, TokenBucket

log = logging.getLogger(__name__)

MORE_DATA = "more"
MORE_BUTTON = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data=MORE_DATA)]])
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
# Telegram's published limits: about 30 messages a second overall, 20 a minute in one group, and
# about one a second in a private chat (short bursts are tolerated).
OVERALL_PER_SECOND = 30.0
GROUP_PER_MINUTE = 20.0
PRIVATE_PER_SECOND = 1.0
PRIVATE_BURST = 10.0
DELIVERY_TIMEOUT = 180.0  # seconds one digest may take, retries and flood waits included
# Errors that mean the chat is gone for good: stop sending digests there.
_GONE = ("chat not found", "user is deactivated", "bot was kicked", "have no rights to send", "chat_write_forbidden")

RequestCallback = Callable[..., Coroutine[Any, Any, Any]]


class PacedRetrier(BaseRateLimiter[int]):
    """A PTB rate limiter: paces calls per chat and retries flood control and network errors.

    :param attempts: tries per call in all (``rate_limit_args`` may give another number per call).
    :param max_wait: the longest ``retry_after`` worth waiting for; a longer one is raised at once.
    :param backoff: seconds before the first retry of a network error, doubled for each further one.
    """

    def __init__(self, *, attempts: int = 4, max_wait: float = 60.0, backoff: float = 0.5) -> None:
        self.attempts = attempts
        self.max_wait = max_wait
        self.backoff = backoff
        overall = TokenBucket(OVERALL_PER_SECOND)
        self._groups = ChatRateLimiter(overall, per_chat_rate=GROUP_PER_MINUTE / 60, per_chat_burst=GROUP_PER_MINUTE)
        self._private = ChatRateLimiter(overall, per_chat_rate=PRIVATE_PER_SECOND, per_chat_burst=PRIVATE_BURST)

    async def initialize(self) -> None:
        """Nothing to set up: the buckets are plain objects."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    async def process_request(
        self,
        callback: RequestCallback,
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Any:
        """The result of ``callback``, called once its chat's pace allows and retried when worth it."""
        chat_id = data.get("chat_id")
        if chat_id is not None:
            await self._pace(str(chat_id))
        attempts = max(1, rate_limit_args or self.attempts)
        for attempt in range(1, attempts + 1):
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                wait = retry_seconds(error)
                if attempt == attempts or wait > self.max_wait:
                    raise
                log.warning("Telegram flood control on %s: retrying in %.1f s", endpoint, wait)
                await asyncio.sleep(wait + 0.1)
            except NetworkError as error:
                # BadRequest is a NetworkError subclass in PTB, but sending it again cannot help.
                if isinstance(error, BadRequest) or attempt == attempts:
                    raise
                wait = self.backoff * 2 ** (attempt - 1)
                log.warning("Telegram %s failed (%s): retrying in %.1f s", endpoint, error, wait)
                await asyncio.sleep(wait)
        raise AssertionError("unreachable")  # the last attempt returns or raises

    async def _pace(self, chat_id: str) -> None:
        # Group and channel ids are negative (or @usernames); private chats have the user's positive id.
        is_group = not chat_id.isdigit()
        await (self._groups if is_group else self._private).acquire_async(chat_id)


def retry_seconds(error: RetryAfter) -> float:
    """How long Telegram asked us to wait, in seconds."""
    # PTB 22 keeps it as a timedelta; the public ``retry_after`` warns about its int/timedelta change.
    value = getattr(error, "_retry_after", None)
    if isinstance(value, timedelta):
        return value.total_seconds()
    return float(error.retry_after if value is None else value)  # type: ignore[arg-type]


async def send_reply(bot: Bot, chat_id: int | str, reply: Reply, *, reply_to: int | None = None) -> list[Message]:
    """Send a reply as HTML messages under Telegram's limit; the "More" button goes on the last one."""
    chunks = to_telegram_html(reply)
    sent = []
    for number, chunk in enumerate(chunks, start=1):
        quoted = ReplyParameters(reply_to, allow_sending_without_reply=True) if reply_to and number == 1 else None
        sent.append(
            await bot.send_message(
                chat_id,
                chunk,
                parse_mode=ParseMode.HTML,
                link_preview_options=NO_PREVIEW,
                reply_parameters=quoted,
                reply_markup=MORE_BUTTON if reply.more and number == len(chunks) else None,
            )
        )
    return sent


def delivery_error(error: TelegramError) -> Exception:
    """The ``bot.digest`` error for a failed send: blocked for a chat that is gone, failed for a passing one.

    Anything else (a BadRequest we caused) comes back unchanged: a bug worth its traceback, which the
    digest runner logs before retrying later.
    """
    text = str(error.message).lower()
    if isinstance(error, Forbidden) or (isinstance(error, BadRequest) and any(g in text for g in _GONE)):
        return DeliveryBlocked(error.message)
    if isinstance(error, ChatMigrated):
        # The group became a supergroup with a new id; the subscriber must subscribe again there.
        return DeliveryBlocked(f"the group moved to chat {error.new_chat_id}")
    if isinstance(error, RetryAfter | NetworkError) and not isinstance(error, BadRequest):
        return DeliveryFailed(error.message)
    return error


def _raise_for_delivery(error: TelegramError) -> None:
    mapped = delivery_error(error)
    if mapped is error:
        raise error
    raise mapped from error


def loop_deliverer(bot: Bot, loop: asyncio.AbstractEventLoop, *, timeout: float = DELIVERY_TIMEOUT) -> Deliver:
    """A ``Deliver`` for worker threads that sends through ``bot`` on the (running) event loop ``loop``."""

    def deliver(subscription: Subscription, reply: Reply) -> None:
        if _running_loop() is loop:
            raise RuntimeError("waiting on the event loop from its own thread would hang; use asyncio.to_thread")
        future = asyncio.run_coroutine_threadsafe(send_reply(bot, subscription.chat_id, reply), loop)
        try:
            future.result(timeout)
        except TelegramError as error:
            _raise_for_delivery(error)
        except TimeoutError as error:
            future.cancel()
            raise DeliveryFailed(f"Telegram did not take the digest within {timeout:.0f} s") from error

    return deliver


def _running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


def standalone_deliverer(make_bot: Callable[[], Bot]) -> Deliver:
    """A ``Deliver`` for code without an event loop (``briefbot digest run``): one short-lived bot per digest."""

    async def send(subscription: Subscription, reply: Reply) -> None:
        async with make_bot() as bot:
            await send_reply(bot, subscription.chat_id, reply)

    def deliver(subscription: Subscription, reply: Reply) -> None:
        try:
            asyncio.run(asyncio.wait_for(send(subscription, reply), DELIVERY_TIMEOUT))
        except TelegramError as error:
            _raise_for_delivery(error)
        except TimeoutError as error:
            raise DeliveryFailed(f"Telegram did not take the digest within {DELIVERY_TIMEOUT:.0f} s") from error

    return deliver
