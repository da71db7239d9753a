"""A ranked paragraph, and the measures of a topic that ranking by speaker and ranking by topic share."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.retrieval.terms import Topic
from bot.store import ParagraphRow

RELATED_CREDIT = 0.4  # a related word ("oil" for "crude") counts for this share of the word itself
MIN_COVERAGE = 0.5  # a paragraph must cover at least this weighted share of the topic
MIN_ARTICLE_COVERAGE = 0.75  # an article is "about" the topic when its whole text covers this much
MIN_PARTIAL_COVERAGE = 0.4  # a partial answer's share of the topic (the related word of a one-word topic is not)
MIN_SIBLING_COVERAGE = 0.15  # a paragraph must touch the topic at least through a related word
NEAREST = 3  # paragraphs offered, labelled as such, when nothing answers a question
# Direct speech: a quotation of a few words or more. A person's own words outrank reported summaries.
QUOTATION = re.compile(r"[\"“][^\"”]{15,}(?:[\"”]|$)")


@dataclass(frozen=True)
class Ranked:
    """A candidate paragraph with its ranking key (higher is better)."""

    row: ParagraphRow
    key: tuple[float, ...]
    stems: frozenset[str]


def weight(topic: Topic, stems: frozenset[str]) -> float:
    """The summed weights of the topic stems a paragraph holds directly."""
    return round(sum(w for s, w in topic.weights.items() if s in stems), 3)
