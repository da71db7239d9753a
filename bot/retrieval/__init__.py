"""Finding the paragraphs that answer a question."""

from __future__ import annotations

from bot.retrieval.fts import any_of, content_words
from bot.retrieval.search import Retriever

__all__ = ["Retriever", "any_of", "content_words"]
