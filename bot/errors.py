"""Errors the core raises, each carrying a sentence a person understands.

Hierarchy:

    BriefingError            base; ``user_message`` is safe to show in chat
    ├── NotAllowed           an admin-only command from someone who is not an admin
    ├── BadQuestion          a question or command argument the bot cannot use
    ├── NothingFound         a lookup (article id, subscription) that matched nothing
    ├── IngestError          an article that cannot be loaded, with the reason
    ├── SlowDown             too many questions from one person in a minute
    └── ConfigError          a setting with a bad value (raised at start-up only)

Adapters catch ``BriefingError`` and send ``user_message``; anything else is a bug, logged with its
traceback, and answered with a short apology.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error whose message may be shown to a user."""

    def __init__(self, user_message: str) -> None:
        super().__init__(user_message)
        self.user_message = user_message


class NotAllowed(BriefingError):
    """The user may not run this command."""


class BadQuestion(BriefingError):
    """The question or command arguments cannot be used as given."""


class NothingFound(BriefingError):
    """A named thing (article, subscription, feed) does not exist."""


class IngestError(BriefingError):
    """An article could not be loaded; ``user_message`` says why."""


class SlowDown(BriefingError):
    """The user is asking faster than the per-user limit allows."""


class ConfigError(BriefingError):
    """A setting has a value the bot cannot start with."""
