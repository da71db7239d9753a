"""A question's other readings as someone's words, for callers to accept only for a person the archive knows: "X on
Y" and "X's reaction to Y" (``person_readings``), a question's subject ("did Yeutter blame the sanctions…",
``subject_readings``), and a name typed as into a search box ("hewitt career sexism", ``surname_readings``)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.attribution.lexicon import SPEECH_VERB_WORDS
from bot.retrieval.chat_text import normalise
from bot.retrieval.fts import content_words, words
from bot.retrieval.query import (
    ASKING_FOR_NEWS,
    LEADING_ARTICLE,
    REACTION,
    Question,
    is_the_country,
    parse_question,
    tidy_speaker,
    tidy_topic,
)
from bot.retrieval.question_patterns import ABOUT, ON_THE_SUBJECT, POLITE, QUOTES_ASKED, WHAT_IS
from bot.retrieval.relatives import relation_named
from bot.retrieval.role_holders import last_role_noun
from bot.retrieval.typed_names import JOINS

# Between a speaker and a topic in chat shorthand ("hewitt: sexism", "straw - the ruling", "roche, migration watch").
_SHORTHAND = r"(?:\s*[,;:]|\s+[-–—])\s+"
_QUESTION_WORD = r"(?:what|how|why|who|when|where|which|did|does|do|is|are|was|were|has|have|had|can|could|will)\b"
_OPENS_A_QUESTION = re.compile(_QUESTION_WORD, re.IGNORECASE)
# "X's reaction to Y" and "X on Y" read as speaker questions only when X turns out to be a known person
# (callers check that): "the government's plan for schools" is a topic.
_PERSON_PATTERNS = (
    re.compile(
        rf"^(?:{WHAT_IS} )?(?P<s>[^,;:]+?)['’]s? (?:problems?|objections?|concerns?|criticisms?|complaints?"
        r"|reactions?|responses?|answers?|verdict|message|warnings?|advice|arguments?|case|explanation"
        r"|predictions?|forecasts?|plans?|promises?|pledges?|proposals?|claims?|assessment|account|version|ideas?"
        r"|suggestions?|hopes?|fears?|doubts?|worries|demands?|calls?|defen[cs]e|justification|reasons?|excuses?)"
        rf" (?:{ABOUT}|with|to|for|against|towards) (?P<t>.+)$",
        re.IGNORECASE,
    ),
    # ... and typed without the possessive: "mourinho thoughts on chelsea", "blair reaction to the ruling", "chase
    # manhattan's analyst comments on the strike" (a body's person).
    re.compile(
        r"^(?P<s>[^,;:'’]+?(?:['’]s [^,;:'’]+?)?)"
        r" (?:thoughts|views|comments|remarks|opinions?|take|stance|position|reactions?|responses?)"
        rf" (?:{ABOUT}|to) (?P<t>.+)$",
        re.IGNORECASE,
    ),
    # Chat shorthand: "hewitt: career sexism", "straw - the law lords ruling", "roche, migration watch".
    re.compile(rf"^(?P<s>[^,;:]+?){_SHORTHAND}(?P<t>.+)$", re.IGNORECASE),
    # "imomi talking about oil", "blair's quotes on iraq", "imomi weighs in on oil"
    re.compile(
        r"^(?P<s>[^,;:]+?)(?:['’]s)? (?:talking|speaking|commenting|writing|quoted|quotes?|interviewed"
        r"|(?:weighs|weighed|weighing|speaks|spoke|speaking) (?:in|out))"
        r" (?:about|on) (?P<t>.+)$",
        re.IGNORECASE,
    ),
    re.compile(r"^(?P<s>[^,;:]+?)(?:['’]s)? (?:quotes|statements?|comments|remarks|says)(?P<t>)$", re.I),  # all
    re.compile(rf"^(?P<s>[^,;:]+?) (?:{ON_THE_SUBJECT}|on|about|re) (?P<t>.+)$", re.IGNORECASE),
    REACTION,
    re.compile(r"^(?P<s>[^,;:]+?) (?:discussing|discusses|discussed) (?P<t>.+)$", re.IGNORECASE),
    # "blair's iraq comments", "imomi says oil", "oil comments by imomi"
    re.compile(r"^(?P<s>[^,;:]+?)['’]s (?P<t>.+?) (?:comments|remarks|views|quotes|statements?|words)$", re.IGNORECASE),
    # (not "the report says oil prices will rise": a sentence, not a question)
    re.compile(r"^(?!(?:the|a|an) )(?P<s>[^,;:]+?) (?:says|said|talks|talked) (?:about |on )?(?P<t>.+)$", re.I),
    re.compile(
        r"^(?P<t>[^,;:]+?) (?:comments|remarks|views|quotes|statements?|words) (?:from|by) (?P<s>[^,;:]+)$",
        re.IGNORECASE,
    ),
    # ... and the other way round, last: "career sexism - hewitt?" (not a question's own clause, "how did…, x").
    re.compile(rf"^(?!{_QUESTION_WORD})(?P<t>[^,;:]+?){_SHORTHAND}(?P<s>[^,;:]+)$", re.IGNORECASE),
)
# A yes/no question's subject: "did Yeutter blame the sanctions…", "was Imelda Staunton nervous about…".
# Not a why-question's: "why did Unocal drop the plant" is answered by the story's lead, not by Unocal's words.
_YES_NO = re.compile(r"^(?:did|does|do|has|have|had|is|are|was|were|will|would|can|could|should) (?P<rest>.+)$", re.I)
_LONGEST_NAME = 6  # words
# The auxiliary a passive takes after a yes/no opening other than "is"/"was" ("has he been charged?", "will he be…").
_PASSIVE_AUXILIARY = dict.fromkeys(("has", "have", "had"), "been") | dict.fromkeys(
    ("will", "would", "can", "could", "should"), "be"
)
# "can you tell me about", "who is": words around a topic asked as a question of its own, or around a person's
# words ("give me imomi on oil"); "what is" only around a topic ("what was X on Y" is not X's words on Y).
_POLITE_LEAD = re.compile(rf"^(?:who(?:'s| is| was| are| were) |{POLITE})", re.IGNORECASE)
# "quote blair", "quotes from imomi", "quotes blair iraq": a person's words, whatever the words after the name say.
_QUOTES_OF = re.compile(rf"^(?:{QUOTES_ASKED})(?!{ABOUT} )(?P<s>[^,;:]+)$", re.IGNORECASE)
_NAME_JOINERS = frozenset({"of", "for", "and", "the"})  # "the Muslim Council of Britain"


def person_readings(text: str) -> list[Question]:
    """Readings as "X's reaction to Y" or "X on Y", for callers to take the first that names a known person."""
    clean = _POLITE_LEAD.sub("", normalise(text))  # "give me imomi on oil"
    readings = [
        _whose_office(
            Question(text, speaker=tidy_speaker(match.group("s")), topic=tidy_topic(match.group("t") or "")), clean
        )
        for pattern in _PERSON_PATTERNS
        if (match := pattern.match(clean))
    ]
    if not readings and (asked := _QUOTES_OF.match(normalise(text))):
        readings = [Question(text, speaker=tidy_speaker(asked.group("s")))]
    # "the asian dollar market - any news?" asks for news on it, not the market's words on "any news".
    return [
        reading
        for reading in readings
        if _could_be_a_name(reading.speaker) and not ASKING_FOR_NEWS.match(reading.topic)
    ]


def _whose_office(reading: Question, clean: str) -> Question:
    """ "air deccan's boss quotes", "michael jackson's mum comments": a role or relation typed after a possessive is
    whom the question asks about, not what the owner spoke about (``clean``: the question as its readings read it)."""
    words = reading.topic.lower().split()
    owned = f"{reading.speaker}'s {reading.topic}"
    if not words or owned.lower() not in clean.lower():
        return reading
    if last_role_noun(words) == len(words) - 1 or relation_named(words[-1]):
        return Question(reading.text, speaker=owned)
    return reading


def subject_readings(text: str) -> list[Question]:
    """A question read as about its subject, longest name first, for callers to accept if it is a name.

    "did Yeutter blame the sanctions for the slide" → Yeutter on "blame the sanctions for the slide"; so a
    question of no known phrasing that starts with a full name ("ross wilson harbour workers", or just
    "joaquim sahundi"). A subject with an article ("have the troops left…") is a thing, unless a name
    itself has the article ("has the game apologised…" for the rapper The Game): its readings keep it, for
    callers that accept only a name known exactly as typed.
    """
    if (found := _subject_words(text)) is None:
        return []
    tokens, yes_no = found
    # Without a yes/no opening only a full name counts here (a surname alone is ``surname_readings``').
    shortest = 1 if yes_no else 2
    readings = [
        Question(text, speaker=" ".join(tokens[:end]), topic=" ".join(tokens[end:]))
        for end in range(min(_LONGEST_NAME, len(tokens)), shortest - 1, -1)
    ]
    opening = normalise(text).split()[0].lower() if yes_no else ""
    if any(_done_to(opening, reading.topic) for reading in readings):
        return []  # the subject is done to, whichever words name it ("will andy robinson be punished…" of "andy")
    return [reading for reading in readings if _could_be_a_name(reading.speaker) and not _cut_at_a_join(reading)]


def _done_to(opening: str, rest: str) -> bool:
    """Whether a yes/no question's subject is what is done to, not who speaks: "was wenger fined?", "has he been
    charged?", "will robinson be punished?", "is he being investigated?" (a passive of a verb that is no way of
    speaking; "was blair asked about iraq?" is his answer)."""
    words = rest.split()
    if opening in ("is", "are", "was", "were"):
        words = words[1:] if words[:1] == ["being"] else words
    elif words[:1] == [_PASSIVE_AUXILIARY.get(opening)]:
        words = words[1:]
    else:
        return False
    return bool(words) and words[0].endswith(("ed", "en")) and words[0] not in SPEECH_VERB_WORDS


def surname_readings(text: str, given: Callable[[str], bool]) -> list[Question]:
    """A question of no known phrasing read as its first word's words ("hewitt career sexism": Hewitt on career
    sexism), then as its last word's, typed as into a search box ("tuition fees blair"), for callers to accept
    only for a word the archive writes as a name and knows as a person's surname: "apple lawsuit" is news about
    Apple, and a word read as a name even so ("rice imports") stands as a topic when that person never speaks on
    the rest. A yes/no question's subject is one of ``subject_readings``.

    :param given: whether a word may be a given name: two words ending on a surname are then a full name.
    """
    found = _subject_words(text)
    # Not a question in its own words: "why did mira nair cast reese witherspoon?" is not Witherspoon's words.
    if found is None or found[1] or len(found[0]) < 2 or _OPENS_A_QUESTION.match(found[0][0]):
        return []
    words = [word for word in found[0] if any(c.isalnum() for c in word)]  # not the "+" of "fees + blair"
    if len(words) < 2:
        return []
    first = Question(text, speaker=words[0], topic=" ".join(words[1:]))
    # Two words ending on a surname are as often a full name ("kirsten dautenhahn?", misspelt), unless the first
    # can be no given name ("tax brown").
    full_name = len(words) == 2 and given(words[0])
    last = first if full_name else Question(text, speaker=words[-1], topic=" ".join(words[:-1]))
    return [
        reading
        for reading in dict.fromkeys((first, last))
        if _could_be_a_name(reading.speaker) and not _cut_at_a_join(reading)
    ]


def _cut_at_a_join(reading: Question) -> bool:
    """Whether a reading cuts a list of names at its "and" ("mourinho and wenger" is not Mourinho on "and wenger")."""
    topic = reading.topic.split()
    return bool(topic) and (topic[0] in JOINS or topic[-1] in JOINS)


def _subject_words(text: str) -> tuple[list[str], bool] | None:
    """The words a question's subject opens, after a yes/no opening ("did Yeutter blame…"), and whether it had
    one; None for a known phrasing ("any news on…" has said what it asks) or, with no such opening, for words
    opening with an article ("the troops left"): a thing."""
    clean = normalise(text)
    match = _YES_NO.match(clean)
    if not match and parse_question(clean).topic != clean:
        return None
    rest = match.group("rest") if match else clean
    if LEADING_ARTICLE.match(rest) and not match:
        return None
    return rest.split(), match is not None


def _could_be_a_name(speaker: str) -> bool:
    """Only a name can stand as the speaker: "Blair", "the Bank of England", not "what was said about Iraq"."""
    # Counted as the tokenizer counts them: "wal-mart" is two words, both a name's; the country "us" is a stopword.
    tokens = words(speaker)
    named = [word for i, word in enumerate(tokens) if word not in _NAME_JOINERS and not is_the_country(tokens, i)]
    return 0 < len(speaker.split()) <= _LONGEST_NAME and len(content_words(speaker)) == len(named)
