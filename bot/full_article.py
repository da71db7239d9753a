"""One article in full, for "/read 12" or "show me the full article": its citation, then its paragraphs.

The BBC's stories carry no link to follow, so a reader who wants more than the quoted paragraphs reads it here.
"""

from __future__ import annotations

from bot.errors import NothingFound
from bot.models import Reply
from bot.store.protocol import StoreProtocol


def which_article(command: str) -> str:
    """How to name an article to a command that takes its number ("/read 12"), said when none was named."""
    return f"Tell me which article to {command} by its number, e.g. /{command} 12 (see /articles)"


def full_article(store: StoreProtocol, article_id: int) -> Reply:
    """An article's number, title and citation, then every paragraph of it."""
    article = store.get_article(article_id)
    if article is None:
        raise NothingFound(f"I have no article #{article_id}. /articles lists the latest with their numbers.")
    cited = ", ".join(part for part in (article.source, article.published[:10], article.url) if part)
    heading = f"#{article.id} “{article.title}”" + (f" — {cited}" if cited else "")
    return Reply("\n\n".join([heading, *store.paragraphs_of(article_id)]))
