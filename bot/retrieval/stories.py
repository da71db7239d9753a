"""Stories' stems, kept for the ranking: a paragraph is measured against its story as well as on its own.

An article's distinct stems are stored with it at ingest (``article_stems``); here they are read, cached
for a busy archive's working set of stories, and searched for a topic's words or their close forms.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from functools import partial

from bot.lru import LRUCache
from bot.retrieval.ranked import RELATED_CREDIT
from bot.retrieval.role_holders import same_word
from bot.retrieval.terms import Topic, stems_of
from bot.store.protocol import StoreProtocol

ARTICLE_STEMS_CACHED = 5_000  # stories whose stems stay in memory (~2.5 kB each in a large archive)
CLOSE_FORM_ENDING = 4  # letters a close form may add or drop: "iran" / "iranian", "japan" / "japanese"


class Stories:
    """Every story's stems and its lead's, read from the store once and cached (articles never change)."""

    def __init__(self, store: StoreProtocol) -> None:
        self.store = store
        # A busy archive's working set of stories, bounded for memory.
        self._stems: LRUCache[int, frozenset[str]] = LRUCache(ARTICLE_STEMS_CACHED)
        self._leads: LRUCache[int, frozenset[str]] = LRUCache(ARTICLE_STEMS_CACHED)

    def stems(self, article_id: int) -> frozenset[str]:
        """Every stem of an article (title and paragraphs), cached."""

        def read() -> frozenset[str]:
            stored = self.store.article_stems([article_id]).get(article_id)
            if stored is not None:
                return _stem_set(stored)
            article = self.store.get_article(article_id)
            texts = [article.title if article else "", *self.store.paragraphs_of(article_id)]
            return frozenset().union(*(stems_of(t) for t in texts))

        return self._stems.get(article_id, read)

    def lead(self, article_id: int) -> frozenset[str]:
        """The stems of an article's headline and first paragraph, where news states what a story is about."""

        def read() -> frozenset[str]:
            rows = self.store.article_rows(article_id)
            return frozenset(stems_of(rows[0].title) | stems_of(rows[0].text)) if rows else frozenset()

        return self._leads.get(article_id, read)

    def lead_coverage(self, topic: Topic, article_id: int) -> float:
        """How much of a topic a story's headline and first paragraph cover: what the story reports."""
        return topic.coverage(self.lead(article_id), RELATED_CREDIT)

    def prefetch(self, article_ids: Iterable[int]) -> None:
        """Read the stored stems of many articles not yet cached in one query, ahead of ``stems``."""
        missing = [a for a in dict.fromkeys(article_ids) if a not in self._stems]
        for article_id, stored in self.store.article_stems(missing).items():
            self._stems.get(article_id, partial(_stem_set, stored))

    def has(self, article_id: int, wanted: Iterable[str]) -> bool:
        """Whether an article uses one of some stems or a close form of it (algerian / algeria)."""
        stems = self.stems(article_id)
        return any(has_form(stems, stem) for stem in wanted)

    def terms(self, topic: Topic, article_ids: set[int]) -> dict[int, AbstractSet[str]]:
        """Per story, stems to measure the topic on: the cached whole set, else the topic's terms as stored.

        A prolific speaker's thousands of stories would each be read into a set of a few hundred stems (60 µs)
        and would push the stories other questions use out of the cache.
        """
        missing = [a for a in article_ids if a not in self._stems]
        stored = self.store.article_stems(missing) if missing else {}
        return {a: topic.present_in(stored[a]) if a in stored else self.stems(a) for a in article_ids}


def has_form(stems: frozenset[str], wanted: str) -> bool:
    """Whether a set of stems holds a stem or a close form of it (``same_word``: algerian / algeria).

    A close form differs by an ending of a few letters: "euro" is not a form of "eurodisney".
    """
    # A close form begins with the same letter (one word's start is a prefix of the other), so comparing
    # only those spares hundreds of calls per story; a question's stories are mostly new to it.
    first = wanted[:1]
    return wanted in stems or any(
        same_word(wanted, s) for s in stems if s[:1] == first and abs(len(s) - len(wanted)) <= CLOSE_FORM_ENDING
    )


def _stem_set(stored: str) -> frozenset[str]:
    """Stored space-separated stems as a set, the strings interned so cached articles share them."""
    return frozenset(map(sys.intern, stored.split()))
