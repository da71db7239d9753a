"""Who someone is, for "who is steve jobs?" or "who runs the imf?": the paragraph each story introduces them in.

A story introduces a person where it first names them, with their office ("Chief executive Steve Jobs showed off
the new machine"). Ranked as a topic, "steve jobs" is two words, one of them common: a paragraph on jobs in
another story may come first. A name or office several people go by ("brown", "the chancellor") introduces each
of them in turn, the one most stories name first.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain, zip_longest

from bot.retrieval.query import Question, tidy_speaker
from bot.retrieval.question_patterns import WHO_IS, WHO_RUNS
from bot.retrieval.ranked import Ranked
from bot.retrieval.speakers import Speaker, SpeakerResolver
from bot.retrieval.typed_names import names_a_role
from bot.store import ParagraphRow
from bot.store.protocol import StoreProtocol

INTRODUCTIONS_READ = 500  # of a person's latest links, those read for the stories introducing them


def who_is_asked(speakers: SpeakerResolver, asked: Question) -> Speaker | None:
    """Whom a message asks who they are, by name or office ("who is steve jobs?", "who's the shadow chancellor?",
    "who runs the imf?": its head); None for another question, or when nobody is known so."""
    if asked.speaker:
        return None
    if runs := WHO_RUNS.match(asked.text):
        typed = f"head of {tidy_speaker(runs['body'])}"
    elif WHO_IS.match(asked.text):
        typed = tidy_speaker(asked.topic)
    else:
        return None
    return speakers.by_name(typed) or _holding(speakers, typed)


def _holding(speakers: SpeakerResolver, typed: str) -> Speaker | None:
    """The people holding a typed office in full ("head of the imf": its managing director), else None."""
    if not names_a_role(typed) or (holders := speakers.resolve(typed, allow_fuzzy=False)) is None:
        return None
    return None if holders.qualifiers or holders.fuzzy else holders


def introductions(store: StoreProtocol, person_ids: Sequence[int], names: Sequence[str]) -> list[Ranked]:
    """The paragraphs introducing the people, taking turns among them, the person most stories name first."""
    everyone = [_introducing(store, person_id, name) for person_id, name in zip(person_ids, names, strict=True)]
    everyone.sort(key=len, reverse=True)  # one introduction per story: the person most stories name first
    turns = chain.from_iterable(zip_longest(*everyone))
    return [Ranked(row, (0.0,), frozenset()) for row in dict.fromkeys(row for row in turns if row is not None)]


def _introducing(store: StoreProtocol, person_id: int, name: str) -> list[ParagraphRow]:
    """The paragraph each story first names someone in: those naming them in full first (a later story may start
    on the surname alone), then the stories naming them most (about them, not in passing), the latest loaded
    first."""
    first: dict[int, tuple[int, int]] = {}  # article id -> (position, paragraph id)
    links: Counter[int] = Counter()  # article id -> paragraphs naming them
    for link in store.person_paragraphs([person_id], latest=INTRODUCTIONS_READ):
        links[link.article_id] += 1
        if link.article_id not in first or link.position < first[link.article_id][0]:
            first[link.article_id] = (link.position, link.paragraph_id)
    in_full = name.casefold() if " " in name else None

    def order(row: ParagraphRow) -> tuple[bool, int, int]:
        return bool(in_full and in_full in row.text.casefold()), links[row.article_id], row.article_id

    rows = store.paragraphs_by_id([paragraph_id for _, paragraph_id in first.values()])
    return sorted(rows, key=order, reverse=True)
