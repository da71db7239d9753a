"""The store round-trips articles whole, dedupes, keeps FTS in sync and migrates idempotently."""

from __future__ import annotations

import gc
import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.models import ArticleDraft
from bot.retrieval.fts import any_of, content_words
from bot.store import Store
from bot.store.articles import PersonSpeech
from bot.store.contexts import StoredContext
from bot.store.schema import MIGRATIONS, _v10_index_without_insert_trigger, _v13_context_besides

DRAFT = ArticleDraft(
    title="Oil talks",
    paragraphs=("Oil output will rise, Ana Lopez said.", "Gas prices fell."),
    source="Wire",
    published="2024-01-02",
    url="https://example.com/oil",
    origin="oil.txt",
)


def test_round_trip_and_search(store: Store) -> None:
    result = store.add_article(DRAFT, loaded_by="console:me")
    assert result.status == "loaded"
    article = store.get_article(result.article_id)
    assert article is not None
    assert (article.title, article.source, article.published, article.loaded_by) == (
        "Oil talks",
        "Wire",
        "2024-01-02",
        "console:me",
    )
    assert store.paragraphs_of(result.article_id) == list(DRAFT.paragraphs)
    rows = store.search(any_of(["oil"]), limit=5)
    assert [(r.article_id, r.position, r.title) for r in rows] == [(result.article_id, 0, "Oil talks")]
    assert store.search(any_of(["rising"]), limit=5), "porter stemming matches rise/rising"


def test_duplicates_by_text_and_by_url_are_not_stored_twice(store: Store) -> None:
    first = store.add_article(DRAFT, loaded_by="x")
    same_text = ArticleDraft(
        title="Other", paragraphs=("OIL output  will rise, Ana Lopez said.", "Gas prices fell.")
    )
    assert store.add_article(same_text, loaded_by="x").status == "duplicate"
    same_url = ArticleDraft(title="New", paragraphs=("Different.",), url=DRAFT.url)
    dup = store.add_article(same_url, loaded_by="x")
    assert (dup.status, dup.article_id) == ("duplicate", first.article_id)
    assert store.stats()["articles"] == 1


def test_people_links_and_delete_removes_everything(store: Store) -> None:
    people = PersonSpeech(
        aliases={"Ana Lopez": (("ana lopez", "name"), ("lopez", "surname"))},
        speakers=[("Ana Lopez",), ()],
        mentions=[(), ()],
    )
    result = store.add_article(DRAFT, loaded_by="x", people=people)
    ids = [r.id for r in store.search(any_of(["oil", "gas"]), limit=5)]
    assert sorted(store.speakers_of(ids).values()) == [("Ana Lopez",)]
    assert store.delete_article(result.article_id) is not None
    assert store.delete_orphan_people() == 1
    assert store.stats()["paragraphs"] == 0 and store.search(any_of(["oil"]), limit=5) == []
    store.db.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('integrity-check')")


def test_a_failing_insert_leaves_nothing_behind(store: Store) -> None:
    # The article and paragraphs insert fine; linking people then fails on an unbindable value.
    unbindable = PersonSpeech(aliases={"X": (("x", object()),)}, speakers=[("X",), ()], mentions=[(), ()])  # type: ignore[dict-item]
    with pytest.raises(sqlite3.ProgrammingError):
        store.add_article(DRAFT, loaded_by="x", people=unbindable)
    assert store.stats()["articles"] == 0 and store.stats()["paragraphs"] == 0


def test_migrations_are_versioned_and_idempotent(tmp_path: Path) -> None:
    path = tmp_path / "m.db"
    Store.open(path).close()
    reopened = Store.open(path)
    assert reopened.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert reopened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    reopened.close()


def test_a_store_from_before_v10_is_indexed_by_the_store_not_a_trigger(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    Store.open(path).close()
    old = sqlite3.connect(path)
    old.execute(
        "CREATE TRIGGER paragraphs_ai AFTER INSERT ON paragraphs BEGIN"
        " INSERT INTO paragraphs_fts (rowid, text) VALUES (new.rowid, new.text); END"
    )
    old.execute("DROP TABLE counters")  # v11's, which a store from before v10 does not have either
    old.execute("ALTER TABLE conversations DROP COLUMN besides")  # nor v13's
    old.execute(f"PRAGMA user_version = {MIGRATIONS.index(_v10_index_without_insert_trigger)}")
    old.commit()
    old.close()
    store = Store.open(path)
    triggers = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert "paragraphs_ai" not in triggers and "paragraphs_ad" in triggers
    store.add_article(DRAFT, loaded_by="x")
    assert [r.position for r in store.search(any_of(["oil"]), limit=5)] == [0]
    store.db.execute("INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('integrity-check')")
    store.close()


def test_a_context_saved_before_v13_reads_back_leaving_no_one_out(tmp_path: Path) -> None:
    path, now = tmp_path / "old.db", datetime(2025, 3, 3, tzinfo=UTC)
    Store.open(path).close()
    old = sqlite3.connect(path)
    old.execute("ALTER TABLE conversations DROP COLUMN besides")
    old.execute(
        "INSERT INTO conversations (key, question_text, speaker, topic, shown, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        ["k", "what did Imomi say about oil?", "Imomi", "oil", 3, now.isoformat(timespec="seconds")],
    )
    old.execute(f"PRAGMA user_version = {MIGRATIONS.index(_v13_context_besides)}")
    old.commit()
    old.close()
    store = Store.open(path)
    saved = store.load_context("k", now=now, ttl=timedelta(minutes=30))
    assert saved == StoredContext("what did Imomi say about oil?", "Imomi", "oil", 3, besides="")
    store.close()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_any_question_text_is_a_safe_fts_query(question: str) -> None:
    store = _shared_store()
    query = any_of(content_words(question))
    if query:
        store.search(query, limit=3)


_STORE: list[Store] = []


def _shared_store() -> Store:
    """One in-memory-backed store for the property test (hypothesis forbids function fixtures)."""
    if not _STORE:
        import tempfile

        _STORE.append(Store.open(Path(tempfile.mkdtemp()) / "h.db"))
        _STORE[0].add_article(DRAFT, loaded_by="x")
    return _STORE[0]


def test_answers_read_while_a_load_holds_the_writer(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "busy.db")
    store.add_article(DRAFT, loaded_by="x")
    found: list[int] = []
    with store._lock, store.db.atomic():  # a bulk load mid-transaction, as the loader holds it
        store.db.execute("INSERT INTO articles (title, source, content_hash, loaded_at, loaded_by) VALUES"
                         " ('Pending', 'Wire', 'h', '2025-01-01', 'x')")
        reader = threading.Thread(target=lambda: found.append(len(store.search(any_of(["oil"]), limit=5))))
        reader.start()
        reader.join(timeout=10)
        assert not reader.is_alive(), "a reader waited for the writer"
    assert found == [1]  # what was committed, not the load in progress
    store.close()


def test_a_thread_s_read_connection_closes_when_the_thread_ends(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "threads.db")
    store.add_article(DRAFT, loaded_by="x")
    before = store._readers.open_connections
    threads = [threading.Thread(target=store.search, args=(any_of(["oil"]),), kwargs={"limit": 5}) for _ in range(5)]
    for thread in threads:
        thread.start()
        thread.join(timeout=10)
    del threads, thread
    gc.collect()
    assert store._readers.open_connections == before
    store.close()
