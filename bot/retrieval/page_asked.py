"""How many answers a question asks to see: "give me 10 quotes on oil", "top 5 stories on the tsunami", "show me two
paragraphs about the dollar". The number sets the page's length (up to ``MOST_SHOWN``); the question is the one
without it ("quotes on oil"). Stories counted ("5 stories", "3 articles") are that many stories, a paragraph each.
"""

from __future__ import annotations

import re

MOST_SHOWN = 10  # paragraphs one page shows however many are asked for ("more" gives the rest)
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "a couple of": 2, "a few": 3}  # fmt: skip
_STORIES = r"stories|story|articles?|headlines?|reports?"
_COUNT = re.compile(
    rf"\b(?:top |the (?:first |best |latest )?)?(?P<n>\d{{1,3}}|{'|'.join(_NUMBERS)})\s+"
    r"(?=(?:more |of the )?(?P<what>quotes?|quotations?|paragraphs?|results?|answers?|examples?|comments?|remarks?"
    rf"|items?|{_STORIES})\b)",
    re.IGNORECASE,
)


def count_asked(text: str) -> int | None:
    """How many answers a question asks to see, at most ``MOST_SHOWN``; None when it names no number."""
    if (found := _COUNT.search(text)) is None:
        return None
    typed = found["n"].lower()
    return max(1, min(MOST_SHOWN, int(typed) if typed.isdigit() else _NUMBERS[typed]))


def without_count(text: str) -> str:
    """A question without the number of answers it asks for ("give me 10 quotes on oil": "give me quotes on oil")."""
    return " ".join(_COUNT.sub(" ", text, count=1).split())


def story_a_paragraph(text: str) -> bool:
    """Whether a question counts stories ("top 5 stories on the tsunami"): one paragraph of each, its best."""
    found = _COUNT.search(text)
    return found is not None and re.fullmatch(_STORIES, found["what"], re.IGNORECASE) is not None
