"""Articles, paragraphs, people links and full-text search on PostgreSQL (``tsvector`` + GIN)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import psycopg
from psycopg_pool import ConnectionPool

from bot.models import Article, ArticleDraft
from bot.store.article_reads import ParagraphRow
from bot.store.articles import (
    AddResult,
    PersonSpeech,
    content_hash,
    now_iso,
)
from bot.store.postgres.tsquery import to_tsquery_text
from bot.store.postgres.writes import (
    Conn,
    change_paragraph_count,
    change_terms,
    find_duplicate,
    insert_paragraphs,
    link_people,
    paragraph_terms,
)

_ARTICLE_COLUMNS = "a.id, a.title, a.source, a.author, a.published, a.url, a.category, a.loaded_at, a.loaded_by"
_PARAGRAPH_COLUMNS = "p.id, p.article_id, p.position, p.text"
_CITATION_COLUMNS = "a.title, a.source, a.published, a.url"
_WITH_COUNT = f"{_ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM paragraphs WHERE article_id = a.id)"
# ts_rank_cd normalisation 1: divide by 1 + log(length), so long paragraphs don't win on length alone (as BM25).
RANK_NORMALISATION = 1


class PgArticleQueries:
    """Article, paragraph and search queries; mixed into ``PostgresStore``."""

    pool: ConnectionPool[Conn]

    def add_article(
        self, draft: ArticleDraft, *, loaded_by: str, people: PersonSpeech | None = None, stems: str = ""
    ) -> AddResult:
        """Store an article whole (metadata, paragraphs, index, people, stems) or not at all."""
        return self.add_articles([(draft, people)], loaded_by=loaded_by, stems=[stems])[0]

    def add_articles(
        self,
        items: Sequence[tuple[ArticleDraft, PersonSpeech | None]],
        *,
        loaded_by: str,
        stems: Sequence[str] = (),
    ) -> list[AddResult]:
        """Store many articles in one transaction, each whole or not at all; duplicates (also within) are reported.

        :param stems: per item, the article's distinct stems joined by spaces ("" when not computed).
        """
        terms: Counter[str] = Counter()
        per_item = list(stems) or [""] * len(items)
        with self.pool.connection() as conn:
            results = [
                self._add_one(conn, draft, people, loaded_by, terms, article_stems)
                for (draft, people), article_stems in zip(items, per_item, strict=True)
            ]
            change_terms(conn, terms, 1)
            change_paragraph_count(conn, sum(len(d.paragraphs) for (d, _), r in zip(items, results, strict=True)
                                             if r.status == "loaded"))
        return results

    def _add_one(
        self,
        conn: Conn,
        draft: ArticleDraft,
        people: PersonSpeech | None,
        loaded_by: str,
        terms: Counter[str],
        stems: str,
    ) -> AddResult:
        digest = content_hash(draft.paragraphs)
        duplicate = find_duplicate(conn, digest, draft.url)
        if duplicate:
            return duplicate
        try:
            # A savepoint: another replica may store the same article between our check and insert.
            with conn.transaction():
                row = conn.execute(
                    "INSERT INTO articles (title, source, author, published, url, category, origin,"
                    " content_hash, loaded_at, loaded_by) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
                    " RETURNING id",
                    [draft.title, draft.source, draft.author, draft.published, draft.url, draft.category,
                     draft.origin, digest, now_iso(), loaded_by],
                ).fetchone()
                assert row is not None
                article_id = int(str(row[0]))
                ids = insert_paragraphs(conn, article_id, draft.paragraphs)
                if people is not None:
                    link_people(conn, ids, people)
                if stems:
                    conn.execute("INSERT INTO article_stems (article_id, stems) VALUES (%s, %s)", [article_id, stems])
        except psycopg.errors.UniqueViolation:
            again = find_duplicate(conn, digest, draft.url)
            if again is None:
                raise
            return again
        terms.update(paragraph_terms(draft.paragraphs))
        return AddResult("loaded", article_id)

    def replace_people(self, article_id: int, people: PersonSpeech, stems: str = "") -> int:
        """Replace one article's speaker and mention links, and its stems when given (attribution is re-run); returns
        how many aliases now keep a surer kind."""
        with self.pool.connection() as conn:
            if stems:
                conn.execute(
                    "INSERT INTO article_stems (article_id, stems) VALUES (%s, %s)"
                    " ON CONFLICT (article_id) DO UPDATE SET stems = EXCLUDED.stems",
                    [article_id, stems],
                )
            ids = [int(str(r[0])) for r in conn.execute(
                "SELECT id FROM paragraphs WHERE article_id = %s ORDER BY position", [article_id])]
            conn.execute(
                "DELETE FROM paragraph_people WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE article_id = %s)",
                [article_id],
            )
            return link_people(conn, ids, people) if ids else 0

    def delete_orphan_people(self) -> int:
        """Remove people no paragraph links to any more; returns how many."""
        with self.pool.connection() as conn:
            removed = conn.execute(
                "DELETE FROM person_aliases pa WHERE NOT EXISTS"
                " (SELECT 1 FROM paragraph_people pp WHERE pp.person_id = pa.person_id)"
            ).rowcount
            if removed:
                conn.execute("UPDATE counters SET value = value + %s WHERE name = 'alias_deletions'", [removed])
            cursor = conn.execute(
                "DELETE FROM people pe WHERE NOT EXISTS (SELECT 1 FROM paragraph_people pp WHERE pp.person_id = pe.id)"
            )
            return cursor.rowcount

    def replace_aliases(self, wanted: Mapping[str, Mapping[str, str]]) -> int:
        """Make the named people's stored aliases exactly these (name -> alias -> kind), at once; returns how many
        went (see the SQLite store)."""
        rows = [(name, alias, kind) for name, aliases in wanted.items() for alias, kind in aliases.items()]
        with self.pool.connection() as conn:
            conn.execute(
                "CREATE TEMP TABLE wanted_ids ON COMMIT DROP AS SELECT pe.id AS person_id, w.alias, w.kind, w.ord"
                " FROM unnest(%s::text[], %s::text[], %s::text[]) WITH ORDINALITY AS w(name, alias, kind, ord)"
                " JOIN people pe ON pe.name = w.name",
                [[r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]],
            )
            removed = conn.execute(
                "DELETE FROM person_aliases pa WHERE pa.person_id IN (SELECT person_id FROM wanted_ids)"
                " AND NOT EXISTS (SELECT 1 FROM wanted_ids w"
                " WHERE w.person_id = pa.person_id AND w.alias = pa.alias AND w.kind = pa.kind)"
            ).rowcount
            conn.execute(
                "INSERT INTO person_aliases (person_id, alias, kind) SELECT person_id, alias, kind FROM wanted_ids"
                " ORDER BY ord ON CONFLICT DO NOTHING"
            )
            if removed:
                conn.execute("UPDATE counters SET value = value + %s WHERE name = 'alias_deletions'", [removed])
            return removed

    def delete_article(self, article_id: int) -> Article | None:
        """Delete an article with its paragraphs and links; returns what was deleted, if anything."""
        with self.pool.connection() as conn:
            article = _get_article(conn, article_id, lock=True)
            if article is None:
                return None
            texts = [str(r[0]) for r in conn.execute("SELECT text FROM paragraphs WHERE article_id = %s", [article_id])]
            conn.execute(
                "DELETE FROM paragraph_people WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE article_id = %s)",
                [article_id],
            )
            conn.execute("DELETE FROM paragraphs WHERE article_id = %s", [article_id])
            conn.execute("DELETE FROM article_stems WHERE article_id = %s", [article_id])
            conn.execute("DELETE FROM articles WHERE id = %s", [article_id])
            change_terms(conn, paragraph_terms(texts), -1)
            change_paragraph_count(conn, -len(texts))
            return article

    def record_failure(self, origin: str, reason: str, loaded_by: str) -> None:
        """Keep a failed load's reason so nothing is silently lost."""
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO ingest_failures (origin, reason, failed_at, loaded_by) VALUES (%s, %s, %s, %s)",
                [origin, reason, now_iso(), loaded_by],
            )

    def get_article(self, article_id: int) -> Article | None:
        """One article's metadata, or None."""
        with self.pool.connection() as conn:
            return _get_article(conn, article_id)

    def recent_articles(self, limit: int = 10, article_ids: Sequence[int] | None = None) -> list[Article]:
        """The most recently loaded articles (optionally among ``article_ids``), newest first."""
        where, args = "", []
        if article_ids is not None:
            where, args = "WHERE a.id = ANY(%s)", [list(article_ids)]
        with self.pool.connection() as conn:
            rows = conn.execute(
                f"SELECT {_WITH_COUNT} FROM articles a {where} ORDER BY a.id DESC LIMIT %s", [*args, limit]
            ).fetchall()
        return [_article(row) for row in rows]

    def article_count(self) -> int:
        """How many articles are stored."""
        return self._count("SELECT COUNT(*) FROM articles")

    def paragraphs_of(self, article_id: int) -> list[str]:
        """An article's paragraph texts in order."""
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT text FROM paragraphs WHERE article_id = %s ORDER BY position", [article_id]
            ).fetchall()
        return [str(row[0]) for row in rows]

    def article_stems(self, article_ids: Sequence[int]) -> dict[int, str]:
        """The stems stored with each of the given articles (space-separated); articles without any are absent."""
        if not article_ids:
            return {}
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT article_id, stems FROM article_stems WHERE article_id = ANY(%s)", [list(article_ids)]
            ).fetchall()
        return {int(str(i)): str(s) for i, s in rows}

    def article_ids(self) -> list[int]:
        """Every article id, oldest first."""
        with self.pool.connection() as conn:
            return [int(str(row[0])) for row in conn.execute("SELECT id FROM articles ORDER BY id")]

    def latest_article_id(self) -> int:
        """The highest article id stored (0 when there are none)."""
        return self._count("SELECT COALESCE(MAX(id), 0) FROM articles")

    def articles_between(self, after_id: int, upto_id: int) -> list[Article]:
        """Articles with ``after_id < id <= upto_id``, newest first: the ones a digest has not covered."""
        with self.pool.connection() as conn:
            rows = conn.execute(
                f"SELECT {_WITH_COUNT} FROM articles a WHERE a.id > %s AND a.id <= %s ORDER BY a.id DESC",
                [after_id, upto_id],
            ).fetchall()
        return [_article(row) for row in rows]

    def search(
        self,
        fts_query: str,
        *,
        limit: int,
        paragraph_ids: Sequence[int] | None = None,
        after_article: int = 0,
    ) -> list[ParagraphRow]:
        """Paragraphs matching an FTS5-style query (built by ``bot.retrieval``), best ``ts_rank_cd`` first.

        Matching looks at the paragraph text only (weight B), as the SQLite index does; ranking also
        credits the article title (weight A), so a paragraph of a story headlined with the topic wins
        a tie. ``rank`` is the negated score, so lower is better as with FTS5's ``rank``.

        :param after_article: only paragraphs of articles with a higher id (those a digest has not covered).
        """
        match = to_tsquery_text(fts_query, weights="B")
        if not match:
            return []
        where, args = "", list[object]()
        if paragraph_ids is not None:
            where, args = "AND p.id = ANY(%s)", [list(paragraph_ids)]
        if after_article:
            where += " AND p.article_id > %s"
            args.append(after_article)
        sql = (
            f"SELECT {_PARAGRAPH_COLUMNS}, -ts_rank_cd(p.tsv, rq, {RANK_NORMALISATION}) AS rank, {_CITATION_COLUMNS}"
            " FROM to_tsquery('briefbot', %s) mq, to_tsquery('briefbot', %s) rq,"
            " paragraphs p JOIN articles a ON a.id = p.article_id"
            f" WHERE p.tsv @@ mq {where} ORDER BY rank, p.id LIMIT %s"
        )
        with self.pool.connection() as conn:
            rows = conn.execute(sql, [match, to_tsquery_text(fts_query), *args, limit]).fetchall()
        return [_paragraph(row) for row in rows]

    def paragraphs_by_id(self, paragraph_ids: Sequence[int]) -> list[ParagraphRow]:
        """Paragraphs with citation fields, in the order of ``paragraph_ids`` (rank 0)."""
        if not paragraph_ids:
            return []
        with self.pool.connection() as conn:
            rows = conn.execute(
                f"SELECT {_PARAGRAPH_COLUMNS}, 0.0, {_CITATION_COLUMNS} FROM paragraphs p"
                " JOIN articles a ON a.id = p.article_id WHERE p.id = ANY(%s)",
                [list(paragraph_ids)],
            ).fetchall()
        by_id = {int(str(row[0])): _paragraph(row) for row in rows}
        return [by_id[i] for i in paragraph_ids if i in by_id]

    def article_rows(self, article_id: int) -> list[ParagraphRow]:
        """An article's paragraphs with citation fields, in reading order (rank 0)."""
        with self.pool.connection() as conn:
            rows = conn.execute(
                f"SELECT {_PARAGRAPH_COLUMNS}, 0.0, {_CITATION_COLUMNS} FROM paragraphs p"
                " JOIN articles a ON a.id = p.article_id WHERE p.article_id = %s ORDER BY p.position",
                [article_id],
            ).fetchall()
        return [_paragraph(row) for row in rows]

    def speakers_of(self, paragraph_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """The names of the people who speak in each of the given paragraphs."""
        if not paragraph_ids:
            return {}
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT pp.paragraph_id, pe.name FROM paragraph_people pp JOIN people pe ON pe.id = pp.person_id"
                " WHERE pp.role = 'speaker' AND pp.paragraph_id = ANY(%s) ORDER BY pp.seq",
                [list(paragraph_ids)],
            ).fetchall()
        speakers: dict[int, tuple[str, ...]] = {}
        for paragraph_id, name in rows:
            key = int(str(paragraph_id))
            speakers[key] = (*speakers.get(key, ()), str(name))
        return speakers

    def _count(self, sql: str) -> int:
        with self.pool.connection() as conn:
            row = conn.execute(sql).fetchone()
        return int(str(row[0])) if row else 0


def _get_article(conn: Conn, article_id: int, *, lock: bool = False) -> Article | None:
    row = conn.execute(
        f"SELECT {_WITH_COUNT} FROM articles a WHERE a.id = %s" + (" FOR UPDATE" if lock else ""),
        [article_id],
    ).fetchone()
    return _article(row) if row else None


def _article(row: Sequence[object]) -> Article:
    values = list(row)
    values[0] = int(str(values[0]))
    values[-1] = int(str(values[-1]))
    return Article(*values)  # type: ignore[arg-type]


def _paragraph(row: Sequence[object]) -> ParagraphRow:
    pid, article_id, position, text, rank, title, source, published, url = row
    return ParagraphRow(
        int(str(pid)), int(str(article_id)), int(str(position)), str(text), float(str(rank)),
        str(title), source, published, url,  # type: ignore[arg-type]
    )
