"""Index statistics that stay cheap at millions of paragraphs: the paragraph count and cached document frequencies."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

# Past this many paragraphs a common term's frequency is kept until the archive grows by a tenth: its share
# of paragraphs (so its IDF) drifts slowly, while re-reading its posting list costs milliseconds (17 ms for
# "said" at 1.4M paragraphs). A load that cleared the cache every 1% re-read them all every 2 seconds.
LARGE = 100_000
COMMON = 1_000  # paragraphs: rarer terms are looked up each time (a short list, and a new story moves them)
GROWTH_KEPT = 1.1
_CACHE_LIMIT = 50_000


def index_totals(conn: sqlite3.Connection) -> tuple[int, int] | None:
    """(paragraphs, tokens) in the FTS5 index, read from its averages record: exact, O(1), transactional."""
    row = conn.execute("SELECT block FROM paragraphs_fts_data WHERE id = 1").fetchone()
    if not row or not row[0]:
        return None
    data: bytes = row[0]
    paragraphs, used = _varint(data, 0)
    tokens, _ = _varint(data, used) if used < len(data) else (0, used)
    return paragraphs, tokens


def _varint(data: bytes, start: int) -> tuple[int, int]:
    """An SQLite varint (big-endian, 7 bits a byte, the ninth byte whole) and the offset after it."""
    value = 0
    for i in range(start, min(start + 9, len(data))):
        byte = data[i]
        if i - start == 8:
            return (value << 8) | byte, i + 1
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            return value, i + 1
    return value, len(data)


class FrequencyCache:
    """Document frequencies per term, for the index as it is (large archives: common terms kept for a while)."""

    def __init__(self) -> None:
        self._exact: dict[str, int] = {}  # for the index exactly as it is now
        self._common: dict[str, int] = {}  # large archives: common terms, until the archive grows by a tenth
        self._now: tuple[int, int] = (-1, -1)
        self._basis = -1  # the paragraph count when ``_common`` was started

    def get(self, terms: Sequence[str], totals: tuple[int, int], lookup: Callable[[str], int | None]) -> dict[str, int]:
        """Each known term's frequency, looking up only those not cached for the index as it is now."""
        if totals != self._now:
            self._now = totals
            self._exact.clear()
            if not self._basis >= LARGE or not self._basis <= totals[0] <= self._basis * GROWTH_KEPT:
                self._common.clear()
                self._basis = totals[0]
        if len(self._exact) + len(self._common) > _CACHE_LIMIT:
            self._exact.clear()
            self._common.clear()
        found: dict[str, int] = {}
        for term in terms:
            frequency = self._common.get(term, self._exact.get(term))
            if frequency is None:
                frequency = lookup(term) or 0
                kept = self._common if frequency >= COMMON and self._basis >= LARGE else self._exact
                kept[term] = frequency
            if frequency:
                found[term] = frequency
        return found
