"""Who said a quotation: "who said 'the future belongs to the brave'?" finds the paragraphs holding those words.

Read as a topic, the quoted words were a bag of words: Reagan's line came first, but after it Joe Cole's "brave
resistance" and a smoking ban's "future". The words together, in their order, are the quotation.
"""

from __future__ import annotations

import re

from bot.models import Answer
from bot.retrieval.chat_text import normalise
from bot.retrieval.fts import all_of, content_words, quote_term
from bot.retrieval.hits import hits_of
from bot.retrieval.query import asks_who_spoke
from bot.retrieval.ranked import Ranked
from bot.retrieval.terms import stems_of
from bot.retrieval.wording import together
from bot.store.protocol import StoreProtocol

COUNTED = 50  # paragraphs holding a quotation counted for the lead; more are "50 or more"
NEAREST = 3  # paragraphs offered when no paragraph holds a quotation as written
MIN_WORDS = 3  # fewer quoted words are a name or a term ("who said 'bubble'?"), asked as a topic
# Words in double quotes, or single ones opening after a space (not an apostrophe: "it's", "the 1970s' oil").
_QUOTED = re.compile(r"[\"“”](?P<double>[^\"“”]+)[\"“”]|(?:^|(?<=\s))['‘](?P<single>[^'‘’]+?)['’](?=[\s?!.,;:]|$)")
# What else a message looking a quotation up may say: "where is … from?", "find the quote …", "source of …".
_LOOKING_UP = re.compile(
    r"^(?:(?:the )?(?:where|which (?:story|article|report)s?|source|origin|find|search|look up|quote|quotation"
    r"|context)\b|$)",
    re.IGNORECASE,
)


def quotation(text: str) -> str | None:
    """The words a message asks the speaker or source of, when it quotes at least ``MIN_WORDS`` words and asks
    who said them ("who said “…”?", "where is '…' from?", or the quotation alone)."""
    found = _QUOTED.search(text)
    if found is None:
        return None
    quoted = " ".join((found["double"] or found["single"]).split()).strip(" .,;:!?…")
    if len(quoted.split()) < MIN_WORDS or not content_words(quoted):
        return None
    rest = normalise(f"{text[: found.start()]} {text[found.end() :]}")
    return quoted if asks_who_spoke(text) or _LOOKING_UP.match(rest) else None


def quotation_answer(store: StoreProtocol, text: str, limit: int, offset: int) -> Answer | None:
    """The paragraphs holding a quotation's words in their order, with who speaks in them; None when the message
    looks no quotation up.

    When none holds them so, the answer says that plainly and offers those holding every one of its words (not
    its stopwords), as a quotation misremembered may be: read as a topic, its words had been "quoted on" by
    unrelated voices.
    """
    quoted = quotation(text)
    if quoted is None:
        return None
    found = store.search(quote_term(quoted), limit=max(COUNTED, offset + limit + 1))
    if not found:
        words = content_words(quoted)  # one word alone ("something") is in too many paragraphs to offer
        near = store.search(all_of(words), limit=NEAREST) if len(words) > 1 else []
        offered = hits_of(store, [Ranked(row, (0.0,), frozenset()) for row in near], stems_of(quoted))
        nearest = " These use its words, though not as quoted:" if offered else ""
        return Answer(text, (), True, f"I found no paragraph with the words “{quoted}”.{nearest}", alternatives=offered)
    page = [Ranked(row, (1.0,), frozenset()) for row in found[offset : offset + limit]]
    hits = hits_of(store, page, stems_of(quoted))
    voices = list(dict.fromkeys(name for hit in hits for name in hit.speakers[:1]))
    count = f"{COUNTED} or more" if len(found) >= COUNTED else str(len(found))
    lead = f"“{quoted}” is in {count} paragraph{'' if len(found) == 1 else 's'}"
    said = f", quoting {together(voices)}" if voices else ""
    return Answer(text, hits, False, f"{lead}{said}:", has_more=len(found) > offset + limit)
