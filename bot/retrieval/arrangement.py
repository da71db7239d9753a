"""How a ranking becomes a page: a reader follows stories, while a ranking orders paragraphs one by one.

The first answer's story goes on with its next paragraphs of the same tier before another story's; a topic
answer, with the details its story gives in other words; a person's first answer, with the paragraph setting
out their news; a person's short answer, with the story around their words.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from itertools import takewhile

from bot.retrieval.ranked import MIN_SIBLING_COVERAGE, QUOTATION, RELATED_CREDIT, Ranked
from bot.retrieval.speaker_ranking import MENTIONED
from bot.retrieval.terms import Topic, stems_of
from bot.store.protocol import StoreProtocol

STORY_FOLLOWERS = 2  # the first answer's story's next paragraphs of its tier, put right after it
FOLLOWER_WINDOW = 6  # ... when among the ranking's first this many, which are always ranked in full
STORY_REACH = 3  # a topic answer's story goes on with paragraphs at most this far after it
AS_MUCH = 0.2  # a quotation covering this much less of a topic than the lead before it covers it about as much
SETTING_RANK = 2  # answers before the paragraph setting out a person's news (see Arranger.with_setting)
SHORT_ANSWER = 3  # a person's answer of fewer paragraphs is followed by its story around it (Arranger.with_context)
CONTEXT_REACH = 2  # ... by paragraphs at most this far from their words
# ... ranked as a paragraph that only mentions them: below every tier of their own words, never counted as theirs,
# and led as what the same stories say of them ("What Harry Lee said, then what the same stories say of them:")
CONTEXT_TIER = MENTIONED


def first_story_first(ranked: list[Ranked]) -> list[Ranked]:
    """The ranking with the first answer's story's next paragraphs of the same tier right after it.

    The rest of a story that answers best is more often part of the answer than another story's paragraph
    scoring a little higher: a report states the news and then its details, a speaker goes on in the
    paragraphs after. Only the same tier moves up: a person's own words still come before mentions.
    """
    first = ranked[0]
    followers = [
        r for r in ranked[1:FOLLOWER_WINDOW] if r.row.article_id == first.row.article_id and r.key[0] == first.key[0]
    ][:STORY_FOLLOWERS]
    moved = {id(r) for r in followers}  # by identity: equal keys and rows are not the same entry
    return [first, *followers, *(r for r in ranked[1:] if id(r) not in moved)]


def words_going_on_first(ranked: list[Ranked]) -> list[Ranked]:
    """A person's ranking with, in each tier after their first answer, the paragraphs right after and right before
    it ahead of the tier's others.

    A speaker goes on with a thought in the next paragraph (Fitzwater on "opposition to an oil import fee", then
    his quotation "The President's position is that he is opposed to it"): in the read question sets the paragraph
    after a first answer was part of the answer two times in three, the one before half the time, the second answer
    as ranked before less often. Tiers keep their order, so a person's own words still come before mentions.
    """
    first = ranked[0].row

    def nearness(r: Ranked) -> int:
        step = r.row.position - first.position if r.row.article_id == first.article_id else 0
        return {1: 0, -1: 1}.get(step, 2)  # after, before, elsewhere

    return [ranked[0], *sorted(ranked[1:], key=lambda r: (-r.key[0], nearness(r)))]  # stable: ranked order within


def best_of_each_story(ranked: list[Ranked]) -> list[Ranked]:
    """A story's best paragraph only, for stories asked for ("top 5 stories on the tsunami")."""
    return _first_of_each(ranked, lambda r: r.row.article_id)


def once_each(ranked: list[Ranked]) -> list[Ranked]:
    """A ranking with each paragraph's text once: an archive holds some stories twice (a feed's repeat, a copy
    filed under two sections), and a page quoting the same words twice looks broken."""
    return _first_of_each(ranked, lambda r: r.row.text)


def _first_of_each(ranked: list[Ranked], key: Callable[[Ranked], Hashable]) -> list[Ranked]:
    """The ranking with only the first (best) paragraph of each ``key``."""
    first: dict[Hashable, Ranked] = {}
    for r in ranked:
        first.setdefault(key(r), r)
    return list(first.values())


class Arranger:
    """Arranges a ranking's first answers with the paragraphs of their story that go with them."""

    def __init__(self, store: StoreProtocol) -> None:
        self.store = store

    def story_goes_on(self, ranked: list[Ranked]) -> list[Ranked]:
        """A topic answer followed by its story's next paragraphs, where its followers leave room.

        A report gives the details of its news in the paragraphs after the one naming it, in other words or in
        none of the topic's ("claims from passengers" after "insurers could face claims"; the reasons after the
        news): too few of the topic's words to be ranked, but more often part of the answer than another story's
        paragraph. In the question sets, with every first answer unchanged, recall@3 rose on seven read and five
        held-out questions and fell on two held-out ones once paragraphs without the topic's words came too.
        """
        first = ranked[0]
        followers = list(takewhile(lambda r: r.row.article_id == first.row.article_id, ranked[1 : 1 + STORY_FOLLOWERS]))
        room = STORY_FOLLOWERS - len(followers)
        if not room:
            return ranked
        taken = {r.row.id for r in (first, *followers)}
        after = [
            Ranked(row, first.key, frozenset(stems_of(row.text)))  # placed with the answer it continues
            for row in self.store.article_rows(first.row.article_id)
            if row.id not in taken and 0 < row.position - first.row.position <= STORY_REACH
        ][:room]
        moved = {r.row.id for r in after}
        head = 1 + len(followers)
        return [*ranked[:head], *after, *(r for r in ranked[head:] if r.row.id not in moved)]

    @staticmethod
    def words_before_report(ranked: list[Ranked], topic: Topic) -> list[Ranked]:
        """An answer to what someone said with their quotation before the lead reporting it: when the first answer
        is a story's lead quoting nobody and the second the paragraph after it, quoting and covering the topic
        about as much, the two change places.

        The lead reports what was said ("Strachan has rejected the chance to become Portsmouth's new boss"); the
        next paragraph gives the words, which the question asks for. Not a quotation on something else after a
        lead that is the answer ("Arnesen has denied that Santini left after a clash", then "We talk every day").
        In the question sets, for questions naming a speaker: first answers +3 read and +3 held-out, none lost
        (for topic questions the sets disagreed: the lead is the news asked for as often as not).
        """
        if len(ranked) < 2:
            return ranked
        lead, after = ranked[0], ranked[1]
        if (
            lead.row.position == 0
            and after.row.article_id == lead.row.article_id
            and after.row.position == 1
            and QUOTATION.search(lead.row.text) is None
            and QUOTATION.search(after.row.text) is not None
            and _coverage(topic, after) >= _coverage(topic, lead) - AS_MUCH
        ):
            return [after, lead, *ranked[2:]]
        return ranked

    def with_setting(self, ranked: list[Ranked], person_ids: Sequence[int], topic: Topic) -> list[Ranked]:
        """A person's answer with the paragraph before their first answer at rank 3, when it names them on the
        topic and quotes nobody: a report sets out the news about them there before giving their words ("Indonesia's
        finance minister met World Bank president Tom Crane", then "Crane said further loans would depend…").

        Never first: it reports on them rather than giving their words. In the question sets, with the first
        answers unchanged: recall@3 up in five held-out sets, MRR one step down in one; read sets even.
        """
        first = ranked[0].row
        position = first.position - 1
        if position < 0 or any(r.row.article_id == first.article_id and r.row.position == position for r in ranked):
            return ranked
        row = next(r for r in self.store.article_rows(first.article_id) if r.position == position)
        stems = frozenset(stems_of(row.text))
        sets_out = (
            topic.coverage(stems, RELATED_CREDIT) >= MIN_SIBLING_COVERAGE
            and not self.store.first_speakers([row.id])  # quotes nobody
            and self.store.person_paragraphs(person_ids, [row.id])  # names them
        )
        if not sets_out:
            return ranked
        return [*ranked[:SETTING_RANK], Ranked(row, ranked[0].key, stems), *ranked[SETTING_RANK:]]

    def with_context(self, ranked: list[Ranked], topic: Topic | None) -> list[Ranked]:
        """A person's answer of one or two paragraphs followed by its story's paragraphs around their words: the
        ones right before and after it, and those two away that touch the topic (when one is asked about).

        Their words rarely stand alone: the paragraph before sets out the news they speak to ("India's defence
        minister has opened the air show with an invitation for aerospace firms" before Mukherjee's words), the
        one after goes on with it in the reporter's words. In the question sets, with every first answer unchanged,
        recall@3 rose on ten read and sixteen held-out questions on a topic and fell on none; asked for all they
        said, on four read and five held-out, none down.
        """
        if len(ranked) >= SHORT_ANSWER:
            return ranked
        first = ranked[0].row
        taken = {r.row.id for r in ranked}
        around = sorted(
            (
                row
                for row in self.store.article_rows(first.article_id)
                if row.id not in taken and 0 < abs(row.position - first.position) <= CONTEXT_REACH
            ),
            key=lambda row: (abs(row.position - first.position), row.position < first.position),  # nearest, after first
        )
        context: list[Ranked] = []
        for row in around:
            stems = frozenset(stems_of(row.text))
            beside = abs(row.position - first.position) == 1
            if beside or (topic is not None and topic.coverage(stems, RELATED_CREDIT) >= MIN_SIBLING_COVERAGE):
                context.append(Ranked(row, (CONTEXT_TIER,), stems))
        return [*ranked, *context[: SHORT_ANSWER - len(ranked)]]


def _coverage(topic: Topic, ranked: Ranked) -> float:
    """How much of a topic a ranked paragraph covers (its stems read again when its ranking kept none)."""
    return topic.coverage(ranked.stems or frozenset(stems_of(ranked.row.text)), RELATED_CREDIT)
