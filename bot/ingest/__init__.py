"""Read article files, directories and pasted text into ``ArticleDraft``s (pure; the service stores them).

Formats: the seed/Reuters format (``date YYYY-MM-DD By SOURCE`` metadata line), BBC-style files
(headline line; source "BBC News" and category from the folder under ``bbc/``), plain text,
Markdown, HTML (main text extracted by trafilatura) and JSON/JSONL records.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from bot.errors import IngestError
from bot.ingest.formats import parse_json_records, parse_markdown, parse_plain
from bot.ingest.text import decode
from bot.models import ArticleDraft

SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "json",
    ".ndjson": "json",
}


@dataclass(frozen=True)
class Limits:
    """Size limits that keep one hostile file from exhausting the bot."""

    max_bytes: int = 2 * 1024 * 1024
    max_paragraphs: int = 2000


@dataclass(frozen=True)
class Failed:
    """A file or record that could not be read, with the reason in plain words."""

    origin: str
    reason: str


Parsed = ArticleDraft | Failed


def parse_document(
    data: bytes, name: str, *, source: str = "", category: str = "", limits: Limits = Limits()
) -> list[Parsed]:
    """Parse one document's bytes by its file name's suffix (unknown suffixes are read as text)."""
    try:
        if len(data) > limits.max_bytes:
            raise IngestError(f"The file is larger than {limits.max_bytes // 1024} KB.")
        text = decode(data)
        kind = SUFFIXES.get(Path(name).suffix.lower(), "text")
        if kind == "json":
            results = [
                r if isinstance(r, ArticleDraft) else Failed(name, r.user_message)
                for r in parse_json_records(text, origin=name, source=source, category=category)
            ]
        elif kind == "html":
            results = [_parse_html(text, name, source)]
        elif kind == "markdown":
            results = [parse_markdown(text, origin=name, source=source, category=category)]
        else:
            results = [parse_plain(text, origin=name, source=source, category=category)]
    except IngestError as error:
        return [Failed(name, error.user_message)]
    return [_within_limits(r, limits) for r in results]


def parse_pasted(text: str, *, source: str = "", limits: Limits = Limits()) -> Parsed:
    """Parse text pasted into a chat (plain text, the seed format or Markdown)."""
    origin = "pasted text"
    try:
        if len(text.encode("utf-8")) > limits.max_bytes:
            raise IngestError(f"The text is larger than {limits.max_bytes // 1024} KB.")
        parse = parse_markdown if text.lstrip().startswith("#") else parse_plain
        return _within_limits(parse(text, origin=origin, source=source), limits)
    except IngestError as error:
        return Failed(origin, error.user_message)


def parse_paths(paths: Iterable[Path], *, source: str = "", limits: Limits = Limits()) -> Iterator[Parsed]:
    """Parse files and directories (recursively, in name order); each failure is reported, none aborts."""
    for path in iter_files(paths):
        try:
            size = path.stat().st_size
            if size > limits.max_bytes:
                yield Failed(str(path), f"The file is larger than {limits.max_bytes // 1024} KB.")
                continue
            data = path.read_bytes()
        except OSError as error:
            yield Failed(str(path), f"The file could not be read ({error.strerror or error}).")
            continue
        corpus_source, category = _bbc_metadata(path)
        yield from parse_document(
            data, str(path), source=source or corpus_source, category=category, limits=limits
        )


def iter_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under the given paths: directories walked in name order, hidden files skipped."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        else:
            yield path


def _bbc_metadata(path: Path) -> tuple[str, str]:
    """Source and category for files of the BBC News corpus layout (``bbc/<category>/NNN.txt``)."""
    parts = path.resolve().parts
    if len(parts) >= 3 and parts[-3].lower() == "bbc":
        return "BBC News", parts[-2]
    return "", ""


def _parse_html(text: str, name: str, source: str) -> ArticleDraft:
    from bot.extract import extract_article  # trafilatura is slow to import; only HTML needs it

    draft = extract_article(text, url="")
    return ArticleDraft(
        title=draft.title,
        paragraphs=draft.paragraphs,
        source=source or draft.source,
        author=draft.author,
        published=draft.published,
        url=draft.url,
        category=draft.category,
        origin=name,
    )


def _within_limits(parsed: Parsed, limits: Limits) -> Parsed:
    if isinstance(parsed, ArticleDraft) and len(parsed.paragraphs) > limits.max_paragraphs:
        return Failed(parsed.origin, f"The article has more than {limits.max_paragraphs} paragraphs.")
    return parsed
