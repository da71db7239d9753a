"""The store contract: the same behaviour from the SQLite store and the PostgreSQL store."""

from __future__ import annotations

import inspect
import itertools
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.models import ArticleDraft, Subscription
from bot.retrieval.fts import all_of, any_of, quote_term
from bot.retrieval.terms import stem
from bot.store import Store
from bot.store.articles import PersonSpeech
from bot.store.protocol import StoreProtocol, protocol_methods
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)

NOW = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
DAY = date(2025, 3, 3)


def draft(title: str, *paragraphs: str, url: str = "", published: str = "2025-03-01") -> ArticleDraft:
    """An article draft with harmless metadata."""
    return ArticleDraft(
        title=title, paragraphs=paragraphs, source="Wire", published=published, url=url, origin=f"{title}.txt"
    )


OIL = draft(
    "Opec meets in Vienna",
    "Oil output will rise next year, Ana Lopez said.",
    '"We expect demand for oil and gas to grow strongly," said Ana Lopez, the minister.',
    "Ministers also discussed the weather.",
    url="https://example.com/oil",
)
OIL_PEOPLE = PersonSpeech(
    aliases={"Ana Lopez": (("ana lopez", "name"), ("lopez", "name"), ("the minister", "role"))},
    speakers=[["Ana Lopez"], ["Ana Lopez"], []],
    mentions=[[], [], []],
)
GAS = draft("Pipeline repaired", "Gas flows rose after repairs, Bo Chen said.", "Oil was not affected.")
GAS_PEOPLE = PersonSpeech(
    aliases={"Bo Chen": (("bo chen", "name"), ("chen", "name")), "Ana Lopez": (("ana lopez", "name"),)},
    speakers=[["Bo Chen", "Ana Lopez"], []],
    mentions=[["Ana Lopez"], []],
)


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


def test_both_engines_implement_the_whole_protocol() -> None:
    from bot.store.postgres import PostgresStore

    wanted = protocol_methods()
    for engine in (Store, PostgresStore):
        public = {n for n, f in inspect.getmembers(engine) if not n.startswith("_") and callable(f)}
        assert wanted <= public, f"{engine.__name__} lacks {sorted(wanted - public)}"
        # A method the core may call on one engine must be in the protocol (and so on the other).
        extra = public - wanted - {"open", "migrate", "schema_version"}
        assert not extra, f"{engine.__name__} has methods missing from StoreProtocol: {sorted(extra)}"
        for name in wanted:
            theirs = inspect.signature(getattr(engine, name)).parameters
            ours = inspect.signature(getattr(StoreProtocol, name)).parameters
            assert list(theirs) == list(ours), f"{engine.__name__}.{name} parameters differ"


def test_articles_round_trip(any_store: StoreProtocol) -> None:
    first, second = any_store.add_articles([(OIL, OIL_PEOPLE), (GAS, GAS_PEOPLE)], loaded_by="console:me")
    assert (first.status, second.status) == ("loaded", "loaded")
    article = any_store.get_article(first.article_id)
    assert article is not None
    assert (article.title, article.source, article.published, article.url, article.loaded_by) == (
        "Opec meets in Vienna",
        "Wire",
        "2025-03-01",
        "https://example.com/oil",
        "console:me",
    )
    assert article.paragraph_count == 3
    assert any_store.paragraphs_of(first.article_id) == list(OIL.paragraphs)
    assert [r.position for r in any_store.article_rows(first.article_id)] == [0, 1, 2]
    assert any_store.article_count() == 2
    assert any_store.paragraph_count() == 5
    assert any_store.article_ids() == [first.article_id, second.article_id]
    assert any_store.latest_article_id() == second.article_id
    assert [a.id for a in any_store.recent_articles(5)] == [second.article_id, first.article_id]
    assert [a.id for a in any_store.recent_articles(5, article_ids=[first.article_id])] == [first.article_id]
    assert [a.id for a in any_store.articles_between(first.article_id, second.article_id)] == [second.article_id]
    ids = [r.id for r in any_store.article_rows(second.article_id)]
    assert [r.id for r in any_store.paragraphs_by_id(list(reversed(ids)))] == list(reversed(ids))
    any_store.record_failure("bad.txt", "empty", "console:me")
    stats = any_store.stats()
    assert (stats["articles"], stats["paragraphs"], stats["people"], stats["failures"]) == (2, 5, 2, 1)
    assert any_store.check_integrity() == []

    deleted = any_store.delete_article(first.article_id)
    assert deleted is not None and deleted.id == first.article_id
    assert any_store.delete_article(first.article_id) is None
    assert any_store.get_article(first.article_id) is None
    assert any_store.search(any_of(["vienna", "ministers"]), limit=5) == []
    assert any_store.document_frequency([stem("minister")]) == {}
    assert any_store.check_integrity() == []


def test_duplicates_by_text_url_and_within_a_batch(any_store: StoreProtocol) -> None:
    loaded = any_store.add_article(OIL, loaded_by="me")
    same_text = draft("Another headline", *OIL.paragraphs)
    same_url = draft("Other", "Different words entirely.", url=OIL.url)
    fresh = draft("Fresh", "Something new happened today.")
    results = any_store.add_articles(
        [(same_text, None), (same_url, None), (fresh, None), (fresh, None)], loaded_by="me"
    )
    assert [r.status for r in results] == ["duplicate", "duplicate", "loaded", "duplicate"]
    assert results[0].article_id == results[1].article_id == loaded.article_id
    assert results[3].article_id == results[2].article_id
    assert "same text" in results[0].reason and "same URL" in results[1].reason
    assert any_store.article_count() == 2


def test_search_ranking_filters_and_hostile_terms(any_store: StoreProtocol) -> None:
    a = any_store.add_article(draft("Markets", "Oil and gas prices rose.", "Oil rose."), loaded_by="me").article_id
    b = any_store.add_article(draft("Weather", "Gas bills worry families.", "Rain fell."), loaded_by="me").article_id
    both = any_store.search(any_of(["oil", "gas"]), limit=10)
    assert {r.text for r in both} == {"Oil and gas prices rose.", "Oil rose.", "Gas bills worry families."}
    assert both[0].text == "Oil and gas prices rose."  # holds both terms: ranks first
    assert all(x.rank <= y.rank for x, y in itertools.pairwise(both))  # lower rank is better
    assert [r.text for r in any_store.search(all_of(["oil", "gas"]), limit=10)] == ["Oil and gas prices rose."]
    assert [r.article_id for r in any_store.search(any_of(["gas"]), limit=10, after_article=a)] == [b]
    only = [r.id for r in any_store.article_rows(a)][1:]
    assert [r.text for r in any_store.search(any_of(["oil"]), limit=10, paragraph_ids=only)] == ["Oil rose."]
    assert len(any_store.search(any_of(["oil", "gas"]), limit=1)) == 1
    row = any_store.search(quote_term("prices"), limit=1)[0]
    assert (row.title, row.source, row.published, row.position) == ("Markets", "Wire", "2025-03-01", 0)
    # Stemming: "rising" finds "rose"? No (irregular), but "prices" finds "price" and "families" "family".
    assert any_store.search(quote_term("price"), limit=5) and any_store.search(quote_term("family"), limit=5)
    # Titles are not matched, only paragraph text (as in SQLite's index).
    assert any_store.search(quote_term("weather"), limit=5) == []
    for hostile in ["it's", 'a"b', "x:*", "a & b | !c", "back\\slash", "(", "'"]:
        any_store.search(any_of([hostile]), limit=5)  # never a syntax error
    assert any_store.document_frequency([stem("oil"), stem("gas"), "zzz"]) == {"oil": 2, "ga": 2}
    # A code is found however it is written, inside a query of several terms.
    g7 = any_store.add_article(draft("G7", "The G-7 met on oil.", "The Group of Seven met on gas."), loaded_by="me")
    found = any_store.search(all_of(["g7", "met"]), limit=10)
    assert {r.article_id for r in found} == {g7.article_id} and len(found) == 2
    assert [r.text for r in any_store.search(all_of(["oil", "g7"]), limit=10)] == ["The G-7 met on oil."]


def test_a_quoted_phrase_matches_its_words_in_their_order(any_store: StoreProtocol) -> None:
    # "who said 'demand for oil and gas'?" looks the words up together, stopwords and all.
    any_store.add_article(OIL, loaded_by="me")
    found = any_store.search(quote_term("demand for oil and gas"), limit=5)
    assert [r.text for r in found] == [OIL.paragraphs[1]]
    assert any_store.search(quote_term("gas and oil demand"), limit=5) == []
    assert any_store.search(quote_term("demand for gas"), limit=5) == []


def test_people_lookups(any_store: StoreProtocol) -> None:
    oil = any_store.add_article(OIL, loaded_by="me", people=OIL_PEOPLE).article_id
    version = any_store.people_version()
    gas = any_store.add_article(GAS, loaded_by="me", people=GAS_PEOPLE).article_id
    assert any_store.people_version() != version
    lopez = any_store.people_by_alias("Lopez")
    assert [name for _, name in lopez] == ["Ana Lopez"]
    (lopez_id, _), (chen_id, _) = lopez[0], any_store.people_by_alias("chen")[0]
    both = [(lopez_id, "Ana Lopez"), (chen_id, "Bo Chen")]
    assert any_store.people_by_aliases(["Chen", "lopez", "the minister", "nobody"]) == sorted(both)
    assert any_store.people_by_aliases([]) == []
    assert any_store.person_names([lopez_id, chen_id]) == {lopez_id: "Ana Lopez", chen_id: "Bo Chen"}
    assert any_store.aliases_of([chen_id, lopez_id]) == [
        (lopez_id, "ana lopez", "name"),
        (lopez_id, "lopez", "name"),
        (lopez_id, "the minister", "role"),
        (chen_id, "bo chen", "name"),
        (chen_id, "chen", "name"),
    ]
    assert any_store.aliases_of([]) == []
    every = any_store.aliases_after(0)
    lopez_aliases = [("ana lopez", lopez_id), ("lopez", lopez_id), ("the minister", lopez_id)]
    chen_aliases = [("bo chen", chen_id), ("chen", chen_id)]
    assert [(alias, person) for _, alias, person, _ in every] == [*lopez_aliases, *chen_aliases]
    assert [(alias, kind) for _, alias, _, kind in any_store.aliases_after(0, ["role"])] == [("the minister", "role")]
    assert [alias for _, alias, _, _ in any_store.aliases_after(every[1][0], limit=2)] == ["the minister", "bo chen"]
    links = any_store.person_paragraphs([lopez_id])
    assert sorted((p.article_id, p.position, p.role) for p in links) == [
        (oil, 0, "speaker"),
        (oil, 1, "speaker"),
        (gas, 0, "mention"),
        (gas, 0, "speaker"),
    ]
    second_oil = any_store.article_rows(oil)[1].id
    within = any_store.person_paragraphs([lopez_id], within=[second_oil])
    assert [(p.article_id, p.position) for p in within] == [(oil, 1)]
    assert any_store.person_paragraphs([lopez_id], within=[]) == []
    latest = any_store.person_paragraphs([lopez_id], latest=3)
    assert sorted((p.article_id, p.position, p.role) for p in latest) == [
        (oil, 1, "speaker"),
        (gas, 0, "mention"),
        (gas, 0, "speaker"),
    ]
    assert [p.article_id for p in latest] == [oil, gas, gas]  # still in article order
    spoken = any_store.person_paragraphs([lopez_id], speaking=True)
    assert sorted((p.article_id, p.position) for p in spoken) == [(oil, 0), (oil, 1), (gas, 0)]
    first_gas = any_store.article_rows(gas)[0].id
    assert any_store.first_speakers([second_oil, first_gas, 10**9]) == {second_oil: lopez_id, first_gas: chen_id}
    assert any_store.speakers_of([first_gas]) == {first_gas: ("Bo Chen", "Ana Lopez")}
    assert any_store.most_quoted(5) == [("Ana Lopez", 3), ("Bo Chen", 1)]  # mentions are not counted
    assert any_store.most_quoted(1) == [("Ana Lopez", 3)]
    any_store.replace_people(gas, PersonSpeech(aliases={}, speakers=[[], []], mentions=[[], []]))
    assert any_store.speakers_of([first_gas]) == {}
    version = any_store.people_version()
    assert any_store.delete_orphan_people() == 1  # Bo Chen
    assert any_store.people_version() != version
    assert any_store.people_by_alias("chen") == []


def test_replacing_aliases_keeps_exactly_those_given_for_the_people_named(any_store: StoreProtocol) -> None:
    any_store.add_article(OIL, loaded_by="me", people=OIL_PEOPLE)
    any_store.add_article(GAS, loaded_by="me", people=GAS_PEOPLE)
    (lopez_id, _), (chen_id, _) = any_store.people_by_alias("lopez")[0], any_store.people_by_alias("chen")[0]
    version = any_store.people_version()
    wanted = {"Ana Lopez": {"ana lopez": "name", "lopez": "name", "the minister": "inferred role", "ana": "name"}}
    assert any_store.replace_aliases(wanted) == 1  # "the minister" as a written role goes, to come back inferred
    assert any_store.people_version() != version  # a cache reading only new aliases must read them all again
    kinds = {(alias, person, kind) for _, alias, person, kind in any_store.aliases_after(0)}
    assert kinds == {
        ("ana lopez", lopez_id, "name"), ("lopez", lopez_id, "name"), ("ana", lopez_id, "name"),
        ("the minister", lopez_id, "inferred role"), ("bo chen", chen_id, "name"), ("chen", chen_id, "name"),
    }  # fmt: skip
    assert any_store.replace_aliases({}) == 0


def test_an_alias_met_again_in_a_surer_kind_keeps_that_kind(any_store: StoreProtocol) -> None:
    # "the minister" only inferred in one story, written with the name in the next (loaded later, or in the same
    # batch): it is her written role, whichever came first, and a new row for caches reading only new aliases.
    inferred = PersonSpeech(
        aliases={"Ana Lopez": (("ana lopez", "name"), ("the minister", "inferred role"))},
        speakers=[["Ana Lopez"], [], []],
        mentions=[[], [], []],
    )
    any_store.add_article(OIL, loaded_by="me", people=inferred)
    version = any_store.people_version()
    any_store.add_article(GAS, loaded_by="me", people=GAS_PEOPLE)
    assert any_store.people_version()[1] == version[1]  # nothing surer: only additions
    written = draft("Budget approved", "The budget passed, Ana Lopez said.")
    written_people = PersonSpeech(
        aliases={"Ana Lopez": (("ana lopez", "name"), ("the minister", "role"))},
        speakers=[["Ana Lopez"]],
        mentions=[[]],
    )
    again = draft("Budget questioned", "The budget was questioned, the minister said.")
    read = any_store.people_version()[0]
    any_store.add_articles([(again, inferred), (written, written_people)], loaded_by="me")
    assert any_store.people_version()[1] == version[1]  # an upgrade is no removal
    assert [(alias, kind) for _, alias, _, kind in any_store.aliases_after(read)] == [("the minister", "role")]
    kinds = [(alias, kind) for _, alias, _, kind in any_store.aliases_after(0) if alias == "the minister"]
    assert kinds == [("the minister", "role")]
    any_store.add_article(draft("Budget cut", "Spending was cut, the minister said."), loaded_by="me", people=inferred)
    assert [kind for _, alias, _, kind in any_store.aliases_after(0) if alias == "the minister"] == ["role"]
    # Become a name, it is gone from the roles, which caches of roles (reading no names) learn as a removal.
    named = PersonSpeech(aliases={"Ana Lopez": (("the minister", "name"),)}, speakers=[["Ana Lopez"]], mentions=[[]])
    any_store.add_article(draft("Budget won", "It won, the minister said."), loaded_by="me", people=named)
    assert any_store.people_version()[1] == version[1] + 1
    assert [alias for _, alias, _, _ in any_store.aliases_after(0, ["role", "inferred role"])] == []
    assert [kind for _, alias, _, kind in any_store.aliases_after(0) if alias == "the minister"] == ["name"]


def test_an_upgraded_alias_comes_back_past_the_last_position_read(any_store: StoreProtocol) -> None:
    # The upgraded row had been the last one: SQLite gives a deleted last rowid out again, which a cache that had
    # read up to it would never read.
    inferred = PersonSpeech(
        aliases={"Ana Lopez": (("ana lopez", "name"), ("the minister", "inferred role"))},
        speakers=[["Ana Lopez"], [], []],
        mentions=[[], [], []],
    )
    any_store.add_article(OIL, loaded_by="me", people=inferred)
    read = any_store.people_version()[0]
    written = PersonSpeech(
        aliases={"Ana Lopez": (("lopez", "name"), ("the minister", "role"))}, speakers=[["Ana Lopez"]], mentions=[[]]
    )
    any_store.add_article(draft("Budget approved", "The budget passed, Lopez said."), loaded_by="me", people=written)
    assert any_store.people_version()[0] > read
    assert [(alias, kind) for _, alias, _, kind in any_store.aliases_after(read)] == [
        ("lopez", "name"),
        ("the minister", "role"),
    ]


def subscription(chat: str, at: time = time(7, 0)) -> Subscription:
    """A console subscription for ``chat``."""
    return Subscription(
        id=0,
        platform="console",
        chat_id=chat,
        user_key="console:me",
        local_time=at,
        zone="UTC",
        topic="oil",
        speaker="",
        active=True,
        created_at="2025-03-01T00:00:00+00:00",
    )


def test_subscriptions_and_exactly_once_claims(any_store: StoreProtocol) -> None:
    any_store.add_article(OIL, loaded_by="me")
    first = any_store.add_subscription(subscription("c1"), max_per_chat=2)
    assert first is not None and first.last_article_id == 1 and first.topic == "oil"
    assert any_store.add_subscription(subscription("c1", time(9, 30)), max_per_chat=2) is not None
    assert any_store.add_subscription(subscription("c1"), max_per_chat=2) is None
    assert [s.local_time for s in any_store.chat_subscriptions("console", "c1")] == [time(7, 0), time(9, 30)]
    stale = (NOW - timedelta(minutes=10)).isoformat()
    stamp = NOW.isoformat()

    winners: list[str] = []

    def claim(token: str) -> None:
        if any_store.claim_digest(first.id, DAY, token=token, now=stamp, stale_before=stale):
            winners.append(token)

    threads = [threading.Thread(target=claim, args=(f"t{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(winners) == 1
    assert any_store.digest_status(first.id, DAY) == "sending"
    assert any_store.digest_days_done([DAY], stale_before=stale) == {(first.id, DAY)}
    assert not any_store.finish_digest(
        first.id, DAY, token="other", status="sent", now=stamp, article_count=1, watermark=5
    )
    assert any_store.finish_digest(
        first.id, DAY, token=winners[0], status="sent", now=stamp, article_count=1, watermark=5
    )
    done = any_store.get_subscription(first.id)
    assert done is not None and done.last_article_id == 5 and done.last_sent_at == stamp
    assert not any_store.claim_digest(first.id, DAY, token="late", now=stamp, stale_before=stale)

    # A released claim can be taken again; a stale one is taken over.
    tomorrow = DAY + timedelta(days=1)
    assert any_store.claim_digest(first.id, tomorrow, token="a", now=stamp, stale_before=stale)
    any_store.release_digest(first.id, tomorrow, token="a")
    assert any_store.digest_status(first.id, tomorrow) is None
    assert any_store.claim_digest(first.id, tomorrow, token="b", now=stamp, stale_before=stale)
    later = (NOW + timedelta(minutes=11)).isoformat()
    assert any_store.claim_digest(first.id, tomorrow, token="c", now=later, stale_before=stamp + "Z")
    assert any_store.reschedule_subscription(first.id, time(21, 30), "Asia/Tokyo")
    moved = any_store.get_subscription(first.id)
    assert moved is not None and (moved.local_time, moved.zone) == (time(21, 30), "Asia/Tokyo")
    assert moved.last_article_id == 5  # the watermark kept: no article comes twice
    assert any_store.deactivate_subscriptions([first.id]) == 1
    assert not any_store.reschedule_subscription(first.id, time(7, 0), "UTC")
    assert [s.id for s in any_store.active_subscriptions()] != [first.id]
    assert any_store.get_subscription(first.id) is not None
    assert any_store.stats()["subscribers"] == 1


def test_feeds(any_store: StoreProtocol) -> None:
    feed, new = any_store.add_feed("https://example.com/rss", "Example", added_by="console:me", now=NOW)
    assert new and feed.next_poll_at == NOW.isoformat()
    again, new = any_store.add_feed("https://example.com/rss", "Example", added_by="console:me", now=NOW)
    assert not new and again.id == feed.id
    later, _ = any_store.add_feed("https://example.com/later", "", added_by="console:me", now=NOW + timedelta(hours=1))
    assert any_store.feed_count() == 2 and [f.id for f in any_store.feeds()] == [feed.id, later.id]
    assert [f.id for f in any_store.due_feeds(NOW)] == [feed.id]
    any_store.feed_polled(
        feed.id, now=NOW, next_poll=NOW + timedelta(minutes=15), etag='"e1"', last_modified=None, title="Example feed"
    )
    polled = any_store.get_feed(feed.id)
    assert polled is not None and (polled.etag, polled.title, polled.failures) == ('"e1"', "Example feed", 0)
    any_store.feed_failed(later.id, now=NOW, next_poll=NOW + timedelta(hours=2), failures=3, error="timeout")
    failed = any_store.feed_by_url("https://example.com/later")
    assert failed is not None and (failed.failures, failed.last_error) == (3, "timeout")
    article = any_store.add_article(OIL, loaded_by="me").article_id
    for _ in range(2):
        any_store.record_feed_item(
            feed.id, guid="g1", link="https://example.com/a1", content_hash="h", article_id=article, now=NOW
        )
    assert any_store.seen_guids(feed.id, ["g1", "g2"]) == {"g1"}
    seen = any_store.seen_link("https://example.com/a1")
    assert seen is not None and seen.article_id == article
    assert any_store.seen_link("https://example.com/oil") is not None  # an article's own address
    assert any_store.seen_link("https://example.com/new") is None
    removed = any_store.remove_feed(feed.id)
    assert removed is not None and any_store.get_feed(feed.id) is None
    assert any_store.seen_guids(feed.id, ["g1"]) == set()


def test_audit(any_store: StoreProtocol) -> None:
    for i in range(3):
        any_store.record_audit(at=NOW + timedelta(seconds=i), user_key="console:me", action="load", detail=f"#{i}")
    entries = any_store.audit_entries(2)
    assert [e.detail for e in entries] == ["#2", "#1"]
    assert entries[0].at == (NOW + timedelta(seconds=2)).isoformat() and entries[0].action == "load"


def test_article_stems(any_store: StoreProtocol) -> None:
    results = any_store.add_articles([(OIL, None), (GAS, None)], loaded_by="me", stems=["oil opec vienna", ""])
    oil, gas = (r.article_id for r in results)
    assert any_store.article_stems([oil, gas]) == {oil: "oil opec vienna"}
    any_store.delete_article(oil)
    assert any_store.article_stems([oil]) == {}
