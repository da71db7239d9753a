"""Ranking paragraphs on a topic alone ("any news on the Dome?"), and a speaker nobody is recorded as.

Candidates are the best BM25 matches of all the topic's words in recent news, else anywhere, with those of
any word in recent news when they meet too rarely; each is keyed by how much of the topic it and its story
cover, and only as far down the BM25 order as the page needs. The stories that match best lend their other
paragraphs (a report's reactions rarely repeat its words).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterable
from functools import cache, partial

from bot.retrieval.candidates import recent_first, recent_since
from bot.retrieval.fts import all_of, any_of
from bot.retrieval.numbers import numbers_in_place
from bot.retrieval.ranked import (
    MIN_ARTICLE_COVERAGE,
    MIN_COVERAGE,
    MIN_PARTIAL_COVERAGE,
    MIN_SIBLING_COVERAGE,
    NEAREST,
    RELATED_CREDIT,
    Ranked,
    weight,
)
from bot.retrieval.stories import Stories
from bot.retrieval.terms import Topic, stem, stems_of, written_in
from bot.retrieval.topic_reading import TopicReader
from bot.store import ParagraphRow
from bot.store.protocol import StoreProtocol

TOPIC_CANDIDATES = 300
STORY_CANDIDATES = 12  # paragraphs whose stories lend their other paragraphs to a topic answer
STORY_SHARE = 0.4  # how much a paragraph's story (whole article) counts beside the paragraph itself
LEAD_BONUS = 0.1  # a story's lead against later paragraphs (0.05-0.1 helped the question sets, 0.125 hurt)
# For news on a topic, how much a story's headline and lead covering it count: what the story reports is about it.
HEADLINE_SHARE = 0.2
# A story without the topic's rarest word that covers this much of the topic may say that word otherwise: the
# Energy Department "awarded bids" for oil from its reserve, asked how much it "sold". The rest of the topic must
# outweigh the missing word. At the "about the topic" bar (0.75) one more word in a long question shut its story
# out; 0.6: held-out p@1 +3, read +1, no-answers unchanged (0.5 let "challenger shuttle inquiry" find a court
# challenge's inquiry: read no-answers -1).
PARAPHRASED_STORY = 0.6


class TopicRanker:
    """Ranks the store's paragraphs on a topic."""

    def __init__(self, store: StoreProtocol, stories: Stories, reader: TopicReader) -> None:
        self.store = store
        self.stories = stories
        self.reader = reader

    def rank(
        self, topic: Topic, after_article: int = 0, wanted: int = sys.maxsize, *, news: bool = False
    ) -> list[Ranked]:
        """Paragraphs on a topic, best first; complete through the first ``wanted``, which is all callers read.

        :param news: the question asks for news on the topic ("any news on the Dome?"), not a speaker's words
            read as a topic: a story whose headline and lead are about it comes first.
        """
        found = recent_first(self.store, all_of(topic.words), TOPIC_CANDIDATES, after_article)
        rows = {r.id: r for r in found}
        fallback = len(rows) < TOPIC_CANDIDATES // 3
        if fallback:
            # Ranking an OR query scores every paragraph with any of the words (a fifth of a second at a
            # million paragraphs), so the fallback looks at recent news only; the AND search saw everything.
            recent = recent_since(self.store, after_article)
            more = self.store.search(any_of(topic.words), limit=TOPIC_CANDIDATES, after_article=recent)
            for row in more:
                rows.setdefault(row.id, row)
        self.stories.prefetch(row.article_id for row in rows.values())
        measures = _Measures(self.stories, self.reader, topic, rows, news=news)
        keys = _keys_until_settled(rows, measures.key_of, measures.best_at, wanted, in_bm25_order=not fallback)
        if len(keys) < len(rows) and any(measures.anchored(i) for i in keys):
            return _told_apart(_by_key(rows, keys, measures.stems), topic, self.stories)
        for paragraph_id in rows:
            if paragraph_id not in keys:  # the rest, in the order found
                keys[paragraph_id] = measures.key_of(paragraph_id)
        if not any(measures.anchored(i) for i in rows) and not measures.acronym_found():
            return []
        # A lent paragraph has no BM25 rank (0): when more found ones than the page needs rank above the best
        # it could be, lending cannot change the answer and its reading and stemming are skipped.
        if _above(keys.values(), measures.best_at(0.0)) < wanted:
            self._lend(measures, rows, keys, wanted)
        return _told_apart(_by_key(rows, keys, measures.stems), topic, self.stories)

    def nearest(self, topic: Topic, after_article: int = 0) -> list[Ranked]:
        """The paragraphs nearest a topic nothing answers, offered with the no-match, never as the answer: of the
        stories headlined with its most specific word as written, the paragraphs holding most of its very words ("is
        eurodisney going bust?": "Ailing EuroDisney vows turnaround", its share sale "to avoid insolvency"). Not a
        story only using the word or its stem: "the Mars rovers" found crowd trouble that "marred" a tie, "the ryder
        cup" Andrew Ryder, "the live 8 concerts" concerted intervention on currency markets."""
        words = [word for word in topic.words if stem(word) in topic.specific]
        # In recent news, as for a topic's fallback: ranking a common word's paragraphs took 20 ms at 100k articles.
        recent = recent_since(self.store, after_article)
        found = self.store.search(any_of(words), limit=TOPIC_CANDIDATES, after_article=recent) if words else []
        nearest = []
        for row in found:
            if not any(written_in(row.title, word) or written_in(row.title, word.removesuffix("s")) for word in words):
                continue
            stems = frozenset(stems_of(row.text))
            if (coverage := topic.coverage(stems, 0.0)) >= MIN_PARTIAL_COVERAGE:
                key = (round(coverage, 2), weight(topic, stems), float(row.article_id), -float(row.position))
                nearest.append(Ranked(row, key, stems))
        return sorted(nearest, key=lambda r: r.key, reverse=True)[:NEAREST]

    def _lend(
        self,
        measures: _Measures,
        rows: dict[int, ParagraphRow],
        keys: dict[int, tuple[float, ...] | None],
        wanted: int,
    ) -> None:
        """Add to ``rows`` and ``keys`` the other paragraphs of the stories that match best: a report on the topic
        often carries its reactions ("the union said…") in paragraphs without the topic's words. Only a story that
        may rank a paragraph has one measured, and so can lend."""
        best = sorted(measures.coverage, key=lambda i: -measures.coverage[i])[:STORY_CANDIDATES]
        for article_id in dict.fromkeys(rows[i].article_id for i in best):
            if _above(keys.values(), measures.best_in(article_id, lead=True)) >= wanted:
                continue  # none of its paragraphs could make the page
            lent = [row for row in self.store.article_rows(article_id) if row.id not in rows]
            # Its lead may outrank every paragraph found; the rest only when they leave the page room.
            later = _above(keys.values(), measures.best_in(article_id, lead=False)) < wanted
            for row in lent:
                if row.position == 0 or later:
                    rows[row.id] = row
                    keys[row.id] = measures.key_of(row.id)


class _Measures:
    """How far each candidate paragraph, and its story, cover one topic: read and stemmed once, when reached."""

    def __init__(
        self, stories: Stories, reader: TopicReader, topic: Topic, rows: dict[int, ParagraphRow], *, news: bool
    ) -> None:
        self.stories = stories
        self.topic = topic
        self.rows = rows  # the candidates; lending adds to them
        self.stems: dict[int, frozenset[str]] = {}
        self.coverage: dict[int, float] = {}
        # A topic of several words is found only where at least two of them meet, in the paragraph or in
        # a story covering the topic: "Mars rovers" is not answered by a paragraph about Rover cars, while
        # "who's running Petromin" is by the Petromin paragraph of a story that also says who runs it.
        # Its most specific word must be in the story too: "the Toronto economic summit" is not any summit.
        self.needed = min(2, len(topic.stems))
        # "Band Aid 30" is not Band Aid 20 beside a chart's "top 30": a number must stand by its words (those
        # its story uses), in the paragraph or in its story's headline ("Newcastle 2-1 Bolton", whose report
        # never writes the score).
        headline_places = cache(lambda title: numbers_in_place(topic.words, title))  # once per story
        self.numbers_placed = cache(
            lambda i: (
                numbers_in_place(topic.words, rows[i].text, stories.stems(rows[i].article_id))
                or headline_places(rows[i].title)
            )
        )
        # Per story, once: a story without the very word is scanned stem by stem for a close form, and
        # hundreds of candidates share a few hundred stories. A common word may be said otherwise ("punished":
        # "disciplinary action"; "halved": "lost more than 50%"): a story evidencing it by two of its own
        # related words holds it too, and so does one about the topic (three quarters of it, in other words of
        # the question); not a name's (a story on the Toronto summit names Toronto), which is looked up once,
        # when first needed.
        self.paraphrasable = cache(lambda: not reader.specific_is_a_name(topic))
        self.story = cache(lambda article_id: topic.coverage(stories.stems(article_id), RELATED_CREDIT))
        self.specific = cache(
            lambda article_id: (
                stories.has(article_id, topic.specific) or (self._said_otherwise(article_id) and self.paraphrasable())
            )
        )
        # For news on the topic, a story whose headline and lead are about it reports on it (read once per story).
        self.headline_share = HEADLINE_SHARE if news else 0.0
        self.lead_share = cache(partial(stories.lead_coverage, topic))
        self.whole_topic = weight(topic, frozenset(topic.weights))

    def _said_otherwise(self, article_id: int) -> bool:
        """Whether a story evidences the topic's rarest word by related words of its own, or covers most of the topic
        (``PARAPHRASED_STORY``)."""
        rarest = self.topic.specific[0]
        return (
            self.topic.evidences(rarest, self.stories.stems(article_id)) or self.story(article_id) >= PARAPHRASED_STORY
        )

    def headline(self, article_id: int) -> float:
        """What a story's headline and lead covering the topic add to its paragraphs' scores, for news on it."""
        return self.headline_share * self.lead_share(article_id) if self.headline_share else 0.0  # no lead read

    def anchored(self, paragraph_id: int) -> bool:
        """Whether a keyed paragraph may answer: enough of the topic, its words meeting, in a story of this topic."""
        row = self.rows[paragraph_id]
        share, about = self.coverage.get(paragraph_id, 0.0), self.story(row.article_id) >= MIN_ARTICLE_COVERAGE
        # A newswire story's one-sentence paragraphs spread a topic over several ("how did soviet energy output
        # do in the first quarter?"): in a story about the topic, a paragraph holding part of it will do.
        return (
            (share >= MIN_COVERAGE or (about and share >= MIN_PARTIAL_COVERAGE))
            and (self.topic.matched(self.stems[paragraph_id]) >= self.needed or about)
            and self.specific(row.article_id)
            and self.numbers_placed(paragraph_id)
        )

    def acronym_found(self) -> bool:
        """Whether a keyed paragraph holds the topic's acronym (which answers however little else it holds)."""
        acronym = self.topic.acronym
        return bool(acronym) and any(acronym in found for found in self.stems.values())

    def key_of(self, paragraph_id: int) -> tuple[float, ...] | None:
        """A paragraph's ranking key, None when it cannot rank; its stems and coverage kept for the checks above."""
        row = self.rows[paragraph_id]
        # A paragraph covers no more of the topic than its story: in a story too far from the topic to rank
        # any of its paragraphs, none is stemmed (half the candidates of a topic whose words rarely meet).
        lead = row.position == 0 and not _only_asks(row.text)
        if not _may_rank(self.story(row.article_id), lead=lead):
            return None
        stems = self.stems[paragraph_id] = self.topic.held_in(row.text, frozenset(stems_of(row.text)))
        coverage = self.coverage[paragraph_id] = self.topic.coverage(stems, RELATED_CREDIT)
        score = _topic_score(self.story(row.article_id), coverage, lead=lead)
        if coverage < MIN_SIBLING_COVERAGE or score < MIN_COVERAGE:
            return None
        held = weight(self.topic, stems)
        return _topic_key(
            self.specific(row.article_id), score + self.headline(row.article_id), held, row.rank, row.position
        )

    def best_at(self, rank: float) -> tuple[float, ...]:
        """The best key a paragraph of this BM25 rank could have: the whole topic, in a story on it."""
        return _topic_key(True, _topic_score(1.0, 1.0, lead=True) + self.headline_share, self.whole_topic, rank, 0)

    def best_in(self, article_id: int, *, lead: bool) -> tuple[float, ...]:
        """The best key a lent paragraph (rank 0) of a story could have: all of the topic its story holds."""
        share, held = self.story(article_id), weight(self.topic, self.stories.stems(article_id))
        score = _topic_score(share, share, lead=lead) + self.headline(article_id)
        return _topic_key(self.specific(article_id), score, held, 0.0, 0 if lead else 1)


def _keys_until_settled(
    rows: dict[int, ParagraphRow],
    key_of: Callable[[int], tuple[float, ...] | None],
    best_at: Callable[[float], tuple[float, ...]],
    wanted: int,
    *,
    in_bm25_order: bool,
) -> dict[int, tuple[float, ...] | None]:
    """Keys of the found paragraphs, best BM25 first, until ``wanted`` of them outrank all the rest could.

    Each is read and stemmed only when reached: for a common word the first few settle the page.
    """
    keys: dict[int, tuple[float, ...] | None] = {}
    contenders: list[tuple[float, ...]] = []  # keys as good as any paragraph's could be but for rank
    order = list(rows)
    ceiling = best_at(math.inf)  # the best key any paragraph could have, whatever its BM25 rank
    for n, paragraph_id in enumerate(order):
        key = keys[paragraph_id] = key_of(paragraph_id)
        if key is not None and key > ceiling:
            contenders.append(key)
        if (
            in_bm25_order
            and n + 1 < len(order)
            and len(contenders) >= wanted
            and _above(contenders, best_at(rows[order[n + 1]].rank)) >= wanted
        ):
            break
    return keys


def _above(keys: Iterable[tuple[float, ...] | None], bound: tuple[float, ...]) -> int:
    """How many keys rank strictly above ``bound``."""
    return sum(1 for key in keys if key is not None and key > bound)


def _by_key(
    rows: dict[int, ParagraphRow], keys: dict[int, tuple[float, ...] | None], stems: dict[int, frozenset[str]]
) -> list[Ranked]:
    """The keyed paragraphs, best first (ties in the order they were found)."""
    ranked = [Ranked(rows[i], key, stems[i]) for i, key in keys.items() if key is not None]
    return sorted(ranked, key=lambda r: r.key, reverse=True)


def _topic_key(specific: bool, score: float, held: float, rank: float, position: int) -> tuple[float, ...]:
    """A topic answer's ranking key, higher first: the story of this very topic, score, weight held, BM25, place."""
    return (float(specific), round(score, 3), held, -rank, -position)


def _topic_score(story: float, coverage: float, *, lead: bool = False) -> float:
    """A paragraph's topic score: its own coverage of the topic and, less, its story's (each at most 1).

    A story's first paragraph says what the story is about: it goes before a later one covering as much.
    """
    return STORY_SHARE * story + (1 - STORY_SHARE) * coverage + (LEAD_BONUS if lead else 0.0)


def _only_asks(text: str) -> bool:
    """Whether a paragraph is one question ("Could rivalry overshadow election?"): a comment piece's opening asks
    what the story goes on to tell, and is no lead to put first."""
    body = text.strip()
    return body.endswith("?") and not any(mark in body[:-1] for mark in '.?!"“')


def _may_rank(story: float, *, lead: bool) -> bool:
    """Whether a story's coverage of a topic leaves room for one of its paragraphs to rank: one covering as
    much as the whole story (a paragraph's terms are among its story's) must clear both thresholds."""
    return story >= MIN_SIBLING_COVERAGE and _topic_score(story, story, lead=lead) >= MIN_COVERAGE


def _told_apart(ranked: list[Ranked], topic: Topic, stories: Stories) -> list[Ranked]:
    """The ranking with each story's paragraphs reordered within the places they hold, by the topic's words that
    set them apart: a report on Uganda's coffee holds "Uganda" and "coffee" in every paragraph, and only its
    paragraph on the ban "banned" and "road". A word most of a story's ranked paragraphs hold counts less among
    them (``Topic.among``); where its paragraphs stand against other stories' is left as ranked. In the question
    sets: held-out p@1 +7 −3, read +3 −1.

    The story's headline and lead count as one more place holding their words: the reader has them, so a word only
    the lead holds names the story rather than the paragraph asked for ("the saudi riyal against the dollar": the
    riyal's rate to the dollar, not the lead on Saudi deposits). Held-out p@1 +6, read +1, none lost.
    """
    places: dict[int, list[int]] = {}
    for place, r in enumerate(ranked):
        places.setdefault(r.row.article_id, []).append(place)
    told_apart = list(ranked)
    for held in places.values():
        if len(held) < 2:
            continue
        story = [ranked[place] for place in held]
        apart = topic.among([r.stems for r in story] + [stories.lead(story[0].row.article_id)])
        best = sorted(story, key=lambda r: round(apart.coverage(r.stems, RELATED_CREDIT), 2), reverse=True)
        for place, r in zip(held, best, strict=True):
            told_apart[place] = r
    return told_apart
