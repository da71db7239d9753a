"""The SQLite store: the only place that writes SQL (``Store``)."""

from __future__ import annotations

from bot.store.article_reads import ParagraphRow
from bot.store.articles import AddResult
from bot.store.base import Store

__all__ = ["AddResult", "ParagraphRow", "Store"]
