"""Ranking a person's paragraphs for a question: their own words on the topic first.

Tiers, best first: paragraphs where the person speaks and covers the topic (all of it, then part); their
words in a story whose lead is about the topic where they are a main voice, quote or go on with the lead, and
their words touching it in a story about it; their other paragraphs of a story where they answer; paragraphs
that only mention them and cover the topic. Without a topic, what they said, each story in reading order, then
what the same stories say of them.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Set as AbstractSet
from functools import cache, partial

from bot.retrieval.fts import content_words
from bot.retrieval.ranked import (
    MIN_ARTICLE_COVERAGE,
    MIN_COVERAGE,
    MIN_PARTIAL_COVERAGE,
    MIN_SIBLING_COVERAGE,
    RELATED_CREDIT,
    Ranked,
    weight,
)
from bot.retrieval.speakers import Speaker, SpeakerResolver
from bot.retrieval.stories import Stories, has_form
from bot.retrieval.terms import Topic, named_in, stem, stem_counts, stems_of
from bot.retrieval.topic_reading import TopicReader
from bot.store import ParagraphRow
from bot.store.people import PersonParagraph
from bot.store.protocol import StoreProtocol

MAX_NAMED_PEOPLE = 20  # a topic resolving to more people than this is not about a person
STORIES_RANKED = 300  # a speaker's latest stories on a topic ranked, when they speak in more
LINKS_READ = 10_000  # a speaker's latest paragraph links read for a topic, when they have more
# A person's words come before the paragraphs of the same stories that only mention them (speaker-only answers).
SPEAKS, MENTIONED = 1.0, 0.0
NEAREST = 3  # paragraphs offered, labelled as such, when a person never speaks on a topic
NEAREST_CANDIDATES = 300  # ... chosen from their latest paragraphs in stories that use the topic's words
ANSWER_TIER = 2.5  # paragraphs at this tier or above answer a question; lower ones only follow answers
PARTIAL_TIER = 2.75  # the person's own words on part of a topic: an answer, after those covering all of it
# Direct speech: a quotation of a few words or more. A person's own words outrank reported summaries.
QUOTATION = re.compile(r"[\"“][^\"”]{15,}(?:[\"”]|$)")
QUOTED_ON_TOPIC = 2.0  # a paragraph's quotation covers the topic (see _quoted)
# A question put to the speaker, up to the comma before their answer ("Asked whether the BBC should have…, he").
_ASKED = re.compile(r"\bAsked (?:about|whether|if|why|how|what|when|for)\b[^,]*")


class SpeakerRanker:
    """Ranks the paragraphs of the people a question asks about."""

    def __init__(self, store: StoreProtocol, stories: Stories, speakers: SpeakerResolver, reader: TopicReader) -> None:
        self.store = store
        self.stories = stories
        self.speakers = speakers
        self.reader = reader

    def rank(
        self, speaker: Speaker, topic: Topic | None, topic_text: str, after_article: int = 0, wanted: int = sys.maxsize
    ) -> list[Ranked]:
        """The person's paragraphs for a topic, best first; without a topic, the first ``wanted`` of all they said."""
        if topic is None:  # only where they speak (their latest links, for a role a thousand people hold)
            own = self.store.person_paragraphs(speaker.person_ids, speaking=True, latest=LINKS_READ)
            links = [link for link in own if link.article_id > after_article]
            if not links:
                # Quoted nowhere (or in words the attribution missed): what the stories say of them, under a
                # lead that says so, rather than nothing.
                mentions = self.store.person_paragraphs(speaker.person_ids, latest=LINKS_READ)
                links = [link for link in mentions if link.article_id > after_article]
            return self._speaking_order(speaker, links, wanted)
        # A role a thousand people hold has tens of thousands of links in years of news: the latest are read.
        latest = self.store.person_paragraphs(speaker.person_ids, latest=LINKS_READ)
        links = [link for link in latest if link.article_id > after_article]
        speaking = {link.paragraph_id for link in links if link.role == "speaker"}
        about_person = self._people_named(topic_text, [link.paragraph_id for link in links])
        article_of = {link.paragraph_id: link.article_id for link in links}
        ranked: list[Ranked] = []
        # Only the stories where they speak are measured: a story that merely mentions them can rank none of
        # its paragraphs (every tier needs their words in the story), and a much-mentioned person's other
        # stories were most of the stems read.
        story_terms = self.stories.terms(topic, {article_of[i] for i in speaking})
        story_coverage = {a: topic.coverage(terms, RELATED_CREDIT) for a, terms in story_terms.items()}
        about_topic = {a for a, share in story_coverage.items() if share >= MIN_ARTICLE_COVERAGE} | {
            article_of[i] for i in about_person if i in article_of
        }
        # Every tier needs a paragraph covering the topic or a story about it (or the named person), and a
        # paragraph covers no more than its whole story: stories below that are skipped unread (their text
        # is not even fetched), which spares reading and stemming thousands of a prolific speaker's paragraphs.
        relevant = about_topic | {a for a, share in story_coverage.items() if share >= MIN_COVERAGE}
        if len(topic.stems) > 1:  # a partial answer's story may cover less, if it evidences two of the words
            relevant |= {
                a
                for a, share in story_coverage.items()
                if share >= MIN_PARTIAL_COVERAGE and _two_words(topic, story_terms[a])
            }
        if len(relevant) > STORIES_RANKED:
            # A role a thousand people hold ("the chancellor" in years of news) speaks in thousands of stories
            # on a common topic: the latest are ranked (reading them all took a second at 1.4M paragraphs).
            relevant = set(sorted(relevant)[-STORIES_RANKED:])
            about_topic &= relevant
        # Outside the stories about the topic only the person's own words can rank (tiers 3 and 2).
        candidates = [i for i, a in article_of.items() if a in about_topic or (i in speaking and a in relevant)]
        rows = {row.id: row for row in self.store.paragraphs_by_id(candidates)}
        self.stories.prefetch(row.article_id for row in rows.values())  # read whole below, in one query
        # Looked up for these few only: for all of a prolific speaker's links it took a third of reading them.
        first_voice = self.store.first_speakers([i for i in candidates if i in speaking])
        speaks_first = {i for i, person_id in first_voice.items() if person_id in speaker.person_ids}
        # A story whose lead is about the topic: what one of its main voices (named in the lead, or speaking
        # in two paragraphs or more) says in it is on the topic even in other words ("what did Khan say about
        # being deported?" → her quotes in the report of her deportation; the Newfoundland premier's "an
        # agreement was more likely to emerge by consensus" in a report on the free trade talks). So is anyone
        # else's line there touching the topic, or a quote, or going on with the lead's words (Lawson's one quote on
        # the markets in a report on the crash); not a reported line on something else ("Yeutter said the
        # semiconductor dispute would be settled" in a report on rice talks).
        # How much of the topic a story's headline and lead cover, read once per story and only when asked: below,
        # it also ranks paragraphs covering the topic alike (a prolific speaker has hundreds of other stories).
        lead_share = cache(partial(self.stories.lead_coverage, topic))
        on_topic_lead = {a for a in about_topic if lead_share(a) >= MIN_COVERAGE}
        in_lead = {link.article_id for link in links if link.position == 0}
        voices = Counter(article_of[i] for i in speaking)
        central = {a for a in on_topic_lead if a in in_lead or voices[a] >= 2}
        # So is what they say in words of the topic in a story that is about it and holds its most specific
        # word, whatever its lead ("phone firms spotting unusual bills" → the ombudsman on phone companies).
        holds_specific = cache(partial(self.stories.has, wanted=topic.specific))  # asked per paragraph, per story
        specific = {a for a in about_topic if holds_specific(a)}
        stems_by_id = {i: frozenset(stems_of(row.text)) for i, row in rows.items()}
        # A related word stands for a topic word only in a story that uses the word itself.
        story_topic = {a: topic.within(self.stories.stems(a)) for a in {r.article_id for r in rows.values()}}
        topic_of = {i: story_topic[row.article_id] for i, row in rows.items()}
        coverage_by_id = {
            i: 1.0 if i in about_person else topic_of[i].coverage(stems, RELATED_CREDIT)
            for i, stems in stems_by_id.items()
        }
        context = {
            article_id: self._qualifier_share(speaker, article_id)
            for article_id in {r.article_id for r in rows.values()}
        }

        # As for news on it, a story without a topic's most specific word is on something else when that word is a
        # name, which no story puts in other words: Conable on the debt crisis in a story on Indonesia is not Conable
        # on "mexico's debt". There the person's paragraph answers only through more than one of the topic's words.
        named_specific = cache(lambda: self.reader.specific_is_a_name(topic))

        def names_the_topic(article_id: int) -> bool:
            """Whether a story holds the topic's most specific word when that is a name: Volcker on "brazil's debt
            problems" is in a story about Brazil's debt, not in one on other debtors covering more of the words."""
            return holds_specific(article_id) or not named_specific()

        def elsewhere(row: ParagraphRow, stems: AbstractSet[str], in_story: Topic) -> bool:
            return len(topic.stems) > 1 and in_story.evidenced(stems)[0] <= 1 and not names_the_topic(row.article_id)

        def answer_tier(paragraph_id: int, row: ParagraphRow) -> float | None:
            """The tier of a paragraph where the person answers (its own words on the topic), else None."""
            stems, coverage, in_story = stems_by_id[paragraph_id], coverage_by_id[paragraph_id], topic_of[paragraph_id]
            if paragraph_id not in speaking or elsewhere(row, stems, in_story):
                return None
            if coverage >= MIN_COVERAGE and _enough_words(in_story, stems, row.text):
                return 3.0
            if coverage >= MIN_PARTIAL_COVERAGE and _two_words(in_story, stems):
                return PARTIAL_TIER
            on_the_lead = row.article_id in on_topic_lead and (
                coverage >= MIN_SIBLING_COVERAGE
                or QUOTATION.search(row.text) is not None
                or _goes_on_with(self.stories.lead(row.article_id), row.text)
            )
            if row.article_id in central or on_the_lead or (row.article_id in specific and topic.matched(stems) > 0):
                return ANSWER_TIER
            return None

        answer_tiers = {i: answer_tier(i, row) for i, row in rows.items()}
        answered = {rows[i].article_id for i, tier in answer_tiers.items() if tier is not None}
        for paragraph_id, row in rows.items():
            stems, coverage = stems_by_id[paragraph_id], coverage_by_id[paragraph_id]
            in_story = topic_of[paragraph_id]
            found = answer_tiers[paragraph_id]
            if found is not None:
                tier = found
            elif paragraph_id in speaking and (
                row.article_id in answered or (row.article_id in about_topic and coverage >= MIN_SIBLING_COVERAGE)
            ):
                tier = 2.0  # the person's neighbouring paragraphs in a story where they answer
            elif paragraph_id not in speaking and coverage >= MIN_COVERAGE and row.article_id in about_topic:
                tier = 1.0
            else:
                continue
            quoted = _quoted(in_story, row.text)
            key = (
                tier,
                context[row.article_id],
                float(_asked_about(in_story, row.text)),
                float(names_the_topic(row.article_id)),
                round(coverage, 2),  # finer differences are noise: the story, then quotes and its lead, decide
                round(lead_share(row.article_id), 1),  # between paragraphs covering it alike, the story about it
                # Their own words on the topic in quotation marks, then the lead, which states the news their
                # other quotes give in their words.
                float(quoted == QUOTED_ON_TOPIC),
                float(row.position == 0),
                quoted,
                _mentions(topic, row.text, stems),
                float(paragraph_id in speaks_first),
                -row.position,
            )
            ranked.append(Ranked(row, key, stems))
        if not any(r.key[0] >= ANSWER_TIER for r in ranked):
            return []  # the person never speaks on this topic; their other paragraphs or mentions aren't an answer
        return sorted(ranked, key=lambda r: r.key, reverse=True)

    def nearest(self, speaker: Speaker, topic: Topic, after_article: int) -> list[Ranked]:
        """A person's own paragraphs nearest a topic they never speak on: those holding most of its very words.

        Offered with the no-match, never as the answer. Related words do not count here: with them, the
        question sets' true no-answers got such offers four times as often. In the sets, 14 of the 48 questions
        answered "nothing" wrongly had an answer among these; 10 of the 102 true no-answers got an offer.
        """
        # Their latest words only, as for ranking: all 34,780 of a role 1,563 people hold took 0.3 s to read.
        links = [
            link
            for link in self.store.person_paragraphs(speaker.person_ids, speaking=True, latest=LINKS_READ)
            if link.article_id > after_article
        ]
        stories = self.stories.terms(topic, {link.article_id for link in links})
        touching = {article_id for article_id, terms in stories.items() if topic.coverage(terms, 0.0) > 0}
        candidates = [link.paragraph_id for link in links if link.article_id in touching][-NEAREST_CANDIDATES:]
        nearest: list[Ranked] = []
        for row in self.store.paragraphs_by_id(candidates):
            stems = frozenset(stems_of(row.text))
            coverage = topic.coverage(stems, 0.0)
            if coverage >= MIN_SIBLING_COVERAGE:
                key = (round(coverage, 2), weight(topic, stems), 0.0, float(row.article_id), -float(row.position))
                nearest.append(Ranked(row, key, stems))
        return sorted(nearest, key=lambda r: r.key, reverse=True)[:NEAREST]

    def _people_named(self, topic: str, within: list[int]) -> set[int]:
        """Of the ``within`` paragraphs, those about the person a topic names ("what did Straw say about
        Alastair Campbell?")."""
        if not topic or len(topic.split()) > 4:
            return set()
        # Only a name or a role noun names someone in a topic; matching its words against every role
        # read all the role aliases of a large archive on a first question (0.8 s at 100k articles).
        named = self.speakers.resolve(topic, allow_fuzzy=False, role_noun_needed=True)
        # A role many hold ("secretary") names nobody in particular, and reading all their paragraphs
        # took a second in a large archive.
        if named is None or len(named.person_ids) > MAX_NAMED_PEOPLE:
            return set()
        # Only the asked speaker's paragraphs matter: a much-mentioned person's every link took 55 ms to read.
        return {link.paragraph_id for link in self.store.person_paragraphs(named.person_ids, within)}

    def _speaking_order(self, speaker: Speaker, links: list[PersonParagraph], wanted: int) -> list[Ranked]:
        """A person's own paragraphs (``links`` where they speak), each article in reading order; only the
        first ``wanted`` are read. When they say less than that, the paragraphs of the same stories that only
        mention them follow ("former England full-back Dusty Hare put England's mistakes down to ...").

        Articles first that carry the typed role's qualifiers ("the bank of finland governor": the Bank of
        Finland's story before other governors' whose roles only share "bank"), then where they say most.
        Ordered by their links alone: a prolific speaker's thousands of paragraphs were all read for a page.
        """
        per_article = Counter(link.article_id for link in links)
        if speaker.qualifiers:
            self.stories.prefetch(per_article)  # in one query: read one by one, thousands of stories took seconds
        context = {article_id: self._qualifier_share(speaker, article_id) for article_id in per_article}

        def key(link: PersonParagraph) -> tuple[float, ...]:
            speaks = SPEAKS if link.role == "speaker" else MENTIONED  # first: a story goes on with their own words
            story = link.article_id
            return (speaks, context[story], float(per_article[story]), float(story), -float(link.position))

        keys = {link.paragraph_id: key(link) for link in links}
        rows: dict[int, ParagraphRow] = {}
        if len(keys) < wanted:
            # Fewer than a page: a handful of stories, read whole (not a much-mentioned person's every link);
            # their rows are all the page needs.
            rows = {row.id: row for article_id in per_article for row in self.store.article_rows(article_id)}
            mentions = self.store.person_paragraphs(speaker.person_ids, list(rows))
            keys |= {link.paragraph_id: key(link) for link in mentions if link.paragraph_id not in keys}
        first = sorted(keys, key=keys.__getitem__, reverse=True)[:wanted]
        if unread := [i for i in first if i not in rows]:
            rows |= {row.id: row for row in self.store.paragraphs_by_id(unread)}
        return [Ranked(rows[i], keys[i], frozenset()) for i in first if i in rows]

    def _qualifier_share(self, speaker: Speaker, article_id: int) -> float:
        """How many of a typed role's unmatched words ("canadian") the article itself uses."""
        if not speaker.qualifiers:
            return 0.0
        stems = self.stories.stems(article_id)
        found = sum(has_form(stems, stem(q)) for q in speaker.qualifiers)
        return found / len(speaker.qualifiers)


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


def _two_words(topic: Topic, stems: AbstractSet[str]) -> bool:
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
    if len(topic.stems) < 2 or _two_words(topic, stems):
        return True
    return any(named_in(text, word) for word in topic.words if word.isalpha())
