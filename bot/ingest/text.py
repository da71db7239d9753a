"""Turn raw bytes into text and text into paragraphs and a headline (pure functions)."""

from __future__ import annotations

import re

from bot.errors import IngestError

_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]?\s+(?=[\"'“‘(]?[A-Z0-9])")
# A full stop after these does not end a sentence: "U.S. officials", "Mr. Baker", "Jan. 5".
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Prof|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|vs|Inc|Co|Corp|Ltd)\.)$"
)
_MAGIC = {
    b"PK\x03\x04": "a zip archive",
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_TRAILING_STOPWORDS = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
HEADLINE_WORDS = 12


def decode(data: bytes) -> str:
    """Decode article bytes: UTF-8 (with or without BOM), else Windows-1252; binary data is refused."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise IngestError(f"This file is {kind}, not text.")
    if b"\x00" in data[:65536]:
        raise IngestError("This file is binary, not text.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Old newswire and BBC files carry the odd Latin-1 byte; cp1252 is its superset for text.
        text = data.decode("cp1252", errors="replace")
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > len(sample) // 100:
        raise IngestError("This file is binary, not text.")
    return text


def clean(text: str) -> str:
    """Normalise line endings and drop control characters that are never part of news text."""
    return _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def split_paragraphs(text: str) -> list[str]:
    """Blocks separated by blank lines, each kept as written except for trailing spaces."""
    blocks = _BLANK_LINES.split(clean(text).strip())
    return [
        para for block in blocks if (para := "\n".join(line.rstrip() for line in block.strip().split("\n")))
    ]


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph (abbreviations such as "U.S." do not end it)."""
    text = text.strip()
    for boundary in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[: boundary.start()]):
            return text[: boundary.start()]
    return text


def headline_from(paragraph: str) -> str:
    """A short headline from a lead paragraph: its first sentence, cut to a dozen words."""
    words = first_sentence(paragraph).split()
    if len(words) <= HEADLINE_WORDS:
        return " ".join(words).rstrip(".")
    cut = words[:HEADLINE_WORDS]
    while len(cut) > 3 and cut[-1].lower().strip(",;:") in _TRAILING_STOPWORDS:
        cut.pop()
    return " ".join(cut).rstrip(",;:") + "…"


def looks_like_headline(paragraph: str) -> bool:
    """Whether a first paragraph reads as a title: one short line that is not a finished sentence."""
    return (
        "\n" not in paragraph
        and len(paragraph) <= 150
        and not paragraph.rstrip().endswith((".", "!", "?", ":"))
    )
