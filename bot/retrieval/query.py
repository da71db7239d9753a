"""Question understanding: who is asked about (speaker), what about (topic), and the question's kind."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.retrieval.chat_text import normalise
from bot.retrieval.delivery import without_delivery
from bot.retrieval.fts import content_words
from bot.retrieval.periods import is_a_date
from bot.retrieval.question_patterns import (
    NAMED_GATHERING,
    NAMED_OCCASION,
    NEWS_ASKED,
    POLITE,
    SPEAKER_PATTERNS,
    TOPIC_PATTERNS,
    WHEN_SAID,
    WHO_IS,
    WHO_SPOKE,
)

SPEAKER_TOPIC = "speaker_topic"
SPEAKER_ONLY = "speaker_only"
TOPIC_ONLY = "topic_only"

# "Y, according to X" / "according to X, Y": the source named is the speaker, whatever Y's phrasing.
_ACCORDING_TO = (
    re.compile(r"^(?P<rest>.+?),? according to (?P<s>[^,;:]+)$", re.IGNORECASE),
    re.compile(r"^according to (?P<s>[^,;:]+), (?P<rest>.+)$", re.IGNORECASE),
    # "according to yeutter will shoppers notice the tariffs": the question goes on without a comma.
    re.compile(
        r"^according to (?P<s>[^,;:]+?) (?P<rest>(?:will|would|did|does|do|is|are|was|were|has|have|had|should"
        r"|can|could|how|why|what|when|where|who)\b.+)$",
        re.IGNORECASE,
    ),
)
# "how did X react to Y": X's words if X is a known person, else a topic, how a thing fared ("how did the
# New Zealand dollar react to the budget?" is about the dollar and the budget).
REACTION = re.compile(
    rf"^{POLITE}(?:what|how) (?:did|does|do|has|have) (?P<s>.+?) (?:react|respond|reply|answer)(?:ed)?"
    r"(?: to (?P<t>.+))?$",
    re.IGNORECASE,
)
ASKING_FOR_NEWS = re.compile(rf"^{NEWS_ASKED}$", re.IGNORECASE)  # news asked for, on no topic of its own
# "what did she say about it?": the topic the conversation was on ("about him": its person).
_BACK_REFERENCE = re.compile(  # "in response (to him)": answering the conversation's thing (or person)
    r"^(?:in (?:response|reply|answer) to )?(?:it|that|this|them|those|the same(?: thing| topic)?"
    r"|(?P<person>him|her|he|she))$|^(?:in (?:response|reply)|back)$",
    re.IGNORECASE,
)
# A pronoun standing for the conversation's person, as a subject ("was he critical of…") or an owner ("his
# comments on…"), and the made-up name read in its place.
_SPEAKER_PRONOUN = re.compile(r"\b(?:(?P<subject>he|she|they)|his|her|their)\b", re.IGNORECASE)
_PRONOUN_STAND_IN = "Zyxwv"
_WHO_SPOKE = re.compile(rf"^(?:and |so )?(?:{WHO_SPOKE}\b|who else\b)", re.IGNORECASE)  # "who else (was critical)?"
_COMPILED_TOPIC = tuple(re.compile(p, re.IGNORECASE) for p in TOPIC_PATTERNS)
# "who is to blame for…", "who was behind…", "who is involved in…": asking who did something, not who someone is.
_WHO_DOES = re.compile(
    r"^who(?:'s| is| was| are| were) (?:to|behind|responsible|accountable|involved|winning|losing|likely|expected"
    r"|accused|blamed|in|at|on|for|against)\b",
    re.IGNORECASE,
)
_PASSIVE = re.compile(
    r"^(?:what|who)(?:'s| is| was| are| were) (?:\w{3,}ed|said|done|made|found|told|given|taken|sold|bought|won"
    r"|lost|paid|held|shown|known|seen|written|chosen|struck|spent|built|left|meant|put|cut|set)\b",
    re.IGNORECASE,
)
_QUESTION_LEAD = re.compile(rf"^(?:(?:who|what)(?:'s| is| was| are| were) |{POLITE})", re.IGNORECASE)
_COMPILED_SPEAKER = tuple(re.compile(p, re.IGNORECASE) for p in SPEAKER_PATTERNS)
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_PRIME_MINISTER = re.compile(r"\bpm\b", re.IGNORECASE)
# "oil or gas", "either the dollar or the yen": a topic offering alternatives.
_OR = re.compile(r"\s+or\s+", re.IGNORECASE)
_EITHER = re.compile(r"^either\s+", re.IGNORECASE)
# Words that show a captured "speaker" is really grammar: "what do you think", "what else did he say".
_NOT_A_NAME = frozenset(
    "he she they it you i we me us him her them someone anyone anybody everyone people else do did does has have"
    " is are was were be been this that there here about regarding say says said saying told talking speaking".split()
)


@dataclass(frozen=True)
class Question:
    """A question's parts: the speaker and topic as the user typed them (either may be empty)."""

    text: str
    speaker: str = ""
    topic: str = ""
    # Whom "who else commented?" leaves out: the person the conversation asked about, or those quoted on the pages
    # shown of a question about no one ("who criticised the budget?").
    besides: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """speaker_topic, speaker_only or topic_only."""
        if self.speaker:
            return SPEAKER_TOPIC if self.topic else SPEAKER_ONLY
        return TOPIC_ONLY


def parse_question(text: str) -> Question:
    """Split a question into speaker and topic by its phrasing; unknown phrasings are topic-only."""
    # "and what did Khalafov say…" asks anew; "newest first", "how many times" and "10 quotes" say how to give the
    # answer, not what to find.
    clean = _LEADING_CONJUNCTION.sub("", without_delivery(normalise(text)))
    if len(parts := [part for part in _SENTENCE_END.split(clean) if normalise(part)]) > 1:
        # "is japan buying us supercomputers? what did tamura say", "i read about the dome. what was blair's view
        # of it?": the sentence naming a speaker, the rest its topic (what the others are about, for a pronoun).
        sentences = [parse_question(part) for part in parts]
        for sentence in sentences:
            if sentence.speaker:
                topic = sentence.topic
                if not topic or refers_back(topic):
                    topic = " ".join(s.topic for s in sentences if s is not sentence)
                return Question(text, sentence.speaker, tidy_topic(topic))
        # "who is imomi and what did he say about oil?": the one asked about speaks in the other sentence.
        if (who := [s for s in sentences if WHO_IS.match(s.text)]) and who[0].topic:
            for sentence in sentences:
                if asked := pronoun_reading(sentence.text):
                    return Question(text, who[0].topic, asked.topic)
        # "i heard about the dome. any news?": the news asked for is on what the other sentences are about.
        if (asks := [s for s in sentences if ASKING_FOR_NEWS.match(s.topic)]) and len(asks) < len(sentences):
            return Question(text, topic=tidy_topic(" ".join(s.topic for s in sentences if s not in asks)))
    for according in _ACCORDING_TO:
        if (match := according.match(clean)) and (speaker := tidy_speaker(match.group("s"))):
            rest = parse_question(match.group("rest"))  # "what did Blair say about Iraq, according to reports"
            return Question(text, rest.speaker or speaker, rest.topic)
    if asked := _topic_then_speaker(text, clean):
        return asked
    for pattern in _COMPILED_TOPIC:
        if match := pattern.match(clean):
            if (inner := parse_question(match.group("t"))).speaker:  # "summarise what blair said about iraq"
                return Question(text, inner.speaker, inner.topic)
            # "summarise what was said about the budget": the inner question's topic.
            return Question(text, topic=inner.topic or tidy_topic(match.group("t")))
    for pattern in _COMPILED_SPEAKER:
        if match := pattern.match(clean):
            speaker = tidy_speaker(match.group("s"))
            topic, occasion = match.group("t") or "", match.groupdict().get("o") or ""
            if speaker and is_a_date(speaker):  # "news from march 2005 about rates": when, not who
                return Question(text, topic=tidy_topic(f"{topic} from {speaker}"))
            if speaker and not _grammar_in(speaker):
                if NAMED_GATHERING.fullmatch(occasion) or (topic and NAMED_OCCASION.fullmatch(occasion)):
                    topic = f"{topic} {occasion}"  # "interest rates in his radio interview"
                return Question(text, speaker=speaker, topic=tidy_topic(topic))
    if match := REACTION.match(clean):
        return Question(text, topic=tidy_topic(f"{match.group('s')} {match.group('t') or ''}"))
    if _WHO_DOES.match(clean):  # "who is to blame for the crash?": a question of its own, not "to blame for…"
        return Question(text, topic=tidy_topic(clean))
    if _PASSIVE.match(clean):  # "what was agreed?", "who was elected?": a question of its own, not "agreed"
        return Question(text, topic=tidy_topic(clean))
    # "and about gas?" with no question before it, "can you tell me about the Dome": the topic is what follows.
    return Question(text, topic=tidy_topic(_QUESTION_LEAD.sub("", _LEADING_CONJUNCTION.sub("", clean))) or clean)


def questions_in(text: str) -> list[Question]:
    """A message's sentences that each ask for someone's words, when it has more than one sentence ("what did brown
    say about tax and what did howard say about tax?"); ``parse_question`` reads the message as the first."""
    parts = [part for part in _SENTENCE_END.split(_LEADING_CONJUNCTION.sub("", normalise(text))) if normalise(part)]
    return [asked for part in parts if (asked := parse_question(part)).speaker] if len(parts) > 1 else []


def _grammar_in(speaker: str) -> bool:
    """True when a captured speaker holds a pronoun or an auxiliary ("what else did he say"), not a name."""
    tokens = speaker.lower().split()
    return any(word in _NOT_A_NAME and not is_the_country(tokens, i) for i, word in enumerate(tokens))


def is_the_country(tokens: Sequence[str], i: int) -> bool:
    """Whether a lower-case token is the country "us": before another word ("the us trade representative"), as the
    pronoun never modifies a noun."""
    return tokens[i] == "us" and i < len(tokens) - 1


def _topic_then_speaker(text: str, clean: str) -> Question | None:
    """ "on oil, what did imomi say?", "oil: imomi's comments": a clause naming only a speaker, the other its topic;
    or a whole question after a preamble."""
    if len(_CLAUSE.findall(clean)) > _MOST_CLAUSE_BREAKS:
        return None  # a list, not a question's two clauses: each clause read as a question went a level deeper
    clauses = _CLAUSE.split(clean, maxsplit=1)
    if len(clauses) != 2:
        return None
    first, then = (parse_question(clause) for clause in clauses)
    for reading, other in ((first, clauses[1]), (then, clauses[0])):
        if reading.speaker and not reading.topic and (topic := tidy_topic(other)):
            return Question(text, reading.speaker, topic)
    # "for a briefing note: what did imomi say about oil?": the question after a preamble.
    return Question(text, then.speaker, then.topic) if then.speaker and then.topic else None


def pronoun_reading(text: str) -> Question | None:
    """A question whose speaker is a pronoun, read as if a name stood there; None when the pronoun is not its
    speaker."""
    stand_in = _PRONOUN_STAND_IN
    named = _SPEAKER_PRONOUN.sub(lambda m: stand_in if m["subject"] else f"{stand_in}'s", text, count=1)
    asked = parse_question(named)
    return asked if named != text and asked.speaker == stand_in else None


def asks_who_spoke(text: str) -> bool:
    """Whether a message asks who is quoted on its topic ("who commented on the dome?"), not only for news of it."""
    return _WHO_SPOKE.match(normalise(text)) is not None


def refers_back(topic: str) -> bool:
    """Whether a question's topic is the conversation's ("what did Brown say about it?")."""
    return _BACK_REFERENCE.match(topic) is not None


def refers_to_a_person(topic: str) -> bool:
    """Whether a topic referring back means the conversation's person ("what was said about him?")."""
    return (found := _BACK_REFERENCE.match(topic)) is not None and found["person"] is not None


def tidy_speaker(speaker: str) -> str:
    """A speaker as typed, without quotes or a leading article ("the Chancellor": "Chancellor")."""
    # "the pm": chats abbreviate the office articles spell out (and one story's "the PM said" made an entity "PM").
    return _PRIME_MINISTER.sub("prime minister", LEADING_ARTICLE.sub("", speaker.strip(" ,\"“”‘'")).strip())


# What leads into a topic: "anything about", "what about"; a question put to the speaker ("when asked about").
_TOPIC_LEAD = re.compile(
    r"^(?:(?:anything|something|much|a lot)? ?(?:about|on|regarding|re|that)|(?:what|how) about"
    r"|(?:(?:he|she|they) (?:was|were) )?(?:asked|questioned|pressed) (?:about|on|over|whether|if))\s+",
    re.IGNORECASE,
)
# "and khalafov?": a question that goes on from the last one; its topic starts after the conjunction.
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|so|also|or)\s+(?=\S)", re.IGNORECASE)
# Between a question's clauses: "on oil, what did imomi say?", "oil: imomi's comments", "oil - imomi?".
_MOST_CLAUSE_BREAKS = 3  # "on oil, in 1987, what did imomi say?"
# Where a message's sentences end: a question mark, or a full stop or "!" before more words (not "Mr. Blair",
# "U.S. officials": a title or a single letter before the stop).
_SENTENCE_END = re.compile(
    r"\?+\s*|(?<=\w\w)(?<!\bmr|\bms|\bdr|\bst|\bno)(?<!\bmrs|\bsen|\brep|\bgov)[.!]+\s+"
    # ... or "and" before a question of its own: "who is imomi and what did he say?", "… and wondered what …".
    r"|\s+and\s+(?:i\s+)?(?=(?:what|did|does|has|have|wondered|wonder)\b)",
    re.IGNORECASE,
)
_CLAUSE = re.compile(r"\s*[,:;]\s+|\s+[-–—]\s+")
# ... at a topic's end, only where that says nothing of the topic: "football on tv", "the g7 meeting" are topics.
_TRAILING_OCCASION = (
    r"publicly|in public|(?:in|during) (?:a|an|his|her|their|the|its) (?:interview|statement|speech|press conference"
    r"|news conference|briefing)|at (?:a|an|the) (?:press conference|news conference|briefing)|to (?:the )?"
    r"(?:reporters|journalists|press|media)"
)
_TRAILING_WHEN = re.compile(
    rf" (?:(?:from|in|during|over) )?(?:{WHEN_SAID}|this year)$| (?:{_TRAILING_OCCASION})$", re.IGNORECASE
)  # "the dome from this week"
_TRAILING_FILLER = re.compile(r" (?:at all|whatsoever)$", re.IGNORECASE)  # "did X mention Y at all"
_BRACKETED = re.compile(r"^\((?P<inside>[^()]+)\)$")  # a topic wholly in brackets
# "did X say anything": a question about all they said, no topic.
_NO_TOPIC = re.compile(r"^(?:anything|something|much|a lot)(?: at all| else)?$", re.IGNORECASE)


def tidy_topic(topic: str) -> str:
    """A topic as typed, without the words leading into it ("anything about") or saying when or where it was said
    ("in his interview"); "" when nothing is left but "anything"."""
    tidy = _TRAILING_FILLER.sub("", _TRAILING_WHEN.sub("", _TOPIC_LEAD.sub("", normalise(topic))))
    if bracketed := _BRACKETED.match(tidy):
        tidy = bracketed["inside"]  # "did he agree (the dollar)" when "agree" says he spoke: on the dollar
    return "" if _NO_TOPIC.match(tidy) else tidy


def topic_choices(topic: str) -> list[str]:
    """The alternatives a topic offers ("oil or gas", "either the dollar or the yen"), or none."""
    parts = _OR.split(_EITHER.sub("", topic))
    return [part.strip() for part in parts] if len(parts) > 1 and all(content_words(part) for part in parts) else []
