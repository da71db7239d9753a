"""A chat message as a question: what it wraps the question in dropped ("hey bot, …", "find me …", "… thanks!"),
chat's shorthand for phrasing words spelt out ("abt")."""

from __future__ import annotations

import re
import unicodedata

# What a chat message wraps a question in: a greeting, a plea, a correction or the bot's name before it ("hey bot,
# …", "@briefbot …", "ok so what did…", "please, …", "quick question: …", "no, i meant …"), thanks or a plea after
# it ("… please", "… thanks!"). A greeting word goes only before punctuation or a question's opening word: "right to
# buy" is a topic.
_CORRECTING = r"sorry|no|nope|oops|actually"  # words opening a correction of the last question
_GREETING = (
    r"(?:hey|hi|hello|hiya|yo|ok|okay|right|well|so|oh|um|er|thanks|thank you|thx|cheers|great|cool|nice|perfect"
    r"|interesting|got it|please|pls|plz|bot|briefbot|btw|by the way|also|q|(?:a |one )?(?:quick )?question"
    rf"|{_CORRECTING})"
)
# A correction of the last question, before the one meant: "sorry, i meant michael howard on immigration".
_CORRECTION = r"i mean(?:t)?(?:\s*[,:]\s*|\s+)"
_CORRECTED = re.compile(rf"^\W*(?:(?:{_CORRECTING})\W+)*{_CORRECTION}", re.IGNORECASE)
_CHAT_OPENING = re.compile(
    rf"^(?:@\w+[\s,:]*|{_CORRECTION}|(?:{_GREETING}(?: there| bot| briefbot)?(?:\s*[,!.:;]+\s*|\s+(?=(?:{_GREETING}"
    r"|i meant?|what|whats|did|does|do|has|have|had|is|was|are|were|any|anything|tell|give|show|can|could|who|how"
    r"|why|when|where|and|more|next)\b))))+",
    re.IGNORECASE,
)
# A request's verb before the question: "find me blair quotes about iraq", "gimme blair on iraq", "send me news on
# oil", "show blair on iraq" (not show business), "compare blair and brown on tax" (their words side by side, as the
# answer gives them).
_REQUEST = re.compile(
    r"^(?:(?:can|could|would) you (?:please )?)?(?:show me|find me|get me|give me|send me|gimme|fetch me|pull up"
    r"|look up|search for|look for|compare|(?:show|find|fetch|search)(?! business\b))\s+",
    re.IGNORECASE,
)
# Read from the end after its punctuation is stripped, word by word: a pattern free to start anywhere read a
# long run of punctuation once per character.
_CHAT_CLOSING = re.compile(
    r"[\s,.!?](?:please|pls|plz|thanks|thank you|thx|cheers|lol|haha|asap|can you help|could you help)$", re.IGNORECASE
)
_ENDS = " ,.!?"
_CHAT_WORDS = {
    "abt": "about",
    "bout": "about",
    "sez": "says",
    "sed": "said",
    "whats": "what's",
    "whos": "who's",
    "what'd": "what did",
    "what’d": "what did",
}
# "mourinho vs wenger", "brown vs. howard on tax": both, joined as the articles would join them.
_VERSUS = re.compile(r"\s+vs\.?\s+", re.IGNORECASE)
_CHAT_WORD = re.compile(rf"\b(?:{'|'.join(_CHAT_WORDS)})\b", re.IGNORECASE)
# Words that only stress a question's opening: "what exactly did X say", "what was it that X said".
_STRESSED_OPENING = re.compile(r"^what (?:exactly|precisely|was it that|is it that)\b", re.IGNORECASE)
_EMOJI_JOINERS = "\u200d\ufe0f"  # the zero-width joiner and variation selector composing emoji


def pictograph(char: str) -> bool:
    """Whether a character is an emoji or another pictograph (Unicode's "other symbols")."""
    return unicodedata.category(char) == "So"


def _plain(text: str) -> str:
    """A message without its emoji and other pictographs ("iraq 🇬🇧?"): they say nothing a story writes; and with its
    control characters (a NUL pasted in) as spaces."""
    return "".join(
        " " if unicodedata.category(c) == "Cc" else c for c in text if not pictograph(c) and c not in _EMOJI_JOINERS
    )


def normalise(text: str) -> str:
    """Collapse whitespace and strip what a chat message wraps a question in: surrounding punctuation, greetings
    and thanks; chat shorthand for phrasing words spelt out ("abt")."""
    words = _plain(text).split()
    text = " ".join(words)
    if len(words) > 1 and not any(c.islower() for c in text):
        text = text.lower()  # typed with caps lock on: its capitals say nothing of names or initials
    text = _REQUEST.sub("", _CHAT_OPENING.sub("", text)).rstrip(_ENDS)
    while closing := _CHAT_CLOSING.search(text):
        text = text[: closing.start()].rstrip(_ENDS)
    text = _VERSUS.sub(" and ", _CHAT_WORD.sub(lambda word: _CHAT_WORDS[word[0].lower()], text))
    text = _STRESSED_OPENING.sub(lambda opening: "what did" if "that" in opening[0].lower() else "what", text)
    return text.strip(" ?!.,;:\"'“”‘’").strip()


def corrects(text: str) -> bool:
    """Whether a message corrects the question before it ("sorry, i meant khalafov")."""
    return _CORRECTED.match(text) is not None
