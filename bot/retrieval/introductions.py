"""Who someone is, for "who is steve jobs?": the paragraph each story about them introduces them in.

A story introduces a person where it first names them, with their office ("Chief executive Steve Jobs showed off
the new machine"). Ranked as a topic, "steve jobs" is two words, one of them common: a paragraph on jobs in
another story may come first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from bot.retrieval.ranked import Ranked
from bot.store import ParagraphRow
from bot.store.protocol import StoreProtocol

INTRODUCTIONS_READ = 500  # of a person's latest links, those read for the stories introducing them


def introductions(store: StoreProtocol, person_ids: Sequence[int], names: Sequence[str]) -> list[Ranked]:
    """The paragraph each story first names the people in: those naming one of them in full first (a later story
    may start on the surname alone), then the stories naming them most (about them, not in passing), the latest
    first among equals."""
    first: dict[int, tuple[int, int]] = {}  # article id -> (position, paragraph id)
    links: Counter[int] = Counter()  # article id -> paragraphs naming them
    for link in store.person_paragraphs(person_ids, latest=INTRODUCTIONS_READ):
        links[link.article_id] += 1
        if link.article_id not in first or link.position < first[link.article_id][0]:
            first[link.article_id] = (link.position, link.paragraph_id)
    rows = store.paragraphs_by_id([paragraph_id for _, paragraph_id in first.values()])
    full = [name.casefold() for name in names if " " in name]

    def order(row: ParagraphRow) -> tuple[bool, int, str, int]:
        in_full = any(name in row.text.casefold() for name in full)
        return in_full, links[row.article_id], row.published, row.article_id

    return [Ranked(row, (0.0,), frozenset()) for row in sorted(rows, key=order, reverse=True)]
