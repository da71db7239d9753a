"""Plain values passed between the core and the adapters (frozen dataclasses, no behaviour)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

PLATFORMS = ("telegram", "slack", "console")


@dataclass(frozen=True)
class User:
    """Someone talking to the bot, identified by the platform's stable id (never a display name)."""

    platform: str
    id: str
    name: str = ""

    @property
    def key(self) -> str:
        """The platform-qualified id used in settings and the store, e.g. ``telegram:42``."""
        return f"{self.platform}:{self.id}"


@dataclass(frozen=True)
class Chat:
    """Where a message came from and where replies go (a private chat, a group or a channel)."""

    platform: str
    id: str
    is_group: bool = False

    @property
    def key(self) -> str:
        """The platform-qualified chat id, e.g. ``slack:C0123``."""
        return f"{self.platform}:{self.id}"


@dataclass(frozen=True)
class ArticleDraft:
    """A parsed article, not yet stored."""

    title: str
    paragraphs: tuple[str, ...]
    source: str = ""
    author: str = ""
    published: str = ""  # ISO date (YYYY-MM-DD) or empty when unknown
    url: str = ""
    category: str = ""
    origin: str = ""  # file path, URL or "pasted text": where it came from, for reports


@dataclass(frozen=True)
class Article:
    """A stored article's metadata."""

    id: int
    title: str
    source: str
    author: str
    published: str
    url: str
    category: str
    loaded_at: str
    loaded_by: str
    paragraph_count: int = 0


@dataclass(frozen=True)
class Citation:
    """Where a quoted paragraph comes from."""

    title: str
    source: str
    published: str
    url: str


@dataclass(frozen=True)
class Hit:
    """One paragraph found for a question, best first."""

    article_id: int
    paragraph_index: int
    text: str
    score: float
    speakers: tuple[str, ...]
    citation: Citation
    highlights: tuple[tuple[int, int], ...] = ()  # (start, end) character spans of matched terms


@dataclass(frozen=True)
class Reading:
    """Whom and what a question was answered as asking, where its text alone did not say so."""

    speaker: str
    topic: str


@dataclass(frozen=True)
class Answer:
    """The result of a question: hits best first, and whether anything really matched."""

    question: str
    hits: tuple[Hit, ...]
    no_match: bool
    message: str = ""  # a plain sentence: "I found no paragraph where Imomi speaks about football."
    has_more: bool = False
    # With a no-match only: the nearest paragraphs, which the message offers as such, never as the answer.
    alternatives: tuple[Hit, ...] = ()
    # The person a question was read as asking, so that a conversation goes on with them ("and about the
    # budget?"): one a typed name was read as when another reading of it answered ("edward": Edward Leigh), or
    # one found in a question of no known phrasing ("hewitt career sexism", "oil - imomi?").
    read_as: Reading | None = None


@dataclass(frozen=True)
class Reply:
    """A platform-neutral reply; ``bot.formatting`` renders it for each platform.

    ``text`` is plain text (never markup); ``quotes`` are rendered as quoted paragraphs with their
    citations; ``more`` asks the adapter to offer a "More" button.
    """

    text: str = ""
    quotes: tuple[Hit, ...] = ()
    footer: str = ""
    more: bool = False
    private: bool = False  # show only to the asking user where the platform can (Slack ephemeral)


@dataclass(frozen=True)
class LoadOutcome:
    """What happened to one article or file in a load."""

    origin: str
    status: str  # "loaded", "duplicate" or "failed"
    reason: str = ""
    article_id: int | None = None
    title: str = ""
    paragraphs: int = 0


@dataclass(frozen=True)
class Reattribution:
    """What re-running attribution over the store did."""

    articles: int
    aliases_removed: int  # aliases no rule gives any more (or now given in another kind)


@dataclass(frozen=True)
class LoadReport:
    """Every outcome of one load, in input order."""

    outcomes: tuple[LoadOutcome, ...] = field(default_factory=tuple)

    def with_status(self, status: str) -> tuple[LoadOutcome, ...]:
        """The outcomes with the given status."""
        return tuple(o for o in self.outcomes if o.status == status)


@dataclass(frozen=True)
class Subscription:
    """A daily digest: where it goes, at what local time in which IANA zone, and what it covers."""

    id: int
    platform: str
    chat_id: str
    user_key: str  # who subscribed, e.g. ``telegram:42``
    local_time: time
    zone: str
    topic: str = ""
    speaker: str = ""
    active: bool = True
    created_at: str = ""  # ISO 8601 UTC
    last_sent_at: str = ""
    last_article_id: int = 0  # watermark: the previous digest covered every article up to this id

    @property
    def chat_key(self) -> str:
        """The platform-qualified chat id, e.g. ``telegram:-100123``."""
        return f"{self.platform}:{self.chat_id}"
