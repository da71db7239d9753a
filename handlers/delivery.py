"""Where digests go from this process: one ``bot.digest.Deliver`` callable per platform."""

from __future__ import annotations

from typing import TextIO

from bot.config import Settings
from bot.digest import Deliver
from bot.formatting import to_plain_text
from bot.models import Reply, Subscription


def console_deliverer(out: TextIO) -> Deliver:
    """A deliverer that prints each digest as console text (the console chat is this terminal)."""

    def deliver(subscription: Subscription, reply: Reply) -> None:
        out.write(f"— Digest #{subscription.id} for {subscription.chat_key} —\n{to_plain_text(reply)}\n\n")
        out.flush()

    return deliver


def build_deliverers(settings: Settings, out: TextIO) -> dict[str, Deliver]:
    """The deliverers this process can use, keyed by platform.

    This is where the chat adapters plug in: when its token is configured, an adapter adds a
    deliverer for its platform here, raising ``bot.digest.DeliveryBlocked`` for a chat that is gone
    for good and ``DeliveryFailed`` for a retryable failure. A digest for a platform without a
    deliverer is skipped (and logged) and stays due for a process that can send it.
    """
    deliverers = {"console": console_deliverer(out)}
    if settings.telegram_bot_token:
        from handlers.telegram import telegram_deliverer  # python-telegram-bot loads only when it is used

        deliverers["telegram"] = telegram_deliverer(settings)
    if settings.slack_bot_token:
        from handlers.slack import build_client, slack_deliverer  # slack_sdk loads only when it is used

        deliverers["slack"] = slack_deliverer(build_client(settings))
    return deliverers
