"""The latest stories, for news asked for with no topic: "any news?", "what's new?", "top stories today"."""

from __future__ import annotations

import re

from bot.retrieval.fts import content_words
from bot.retrieval.ranked import Ranked
from bot.store.protocol import StoreProtocol

# A message asks for the news itself when it names no one, holds one of these words, and its words past the
# stopwords (which hold "news" and "latest") are only news words: "what's new?" is not a topic "new", nor "top
# stories today" one "stories".
_ASKING_WORDS = frozenset("news latest new headline headlines update updates stories happening".split())
_NEWS_WORDS = _ASKING_WORDS | frozenset("top story today week lately recently please pls".split())
_WORD = re.compile(r"\w+")


def asks_for_news(text: str) -> bool:
    """Whether a message asks for the news itself, on no topic ("any news?", "what's new?", "latest headlines")."""
    asking = any(word in _ASKING_WORDS for word in _WORD.findall(text.lower()))
    return asking and all(word.lower() in _NEWS_WORDS for word in content_words(text))


def latest_leads(store: StoreProtocol, limit: int, offset: int) -> tuple[list[Ranked], bool]:
    """The opening paragraphs of the latest loaded stories after ``offset``, newest first, and whether more follow."""
    articles = store.recent_articles(offset + limit + 1)
    leads = [rows[0] for article in articles[offset : offset + limit] if (rows := store.article_rows(article.id))]
    return [Ranked(row, (0.0,), frozenset()) for row in leads], len(articles) > offset + limit
