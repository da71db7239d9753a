"""RSS 2.0 and Atom feeds: parse already-fetched feed text into entries, and poll back-off."""

from __future__ import annotations

import calendar
import io
import re
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from bot.errors import IngestError

_BLOCK_TAGS = frozenset(
    {"p", "br", "div", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"}
)
_SKIP_TAGS = frozenset({"script", "style"})
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# Marks a block boundary in collected text; it is whitespace, so plain text collapses it to a space.
_BLOCK_BREAK = "\u2029"


@dataclass(frozen=True)
class FeedEntry:
    """One item of a feed, with links made absolute."""

    guid: str
    link: str
    title: str
    published: str  # ISO 8601 UTC timestamp ("2024-03-14T09:30:00+00:00") or empty when unknown
    summary_text: str  # the summary as plain text
    content_html: str | None  # full content when the feed carries it (sanitised by feedparser)
    summary_html: str = ""  # the summary as the feed gave it (sanitised by feedparser)


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's title and its entries."""

    title: str
    entries: list[FeedEntry]


def parse_feed(text: str, base_url: str) -> list[FeedEntry]:
    """The entries of an RSS or Atom document, in feed order; raises IngestError if it is not a feed."""
    return read_feed(text, base_url).entries


def read_feed(text: str, base_url: str) -> ParsedFeed:
    """The title and entries of an RSS or Atom document; raises IngestError if it is not a feed."""
    # A plain string makes feedparser fetch URLs and open local files; a stream is parsed as is.
    # The text is already decoded, so the header tells feedparser to ignore the XML declaration.
    parsed = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8", "content-location": base_url},
    )
    if not parsed.get("version") and not parsed.entries:
        raise IngestError("That is not an RSS or Atom feed.")
    entries = (_entry(raw, base_url) for raw in parsed.entries)
    title = _plain_text(parsed.feed.get("title", ""))
    return ParsedFeed(title, [entry for entry in entries if entry is not None])


def html_paragraphs(html: str) -> list[str]:
    """The text blocks of an HTML fragment (paragraphs, list items, headings), whitespace tidied."""
    blocks = _collected_text(html).split(_BLOCK_BREAK)
    return [text for block in blocks if (text := re.sub(r"\s+", " ", block).strip())]


def backoff_seconds(failures: int, base: float, cap: float) -> float:
    """How long to wait before the next poll after ``failures`` failures in a row (0 means now)."""
    if failures <= 0:
        return 0.0
    # Past 2**62 every realistic cap is reached; stopping there avoids float overflow.
    return float(min(cap, base * 2 ** min(failures - 1, 62)))


def _entry(raw: Any, base_url: str) -> FeedEntry | None:
    link = _absolute(base_url, raw.get("link", ""))
    guid = str(raw.get("id") or "").strip() or link
    if not guid:
        # Without an id or a link an entry can be neither deduplicated nor fetched.
        return None
    return FeedEntry(
        guid=guid,
        link=link,
        title=_plain_text(raw.get("title", "")),
        published=_published(raw),
        summary_text=_plain_text(raw.get("summary", "")),
        content_html=_content_html(raw),
        summary_html=str(raw.get("summary", "")),
    )


def _absolute(base_url: str, link: str) -> str:
    link = link.strip()
    if not link:
        return ""
    absolute = urljoin(base_url, link)
    return absolute if urlsplit(absolute).scheme in ("http", "https") else ""


def _published(raw: Any) -> str:
    parsed = raw.get("published_parsed") or raw.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return ""
    # feedparser normalises dates to UTC struct_time; timegm reads it back as UTC.
    return datetime.fromtimestamp(calendar.timegm(parsed), tz=UTC).isoformat()


def _content_html(raw: Any) -> str | None:
    for content in raw.get("content", ()):
        if content.get("type", "text/html") in _HTML_TYPES and content.get("value", "").strip():
            return str(content["value"])
    return None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append(_BLOCK_BREAK)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append(_BLOCK_BREAK)

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def _plain_text(html: str) -> str:
    return re.sub(r"\s+", " ", _collected_text(html)).strip()


def _collected_text(html: str) -> str:
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    return "".join(collector.parts)
