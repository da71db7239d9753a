"""A question's misspelt phrasing mended: "whta did Blair siad about fees?" asks for Blair's words on fees.

Only the words questions are phrased by are mended, and only a word no article uses: a slip in a name or a topic
word is the speaker and topic readers' business.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.retrieval.query import Question, parse_question

# The words a question's phrasing is read by, to which a misspelt word is corrected ("whta did…", "…siad…").
_SCAFFOLDING = frozenset(
    "what whats did does has have had say said says saying tell told about mention mentioned comment comments"
    " remarks views think thought regarding any news latest who why how".split()
)
_EDGES = "?!.,;:\"'“”‘’"


def respelt(asked: Question, unheard_of: Callable[[str], bool]) -> Question:
    """A question read again with misspelt phrasing words corrected, when that finds the speaker it missed
    ("whta did Blair siad about fees" → Blair's words on fees) or mends only its phrasing ("ayn news on the
    Dome", "any newz on the ipod"); otherwise as it was.

    A word is corrected only when no article uses it and one letter's slip (one added, dropped, changed or
    two swapped) makes exactly one phrasing word of it; from the left, and only as far as the speaker is
    found. Elsewhere in a topic such a word stays: "charlie parker's sax" is not "charlie parker's say".
    """

    def read_whole(question: Question) -> bool:
        """A speaker found, and no slip opening the topic ("what did X say reagrding oil": not about that)."""
        opening = question.topic.split()[:1]
        return bool(question.speaker) and not (opening and _phrasing_word(opening[0], unheard_of))

    if read_whole(asked):
        return asked
    words = asked.text.split()
    spelt = list(words)
    for i, word in enumerate(words):
        if fixed := _phrasing_word(word, unheard_of):
            spelt[i] = fixed
            if read_whole(again := parse_question(" ".join(spelt))):
                return Question(asked.text, again.speaker, again.topic)  # the question stays as the user typed it
    # No speaker: the phrasing mended, as long as no word mended is in the topic read ("any newz on the ipod").
    again = parse_question(" ".join(spelt))
    mended = {fixed.strip(_EDGES).lower() for fixed, word in zip(spelt, words, strict=True) if fixed != word}
    if mended and mended.isdisjoint(again.topic.lower().split()):
        return Question(asked.text, again.speaker, again.topic)
    return asked


def _phrasing_word(word: str, unheard_of: Callable[[str], bool]) -> str | None:
    """The one phrasing word a word no article uses is a slip of, else None."""
    bare = word.strip(_EDGES).lower()
    if len(bare) < 2 or not bare.isalpha() or bare in _SCAFFOLDING:
        return None
    # Two at most: a second near phrasing word makes the slip ambiguous. (This runs for every word of a
    # question with no speaker; rapidfuzz's batch look-up is twice as fast as a Python loop over the words.)
    near = process.extract(bare, _SCAFFOLDING, scorer=OSA.distance, score_cutoff=1, limit=2)
    return near[0][0] if len(near) == 1 and unheard_of(bare) else None
