"""Feed parsing (RSS 2.0 and Atom) from text only, and the poll back-off."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.errors import IngestError
from bot.feeds import FeedEntry, backoff_seconds, parse_feed
from tests.fakes.web_server import FakeWebServer

RSS = """<?xml version="1.0" encoding="iso-8859-1"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Valdoria Courier</title>
  <link>https://courier.example/</link>
  <item>
    <title>Port of Lessa expansion approved</title>
    <link>/news/harbour-expansion</link>
    <guid isPermaLink="false">courier-2024-0314-01</guid>
    <pubDate>Thu, 14 Mar 2024 10:30:00 +0100</pubDate>
    <description>&lt;p&gt;Council votes for &lt;b&gt;two new berths&lt;/b&gt;.&lt;/p&gt;
      &lt;script&gt;track()&lt;/script&gt;</description>
    <content:encoded><![CDATA[<p>The council voted. <a href="/more">More</a></p>]]></content:encoded>
  </item>
  <item>
    <title>Caf\u00e9 owners welcome late licences</title>
    <link>local/cafe-licences?ref=rss</link>
    <description>Plain summary</description>
  </item>
  <item>
    <title>An item nobody can point to</title>
    <description>No link and no guid.</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example/posts/">
  <title>Harbour notes</title>
  <id>urn:uuid:5a1c0e6e-1111-4c5a-9f00-000000000001</id>
  <updated>2024-03-02T10:00:00Z</updated>
  <entry>
    <title type="html">Dredging &lt;em&gt;begins&lt;/em&gt;</title>
    <link rel="alternate" href="dredging-begins"/>
    <id>tag:blog.example,2024:dredging</id>
    <published>2024-03-01T23:30:00-02:00</published>
    <updated>2024-03-02T10:00:00Z</updated>
    <summary>Work starts on the outer channel.</summary>
    <content type="html">&lt;p&gt;Work starts. &lt;img src="/img/dredger.jpg"&gt;&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Untimed note</title>
    <link href="https://elsewhere.example/note"/>
    <id>tag:blog.example,2024:note</id>
    <summary type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Short <b>note</b></div></summary>
  </entry>
</feed>
"""


def test_rss_entries_with_absolute_links_and_utc_dates() -> None:
    first, second = parse_feed(RSS, "https://courier.example/feeds/main.xml")
    assert first == FeedEntry(
        guid="courier-2024-0314-01",
        link="https://courier.example/news/harbour-expansion",
        title="Port of Lessa expansion approved",
        published="2024-03-14T09:30:00+00:00",
        summary_text="Council votes for two new berths.",
        content_html='<p>The council voted. <a href="https://courier.example/more">More</a></p>',
        summary_html="<p>Council votes for <b>two new berths</b>.</p>",
    )
    # No guid: the link stands in for it. The encoding declaration is ignored for already-decoded text.
    assert second.guid == second.link == "https://courier.example/feeds/local/cafe-licences?ref=rss"
    assert (second.title, second.published, second.content_html) == (
        "Café owners welcome late licences",
        "",
        None,
    )


def test_atom_entries_resolve_against_xml_base() -> None:
    first, second = parse_feed(ATOM, "https://blog.example/feed.atom")
    assert (first.guid, first.link) == (
        "tag:blog.example,2024:dredging",
        "https://blog.example/posts/dredging-begins",
    )
    assert (first.title, first.published) == ("Dredging begins", "2024-03-02T01:30:00+00:00")
    assert first.summary_text == "Work starts on the outer channel."
    assert first.content_html is not None and "https://blog.example/img/dredger.jpg" in first.content_html
    assert (second.link, second.summary_text, second.content_html) == (
        "https://elsewhere.example/note",
        "Short note",
        None,
    )


def test_feed_without_entries_is_empty_and_a_web_page_is_refused() -> None:
    assert (
        parse_feed('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "https://x.example/")
        == []
    )
    with pytest.raises(IngestError) as caught:
        parse_feed("<html><body><p>Not a feed</p></body></html>", "https://x.example/")
    assert caught.value.user_message == "That is not an RSS or Atom feed."


def test_text_that_names_a_file_or_url_is_not_opened(tmp_path: Path) -> None:
    feed_file = tmp_path / "feed.xml"
    feed_file.write_text(RSS, encoding="iso-8859-1")
    with FakeWebServer() as server:
        url = server.page("/feed.xml", RSS, content_type="application/rss+xml")
        for text in (str(feed_file), url):
            with pytest.raises(IngestError):
                parse_feed(text, "https://courier.example/")
        assert server.requests == []


def test_javascript_links_are_dropped() -> None:
    rss = RSS.replace("<link>/news/harbour-expansion</link>", "<link>javascript:alert(1)</link>")
    first = parse_feed(rss, "https://courier.example/")[0]
    assert (first.link, first.guid) == ("", "courier-2024-0314-01")


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_gives_entries_or_an_ingest_error(text: str) -> None:
    try:
        entries = parse_feed(text, "https://x.example/")
    except IngestError:
        return
    assert all(entry.guid for entry in entries)


@pytest.mark.parametrize(
    ("failures", "expected"), [(0, 0.0), (-1, 0.0), (1, 30.0), (2, 60.0), (3, 120.0), (9, 3600.0)]
)
def test_backoff_doubles_up_to_the_cap(failures: int, expected: float) -> None:
    assert backoff_seconds(failures, base=30.0, cap=3600.0) == expected


@given(
    st.integers(min_value=0, max_value=10_000),
    st.floats(min_value=0.001, max_value=1e6),
    st.floats(min_value=0.0, max_value=1e9),
)
def test_backoff_is_bounded_and_never_shrinks(failures: int, base: float, cap: float) -> None:
    wait = backoff_seconds(failures, base, cap)
    assert 0.0 <= wait <= cap
    assert backoff_seconds(failures + 1, base, cap) >= wait
