"""A question's abbreviation that the articles only write out: "dwp" for the Department for Work and Pensions."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# A run of capitalised words, with the small words a body's name holds between them ("Department for Work and
# Pensions", "Director of Public Prosecutions").
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:(?:of|for|and|the|on|in|&)\s+)*[A-Z][\w'’-]*)+")
_SMALL_WORDS = frozenset({"of", "for", "and", "the", "on", "in", "&"})
SHORTEST, LONGEST = 2, 6  # letters of a typed word read as an abbreviation


def written_out(abbreviation: str, texts: Iterable[str]) -> str | None:
    """The capitalised name, in the texts, whose initials (its small words skipped) spell an abbreviation; the
    commonest when several do, None when none does."""
    wanted = abbreviation.lower()
    found: Counter[str] = Counter()
    for text in texts:
        for run in _CAPITALISED_RUN.findall(text):
            words = run.split()
            for start, first in enumerate(words):
                if first.lower() in _SMALL_WORDS:
                    continue
                significant = 0
                for end in range(start, len(words)):
                    word = words[end].lower()
                    if word in _SMALL_WORDS:
                        continue
                    if significant >= len(wanted) or word[0] != wanted[significant]:
                        break
                    significant += 1
                    if significant == len(wanted):
                        found[" ".join(words[start : end + 1])] += 1
                        break
    return found.most_common(1)[0][0] if found else None
