"""Related terms learned from the store itself (pseudo-relevance feedback), not from a hand-made list.

For a topic word, read the paragraphs that use it most and keep the words that are concentrated there
far beyond their share of the whole archive: "crude" → oil, barrel, opec; "jobs" → cut, workforce.
"""

from __future__ import annotations

import math
from collections import Counter

from bot.lru import LRUCache
from bot.ratelimit import TokenBucket
from bot.retrieval.candidates import recent_first
from bot.retrieval.fts import STOPWORDS, quote_term
from bot.retrieval.terms import stem, stems_of
from bot.store.protocol import StoreProtocol

_STOP_STEMS = frozenset(stem(w) for w in STOPWORDS)
# Words whose related words were learnt before the archive last grew by a tenth are re-learnt at most this
# many a second; until then answers use what was learnt. A bulk load crossing that line made every question
# re-learn its words at once (20 askers during a load at 10k articles: p95 288 ms, 73 ms without re-learning).
RELEARN_PER_SECOND = 5
# Stems most often beside a word whose archive-wide frequency is looked up: a common stem's look-up reads its
# whole posting list (up to 17 ms at 1.4M paragraphs), and the strongest associations are among these.
CANDIDATES = 100


class RelatedTerms:
    """Finds and caches the stems most associated with a word in the store's paragraphs."""

    def __init__(
        self,
        store: StoreProtocol,
        *,
        sample: int = 120,
        per_word: int = 6,
        min_count: int = 3,
        cache_size: int = 4096,
        relearn_per_second: float = RELEARN_PER_SECOND,
    ) -> None:
        self.store = store
        self.sample = sample
        self.per_word = per_word
        self.min_count = min_count
        # word -> (the archive's generation when learnt, related stems)
        self._cache: LRUCache[str, tuple[int, frozenset[str]]] = LRUCache(cache_size)
        self._relearning = TokenBucket(relearn_per_second)

    def related(self, word: str) -> frozenset[str]:
        """Stems that co-occur unusually often with ``word`` (empty for rare or unknown words)."""
        # Re-learn after the archive grows by a tenth: associations drift slowly.
        generation = int(math.log(max(self.store.paragraph_count(), 1), 1.1))
        learnt = self._cache.get(word, lambda: (generation, self._learn(word)))
        if learnt[0] != generation and self._relearning.try_acquire():
            learnt = (generation, self._learn(word))
            self._cache.put(word, learnt)
        return learnt[1]

    def _learn(self, word: str) -> frozenset[str]:
        rows = recent_first(self.store, quote_term(word), self.sample)
        if len(rows) < self.min_count:
            return frozenset()
        own = stem(word)
        # Count each stem once per story: an association must hold across several reports,
        # not come from one article that happens to use the word a lot.
        per_article: dict[int, set[str]] = {}
        for row in rows:
            per_article.setdefault(row.article_id, set()).update(stems_of(row.text))
        counts: Counter[str] = Counter()
        for stems in per_article.values():
            counts.update(stems)
        # Ties by the stem itself, here and below: counts come from sets, whose order changes with the
        # process's hash seed, and the hundredth place is often shared.
        candidates = [
            s
            for s, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:CANDIDATES]
            if n >= self.min_count and s != own and s not in _STOP_STEMS and len(s) > 2 and not s.isdigit()
        ]
        frequency = self.store.document_frequency(candidates)
        total = max(self.store.paragraph_count(), 1)
        # Lift: how much more often the stem appears beside the word than anywhere in the archive.
        stories = len(per_article)
        scored = {
            s: (counts[s] / stories) * math.log(total / frequency[s])
            for s in candidates
            if frequency.get(s) and counts[s] / stories > 3 * frequency[s] / total
        }
        best = sorted(scored, key=lambda s: (-scored[s], s))[: self.per_word]
        return frozenset(best)
