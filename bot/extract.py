"""Turn an HTML page (fetched or uploaded) into an ``ArticleDraft`` with trafilatura."""

from __future__ import annotations

import re
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import trafilatura

from bot.errors import IngestError
from bot.models import ArticleDraft

# Less text than this is a teaser, a section front or an error page, not an article worth quoting.
MIN_ARTICLE_CHARS = 200
_TITLE_FALLBACK_CHARS = 80
_NO_ARTICLE = "That page has no article text I can use."


def extract_article(html: str, url: str = "") -> ArticleDraft:
    """The article in ``html`` with its metadata; raises IngestError when there is none."""
    document = _bare_extraction(html, url)
    if document is None or document.body is None:
        raise IngestError(_NO_ARTICLE)
    paragraphs = _paragraphs(document.body)
    if sum(len(p) for p in paragraphs) < MIN_ARTICLE_CHARS:
        raise IngestError(_NO_ARTICLE)
    canonical = _web_url(document.url) or _web_url(url)
    return ArticleDraft(
        title=_clean(document.title or "") or _title_from(paragraphs[0]),
        paragraphs=paragraphs,
        source=_clean(document.sitename or "") or _host(canonical),
        author=_clean(document.author or ""),
        published=_iso_date(document.date),
        url=canonical,
        origin=url,
    )


def _bare_extraction(html: str, url: str) -> Any:
    if not html.strip():
        raise IngestError(_NO_ARTICLE)
    try:
        # Given markup (never a URL), trafilatura and htmldate only parse: neither opens a connection.
        return trafilatura.bare_extraction(
            html,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=True,
            # Guessing dates from copyright lines and URLs gives confident wrong answers.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:
        # Hostile or broken markup can break lxml or trafilatura in many ways; none should stop a load.
        raise IngestError("I couldn't read that page's markup.") from exc


def _paragraphs(body: Any) -> tuple[str, ...]:
    # ``body`` is trafilatura's lxml tree (p, head, list/item, quote…); lxml has no type stubs.
    for line_break in body.iter("lb"):
        line_break.tail = " " + (line_break.tail or "")
    blocks: list[str] = []
    for element in body:
        # Headings repeat the title or label sections; only running text is quoted back to users.
        if element.tag in ("head", "table", "graphic"):
            continue
        parts = list(element.iter("item")) if element.tag == "list" else [element]
        blocks.extend(_clean("".join(part.itertext())) for part in parts)
    return tuple(block for block in blocks if block)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _title_from(paragraph: str) -> str:
    if len(paragraph) <= _TITLE_FALLBACK_CHARS:
        return paragraph
    return paragraph[:_TITLE_FALLBACK_CHARS].rsplit(" ", 1)[0] + "…"


def _iso_date(value: str | None) -> str:
    try:
        return date.fromisoformat((value or "")[:10]).isoformat()
    except ValueError:
        return ""


def _web_url(value: str | None) -> str:
    value = (value or "").strip()
    parts = urlsplit(value)
    return value if parts.scheme in ("http", "https") and parts.netloc else ""


def _host(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")
