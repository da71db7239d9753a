"""Daily digests: what each subscription gets (``DigestComposer``) and sending the due ones once (``DigestRunner``).

A digest holds the articles loaded since the subscription's previous digest (an article-id
watermark, so each article is delivered once), filtered by its topic and speaker through the same
``Retriever`` that answers questions, best first, then newest first.

Delivery belongs to the adapters, through one ``Deliver`` callable per platform:
``deliver(subscription, reply)`` returns once the platform has accepted the message, raises
``DeliveryBlocked`` when the chat is gone for good (the bot was blocked, the chat deleted or
archived: that subscription is turned off) and ``DeliveryFailed`` for anything worth retrying (the
day's claim is released, so the next run tries again). See ``bot.store.subscriptions`` for how a
digest is claimed, finished or released, which is what makes it go out once per local day.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from bot.config import Settings
from bot.ingest.text import first_sentence
from bot.models import Citation, Hit, Reply, Subscription
from bot.retrieval import Retriever
from bot.retrieval.query import Question
from bot.schedule import digest_day, scheduled_instant
from bot.store.protocol import StoreProtocol

log = logging.getLogger(__name__)

STALE_CLAIM = timedelta(minutes=10)  # a claim this old belongs to a run that died mid-send
SUMMARY_CHARS = 320  # a second lead sentence is added only while the summary stays this short
ALL_HITS = 100_000  # ask the retriever for every matching paragraph, not a page


class DeliveryError(Exception):
    """A platform did not take a digest; raised by a ``Deliver`` callable."""


class DeliveryBlocked(DeliveryError):
    """The chat is gone for good (bot blocked, chat deleted or archived): stop sending there."""


class DeliveryFailed(DeliveryError):
    """A failure worth retrying later (network error, rate limit, server error)."""


Deliver = Callable[[Subscription, Reply], None]


@dataclass(frozen=True)
class Digest:
    """One subscription's new articles, best first, each as a ``Hit`` whose text is its summary."""

    subscription: Subscription
    items: tuple[Hit, ...]
    watermark: int  # the highest article id this digest covers; the next one starts after it


@dataclass(frozen=True)
class DueDigest:
    """A subscription whose digest for local ``day`` has not gone out yet."""

    subscription: Subscription
    day: date


@dataclass(frozen=True)
class DigestRun:
    """What one run did: digests sent, skipped (nothing new, no deliverer, taken), failed, turned off."""

    sent: int = 0
    skipped: int = 0
    failed: int = 0
    deactivated: int = 0

    def summary(self) -> str:
        """E.g. "3 sent, 1 skipped, 0 failed", with the deactivated count when there is one."""
        text = f"{self.sent} sent, {self.skipped} skipped, {self.failed} failed"
        return text + (f", {self.deactivated} deactivated" if self.deactivated else "")


def subject(topic: str, speaker: str) -> str:
    """What a subscription covers, e.g. "what Imomi says about oil"."""
    if speaker:
        return f"what {speaker} says" + (f" about {topic}" if topic else "")
    return f"articles about {topic}" if topic else "all new articles"


def summarise(text: str) -> str:
    """The first one or two sentences of a paragraph, as an extractive summary."""
    first = first_sentence(text)
    rest = text.strip()[len(first) :].strip()
    if rest:
        both = f"{first} {first_sentence(rest)}"
        if len(both) <= SUMMARY_CHARS:
            return both
    return first


class DigestComposer:
    """Chooses the items of each subscription's digest, covering articles up to ``upto``.

    Results are cached per filter and watermark, so subscriptions that share them are composed
    once; make a new composer for each run, as the cache never forgets.
    """

    def __init__(self, store: StoreProtocol, retriever: Retriever, upto: int) -> None:
        self.store = store
        self.retriever = retriever
        self.upto = upto
        self._items: dict[tuple[str, str, int], tuple[Hit, ...]] = {}
        self._leads: dict[int, str] = {}

    def compose(self, subscription: Subscription) -> Digest:
        """The subscription's digest: its new articles that match its topic and speaker."""
        s = subscription
        key = (s.speaker, s.topic, s.last_article_id)
        if key not in self._items:
            if s.speaker or s.topic:
                self._items[key] = self._matching(s.speaker, s.topic, s.last_article_id)
            else:
                self._items[key] = self._all_new(s.last_article_id)
        return Digest(s, self._items[key], max(self.upto, s.last_article_id))

    def _all_new(self, after: int) -> tuple[Hit, ...]:
        """Every new article, newest first."""
        articles = self.store.articles_between(after, self.upto)
        items = [
            Hit(a.id, 0, self._lead(a.id), 0.0, (), Citation(a.title, a.source, a.published, a.url)) for a in articles
        ]
        return tuple(sorted(items, key=_relevance_then_recency, reverse=True))

    def _matching(self, speaker: str, topic: str, after: int) -> tuple[Hit, ...]:
        """New articles with paragraphs that answer the subscription as a question, best first."""
        question = Question(subject(topic, speaker), speaker=speaker, topic=topic)
        answer = self.retriever.answer(question, limit=ALL_HITS, after_article=after, own_words_only=True)
        best: dict[int, Hit] = {}
        for hit in answer.hits:
            if hit.article_id <= self.upto:
                best.setdefault(hit.article_id, hit)
        items = []
        for hit in best.values():
            # A speaker's subscribers want what was said; a topic's, what happened (the lead).
            if speaker:
                text, index, speakers = summarise(hit.text), hit.paragraph_index, hit.speakers
            else:
                text, index, speakers = self._lead(hit.article_id), 0, ()
            items.append(Hit(hit.article_id, index, text, hit.score, speakers, hit.citation))
        return tuple(sorted(items, key=_relevance_then_recency, reverse=True))

    def _lead(self, article_id: int) -> str:
        if article_id not in self._leads:
            paragraphs = self.store.paragraphs_of(article_id)
            self._leads[article_id] = summarise(paragraphs[0]) if paragraphs else ""
        return self._leads[article_id]


def _relevance_then_recency(hit: Hit) -> tuple[float, str, int]:
    return hit.score, hit.citation.published, hit.article_id


def digest_reply(digest: Digest, limit: int, *, send_empty: bool) -> Reply | None:
    """The message for a digest, capped at ``limit`` items; None when there is nothing to send."""
    s = digest.subscription
    if not digest.items:
        return Reply(f"Nothing new today{_scope(s.topic, s.speaker)}.") if send_empty else None
    return _items_reply(
        f"Your daily digest — {subject(s.topic, s.speaker)}", digest.items, limit, _ask_hint(s.topic, s.speaker)
    )


def preview_reply(digests: Sequence[Digest], limit: int) -> Reply:
    """Several subscriptions' digests as one message (each article once), for ``/digest``."""
    merged: dict[int, Hit] = {}
    for digest in digests:
        for hit in digest.items:
            merged.setdefault(hit.article_id, hit)
    subjects = "; ".join(dict.fromkeys(subject(d.subscription.topic, d.subscription.speaker) for d in digests))
    if not merged:
        return Reply(f"Nothing new since your last digest ({subjects}).")
    only = digests[0].subscription if len(digests) == 1 else None
    hint = _ask_hint(only.topic, only.speaker) if only else "ask me about any of them"
    return _items_reply(f"Today's digest so far — {subjects}", tuple(merged.values()), limit, hint)


def _items_reply(heading: str, items: tuple[Hit, ...], limit: int, hint: str) -> Reply:
    count = f"{len(items)} new article" + ("" if len(items) == 1 else "s")
    more = len(items) - limit
    footer = f"…and {more} more — {hint}." if more > 0 else ""
    return Reply(f"{heading} ({count}):", quotes=items[:limit], footer=footer)


def _scope(topic: str, speaker: str) -> str:
    """What "Nothing new today" is about: " from Imomi on oil", " on oil", or nothing."""
    return (f" from {speaker}" if speaker else "") + (f" on {topic}" if topic else "")


def _ask_hint(topic: str, speaker: str) -> str:
    if speaker:
        return f"ask me what {speaker} said" + (f" about {topic}" if topic else "")
    return f"ask me about {topic}" if topic else "type /articles to list them"


def _iso(instant: datetime) -> str:
    return instant.astimezone(UTC).isoformat(timespec="seconds")


class DigestRunner:
    """Sends each due digest once per subscription and local day, driven by the store, not by timers."""

    def __init__(
        self, store: StoreProtocol, retriever: Retriever, settings: Settings, *, stale_after: timedelta = STALE_CLAIM
    ) -> None:
        self.store = store
        self.retriever = retriever
        self.settings = settings
        self.stale_after = stale_after

    def due(self, now: datetime) -> list[DueDigest]:
        """The digests due at ``now``: today's (in each subscriber's zone) once its time has come.

        Only the current local day is ever due, so after downtime one digest goes out, not a backlog;
        a subscription made after today's time gets its first digest tomorrow.
        """
        candidates = []
        for s in self.store.active_subscriptions():
            day = digest_day(now, s.local_time, s.zone)
            if day is not None and scheduled_instant(day, s.local_time, s.zone) >= _created(s):
                candidates.append(DueDigest(s, day))
        done = self.store.digest_days_done({c.day for c in candidates}, stale_before=_iso(now - self.stale_after))
        return [c for c in candidates if (c.subscription.id, c.day) not in done]

    def run_due(self, now: datetime, deliverers: Mapping[str, Deliver]) -> DigestRun:
        """Send every digest due at ``now`` through its platform's deliverer; one failure stops nothing."""
        composer = DigestComposer(self.store, self.retriever, self.store.latest_article_id())
        outcomes = Counter(
            self._send(due, now, composer, deliverers.get(due.subscription.platform)) for due in self.due(now)
        )
        return DigestRun(**outcomes)

    def preview(self, subscriptions: Sequence[Subscription]) -> Reply:
        """What these subscriptions' next digests hold right now, without using them up."""
        composer = DigestComposer(self.store, self.retriever, self.store.latest_article_id())
        return preview_reply([composer.compose(s) for s in subscriptions], self.settings.digest_limit)

    def _send(self, due: DueDigest, now: datetime, composer: DigestComposer, deliver: Deliver | None) -> str:
        """Claim, compose, deliver and record one digest; returns the name of the ``DigestRun`` count."""
        s, day = due.subscription, due.day
        if deliver is None:
            log.info("Digest %s for %s skipped: no deliverer for %s in this process", s.id, s.chat_key, s.platform)
            return "skipped"
        token, stamp = uuid.uuid4().hex, _iso(now)
        if not self.store.claim_digest(s.id, day, token=token, now=stamp, stale_before=_iso(now - self.stale_after)):
            return "skipped"  # another run holds it or has just finished it
        try:
            digest = composer.compose(s)
            reply = digest_reply(digest, self.settings.digest_limit, send_empty=self.settings.digest_send_empty)
            if reply is not None:
                deliver(s, reply)
        except DeliveryBlocked as error:
            log.warning("Digest %s: %s is unreachable (%s); turning the subscription off", s.id, s.chat_key, error)
            self.store.release_digest(s.id, day, token=token)
            self.store.deactivate_subscriptions([s.id])
            return "deactivated"
        except Exception as error:
            # One broken chat or bug must not stop everyone else's digest; a later run retries this one.
            log.warning(
                "Digest %s to %s failed, will retry: %r",
                s.id,
                s.chat_key,
                error,
                exc_info=not isinstance(error, DeliveryFailed),
            )
            self.store.release_digest(s.id, day, token=token)
            return "failed"
        status = "empty" if reply is None else "sent"
        if not self.store.finish_digest(
            s.id,
            day,
            token=token,
            status=status,
            now=stamp,
            article_count=len(digest.items),
            watermark=digest.watermark,
        ):
            log.warning("Digest %s for %s: the claim went stale during delivery and was taken over", s.id, day)
        return "skipped" if reply is None else "sent"


def _created(subscription: Subscription) -> datetime:
    created = datetime.fromisoformat(subscription.created_at) if subscription.created_at else datetime.min
    return created if created.tzinfo else created.replace(tzinfo=UTC)
