"""A question asked again as a topic: its speaker's words read as part of what it asks.

Nobody is recorded as "toyota" or "jp morgan's bosses", yet a story about nearly all the question answers it
("what did toyota say about hybrid cars?"); and a guessed subject or a role whose holders' words a story covers
clearly less than another story covers the whole question is news on it, not their words ("is GM going to
build Cadillacs at the Saab plant?").
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.retrieval.query import Question
from bot.retrieval.ranked import MIN_ARTICLE_COVERAGE, RELATED_CREDIT, Ranked
from bot.retrieval.speaker_reading import a_crowd
from bot.retrieval.speakers import Speaker
from bot.retrieval.stories import Stories
from bot.retrieval.terms import Topic, stems_of
from bot.retrieval.topic_ranking import TopicRanker
from bot.retrieval.topic_reading import TopicReader
from bot.store.protocol import StoreProtocol

BETTER_STORY = 0.15  # a story covering this much more of a question answers it as a topic, not a guessed speaker
# ... and one covering this much of it, a speaker nobody is recorded as or a role none of whose holders speaks on it
WHOLE_QUESTION_COVERAGE = 0.85


class QuestionAsTopic:
    """Reads a question whole as a topic when its speaker does not answer it, and ranks it so."""

    def __init__(self, store: StoreProtocol, reader: TopicReader, topics: TopicRanker, stories: Stories) -> None:
        self.store = store
        self.reader = reader
        self.topics = topics
        self.stories = stories

    def for_nobody(
        self, parsed: Question, topic: Topic | None, after_article: int, wanted: int
    ) -> tuple[Question, Topic, list[Ranked]] | None:
        """A question whose speaker nobody is recorded as, read whole as a topic, with its ranking; None when no
        story is about nearly all of it.

        Nobody is recorded as "toyota" or "jp morgan's bosses": still, a story about nearly all the question
        answers it ("what did toyota say about hybrid cars?"), and without a topic, the stories about them ("what
        did u2 say?": the band's stories, their quotes first). A word no paragraph uses ("Frobisk") is in no
        story: then no topic search is spent on it.
        """
        whole = speaker_in_topic(parsed, joined=True)
        unheard = any(map(self.reader.unheard_of, parsed.speaker.split()))
        whole_topic = None if unheard else self.reader.topic(whole.topic)
        if whole_topic is None:
            return None
        ranked = self.topics.rank(whole_topic, after_article, wanted=wanted)
        if topic is None:
            # Every word of the name together, or no one: "nick smith" is not news of a Smith.
            if not ranked or whole_topic.matched(ranked[0].stems) < len(whole_topic.stems):
                return None
        elif not self._about_question(whole_topic, topic, ranked):
            return None
        # What was said is asked for: a paragraph where someone speaks (its lawyer, its spokesman) comes first.
        voiced = self.store.speakers_of([r.row.id for r in ranked[:wanted]])
        return whole, whole_topic, sorted(ranked, key=lambda r: r.row.id not in voiced)

    def for_speaker(
        self,
        parsed: Question,
        speaker: Speaker,
        topic: Topic | None,
        ranked: list[Ranked],
        guessed: bool,
        by_role: bool,
        after_article: int,
        wanted: int,
    ) -> tuple[Question, Topic, list[Ranked]] | None:
        """The whole question read as a topic, with its ranking, when a story covers it clearly better than the
        one the speaker's ``ranked`` answer stands in (or, when they have none, when a story is about it)."""
        # A subject guessed from the question's own clause reads on into it ("deng put a cap on grain imports"); a
        # crowd asked for its words is joined to the topic ("dealers and gold", not "dealers gold").
        whole = speaker_in_topic(parsed, joined=not guessed or a_crowd(parsed.speaker))
        whole_topic = self.reader.topic(whole.topic)
        # A topic search costs tens of milliseconds in a large archive: skipped when no story could
        # cover the question that much better than the person's own. A role matched in full names the
        # person in their story however it writes the role ("new york fed president": "New York Federal
        # Reserve Bank President Gerald Corrigan").
        named = by_role and not (guessed or speaker.qualifiers)
        spoken = self._story_coverage(whole_topic, ranked, also=stems_of(speaker.typed) if named else ())
        if whole_topic is None or spoken + BETTER_STORY > 1.0:
            return None
        as_topic = self.topics.rank(whole_topic, after_article, wanted=wanted)
        if ranked:
            switch = bool(as_topic) and self._story_coverage(whole_topic, as_topic) >= spoken + BETTER_STORY
        else:  # for a role none of whose holders speaks on it, only a story about the question
            switch = guessed or (topic is not None and self._about_question(whole_topic, topic, as_topic))
        return (whole, whole_topic, as_topic) if switch else None

    def _about_question(self, whole: Topic, topic: Topic, ranked: list[Ranked]) -> bool:
        """Whether a ranking's first story is about nearly all of a question (``whole``: its speaker's words
        too) and about its topic, not only the speaker's words ("the chancellor" in a budget story)."""
        return (
            self._story_coverage(whole, ranked) >= WHOLE_QUESTION_COVERAGE
            and self._story_coverage(topic, ranked) >= MIN_ARTICLE_COVERAGE
        )

    def _story_coverage(self, topic: Topic | None, ranked: list[Ranked], also: Iterable[str] = ()) -> float:
        """How much of a topic the story of a ranking's first answer covers (0 without one), ``also`` stems with it."""
        if topic is None or not ranked:
            return 0.0
        return topic.coverage(self.stories.stems(ranked[0].row.article_id) | frozenset(also), RELATED_CREDIT)


def speaker_in_topic(parsed: Question, *, joined: bool = False) -> Question:
    """The question with its speaker read as part of the topic (without the "did", "was"… of its phrasing);
    ``joined`` by "and" when the speaker was a name or role of its own ("toyota and hybrid cars"), not the
    subject of the question's own clause ("deng put a cap on grain imports")."""
    joiner = " and" if joined and parsed.topic else ""
    return Question(parsed.text, topic=f"{parsed.speaker}{joiner} {parsed.topic}".strip())
