"""The tiers of a person's paragraphs on a topic, and the key that orders paragraphs within one.

Tiers, best first: paragraphs where the person speaks and covers the topic (all of it, then part); their
words in a story whose lead is about the topic where they are a main voice, quote or go on with the lead, and
their words touching it in a story about it; their other paragraphs of a story where they answer; paragraphs
that only mention them and cover the topic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache, partial

from bot.retrieval.fts import content_words
from bot.retrieval.ranked import (
    MIN_COVERAGE,
    MIN_PARTIAL_COVERAGE,
    MIN_SIBLING_COVERAGE,
    QUOTATION,
    RELATED_CREDIT,
    Ranked,
)
from bot.retrieval.stories import Stories
from bot.retrieval.terms import Topic, named_in, stem, stem_counts, stems_of
from bot.retrieval.topic_reading import TopicReader
from bot.store import ParagraphRow
from bot.store.people import PersonParagraph

ANSWER_TIER = 2.5  # paragraphs at this tier or above answer a question; lower ones only follow answers
PARTIAL_TIER = 2.75  # the person's own words on part of a topic: an answer, after those covering all of it
QUOTED_ON_TOPIC = 2.0  # a paragraph's quotation covers the topic (see _quoted)
# A question put to the speaker, up to the comma before their answer ("Asked whether the BBC should have…, he").
_ASKED = re.compile(r"\bAsked (?:about|whether|if|why|how|what|when|for)\b[^,]*")


class TopicTiers:
    """A person's candidate paragraphs on one topic: which of them answer (their tier) and in what order."""

    def __init__(
        self,
        stories: Stories,
        reader: TopicReader,
        topic: Topic,
        rows: dict[int, ParagraphRow],
        *,
        links: Sequence[PersonParagraph],
        about_topic: AbstractSet[int],
        about_person: AbstractSet[int],
        speaks_first: AbstractSet[int],
        context: dict[int, float],
    ) -> None:
        """Measure every candidate once: its stems, its story's reading of the topic, its coverage of it.

        :param rows: the candidate paragraphs, by id.
        :param links: the person's paragraph links (where they speak or are mentioned).
        :param about_topic: the stories about the topic (or about the person the topic names).
        :param about_person: the paragraphs about the person the topic names ("what did Straw say about Campbell?").
        :param speaks_first: the paragraphs where the person is the first speaker.
        :param context: per story, how many of a typed role's unmatched words it uses.
        """
        self.stories = stories
        self.topic = topic
        self.rows = rows
        self.speaks_first = speaks_first
        self.context = context
        self.speaking = {link.paragraph_id for link in links if link.role == "speaker"}
        # A story whose lead is about the topic: what one of its main voices (named in the lead, or speaking
        # in two paragraphs or more) says in it is on the topic even in other words ("what did Khan say about
        # being deported?" → her quotes in the report of her deportation; the Newfoundland premier's "an
        # agreement was more likely to emerge by consensus" in a report on the free trade talks). So is anyone
        # else's line there touching the topic, or a quote, or going on with the lead's words (Lawson's one quote on
        # the markets in a report on the crash); not a reported line on something else ("Yeutter said the
        # semiconductor dispute would be settled" in a report on rice talks).
        # How much of the topic a story's headline and lead cover, read once per story and only when asked: below,
        # it also ranks paragraphs covering the topic alike (a prolific speaker has hundreds of other stories).
        self.lead_share = cache(partial(stories.lead_coverage, topic))
        self.on_topic_lead = {a for a in about_topic if self.lead_share(a) >= MIN_COVERAGE}
        in_lead = {link.article_id for link in links if link.position == 0}
        voices = Counter(link.article_id for link in links if link.role == "speaker")
        self.central = {a for a in self.on_topic_lead if a in in_lead or voices[a] >= 2}
        # So is what they say in words of the topic in a story that is about it and holds its most specific
        # word, whatever its lead ("phone firms spotting unusual bills" → the ombudsman on phone companies).
        self.holds_specific = cache(partial(stories.has, wanted=topic.specific))  # asked per paragraph, per story
        self.specific = {a for a in about_topic if self.holds_specific(a)}
        self.about_topic = about_topic
        self.stems = {i: topic.held_in(row.text, frozenset(stems_of(row.text))) for i, row in rows.items()}
        # A related word stands for a topic word only in a story that uses the word itself.
        story_topic = {a: topic.within(stories.stems(a)) for a in {r.article_id for r in rows.values()}}
        self.topic_of = {i: story_topic[row.article_id] for i, row in rows.items()}
        self.coverage = {
            i: 1.0 if i in about_person else self.topic_of[i].coverage(stems, RELATED_CREDIT)
            for i, stems in self.stems.items()
        }
        # As for news on it, a story without a topic's most specific word is on something else when that word is a
        # name, which no story puts in other words: Conable on the debt crisis in a story on Indonesia is not Conable
        # on "mexico's debt". There the person's paragraph answers only through more than one of the topic's words.
        self.named_specific = cache(lambda: reader.specific_is_a_name(topic))

    def ranked(self) -> list[Ranked]:
        """The paragraphs with a tier, best first; none when the person never speaks on the topic (their other
        paragraphs or mentions are no answer)."""
        answer_tiers = {i: self._answer_tier(i, row) for i, row in self.rows.items()}
        answered = {self.rows[i].article_id for i, tier in answer_tiers.items() if tier is not None}
        ranked: list[Ranked] = []
        for paragraph_id, row in self.rows.items():
            tier = answer_tiers[paragraph_id]
            if tier is None:
                tier = self._other_tier(paragraph_id, row, answered)
            if tier is not None:
                ranked.append(Ranked(row, self._key(paragraph_id, row, tier), self.stems[paragraph_id]))
        if not any(r.key[0] >= ANSWER_TIER for r in ranked):
            return []
        return sorted(ranked, key=lambda r: r.key, reverse=True)

    def _answer_tier(self, paragraph_id: int, row: ParagraphRow) -> float | None:
        """The tier of a paragraph where the person answers (their own words on the topic), else None."""
        stems, coverage, in_story = self.stems[paragraph_id], self.coverage[paragraph_id], self.topic_of[paragraph_id]
        if paragraph_id not in self.speaking or self._elsewhere(row, stems, in_story):
            return None
        if coverage >= MIN_COVERAGE and _enough_words(in_story, stems, row.text):
            return 3.0
        if coverage >= MIN_PARTIAL_COVERAGE and two_words(in_story, stems):
            return PARTIAL_TIER
        on_the_lead = row.article_id in self.on_topic_lead and (
            coverage >= MIN_SIBLING_COVERAGE
            or QUOTATION.search(row.text) is not None
            or _goes_on_with(self.stories.lead(row.article_id), row.text)
        )
        if (
            row.article_id in self.central
            or on_the_lead
            or (row.article_id in self.specific and self.topic.matched(stems) > 0)
        ):
            return ANSWER_TIER
        return None

    def _other_tier(self, paragraph_id: int, row: ParagraphRow, answered: AbstractSet[int]) -> float | None:
        """The tier of a paragraph that does not answer but may follow answers, else None."""
        coverage = self.coverage[paragraph_id]
        if paragraph_id in self.speaking and (
            row.article_id in answered or (row.article_id in self.about_topic and coverage >= MIN_SIBLING_COVERAGE)
        ):
            return 2.0  # the person's neighbouring paragraphs in a story where they answer
        if paragraph_id not in self.speaking and coverage >= MIN_COVERAGE and row.article_id in self.about_topic:
            return 1.0
        return None

    def _key(self, paragraph_id: int, row: ParagraphRow, tier: float) -> tuple[float, ...]:
        """A paragraph's ranking key, higher first: its tier, then what tells paragraphs of one tier apart."""
        in_story, stems = self.topic_of[paragraph_id], self.stems[paragraph_id]
        quoted = _quoted(in_story, row.text)
        return (
            tier,
            self.context[row.article_id],
            float(_asked_about(in_story, row.text)),
            float(self._names_the_topic(row.article_id)),
            round(self.coverage[paragraph_id], 2),  # finer differences are noise: the story, then quotes and its lead
            round(self.lead_share(row.article_id), 1),  # between paragraphs covering it alike, the story about it
            # Their own words on the topic in quotation marks, then the lead, which states the news their
            # other quotes give in their words.
            float(quoted == QUOTED_ON_TOPIC),
            float(row.position == 0),
            quoted,
            _mentions(self.topic, row.text, stems),
            float(paragraph_id in self.speaks_first),
            -row.position,
        )

    def _names_the_topic(self, article_id: int) -> bool:
        """Whether a story holds the topic's most specific word when that is a name: Volcker on "brazil's debt
        problems" is in a story about Brazil's debt, not in one on other debtors covering more of the words."""
        return self.holds_specific(article_id) or not self.named_specific()

    def _elsewhere(self, row: ParagraphRow, stems: AbstractSet[str], in_story: Topic) -> bool:
        """Whether a paragraph is about something else: one topic word alone, in a story without the topic's name."""
        one_word = len(self.topic.stems) > 1 and in_story.evidenced(stems)[0] <= 1
        return one_word and not self._names_the_topic(row.article_id)


def _mentions(topic: Topic, text: str, stems: AbstractSet[str]) -> float:
    """The topic's weight a text holds, counted each time it uses one of the topic's words: between paragraphs
    covering the topic alike, one that keeps to it is more about it. Only a text holding some of the topic is
    counted word by word (a prolific speaker has hundreds of ranked paragraphs)."""
    if not any(s in stems for s in topic.weights):
        return 0.0
    counts = stem_counts(text)
    return round(sum(w * max(1, counts[s]) for s, w in topic.weights.items() if s in stems), 3)


def _quoted(topic: Topic, text: str) -> float:
    """``QUOTED_ON_TOPIC`` when a paragraph quotes someone on the topic (its words inside the quotation), 1 for
    another quote."""
    quotes = QUOTATION.findall(text)
    if not quotes:
        return 0.0
    return QUOTED_ON_TOPIC if topic.coverage(stems_of(" ".join(quotes)), RELATED_CREDIT) >= MIN_COVERAGE else 1.0


def _asked_about(topic: Topic, text: str) -> bool:
    """Whether a paragraph puts the topic to its speaker ("Asked whether the BBC should have screened the opera,
    he said"): what follows is their answer to the very question."""
    asked = _ASKED.search(text)
    return asked is not None and topic.coverage(stems_of(asked[0]), RELATED_CREDIT) >= MIN_COVERAGE


def _goes_on_with(lead: AbstractSet[str], text: str) -> bool:
    """Whether a text uses a content word of its story's headline or lead (stems): it goes on with that news."""
    return any(stem(word) in lead for word in content_words(text))


def two_words(topic: Topic, stems: AbstractSet[str]) -> bool:
    """Whether a text evidences two or more of a topic's words, at least one of them itself.

    Paraphrase leaves part of a topic in other words ("spare production capacity" / "excess capacity"),
    while one word of a two-word topic ("knife crime" / "crime") or a one-word topic's related word
    ("football" / "good") is too little to answer with.
    """
    direct, related = topic.evidenced(stems)
    return direct >= 1 and direct + related >= 2


def _enough_words(topic: Topic, stems: AbstractSet[str], text: str) -> bool:
    """Whether a text evidences enough of a topic: two of its words, or one that is a name in the text.

    A rare common word can carry most of a two-word topic's weight and still not be about it ("smoke
    cigars" is not the smoking ban), while a name is the topic's subject ("Fry" getting the part).
    """
    if len(topic.stems) < 2 or two_words(topic, stems):
        return True
    return any(named_in(text, word) for word in topic.words if word.isalpha())
