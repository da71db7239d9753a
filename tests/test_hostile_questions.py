"""Hostile questions over the whole answer path: ``bot.commands.handle`` and ``BriefingService.ask``.

Whatever a stranger types — any Unicode, FTS5 operators, SQL, control characters, emoji, right-to-left
text, nothing at all or 100,000 characters — the bot answers or says plainly why not, never raises,
never writes to the store, and quotes only real paragraphs of stored articles.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.commands import handle
from bot.config import Settings
from bot.errors import BriefingError
from bot.models import Answer, Chat, Hit, Reply, User
from bot.service import BriefingService
from bot.store import Store
from tests.conftest import SEED_DIR
from tests.fixtures.digests import FOOTBALL, GAS, OIL

LOADER = User("console", "fixtures")
_ASKERS = itertools.count(1)

# Pieces of FTS5 query syntax and SQL that a naive ``MATCH ?`` or string-built query would choke on.
FTS_SYNTAX = [
    '"',
    '""',
    '"oil',
    'oil"',
    "NEAR(",
    "NEAR(oil gas, 2)",
    "NEAR(oil",
    "*",
    "oil*",
    "*oil",
    "^",
    "^oil",
    ":",
    "text:",
    "text:oil",
    "col:",
    "paragraphs_fts:",
    "{text}: oil",
    "-text:oil",
    "AND",
    "OR",
    "NOT",
    "oil AND",
    "OR gas",
    "NOT NOT",
    "AND OR NOT",
    "(",
    ")",
    "((",
    "))",
    "(oil",
    "oil)",
    "(oil OR",
    "+",
    "-",
    "a - b",
    "a + b",
    "[",
    "]",
    "{",
    "}",
    "'",
    "''",
    "\\",
    "%",
    "_",
    "?",
    "@",
    "#",
    "$",
    "&",
    "|",
    ";",
]
SQL = [
    "'; DROP TABLE articles; --",
    '"; DROP TABLE paragraphs; --',
    "1; DELETE FROM paragraphs",
    "' OR '1'='1",
    "oil') UNION SELECT user_key, detail FROM audit --",
    "x' UNION SELECT name FROM sqlite_master --",
    "paragraphs_fts MATCH 'x' OR 1=1",
    "INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('delete-all')",
    "INSERT INTO paragraphs_fts(paragraphs_fts) VALUES('rebuild')",
    "'; ATTACH DATABASE '/tmp/x.db' AS x; --",
    "PRAGMA writable_schema = 1",
    "%' --",
]
ODD = [
    "\x00",
    "\x01\x02\x03",
    "\x1b[31m",
    "\x7f",
    "\u0085",
    "\u2028",
    "\u2029",
    "\r\n",
    "\t",
    "\ufeff",
    "\u200b",
    "\u200d",
    "\u202e",
    "\u2066",
    "\ufffd",
    "\U0001f600",
    "\U0001f1e6\U0001f1ff",
    "\U0001f468\u200d\U0001f469",
    "\ud7ff",
    "\U0010ffff",
    "\U000e0001",
    "ماذا قال إيمومي عن النفط؟",
    "מה אמר אימומי על נפט?",
    "‏Imomi‎",
    "Имоми нефть",
    "伊莫米 石油",
    "ἀρχή",
    "Ｉｍｏｍｉ",
    "İMOMİ",
    "ß",
    "ﬁ",
    "e\u0301",
    "Imomi" + "\u0301" * 50,
]
WORDS = ["what", "did", "Imomi", "say", "about", "oil", "gas", "football", "and", "more", "the", "Sodik", "?"]
FRAGMENTS = st.sampled_from(FTS_SYNTAX + SQL + ODD + WORDS)


def hostile_text() -> st.SearchStrategy[str]:
    """Questions mixing FTS5 syntax, SQL, odd Unicode and real words, or any text at all."""
    glued = st.lists(st.one_of(FRAGMENTS, st.text(max_size=8)), max_size=12).flatmap(
        lambda parts: st.sampled_from(["", " ", "  "]).map(lambda sep: sep.join(parts))
    )
    return st.one_of(glued, st.text(max_size=200), st.text(st.characters(codec="utf-8"), max_size=60))


@pytest.fixture
def hostile_settings(tmp_path: Path) -> Settings:
    """Settings with a generous question limit, so long questions reach the search and not only the refusal."""
    return Settings(
        _env_file=None,
        BRIEFBOT_DB_PATH=tmp_path / "hostile.db",
        BRIEFBOT_ARTICLES_DIR=SEED_DIR,
        BRIEFBOT_MAX_QUESTION_CHARS=100_000,
    )


@pytest.fixture
def loaded(hostile_settings: Settings) -> Iterator[BriefingService]:
    """A service over a store holding the seed article and three more."""
    store = Store.open(hostile_settings.db_path)
    service = BriefingService(store, hostile_settings)
    service.load_bundled()
    for text in (OIL, FOOTBALL, GAS):
        assert service.load_text(LOADER, text).outcomes[0].status == "loaded"
    yield service
    store.close()


def snapshot(store: Store) -> dict[str, int]:
    """Every table of the store (FTS shadow tables included) with its row count."""
    conn: sqlite3.Connection = store.db.conn
    names = [
        row[0]
        for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall()
        if not row[0].startswith("sqlite_")
    ]
    counts = {}
    for name in names:
        try:
            counts[name] = int(conn.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0])
        except sqlite3.OperationalError:  # the FTS5 vocab table can't be counted before it is read; keep its name
            counts[name] = -1
    return counts


def stored_paragraphs(store: Store) -> dict[tuple[int, int], str]:
    """(article id, position) → paragraph text, read straight from the table."""
    rows = store.db.conn.execute("SELECT article_id, position, text FROM paragraphs").fetchall()
    return {(a, p): t for a, p, t in rows}


def assert_real(hits: tuple[Hit, ...], paragraphs: dict[tuple[int, int], str]) -> None:
    """Every hit is a stored paragraph, word for word, at the place it claims."""
    for hit in hits:
        assert paragraphs.get((hit.article_id, hit.paragraph_index)) == hit.text, hit


def assert_plain_reply(reply: Reply) -> None:
    """An answer (quotes) or a non-empty message; never the apology for a crash."""
    assert isinstance(reply, Reply)
    assert reply.quotes or reply.text.strip()
    assert "went wrong" not in reply.text


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text(), prefix=st.sampled_from(["", "/ask ", "/articles ", "  "]))
@example(text="", prefix="")
@example(text="'; DROP TABLE articles; --", prefix="")
@example(text='NEAR("oil" gas, -1) AND (text: OR col:* ^"', prefix="/ask ")
@example(text="\x00\x00 )))(( ^* \u202eliO", prefix="")
def test_handle_answers_any_text_without_touching_the_store(loaded: BriefingService, text: str, prefix: str) -> None:
    store = loaded.store
    before, paragraphs = snapshot(store), stored_paragraphs(store)
    asker = User("telegram", str(next(_ASKERS)))  # a new asker each time, so the rate limit never answers
    reply = handle(loaded, asker, Chat("telegram", asker.id), prefix + text)
    assert_plain_reply(reply)
    assert_real(reply.quotes, paragraphs)
    assert snapshot(store) == before
    more = handle(loaded, asker, Chat("telegram", asker.id), "/more")  # the follow-up state is sound too
    assert_plain_reply(more)
    assert_real(more.quotes, paragraphs)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text(), offset=st.integers(0, 50), limit=st.none() | st.integers(1, 20))
@example(text="oil* OR gas* OR football*", offset=0, limit=20)
@example(text=")" * 5000, offset=0, limit=None)
@example(text='who said "\'; DROP TABLE articles; --\x00"?', offset=0, limit=None)  # a NUL inside a quotation
def test_ask_returns_an_answer_or_a_plain_error(
    loaded: BriefingService, text: str, offset: int, limit: int | None
) -> None:
    store = loaded.store
    before, paragraphs = snapshot(store), stored_paragraphs(store)
    try:
        answer = loaded.ask(text, limit=limit, offset=offset)
    except BriefingError as error:
        assert error.user_message.strip()
    else:
        assert isinstance(answer, Answer)
        assert answer.hits or answer.message.strip()
        assert len(answer.hits) <= (limit or loaded.settings.page_size)
        assert_real(answer.hits, paragraphs)
    assert snapshot(store) == before


def test_fts_and_sql_words_find_real_paragraphs_not_errors(loaded: BriefingService) -> None:
    paragraphs = stored_paragraphs(loaded.store)
    questions = ('what did Imomi say about "oil"?', "what did Imomi say about (oil AND NOT", "oil* prices^:", "Imomi:")
    for question in (*questions, '"oil prices"', "oil prices OR"):
        answer = loaded.ask(question)
        assert answer.hits, question  # the words still count; the syntax is just text
        assert_real(answer.hits, paragraphs)
    injected = loaded.ask("'; DROP TABLE articles; --")
    assert injected.no_match and injected.message
    assert loaded.store.article_count() == 4


@pytest.mark.parametrize("size", [0, 1, 10_000, 99_999, 100_000])
def test_long_and_empty_questions_within_the_limit_are_answered(loaded: BriefingService, size: int) -> None:
    question = ("what did Imomi say about oil? " * (size // 30 + 1))[:size]
    asker = User("slack", f"U{size}")
    reply = handle(loaded, asker, Chat("slack", "D1"), question)
    assert_plain_reply(reply)
    assert_real(reply.quotes, stored_paragraphs(loaded.store))


@pytest.mark.parametrize("piece", ["oil, ", "oil - ", "oil: ", "hi, ", "! ", "oil please, "])
def test_a_long_list_of_clauses_or_greetings_within_the_limit_is_answered(loaded: BriefingService, piece: str) -> None:
    # Each clause was once read as a question of its own, a level deeper: 1,000 of them overflowed the stack.
    question = piece * (90_000 // len(piece))
    reply = handle(loaded, User("slack", "Ulist"), Chat("slack", "D2"), question)
    assert_plain_reply(reply)
    assert_real(reply.quotes, stored_paragraphs(loaded.store))


@pytest.mark.parametrize("size", [1001, 100_000, 1_000_000])
def test_questions_over_the_limit_are_refused_politely(service: BriefingService, size: int) -> None:
    before = snapshot(service.store)
    limit = service.settings.max_question_chars
    question = "oil " * (size // 4) + "x" * (size % 4)
    asker, chat = User("telegram", "42"), Chat("telegram", "42")
    for text in (question, f"/ask {question}"):
        reply = handle(service, asker, chat, text)
        assert reply.text == (
            f"That question is too long ({len(text.strip().removeprefix('/ask ')):,} characters); "
            f"please keep it under {limit:,}."
        )
        assert not reply.quotes and reply.private
    with pytest.raises(BriefingError, match="too long"):
        service.ask(question)
    assert snapshot(service.store) == before


def test_a_refused_long_question_does_not_use_up_the_rate_limit(service: BriefingService) -> None:
    asker, chat = User("slack", "ULONG"), Chat("slack", "DLONG")
    for _ in range(service.settings.questions_per_minute + 5):
        assert "too long" in handle(service, asker, chat, "x" * 5000).text
    assert handle(service, asker, chat, "what did Imomi say about oil?").quotes
