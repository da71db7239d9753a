"""Index statistics that stay cheap at millions of paragraphs: the paragraph count and cached document frequencies."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

# Past this many paragraphs a cached frequency is kept until the archive grows by a hundredth: an IDF
# then moves by under 0.01, while re-reading a common term's posting list costs milliseconds.
LARGE = 100_000
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
    """Document frequencies per term, dropped when the index changes (large archives: when it grows by 1%)."""

    def __init__(self) -> None:
        self._frequency: dict[str, int] = {}
        self._basis: tuple[int, int] = (-1, -1)

    def get(self, terms: Sequence[str], totals: tuple[int, int], lookup: Callable[[str], int | None]) -> dict[str, int]:
        """Each known term's frequency, looking up only those not cached for the index as it is now."""
        if not self._fresh(totals) or len(self._frequency) > _CACHE_LIMIT:
            self._frequency.clear()
            self._basis = totals
        found: dict[str, int] = {}
        for term in terms:
            if term not in self._frequency:
                self._frequency[term] = lookup(term) or 0
            if self._frequency[term]:
                found[term] = self._frequency[term]
        return found

    def _fresh(self, totals: tuple[int, int]) -> bool:
        if totals == self._basis:
            return True
        basis = self._basis[0]
        return basis >= LARGE and basis <= totals[0] <= basis * 1.01
