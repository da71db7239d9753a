"""Whether a paragraph opening on a quotation carries on the words of the speaker before it."""

from __future__ import annotations

import re

from .lexicon import SENTENCE_END, is_plural_role
from .references import quote_spans

_OPENING_QUOTES = ('"', "“", "‘", "''")
# An inverted report whose subject is a crowd of some occupation: '"…," said economists at Salomon Brothers'.
_SAID_BY_MANY = re.compile(r"\b(?:said|says|added|told|according to)\s+(?:[A-Za-z-]+\s+){0,3}?([a-z]+s)\b")


def opens_on_quote(text: str) -> bool:
    """Whether a paragraph opens on a quotation."""
    return text.lstrip(" .,").startswith(_OPENING_QUOTES)


def quote_carried(text: str, first_speech: int, *, ran_on: bool) -> bool:
    """Whether a paragraph opening on a quote that has a speech verb of its own still carries on the speaker
    before: its quote ends before the story's own words and another quote, or it ends a sentence that the
    paragraph before left open (``ran_on``) or that a sentence of the story's own follows."""
    spans = quote_spans(text)
    if _quote_before_narrative(text, spans, first_speech):
        return True
    return _quote_ends_sentence(text, spans, first_speech) and (ran_on or _narrated_after(text, spans, first_speech))


def _narrated_after(text: str, spans: list[tuple[int, int]], first_speech: int) -> bool:
    """Whether a whole sentence of the story's own follows a paragraph's opening quote before its first speech
    verb: that verb's sentence is not the quote's ('"The committee believes…" At present judges can reduce the
    tariff… Amanda Champion said'), unlike '"…?" the Labour MP asked' or '"…." One comedian, Fletcher said'."""
    between = text[spans[0][1] : first_speech]
    return (
        between.lstrip()[:1].isupper()
        and SENTENCE_END.search(between) is not None
        and not any(spans[0][1] < start < first_speech for start, _ in spans[1:])
    )


def _quote_before_narrative(text: str, spans: list[tuple[int, int]], first_speech: int) -> bool:
    """Whether a paragraph's opening quote ends before the story goes on in its own words and another quote
    opens, all before the paragraph's first speech verb: that verb credits the later quote, not the opening one
    ('"I don't understand them." A few weeks of headlines have helped. "It's been fantastic," said a student')."""
    if not spans or text[spans[0][1] - 2 : spans[0][1] - 1] not in (".", "!"):
        return False  # '"…," the company added': the opening quote's own attribution follows it
    return any(start < first_speech and any(c.isalpha() for c in text[spans[0][1] : start]) for start, _ in spans[1:])


def _quote_ends_sentence(text: str, spans: list[tuple[int, int]], first_speech: int) -> bool:
    """Whether a paragraph's opening quote ends a sentence before its first speech verb: carrying on the quote
    the paragraph before left open, it is that speaker's, whoever the paragraph then goes on to quote
    ('"He was a real friend and I shall miss him." One of the last comedians…, Fletcher said he had…').
    A quote ending in a comma is credited by the words after it ('"…," he said')."""
    return bool(spans) and spans[0][1] <= first_speech and text[spans[0][1] - 2 : spans[0][1] - 1] in (".", "!", "?")


def runs_on(text: str) -> bool:
    """True when a paragraph ends inside a quotation that the next paragraph continues."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def said_by_many(text: str) -> bool:
    """Whether a paragraph credits its words to a crowd of some occupation ("said economists at Salomon
    Brothers", "according to analysts"): then a quote opening it is not the last speaker's, carried on."""
    return any(is_plural_role(match[1]) for match in _SAID_BY_MANY.finditer(text))
