"""Whether a question is written in another language than English, the language the bot reads questions in: a
question it cannot answer is then told so, rather than that nothing in the articles is about "¿qué dijo Blair
sobre Irak?".

Mostly letters of another script (Cyrillic, Arabic, Japanese…) say so at once. In the Latin script, the common
words of the languages news readers most often write (Spanish, French, German, Italian, Portuguese, Dutch, Turkish,
Azerbaijani) that English does not use do: two of them, more than English's own.
"""

from __future__ import annotations

import re
import unicodedata

_FOREIGN_WORDS = frozenset(
    # Spanish, French, German, Italian, Portuguese, Dutch, Turkish and Azerbaijani: "what", "said", "about", "the"...
    "qué que dijo dice sobre los las del por para con una cómo cuál quién noticias "
    "qu quoi dit sur les des du une est sont quelles nouvelles "
    "hat über gesagt der das dem und ist nicht sagte zum zur wie neues nachrichten "
    "cosa ha detto sul sulla della che gli notizie "
    "disse os não notícias "
    "wat zei het een nieuws "
    "ne dedi hakkında haber nə haqqında xəbər".split()
)
_ENGLISH_WORDS = frozenset("the what did does say said about who news any has have was were tell me on of and".split())
_WORD = re.compile(r"[^\W\d_]+")


def in_another_language(text: str) -> bool:
    """Whether a question looks written in a language other than English."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return False
    latin = sum("LATIN" in unicodedata.name(char, "") for char in letters)
    if 2 * latin < len(letters):
        return True
    words = _WORD.findall(text.lower())
    foreign = sum(word in _FOREIGN_WORDS for word in words)
    return foreign >= 2 and foreign > sum(word in _ENGLISH_WORDS for word in words)
