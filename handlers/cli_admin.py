"""``briefbot feeds …`` and ``briefbot audit``, and loading a mix of paths and web addresses."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import click

from bot.admin_text import describe_audit, describe_feed, describe_poll
from bot.errors import BriefingError
from bot.models import LoadReport, User
from bot.service import BriefingService
from bot.url_load import is_web_address

if TYPE_CHECKING:
    from handlers.cli import Context

T = TypeVar("T")


def load_sources(service: BriefingService, sources: Iterable[str], *, by: User, source: str = "") -> LoadReport:
    """Load each argument in order: http(s) addresses are fetched, anything else is a file or directory."""
    outcomes = []
    for item in sources:
        if is_web_address(item):
            report = service.load_url(by, item)
        else:
            report = service.load_paths([Path(item)], by=by, source=source)
        outcomes.extend(report.outcomes)
    return LoadReport(tuple(outcomes))


def _call(obj: Context, action: Callable[[BriefingService, User], T]) -> T:
    """Run a core call as the command-line user, turning a ``BriefingError`` into a one-line CLI error."""
    # handlers.cli imports this module, so its names are read once both are loaded.
    from handlers.cli import CLI_USER

    try:
        return action(obj.service(), CLI_USER)
    except BriefingError as error:
        raise click.ClickException(error.user_message) from None


@click.group()
def feeds() -> None:
    """Follow RSS and Atom feeds: add, remove, list and poll them."""


@feeds.command("add")
@click.argument("url")
@click.pass_obj
def feeds_add(obj: Context, url: str) -> None:
    """Follow the feed at URL (fetched once to check it); its articles load at the next poll."""
    feed, added = _call(obj, lambda service, user: service.add_feed(user, url))
    click.echo(("Following " if added else "Already following ") + describe_feed(feed))


@feeds.command("remove")
@click.argument("feed")
@click.pass_obj
def feeds_remove(obj: Context, feed: str) -> None:
    """Stop following FEED, given by its id or its address (its articles stay loaded)."""
    removed = _call(obj, lambda service, user: service.remove_feed(user, feed))
    click.echo(f"Stopped following #{removed.id} {removed.url}")


@feeds.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def feeds_list(obj: Context, as_json: bool) -> None:
    """List the followed feeds with when they were polled and any failures."""
    found = _call(obj, lambda service, user: service.feeds(user))
    if as_json:
        click.echo(json.dumps([asdict(f) for f in found], ensure_ascii=False))
    elif found:
        click.echo("\n".join(describe_feed(f) for f in found))
    else:
        click.echo("No feeds are followed yet.")


@feeds.command("poll")
@click.pass_obj
def feeds_poll(obj: Context) -> None:
    """Poll every feed now and load its new entries."""
    click.echo(describe_poll(_call(obj, lambda service, user: service.poll_feeds(user))))


@click.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10_000), help="How many entries.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_obj
def audit(obj: Context, limit: int, as_json: bool) -> None:
    """Show the audit log: who loaded, deleted or changed feeds, and when (newest first)."""
    entries = _call(obj, lambda service, user: service.audit_log(user, limit))
    if as_json:
        click.echo(json.dumps([asdict(e) for e in entries], ensure_ascii=False))
    else:
        click.echo(describe_audit(entries))
