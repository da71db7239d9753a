"""The latest stories, for news asked for with no topic: "any news?", "what's new?", "top stories today"."""

from __future__ import annotations

import re
from collections import Counter

from bot.models import Article
from bot.retrieval.fts import content_words
from bot.retrieval.ranked import Ranked
from bot.store.protocol import StoreProtocol

# A message asks for the news itself when it names no one, holds one of these words, and its words past the
# stopwords (which hold "news" and "latest") are only news words: "what's new?" is not a topic "new", nor "top
# stories today" one "stories", nor "what happened yesterday?" one "happened".
_ASKING_WORDS = frozenset("news latest new headline headlines update updates stories happening happened going".split())
_NEWS_WORDS = _ASKING_WORDS | frozenset("top story today yesterday tonight week lately recently please pls".split())
_WORD = re.compile(r"\w+")


def asks_for_news(text: str) -> bool:
    """Whether a message asks for the news itself, on no topic ("any news?", "what's new?", "latest headlines")."""
    asking = any(word in _ASKING_WORDS for word in _WORD.findall(text.lower()))
    return asking and all(word.lower() in _NEWS_WORDS for word in content_words(text))


def latest_leads(store: StoreProtocol, limit: int, offset: int) -> tuple[list[Ranked], bool]:
    """The opening paragraphs of the latest loaded stories after ``offset``, newest first, and whether more follow."""
    articles, more = _latest(store, limit, offset)
    leads = [rows[0] for article in articles if (rows := store.article_rows(article.id))]
    return [Ranked(row, (0.0,), frozenset()) for row in leads], more


def latest_voices(store: StoreProtocol, limit: int, offset: int) -> tuple[list[Ranked], tuple[str, ...], bool]:
    """For "who is quoted in the latest news?": from each of the latest stories after ``offset`` its first paragraph
    quoting someone (its lead when none does), everyone the stories quote, the most often quoted first, and whether
    more stories follow."""
    articles, more = _latest(store, limit, offset)
    chosen: list[Ranked] = []
    voices: Counter[str] = Counter()
    for article in articles:
        rows = store.article_rows(article.id)
        speakers = store.speakers_of([row.id for row in rows])
        voices.update(name for row in rows for name in speakers.get(row.id, ()))
        quoting = next((row for row in rows if speakers.get(row.id)), rows[0] if rows else None)
        if quoting is not None:
            chosen.append(Ranked(quoting, (0.0,), frozenset()))
    return chosen, tuple(name for name, _ in voices.most_common()), more


def _latest(store: StoreProtocol, limit: int, offset: int) -> tuple[list[Article], bool]:
    """The latest loaded stories after ``offset``, newest first, and whether more follow."""
    articles = store.recent_articles(offset + limit + 1)
    return articles[offset : offset + limit], len(articles) > offset + limit
