"""``BriefingService``: the one façade every adapter calls (questions, follow-ups, loading, admin tools)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from bot.attribution import ArticleAttribution, attribute
from bot.config import Settings
from bot.conversation import Context, Conversations
from bot.errors import BadQuestion, NotAllowed, NothingFound, SlowDown
from bot.ingest import Failed, Limits, Parsed, parse_document, parse_pasted, parse_paths
from bot.models import Answer, Article, ArticleDraft, LoadOutcome, LoadReport, Reply, User
from bot.retrieval import Retriever, any_of, content_words
from bot.retrieval.query import Question, parse_follow_up, parse_question
from bot.store import Store
from bot.store.articles import PersonSpeech
from bot.throttle import Throttle

log = logging.getLogger(__name__)

SYSTEM_USER = User("system", "bundled")


def utc_now() -> datetime:
    """The current time, timezone-aware (the default clock)."""
    return datetime.now(UTC)


class BriefingService:
    """Answers questions from the store and runs the admin commands, for any adapter."""

    def __init__(self, store: Store, settings: Settings, *, clock: Callable[[], datetime] = utc_now) -> None:
        self.store = store
        self.settings = settings
        self.clock = clock
        self.retriever = Retriever(store)
        self.conversations = Conversations(clock)
        self.throttle = Throttle(settings.questions_per_minute, clock)

    # Questions

    def ask(self, question: str | Question, *, limit: int | None = None, offset: int = 0) -> Answer:
        """Answer one question with up to ``limit`` paragraphs after the first ``offset``."""
        self._check_question(question if isinstance(question, str) else question.text)
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
        question = self._in_context(text, self.conversations.get(conversation))
        answer = self.ask(question)
        self.conversations.put(conversation, Context(question, len(answer.hits)))
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

    @staticmethod
    def _in_context(text: str, context: Context | None) -> Question:
        """The question a message asks, taking the speaker from the conversation when it is a follow-up."""
        follow_up = parse_follow_up(text)
        if follow_up is None or context is None:
            return parse_question(text)
        return Question(text, speaker=context.question.speaker, topic=follow_up.topic)

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
        return LoadReport(tuple(self._store_one(item, by) for item in parsed))

    def _store_one(self, item: Parsed, by: User) -> LoadOutcome:
        if isinstance(item, Failed):
            self.store.record_failure(item.origin, item.reason, by.key)
            return LoadOutcome(item.origin, "failed", item.reason)
        return self.store_draft(item, by)

    def store_draft(self, draft: ArticleDraft, by: User) -> LoadOutcome:
        """Store one parsed article with who speaks where (whole or not at all) and say what happened."""
        people = person_speech(attribute(draft.paragraphs, draft.title))
        result = self.store.add_article(draft, loaded_by=by.key, people=people)
        paragraphs = len(draft.paragraphs)
        return LoadOutcome(draft.origin, result.status, result.reason, result.article_id, draft.title, paragraphs)

    def reattribute(self) -> int:
        """Re-run speaker attribution over every stored article (after the rules improve); returns the count."""
        article_ids = self.store.article_ids()
        for article_id in article_ids:
            article = self.store.get_article(article_id)
            if article is not None:
                paragraphs = self.store.paragraphs_of(article_id)
                self.store.replace_people(article_id, person_speech(attribute(paragraphs, article.title)))
        self.store.delete_orphan_people()
        return len(article_ids)

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
        return Reply(f"Deleted article {article_id}: {article.title}")

    def stats(self, user: User) -> dict[str, int]:
        """Counts of what the store holds."""
        self.require_admin(user, "see the statistics")
        return self.store.stats()


def person_speech(attribution: ArticleAttribution) -> PersonSpeech:
    """The store's record of an article's attribution: aliases, and speakers and mentions per paragraph."""
    aliases = {
        person.name: tuple((alias, "name") for alias in person.aliases) + tuple((role, "role") for role in person.roles)
        for person in attribution.people
    }
    return PersonSpeech(
        aliases=aliases,
        speakers=[p.speakers for p in attribution.paragraphs],
        mentions=[p.mentions for p in attribution.paragraphs],
    )


def reply_for(answer: Answer) -> Reply:
    """The chat reply for an answer: the paragraphs, or the plain no-match sentence."""
    if answer.no_match:
        return Reply(answer.message)
    return Reply(answer.message, quotes=answer.hits, more=answer.has_more)
