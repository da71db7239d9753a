"""Who speaks in a ranking: those quoted on a topic first ("who commented on Y?"), someone left out ("who else
commented?"), people asked about together taking turns ("compare howard and blair on immigration")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot.admin_text import counted
from bot.retrieval.chat_text import normalise
from bot.retrieval.question_patterns import MOST_QUOTED
from bot.retrieval.ranked import MIN_COVERAGE, RELATED_CREDIT, Ranked
from bot.retrieval.stories import Stories
from bot.retrieval.terms import Topic
from bot.store.protocol import StoreProtocol

# "who is quoted most?", "who do you quote most often?", "the most quoted people", "top voices": in the whole archive.
_MOST_QUOTED = re.compile(
    r"^(?:(?:list|show me|tell me|give me) )?(?:who(?:'s| is| are| was| were| gets| get| do you| does the bot"
    r"| do the (?:articles|stories))? (?:(?:you|being) )?(?:quoted|quote|quoting|cited|cite|citing|speaks|speak"
    r"|talks|talk)(?: (?:the )?most(?: often)?| more than anyone(?: else)?)"
    rf"|(?:who(?:'s| is| are| was| were) |what are )?(?:the )?(?:most {MOST_QUOTED}"
    r"|top (?:voices|sources|speakers)))(?: in the (?:articles|stories|news))?$",
    re.IGNORECASE,
)
MOST_QUOTED_LISTED = 10  # people named for "who is quoted most?"
LEFT_OUT_READ = 200  # the paragraphs of a ranking looked up for who speaks in them, to leave someone out
VOICES_READ = 30  # the best answers read for the people quoted on a topic ("who commented on Y?")


class Voices:
    """Reads who speaks in a ranking's paragraphs, and orders or filters it by them."""

    def __init__(self, store: StoreProtocol, stories: Stories) -> None:
        self.store = store
        self.stories = stories

    def without(self, ranked: list[Ranked], names: frozenset[str]) -> list[Ranked]:
        """The ranking without the paragraphs where only the left-out people speak, among its first
        ``LEFT_OUT_READ`` (further down, a page is seldom asked for)."""
        speakers = self.store.speakers_of([r.row.id for r in ranked[:LEFT_OUT_READ]])
        only_theirs = {i for i, spoken in speakers.items() if names.issuperset(spoken)}
        return [r for r in ranked if r.row.id not in only_theirs]

    def first_on(self, ranked: list[Ranked], topic: Topic) -> tuple[list[Ranked], tuple[str, ...]]:
        """For "who commented on Y?": the best ``VOICES_READ`` answers with those quoting someone on it first (each
        group in its order; further down the ranking, a quote is seldom on the topic), and who they quote, the most
        often quoted first. A quote is on the topic when it covers it in a story holding its most specific word: on
        "coffee quotas", not OPEC's on oil quotas in a story speaking only of coffee's kin (exports, producers)."""
        best = ranked[:VOICES_READ]
        speakers = self.store.speakers_of([r.row.id for r in best])
        quoting = [
            r
            for r in best
            if speakers.get(r.row.id)
            and topic.coverage(r.stems, RELATED_CREDIT) >= MIN_COVERAGE
            and self.stories.has(r.row.article_id, topic.specific)
        ]
        voices = Counter(name for r in quoting for name in speakers[r.row.id])
        quoted = {r.row.id for r in quoting}
        others = [r for r in best if r.row.id not in quoted]
        return quoting + others + ranked[VOICES_READ:], tuple(name for name, _ in voices.most_common())

    def taking_turns(self, ranked: list[Ranked], parts: Sequence[Sequence[int]]) -> list[Ranked]:
        """A ranking of people asked about together with their best answers taking turns (``_taking_turns``)."""
        within = [r.row.id for r in ranked[:LEFT_OUT_READ]]
        speaking = [
            {link.paragraph_id for link in self.store.person_paragraphs(part, within, speaking=True)} for part in parts
        ]
        return _taking_turns(ranked, speaking)


def _taking_turns(ranked: list[Ranked], speaking: Sequence[set[int]]) -> list[Ranked]:
    """The best answers, those of the ranking's first tier, taking turns among people asked about together: each
    one's next paragraph (by id, from ``speaking``) in turn, so "compare howard and blair on immigration" shows
    both on its first page; the rest of the ranking after them, in order."""
    best = [r for r in ranked if r.key[0] == ranked[0].key[0]]
    turns, taken = [set(ids) for ids in speaking], []
    while turns:
        part = turns.pop(0)
        if (found := next((r for r in best if r.row.id in part), None)) is not None:
            best.remove(found)
            taken.append(found)
            turns.append(part)
    moved = {id(r) for r in taken}
    return [*taken, *(r for r in ranked if id(r) not in moved)]


def asks_most_quoted(text: str) -> bool:
    """Whether a message asks who the articles quote most, on no topic ("who is quoted most?")."""
    return _MOST_QUOTED.match(normalise(text)) is not None


def most_quoted(store: StoreProtocol) -> str:
    """Who speaks in most paragraphs, the first ``MOST_QUOTED_LISTED``, as a sentence."""
    found = store.most_quoted(MOST_QUOTED_LISTED)
    if not found:
        return "No one is quoted in the articles I have."
    listed = ", ".join(f"{name} ({counted(spoken, 'paragraph')})" for name, spoken in found)
    return f"Quoted most in the articles: {listed}. Ask “what did {found[0][0]} say?” to read their words."
