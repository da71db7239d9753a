"""A person's relatives asked for by their relation ("ozzy osbourne's wife", "michael jackson's mum"): stories name
them beside it ("his wife Sharon", "His mother Katherine Jackson told…"), never as an office anyone holds."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.attribution.names import RELATIONS
from bot.retrieval.typed_names import full_name, name_words
from bot.store.protocol import StoreProtocol

# Everyday words for a relation.
_EVERYDAY = {"mum": "mother", "mom": "mother", "mummy": "mother", "dad": "father", "daddy": "father"}
STORIES_READ = 50  # the person's latest stories, where their relatives are looked for
NAMESAKES_READ = 50  # people of their surnames looked at, at most (a common surname has hundreds)
_BEFORE_THE_NAME = r"(?:\W+\w+){0,2}?\W+"  # "his wife Sharon", "mother, Katherine", "wife, the actress Sue"


def relation_asked(words: Sequence[str]) -> str | None:
    """The relation a typed name ends on ("wife" of "tony blair wife", "mother" of "michael jackson mum"), else
    None."""
    return relation_named(words[-1]) if len(words) > 1 else None


def relation_named(word: str) -> str | None:
    """The relation a word names ("mother" of "mum"), else None."""
    relation = _EVERYDAY.get(word, word)
    return relation if relation in RELATIONS else None


def relatives(store: StoreProtocol, names: Sequence[str], person_ids: Sequence[int], relation: str) -> list[int]:
    """The people of a person's surname whom their latest stories name right after the relation ("His mother
    Katherine Jackson told…", "his wife Sharon"); none when no story does (a namesake quoted beside them is no
    relative: Sir Ian Blair in Tony Blair's stories).

    :param names: the people a typed name means: one by a full name ("tony blair"), or all of a surname ("blair",
        among them the relative).
    """
    surnames = {name_words(name)[-1] for name in names if full_name(name)}
    own = store.person_paragraphs(person_ids, latest=10 * STORIES_READ)
    stories = set(list(dict.fromkeys(link.article_id for link in own))[-STORIES_READ:])
    namesakes = [(i, name) for surname in surnames for i, name in store.people_by_alias(surname) if full_name(name)]
    told = []
    for person_id, name in namesakes[:NAMESAKES_READ]:
        beside = [link.paragraph_id for link in store.person_paragraphs([person_id]) if link.article_id in stories]
        named = re.compile(rf"\b{relation}{_BEFORE_THE_NAME}{re.escape(name_words(name)[0])}\b", re.IGNORECASE)
        if any(named.search(row.text) for row in store.paragraphs_by_id(beside)):
            told.append(person_id)
    return told
