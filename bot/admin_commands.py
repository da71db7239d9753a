"""The /feeds and /audit chat commands (admins only); ``bot.commands`` puts them in its table."""

from __future__ import annotations

from bot.admin_text import describe_audit, describe_feeds, describe_poll
from bot.errors import BadQuestion
from bot.models import Reply, User
from bot.service import BriefingService

FEEDS_USAGE = "Use /feeds add URL, /feeds remove URL|ID, /feeds list or /feeds poll."
AUDIT_DEFAULT = 20
AUDIT_MAX = 200


def feeds_command(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    """/feeds add URL | remove URL|ID | list | poll."""
    service.require_admin(user, "manage feeds")
    verb, _, rest = args.partition(" ")
    verb, rest = verb.lower(), rest.strip()
    if verb == "add" and rest:
        feed, added = service.add_feed(user, rest)
        if not added:
            return Reply(f"I already follow that feed as #{feed.id} {feed.title or feed.url}.")
        return Reply(
            f"Following #{feed.id} {feed.title or feed.url}. Its articles load at the next poll"
            " (within a minute, or now with /feeds poll)."
        )
    if verb == "remove" and rest:
        feed = service.remove_feed(user, rest)
        return Reply(f"Stopped following #{feed.id} {feed.title or feed.url}; its articles stay loaded.")
    if verb in ("list", ""):
        return Reply(describe_feeds(service.feeds(user)))
    if verb == "poll":
        return Reply(describe_poll(service.poll_feeds(user)))
    raise BadQuestion(FEEDS_USAGE)


def audit_command(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    """/audit [N]: the latest N admin actions."""
    service.require_admin(user, "read the audit log")
    if args and not args.isdigit():
        raise BadQuestion("Give the number of entries to show, e.g. /audit 50.")
    limit = min(int(args), AUDIT_MAX) if args else AUDIT_DEFAULT
    return Reply(describe_audit(service.audit_log(user, max(limit, 1))))
