"""Shorthands the attribution tests share for reading speakers and people out of an attributed article."""

from __future__ import annotations

from bot.attribution import ArticleAttribution, Person, attribute


def speakers(paragraphs: list[str], title: str = "") -> list[tuple[str, ...]]:
    """Speakers of each paragraph."""
    return [p.speakers for p in attribute(paragraphs, title).paragraphs]


def person(result: ArticleAttribution, name: str) -> Person:
    """The person with this canonical name."""
    return next(p for p in result.people if p.name == name)


def the_one_speaker(paragraphs: list[str], name: str) -> Person:
    """The person who speaks in every paragraph, alone (asserted)."""
    result = attribute(paragraphs)
    assert [p.speakers for p in result.paragraphs] == [(name,)] * len(paragraphs)
    return person(result, name)
