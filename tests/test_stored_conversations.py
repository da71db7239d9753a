"""Follow-up context in the store: the same behaviour from both engines, and "more" across replicas."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.commands import conversation_key, handle
from bot.config import Settings
from bot.conversation import Context, Conversations, StoredConversations, conversations_for
from bot.models import Chat, User
from bot.retrieval.query import Question
from bot.service import BriefingService
from bot.store import Store
from bot.store.contexts import StoredContext
from bot.store.protocol import StoreProtocol
from bot.store.transfer import export_store
from tests.conftest import SEED_DIR
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)

T0 = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
TTL = timedelta(minutes=30)
TAJIK = "any news on Tajikistan?"  # more than one page from the bundled article


@pytest.fixture(params=["sqlite", "postgres"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreProtocol]:
    """A fresh store of each engine."""
    if request.param == "sqlite":
        opened: StoreProtocol = Store.open(tmp_path / "t.db")
    else:
        from bot.store.postgres import PostgresStore

        opened = PostgresStore.open(request.getfixturevalue("postgres_url"), pool_size=4)
    yield opened
    opened.close()


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def test_contexts_are_saved_replaced_expired_and_purged(any_store: StoreProtocol) -> None:
    oil = StoredContext("what did Imomi say about oil?", "Imomi", "oil", 3)
    assert any_store.load_context("slack:U1@slack:C1", now=T0, ttl=TTL) is None
    any_store.save_context("slack:U1@slack:C1", oil, now=T0)
    assert any_store.load_context("slack:U1@slack:C1", now=T0 + TTL, ttl=TTL) == oil  # alive to the second
    assert any_store.load_context("slack:U1@slack:C1", now=T0 + TTL + timedelta(seconds=1), ttl=TTL) is None
    gas = StoredContext("who else commented?", "", "gas", 6, besides="Imomi")
    any_store.save_context("slack:U1@slack:C1", gas, now=T0 + timedelta(minutes=20))
    assert any_store.load_context("slack:U1@slack:C1", now=T0 + timedelta(minutes=45), ttl=TTL) == gas
    any_store.save_context("telegram:42@telegram:42", StoredContext('it\'s "quoted"; DROP', "", "", 0), now=T0)
    assert any_store.purge_contexts(T0 + timedelta(minutes=10)) == 1  # the telegram one; the slack one is newer
    assert any_store.load_context("telegram:42@telegram:42", now=T0, ttl=TTL) is None
    assert any_store.load_context("slack:U1@slack:C1", now=T0 + timedelta(minutes=20), ttl=TTL) == gas
    assert any_store.purge_contexts(T0 + timedelta(hours=1)) == 1


def test_stored_conversations_behave_like_the_in_memory_ones(any_store: StoreProtocol) -> None:
    clock = Clock()
    stored, memory = StoredConversations(any_store, clock, ttl=TTL), Conversations(clock, ttl=TTL)
    context = Context(Question("who else?", topic="oil", besides=("Sodik Imomi", "Khalaf Khalafov")), 3)
    for conversations in (stored, memory):
        assert conversations.get("k") is None
        conversations.put("k", context)
        assert conversations.get("k") == context
    clock.now += TTL + timedelta(seconds=1)
    assert stored.get("k") is None and memory.get("k") is None


def test_expired_contexts_are_purged_as_contexts_are_written(any_store: StoreProtocol) -> None:
    clock = Clock()
    conversations = StoredConversations(any_store, clock, ttl=TTL, purge_every=timedelta(minutes=5))
    for i in range(20):
        conversations.put(f"old{i}", Context(Question(f"question {i}"), 3))
    clock.now += TTL + timedelta(minutes=1)
    conversations.put("new", Context(Question("fresh"), 3))  # a purge is due: the 20 old ones go
    assert any_store.purge_contexts(T0 + timedelta(seconds=1)) == 0  # already gone
    assert any_store.purge_contexts(clock.now + timedelta(seconds=1)) == 1  # only "new" was left


def test_sqlite_keeps_context_in_memory_and_other_stores_in_the_store(store: Store) -> None:
    assert isinstance(conversations_for(store, Clock()), Conversations)

    class Shared:  # stands in for any store that is not the single-process SQLite one
        pass

    assert isinstance(conversations_for(Shared(), Clock()), StoredConversations)  # type: ignore[arg-type]


def test_a_failed_context_write_still_answers(store: Store, settings: Settings) -> None:
    class Broken(StoredConversations):
        def __init__(self) -> None:
            super().__init__(store, Clock())

    service = BriefingService(store, settings)
    service.load_bundled()
    service.conversations = Broken()
    store.db.execute("DROP TABLE conversations")  # every write now fails
    reply = handle(service, User("slack", "U1"), Chat("slack", "C1", is_group=True), TAJIK)
    assert reply.quotes


def test_a_sqlite_store_with_contexts_still_exports(store: Store, tmp_path: Path) -> None:
    store.save_context("k", StoredContext("q", "", "", 1), now=T0)
    summary = export_store(store, tmp_path / "out.jsonl")
    assert summary  # the conversations table is passing state, left out rather than refused


def test_more_continues_on_another_replica(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    """Two services on one PostgreSQL database, as two replicas: A answers, B pages on."""
    from bot.store.postgres import PostgresStore

    settings = Settings(
        _env_file=None,
        BRIEFBOT_DB_PATH=tmp_path / "unused.db",
        BRIEFBOT_ARTICLES_DIR=SEED_DIR,
        BRIEFBOT_DATABASE_URL=postgres_url,
    )
    stores = [PostgresStore.open(postgres_url, pool_size=2) for _ in range(2)]
    try:
        a, b = (BriefingService(s, settings) for s in stores)
        a.load_bundled()
        assert isinstance(a.conversations, StoredConversations)
        user, chat = User("slack", "U1"), Chat("slack", "C1", is_group=True)
        first = handle(a, user, chat, TAJIK)
        assert first.quotes and first.more
        second = handle(b, user, chat, "/more")
        expected = a.ask(TAJIK, offset=len(first.quotes))
        assert [q.text for q in second.quotes] == [h.text for h in expected.hits]
        assert not {q.text for q in second.quotes} & {q.text for q in first.quotes}
        # The context is per person: someone else's "more" in the same chat has nothing to continue.
        assert handle(b, User("slack", "U2"), chat, "/more").text.startswith("There is no earlier question")
        saved = stores[0].load_context(conversation_key(user, chat), now=a.clock(), ttl=TTL)
        assert saved is not None and saved.shown == len(first.quotes) + len(second.quotes)
    finally:
        for s in stores:
            s.close()
