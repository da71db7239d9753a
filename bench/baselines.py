"""Plain engines on the same paragraphs: raw SQLite FTS5 top-10 by BM25 (terms AND-ed / OR-ed) and tantivy."""

from __future__ import annotations

import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.retrieval.fts import all_of, any_of

Search = Callable[[list[str]], list[int]]
_BATCH = 50_000


def fts5_search(path: Path, joiner: str) -> Search:
    """Top 10 paragraph ids by FTS5's BM25 for the terms joined with ``AND`` or ``OR``."""
    conn = sqlite3.connect(str(path), check_same_thread=False)
    build = all_of if joiner == "AND" else any_of

    def search(terms: list[str]) -> list[int]:
        query = build(terms)
        if not query:
            return []
        sql = "SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rank LIMIT 10"
        return [int(r[0]) for r in conn.execute(sql, [query])]

    return search


def tantivy_index(store_path: Path, index_dir: Path) -> tuple[object, float]:
    """A tantivy index of the store's paragraphs (built once, then reused) and its build rate (0 when reused)."""
    import tantivy

    schema_builder = tantivy.SchemaBuilder()
    schema_builder.add_integer_field("id", stored=True, indexed=False)
    schema_builder.add_text_field("text", stored=False, tokenizer_name="en_stem")
    schema = schema_builder.build()
    done = index_dir / "BUILT"
    if done.exists():
        return tantivy.Index(schema, path=str(index_dir)), 0.0
    index_dir.mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(schema, path=str(index_dir))
    writer = index.writer(heap_size=256_000_000)
    conn = sqlite3.connect(str(store_path))
    started, count, last = time.perf_counter(), 0, 0
    sql = "SELECT id, text FROM paragraphs WHERE id > ? ORDER BY id LIMIT ?"
    while rows := conn.execute(sql, [last, _BATCH]).fetchall():
        for paragraph_id, text in rows:
            writer.add_document(tantivy.Document(id=paragraph_id, text=text))
        count += len(rows)
        last = rows[-1][0]
    writer.commit()
    writer.wait_merging_threads()
    rate = count / (time.perf_counter() - started)
    conn.close()
    done.write_text(str(count))
    index.reload()
    return index, rate


def tantivy_search(index: object) -> Search:
    """Top 10 paragraph ids by tantivy's BM25 for the terms OR-ed."""
    searcher = index.searcher()  # type: ignore[attr-defined]

    def search(terms: list[str]) -> list[int]:
        if not terms:
            return []
        clean = " ".join(t for t in ("".join(c for c in term if c.isalnum()) for term in terms) if t)
        if not clean:
            return []
        query = index.parse_query(clean, ["text"])  # type: ignore[attr-defined]
        hits = searcher.search(query, 10).hits
        return [int(searcher.doc(address)["id"][0]) for _, address in hits]

    return search
