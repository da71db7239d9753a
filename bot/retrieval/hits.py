"""Ranked paragraphs as the hits an answer shows: with who speaks in each, its citation and the topic's words
marked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.models import Citation, Hit
from bot.retrieval.ranked import Ranked
from bot.retrieval.terms import spans_of
from bot.store.protocol import StoreProtocol


def hits_of(store: StoreProtocol, page: Sequence[Ranked], highlight: Iterable[str]) -> tuple[Hit, ...]:
    """A page of ranked paragraphs as hits, ``highlight``'s stems marked in each."""
    speakers = store.speakers_of([r.row.id for r in page])
    wanted = frozenset(highlight)
    return tuple(
        Hit(
            article_id=r.row.article_id,
            paragraph_index=r.row.position,
            text=r.row.text,
            score=round(float(sum(k for k in r.key[:3])), 4),
            speakers=speakers.get(r.row.id, ()),
            citation=Citation(r.row.title, r.row.source, r.row.published, r.row.url),
            highlights=spans_of(r.row.text, wanted) if wanted else (),
        )
        for r in page
    )
