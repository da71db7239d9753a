"""Loading articles by web address: clean extraction, dedupe, clear failures, private addresses refused."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.commands import handle
from bot.config import Settings
from bot.models import Chat, User
from bot.service import BriefingService
from bot.store import Store
from bot.url_load import is_web_address
from tests.conftest import SEED_DIR, needs_corpus
from tests.fakes.web_server import FakeWebServer, huge_body, slow_drip
from tests.fixtures.pages import (
    AD_TEXT,
    COMMENT_TEXT,
    COOKIE_TEXT,
    FOOTER_TEXT,
    NAV_TEXT,
    RELATED_TEXT,
    Story,
    article_page,
    azernews_story,
    bbc_story,
    menu_only_page,
)
from tests.test_cli import briefbot

ADMIN = User("telegram", "42")
STRANGER = User("telegram", "7")
CHAT = Chat("telegram", "42")
BOILERPLATE = (*NAV_TEXT, COOKIE_TEXT, AD_TEXT, *RELATED_TEXT, *COMMENT_TEXT, FOOTER_TEXT, "Comments (2)")


def make_settings(tmp_path: Path, *, private: bool = True, **extra: object) -> Settings:
    """Settings for a temp store with one Telegram admin; private addresses allowed unless told."""
    return Settings(
        _env_file=None,
        BRIEFBOT_DB_PATH=tmp_path / "u.db",
        BRIEFBOT_ARTICLES_DIR=SEED_DIR,
        BRIEFBOT_ADMINS="telegram:42",
        BRIEFBOT_ALLOW_PRIVATE_URLS=private,
        **extra,
    )


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[BriefingService]:
    """A service over an empty store (no bundled article), private addresses allowed."""
    settings = make_settings(tmp_path)
    store = Store.open(settings.db_path)
    yield BriefingService(store, settings)
    store.close()


def failures(service: BriefingService) -> list[tuple[str, str]]:
    """The recorded load failures as (origin, reason)."""
    rows = service.store.db.execute("SELECT origin, reason FROM ingest_failures ORDER BY id").fetchall()
    return [(row[0], row[1]) for row in rows]


def assert_clean(paragraphs: list[str]) -> None:
    """No menu, banner, ad, related link, comment or footer text in any paragraph."""
    for paragraph in paragraphs:
        for furniture in BOILERPLATE:
            assert furniture not in paragraph, (furniture, paragraph)


def test_azernews_page_is_stored_clean_with_its_metadata_and_answers_questions(
    empty: BriefingService, web: FakeWebServer
) -> None:
    story = azernews_story()
    url = web.page("/nation/195512.html", article_page(story))
    report = empty.load_url(ADMIN, url)
    (outcome,) = report.outcomes
    assert (outcome.status, outcome.origin, outcome.title) == ("loaded", url, story.title)
    assert outcome.article_id is not None
    article = empty.store.get_article(outcome.article_id)
    assert article is not None
    assert (article.source, article.author, article.published) == ("Azernews", "Vugar Khalilov", "2022-06-10")
    # The canonical address is stored, so the same story reached by another link is a duplicate.
    assert article.url == story.url and article.loaded_by == "telegram:42"
    paragraphs = empty.store.paragraphs_of(outcome.article_id)
    assert paragraphs == list(story.paragraphs)
    assert_clean(paragraphs)
    answer = empty.ask("what did Imomi say about oil?")
    assert answer.hits and answer.hits[0].article_id == outcome.article_id
    assert answer.hits[0].text.startswith("Imomi stated that Tajikistan is interested")
    assert answer.hits[0].citation.url == story.url


@needs_corpus()
def test_bbc_page_keeps_the_story_and_drops_menus_ads_and_comments(empty: BriefingService, web: FakeWebServer) -> None:
    story = bbc_story("business", 3)
    assert story is not None
    story = replace(story, url="https://news.example/bbc/business/3")
    url = web.page("/business/3.html", article_page(story))
    (outcome,) = empty.load_url(ADMIN, url).outcomes
    assert outcome.status == "loaded" and outcome.title == story.title
    assert outcome.article_id is not None
    paragraphs = empty.store.paragraphs_of(outcome.article_id)
    assert paragraphs == list(story.paragraphs)
    assert_clean(paragraphs)


def test_the_same_story_by_another_address_or_twice_is_a_duplicate(empty: BriefingService, web: FakeWebServer) -> None:
    page = article_page(azernews_story())
    first = web.page("/a.html", page)
    second = web.page("/amp/a.html", page)
    assert empty.load_url(ADMIN, first).outcomes[0].status == "loaded"
    again = empty.load_url(ADMIN, first).outcomes[0]
    other = empty.load_url(ADMIN, second).outcomes[0]
    assert again.status == other.status == "duplicate"
    assert "article 1" in again.reason and empty.store.article_count() == 1


def test_redirects_are_followed_within_bounds(empty: BriefingService, web: FakeWebServer) -> None:
    web.page("/story.html", article_page(azernews_story()))
    start = web.redirect("/old-link", "/moved")
    web.redirect("/moved", "/story.html", status=301)
    (outcome,) = empty.load_url(ADMIN, start).outcomes
    assert outcome.status == "loaded" and outcome.origin == start
    for hop in range(7):
        web.redirect(f"/hop{hop}", f"/hop{hop + 1}")
    web.page("/hop7", article_page(replace(azernews_story(), url="https://www.azernews.az/other")))
    (far,) = empty.load_url(ADMIN, web.url + "/hop0").outcomes
    assert far.status == "failed" and far.reason == "The page redirected more than 5 times."
    assert empty.store.article_count() == 1 and web.hits("/hop7") == []


@pytest.mark.parametrize(
    ("status", "reason"),
    [(404, "The page answered 404 Not Found."), (500, "The page answered 500 Internal Server Error.")],
)
def test_error_pages_are_reported_and_nothing_is_stored(
    empty: BriefingService, web: FakeWebServer, status: int, reason: str
) -> None:
    url = web.page("/gone.html", article_page(), status=status)
    (outcome,) = empty.load_url(ADMIN, url).outcomes
    assert (outcome.status, outcome.reason) == ("failed", reason)
    assert empty.store.article_count() == 0
    assert failures(empty) == [(url, reason)]


def test_a_page_that_never_finishes_times_out(
    empty: BriefingService, web: FakeWebServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.url_load.PAGE_TIMEOUT_SECONDS", 1.0)
    url = web.route("/slow.html", slow_drip(interval=0.2))
    (outcome,) = empty.load_url(ADMIN, url).outcomes
    assert (outcome.status, outcome.reason) == ("failed", "The page took longer than 1 second.")
    assert empty.store.article_count() == 0


def test_pages_that_are_not_articles_get_a_clear_reason(tmp_path: Path, web: FakeWebServer) -> None:
    settings = make_settings(tmp_path, BRIEFBOT_MAX_UPLOAD_BYTES=20_000)
    service = BriefingService(Store.open(settings.db_path), settings)
    cases = {
        web.page("/front.html", menu_only_page()): "That page has no article text I can use.",
        web.page("/empty.html", ""): "That page has no article text I can use.",
        web.page(
            "/report.pdf", b"%PDF-1.7", content_type="application/pdf"
        ): "That is not a web page (application/pdf).",
        web.route("/huge.html", huge_body(50_000, declare_length=False)): "The page is larger than 20 kB.",
    }
    for url, reason in cases.items():
        assert service.load_url(ADMIN, url).outcomes[0].reason == reason
    assert service.store.article_count() == 0
    assert failures(service) == list(cases.items())


def test_private_addresses_are_refused_when_the_flag_is_off(tmp_path: Path, web: FakeWebServer) -> None:
    settings = make_settings(tmp_path, private=False)
    service = BriefingService(Store.open(settings.db_path), settings)
    url = web.page("/article.html", article_page(azernews_story()))
    (outcome,) = service.load_url(ADMIN, url).outcomes
    assert outcome.status == "failed"
    assert outcome.reason == "That address points inside our own network, so I won't fetch it."
    assert service.store.article_count() == 0 and web.requests == []
    assert failures(service) == [(url, outcome.reason)]


def test_load_in_chat_takes_a_url_and_refuses_non_admins(empty: BriefingService, web: FakeWebServer) -> None:
    url = web.page("/article.html", article_page(azernews_story()))
    refused = handle(empty, STRANGER, Chat("telegram", "7"), f"/load {url}")
    assert refused.text == "Sorry, only admins can load articles." and web.requests == []
    reply = handle(empty, ADMIN, CHAT, f"/load {url}")
    assert reply.text.startswith("Loaded #1 “Azerbaijan, Tajikistan discuss prospects")


def test_a_link_pasted_alone_is_never_fetched_and_says_how_to_load_it(
    empty: BriefingService, web: FakeWebServer
) -> None:
    url = web.page("/article.html", article_page(azernews_story()))
    assert handle(empty, ADMIN, CHAT, url).text == f"To load that page as an article, send “/load {url}”."
    stranger = handle(empty, STRANGER, Chat("telegram", "7"), url).text
    assert stranger.startswith("I answer from the articles loaded here and don't open links.")
    assert web.requests == [] and empty.store.article_count() == 0


@pytest.mark.parametrize(
    ("text", "is_url"),
    [
        ("https://news.example/a.html", True),
        ("  http://127.0.0.1:8080/x?y=1#z ", True),
        ("https://news.example/a.html and more words", False),
        ("ftp://news.example/a.txt", False),
        ("https://", False),
        ("Wheat exports rose, the minister said.", False),
    ],
)
def test_only_a_lone_http_address_is_fetched(text: str, is_url: bool) -> None:
    assert is_web_address(text) is is_url


def test_briefbot_load_url_stores_the_article_and_ask_answers_from_it(tmp_path: Path, web: FakeWebServer) -> None:
    story: Story = azernews_story()
    url = web.page("/article.html", article_page(story))
    no_seed = tmp_path / "no-seed"
    no_seed.mkdir()
    env = {"BRIEFBOT_ALLOW_PRIVATE_URLS": "true", "BRIEFBOT_ARTICLES_DIR": str(no_seed)}
    db = tmp_path / "cli.db"
    done = briefbot("load", url, db=db, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("1 loaded, 0 duplicates, 0 failed.")
    listed = json.loads(briefbot("articles", "--json", db=db, env=env).stdout)
    assert [(a["title"], a["url"], a["source"]) for a in listed] == [(story.title, story.url, "Azernews")]
    answer = json.loads(briefbot("ask", "--json", "what did Imomi say about oil?", db=db, env=env).stdout)
    first = answer["results"][0]
    assert first["title"] == story.title and first["text"].startswith("Imomi stated that Tajikistan")
    for result in answer["results"]:
        assert_clean([result["text"]])


def test_briefbot_load_url_is_refused_with_the_reason_when_private_addresses_are_off(
    tmp_path: Path, web: FakeWebServer
) -> None:
    url = web.page("/article.html", article_page(azernews_story()))
    no_seed = tmp_path / "no-seed"
    no_seed.mkdir()
    env = {"BRIEFBOT_ARTICLES_DIR": str(no_seed)}
    db = tmp_path / "off.db"
    done = briefbot("load", url, db=db, env=env)
    # Reported like an unreadable file: a "could not load" line with the reason, and the totals.
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"Could not load {url}: That address points inside our own network, so I won't fetch it.",
        "0 loaded, 0 duplicates, 1 failed.",
    ]
    assert json.loads(briefbot("articles", "--json", db=db, env=env).stdout) == []
    assert web.requests == []
