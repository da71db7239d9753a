"""Render a platform-neutral ``Reply`` as console text, Telegram HTML or Slack Block Kit messages.

Every renderer is a pure function of the reply. Long replies become several messages, cut at a
blank line, then a sentence end, then whitespace, then anywhere (``split_text``); markup is closed
in every piece, so each message parses on its own.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urlsplit

from bot.models import Hit, Reply

TELEGRAM_LIMIT = 4096
SLACK_TEXT_LIMIT = 3000
SLACK_BLOCK_LIMIT = 50
MORE_ACTION_ID = "briefbot_more"
MORE_HINT = "(type /more for more)"

Span = tuple[int, int]
SpanMeasure = Callable[[int, int], int]  # rendered size of text[start:stop]

# Group 1 is the whitespace a cut removes.
_PARAGRAPH = re.compile(r"(\n\s*\n)")
_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*(\s+)")
_WORD = re.compile(r"(\s+)")
_ZWJ = "\u200d"
# Slack only ends *bold* before whitespace or punctuation, and only starts it after them.
_SLACK_BOLD_NEIGHBOURS = frozenset(".,;:!?()[]{}\"'«»“”‘’-–—/")
_TELEGRAM_MIN_LIMIT = 64


def utf16_len(text: str) -> int:
    """The length of ``text`` in UTF-16 code units, the unit Telegram and Slack count in."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def split_text(text: str, limit: int, *, measure: Callable[[str], int] = len) -> list[str]:
    """Pieces of ``text``, each non-empty and at most ``limit`` by ``measure``, cut where it reads best.

    A cut goes at the last blank line that fits, else the last sentence end, else the last
    whitespace, else anywhere outside a combining sequence. The whitespace at a cut is dropped and
    pieces are stripped, so ``text`` is exactly ``ws + piece + ws + piece + … + ws`` where every
    ``ws`` is whitespace only (possibly empty). Raises ``ValueError`` if one character cannot fit.
    """
    spans = _split_spans(text, limit, lambda start, stop: measure(text[start:stop]))
    return [text[start:stop] for start, stop in spans]


def to_plain_text(reply: Reply) -> str:
    """The reply as console text: lead, quoted paragraphs with citations, footer, a /more hint."""
    blocks = [reply.text.strip()]
    for hit in reply.quotes:
        # Marked as a quote by a bar, not by quotation marks: a paragraph often opens with its own ('""We all...').
        quote = "\n".join("  > " + line for line in hit.text.strip().split("\n"))
        cited = " · ".join(p for p in [*_citation_parts(hit), hit.citation.url.strip()] if p)
        blocks.append(quote + ("\n  — " + cited if cited else ""))
    blocks.append("\n".join(filter(None, [reply.footer.strip(), MORE_HINT if reply.more else ""])))
    return "\n\n".join(b for b in blocks if b)


def to_telegram_html(reply: Reply, *, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """Messages for Telegram's HTML parse mode, each at most ``limit`` UTF-16 units of markup.

    Measuring the markup rather than the parsed text keeps every message under Telegram's limit
    whatever the entities expand to. A "More" button, when ``reply.more``, is the adapter's job.
    """
    if limit < _TELEGRAM_MIN_LIMIT:
        raise ValueError(f"Telegram messages need a limit of at least {_TELEGRAM_MIN_LIMIT}")
    pieces = [("\n\n", p) for p in _telegram_wrapped(reply.text, (), "", "", limit)]
    for hit in reply.quotes:
        quote = _telegram_wrapped(hit.text, hit.highlights, "<blockquote>", "</blockquote>", limit)
        pieces += [("\n\n", p) for p in quote]
        pieces += [("\n" if quote else "\n\n", c) for c in _telegram_citation(hit, limit)]
    pieces += [("\n\n", p) for p in _telegram_wrapped(reply.footer, (), "", "", limit)]
    return _pack(pieces, limit)


def to_slack_messages(reply: Reply) -> list[dict[str, Any]]:
    """``chat.postMessage`` arguments (``text`` fallback and ``blocks``) for the reply, split to fit.

    Each item is ``(block, plain text)``; the plain text becomes the notification fallback.
    """
    groups: list[list[tuple[dict[str, Any], str]]] = [
        [(_section(p), plain) for p, plain in _slack_pieces(reply.text, ())]
    ]
    for hit in reply.quotes:
        group = [(_section(p), plain) for p, plain in _slack_pieces(hit.text, hit.highlights, quote=True)]
        group += [(_context(c), plain) for c, plain in _slack_citation(hit)]
        groups.append(group)
    groups.append([(_context(p), plain) for p, plain in _slack_pieces(reply.footer, ())])
    messages: list[list[tuple[dict[str, Any], str]]] = []
    for group in filter(None, groups):
        # A quote stays with its citation unless it alone is too big for a message.
        for start in range(0, len(group), SLACK_BLOCK_LIMIT):
            part = group[start : start + SLACK_BLOCK_LIMIT]
            if messages and len(messages[-1]) + len(part) <= SLACK_BLOCK_LIMIT:
                messages[-1] += part
            else:
                messages.append(part)
    if reply.more:
        more = (_more_button(), "(press More for more)")
        if messages and len(messages[-1]) < SLACK_BLOCK_LIMIT:
            messages[-1].append(more)
        else:
            messages.append([more])
    return [{"text": _slack_fallback("\n\n".join(p for _, p in m if p)), "blocks": [b for b, _ in m]} for m in messages]


def _split_spans(text: str, limit: int, measure: SpanMeasure) -> list[Span]:
    """The stripped spans ``split_text`` returns, for renderers whose size is not ``len``."""
    spans: list[Span] = []
    start, end = _strip(text, 0, len(text))
    while start < end:
        if measure(start, end) <= limit:
            spans.append((start, end))
            break
        cut = _cut(text, start, _longest_fit(text, start, end, limit, measure))
        spans.append(_strip(text, start, cut))
        start = _strip(text, cut, end)[0]
    return spans


def _strip(text: str, start: int, stop: int) -> Span:
    while start < stop and text[start].isspace():
        start += 1
    while stop > start and text[stop - 1].isspace():
        stop -= 1
    return start, stop


def _longest_fit(text: str, start: int, end: int, limit: int, measure: SpanMeasure) -> int:
    """The largest stop below ``end`` whose span from ``start`` fits; ``measure`` grows with stop."""
    # Gallop first, so a huge text is never rendered whole just to find one message's worth.
    low, high = start, min(end, start + 1)
    while high < end and measure(start, high) <= limit:
        low, high = high, min(end, start + 2 * (high - start))
    while high - low > 1:
        middle = (low + high) // 2
        if measure(start, middle) <= limit:
            low = middle
        else:
            high = middle
    if low == start:
        raise ValueError(f"a limit of {limit} cannot hold {text[start]!r}")
    return low


def _cut(text: str, start: int, fit: int) -> int:
    """Where to end the piece that starts at ``start`` and may run up to ``fit``."""
    for pattern in (_PARAGRAPH, _SENTENCE, _WORD):
        best = 0
        for match in pattern.finditer(text, start):
            if match.start(1) > fit:
                break
            if match.start(1) > start:
                best = match.start(1)
        if best:
            return best
    # No whitespace fits: cut inside the word, but not within an emoji or accented letter.
    for cut in range(fit, max(start, fit - 16), -1):
        if not _clings(text[cut - 1], text[cut]):
            return cut
    return fit


def _clings(before: str, after: str) -> bool:
    """Whether cutting between two characters would break one visible character apart."""
    return (
        _ZWJ in (before, after)
        or unicodedata.category(after).startswith("M")
        or "\ufe00" <= after <= "\ufe0f"
        or "\U0001f3fb" <= after <= "\U0001f3ff"
        or "\U000e0020" <= after <= "\U000e007f"
        or before + after == "\r\n"
    )


def _bold_spans(highlights: tuple[Span, ...], size: int) -> list[Span]:
    """Highlights clamped to the text, sorted and merged, so they never overlap."""
    merged: list[Span] = []
    for start, end in sorted((max(0, s), min(size, e)) for s, e in highlights):
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _segments(text: str, start: int, stop: int, bold: list[Span]) -> Iterator[tuple[int, int, bool]]:
    """``text[start:stop]`` as consecutive ``(start, stop, is_bold)`` runs."""
    position = start
    first = max(0, bisect.bisect_right(bold, (start, start)) - 1)
    for bold_start, bold_end in bold[first:]:
        if bold_start >= stop:
            break
        bold_start, bold_end = max(bold_start, position), min(bold_end, stop)
        if bold_start >= bold_end:
            continue
        if position < bold_start:
            yield position, bold_start, False
        yield bold_start, bold_end, True
        position = bold_end
    if position < stop:
        yield position, stop, False


def _citation_parts(hit: Hit) -> list[str]:
    """Speaker, title, source and date of a quote, empty parts included."""
    cite = hit.citation
    return [", ".join(hit.speakers).strip(), cite.title.strip(), cite.source.strip(), cite.published[:10]]


def _web_url(url: str) -> str:
    """``url`` stripped if it is an absolute http(s) URL safe to link, else empty."""
    url = url.strip()
    if not url or any(c.isspace() or unicodedata.category(c).startswith("C") for c in url):
        return ""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else ""


def _telegram_wrapped(text: str, highlights: tuple[Span, ...], opening: str, closing: str, limit: int) -> list[str]:
    """Escaped pieces of ``text`` inside ``opening``/``closing``, highlights in ``<b>``."""
    bold = _bold_spans(highlights, len(text))

    def render(start: int, stop: int) -> str:
        runs = []
        for s, e, is_bold in _segments(text, start, stop, bold):
            escaped = html.escape(text[s:e], quote=False)
            runs.append(f"<b>{escaped}</b>" if is_bold else escaped)
        return opening + "".join(runs) + closing

    spans = _split_spans(text, limit, lambda start, stop: utf16_len(render(start, stop)))
    return [render(start, stop) for start, stop in spans]


def _telegram_citation(hit: Hit, limit: int) -> list[str]:
    """The citation line in italics with the title linked, or plain pieces if it is too long."""
    speakers, title, source, published = _citation_parts(hit)
    url = _web_url(hit.citation.url)
    link = html.escape(title or url, quote=False)
    if url:
        link = f'<a href="{html.escape(url)}">{link}</a>'
    parts = [html.escape(p, quote=False) for p in (speakers, source, published)]
    parts.insert(1, link)
    if not any(parts):
        return []
    line = "<i>— " + " · ".join(p for p in parts if p) + "</i>"
    if utf16_len(line) <= limit:
        return [line]
    plain = "— " + " · ".join(p for p in (speakers, title, source, published) if p)
    return _telegram_wrapped(plain, (), "<i>", "</i>", limit)


def _pack(pieces: list[tuple[str, str]], limit: int) -> list[str]:
    """Consecutive ``(joiner, piece)`` pairs joined into as few messages as fit ``limit``."""
    chunks: list[str] = []
    size = 0
    for joiner, piece in pieces:
        grown = size + utf16_len(joiner) + utf16_len(piece)
        if chunks and grown <= limit:
            chunks[-1] += joiner + piece
            size = grown
        else:
            chunks.append(piece)
            size = utf16_len(piece)
    return chunks


def _mrkdwn_escape(text: str) -> str:
    """Text that Slack shows as written: only ``&``, ``<`` and ``>`` have escapes in mrkdwn."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _slack_bold_safe(text: str, start: int, stop: int) -> bool:
    """Whether ``*text[start:stop]*`` shows as bold in Slack and cannot pair with another star."""
    inner = text[start:stop]
    if "\n" in inner or inner != inner.strip():
        return False
    before = text[start - 1] if start else " "
    after = text[stop] if stop < len(text) else " "
    return all(c.isspace() or c in _SLACK_BOLD_NEIGHBOURS for c in (before, after))


def _slack_pieces(text: str, highlights: tuple[Span, ...], *, quote: bool = False) -> list[tuple[str, str]]:
    """``(mrkdwn, plain)`` pieces of ``text`` that fit a section; quotes get ``>`` on every line."""
    # A literal star or backtick could pair with our markers or turn them into code: no bold then.
    bold = [] if "*" in text or "`" in text else _bold_spans(highlights, len(text))

    def render(start: int, stop: int) -> str:
        runs = []
        for s, e, is_bold in _segments(text, start, stop, bold):
            escaped = _mrkdwn_escape(text[s:e])
            runs.append(f"*{escaped}*" if is_bold and _slack_bold_safe(text, s, e) else escaped)
        body = "".join(runs)
        return "\n".join("> " + line for line in body.split("\n")) if quote else body

    spans = _split_spans(text, SLACK_TEXT_LIMIT, lambda start, stop: utf16_len(render(start, stop)))
    return [(render(start, stop), text[start:stop]) for start, stop in spans]


def _slack_citation(hit: Hit) -> list[tuple[str, str]]:
    """``(mrkdwn, plain)`` citation lines, the title linked when the URL is http(s)."""
    speakers, title, source, published = _citation_parts(hit)
    url = _web_url(hit.citation.url)
    plain = "— " + " · ".join(p for p in (speakers, title or url, source, published) if p)
    if plain == "— ":
        return []
    link = _mrkdwn_escape(title or url)
    if url:
        # "|" ends a link's URL and starts its label; a label has no escape for it.
        href = url.replace("|", "%7C").replace("<", "%3C").replace(">", "%3E")
        link = f"<{_mrkdwn_escape(href)}|{link.replace('|', '∣')}>"
    parts = [_mrkdwn_escape(speakers), link, _mrkdwn_escape(source), _mrkdwn_escape(published)]
    line = "— " + " · ".join(p for p in parts if p)
    if utf16_len(line) <= SLACK_TEXT_LIMIT:
        return [(line, plain)]
    return _slack_pieces(plain, ())


def _section(mrkdwn: str) -> dict[str, Any]:
    # verbatim: article text must not turn into links or channel mentions.
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn, "verbatim": True}}


def _context(mrkdwn: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn, "verbatim": True}]}


def _more_button() -> dict[str, Any]:
    button = {"type": "button", "action_id": MORE_ACTION_ID, "text": {"type": "plain_text", "text": "More"}}
    return {"type": "actions", "elements": [{**button, "value": ""}]}


def _slack_fallback(plain: str) -> str:
    """Escaped notification text of at most ``SLACK_TEXT_LIMIT`` units, cut with an ellipsis."""
    spans = _split_spans(plain, SLACK_TEXT_LIMIT - 1, lambda start, stop: utf16_len(_mrkdwn_escape(plain[start:stop])))
    if not spans:
        return "Briefbot"
    first = _mrkdwn_escape(plain[spans[0][0] : spans[0][1]])
    return first + "…" if len(spans) > 1 else first
