"""``Retriever``: a question in, ranked paragraphs with citations out."""

from __future__ import annotations

from bot.models import Answer, Citation, Hit
from bot.retrieval.fts import any_of, content_words
from bot.store import ParagraphRow, Store


class Retriever:
    """Ranks the store's paragraphs for a question."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def answer(self, question: str, *, limit: int = 5, offset: int = 0) -> Answer:
        """The best ``limit`` paragraphs after ``offset`` for a question, best first."""
        terms = content_words(question)
        query = any_of(terms)
        if not query:
            return Answer(
                question, (), True, "Ask me about a person or a topic, e.g. “what did Imomi say about oil?”"
            )
        rows = self.store.search(query, limit=offset + limit + 1)
        page = rows[offset : offset + limit]
        hits = self._hits(page, terms)
        if not hits:
            message = f"I found nothing about {' '.join(terms)}." if offset == 0 else "There is nothing more."
            return Answer(question, (), True, message)
        return Answer(question, hits, False, has_more=len(rows) > offset + limit)

    def _hits(self, rows: list[ParagraphRow], terms: list[str]) -> tuple[Hit, ...]:
        speakers = self.store.speakers_of([r.id for r in rows])
        return tuple(
            Hit(
                article_id=r.article_id,
                paragraph_index=r.position,
                text=r.text,
                score=round(-r.rank, 4),
                speakers=speakers.get(r.id, ()),
                citation=Citation(r.title, r.source, r.published, r.url),
            )
            for r in rows
        )
