"""The order a question asks its answers in: "newest first", "greenspan's latest comments on rates", "when did
Baker last speak about the dollar?", "what did Lawson first say about sterling?".

Answers come best first; asked so, the stories that answer come by date instead, each story's paragraphs still
best first. Stories without a date (the BBC's carry none) are not older nor newer: they follow those with one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum

from bot.retrieval.ranked import Ranked


class Order(Enum):
    """Stories by date, one way or the other; the value is how the lead says it."""

    NEWEST = "newest first"
    OLDEST = "oldest first"


_SPEAKING = r"(?:say|said|speak|spoke|talk|talked|comment|commented|mention|mentioned|discuss|discussed|warn|warned)\b"
_SAID_AS = r"(?:quotes?|comments?|remarks?|words|statements?|views?|thoughts|news|stories|reports?|articles?)\b"
# "what did volcker say yesterday?", "…about the dollar last week": no period a story's date can be held to (the
# archive may be years old), but the newest first; not "this week's treasury auctions", a topic.
_LATELY = (
    r"\b(?:(?:from|in|during|over|since|for) )?(?:today|yesterday|these days|this (?:morning|afternoon|evening"
    r"|week|weekend|month)|last (?:night|week|weekend|month)|the (?:last|past) (?:few )?(?:days?|weeks?|months?))\b"
    r"(?!['’])"
)
_ORDERS = (
    (
        Order.NEWEST,
        re.compile(
            r",?\s*\b(?:(?:the )?(?:newest|latest|most recent|recent|last|newer)(?: ones?)? first|(?:in )?reverse"
            r" (?:date|chronological) order|newest to oldest|(?:(?:sort|sorted|order|ordered) )?by date)\s*(?=[?.!]*$)"
            rf"|\b(?:most )?recently\b|\blately\b|\b(?:the )?(?:latest|newest|most recent)\s+(?={_SAID_AS})"
            rf"|\blast\s+(?={_SPEAKING})|{_LATELY}"
            # "what's the latest from opec?": asked so, its words stay (matched but not taken out)
            r"|\b(?=(?:the )?latest (?:\w+ )?(?:from|by)\b)",
            re.IGNORECASE,
        ),
    ),
    (
        Order.OLDEST,
        re.compile(
            r",?\s*\b(?:(?:the )?(?:oldest|earliest|first|older)(?: ones?)? first|(?:in )?(?:date|chronological) order"
            r"|oldest to newest|chronologically)"
            rf"\s*(?=[?.!]*$)|\b(?:the )?(?:earliest|oldest)\s+(?={_SAID_AS})|\bfirst\s+(?={_SPEAKING})",
            re.IGNORECASE,
        ),
    ),
)


def order_in(text: str) -> Order | None:
    """The order a question asks for, or None (best first)."""
    return next((order for order, asked in _ORDERS if asked.search(text)), None)


def without_order(text: str) -> str:
    """A question without the words asking for an order ("what did greenspan say about rates, newest first")."""
    for _, asked in _ORDERS:
        text = asked.sub(" ", text)
    return " ".join(text.split())


def in_date_order(ranked: list[Ranked], order: Order, answers: Callable[[Ranked], bool]) -> list[Ranked]:
    """The stories holding an answer by date as asked, each with its paragraphs in ranked order; those without a
    date after them, as ranked; then the paragraphs of stories that hold no answer, as ranked."""
    stories: dict[int, list[Ranked]] = {}
    for r in ranked:
        stories.setdefault(r.row.article_id, []).append(r)
    answering = [story for story in stories.values() if any(answers(r) for r in story)]
    dated = sorted(  # stable: stories of one date stay in ranked order
        (story for story in answering if story[0].row.published),
        key=lambda story: story[0].row.published,
        reverse=order is Order.NEWEST,
    )
    undated = [story for story in answering if not story[0].row.published]
    chosen = [r for story in (*dated, *undated) for r in story]
    kept = {id(r) for r in chosen}
    return [*chosen, *(r for r in ranked if id(r) not in kept)]


def as_ordered(order: Order, ranked: list[Ranked], answers: Callable[[Ranked], bool]) -> str:
    """How a lead says the order: ", newest first", and that the stories without a date follow, when some answer."""
    undated = any(answers(r) and not r.row.published for r in ranked)
    return f", {order.value}" + (" (stories without a date last)" if undated else "")
