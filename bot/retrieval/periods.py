"""When something was said, as a question gives it: "in 1987", "in March", "during March 1987", "from March 2005".

A period filters answers to articles published in it. An article without a date (the BBC's carry none) is
never ruled out: its date is unknown, not another. Relative periods ("last week") are not periods here (the
archive may be years old): they ask for the newest first (``order.py``) and are no part of a topic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = (
    "january february march april may june july august september october november december".split()
)  # fmt: skip
_MONTH = "|".join(_MONTHS)
_YEAR = r"(?:19|20)\d\d"
_OPENING = r"(?:in|during|from) (?:(?:early|late|mid) )?"
# As regex text for question patterns (no groups): "in 1987", "during March", "in early March 1987".
PERIOD = rf"{_OPENING}(?:(?:{_MONTH})(?: {_YEAR})?|{_YEAR})"
_PERIOD = re.compile(
    rf"\b{_OPENING}(?:(?P<month>{_MONTH})(?: (?P<year_of>{_YEAR}))?|(?P<year>{_YEAR}))\b", re.IGNORECASE
)

# A month with its year, or a year: a month alone may be a name ("what did may say").
_DATE = re.compile(rf"(?:(?:early|late|mid) )?(?:(?:{_MONTH}) )?{_YEAR}", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """A year, a month of any year, or a month of a year; ``phrase`` as the question put it ("in March 1987")."""

    phrase: str
    year: str = ""  # "1987"
    month: str = ""  # "03"

    def admits(self, published: str) -> bool:
        """Whether an article published on ``published`` (YYYY-MM-DD, or "" when unknown) may be in the period."""
        if not published:
            return True
        return published.startswith(self.year) and (not self.month or published[5:7] == self.month)


def is_a_date(text: str) -> bool:
    """Whether a text is only a year or a month of one ("march 2005", "1987"): when something was said, not who."""
    return _DATE.fullmatch(text.strip()) is not None


def without_periods(text: str) -> str:
    """A text with the periods it names taken out ("the dollar in march": "the dollar")."""
    return " ".join(_PERIOD.sub(" ", text).split())


def period_in(text: str) -> Period | None:
    """The last period a text names, or None."""
    found = list(_PERIOD.finditer(text))
    if not found:
        return None
    match = found[-1]
    month = match["month"]
    return Period(
        match[0],
        year=match["year"] or match["year_of"] or "",
        month=f"{_MONTHS.index(month.lower()) + 1:02d}" if month else "",
    )
