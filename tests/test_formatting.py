"""Rendering replies: exact output for typical replies; limits, escaping and no lost text for any."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.formatting import (
    MORE_ACTION_ID,
    SLACK_BLOCK_LIMIT,
    SLACK_TEXT_LIMIT,
    split_text,
    to_plain_text,
    to_slack_messages,
    to_telegram_html,
    utf16_len,
)
from bot.models import Citation, Hit, Reply

CITATION = Citation("Gas & oil <talks>", "Example Wire", "2022-06-10T08:00:00", "https://ex.com/a?b=1&c=2")
TEXT = "Imomi said oil prices would rise. Gas too."
HIT = Hit(1, 0, TEXT, 1.0, ("Imomi",), CITATION, ((11, 14),))
REPLY = Reply("Here is what I found:", (HIT,), "1 of 3 results", more=True)

TRICKY = "<>&*_[]()~`#|\\\"' \n.!?…\u200d\u0301\ufe0f"
texts = st.lists(
    st.one_of(
        st.sampled_from(list(TRICKY)),
        st.sampled_from(["👍🏽", "👨‍👩‍👧", "𝔘", "é", "中", "&amp;", "<b>", "</i>", "\n\n", ". "]),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=300,
).map("".join)
urls = st.one_of(
    st.sampled_from(["", 'https://ex.com/a?b=1&c=<2>|"x"', "javascript:alert(1)", "http://[bad", "ftp://x/y"]),
    texts,
)


@st.composite
def hits(draw: st.DrawFn) -> Hit:
    """A quote with arbitrary text, highlights (some out of range or overlapping) and citation."""
    text = draw(texts)
    bound = st.integers(-3, len(text) + 3)
    highlights = tuple(draw(st.lists(st.tuples(bound, bound), max_size=6)))
    citation = Citation(draw(texts), draw(texts), draw(st.text(max_size=12)), draw(urls))
    speakers = tuple(draw(st.lists(st.text(max_size=20), max_size=2)))
    return Hit(1, 0, text, 1.0, speakers, citation, highlights)


replies = st.builds(Reply, text=texts, quotes=st.lists(hits(), max_size=4).map(tuple), footer=texts, more=st.booleans())


def no_space(text: str) -> str:
    """``text`` without whitespace: cuts may drop whitespace, never anything else."""
    return "".join(text.split())


# ----- split_text -------------------------------------------------------------------------------


def test_split_prefers_paragraphs_then_sentences_then_words() -> None:
    text = "One two. Three four.\n\nFive six seven eight nine."
    assert split_text(text, 30) == ["One two. Three four.", "Five six seven eight nine."]
    assert split_text(text, 12) == ["One two.", "Three four.", "Five six", "seven eight", "nine."]


def test_split_cuts_inside_a_long_word_but_not_inside_an_emoji() -> None:
    assert split_text("abcdefghij", 4) == ["abcd", "efgh", "ij"]
    assert split_text("aaa👍🏽bb", 4) == ["aaa", "👍🏽bb"]


def test_split_of_blank_text_is_empty_and_a_too_small_limit_raises() -> None:
    assert split_text(" \n\n ", 5) == []
    with pytest.raises(ValueError, match="cannot hold"):
        split_text("👍👍", 1, measure=utf16_len)


def rebuilds(text: str, chunks: list[str]) -> bool:
    """Whether ``text`` is whitespace, chunk, whitespace, chunk, …, whitespace."""
    position = 0
    for chunk in chunks:
        found = text.find(chunk, position)
        if found < 0 or text[position:found].strip():
            return False
        position = found + len(chunk)
    return not text[position:].strip()


@given(text=texts, limit=st.integers(2, 60), utf16=st.booleans())
def test_split_keeps_every_piece_under_the_limit_and_loses_only_whitespace(text: str, limit: int, utf16: bool) -> None:
    measure = utf16_len if utf16 else len
    chunks = split_text(text, limit, measure=measure)
    assert all(0 < measure(c) <= limit and c == c.strip() for c in chunks)
    assert rebuilds(text, chunks)


# ----- console ----------------------------------------------------------------------------------


def test_plain_text_shows_quotes_with_citations_footer_and_more_hint() -> None:
    assert to_plain_text(REPLY) == (
        "Here is what I found:\n\n"
        "  > Imomi said oil prices would rise. Gas too.\n"
        "  — Imomi · Gas & oil <talks> · Example Wire · 2022-06-10 · https://ex.com/a?b=1&c=2\n\n"
        "1 of 3 results\n(type /more for more)"
    )


def test_plain_text_marks_a_quote_by_a_bar_not_a_second_pair_of_quotation_marks() -> None:
    speech = Hit(1, 0, '"We all believe it," he said.\nMore.', 1.0, (), Citation("", "Wire", "", ""))
    assert to_plain_text(Reply(quotes=(speech,))) == '  > "We all believe it," he said.\n  > More.\n  — Wire'


def test_plain_text_omits_empty_parts() -> None:
    bare = Hit(1, 0, "Text.", 1.0, (), Citation("", "Wire", "", ""))
    assert to_plain_text(Reply(quotes=(bare,))) == '  > Text.\n  — Wire'
    assert to_plain_text(Reply()) == ""


# ----- Telegram ---------------------------------------------------------------------------------

TELEGRAM_TAGS = frozenset({"b", "i", "a", "blockquote", "code", "pre"})
# Telegram reads every "<" as a tag and every "&" before a name as an entity.
TAG_OR_ENTITY = re.compile(r"<(?!/?(?:b|i|a|blockquote|code|pre)[ >])|&(?!(?:amp|lt|gt|quot|#\d+);)")


class TelegramHtml(HTMLParser):
    """Checks markup against the subset of HTML Telegram accepts and collects its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in TELEGRAM_TAGS, tag
        assert tag not in self.open, f"nested <{tag}>"
        if tag == "a":
            (name, href), *rest = attrs
            assert name == "href" and not rest and (href or "").startswith(("http://", "https://"))
        else:
            assert not attrs
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def unknown_decl(self, data: str) -> None:
        raise AssertionError(data)

    handle_comment = handle_decl = handle_pi = unknown_decl


def telegram_text(markup: str) -> str:
    """The text Telegram would show for ``markup``; fails if Telegram would reject it."""
    assert not TAG_OR_ENTITY.search(markup), markup
    parser = TelegramHtml()
    parser.feed(markup)
    parser.close()
    assert not parser.open, f"unclosed {parser.open}"
    return "".join(parser.text)


def test_telegram_html_quotes_highlights_and_links_the_title() -> None:
    assert to_telegram_html(REPLY) == [
        "Here is what I found:\n\n"
        "<blockquote>Imomi said <b>oil</b> prices would rise. Gas too.</blockquote>\n"
        '<i>— Imomi · <a href="https://ex.com/a?b=1&amp;c=2">Gas &amp; oil &lt;talks&gt;</a>'
        " · Example Wire · 2022-06-10</i>\n\n"
        "1 of 3 results"
    ]


def test_telegram_html_links_only_web_urls_and_escapes_attributes() -> None:
    def cited(url: str) -> str:
        return to_telegram_html(Reply(quotes=(Hit(1, 0, "x", 1, (), Citation("T", "", "", url)),)))[0]

    assert "<a" not in cited("javascript:alert(1)")
    assert 'href="https://e.com/?q=&quot;&gt;&lt;script&gt;"' in cited('https://e.com/?q="><script>')


def test_telegram_html_splits_a_long_quote_into_closed_blockquotes() -> None:
    text = " ".join(["Oil is up."] * 1000)
    chunks = to_telegram_html(Reply(quotes=(Hit(1, 0, text, 1, (), CITATION, ((0, len(text)),)),)))
    assert len(chunks) == 3
    assert all(c.startswith("<blockquote><b>Oil") and utf16_len(c) <= 4096 for c in chunks)
    assert chunks[-1].endswith("2022-06-10</i>")


@settings(max_examples=150, deadline=None)
@given(reply=replies, limit=st.integers(64, 600))
def test_telegram_chunks_fit_parse_and_keep_every_quoted_character(reply: Reply, limit: int) -> None:
    chunks = to_telegram_html(reply, limit=limit)
    assert all(utf16_len(c) <= limit for c in chunks)
    shown = no_space("".join(telegram_text(c) for c in chunks))
    for hit in reply.quotes:
        assert no_space(hit.text) in shown
    assert no_space(reply.text) in shown and no_space(reply.footer) in shown


# ----- Slack ------------------------------------------------------------------------------------


def mrkdwn_texts(message: dict) -> list[tuple[str, str]]:
    """``(block type, mrkdwn)`` for every text in a message's blocks."""
    found = []
    for block in message["blocks"]:
        if block["type"] == "section":
            found.append(("section", block["text"]["text"]))
        elif block["type"] == "context":
            found += [("context", e["text"]) for e in block["elements"]]
    return found


def test_slack_message_has_quote_citation_footer_and_more_button() -> None:
    (message,) = to_slack_messages(REPLY)
    assert [b["type"] for b in message["blocks"]] == ["section", "section", "context", "context", "actions"]
    assert mrkdwn_texts(message) == [
        ("section", "Here is what I found:"),
        ("section", "> Imomi said *oil* prices would rise. Gas too."),
        (
            "context",
            "— Imomi · <https://ex.com/a?b=1&amp;c=2|Gas &amp; oil &lt;talks&gt;> · Example Wire · 2022-06-10",
        ),
        ("context", "1 of 3 results"),
    ]
    (button,) = message["blocks"][-1]["elements"]
    assert button == {
        "type": "button",
        "action_id": MORE_ACTION_ID,
        "text": {"type": "plain_text", "text": "More"},
        "value": "",
    }
    assert message["text"].startswith("Here is what I found:\n\nImomi said oil prices")


def test_slack_bolds_only_where_a_star_cannot_be_misread() -> None:
    def quoted(text: str, start: int, end: int) -> str:
        (message,) = to_slack_messages(Reply(quotes=(Hit(1, 0, text, 1, (), CITATION, ((start, end),)),)))
        return message["blocks"][0]["text"]["text"]

    assert quoted("oil, (gas) here", 6, 9) == "> oil, (*gas*) here"
    assert quoted("oilfield", 0, 3) == "> oilfield"  # mid-word: Slack would show the stars
    assert quoted("a *b oil", 5, 8) == "> a *b oil"  # a literal star would pair with ours
    assert quoted("x `oil`", 3, 6) == "> x `oil`"


def test_slack_escapes_links_in_titles_and_skips_non_web_urls() -> None:
    def citation(title: str, url: str) -> str:
        hit = Hit(1, 0, "x", 1, (), Citation(title, "", "", url))
        return to_slack_messages(Reply(quotes=(hit,)))[0]["blocks"][1]["elements"][0]["text"]

    assert citation("a|b <c>", "https://e.com/x|y>") == "— <https://e.com/x%7Cy%3E|a∣b &lt;c&gt;>"
    assert citation("<!channel>", "javascript:x") == "— &lt;!channel&gt;"


def test_slack_splits_many_quotes_across_messages_keeping_pairs_together() -> None:
    messages = to_slack_messages(Reply("Lead", tuple([HIT] * 30), more=True))
    assert [len(m["blocks"]) for m in messages] == [49, 13]
    assert messages[-1]["blocks"][-1]["type"] == "actions"
    assert all(m["blocks"][0]["type"] == "section" for m in messages)


LINK = re.compile(r"<https?://[^\s<>|]+\|[^<>|]*>")


@settings(max_examples=150, deadline=None)
@given(reply=replies, copies=st.integers(1, 30))
def test_slack_messages_fit_the_limits_and_escape_every_text(reply: Reply, copies: int) -> None:
    reply = Reply(reply.text * copies, reply.quotes * copies, reply.footer, reply.more)
    messages = to_slack_messages(reply)
    for message in messages:
        assert 0 < len(message["blocks"]) <= SLACK_BLOCK_LIMIT
        assert 0 < utf16_len(message["text"]) <= SLACK_TEXT_LIMIT
        for kind, text in mrkdwn_texts(message):
            assert 0 < utf16_len(text) <= SLACK_TEXT_LIMIT
            bare = LINK.sub("", text) if kind == "context" else re.sub(r"^> ", "", text, flags=re.M)
            assert "<" not in bare and ">" not in bare
            assert not re.search(r"&(?!amp;|lt;|gt;)", bare)
    assert sum(b["type"] == "actions" for m in messages for b in m["blocks"]) == reply.more


@settings(max_examples=100, deadline=None)
@given(hit=hits())
def test_slack_quote_sections_keep_every_character(hit: Hit) -> None:
    sections = [
        text
        for message in to_slack_messages(Reply(quotes=(hit,)))
        for kind, text in mrkdwn_texts(message)
        if kind == "section"
    ]
    shown = html.unescape(re.sub(r"^> ", "", "".join(sections), flags=re.M))
    if "*" not in hit.text:
        shown = shown.replace("*", "")
    assert no_space(shown) == no_space(hit.text)
