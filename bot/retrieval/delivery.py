"""How a question asks its answer given, apart from what it asks about: in date order ("newest first"), counted
("how many times has Blair mentioned Iraq?"), so many at once ("10 quotes on oil"), one paragraph a story ("top 5
stories on the tsunami"). The question is read without these words; the answer is arranged by them.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.retrieval.order import Order, order_in, without_order
from bot.retrieval.page_asked import count_asked, story_a_paragraph, without_count
from bot.retrieval.tally import asks_how_often, without_how_often


@dataclass(frozen=True)
class Delivery:
    """The ways a question asks its answer given; the default gives it best first, a page at a time."""

    order: Order | None = None
    counted: bool = False  # opened with how many paragraphs and stories answer
    shown: int | None = None  # paragraphs a page shows, when the question says how many
    by_story: bool = False  # one paragraph a story, the best: "stories", "articles", "headlines" asked for

    @property
    def whole_ranking(self) -> bool:
        """Whether the answer needs the whole ranking, not its first page: to order or count it, or to take a page
        of stories from it (one story's paragraphs may fill the first page of paragraphs)."""
        return self.order is not None or self.counted or self.by_story


def delivery_of(text: str) -> Delivery:
    """How a question asks its answer given."""
    return Delivery(order_in(text), asks_how_often(text), count_asked(text), story_a_paragraph(text))


def without_delivery(text: str) -> str:
    """A question without the words saying how to give its answer ("baker on the dollar, oldest first")."""
    return without_count(without_how_often(without_order(text)))
