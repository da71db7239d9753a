"""``FeedPoller``: poll followed feeds side by side, load each new entry once, back off failing feeds.

Adapters schedule ``BriefingService.poll_due_feeds`` (which calls ``FeedPoller.poll_due``) about once a
minute; only feeds whose ``next_poll_at`` has come are fetched, so a restart neither skips nor repeats
a poll. ``run`` is the same loop on a plain thread, for adapters without a job queue.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from bot.config import Settings
from bot.errors import IngestError
from bot.feeds import FeedEntry, backoff_seconds, html_paragraphs, read_feed
from bot.ingest.text import headline_from
from bot.models import ArticleDraft, LoadOutcome, LoadReport, User
from bot.store.articles import content_hash
from bot.store.feeds import Feed, iso
from bot.url_load import PAGE_TIMEOUT_SECONDS, check_limits, fetch_article
from bot.web import Fetched, fetch

if TYPE_CHECKING:
    from bot.service import BriefingService

log = logging.getLogger(__name__)

FEEDS_USER = User("system", "feeds")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
    # Many servers label feeds text/html or text/plain; parsing decides what is a feed.
    "text/*",
)
# An entry with less text than this is a teaser: the article page is fetched for the full story.
FULL_TEXT_CHARS = 500
# An entry's own text is worth loading (when its page can't be had) only from this length on.
MIN_ENTRY_CHARS = 200
MAX_BACKOFF_SECONDS = 24 * 3600.0
MAX_FEED_BYTES = 5_000_000
FEED_BUDGET_SECONDS = 120.0
WORKERS = 4


@dataclass(frozen=True)
class FeedPoll:
    """What one poll of one feed did."""

    feed: Feed
    status: str  # "updated", "not modified" or "failed"
    outcomes: tuple[LoadOutcome, ...] = ()
    error: str = ""
    next_poll_at: str = ""
    unfinished: bool = False  # the time budget ran out; the remaining entries come next poll


@dataclass(frozen=True)
class PollReport:
    """Every feed polled in one round; ``busy`` when another round was still running."""

    polls: tuple[FeedPoll, ...] = ()
    busy: bool = False

    @property
    def loads(self) -> LoadReport:
        """Every entry's outcome across the feeds."""
        return LoadReport(tuple(o for poll in self.polls for o in poll.outcomes))


class FeedPoller:
    """Polls the store's feeds; feed state (validators, failures, next poll, seen entries) lives in the store."""

    def __init__(
        self,
        service: BriefingService,
        settings: Settings,
        clock: Callable[[], datetime],
        *,
        timeout: float = PAGE_TIMEOUT_SECONDS,
        budget: float = FEED_BUDGET_SECONDS,
        workers: int = WORKERS,
    ) -> None:
        self.service = service
        self.store = service.store
        self.settings = settings
        self.clock = clock
        self.timeout = timeout
        self.budget = budget
        self.workers = workers
        self._round = threading.Lock()

    @property
    def interval(self) -> timedelta:
        """The normal time between two polls of a feed."""
        return timedelta(minutes=self.settings.feed_interval_minutes)

    def check(self, url: str) -> str:
        """Fetch ``url`` once and give the feed's title; raises IngestError when it is not a usable feed."""
        try:
            page = self._fetch(url, None, None)
            return read_feed(page.text, page.url).title
        except IngestError as error:
            raise IngestError(f"I couldn't add that feed: {error.user_message}") from error

    def poll_due(self, now: datetime | None = None) -> PollReport:
        """Poll the feeds that are due; returns at once (``busy``) if a round is already running."""
        if not self._round.acquire(blocking=False):
            return PollReport(busy=True)
        try:
            now = now or self.clock()
            return self._poll(self.store.due_feeds(now), now)
        finally:
            self._round.release()

    def poll_all(self, now: datetime | None = None) -> PollReport:
        """Poll every feed now, due or not (after any running round finishes)."""
        with self._round:
            now = now or self.clock()
            return self._poll(self.store.feeds(), now)

    def run(self, stop: threading.Event, every: float = 60.0) -> None:
        """Call ``poll_due`` every ``every`` seconds until ``stop`` is set (run it on a daemon thread)."""
        while not stop.wait(every):
            try:
                self.service.poll_due_feeds()
            except Exception:
                # The loop must outlive one bad round, or feeds silently stop updating.
                log.exception("Feed poll round failed")

    def _poll(self, feeds: list[Feed], now: datetime) -> PollReport:
        if not feeds:
            return PollReport()
        # Each feed runs in its own worker with its own deadline, so a slow one delays only itself.
        with ThreadPoolExecutor(max_workers=min(self.workers, len(feeds)), thread_name_prefix="feeds") as pool:
            polls = tuple(pool.map(lambda feed: self._poll_guarded(feed, now), feeds))
        return PollReport(polls)

    def _poll_guarded(self, feed: Feed, now: datetime) -> FeedPoll:
        try:
            return self._poll_feed(feed, now)
        except Exception:
            log.exception("Polling feed %s failed", feed.url)
            return self._failed(feed, now, "Something went wrong on our side; it has been logged.")

    def _poll_feed(self, feed: Feed, now: datetime) -> FeedPoll:
        deadline = time.monotonic() + self.budget
        try:
            page = self._fetch(feed.url, feed.etag, feed.last_modified)
            parsed = None if page.not_modified else read_feed(page.text, page.url)
        except IngestError as error:
            return self._failed(feed, now, error.user_message)
        next_poll = now + self.interval
        if parsed is None:
            self.store.feed_polled(
                feed.id, now=now, next_poll=next_poll, etag=page.etag, last_modified=page.last_modified, title=""
            )
            return FeedPoll(feed, "not modified", next_poll_at=iso(next_poll))
        title = parsed.title or feed.title
        outcomes, unfinished = self._load_new(feed, title, parsed.entries, now, deadline)
        # Keeping the old validators when entries were left over makes the next poll fetch them in full.
        etag, last_modified = (feed.etag, feed.last_modified) if unfinished else (page.etag, page.last_modified)
        self.store.feed_polled(
            feed.id, now=now, next_poll=next_poll, etag=etag, last_modified=last_modified, title=title
        )
        return FeedPoll(feed, "updated", outcomes, next_poll_at=iso(next_poll), unfinished=unfinished)

    def _load_new(
        self, feed: Feed, title: str, entries: list[FeedEntry], now: datetime, deadline: float
    ) -> tuple[tuple[LoadOutcome, ...], bool]:
        seen = self.store.seen_guids(feed.id, (e.guid for e in entries))
        fresh = {e.guid: e for e in entries if e.guid not in seen}
        outcomes: list[LoadOutcome] = []
        # Feeds list the newest first; loading oldest first keeps article ids in publication order.
        for entry in reversed(fresh.values()):
            # Checked between entries, so a feed overruns its budget by at most one page fetch.
            if time.monotonic() >= deadline:
                return tuple(outcomes), True
            outcomes.append(self._load_entry(feed, title, entry, now))
        return tuple(outcomes), False

    def _load_entry(self, feed: Feed, title: str, entry: FeedEntry, now: datetime) -> LoadOutcome:
        origin = entry.link or entry.guid
        known = self.store.seen_link(entry.link)
        if known is not None:
            self.store.record_feed_item(
                feed.id, guid=entry.guid, link=entry.link, content_hash="", article_id=known.article_id, now=now
            )
            return LoadOutcome(origin, "duplicate", known.reason, known.article_id, entry.title)
        try:
            draft = self._draft(title, entry, origin)
        except IngestError as error:
            self.store.record_failure(origin, error.user_message, FEEDS_USER.key)
            self.store.record_feed_item(
                feed.id, guid=entry.guid, link=entry.link, content_hash="", article_id=None, now=now
            )
            return LoadOutcome(origin, "failed", error.user_message, title=entry.title)
        outcome = self.service.store_draft(draft, FEEDS_USER)
        self.store.record_feed_item(
            feed.id,
            guid=entry.guid,
            link=entry.link,
            content_hash=content_hash(draft.paragraphs),
            article_id=outcome.article_id,
            now=now,
        )
        return outcome

    def _draft(self, feed_title: str, entry: FeedEntry, origin: str) -> ArticleDraft:
        own = html_paragraphs(entry.content_html or entry.summary_html) or [entry.summary_text]
        own_chars = sum(len(p) for p in own)
        if own_chars >= FULL_TEXT_CHARS or not entry.link:
            return self._entry_draft(feed_title, entry, own, origin)
        try:
            page = fetch_article(
                entry.link,
                allow_private=self.settings.allow_private_urls,
                limits=self.service.limits,
                max_page_bytes=self.settings.max_upload_bytes,
                timeout=self.timeout,
            )
        except IngestError as error:
            if own_chars >= MIN_ENTRY_CHARS:
                return self._entry_draft(feed_title, entry, own, origin)
            raise IngestError(f"{error.user_message} The feed entry alone is too short to load.") from error
        return replace(page, published=page.published or entry.published[:10], origin=origin)

    def _entry_draft(self, feed_title: str, entry: FeedEntry, paragraphs: list[str], origin: str) -> ArticleDraft:
        if sum(len(p) for p in paragraphs) < MIN_ENTRY_CHARS:
            raise IngestError("The feed entry has too little text to load and no article page.")
        draft = ArticleDraft(
            title=entry.title or headline_from(paragraphs[0]),
            paragraphs=tuple(paragraphs),
            source=feed_title or (urlsplit(entry.link).hostname or ""),
            published=entry.published[:10],
            url=entry.link,
            origin=origin,
        )
        check_limits(draft, self.service.limits)
        return draft

    def _failed(self, feed: Feed, now: datetime, error: str) -> FeedPoll:
        failures = feed.failures + 1
        wait = backoff_seconds(failures, self.interval.total_seconds(), MAX_BACKOFF_SECONDS)
        next_poll = now + timedelta(seconds=wait)
        self.store.feed_failed(feed.id, now=now, next_poll=next_poll, failures=failures, error=error)
        return FeedPoll(feed, "failed", error=error, next_poll_at=iso(next_poll))

    def _fetch(self, url: str, etag: str | None, last_modified: str | None) -> Fetched:
        return fetch(
            url,
            allow_private=self.settings.allow_private_urls,
            max_bytes=MAX_FEED_BYTES,
            timeout=self.timeout,
            accept=FEED_TYPES,
            etag=etag,
            last_modified=last_modified,
        )
