"""Who speaks in each paragraph of a news article: rule-based, pure and fast.

``attribute(paragraphs, title)`` reads an article once and returns its people (canonical name,
lower-case aliases to ask by, roles the article gave them) and, for every paragraph, the people
who speak in it (reported speech or quotes) and those it only mentions.
"""

from __future__ import annotations

from .article import ArticleAttribution, ParagraphAttribution, Person, attribute
from .roles import normalise_role

__all__ = ["ArticleAttribution", "ParagraphAttribution", "Person", "attribute", "normalise_role"]
