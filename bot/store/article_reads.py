"""Reading articles and paragraphs: metadata, texts, stored stems, FTS5 search and who speaks where."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from sqlite_utils import Database

from bot.models import Article
from bot.store.readers import Readers
from bot.store.sql import placeholders

ARTICLE_COLUMNS = "a.id, a.title, a.source, a.author, a.published, a.url, a.category, a.loaded_at, a.loaded_by"
_PARAGRAPH_COLUMNS = "p.id, p.article_id, p.position, p.text"
_CITATION_COLUMNS = "a.title, a.source, a.published, a.url"


@dataclass(frozen=True)
class ParagraphRow:
    """A paragraph as search returns it, with its article's citation fields."""

    id: int
    article_id: int
    position: int
    text: str
    rank: float
    title: str
    source: str
    published: str
    url: str


class ArticleReads:
    """Article and paragraph reads; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock
    _readers: Readers

    def get_article(self, article_id: int) -> Article | None:
        """One article's metadata, or None."""
        with self._lock:
            row = self.db.execute(
                f"SELECT {ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM paragraphs WHERE article_id = a.id)"
                " FROM articles a WHERE a.id = ?",
                [article_id],
            ).fetchone()
        return Article(*row) if row else None

    def recent_articles(self, limit: int = 10, article_ids: Sequence[int] | None = None) -> list[Article]:
        """The most recently loaded articles (optionally among ``article_ids``), newest first."""
        where, args = "", []
        if article_ids is not None:
            where = f"WHERE a.id IN ({placeholders(article_ids)})"
            args = list(article_ids)
        with self._lock:
            rows = self.db.execute(
                f"SELECT {ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM paragraphs WHERE article_id = a.id)"
                f" FROM articles a {where} ORDER BY a.id DESC LIMIT ?",
                [*args, limit],
            ).fetchall()
        return [Article(*row) for row in rows]

    def article_count(self) -> int:
        """How many articles are stored."""
        with self._lock:
            return int(self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def paragraphs_of(self, article_id: int) -> list[str]:
        """An article's paragraph texts in order."""
        with self._lock:
            rows = self.db.execute(
                "SELECT text FROM paragraphs WHERE article_id = ? ORDER BY position", [article_id]
            ).fetchall()
        return [row[0] for row in rows]

    def article_stems(self, article_ids: Sequence[int]) -> dict[int, str]:
        """The stems stored with each of the given articles (space-separated); articles without any are absent."""
        if not article_ids:
            return {}
        rows = self._readers.fetchall(
            f"SELECT article_id, stems FROM article_stems WHERE article_id IN ({placeholders(article_ids)})",
            list(article_ids),
        )
        return {int(i): str(s) for i, s in rows}

    def article_ids(self) -> list[int]:
        """Every article id, oldest first."""
        with self._lock:
            return [row[0] for row in self.db.execute("SELECT id FROM articles ORDER BY id").fetchall()]

    def search(
        self,
        fts_query: str,
        *,
        limit: int,
        paragraph_ids: Sequence[int] | None = None,
        after_article: int = 0,
    ) -> list[ParagraphRow]:
        """Paragraphs matching an FTS5 query (built by ``bot.retrieval``), best BM25 first.

        :param after_article: only paragraphs of articles with a higher id (those a digest has not covered).
        """
        where, args, winners, winner_args = "", list[object](), "", list[object]()
        if paragraph_ids is not None:
            where = f"AND p.id IN ({placeholders(paragraph_ids)})"
            args = list(paragraph_ids)
        if after_article:
            # The rowid bound is what FTS5 can use: it then ranks only those paragraphs, not every match.
            # Later articles hold later paragraphs (ids only grow, with their article's), so the first one of
            # the next article is the bound, and no match's row is read to rank it: checking each match's
            # article there took half the time of a common word's search at 1.4M paragraphs (27 -> 13 ms).
            # The winners' article is still checked when their rows are read.
            where += (
                " AND f.rowid >= (SELECT id FROM paragraphs WHERE article_id > ? ORDER BY article_id, position LIMIT 1)"
            )
            args.append(after_article)
            winners, winner_args = " WHERE p.article_id > ?", [after_article]
        # Rank in the index alone, then read text and citation for the winners only: joining first read
        # every match's row (tens of thousands for a common word). bm25() under a plain ORDER BY lets
        # SQLite keep just the best ``limit`` where FTS5's ``ORDER BY rank`` sorts every match; both
        # orders are the same, ties by rowid (as on PostgreSQL). A common word ranks 20-25% faster at
        # 1.4M paragraphs. Only a filter by paragraph id joins the paragraph inside the ranking.
        join = "JOIN paragraphs p ON p.id = f.rowid" if paragraph_ids is not None else ""
        sql = (
            f"SELECT {_PARAGRAPH_COLUMNS}, best.score, {_CITATION_COLUMNS} FROM"
            f" (SELECT f.rowid AS id, bm25(paragraphs_fts) AS score FROM paragraphs_fts f {join}"
            f" WHERE paragraphs_fts MATCH ? {where} ORDER BY score, f.rowid LIMIT ?) best"
            f" JOIN paragraphs p ON p.id = best.id JOIN articles a ON a.id = p.article_id{winners}"
            " ORDER BY best.score, best.id"
        )
        return [ParagraphRow(*row) for row in self._readers.fetchall(sql, [fts_query, *args, limit, *winner_args])]

    def paragraphs_by_id(self, paragraph_ids: Sequence[int]) -> list[ParagraphRow]:
        """Paragraphs with citation fields, in the order of ``paragraph_ids`` (rank 0)."""
        if not paragraph_ids:
            return []
        rows = self._readers.fetchall(
            f"SELECT {_PARAGRAPH_COLUMNS}, 0.0, {_CITATION_COLUMNS} FROM paragraphs p"
            f" JOIN articles a ON a.id = p.article_id WHERE p.id IN ({placeholders(paragraph_ids)})",
            list(paragraph_ids),
        )
        by_id = {row[0]: ParagraphRow(*row) for row in rows}
        return [by_id[i] for i in paragraph_ids if i in by_id]

    def article_rows(self, article_id: int) -> list[ParagraphRow]:
        """An article's paragraphs with citation fields, in reading order (rank 0)."""
        rows = self._readers.fetchall(
            f"SELECT {_PARAGRAPH_COLUMNS}, 0.0, {_CITATION_COLUMNS} FROM paragraphs p"
            " JOIN articles a ON a.id = p.article_id WHERE p.article_id = ? ORDER BY p.position",
            [article_id],
        )
        return [ParagraphRow(*row) for row in rows]

    def speakers_of(self, paragraph_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """The names of the people who speak in each of the given paragraphs."""
        if not paragraph_ids:
            return {}
        rows = self._readers.fetchall(
            "SELECT pp.paragraph_id, pe.name FROM paragraph_people pp"
            " JOIN people pe ON pe.id = pp.person_id"
            f" WHERE pp.role = 'speaker' AND pp.paragraph_id IN ({placeholders(paragraph_ids)})"
            " ORDER BY pp.rowid",
            list(paragraph_ids),
        )
        speakers: dict[int, tuple[str, ...]] = {}
        for paragraph_id, name in rows:
            speakers[paragraph_id] = (*speakers.get(paragraph_id, ()), name)
        return speakers
