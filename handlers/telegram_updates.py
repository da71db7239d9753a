"""``PerChatUpdates``: Telegram updates of different chats side by side, each chat's in order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

CONCURRENT_UPDATES = 16


class PerChatUpdates(BaseUpdateProcessor):
    """Processes up to ``max_concurrent_updates`` at once, but one chat's updates strictly in arrival order.

    One slow answer (a load, a flood-control wait) no longer holds up every other chat, while a question
    and the "more" sent right after it are still handled in that order.
    """

    def __init__(self, max_concurrent_updates: int = CONCURRENT_UPDATES) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        """Run the update's handlers once the chat's earlier updates are done."""
        chat = update.effective_chat.id if isinstance(update, Update) and update.effective_chat else 0
        lock = self._locks.setdefault(chat, asyncio.Lock())
        self._waiting[chat] = self._waiting.get(chat, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            # Forget idle chats, so the lock table stays as small as the number of busy chats.
            self._waiting[chat] -= 1
            if not self._waiting[chat]:
                del self._waiting[chat], self._locks[chat]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""
