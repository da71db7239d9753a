"""Article extraction: clean paragraphs and metadata from cluttered, broken or hostile pages."""

from __future__ import annotations

import socket
from typing import Any

import pytest
import trafilatura
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import IngestError
from bot.extract import extract_article
from bot.models import ArticleDraft
from tests.fixtures.pages import (
    AD_TEXT,
    COMMENT_TEXT,
    COOKIE_TEXT,
    FOOTER_TEXT,
    HARBOUR_STORY,
    NAV_TEXT,
    RELATED_TEXT,
    Story,
    article_page,
    bbc_story,
    broken_markup,
    menu_only_page,
    untitled_upload,
)

NO_ARTICLE = "That page has no article text I can use."
FURNITURE = (*NAV_TEXT, COOKIE_TEXT, AD_TEXT, *RELATED_TEXT, *COMMENT_TEXT, FOOTER_TEXT, "Comments (2)")


def assert_clean(draft: ArticleDraft, story: Story) -> None:
    assert draft.paragraphs == story.paragraphs
    for paragraph in draft.paragraphs:
        for clutter in FURNITURE:
            # Short menu words ("Home") may occur in prose; whole furniture lines may not.
            assert paragraph != clutter and (len(clutter) < 12 or clutter not in paragraph)


def test_news_page_gives_only_the_article_and_its_metadata() -> None:
    draft = extract_article(article_page(), "https://courier.example/news/harbour-expansion?utm=x")
    assert_clean(draft, HARBOUR_STORY)
    assert draft.title == HARBOUR_STORY.title
    assert (draft.author, draft.published, draft.source) == (
        "Mira Castellan",
        "2024-03-14",
        "Valdoria Courier",
    )
    assert draft.url == HARBOUR_STORY.url  # the canonical link, not the tracking URL
    assert draft.origin == "https://courier.example/news/harbour-expansion?utm=x"


@pytest.mark.parametrize(
    ("category", "number"), [("politics", 1), ("business", 2), ("sport", 3), ("tech", 4)]
)
def test_real_bbc_text_survives_the_clutter(category: str, number: int) -> None:
    story = bbc_story(category, number)
    if story is None:
        pytest.skip("../shared/corpus is not present")
    draft = extract_article(article_page(story))
    assert draft.title == story.title
    assert_clean(draft, story)


@pytest.mark.parametrize("title_tag", ["title", "og:title", "h1"])
def test_uploaded_file_takes_its_title_from_the_markup(title_tag: str) -> None:
    draft = extract_article(untitled_upload(title_tag=title_tag))
    assert draft.title == HARBOUR_STORY.title
    assert draft.paragraphs == HARBOUR_STORY.paragraphs
    assert (draft.url, draft.source, draft.published, draft.origin) == ("", "", "", "")


def test_source_falls_back_to_the_site_name_in_the_address() -> None:
    draft = extract_article(untitled_upload(), "https://www.courier.example/story/1")
    assert (draft.source, draft.url) == ("courier.example", "https://www.courier.example/story/1")


def test_untitled_fragment_is_titled_from_its_first_words() -> None:
    html = "".join(f"<p>{p}</p>" for p in HARBOUR_STORY.paragraphs)
    draft = extract_article(html)
    assert draft.title.endswith("…") and HARBOUR_STORY.paragraphs[0].startswith(draft.title[:-1])
    assert len(draft.title) <= 81


def test_line_breaks_inside_a_paragraph_keep_words_apart() -> None:
    story = Story(title="Poem", paragraphs=("First line of the verse<br>second line of the verse " * 8,))
    page = article_page(story).replace("&lt;br&gt;", "<br>")
    assert "verse second" in extract_article(page).paragraphs[0]


def test_section_front_without_article_is_refused() -> None:
    with pytest.raises(IngestError) as caught:
        extract_article(menu_only_page(), "https://courier.example/")
    assert caught.value.user_message == NO_ARTICLE


def test_broken_markup_still_yields_the_article() -> None:
    draft = extract_article(broken_markup())
    assert draft.title == HARBOUR_STORY.title
    assert draft.paragraphs[: len(HARBOUR_STORY.paragraphs)] == HARBOUR_STORY.paragraphs


@pytest.mark.parametrize(
    "html",
    ["", "   \n", "<<<>>>", "\x00\x01\x02", "<html></html>", "<p>Short.</p>", "<div>" * 5000 + "word " * 50],
)
def test_empty_or_garbage_input_is_refused_plainly(html: str) -> None:
    with pytest.raises(IngestError) as caught:
        extract_article(html)
    assert caught.value.user_message == NO_ARTICLE


def test_a_parser_crash_becomes_an_ingest_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*args: Any, **kwargs: Any) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with pytest.raises(IngestError) as caught:
        extract_article(article_page())
    assert caught.value.user_message == "I couldn't read that page's markup."


def test_extraction_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("extraction tried to use the network")

    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    # A bare URL is what makes some libraries fetch; here it must be treated as (useless) text.
    with pytest.raises(IngestError):
        extract_article("https://courier.example/news/harbour-expansion")
    assert extract_article(article_page(), HARBOUR_STORY.url).paragraphs == HARBOUR_STORY.paragraphs


_TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<b>", "<br>", "<nav>", "<article>", "<script>"])
_WORDS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.one_of(_TAGS, _WORDS), max_size=40).map("".join))
def test_any_markup_gives_an_article_or_an_ingest_error(html: str) -> None:
    try:
        draft = extract_article(html)
    except IngestError:
        return
    assert draft.title and draft.paragraphs and all(p.strip() == p and p for p in draft.paragraphs)
