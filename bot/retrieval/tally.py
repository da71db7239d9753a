"""How often something was said, asked: "how many times has Blair mentioned Iraq?", "how often did Greenspan talk
about the deficit?", "how many stories quote Baker?". The question is the one without the asking for a count ("has
Blair mentioned Iraq?"); its answer says how many paragraphs and stories answer it (``wording.tally``), then shows
them.
"""

from __future__ import annotations

import re

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
