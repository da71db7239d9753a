"""Parsers for each article format, from decoded text to ``ArticleDraft``s."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from itertools import chain

from bot.errors import IngestError
from bot.ingest.text import headline_from, looks_like_headline, split_paragraphs
from bot.models import ArticleDraft

# "date 2022-06-10 By Azernews": the metadata line of the seed and Reuters files.
_SEED_META = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+By\s+(.+?)\s*$", re.IGNORECASE)
_BYLINE = re.compile(r"^By\s+(\S.{0,80})$")
_MD_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$")
_MD_MARKUP = re.compile(r"(\*\*|__|`)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_BODY_KEYS = ("body", "text", "content", "paragraphs")
_DATE_KEYS = ("date", "published", "published_at", "pubDate")


def parse_plain(text: str, *, origin: str, source: str = "", category: str = "") -> ArticleDraft:
    """Seed-format (metadata line), BBC-style (headline line) or bare text."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise IngestError("The text is empty.")
    meta = _SEED_META.match(paragraphs[0])
    published, author, title = "", "", ""
    if meta:
        published, source = meta.group(1), source or meta.group(2)
        paragraphs = paragraphs[1:]
        if paragraphs and (byline := _BYLINE.match(paragraphs[0])):
            author, paragraphs = byline.group(1).strip(), paragraphs[1:]
    elif len(paragraphs) > 1 and looks_like_headline(paragraphs[0]):
        title, paragraphs = paragraphs[0].strip(), paragraphs[1:]
    return _draft(
        title, paragraphs, origin=origin, source=source, author=author, published=published, category=category
    )


def parse_markdown(text: str, *, origin: str, source: str = "", category: str = "") -> ArticleDraft:
    """Markdown: the first heading is the title; other headings are dropped, inline markup removed."""
    title, kept = "", []
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        raise IngestError("The text is empty.")
    for paragraph in paragraphs:
        heading = _MD_HEADING.match(paragraph)
        if heading:
            title = title or heading.group(1)
            continue
        if plain := _MD_MARKUP.sub("", _MD_LINK.sub(r"\1", paragraph)).strip():
            kept.append(plain)
    return _draft(title, kept, origin=origin, source=source, category=category)


def parse_json_records(
    text: str, *, origin: str, source: str = "", category: str = ""
) -> Iterator[ArticleDraft | IngestError]:
    """JSON (one object or a list) or JSON Lines records; a bad record yields its error, not an abort."""
    stripped = text.strip()
    try:
        document = json.loads(stripped)
        records = document if isinstance(document, list) else [document]
        labels = (
            [f"{origin} #{i + 1}" for i in range(len(records))] if isinstance(document, list) else [origin]
        )
    except json.JSONDecodeError:
        lines = [(n, line) for n, line in enumerate(stripped.splitlines(), start=1) if line.strip()]
        records, labels = [], []
        for number, line in lines:
            labels.append(f"{origin} line {number}")
            try:
                records.append(json.loads(line))
            except json.JSONDecodeError:
                records.append(IngestError("This line is not valid JSON."))
    if not records:
        yield IngestError("The file holds no records.")
    for label, record in zip(labels, records, strict=True):
        if isinstance(record, IngestError):
            yield IngestError(f"{label}: {record.user_message}")
            continue
        try:
            yield _from_record(record, origin=label, source=source, category=category)
        except IngestError as error:
            yield IngestError(f"{label}: {error.user_message}")


def _from_record(record: object, *, origin: str, source: str, category: str) -> ArticleDraft:
    if not isinstance(record, dict):
        raise IngestError("A record must be a JSON object with a title and a body.")
    body = next((record[key] for key in _BODY_KEYS if record.get(key)), None)
    if isinstance(body, list) and all(isinstance(p, str) for p in body):
        paragraphs = [p.strip() for p in body if p.strip()]
    elif isinstance(body, str):
        paragraphs = split_paragraphs(body)
    else:
        raise IngestError("The record has no body text (expected a 'body' or 'text' field).")
    published = next((_iso_date(str(record[k])) for k in _DATE_KEYS if record.get(k)), "")
    return _draft(
        _text_field(record, "title"),
        paragraphs,
        origin=origin,
        source=_text_field(record, "source") or source,
        author=_text_field(record, "author"),
        published=published,
        url=_text_field(record, "url"),
        category=_text_field(record, "category") or category,
    )


def _text_field(record: dict[str, object], key: str) -> str:
    value = record.get(key)
    return value.strip() if isinstance(value, str) else ""


def _iso_date(value: str) -> str:
    """A date as YYYY-MM-DD from ISO 8601 or RFC 2822 text; empty when it can't be read."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""


def _draft(title: str, paragraphs: list[str], **fields: str) -> ArticleDraft:
    """An ``ArticleDraft`` with a real title (from the first paragraph with words when it has none, or one
    without words); empty text, or text without a word in it, refused."""
    if not paragraphs:
        raise IngestError("The article has no text after its headline.")
    candidates = chain([" ".join(title.split())], map(headline_from, paragraphs))  # lazily: the first usually does
    title = next((t for t in candidates if any(c.isalnum() for c in t)), "")
    if not title:
        raise IngestError("The text has no words in it.")
    return ArticleDraft(title=title, paragraphs=tuple(paragraphs), **fields)
