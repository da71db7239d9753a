"""``Retriever``: a question in, ranked paragraphs with citations out.

It reads the question (who is asked about, ``speaker_reading``, and on what), ranks the person's paragraphs
(``speaker_ranking``: their own words on the topic first) or, without a speaker, the topic's
(``topic_ranking``), and answers with a page of them, or an honest no-match when the speaker is unknown
or never speaks on the topic. A speaker nobody is recorded as, and a role or a guessed subject whose words
a story covers better, are asked again as a topic (``as_topic``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from functools import partial

from bot.models import Answer
from bot.retrieval.arrangement import (
    FOLLOWER_WINDOW,
    Arranger,
    best_of_each_story,
    first_story_first,
    once_each,
    words_going_on_first,
)
from bot.retrieval.as_topic import QuestionAsTopic, speaker_in_topic
from bot.retrieval.delivery import Delivery, delivery_of, without_delivery
from bot.retrieval.expansion import RelatedTerms
from bot.retrieval.follow_up_phrasing import names_no_one
from bot.retrieval.hits import hits_of
from bot.retrieval.introductions import introductions, who_is_asked
from bot.retrieval.language import in_another_language
from bot.retrieval.latest import asks_for_news, latest_leads, latest_voices
from bot.retrieval.order import as_ordered, in_date_order
from bot.retrieval.periods import Period, period_in
from bot.retrieval.phrasing_slips import respelt
from bot.retrieval.query import Question, asks_who_spoke, parse_question, topic_choices
from bot.retrieval.quotation import quotation_answer
from bot.retrieval.ranked import (
    MIN_PARTIAL_COVERAGE,
    RELATED_CREDIT,
    Ranked,
)
from bot.retrieval.speaker_ranking import MENTIONED, SpeakerRanker, answering
from bot.retrieval.speaker_reading import SpeakerReader, a_crowd, a_people, typed_as_a_thing
from bot.retrieval.speakers import Speaker, SpeakerResolver
from bot.retrieval.spelling import spelling_hint
from bot.retrieval.stories import Stories
from bot.retrieval.terms import Topic, stems_of
from bot.retrieval.topic_ranking import TopicRanker
from bot.retrieval.topic_reading import TopicReader
from bot.retrieval.typed_names import names_a_role
from bot.retrieval.voices import LEFT_OUT_READ, VOICES_READ, Voices, asks_most_quoted, most_quoted
from bot.retrieval.wording import (
    as_on_page,
    introduction_lead,
    latest_voices_lead,
    lead,
    namesakes_of,
    no_match_message,
    reading_of,
    tally,
    words_of,
)
from bot.store.protocol import StoreProtocol

EMPTY_ARCHIVE = "I have no articles to answer from yet. An admin can load some with /load."
ENGLISH_ONLY = "I can only read questions in English. Try asking in English, e.g. “what did Imomi say about oil?”"
# A speaker that is an institution: its words are reported as the body's ("the Agriculture Ministry declined
# comment", "Turkey said") or a spokesman's, seldom under the holder its name resolves to.
INSTITUTIONS = frozenset(
    "ministry department office commission committee council union association government agency authority board "
    "bureau federation company corporation bank party institute embassy".split()
)


class Retriever:
    """Ranks the store's paragraphs for a question."""

    def __init__(self, store: StoreProtocol) -> None:
        self.store = store
        self.speakers = SpeakerResolver(store)
        self.related = RelatedTerms(store)
        self.reader = TopicReader(store, self.related)
        self.arranger = Arranger(store)
        self.stories = Stories(store)
        self.topics = TopicRanker(store, self.stories, self.reader)
        self.people = SpeakerRanker(store, self.stories, self.speakers, self.reader)
        self.asked = SpeakerReader(store, self.speakers, self.reader)
        self.as_topic = QuestionAsTopic(store, self.reader, self.topics, self.stories)
        self.voices = Voices(store, self.stories)

    def read(self, text: str) -> Question:
        """A question's speaker, topic and kind, its misspelt phrasing mended against the archive's words:
        "whta did Blair say about fees?" was a topic of seven words, "whta is the dome?" a topic no story
        holds (its rarest word "whta")."""
        return respelt(parse_question(" ".join(text.split())), self.reader.unheard_of)  # as typed, spaces aside

    def answer(
        self,
        question: str | Question,
        *,
        limit: int = 5,
        offset: int = 0,
        after_article: int = 0,
        own_words_only: bool = False,
    ) -> Answer:
        """The best ``limit`` paragraphs after ``offset`` for a question, best first.

        :param after_article: look only in articles with a higher id (a digest's new articles).
        :param own_words_only: never answer a person's question with a paragraph that only names them on the
            topic (a digest's items have no lead to say so).
        """
        asked = self.read(question) if isinstance(question, str) else question
        if not self.store.paragraph_count():
            # Said as it is: "I don't know anyone called Imomi" from an archive holding nothing misleads (a
            # fresh install run away from its bundled articles, or an archive emptied by deletions).
            return self._nothing(asked, EMPTY_ARCHIVE)
        # How to order the answer, whether to count it and how much of it to show are not what it is about: "baker
        # on the dollar, oldest first", "how many times has blair mentioned iraq?", "10 quotes on oil".
        delivery = delivery_of(asked.text)
        if delivery != Delivery():
            asked = replace(asked, text=without_delivery(asked.text))
            limit = delivery.shown or limit
        answer_page = partial(
            self._answer,
            limit=limit,
            offset=offset,
            after_article=after_article,
            own_words_only=own_words_only,
            delivery=delivery,
        )
        answer = self._in_its_period(asked, answer_page)
        if answer.no_match:
            # "did imomi talk about oil or gas?": either will do, and a paragraph on both is seldom there; the first
            # that answers, its lead saying which.
            for choice in topic_choices(asked.topic):
                if not (found := self._in_its_period(replace(asked, topic=choice), answer_page)).no_match:
                    return found
            if in_another_language(asked.text):
                return self._nothing(asked, ENGLISH_ONLY)
        return answer

    def _in_its_period(self, asked: Question, answer_page: Callable[[Question, Period | None], Answer]) -> Answer:
        """``answer`` for a question as read, in the period it names if any."""
        period = period_in(asked.text)
        if period is None:
            return answer_page(asked, None)
        # "what did X say in 1987 about Y": when it was said. "... about growth in 1988" may be the topic's
        # own year (a forecast's): asked so first, and for what was said then only when that answers nothing.
        at = asked.topic.lower().rfind(period.phrase.lower())
        if at >= 0:
            bare = replace(asked, topic=(asked.topic[:at] + asked.topic[at + len(period.phrase) :]).strip())
            # ... but only as the answer holds the rest of the topic: "about immigration in march 2005" is not
            # answered by someone's words on something else in March 2005.
            if not (answer := answer_page(asked, None)).no_match and self._holds(bare.topic, answer.hits[0].text):
                return answer
            asked = bare
        return answer_page(asked, period)

    def _answer(
        self,
        asked: Question,
        period: Period | None,
        *,
        limit: int,
        offset: int,
        after_article: int,
        own_words_only: bool,
        delivery: Delivery,
    ) -> Answer:
        """``answer`` for a question as read, from articles published in ``period`` (any without a date too),
        arranged as the question asks (``delivery``)."""
        if not asked.speaker and names_no_one(asked.text):
            # "what did he say about growth?" with no one earlier in the conversation for "he" to be.
            return self._nothing(asked, "Who do you mean? Ask me about the person by name.")
        if not asked.speaker and asks_for_news(asked.topic or asked.text):  # a follow-up may have set the topic
            if asks_who_spoke(asked.text):  # "who commented?" after "what's new?"
                quotes, quoted, more = latest_voices(self.store, limit, offset)
                return Answer(
                    asked.text, hits_of(self.store, quotes, ()), False, latest_voices_lead(quoted), has_more=more
                )
            leads, more = latest_leads(self.store, limit, offset)
            return Answer(asked.text, hits_of(self.store, leads, ()), False, "The latest stories:", has_more=more)
        if not asked.speaker and asks_most_quoted(asked.text):  # "who is quoted most?": not who someone is
            return Answer(asked.text, (), False, most_quoted(self.store))
        if looked_up := quotation_answer(self.store, asked.text, limit, offset):  # "who said “…”?"
            return looked_up
        if introduced := self._introducing(asked, limit, offset):
            return introduced
        speaker, parsed, guessed = self.asked.speaker_of(asked)
        by_role = speaker is not None and bool(parsed.topic) and names_a_role(speaker.typed)
        # How much of the ranking must be complete: all of it when a period will filter it (a prolific speaker's
        # first few paragraphs may all be from another month), or when it is put in date order or counted.
        complete = period is not None or delivery.whole_ranking
        wanted = sys.maxsize if complete else max(offset + limit + 1, FOLLOWER_WINDOW)
        if speaker is not None and len(speaker.parts) > 1:
            wanted *= len(speaker.parts)  # their best answers take turns: each one's page
        if asks_who_spoke(asked.text):
            wanted = max(wanted, VOICES_READ)  # who is quoted is read from these: every page names the same people
        left_out = self._left_out(asked)
        left_out_names = _names_of(left_out)
        if left_out:
            wanted = max(wanted, LEFT_OUT_READ)  # their paragraphs are taken out of the part ranked in full
        if parsed.speaker and speaker is None and (guessed or typed_as_a_thing(asked.text, parsed.speaker)):
            # "what did the report say about oil", "what did fans say…": not people anyone is recorded as, but
            # what they say is a topic, a crowd or a name joined to it ("fans and the concert", "ecb and the euro").
            named = not guessed and self.reader.written_as_a_name(parsed.speaker.split()[-1])
            parsed = speaker_in_topic(parsed, joined=named or a_crowd(parsed.speaker) or a_people(parsed.speaker))
        topic = self.reader.topic(parsed.topic) if parsed.topic else None
        if parsed.speaker and speaker is None:
            read_as_topic = self.as_topic.for_nobody(parsed, topic, after_article, wanted)
            if read_as_topic is None:
                return self._nothing(parsed, f"I don't know anyone called “{parsed.speaker}” in the articles I have.")
            parsed, topic, ranked = read_as_topic
        elif speaker is not None:
            colleagues = by_role and not own_words_only
            speaker, ranked = self._ranked_for_speaker(speaker, topic, parsed.topic, after_article, wanted, colleagues)
            unheard_body = not ranked and bool(parsed.topic) and speaker.typed.split()[-1] in INSTITUTIONS
            if guessed or by_role or unheard_body:
                # The speaker was only the question's subject ("did Deng put a cap on grain imports"): when
                # that person never speaks on it, the question still stands as a topic; so when a story
                # covers the whole question better than the one they speak in ("is GM going to build
                # Cadillacs at the Saab plant?" is news about GM, not GM's words in a recall story). So for a
                # role, whose recorded holders are often not the one a story quotes under another title ("the
                # japanese farm ministry official"), and for an institution none of whose recorded voices
                # speaks on it ("japan's farm ministry"): its words are part of the question.
                question = self.as_topic.for_speaker(
                    parsed, speaker, topic, ranked, guessed, by_role, after_article, wanted
                )
                if question is not None:
                    speaker = None
                    parsed, topic, ranked = question
        elif topic is not None:
            ranked = self.topics.rank(topic, after_article, wanted=wanted, news=True)
            if not ranked and (person := self.asked.misspelt_full_name(parsed)):
                return self._answer(
                    person,
                    period,
                    limit=limit,
                    offset=offset,
                    after_article=after_article,
                    own_words_only=own_words_only,
                    delivery=delivery,
                )
        else:
            return self._nothing(parsed, "Ask me about a person or a topic, e.g. “what did Imomi say about oil?”")
        named_only = False  # the answer is a paragraph naming the person on the topic, not their words for certain
        if not ranked and speaker is not None and topic is not None and not own_words_only:
            ranked = self.people.best_match_naming(speaker, topic, asked.text, after_article)
            named_only = bool(ranked)
        when = f" {period.phrase}" if period else ""
        if period is not None:
            ranked = [r for r in ranked if period.admits(r.row.published)]
        if left_out and speaker is None and ranked:
            ranked = self.voices.without(ranked, left_out_names)
            if not ranked:
                return self._nothing(
                    parsed, f"I found nothing on {parsed.topic}{when} but {words_of([_one_name(s) for s in left_out])}."
                )
        if not ranked:
            if topic is None:
                nearest = []
            elif speaker is None:
                nearest = self.topics.nearest(topic, after_article)
            else:
                nearest = self.people.nearest(speaker, topic, after_article)
            # Asking for all they said helps only someone who speaks somewhere (they do, when they have nearest words;
            # without a topic the message says so anyway): looked up only when it can change the message.
            silent = (
                speaker is not None
                and bool(parsed.topic)
                and not nearest
                and not self.store.person_paragraphs(speaker.person_ids, speaking=True, latest=1)
            )
            return Answer(
                parsed.text,
                (),
                True,
                no_match_message(
                    parsed,
                    self.speakers.named_as_written(speaker) if speaker else None,
                    offered=bool(nearest),
                    silent=silent,
                    when=when,
                    hint=spelling_hint(asked.text, parsed.topic, topic, self.store.document_frequency, self._answered),
                ),
                alternatives=hits_of(self.store, nearest, topic.all_stems if topic else ()),
            )
        ranked = first_story_first(once_each(ranked))
        if speaker is not None:
            ranked = words_going_on_first(ranked)
        voices = None
        if speaker is None and topic is not None:
            ranked = self.arranger.story_goes_on(ranked)
            if left_out:  # a story going on may go on in their words
                ranked = self.voices.without(ranked, left_out_names)
            if asks_who_spoke(asked.text):
                ranked, voices = self.voices.first_on(ranked, topic)
                voices = tuple(name for name in voices if name not in left_out_names)  # quoted beside others
        elif speaker is not None and topic is not None and not (named_only or own_words_only):
            ranked = self.arranger.with_setting(ranked, speaker.person_ids, topic)
        if (speaker is not None or asked.speaker) and topic is not None:
            ranked = self.arranger.words_before_report(ranked, topic)
        if speaker is not None and not (named_only or own_words_only):
            ranked = self.arranger.with_context(ranked, topic)
        if speaker is not None and len(speaker.parts) > 1:
            ranked = self.voices.taking_turns(ranked, speaker.parts)
        answers = answering(speaker is not None and not named_only, topic is not None)
        if delivery.by_story:
            ranked = best_of_each_story(ranked)
        if delivery.order is not None:
            ranked = in_date_order(ranked, delivery.order, answers)
            when += as_ordered(delivery.order, ranked, answers)
        page = ranked[offset : offset + limit]
        if not page:
            return Answer(parsed.text, (), True, "There is nothing more.")
        highlight = topic.all_stems if topic else frozenset()
        hits = hits_of(self.store, page, highlight)
        shown = as_on_page(speaker, hits, narrowed=bool(parsed.topic) or period is not None)
        shown = self.speakers.named_as_written(shown) if shown else None
        namesakes = namesakes_of(speaker, shown) if speaker and shown else 0
        # (Not for a paragraph only naming them: its lead says none is certain.)
        counting = delivery.counted and not named_only
        counted = tally(ranked, answers, by_speaker=speaker is not None) + " " if counting else ""
        return Answer(
            parsed.text,
            hits,
            False,
            counted
            + lead(
                parsed,
                shown,
                mentioned=topic is None and any(r.key[0] == MENTIONED for r in page),
                unquoted=topic is None and all(r.key[0] == MENTIONED for r in page),
                named=named_only,
                when=when,
                respelt=topic.respelt if topic else None,
                voices=voices,
                namesakes=namesakes,
                besides=[_one_name(them) for them in left_out] if speaker is None else (),
            ),
            has_more=len(ranked) > offset + limit,
            read_as=reading_of(asked, parsed, shown, speaker),
        )

    def _introducing(self, asked: Question, limit: int, offset: int) -> Answer | None:
        """For "who is steve jobs?", how each story introduces him (not paragraphs on "steve" and "jobs"), and for "who
        runs the imf?" its head; None unless a message asks who someone known by that name or office is."""
        if (known := who_is_asked(self.speakers, asked)) is None:
            return None
        met = introductions(self.store, known.person_ids, known.names)
        hits = hits_of(self.store, met[offset : offset + limit], ())
        lead = introduction_lead(self.speakers.named_as_written(known))
        return Answer(asked.text, hits, False, lead, has_more=len(met) > offset + limit)

    def _ranked_for_speaker(
        self, speaker: Speaker, topic: Topic | None, topic_text: str, after_article: int, wanted: int, colleagues: bool
    ) -> tuple[Speaker, list[Ranked]]:
        """The person's ranking, else the first of their other readings that speaks on the topic (see
        ``_other_readings``), with whom it is of."""
        ranked = self.people.rank(speaker, topic, topic_text, after_article, wanted)
        readings = () if ranked else self._other_readings(speaker, topic, colleagues=colleagues)
        for other in readings:
            if found := self.people.rank(other, topic, topic_text, after_article, wanted):
                return other, found
        return speaker, ranked

    def _other_readings(self, speaker: Speaker, topic: Topic | None, *, colleagues: bool) -> Iterator[Speaker]:
        """Whom else a speaker may mean, when nobody they were read as speaks on the topic, each said so in the lead:
        a misspelt name's next nearest readings ("coable": Cable, then Conable) or a titled name's untitled ones
        ("mr davies"); then, for a typed role, someone at its body under another title (``colleagues``: "the
        accu-weather forecaster" is also its senior meteorologist), looked up only if those do not answer, and
        never for a digest, whose items have no lead."""
        if topic is not None:
            yield from speaker.alternatives
        if colleagues and (others := self.speakers.others_at_body(speaker)) is not None:
            yield others

    def _answered(self, question: str) -> bool:
        """Whether a question finds anything."""
        return not self.answer(question, limit=1).no_match

    def _holds(self, topic_text: str, text: str) -> bool:
        """Whether a text covers a topic (its words or related ones), or the topic is empty."""
        topic = self.reader.topic(topic_text)
        return topic is None or topic.coverage(stems_of(text), RELATED_CREDIT) >= MIN_PARTIAL_COVERAGE

    def _left_out(self, asked: Question) -> list[Speaker]:
        """Whom a question leaves out ("who else commented?" after Howard's words), as resolved."""
        return [them for name in asked.besides if (them := self.speakers.resolve(name, allow_fuzzy=False))]

    @staticmethod
    def _nothing(parsed: Question, message: str) -> Answer:
        return Answer(parsed.text, (), True, message)


def _one_name(speaker: Speaker) -> str:
    """A resolved speaker's name, or the name or role as typed when it means several people."""
    return speaker.names[0] if len(speaker.names) == 1 else speaker.typed


def _names_of(people: Sequence[Speaker]) -> frozenset[str]:
    """The names of all the people some speakers resolved to."""
    return frozenset(name for speaker in people for name in speaker.names)
