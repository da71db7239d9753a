"""Plain-text wording for the admin tools: feed lists, poll reports, the audit log (shared by chat and CLI)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from bot.models import LoadReport
from bot.store.audit import AuditEntry
from bot.store.feeds import Feed

if TYPE_CHECKING:
    from bot.feeds_poller import PollReport

_STATUSES = ("loaded", "duplicate", "failed")
# An audit line names this many items of a load; a whole corpus would otherwise fill the log.
_AUDIT_NAMES = 5


def counted(count: int, one: str, many: str = "") -> str:
    """A count with its noun: "1 article", "2,225 articles", "1 person" / "2 people" (``many`` when not -s)."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def load_counts(report: LoadReport) -> str:
    """How many were loaded, duplicates and failed, e.g. "2 loaded, 1 duplicate, 0 failed"."""
    counts = {status: len(report.with_status(status)) for status in _STATUSES}
    return f"{counts['loaded']} loaded, {counted(counts['duplicate'], 'duplicate')}, {counts['failed']} failed"


def feed_count(report: PollReport) -> str:
    """How many feeds a poll round covered, e.g. "1 feed" or "3 feeds"."""
    return counted(len(report.polls), "feed")


def audit_detail(report: LoadReport) -> str:
    """The audit log's account of a load: counts, then the first few items with what became of them."""
    items = []
    for outcome in report.outcomes[:_AUDIT_NAMES]:
        result = f"#{outcome.article_id}" if outcome.status == "loaded" else outcome.status
        items.append(f"{outcome.origin} ({result})")
    more = len(report.outcomes) - _AUDIT_NAMES
    if more > 0:
        items.append(f"and {more} more")
    return f"{load_counts(report)}: {', '.join(items)}" if items else load_counts(report)


def describe_feed(feed: Feed) -> str:
    """One line about a feed: id, title, address and how its polling stands."""
    line = f"#{feed.id} {feed.title or '(untitled)'} — {feed.url}"
    if feed.last_polled_at is None:
        return f"{line} · not polled yet"
    line += f" · polled {feed.last_polled_at}, next {feed.next_poll_at}"
    if feed.failures:
        line += f" · {feed.failures} failure{'s' if feed.failures != 1 else ''} in a row: {feed.last_error}"
    return line


def describe_feeds(feeds: Sequence[Feed]) -> str:
    """The /feeds list reply."""
    if not feeds:
        return "No feeds are followed yet. Add one with /feeds add https://example.com/rss.xml"
    return "\n".join(describe_feed(feed) for feed in feeds)


def describe_poll(report: PollReport) -> str:
    """The /feeds poll reply: a line per feed, then the totals."""
    if report.busy:
        return "A poll is already running; try again in a minute."
    if not report.polls:
        return "There are no feeds to poll."
    lines = []
    for poll in report.polls:
        name = f"#{poll.feed.id} {poll.feed.title or poll.feed.url}"
        if poll.status == "failed":
            lines.append(f"{name}: failed ({poll.error}); next try {poll.next_poll_at}.")
        elif poll.status == "not modified":
            lines.append(f"{name}: nothing new.")
        else:
            left = " (more next time)" if poll.unfinished else ""
            lines.append(f"{name}: {load_counts(LoadReport(poll.outcomes))}{left}.")
    lines.append(f"Total: {load_counts(report.loads)}.")
    return "\n".join(lines)


def describe_audit(entries: Sequence[AuditEntry]) -> str:
    """The /audit reply, newest first."""
    if not entries:
        return "The audit log is empty."
    return "\n".join(f"{e.at} {e.user_key} {e.action}: {e.detail}" for e in entries)
