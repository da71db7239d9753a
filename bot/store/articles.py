"""Articles, paragraphs, people and full-text search."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlite_utils import Database

from bot.models import Article, ArticleDraft
from bot.store.readers import Readers
from bot.store.sql import placeholders


def content_hash(paragraphs: Iterable[str]) -> str:
    """A hash of the article body that ignores case and whitespace, for finding duplicates."""
    # split/join is the same as collapsing \s+ (both use str.isspace) and several times faster.
    normal = "\n".join(" ".join(p.split()).lower() for p in paragraphs)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def index_paragraphs(conn: sqlite3.Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Add (paragraph id, text) rows to the FTS5 index, in the caller's transaction.

    Paragraph inserts are indexed here rather than by a trigger (dropped in schema v10): an INSERT trigger
    costs FTS5 about four times the CPU of one ``executemany`` into the index, the largest part of ingest.
    """
    conn.executemany("INSERT INTO paragraphs_fts (rowid, text) VALUES (?, ?)", rows)


def now_iso() -> str:
    """The current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True)
class PersonSpeech:
    """Who speaks and who is mentioned in each paragraph, and the names each person goes by."""

    aliases: dict[str, tuple[tuple[str, str], ...]]  # canonical name -> ((alias, kind), ...)
    speakers: Sequence[Sequence[str]]  # per paragraph, canonical names
    mentions: Sequence[Sequence[str]]


@dataclass(frozen=True)
class AddResult:
    """The outcome of adding one article."""

    status: str  # "loaded" or "duplicate"
    article_id: int
    reason: str = ""


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


_ARTICLE_COLUMNS = "a.id, a.title, a.source, a.author, a.published, a.url, a.category, a.loaded_at, a.loaded_by"
_PARAGRAPH_COLUMNS = "p.id, p.article_id, p.position, p.text"
_CITATION_COLUMNS = "a.title, a.source, a.published, a.url"


# A batch of this many articles is a bulk load: a bigger page cache and fewer FTS5 merges while it runs.
BULK_ITEMS = 50
BULK_CACHE_KIB = 64 * 1024
BULK_AUTOMERGE = 16
DEFAULT_AUTOMERGE = 4  # FTS5's own default
# Names per ``IN (...)`` look-up: well under SQLite's bound-variable limit (999 before 3.32).
_LOOKUP_CHUNK = 500


class ArticleQueries:
    """Article, paragraph and people queries; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock
    _readers: Readers
    _automerge: int | None = None  # the FTS5 automerge this connection last set

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

        One commit per batch instead of per article: FTS5 flushes its pending terms once, which makes
        bulk loads several times faster. A failure rolls the whole batch back, so no article is partial.

        :param stems: per item, the article's distinct stems joined by spaces ("" when not computed).
        """
        stems = list(stems) or [""] * len(items)
        bulk = len(items) >= BULK_ITEMS
        with self._lock, self._page_cache(BULK_CACHE_KIB if bulk else 0), self.db.atomic():
            self._set_automerge(BULK_AUTOMERGE if bulk else DEFAULT_AUTOMERGE)
            results, speech = [], []
            for (draft, people), article_stems in zip(items, stems, strict=True):
                result, first_id = self._add_one(draft, loaded_by, article_stems)
                results.append(result)
                if first_id and people is not None:
                    speech.append((first_id, people))
            self._link_people(speech)
            return results

    @contextmanager
    def _page_cache(self, kib: int) -> Iterator[None]:
        """A page cache of ``kib`` KiB (0: unchanged) for this connection while inside, then the previous size.

        A batch's people and alias links land all over their indexes; with SQLite's default 2 MB cache the
        same pages are read again and again. Answering connections keep the small default (peak RSS).
        """
        if not kib:
            yield
            return
        previous = self.db.execute("PRAGMA cache_size").fetchone()[0]
        self.db.execute(f"PRAGMA cache_size = -{int(kib)}")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA cache_size = {int(previous)}")

    def _set_automerge(self, segments: int) -> None:
        """Let FTS5 gather ``segments`` segments of a level before merging them (stored in the index's config).

        Bulk loads merge less often while they run and ``optimize_index`` merges everything at the end;
        single-article writes keep FTS5's default, so an index that grows slowly stays in few segments.
        """
        if self._automerge != segments:
            self.db.execute("INSERT INTO paragraphs_fts(paragraphs_fts, rank) VALUES ('automerge', ?)", [segments])
            self._automerge = segments

    def _add_one(self, draft: ArticleDraft, loaded_by: str, stems: str) -> tuple[AddResult, int]:
        """Insert an article's row, paragraphs and stems; returns the result and its first paragraph id (0 if none)."""
        digest = content_hash(draft.paragraphs)
        duplicate = self._find_duplicate(digest, draft.url)
        if duplicate:
            return duplicate, 0
        cursor = self.db.execute(
            "INSERT INTO articles (title, source, author, published, url, category, origin,"
            " content_hash, loaded_at, loaded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                draft.title,
                draft.source,
                draft.author,
                draft.published,
                draft.url,
                draft.category,
                draft.origin,
                digest,
                now_iso(),
                loaded_by,
            ],
        )
        article_id = int(cursor.lastrowid or 0)
        first_id = self._insert_paragraphs(article_id, draft.paragraphs)
        if stems:
            self.db.execute("INSERT INTO article_stems (article_id, stems) VALUES (?, ?)", [article_id, stems])
        return AddResult("loaded", article_id), first_id

    def _find_duplicate(self, digest: str, url: str) -> AddResult | None:
        row = self.db.execute("SELECT id FROM articles WHERE content_hash = ?", [digest]).fetchone()
        if row:
            return AddResult("duplicate", row[0], f"same text as article {row[0]}")
        if url:
            row = self.db.execute("SELECT id FROM articles WHERE url = ?", [url]).fetchone()
            if row:
                return AddResult("duplicate", row[0], f"same URL as article {row[0]}")
        return None

    def _insert_paragraphs(self, article_id: int, paragraphs: Sequence[str]) -> int:
        """Insert paragraphs in order, and into the FTS5 index, and return the id of the first (ids are consecutive)."""
        conn: sqlite3.Connection = self.db.conn
        first = int(
            conn.execute(
                "INSERT INTO paragraphs (article_id, position, text) VALUES (?, 0, ?)",
                [article_id, paragraphs[0]],
            ).lastrowid
            or 0
        )
        conn.executemany(
            "INSERT INTO paragraphs (article_id, position, text) VALUES (?, ?, ?)",
            [(article_id, position, text) for position, text in enumerate(paragraphs) if position],
        )
        index_paragraphs(conn, [(first + position, text) for position, text in enumerate(paragraphs)])
        return first

    def _link_people(self, speech: Sequence[tuple[int, PersonSpeech]]) -> None:
        """Link many articles' people in a few statements: every name inserted at once, looked up in chunks, bulk links.

        :param speech: per article, the id of its first paragraph and its attribution record.
        """
        if not speech:
            return
        conn: sqlite3.Connection = self.db.conn
        names = sorted({name for _, people in speech for name in people.aliases})
        conn.executemany("INSERT OR IGNORE INTO people (name) VALUES (?)", [(name,) for name in names])
        ids: dict[str, int] = {}
        for start in range(0, len(names), _LOOKUP_CHUNK):
            chunk = names[start : start + _LOOKUP_CHUNK]
            ids.update(conn.execute(f"SELECT name, id FROM people WHERE name IN ({placeholders(chunk)})", chunk))
        conn.executemany(
            "INSERT OR IGNORE INTO person_aliases (person_id, alias, kind) VALUES (?, ?, ?)",
            [
                (ids[name], alias, kind)
                for _, people in speech
                for name, aliases in people.aliases.items()
                for alias, kind in aliases
            ],
        )
        links: list[tuple[int, int, str]] = []
        for first_paragraph_id, people in speech:
            for role, per_paragraph in (("speaker", people.speakers), ("mention", people.mentions)):
                for offset, paragraph_names in enumerate(per_paragraph):
                    links.extend(
                        (first_paragraph_id + offset, ids[n], role) for n in paragraph_names if n in people.aliases
                    )
        conn.executemany(
            "INSERT OR IGNORE INTO paragraph_people (paragraph_id, person_id, role) VALUES (?, ?, ?)", links
        )

    def replace_people(self, article_id: int, people: PersonSpeech, stems: str = "") -> None:
        """Replace one article's speaker and mention links, and its stems when given (attribution is re-run)."""
        with self._lock, self.db.atomic():
            if stems:
                self.db.execute(
                    "INSERT OR REPLACE INTO article_stems (article_id, stems) VALUES (?, ?)", [article_id, stems]
                )
            first = self.db.execute("SELECT MIN(id) FROM paragraphs WHERE article_id = ?", [article_id]).fetchone()[0]
            self.db.execute(
                "DELETE FROM paragraph_people WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE article_id = ?)",
                [article_id],
            )
            if first is not None:
                self._link_people([(first, people)])

    def delete_orphan_people(self) -> int:
        """Remove people no paragraph links to any more; returns how many."""
        with self._lock, self.db.atomic():
            removed = self.db.execute(
                "DELETE FROM person_aliases WHERE person_id NOT IN (SELECT person_id FROM paragraph_people)"
            ).rowcount
            self.db.execute("UPDATE counters SET value = value + ? WHERE name = 'alias_deletions'", [removed])
            return self.db.execute(
                "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM paragraph_people)"
            ).rowcount

    def delete_article(self, article_id: int) -> Article | None:
        """Delete an article with its paragraphs and links; returns what was deleted, if anything."""
        with self._lock, self.db.atomic():
            article = self.get_article(article_id)
            if article is None:
                return None
            self.db.execute(
                "DELETE FROM paragraph_people WHERE paragraph_id IN (SELECT id FROM paragraphs WHERE article_id = ?)",
                [article_id],
            )
            self.db.execute("DELETE FROM paragraphs WHERE article_id = ?", [article_id])
            self.db.execute("DELETE FROM article_stems WHERE article_id = ?", [article_id])
            self.db.execute("DELETE FROM articles WHERE id = ?", [article_id])
            return article

    def record_failure(self, origin: str, reason: str, loaded_by: str) -> None:
        """Keep a failed load's reason so nothing is silently lost."""
        with self._lock, self.db.atomic():
            self.db.execute(
                "INSERT INTO ingest_failures (origin, reason, failed_at, loaded_by) VALUES (?, ?, ?, ?)",
                [origin, reason, now_iso(), loaded_by],
            )

    def get_article(self, article_id: int) -> Article | None:
        """One article's metadata, or None."""
        with self._lock:
            row = self.db.execute(
                f"SELECT {_ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM paragraphs WHERE article_id = a.id)"
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
                f"SELECT {_ARTICLE_COLUMNS}, (SELECT COUNT(*) FROM paragraphs WHERE article_id = a.id)"
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
