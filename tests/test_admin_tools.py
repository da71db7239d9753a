"""Admin tools on the shared command set: the audit log, /stats, /delete, and refusals for everyone else."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.commands import handle, help_text
from bot.config import Settings
from bot.models import Chat, User
from bot.service import BriefingService
from bot.store import Store
from handlers.cli import cli
from tests.conftest import SEED_DIR
from tests.fakes.web_server import FakeWebServer
from tests.fixtures.feeds import FeedRoute
from tests.fixtures.pages import article_page
from tests.test_feeds_poller import Clock, full_item

ADMIN = User("telegram", "42")
STRANGER = User("telegram", "7")
ADMIN_CHAT = Chat("telegram", "42")
STRANGER_CHAT = Chat("telegram", "7")
T0 = datetime(2024, 3, 14, 12, 0, tzinfo=UTC)


@pytest.fixture
def clock() -> Clock:
    """A clock standing at T0."""
    return Clock(T0)


@pytest.fixture
def service(tmp_path: Path, clock: Clock) -> Iterator[BriefingService]:
    """A service over a fresh store holding the bundled seed article, with one Telegram admin."""
    settings = Settings(
        _env_file=None,
        BRIEFBOT_DB_PATH=tmp_path / "a.db",
        BRIEFBOT_ARTICLES_DIR=SEED_DIR,
        BRIEFBOT_ADMINS="telegram:42",
        BRIEFBOT_ALLOW_PRIVATE_URLS=True,
    )
    store = Store.open(settings.db_path)
    svc = BriefingService(store, settings, clock=clock)
    svc.load_bundled()
    yield svc
    store.close()


def test_the_audit_log_records_who_loaded_and_deleted_what_and_when(
    service: BriefingService, clock: Clock, web: FakeWebServer, tmp_path: Path
) -> None:
    page = web.page("/article.html", article_page())
    clock.now = T0 + timedelta(minutes=1)
    handle(service, ADMIN, ADMIN_CHAT, f"/load {page}")
    clock.now = T0 + timedelta(minutes=2)
    handle(service, ADMIN, ADMIN_CHAT, "/load Grain deal\n\nWheat exports rose sharply, the minister said on Friday.")
    clock.now = T0 + timedelta(minutes=3)
    service.load_document(ADMIN, "empty.txt", b"")
    clock.now = T0 + timedelta(minutes=4)
    handle(service, ADMIN, ADMIN_CHAT, "/delete 2")

    entries = service.audit_log(ADMIN, 10)
    assert [(e.at, e.user_key, e.action) for e in entries] == [
        ("2024-03-14T12:04:00+00:00", "telegram:42", "delete"),
        ("2024-03-14T12:03:00+00:00", "telegram:42", "load"),
        ("2024-03-14T12:02:00+00:00", "telegram:42", "load"),
        ("2024-03-14T12:01:00+00:00", "telegram:42", "load"),
        ("2024-03-14T12:00:00+00:00", "system:bundled", "load"),
    ]
    assert entries[0].detail == "#2 Port of Lessa expansion approved after two-year dispute"
    assert entries[1].detail == "0 loaded, 0 duplicates, 1 failed: empty.txt (failed)"
    assert entries[2].detail == "1 loaded, 0 duplicates, 0 failed: pasted text (#3)"
    assert entries[3].detail == f"1 loaded, 0 duplicates, 0 failed: {page} (#2)"
    assert entries[4].detail.startswith("1 loaded, 0 duplicates, 0 failed: ")


def test_feed_changes_are_audited(service: BriefingService, web: FakeWebServer) -> None:
    url = web.route("/feed.xml", FeedRoute("Valdoria Courier", [full_item(1)]))
    for text in (f"/feeds add {url}", "/feeds poll", "/feeds remove 1"):
        handle(service, ADMIN, ADMIN_CHAT, text)
    actions = [(e.action, e.detail) for e in service.audit_log(ADMIN, 3)]
    assert actions == [
        ("feeds.remove", f"#1 {url}"),
        ("feeds.poll", "1 feed: 1 loaded, 0 duplicates, 0 failed: https://courier.example/news/bulletin-1 (#2)"),
        ("feeds.add", f"#1 {url}"),
    ]


def test_audit_command_shows_the_latest_entries(service: BriefingService) -> None:
    for n in range(3):
        handle(service, ADMIN, ADMIN_CHAT, f"/load Note {n}\n\nThe harbour master said ferry {n} will run late today.")
    lines = handle(service, ADMIN, ADMIN_CHAT, "/audit 2").text.splitlines()
    assert len(lines) == 2
    assert lines[0] == "2024-03-14T12:00:00+00:00 telegram:42 load: 1 loaded, 0 duplicates, 0 failed: pasted text (#4)"
    assert (
        handle(service, ADMIN, ADMIN_CHAT, "/audit lots").text == "Give the number of entries to show, e.g. /audit 50."
    )


def test_a_load_counts_its_paragraphs_in_words(service: BriefingService) -> None:
    one = handle(service, ADMIN, ADMIN_CHAT, "/load The harbour master said the ferry will run late today.")
    assert one.text.endswith("(1 paragraph).")
    two = handle(service, ADMIN, ADMIN_CHAT, "/load Ferries late\n\nThe ferry is late.\n\nSo is the bus, he said.")
    assert two.text.endswith("(2 paragraphs).")


def test_stats_counts_feeds_and_subscribers(service: BriefingService, web: FakeWebServer) -> None:
    service.add_feed(ADMIN, web.route("/feed.xml", FeedRoute("Courier", [full_item(1)])))
    service.subscribe(ADMIN, ADMIN_CHAT, "oil 8am")
    service.subscribe(ADMIN, ADMIN_CHAT, "gas 9am")
    service.subscribe(STRANGER, STRANGER_CHAT, "oil 8am")
    counts = service.stats(ADMIN)
    assert (counts["articles"], counts["feeds"], counts["subscribers"]) == (1, 1, 2)
    text = handle(service, ADMIN, ADMIN_CHAT, "/stats").text
    assert "1 article, 10 paragraphs" in text and "1 feed, 2 subscribers" in text and "store size" in text


def test_non_admins_are_refused_politely_and_nothing_changes(service: BriefingService, web: FakeWebServer) -> None:
    page = web.page("/article.html", article_page())
    feed = web.route("/feed.xml", FeedRoute("Courier", [full_item(1)]))
    service.add_feed(ADMIN, feed)
    before = (service.store.stats(), service.audit_log(ADMIN, 100), service.store.feeds())
    for text in (
        f"/load {page}",
        "/load Grain deal\n\nWheat exports rose, the minister said.",
        "/delete 1",
        "/stats",
        "/audit",
        "/audit 5",
        f"/feeds add {feed}",
        "/feeds remove 1",
        "/feeds list",
        "/feeds poll",
    ):
        reply = handle(service, STRANGER, STRANGER_CHAT, text)
        assert reply.text.startswith("Sorry, only admins can") and reply.private, text
    assert (service.store.stats(), service.audit_log(ADMIN, 100), service.store.feeds()) == before
    assert web.hits("/article.html") == [] and len(web.hits("/feed.xml")) == 1  # the admin's check only
    assert "/feeds" not in help_text(is_admin=False) and "/audit" not in help_text(is_admin=False)
    assert "/feeds add URL" in help_text(is_admin=True) and "/audit [N]" in help_text(is_admin=True)


def test_briefbot_audit(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    env = {"BRIEFBOT_ARTICLES_DIR": str(SEED_DIR)}
    note = tmp_path / "note.txt"
    note.write_text("Ferry note\n\nThe harbour master said the ferry will run late today.")
    assert runner.invoke(cli, ["--db", db, "load", str(note)], env=env).exit_code == 0
    result = runner.invoke(cli, ["--db", db, "audit", "--json", "--limit", "1"], env=env)
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.output)
    assert (entry["user_key"], entry["action"]) == ("console:cli", "load")
    assert entry["detail"] == f"1 loaded, 0 duplicates, 0 failed: {note} (#2)"
    newest, oldest = runner.invoke(cli, ["--db", db, "audit"], env=env).output.splitlines()
    assert newest.endswith(f"console:cli load: 1 loaded, 0 duplicates, 0 failed: {note} (#2)")
    assert " system:bundled load: 1 loaded" in oldest and oldest.endswith("2022-06-10-azerbaijan-tajikistan.txt (#1)")
