"""Ranking a person's paragraphs for a question: their own words on the topic first.

With a topic, the stories to read are chosen here and their paragraphs put in tiers by ``speaker_tiers``.
Without one, what they said, each story in reading order, then what the same stories say of them.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable

from bot.retrieval.fts import any_of, content_words
from bot.retrieval.ranked import (
    MIN_ARTICLE_COVERAGE,
    MIN_COVERAGE,
    MIN_PARTIAL_COVERAGE,
    MIN_SIBLING_COVERAGE,
    NEAREST,
    QUOTATION,
    RELATED_CREDIT,
    Ranked,
    weight,
)
from bot.retrieval.speaker_tiers import ANSWER_TIER, TopicTiers, two_words
from bot.retrieval.speakers import Speaker, SpeakerResolver
from bot.retrieval.stories import Stories, has_form
from bot.retrieval.terms import Topic, stem, stems_of
from bot.retrieval.topic_reading import TopicReader
from bot.store import ParagraphRow
from bot.store.people import PersonParagraph
from bot.store.protocol import StoreProtocol

MAX_NAMED_PEOPLE = 20  # a topic resolving to more people than this is not about a person
STORIES_RANKED = 300  # a speaker's latest stories on a topic ranked, when they speak in more
LINKS_READ = 10_000  # a speaker's latest paragraph links read for a topic, when they have more
# A person's words come before the paragraphs of the same stories that only mention them (speaker-only answers).
SPEAKS, MENTIONED = 1.0, 0.0
NEAREST_CANDIDATES = 300  # a person's nearest words are chosen from their latest in stories using the topic's words
# A story where the person speaks is about the topic when its whole text covers this much of it: what a main voice
# says there answers in other words (see ``TopicTiers``). A little below the bar for news on a topic alone (0.75),
# as the person asked for is evidence too. 0.7: held-out p@1 +3, read +2, no-answers unchanged; 0.65 and below
# gained one or two more each but cost read no-answers ("Eyskens on Belgium's budget deficit").
PERSONS_STORY_ON_TOPIC = 0.7


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
        about_topic, relevant = self._stories_to_rank(
            topic, {article_of[i] for i in speaking}, {article_of[i] for i in about_person if i in article_of}
        )
        # Outside the stories about the topic only the person's own words can rank (tiers 3 and 2).
        candidates = [i for i, a in article_of.items() if a in about_topic or (i in speaking and a in relevant)]
        rows = {row.id: row for row in self.store.paragraphs_by_id(candidates)}
        self.stories.prefetch(row.article_id for row in rows.values())  # read whole below, in one query
        # Looked up for these few only: for all of a prolific speaker's links it took a third of reading them.
        first_voice = self.store.first_speakers([i for i in candidates if i in speaking])
        speaks_first = {i for i, person_id in first_voice.items() if person_id in speaker.person_ids}
        context = {
            article_id: self._qualifier_share(speaker, article_id)
            for article_id in {r.article_id for r in rows.values()}
        }
        tiers = TopicTiers(
            self.stories,
            self.reader,
            topic,
            rows,
            links=links,
            about_topic=about_topic,
            about_person=about_person,
            speaks_first=speaks_first,
            context=context,
        )
        return tiers.ranked()

    def best_match_naming(self, speaker: Speaker, topic: Topic, question: str, after_article: int) -> list[Ranked]:
        """The paragraph matching the whole question best, when it names the person and quotes someone on the
        topic in a story about it; answered as such, not as their words.

        The person's words on a topic are sometimes read as a mention only ("Robbie Keane took his record to 24
        with a goal. 'We had more good chances…'") or hold one word of it ("Wheat buying, however, is a
        different story, Melnikov said." for American wheat): too little for the person's ranking, which must
        also turn away one word of "knife crime". The question's best plain-text match is more: its words, the
        person's name among them, meet there. Not in a story on something else ("smoke cigars" after a win is
        not the smoking ban), nor in a paragraph quoting nobody: naming them on the topic in the story's own
        words reports on them ("actor Jeremy Irons … among the supporters" of hunting). In the question sets:
        6 answers right, 1 no-answer lost (without the quotation: 7 right, 1 wrong, 5 no-answers lost).
        """
        query = any_of(content_words(question))
        found = self.store.search(query, limit=1, after_article=after_article) if query else []
        if not found or QUOTATION.search(found[0].text) is None:
            return []
        if not self.store.person_paragraphs(speaker.person_ids, [found[0].id]):
            return []
        stems = frozenset(stems_of(found[0].text))
        story = topic.coverage(self.stories.stems(found[0].article_id), RELATED_CREDIT)
        if topic.coverage(stems, RELATED_CREDIT) < MIN_COVERAGE or story < MIN_ARTICLE_COVERAGE:
            return []
        return [Ranked(found[0], (MENTIONED,), stems)]

    def _stories_to_rank(self, topic: Topic, spoken_in: set[int], about_person: set[int]) -> tuple[set[int], set[int]]:
        """The stories about the topic, and all those whose paragraphs may rank, of the person's ``spoken_in``.

        Only the stories where they speak are measured: a story that merely mentions them can rank none of
        its paragraphs (every tier needs their words in the story), and a much-mentioned person's other
        stories were most of the stems read. ``about_person``: the stories about the person the topic names.
        """
        story_terms = self.stories.terms(topic, spoken_in)
        story_coverage = {a: topic.coverage(terms, RELATED_CREDIT) for a, terms in story_terms.items()}
        about_topic = {a for a, share in story_coverage.items() if share >= PERSONS_STORY_ON_TOPIC} | about_person
        # Every tier needs a paragraph covering the topic or a story about it (or the named person), and a
        # paragraph covers no more than its whole story: stories below that are skipped unread (their text
        # is not even fetched), which spares reading and stemming thousands of a prolific speaker's paragraphs.
        relevant = about_topic | {a for a, share in story_coverage.items() if share >= MIN_COVERAGE}
        if len(topic.stems) > 1:  # a partial answer's story may cover less, if it evidences two of the words
            relevant |= {
                a
                for a, share in story_coverage.items()
                if share >= MIN_PARTIAL_COVERAGE and two_words(topic, story_terms[a])
            }
        if len(relevant) > STORIES_RANKED:
            # A role a thousand people hold ("the chancellor" in years of news) speaks in thousands of stories
            # on a common topic: the latest are ranked (reading them all took a second at 1.4M paragraphs).
            relevant = set(sorted(relevant)[-STORIES_RANKED:])
            about_topic &= relevant
        return about_topic, relevant

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


def answering(by_speaker: bool, on_topic: bool) -> Callable[[Ranked], bool]:
    """Which ranked paragraphs answer: a person's words on the topic (their tiers from ``ANSWER_TIER``), all they
    said (not what only mentions them), or any paragraph on a topic."""
    if by_speaker:
        return (lambda r: r.key[0] >= ANSWER_TIER) if on_topic else (lambda r: r.key[0] == SPEAKS)
    return lambda r: True
