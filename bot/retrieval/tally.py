"""How often something was said: "how many times has Blair mentioned Iraq?", "how often did Greenspan talk about
the deficit?", "how many stories quote Baker?". The question is the one without the asking for a count ("has
Blair mentioned Iraq?"); its answer says how many paragraphs and stories answer it, then shows them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.admin_text import counted
from bot.retrieval.ranked import Ranked
from bot.retrieval.speaker_ranking import STORIES_RANKED
from bot.retrieval.topic_ranking import TOPIC_CANDIDATES

_HOW_OFTEN = re.compile(
    r"^\W*how (?:many times|often|frequently)\s+"
    # "how many stories quote baker?": Baker's words; "how many stories mention iraq?": news on it.
    r"|^\W*how many (?:stories|articles|reports|paragraphs|times)(?=\s+(?:quote|quoted|cite|mention|mentioned"
    r"|cover|covered|are about|were about|discuss|discussed|report on|reported on|(?:have|has|did|do|does)\b))\s+",
    re.IGNORECASE,
)
_ABOUT_VERB = re.compile(
    r"^(?:mention|mentioned|cover|covered|are about|were about|discuss|discussed|report on|reported on)\s+",
    re.IGNORECASE,
)


def asks_how_often(text: str) -> bool:
    """Whether a question asks for a count of what answers it."""
    return _HOW_OFTEN.match(text) is not None


def without_how_often(text: str) -> str:
    """The question a count is asked of: "has blair mentioned iraq?", "news on iraq" for "how many stories mention
    iraq?", "quote baker" for "how many stories quote baker?"."""
    rest = _HOW_OFTEN.sub("", text, count=1)
    return _ABOUT_VERB.sub("news on ", rest, count=1)


def tally(ranked: list[Ranked], answers: Callable[[Ranked], bool], *, by_speaker: bool) -> str:
    """How many paragraphs and stories answer, as the lead's first sentence: "at least" so many when the ranking
    read no further (a topic's first candidates, a speaker's latest stories on it)."""
    answering = [r for r in ranked if answers(r)]
    stories = len({r.row.article_id for r in answering})
    found = f"{counted(len(answering), 'paragraph')} in {counted(stories, 'story', 'stories')}"
    if (stories if by_speaker else len(ranked)) >= (STORIES_RANKED if by_speaker else TOPIC_CANDIDATES):
        return f"At least {found} answer this."
    return f"{found} {'answers' if len(answering) == 1 else 'answer'} this."
