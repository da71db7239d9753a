"""``briefbot digest preview`` and ``briefbot digest run``: daily digests for operators and cron."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import click

from bot.errors import BriefingError
from bot.formatting import to_plain_text
from bot.models import PLATFORMS, Chat
from handlers.delivery import build_deliverers

if TYPE_CHECKING:
    from handlers.cli import Context


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant; one written without an offset is taken as UTC."""
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise click.BadParameter(f"'{text}' is not an ISO 8601 time such as 2025-03-30T04:00:00Z") from None
    return instant if instant.tzinfo else instant.replace(tzinfo=UTC)


@click.group()
def digest() -> None:
    """Daily digests: preview a chat's digest, or send every digest that is due."""


@digest.command("preview")
@click.option("--platform", type=click.Choice(PLATFORMS), default="console", show_default=True)
@click.option("--chat", "chat_id", default="local", show_default=True, help="The chat or channel id.")
@click.pass_obj
def digest_preview(obj: Context, platform: str, chat_id: str) -> None:
    """Print what the chat's digests hold right now, without marking anything as sent."""
    from handlers.cli import CLI_USER  # handlers.cli imports this module

    try:
        reply = obj.service().digest_now(CLI_USER, Chat(platform, chat_id))
    except BriefingError as error:
        raise click.ClickException(error.user_message) from None
    click.echo(to_plain_text(reply))


@digest.command("run")
@click.option("--now", "now_text", metavar="ISO8601", help="Run as if it were this instant (default: now).")
@click.pass_obj
def digest_run(obj: Context, now_text: str | None) -> None:
    """Send every digest due now (each at most once a local day) and print how many were sent."""
    service = obj.service()
    now = parse_instant(now_text) if now_text else service.clock()
    result = service.run_digests(now, build_deliverers(obj.settings, sys.stdout))
    click.echo(result.summary())
