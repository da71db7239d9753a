"""Articles from web addresses: fetch the page safely, extract the article, hold it to the size limits."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.errors import IngestError
from bot.ingest import Failed, Limits, Parsed
from bot.models import ArticleDraft
from bot.web import fetch

PAGE_TIMEOUT_SECONDS = 10.0
MAX_REDIRECTS = 5
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\S*", re.IGNORECASE)


def is_web_address(text: str) -> bool:
    """Whether ``text`` is a single http(s) address and nothing else."""
    return _WEB_ADDRESS.fullmatch(text.strip()) is not None


def fetch_article(
    url: str,
    *,
    allow_private: bool,
    limits: Limits,
    max_page_bytes: int,
    timeout: float = PAGE_TIMEOUT_SECONDS,
) -> ArticleDraft:
    """The article on the page at ``url`` (``origin`` is ``url`` as asked); raises IngestError."""
    # trafilatura is slow to import; only commands that fetch pages need it.
    from bot.extract import extract_article

    page = fetch(
        url.strip(), allow_private=allow_private, max_bytes=max_page_bytes, timeout=timeout, max_redirects=MAX_REDIRECTS
    )
    draft = replace(extract_article(page.text, page.url), origin=url.strip())
    check_limits(draft, limits)
    return draft


def load_page(url: str, *, allow_private: bool, limits: Limits, max_page_bytes: int) -> Parsed:
    """The article at ``url``, or the reason it can't be had, ready for the service to store."""
    try:
        return fetch_article(
            url, allow_private=allow_private, limits=limits, max_page_bytes=max_page_bytes, timeout=PAGE_TIMEOUT_SECONDS
        )
    except IngestError as error:
        return Failed(url.strip(), error.user_message)


def check_limits(draft: ArticleDraft, limits: Limits) -> None:
    """Raise IngestError when an article has more paragraphs or text than one article may."""
    if len(draft.paragraphs) > limits.max_paragraphs:
        raise IngestError(f"The article has more than {limits.max_paragraphs} paragraphs.")
    if sum(len(p.encode("utf-8")) for p in draft.paragraphs) > limits.max_bytes:
        raise IngestError(f"The article is larger than {limits.max_bytes // 1024} KB.")
