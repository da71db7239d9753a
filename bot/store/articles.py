"""Storing articles, each whole (metadata, paragraphs, FTS5 rows, people, stems) or not at all, and the records
a load hands the store: who speaks where (``PersonSpeech``) and what became of each article (``AddResult``)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime

from bot.models import Article, ArticleDraft
from bot.store.article_reads import ArticleReads
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


GUESSED_ROLE = "guessed role"  # the kind of a role alias whose country is the story's, not written
INFERRED_ROLE = "inferred role"  # the kind of a role alias a story never wrote with the name, only seemed to mean
# Alias kinds, surest first: an alias a person is given in several kinds keeps the surest, whichever came first.
ALIAS_KINDS = ("name", "role", GUESSED_ROLE, INFERRED_ROLE)
ROLE_KINDS = ALIAS_KINDS[1:]
NAME_RANK = ALIAS_KINDS.index("name")


def rank(kind: str) -> int:
    """An alias kind's place in ``ALIAS_KINDS``, surest first; a kind of no other name after them all."""
    return ALIAS_KINDS.index(kind) if kind in ALIAS_KINDS else len(ALIAS_KINDS)


def surer(kind: str, than: str | None) -> bool:
    """Whether an alias kind is surer than another one (any, when there is none yet)."""
    return than is None or rank(kind) < rank(than)


def kind_rank(column: str) -> str:
    """SQL (both engines) for a stored alias kind's ``rank``."""
    ranks = " ".join(f"WHEN '{kind}' THEN {i}" for i, kind in enumerate(ALIAS_KINDS))
    return f"CASE {column} {ranks} ELSE {len(ALIAS_KINDS)} END"


def surest_aliases(rows: Iterable[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """(person id, alias, kind) rows with each person's alias once, in its surest kind, in the order first met."""
    surest: dict[tuple[int, str], str] = {}
    for person_id, alias, kind in rows:
        if surer(kind, surest.get((person_id, alias))):
            surest[(person_id, alias)] = kind
    return [(person_id, alias, kind) for (person_id, alias), kind in surest.items()]


def upgradable(rows: Sequence[tuple[int, str, str]]) -> list[tuple[int, str, int]]:
    """(person id, alias, kind's rank) of the rows that may replace a stored alias of a less sure kind."""
    return [(p, alias, rank(kind)) for p, alias, kind in rows if rank(kind) < len(ALIAS_KINDS) - 1]


@dataclass(frozen=True)
class AddResult:
    """The outcome of adding one article."""

    status: str  # "loaded" or "duplicate"
    article_id: int
    reason: str = ""


# A batch of this many articles is a bulk load: a bigger page cache and fewer FTS5 merges while it runs.
BULK_ITEMS = 50
BULK_CACHE_KIB = 64 * 1024
BULK_AUTOMERGE = 16
DEFAULT_AUTOMERGE = 4  # FTS5's own default
# Names per ``IN (...)`` look-up: well under SQLite's bound-variable limit (999 before 3.32).
_LOOKUP_CHUNK = 500


class ArticleWrites(ArticleReads):
    """Adding, re-linking and deleting articles, beside the reads; mixed into ``Store``."""

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

    def _link_people(self, speech: Sequence[tuple[int, PersonSpeech]]) -> int:
        """Link many articles' people in a few statements: every name inserted at once, looked up in chunks, bulk links;
        returns how many stored aliases now keep a surer kind.

        :param speech: per article, the id of its first paragraph and its attribution record.
        """
        if not speech:
            return 0
        conn: sqlite3.Connection = self.db.conn
        names = sorted({name for _, people in speech for name in people.aliases})
        conn.executemany("INSERT OR IGNORE INTO people (name) VALUES (?)", [(name,) for name in names])
        ids: dict[str, int] = {}
        for start in range(0, len(names), _LOOKUP_CHUNK):
            chunk = names[start : start + _LOOKUP_CHUNK]
            ids.update(conn.execute(f"SELECT name, id FROM people WHERE name IN ({placeholders(chunk)})", chunk))
        aliases = surest_aliases(
            (ids[name], alias, kind)
            for _, people in speech
            for name, forms in people.aliases.items()
            for alias, kind in forms
        )
        # An alias stored in a less sure kind ("england coach" only inferred in one story, written in the next) goes,
        # to come back in the surer one as a new row, which caches reading only new aliases see (the less sure kind's
        # cache drops its own). Numbered past the last row there was: SQLite gives a deleted last rowid out again,
        # and a cache that had read up to it would never see the row that took it.
        after = conn.execute("SELECT COALESCE(MAX(rowid), 0) FROM person_aliases").fetchone()[0]
        better = upgradable(aliases)
        replace = f"DELETE FROM person_aliases WHERE person_id = ? AND alias = ? AND {kind_rank('kind')} > ?"
        upgraded = conn.executemany(replace, [row for row in better if row[2] != NAME_RANK]).rowcount
        # A role become a name leaves the caches of roles, which read no names: to them, a removal.
        removed = conn.executemany(replace, [row for row in better if row[2] == NAME_RANK]).rowcount
        if removed:
            conn.execute("UPDATE counters SET value = value + ? WHERE name = 'alias_deletions'", [removed])
        conn.executemany(
            "INSERT OR IGNORE INTO person_aliases (rowid, person_id, alias, kind) VALUES (?, ?, ?, ?)",
            [(after + number, *row) for number, row in enumerate(aliases, start=1)],
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
        return upgraded + removed

    def replace_people(self, article_id: int, people: PersonSpeech, stems: str = "") -> int:
        """Replace one article's speaker and mention links, and its stems when given (attribution is re-run); returns
        how many aliases now keep a surer kind."""
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
            return self._link_people([(first, people)]) if first is not None else 0

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

    def replace_aliases(self, wanted: Mapping[str, Mapping[str, str]]) -> int:
        """Make the named people's stored aliases exactly these (name -> alias -> kind), at once; returns how many
        went. Re-attribution replaces each article's links as it reads it, but an alias is a person's across
        articles: only when all are read is one no rule gives any more known, and answers meanwhile see the old
        set or the new one."""
        rows = [(name, alias, kind) for name, aliases in wanted.items() for alias, kind in aliases.items()]
        wanted_ids = "SELECT pe.id, w.alias, w.kind FROM wanted_aliases w JOIN people pe ON pe.name = w.name"
        with self._lock, self.db.atomic():
            conn: sqlite3.Connection = self.db.conn
            conn.execute("CREATE TEMP TABLE IF NOT EXISTS wanted_aliases (name TEXT, alias TEXT, kind TEXT)")
            conn.executemany("INSERT INTO wanted_aliases (name, alias, kind) VALUES (?, ?, ?)", rows)
            removed = conn.execute(
                "DELETE FROM person_aliases WHERE person_id IN"
                " (SELECT pe.id FROM people pe WHERE pe.name IN (SELECT name FROM wanted_aliases))"
                f" AND (person_id, alias, kind) NOT IN ({wanted_ids})"
            ).rowcount
            conn.execute(f"INSERT OR IGNORE INTO person_aliases (person_id, alias, kind) {wanted_ids} ORDER BY w.rowid")
            conn.execute("UPDATE counters SET value = value + ? WHERE name = 'alias_deletions'", [removed])
            conn.execute("DELETE FROM wanted_aliases")
            return removed

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
