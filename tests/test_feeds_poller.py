"""Feed polling against feeds and pages on 127.0.0.1: once-only loading, conditional requests, back-off."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.commands import handle
from bot.config import Settings
from bot.feeds_poller import FeedPoller, PollReport
from bot.models import Chat, User
from bot.service import BriefingService
from bot.store import Store
from bot.store.feeds import iso
from handlers.cli import cli
from tests.fakes.web_server import FakeWebServer, respond, slow_drip
from tests.fixtures.feeds import FeedRoute, Item
from tests.fixtures.pages import HARBOUR_STORY, Story, article_page, azernews_story
from tests.test_load_url import assert_clean, failures

ADMIN = User("telegram", "42")
STRANGER = User("telegram", "7")
T0 = datetime(2024, 3, 14, 12, 0, tzinfo=UTC)
INTERVAL = timedelta(minutes=15)


def story(n: int) -> Story:
    """A distinct invented story (its own text, title and address) for entry ``n``."""
    return replace(
        HARBOUR_STORY,
        title=f"Harbour bulletin {n}: {HARBOUR_STORY.title}",
        paragraphs=tuple(f"{p} (Bulletin number {n}.)" for p in HARBOUR_STORY.paragraphs),
        url=f"https://courier.example/news/bulletin-{n}",
    )


def full_item(n: int, base: str = "https://courier.example") -> Item:
    """An entry that carries the whole story in its content."""
    s = story(n)
    return Item(
        guid=f"courier-{n}",
        title=s.title,
        link=f"{base}/news/bulletin-{n}",
        published=(T0 + timedelta(hours=n)).isoformat(),
        summary=f"<p>{s.paragraphs[0][:80]}</p>",
        content="".join(f"<p>{p}</p>" for p in s.paragraphs),
    )


class Clock:
    """A clock a test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_settings(tmp_path: Path, *, private: bool = True) -> Settings:
    """Settings for a temp store with one Telegram admin, no bundled articles."""
    return Settings(
        _env_file=None,
        BRIEFBOT_DB_PATH=tmp_path / "f.db",
        BRIEFBOT_ARTICLES_DIR=tmp_path / "no-seed",
        BRIEFBOT_ADMINS="telegram:42",
        BRIEFBOT_ALLOW_PRIVATE_URLS=private,
    )


@pytest.fixture
def clock() -> Clock:
    """A clock standing at T0."""
    return Clock(T0)


@pytest.fixture
def service(tmp_path: Path, clock: Clock) -> Iterator[BriefingService]:
    """A service over an empty store whose clock the test moves."""
    settings = make_settings(tmp_path)
    store = Store.open(settings.db_path)
    yield BriefingService(store, settings, clock=clock)
    store.close()


def statuses(report: PollReport) -> list[str]:
    """Each entry outcome's status, in load order."""
    return [o.status for o in report.loads.outcomes]


def test_new_entries_load_exactly_once_across_restarts(
    tmp_path: Path, web: FakeWebServer, clock: Clock, service: BriefingService
) -> None:
    route = FeedRoute("Valdoria Courier", [full_item(1), full_item(2)])
    url = web.route("/feed.xml", route)
    feed, added = service.add_feed(ADMIN, url)
    assert added and feed.title == "Valdoria Courier"

    first = service.feed_poller.poll_due(T0)
    assert statuses(first) == ["loaded", "loaded"]
    # Oldest first, so article ids follow publication order; the feed's own text is stored, cleanly.
    assert [o.title for o in first.loads.outcomes] == [story(1).title, story(2).title]
    assert service.store.paragraphs_of(1) == list(story(1).paragraphs)

    clock.now = T0 + INTERVAL
    second = service.feed_poller.poll_due(clock.now)
    assert [p.status for p in second.polls] == ["not modified"] and statuses(second) == []
    sent = web.hits("/feed.xml")[-1].headers
    assert sent["if-none-match"].startswith('"') and sent["if-modified-since"].endswith("GMT")
    assert route.not_modified == 1
    service.store.close()

    # A restart: a new store and service over the same file keep the validators and the seen entries.
    settings = make_settings(tmp_path)
    reopened = BriefingService(Store.open(settings.db_path), settings, clock=clock)
    try:
        route.add(full_item(3))
        clock.now = T0 + 2 * INTERVAL
        third = reopened.feed_poller.poll_due(clock.now)
        assert statuses(third) == ["loaded"] and third.loads.outcomes[0].title == story(3).title
        assert web.hits("/feed.xml")[-1].headers["if-none-match"] == sent["if-none-match"]

        # The same story again under new guids: by its link, and by its text under another link.
        route.add(replace(full_item(1), guid="courier-1-updated"))
        route.add(replace(full_item(2), guid="courier-2-syndicated", link="https://partner.example/bulletin-2"))
        clock.now = T0 + 3 * INTERVAL
        fourth = reopened.feed_poller.poll_due(clock.now)
        assert statuses(fourth) == ["duplicate", "duplicate"]
        assert [o.reason for o in fourth.loads.outcomes] == ["same URL as article 1", "same text as article 2"]
        assert reopened.store.article_count() == 3
    finally:
        reopened.store.close()


def test_summary_entries_load_the_article_page_or_fall_back_to_their_own_text(
    web: FakeWebServer, service: BriefingService
) -> None:
    azernews = azernews_story()
    page = web.page("/nation/195512.html", article_page(azernews))
    long_summary = " ".join(story(5).paragraphs[:2])
    items = [
        Item("tag:az,1", azernews.title, page, T0.isoformat(), summary="<p>Khalafov and Imomi met.</p>"),
        Item("tag:az,2", "Dead link, long summary", web.url + "/gone-1", T0.isoformat(), summary=long_summary),
        Item("tag:az,3", "Dead link, teaser", web.url + "/gone-2", T0.isoformat(), summary="<p>Read more…</p>"),
    ]
    url = web.route("/atom.xml", FeedRoute("Azernews", items, kind="atom"))
    service.add_feed(ADMIN, url)
    report = service.feed_poller.poll_due(T0)
    loaded, fallback, failed = report.loads.outcomes
    assert (loaded.status, loaded.title) == ("loaded", azernews.title)
    assert loaded.article_id is not None
    paragraphs = service.store.paragraphs_of(loaded.article_id)
    assert paragraphs == list(azernews.paragraphs)
    assert_clean(paragraphs)
    article = service.store.get_article(loaded.article_id)
    assert article is not None and article.url == azernews.url and article.loaded_by == "system:feeds"
    assert (fallback.status, fallback.title) == ("loaded", "Dead link, long summary")
    assert failed.status == "failed"
    assert failed.reason == "The page answered 404 Not Found. The feed entry alone is too short to load."
    assert failures(service) == [(web.url + "/gone-2", failed.reason)]
    # A failed entry is remembered as seen: the next poll does not report it again.
    assert statuses(service.feed_poller.poll_all(T0 + INTERVAL)) == []


def test_a_failing_feed_backs_off_while_the_others_are_polled(
    web: FakeWebServer, clock: Clock, service: BriefingService
) -> None:
    broken = web.page("/broken.xml", "oops", status=500)
    good = FeedRoute("Valdoria Courier", [full_item(1)])
    service.store.add_feed(broken, "Broken", added_by=ADMIN.key, now=T0)
    service.add_feed(ADMIN, web.route("/good.xml", good))

    def poll_at(offset: timedelta) -> dict[str, str]:
        clock.now = T0 + offset
        return {p.feed.title: p.status for p in service.feed_poller.poll_due(clock.now).polls}

    assert poll_at(timedelta()) == {"Broken": "failed", "Valdoria Courier": "updated"}
    assert poll_at(INTERVAL) == {"Broken": "failed", "Valdoria Courier": "not modified"}
    failing = service.store.feed_by_url(broken)
    assert failing is not None and failing.failures == 2
    assert failing.last_error == "The page answered 500 Internal Server Error."
    assert failing.next_poll_at == iso(T0 + INTERVAL + 2 * INTERVAL)
    # The good feed stays on its interval while the broken one waits twice as long.
    assert poll_at(2 * INTERVAL) == {"Valdoria Courier": "not modified"}
    assert len(web.hits("/broken.xml")) == 2
    assert poll_at(3 * INTERVAL) == {"Broken": "failed", "Valdoria Courier": "not modified"}
    assert service.store.feed_by_url(broken).next_poll_at == iso(T0 + 3 * INTERVAL + 4 * INTERVAL)  # type: ignore[union-attr]
    # Fixed, it is polled normally again and its failure count is cleared.
    web.route("/broken.xml", FeedRoute("Mended", [full_item(9)]))
    assert poll_at(7 * INTERVAL)["Broken"] == "updated"
    mended = service.store.feed_by_url(broken)
    assert mended is not None and (mended.title, mended.failures, mended.last_error) == ("Mended", 0, "")


def test_backoff_is_capped_at_a_day(web: FakeWebServer, service: BriefingService) -> None:
    url = web.page("/broken.xml", "oops", status=503)
    feed, _ = service.store.add_feed(url, "Broken", added_by=ADMIN.key, now=T0)
    service.store.feed_failed(feed.id, now=T0, next_poll=T0, failures=30, error="down")
    service.feed_poller.poll_due(T0)
    assert service.store.feed_by_url(url).next_poll_at == iso(T0 + timedelta(days=1))  # type: ignore[union-attr]


def test_a_slow_feed_does_not_hold_up_the_others(web: FakeWebServer, clock: Clock, service: BriefingService) -> None:
    poller = FeedPoller(service, service.settings, clock, timeout=1.0)
    service.store.add_feed(web.route("/slow.xml", slow_drip(interval=0.2)), "Slow", added_by=ADMIN.key, now=T0)
    service.add_feed(ADMIN, web.route("/fast.xml", FeedRoute("Fast", [full_item(1), full_item(2)])))
    started = time.monotonic()
    report = poller.poll_due(T0)
    assert time.monotonic() - started < 3.0
    by_title = {p.feed.title: p for p in report.polls}
    assert by_title["Slow"].error == "The page took longer than 1 second."
    assert statuses(replace(report, polls=(by_title["Fast"],))) == ["loaded", "loaded"]


def test_a_feed_that_runs_out_of_time_finishes_at_the_next_poll(web: FakeWebServer, service: BriefingService) -> None:
    def slow_page(n: int) -> str:
        page = respond(article_page(story(n)))

        def handle_request(request: BaseHTTPRequestHandler) -> None:
            time.sleep(0.5)
            page(request)

        return web.route(f"/news/{n}.html", handle_request)

    items = [Item(f"g{n}", story(n).title, slow_page(n), T0.isoformat(), summary="<p>Teaser</p>") for n in (1, 2, 3)]
    route = FeedRoute("Slow pages", items)
    service.add_feed(ADMIN, web.route("/feed.xml", route))
    poller = FeedPoller(service, service.settings, service.clock, budget=0.8)
    first = poller.poll_due(T0)
    assert statuses(first) == ["loaded", "loaded"] and first.polls[0].unfinished
    # The validators were not kept, so the next poll gets the whole feed and loads the rest.
    second = poller.poll_due(T0 + INTERVAL)
    assert statuses(second) == ["loaded"] and route.not_modified == 0
    assert service.store.article_count() == 3


def test_feed_commands_in_chat(web: FakeWebServer, service: BriefingService) -> None:
    admin_chat, stranger_chat = Chat("telegram", "42"), Chat("telegram", "7")
    url = web.route("/feed.xml", FeedRoute("Valdoria Courier", [full_item(1)]))
    for text in (f"/feeds add {url}", "/feeds list", "/feeds poll", "/feeds remove 1", "/feeds"):
        reply = handle(service, STRANGER, stranger_chat, text)
        assert reply.text.startswith("Sorry, only admins can"), text
    assert web.requests == [] and service.store.feeds() == []

    added = handle(service, ADMIN, admin_chat, f"/feeds add {url}")
    assert added.text.startswith("Following #1 Valdoria Courier.")
    assert handle(service, ADMIN, admin_chat, f"/feeds add {url}").text.startswith("I already follow that feed as #1")
    assert handle(service, ADMIN, admin_chat, "/feeds list").text == f"#1 Valdoria Courier — {url} · not polled yet"
    polled = handle(service, ADMIN, admin_chat, "/feeds poll").text
    assert polled == "#1 Valdoria Courier: 1 loaded, 0 duplicates, 0 failed.\nTotal: 1 loaded, 0 duplicates, 0 failed."
    assert "polled 2024-03-14T12:00:00+00:00" in handle(service, ADMIN, admin_chat, "/feeds list").text
    not_a_feed = web.page("/page.html", article_page())
    refused = handle(service, ADMIN, admin_chat, f"/feeds add {not_a_feed}")
    assert refused.text == "I couldn't add that feed: That is not an RSS or Atom feed."
    assert handle(service, ADMIN, admin_chat, "/feeds frobnicate").text.startswith("Use /feeds add URL")
    removed = handle(service, ADMIN, admin_chat, f"/feeds remove {url}")
    assert removed.text == "Stopped following #1 Valdoria Courier; its articles stay loaded."
    assert handle(service, ADMIN, admin_chat, "/feeds remove 1").text.startswith("There is no feed 1")
    assert service.store.article_count() == 1


def test_a_private_feed_is_refused_when_the_flag_is_off(tmp_path: Path, web: FakeWebServer) -> None:
    settings = make_settings(tmp_path, private=False)
    service = BriefingService(Store.open(settings.db_path), settings)
    url = web.route("/feed.xml", FeedRoute("Courier", [full_item(1)]))
    reply = handle(service, ADMIN, Chat("telegram", "42"), f"/feeds add {url}")
    assert reply.text == "I couldn't add that feed: That address points inside our own network, so I won't fetch it."
    assert service.store.feeds() == [] and web.requests == []


def test_the_poll_loop_runs_on_a_thread_until_stopped(web: FakeWebServer, tmp_path: Path) -> None:
    settings = make_settings(tmp_path)
    service = BriefingService(Store.open(settings.db_path), settings)
    service.add_feed(ADMIN, web.route("/feed.xml", FeedRoute("Courier", [full_item(1)])))
    stop = threading.Event()
    thread = threading.Thread(target=service.feed_poller.run, args=(stop, 0.05), daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while service.store.article_count() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        thread.join(timeout=5)
    assert service.store.article_count() == 1 and not thread.is_alive()
    (entry,) = service.store.audit_entries(1)
    assert (entry.user_key, entry.action) == ("system:feeds", "feeds.poll")


def test_briefbot_feeds_commands(tmp_path: Path, web: FakeWebServer) -> None:
    url = web.route("/feed.xml", FeedRoute("Valdoria Courier", [full_item(1), full_item(2)]))
    (tmp_path / "no-seed").mkdir()
    env = {"BRIEFBOT_ALLOW_PRIVATE_URLS": "true", "BRIEFBOT_ARTICLES_DIR": str(tmp_path / "no-seed")}
    db = str(tmp_path / "cli.db")
    runner = CliRunner()

    def run(*args: str) -> str:
        result = runner.invoke(cli, ["--db", db, *args], env=env)
        assert result.exit_code == 0, result.output
        return result.output

    assert run("feeds", "add", url).startswith(f"Following #1 Valdoria Courier — {url}")
    assert run("feeds", "poll").endswith("Total: 2 loaded, 0 duplicates, 0 failed.\n")
    (listed,) = json.loads(run("feeds", "list", "--json"))
    assert (listed["id"], listed["url"], listed["failures"]) == (1, url, 0) and listed["etag"]
    assert run("feeds", "remove", "1") == f"Stopped following #1 {url}\n"
    assert json.loads(run("feeds", "list", "--json")) == []
    missing = runner.invoke(cli, ["--db", db, "feeds", "remove", "7"], env=env)
    assert missing.exit_code != 0 and "There is no feed 7" in missing.output
