"""``BriefingService``: the one façade every adapter calls (questions, follow-ups, loading, admin tools)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bot import metrics
from bot import subscriptions as subscribing
from bot.admin_text import audit_detail, feed_count
from bot.attribution import attribute
from bot.config import Settings
from bot.conversation import Context, conversations_for
from bot.digest import Deliver, DigestRun, DigestRunner
from bot.errors import BadQuestion, NotAllowed, NothingFound, SlowDown
from bot.follow_ups import FollowUps
from bot.full_article import full_article, which_article
from bot.ingest import Failed, Limits, Parsed, parse_document, parse_pasted, parse_paths
from bot.loading import Prepared, article_stems, gather_aliases, person_speech, prepared_batches
from bot.models import Answer, Article, ArticleDraft, Chat, Hit, LoadOutcome, LoadReport, Reattribution, Reply, User
from bot.retrieval import Retriever, any_of, content_words
from bot.retrieval.query import Question, questions_in
from bot.store import AddResult
from bot.store.audit import AuditEntry
from bot.store.feeds import Feed
from bot.store.protocol import StoreProtocol
from bot.throttle import Throttle
from bot.url_load import is_web_address, load_page

if TYPE_CHECKING:
    from bot.feeds_poller import FeedPoller, PollReport

log = logging.getLogger(__name__)

SYSTEM_USER = User("system", "bundled")
# Articles stored per transaction: enough to amortise the commit, the index flush and the rewriting of the
# people indexes' pages that every batch touches (at 100,000 articles, 0.68 ms of the writer's CPU an article
# in batches of 200, 0.57 in batches of 1,000), few to redo after a crash.
LOAD_BATCH = 1000
# A load this big leaves the full-text index in many small segments; merging them costs about a second
# per 10,000 articles and makes AND queries several times faster.
OPTIMIZE_AFTER = 1000


def utc_now() -> datetime:
    """The current time, timezone-aware (the default clock)."""
    return datetime.now(UTC)


class BriefingService:
    """Answers questions from the store and runs the admin commands, for any adapter."""

    def __init__(self, store: StoreProtocol, settings: Settings, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self.retriever = Retriever(store)
        self.follow_ups = FollowUps(self.retriever)
        # In memory for SQLite; in the store for PostgreSQL, so any replica can continue a conversation.
        self.conversations = conversations_for(store, clock)
        self.throttle = Throttle(settings.questions_per_minute, clock)
        self.digests = DigestRunner(store, self.retriever, settings)

    # Questions

    def warm_up(self) -> None:
        """Read every name and role alias into memory now, so the first misspelt name asked need not: in an
        archive of 100,000 articles that read takes about two seconds. Safe beside questions being answered."""
        self.retriever.speakers.load_aliases()

    def ask(self, question: str | Question, *, limit: int | None = None, offset: int = 0) -> Answer:
        """Answer one question with up to ``limit`` paragraphs after the first ``offset``."""
        self._check_question(question if isinstance(question, str) else question.text)
        metrics.QUESTIONS.inc()
        with metrics.ANSWER_SECONDS.time():
            return self.retriever.answer(question, limit=limit or self.settings.page_size, offset=offset)

    def ask_in_chat(self, user: User, conversation: str, text: str) -> Reply:
        """Answer a chat question, reading follow-ups ("and about gas?") against the conversation so far."""
        self._check_question(text)
        # The local console user is trusted; chat users share the bot and are limited.
        if user.platform != "console" and not self.throttle.allow(user.key):
            raise SlowDown(
                f"You're asking faster than I can keep up with — please slow down "
                f"(up to {self.settings.questions_per_minute} questions a minute)."
            )
        *first, question = self.follow_ups.readings(text, self.conversations.get(conversation))
        for reading in first:  # a reading from the conversation, kept if it finds anything
            if not (answer := self.ask(reading)).no_match:
                question = reading
                break
        else:
            answer = self.ask(question)
        if answer.read_as:  # "edward" was Edward Leigh: "and about the budget?" asks him
            question = replace(question, speaker=answer.read_as.speaker, topic=answer.read_as.topic)
        # Asking nothing ("what?") leaves the conversation be; "any news?" pages on with "more".
        if question.speaker or content_words(question.topic) or answer.hits:
            self.conversations.put(conversation, Context(question, len(answer.hits)))
        if later := questions_in(text)[1:]:  # one answer a message: the others are named, not dropped unsaid
            asked = "; ".join(f"“{other.text}”" for other in later)
            return replace(reply_for(answer), footer=f"You also asked {asked}: send it on its own and I'll answer it.")
        return reply_for(answer)

    def more(self, conversation: str) -> Reply:
        """The next page of the conversation's last question."""
        context = self.conversations.get(conversation)
        if context is None:
            return Reply("There is no earlier question to continue — ask me one first.")
        answer = self.ask(context.question, offset=context.shown)
        self.conversations.put(conversation, Context(context.question, context.shown + len(answer.hits)))
        if not answer.hits:
            return Reply("That's everything I have on that question.")
        return reply_for(answer)

    def read(self, conversation: str, article_id: int | None = None) -> Reply:
        """An article in full: the one numbered, else the one the conversation's last answer quotes first."""
        if article_id is not None:
            return full_article(self.store, article_id)
        hits = self._quoted_above(conversation)
        if not hits:
            asked_first = "or ask me a question first: I'll show the article it quotes first"
            raise BadQuestion(f"{which_article('read')}, {asked_first}.")
        return full_article(self.store, hits[0].article_id)

    def asked_about(self, conversation: str, typed: str) -> bool:
        """Whether a typed name means the person the conversation's last question asked about ("where did brown say
        that?" after Gordon Brown's words; not after Imomi's, where it asks about Brown)."""
        return self.follow_ups.same_person(typed, self.conversations.get(conversation))

    def sources(self, conversation: str) -> Reply:
        """Where the quotes shown for the conversation's last question come from ("when was that?"), one line per
        article, in the order first quoted."""
        quoted = self._quoted_above(conversation)
        if not quoted:
            return Reply(
                "There are no quotes above to source yet: each one I give comes with its article's title, source,"
                " date and link."
            )
        citations = dict.fromkeys(hit.citation for hit in quoted)
        lines = [
            f"• “{c.title}” — " + ", ".join(part for part in (c.source, c.published[:10], c.url) if part)
            for c in citations
        ]
        return Reply("The quotes so far come from:\n" + "\n".join(lines))

    def _quoted_above(self, conversation: str) -> tuple[Hit, ...]:
        """The paragraphs the conversation's last answer showed: its pages so far, or the nearest it offered with
        a no-match ("when was that?" after them had been told there were no quotes above)."""
        context = self.conversations.get(conversation)
        if context is None:
            return ()
        answer = self.ask(context.question, limit=max(context.shown, 1))
        return answer.hits if context.shown else answer.alternatives

    def _check_question(self, question: str) -> None:
        if len(question) > self.settings.max_question_chars:
            raise BadQuestion(
                f"That question is too long ({len(question):,} characters); "
                f"please keep it under {self.settings.max_question_chars:,}."
            )

    # Loading

    def is_admin(self, user: User) -> bool:
        """Whether the user may load and delete articles (by stable platform id; the console is trusted)."""
        return user.platform in ("console", "system") or user.key in self.settings.admins

    def require_admin(self, user: User, action: str) -> None:
        """Raise ``NotAllowed`` unless the user is an admin."""
        if not self.is_admin(user):
            raise NotAllowed(f"Sorry, only admins can {action}.")

    @property
    def limits(self) -> Limits:
        """The size limits for one article."""
        return Limits(max_bytes=self.settings.max_article_bytes, max_paragraphs=self.settings.max_paragraphs)

    def load_paths(self, paths: Iterable[Path], *, by: User, source: str = "") -> LoadReport:
        """Load files and directories; every file is reported as loaded, duplicate or failed."""
        self.require_admin(by, "load articles")
        return self._store_all(parse_paths(paths, source=source, limits=self.limits), by)

    def load_drafts(self, drafts: Iterable[ArticleDraft], *, by: User) -> LoadReport:
        """Load already parsed articles (a generator is fine), in batched transactions."""
        self.require_admin(by, "load articles")
        return self._store_all(drafts, by)

    def load_document(self, user: User, name: str, data: bytes) -> LoadReport:
        """Load an uploaded file's bytes."""
        self.require_admin(user, "load articles")
        return self._store_all(parse_document(data, name, limits=self.limits), user)

    def load_text(self, user: User, text: str) -> LoadReport:
        """Load an article pasted into the chat."""
        self.require_admin(user, "load articles")
        if not text.strip():
            raise BadQuestion("Paste the article after /load, attach a file, or reply to a message holding it.")
        return self._store_all([parse_pasted(text, limits=self.limits)], user)

    def load_bundled(self) -> LoadReport | None:
        """Load the bundled articles into an empty store, so a fresh install can answer at once."""
        directory = self.settings.articles_dir
        if self.store.article_count() or not directory.is_dir():
            return None
        return self.load_paths([directory], by=SYSTEM_USER)

    def _store_all(self, parsed: Iterable[Parsed], by: User) -> LoadReport:
        outcomes: list[LoadOutcome] = []
        for batch, prepared in prepared_batches(parsed, LOAD_BATCH):
            outcomes += self._store_batch(batch, prepared, by)
        report = LoadReport(tuple(outcomes))
        loaded = len(report.with_status("loaded"))
        if loaded >= OPTIMIZE_AFTER:
            # A whole index merge costs as much as the archive, so it is for loads that at least double it
            # (a first load); a load into a large archive merges only its own segments (4,000 articles into
            # 100,000: 3.3 s of a 9.6 s load for the whole merge, 0.02 s for its own).
            if 2 * loaded >= self.store.article_count():
                self.store.optimize_index()
            else:
                self.store.merge_index()
        for outcome in outcomes:
            metrics.LOADS.inc(status=outcome.status)
        self.audit(by, "load", audit_detail(report))
        return report

    def _store_batch(self, batch: list[Parsed], prepared: list[Prepared], by: User) -> list[LoadOutcome]:
        """Store a batch's articles in one transaction (attributed before it, so the write lock is brief)."""
        drafts = [item for item in batch if isinstance(item, ArticleDraft)]
        speech = [(d, people) for d, (people, _) in zip(drafts, prepared, strict=True)]
        stems = [article_stems for _, article_stems in prepared]
        results = iter(self.store.add_articles(speech, loaded_by=by.key, stems=stems))
        outcomes = []
        for item in batch:
            if isinstance(item, Failed):
                self.store.record_failure(item.origin, item.reason, by.key)
                outcomes.append(LoadOutcome(item.origin, "failed", item.reason))
            else:
                outcomes.append(_outcome(item, next(results)))
        return outcomes

    def store_draft(self, draft: ArticleDraft, by: User) -> LoadOutcome:
        """Store one parsed article with who speaks where (whole or not at all) and say what happened."""
        people = person_speech(attribute(draft.paragraphs, draft.title))
        result = self.store.add_article(draft, loaded_by=by.key, people=people, stems=article_stems(draft))
        return _outcome(draft, result)

    def reattribute(self) -> Reattribution:
        """Re-run speaker attribution and stemming over every stored article (after the rules improve).

        Stems are stored per article for story matching, so they are refreshed too, and people's aliases are made
        those the rules now give (an alias is a person's across articles, so they are replaced at the end, at once).
        """
        article_ids = self.store.article_ids()
        aliases: dict[str, dict[str, str]] = {}
        corrected = 0  # aliases given in a surer kind as the articles are read
        for article_id in article_ids:
            article = self.store.get_article(article_id)
            if article is not None:
                draft = ArticleDraft(article.title, tuple(self.store.paragraphs_of(article_id)))
                people = person_speech(attribute(draft.paragraphs, draft.title))
                gather_aliases(aliases, people)
                corrected += self.store.replace_people(article_id, people, stems=article_stems(draft))
        self.store.delete_orphan_people()
        return Reattribution(len(article_ids), corrected + self.store.replace_aliases(aliases))

    # Daily digests

    def subscribe(self, user: User, chat: Chat, args: str) -> Reply:
        """Subscribe the chat to a daily digest as ``args`` describes; stored before it is acknowledged."""
        return subscribing.subscribe(
            self.store, self.settings, user, chat, args, self.clock(), self.retriever.reader.unheard_of
        )

    def reschedule(self, user: User, chat: Chat, args: str) -> Reply:
        """Move one of the chat's digests to another time or zone (someone else's only for an admin)."""
        is_admin, now = self.is_admin(user), self.clock()
        return self._changing_digests(
            user,
            chat,
            "reschedule",
            lambda: subscribing.reschedule(self.store, self.settings, user, chat, args, now, is_admin=is_admin),
        )

    def unsubscribe(self, user: User, chat: Chat, args: str) -> Reply:
        """Stop digests: the ids in ``args``, or all of the user's in this chat for "" or "all"."""
        is_admin = self.is_admin(user)
        return self._changing_digests(
            user, chat, "unsubscribe", lambda: subscribing.unsubscribe(self.store, user, chat, args, is_admin=is_admin)
        )

    def _changing_digests(self, user: User, chat: Chat, action: str, change: Callable[[], Reply]) -> Reply:
        """Run a digest command; someone else's digest it stopped or moved (an admin power) goes to the audit log
        like the other admin actions."""
        others = {s.id: s for s in self.store.chat_subscriptions(chat.platform, chat.id) if s.user_key != user.key}
        reply = change()
        after = {s.id: s for s in self.store.chat_subscriptions(chat.platform, chat.id)}
        # Stopped, or sent at another time (not a digest going out meanwhile, which moves its watermark).
        changed = [
            s
            for i, s in others.items()
            if i not in after or (after[i].local_time, after[i].zone) != (s.local_time, s.zone)
        ]
        if changed:
            detail = ", ".join(f"#{s.id} of {s.user_key}" for s in changed)
            self.audit(user, action, f"{detail} in {chat.key}")
        return reply

    def subscriptions(self, user: User, chat: Chat) -> Reply:
        """The chat's digest subscriptions with their ids."""
        return subscribing.list_subscriptions(self.store, user, chat)

    def digest_now(self, user: User, chat: Chat) -> Reply:
        """A preview of the chat's next digests as they stand now; nothing is marked as sent."""
        found = self.store.chat_subscriptions(chat.platform, chat.id)
        if not found:
            return Reply("No digests are set up in this chat. Try /subscribe, or /subscribe oil at 7am.")
        return self.digests.preview(found)

    def run_digests(self, now: datetime, deliverers: Mapping[str, Deliver]) -> DigestRun:
        """Send every digest due at ``now`` through its platform's deliverer, each once per local day."""
        run = self.digests.run_due(now, deliverers)
        for status in ("sent", "failed", "deactivated"):
            metrics.DIGESTS.inc(getattr(run, status), status=status)
        return run

    # Browsing and admin tools

    def recent_articles(self, query: str = "", limit: int = 10) -> list[Article]:
        """Recent articles, optionally only those with paragraphs matching the query's words."""
        if not query.strip():
            return self.store.recent_articles(limit)
        terms = any_of(content_words(query))
        if not terms:
            return self.store.recent_articles(limit)
        ids = sorted({row.article_id for row in self.store.search(terms, limit=500)})
        return self.store.recent_articles(limit, article_ids=ids)

    def delete(self, user: User, article_id: int) -> Reply:
        """Delete an article by id."""
        self.require_admin(user, "delete articles")
        article = self.store.delete_article(article_id)
        if article is None:
            raise NothingFound(f"There is no article {article_id}.")
        self.store.delete_orphan_people()
        self.audit(user, "delete", f"#{article_id} {article.title}")
        return Reply(f"Deleted article {article_id}: {article.title}")

    def stats(self, user: User) -> dict[str, int]:
        """Counts of what the store holds."""
        self.require_admin(user, "see the statistics")
        return self.store.stats()

    # Web pages, feeds and the audit log

    def load_url(self, user: User, url: str) -> LoadReport:
        """Fetch a web page and load its article; a page that can't be had is reported, nothing stored."""
        self.require_admin(user, "load articles")
        page = load_page(
            url,
            allow_private=self.settings.allow_private_urls,
            limits=self.limits,
            max_page_bytes=self.settings.max_upload_bytes,
        )
        return self._store_all([page], user)

    @cached_property
    def feed_poller(self) -> FeedPoller:
        """The one poller of this service's feeds (one, so two polling rounds never overlap)."""
        from bot.feeds_poller import FeedPoller  # feedparser is only needed once feeds are used

        return FeedPoller(self, self.settings, self.clock)

    def add_feed(self, user: User, url: str) -> tuple[Feed, bool]:
        """Follow a feed after fetching it once to check it; gives the feed and whether it is new."""
        self.require_admin(user, "manage feeds")
        if not is_web_address(url):
            raise BadQuestion("Give the feed's web address, e.g. /feeds add https://example.com/rss.xml")
        url = url.strip()
        existing = self.store.feed_by_url(url)
        if existing is not None:
            return existing, False
        title = self.feed_poller.check(url)
        feed, added = self.store.add_feed(url, title, added_by=user.key, now=self.clock())
        self.audit(user, "feeds.add", f"#{feed.id} {url}")
        return feed, added

    def remove_feed(self, user: User, ref: str) -> Feed:
        """Stop following a feed named by its id (``3`` or ``#3``) or its address."""
        self.require_admin(user, "manage feeds")
        ref = ref.strip()
        found = self.store.get_feed(int(ref.lstrip("#"))) if ref.lstrip("#").isdigit() else self.store.feed_by_url(ref)
        removed = self.store.remove_feed(found.id) if found else None
        if removed is None:
            raise NothingFound(f"There is no feed {ref or '(none given)'}; /feeds list shows them.")
        self.audit(user, "feeds.remove", f"#{removed.id} {removed.url}")
        return removed

    def feeds(self, user: User) -> list[Feed]:
        """Every followed feed with its polling state."""
        self.require_admin(user, "see the feeds")
        return self.store.feeds()

    def poll_feeds(self, user: User) -> PollReport:
        """Poll every feed now, due or not."""
        self.require_admin(user, "poll the feeds")
        report = self.feed_poller.poll_all()
        self.audit(user, "feeds.poll", f"{feed_count(report)}: {audit_detail(report.loads)}")
        return report

    def poll_due_feeds(self) -> PollReport:
        """Poll the feeds that are due: what adapters schedule about once a minute."""
        from bot.feeds_poller import FEEDS_USER

        report = self.feed_poller.poll_due()
        # Scheduled rounds are logged only when they changed something, or the log drowns in them.
        if report.loads.outcomes:
            self.audit(FEEDS_USER, "feeds.poll", f"{feed_count(report)}: {audit_detail(report.loads)}")
        return report

    def audit_log(self, user: User, limit: int = 20) -> list[AuditEntry]:
        """The latest admin actions, newest first."""
        self.require_admin(user, "read the audit log")
        return self.store.audit_entries(limit)

    def audit(self, user: User, action: str, detail: str) -> None:
        """Record an admin action in the audit log."""
        self.store.record_audit(at=self.clock(), user_key=user.key, action=action, detail=detail)


def _outcome(draft: ArticleDraft, result: AddResult) -> LoadOutcome:
    """The load report line for a stored (or duplicate) article."""
    paragraphs = len(draft.paragraphs)
    return LoadOutcome(draft.origin, result.status, result.reason, result.article_id, draft.title, paragraphs)


def reply_for(answer: Answer) -> Reply:
    """The chat reply for an answer: the paragraphs, or the plain no-match sentence (with any nearest paragraphs
    it offers)."""
    if answer.no_match:
        return Reply(answer.message, quotes=answer.alternatives)
    return Reply(answer.message, quotes=answer.hits, more=answer.has_more)
