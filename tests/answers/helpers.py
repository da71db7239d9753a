"""Constants the answer tests share: the admin who loads stories and a short story."""

from __future__ import annotations

from bot.models import User

ADMIN = User("console", "me")

STORY = """Grain talks stall

Agriculture Secretary Richard Lyng said on Monday that talks with Japan on rice imports had stalled.

"We will not accept a closed market for rice," he added. "Our farmers deserve a fair chance."

Trade Representative Clayton Yeutter said the dispute over semiconductors would be settled soon.

The secretary warned that Congress could retaliate if Tokyo did not move on beef and citrus.
"""
