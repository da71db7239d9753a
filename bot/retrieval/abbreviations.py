"""A question's abbreviation that the articles only write out: "dwp" for the Department for Work and Pensions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator

# The small words a body's name holds between its capitalised ones ("Department for Work and Pensions", "Director
# of Public Prosecutions"), and a run of capitalised words with them.
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "&"})
_CAPITALISED_RUN = re.compile(rf"[A-Z][\w'’-]*(?:\s+(?:(?:{'|'.join(sorted(_SMALL_WORDS))})\s+)*[A-Z][\w'’-]*)+")
SHORTEST, LONGEST = 2, 6  # letters of a typed word read as an abbreviation


def written_out(abbreviation: str, texts: Iterable[str]) -> str | None:
    """The capitalised name, in the texts, whose initials (its small words skipped) spell an abbreviation; the
    commonest when several do, None when none does."""
    wanted = abbreviation.lower()
    found = Counter(
        name for text in texts for run in _CAPITALISED_RUN.findall(text) for name in _spelling(run.split(), wanted)
    )
    return found.most_common(1)[0][0] if found else None


def _spelling(words: list[str], initials: str) -> Iterator[str]:
    """The parts of a run of capitalised words whose significant words' initials are exactly ``initials``."""
    for start, first in enumerate(words):
        if first.lower() in _SMALL_WORDS:
            continue
        matched = 0
        for end in range(start, len(words)):
            word = words[end].lower()
            if word in _SMALL_WORDS:
                continue
            if word[0] != initials[matched]:
                break
            matched += 1
            if matched == len(initials):
                yield " ".join(words[start : end + 1])
                break
