"""``StoreProtocol``: every store method the core calls, so SQLite and PostgreSQL stores are interchangeable.

``bot.store.Store`` (SQLite, the embedded default) and ``bot.store.postgres.PostgresStore`` both
satisfy it; ``tests/test_store_contract.py`` runs the same behaviour tests against both and
checks that neither engine has a public method the protocol lacks.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Protocol, runtime_checkable

from bot.models import Article, ArticleDraft, Subscription
from bot.store.article_reads import ParagraphRow
from bot.store.articles import AddResult, PersonSpeech
from bot.store.audit import AuditEntry
from bot.store.contexts import StoredContext
from bot.store.feeds import Feed, SeenLink
from bot.store.people import PersonParagraph


@runtime_checkable
class StoreProtocol(Protocol):
    """What the core needs from a store: articles, search, people, subscriptions, digests, feeds, audit, context."""

    # Lifecycle and operations

    def close(self) -> None:
        """Release the connection(s)."""
        ...

    def backup(self, target: Path) -> None:
        """Copy the whole store to ``target`` (engine-specific; PostgreSQL points to pg_dump or export)."""
        ...

    def optimize_index(self) -> None:
        """Compact the full-text index after a bulk load (a no-op where the engine needs none)."""
        ...

    def merge_index(self) -> None:
        """Merge only the index's small pieces a bulk load left (a no-op where the engine needs none)."""
        ...

    def check_integrity(self) -> list[str]:
        """Problems found by the engine's and the store's own checks; empty when whole."""
        ...

    def stats(self) -> dict[str, int]:
        """Counts of what the store holds, and its size in bytes."""
        ...

    def size_bytes(self) -> int:
        """The store's size on disk."""
        ...

    # Articles and paragraphs

    def add_article(
        self, draft: ArticleDraft, *, loaded_by: str, people: PersonSpeech | None = None, stems: str = ""
    ) -> AddResult:
        """Store an article whole or not at all."""
        ...

    def add_articles(
        self,
        items: Sequence[tuple[ArticleDraft, PersonSpeech | None]],
        *,
        loaded_by: str,
        stems: Sequence[str] = (),
    ) -> list[AddResult]:
        """Store many articles in one transaction; duplicates are reported."""
        ...

    def article_stems(self, article_ids: Sequence[int]) -> dict[int, str]:
        """The space-separated stems stored with each article; articles without any are absent."""
        ...

    def replace_people(self, article_id: int, people: PersonSpeech, stems: str = "") -> int:
        """Replace one article's speaker and mention links, and its stored stems when ``stems`` is given; returns how
        many of its people's aliases were stored in a less sure kind and now keep the surer one."""
        ...

    def delete_orphan_people(self) -> int:
        """Remove people no paragraph links to; returns how many."""
        ...

    def replace_aliases(self, wanted: Mapping[str, Mapping[str, str]]) -> int:
        """Make the stored aliases of the people named (canonical name -> alias -> kind) exactly these, in one
        transaction; returns how many were removed."""
        ...

    def delete_article(self, article_id: int) -> Article | None:
        """Delete an article with its paragraphs and links; returns what was deleted."""
        ...

    def record_failure(self, origin: str, reason: str, loaded_by: str) -> None:
        """Keep a failed load's reason."""
        ...

    def get_article(self, article_id: int) -> Article | None:
        """One article's metadata, or None."""
        ...

    def recent_articles(self, limit: int = 10, article_ids: Sequence[int] | None = None) -> list[Article]:
        """The most recently loaded articles, newest first."""
        ...

    def article_count(self) -> int:
        """How many articles are stored."""
        ...

    def paragraphs_of(self, article_id: int) -> list[str]:
        """An article's paragraph texts in order."""
        ...

    def article_ids(self) -> list[int]:
        """Every article id, oldest first."""
        ...

    def search(
        self,
        fts_query: str,
        *,
        limit: int,
        paragraph_ids: Sequence[int] | None = None,
        after_article: int = 0,
    ) -> list[ParagraphRow]:
        """Paragraphs matching a query built by ``bot.retrieval.fts`` (quoted terms, OR/AND), best first."""
        ...

    def paragraphs_by_id(self, paragraph_ids: Sequence[int]) -> list[ParagraphRow]:
        """Paragraphs with citation fields, in the order asked."""
        ...

    def article_rows(self, article_id: int) -> list[ParagraphRow]:
        """An article's paragraphs with citation fields, in reading order."""
        ...

    def speakers_of(self, paragraph_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """The names of the people who speak in each paragraph, in link order."""
        ...

    def latest_article_id(self) -> int:
        """The highest article id stored (0 when none)."""
        ...

    def articles_between(self, after_id: int, upto_id: int) -> list[Article]:
        """Articles with ``after_id < id <= upto_id``, newest first."""
        ...

    # People and term statistics

    def people_by_alias(self, alias: str) -> list[tuple[int, str]]:
        """People (id, name) known by exactly this lower-case alias."""
        ...

    def people_by_aliases(self, aliases: Sequence[str]) -> list[tuple[int, str]]:
        """People (id, name) known by exactly any of these lower-case aliases, each once, by id."""
        ...

    def aliases_of(self, person_ids: Sequence[int]) -> list[tuple[int, str, str]]:
        """(person id, alias, kind) of every alias these people hold, by person, then alias."""
        ...

    def aliases_after(
        self, position: int, kinds: Sequence[str] = (), limit: int = 0
    ) -> list[tuple[int, str, int, str]]:
        """(position, alias, person id, kind) of aliases (of these kinds, if given) added after ``position``, in order.

        ``limit`` (when not 0) caps the rows returned.
        """
        ...

    def people_version(self) -> tuple[int, int]:
        """(the latest alias's position, how many aliases were ever removed): changes with every addition or removal.

        An alias upgraded to a surer role kind is no removal: it comes back as a new row, at a position never used
        before. One a person held as a role and now holds as a name is: a cache of roles reads no names.
        """
        ...

    def person_names(self, person_ids: Sequence[int]) -> dict[int, str]:
        """Names of the given people."""
        ...

    def most_quoted(self, limit: int) -> list[tuple[str, int]]:
        """The ``limit`` people (and bodies) who speak in most paragraphs, with how many, most first (then by
        name)."""
        ...

    def person_paragraphs(
        self,
        person_ids: Sequence[int],
        within: Sequence[int] | None = None,
        *,
        speaking: bool = False,
        latest: int | None = None,
    ) -> list[PersonParagraph]:
        """Every paragraph (of ``within``, when given) where one of the people speaks or (unless ``speaking``)
        is mentioned, in article order; only the ``latest`` links of the latest articles, when given."""
        ...

    def first_speakers(self, paragraph_ids: Sequence[int]) -> dict[int, int]:
        """The person listed first among the speakers of each of the given paragraphs (who has them)."""
        ...

    def document_frequency(self, stems: Sequence[str]) -> dict[str, int]:
        """How many paragraphs hold each Porter stem."""
        ...

    def paragraph_count(self) -> int:
        """How many paragraphs are stored."""
        ...

    # Subscriptions and the digest log

    def add_subscription(self, subscription: Subscription, *, max_per_chat: int) -> Subscription | None:
        """Store a subscription unless the chat is full."""
        ...

    def get_subscription(self, subscription_id: int) -> Subscription | None:
        """One subscription, active or not."""
        ...

    def chat_subscriptions(self, platform: str, chat_id: str) -> list[Subscription]:
        """A chat's active subscriptions, oldest first."""
        ...

    def active_subscriptions(self) -> list[Subscription]:
        """Every active subscription, oldest first."""
        ...

    def deactivate_subscriptions(self, subscription_ids: Iterable[int]) -> int:
        """Turn subscriptions off; returns how many were on."""
        ...

    def reschedule_subscription(self, subscription_id: int, local_time: time, zone: str) -> bool:
        """Send an active subscription's digests at another local time and zone, its watermark kept; whether it was
        found active."""
        ...

    def digest_days_done(self, days: Iterable[date], *, stale_before: str) -> set[tuple[int, date]]:
        """(subscription id, day) pairs finished or freshly claimed."""
        ...

    def claim_digest(self, subscription_id: int, day: date, *, token: str, now: str, stale_before: str) -> bool:
        """Claim the day's digest for sending; exactly one of several concurrent callers gets True."""
        ...

    def finish_digest(
        self,
        subscription_id: int,
        day: date,
        *,
        token: str,
        status: str,
        now: str,
        article_count: int,
        watermark: int,
    ) -> bool:
        """Record a claimed digest as sent or empty and move the watermark; False when the claim was lost."""
        ...

    def release_digest(self, subscription_id: int, day: date, *, token: str) -> None:
        """Give up a claim after a failed delivery."""
        ...

    def digest_status(self, subscription_id: int, day: date) -> str | None:
        """The log status of one digest, or None."""
        ...

    # Feeds

    def add_feed(self, url: str, title: str, *, added_by: str, now: datetime) -> tuple[Feed, bool]:
        """Follow a feed; gives it and whether it is new."""
        ...

    def remove_feed(self, feed_id: int) -> Feed | None:
        """Stop following a feed; gives what was removed."""
        ...

    def get_feed(self, feed_id: int) -> Feed | None:
        """One feed by id."""
        ...

    def feed_by_url(self, url: str) -> Feed | None:
        """One feed by address."""
        ...

    def feeds(self) -> list[Feed]:
        """Every followed feed, oldest first."""
        ...

    def due_feeds(self, now: datetime) -> list[Feed]:
        """Feeds due for a poll, most overdue first (PostgreSQL leases them to the caller: see its docs)."""
        ...

    def feed_count(self) -> int:
        """How many feeds are followed."""
        ...

    def feed_polled(
        self,
        feed_id: int,
        *,
        now: datetime,
        next_poll: datetime,
        etag: str | None,
        last_modified: str | None,
        title: str,
    ) -> None:
        """Record a successful poll."""
        ...

    def feed_failed(self, feed_id: int, *, now: datetime, next_poll: datetime, failures: int, error: str) -> None:
        """Record a failed poll."""
        ...

    def seen_guids(self, feed_id: int, guids: Iterable[str]) -> set[str]:
        """Which of ``guids`` this feed has already delivered."""
        ...

    def seen_link(self, link: str) -> SeenLink | None:
        """Whether a link is already stored."""
        ...

    def record_feed_item(
        self,
        feed_id: int,
        *,
        guid: str,
        link: str,
        content_hash: str,
        article_id: int | None,
        now: datetime,
    ) -> None:
        """Mark a feed entry as seen."""
        ...

    # Audit

    def record_audit(self, *, at: datetime, user_key: str, action: str, detail: str) -> None:
        """Append one entry to the audit log."""
        ...

    def audit_entries(self, limit: int = 20) -> list[AuditEntry]:
        """The latest entries, newest first."""
        ...

    # Follow-up context, so any replica can continue a conversation

    def save_context(self, key: str, context: StoredContext, *, now: datetime) -> None:
        """Remember a conversation's last question (replacing what was there), stamped ``now``."""
        ...

    def load_context(self, key: str, *, now: datetime, ttl: timedelta) -> StoredContext | None:
        """A conversation's context if it was saved within ``ttl`` before ``now``, else None."""
        ...

    def purge_contexts(self, before: datetime) -> int:
        """Delete contexts last saved before ``before``; returns how many."""
        ...


def protocol_methods() -> frozenset[str]:
    """The names of the protocol's methods (for the contract tests)."""
    return frozenset(name for name in vars(StoreProtocol) if not name.startswith("_") and callable(
        getattr(StoreProtocol, name)))
