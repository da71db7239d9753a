"""Reading a chat message against the conversation so far: "and about gas?" asks the same person on gas, "and
khalafov?" another person on the same topic, "what did jowell say?" after news on the dome her words on it."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.conversation import Context
from bot.retrieval import Retriever, content_words
from bot.retrieval.follow_up_phrasing import (
    anything_on,
    asks_for_everything,
    goes_on,
    names_no_one,
    other_speaker,
    parse_follow_up,
)
from bot.retrieval.query import Question, refers_back, refers_to_a_person
from bot.retrieval.question_patterns import WHO_IS
from bot.retrieval.typed_names import names_a_role, reads_as_a_role

_ITS = re.compile(r"^(?:its|it's|it’s)\s+", re.IGNORECASE)  # a topic starting "its": the conversation's topic's


class FollowUps:
    """The questions a message asks in a conversation, each read with the retriever's speakers and phrasing."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever

    def readings(self, text: str, context: Context | None) -> list[Question]:
        """The questions a message may ask, in the order to try them: readings that take the speaker or the topic
        from the conversation, each kept only if it finds anything, then the one that always stands (itself a
        follow-up's reading: "and about gas?" asks the same person on gas, "and khalafov?" another on the same)."""
        readings = self._readings(text, context)
        if context is None or not content_words(context.question.topic):
            return readings
        # "any news on the dome?", then "and about its sale?": "its" is the conversation's topic.
        ours = context.question.topic
        return [replace(q, topic=_ITS.sub(f"{ours}'s ", q.topic)) if _ITS.match(q.topic) else q for q in readings]

    def _readings(self, text: str, context: Context | None) -> list[Question]:
        """``readings`` as the message asks them, "its" and all."""
        if context is not None and (turned := self._turned_to(text, context)):
            return turned
        pronoun_only = names_no_one(text)  # "what did he say?": needs the conversation's person
        if pronoun_only and not self._has_a_person(context):
            return [Question(text)]  # with no one to be "he": asks who is meant, and keeps the conversation
        follow_up = parse_follow_up(text)
        if follow_up is not None and follow_up.anyone and context is None:
            return [Question(text)]  # "who commented?" with no conversation: on what, it asks
        if follow_up is None or context is None:
            question = self.retriever.read(text)
            if context is not None and refers_back(question.topic):
                # "what did Brown say about it?", "who commented on it?": the conversation's topic; "what was said
                # about him?": its person.
                asked = context.question
                about = (asked.speaker or asked.topic) if refers_to_a_person(question.topic) else asked.topic
                return [replace(question, topic=about or asked.speaker)]
            if context is not None and context.question.speaker and not question.speaker and anything_on(text):
                return [replace(question, speaker=context.question.speaker), question]  # "anything on gas?"
            on_its_topic = _on_its_topic(question, context)
            if on_its_topic is None:
                return [question]
            if them := self._named_in(on_its_topic.topic, question.speaker):
                return [replace(question, speaker=them)]  # "greenspan", then "what did alan say?": all he said
            return [on_its_topic, question]
        asked = context.question
        topic = asked.topic if follow_up.same_topic else follow_up.topic
        question = Question(text, speaker="" if follow_up.anyone else asked.speaker, topic=topic)
        if follow_up.others:  # "who else commented?" after Howard's words: the others, then still not him
            question = replace(question, besides=asked.speaker or asked.besides)
        # A pronoun found its person above; otherwise the conversation's topic may be someone ("imomi").
        someone = pronoun_only or self._someone(asked.topic)
        if follow_up.anyone or asked.speaker or not someone:
            return [question]
        # "who is hewitt?" or just "imomi", then "and on oil?": the person the conversation was about, on it.
        return [replace(question, speaker=asked.topic), question]

    def _named_in(self, topic: str, speaker: str) -> str:
        """Who of the people a speaker may be a topic names, as asked for: "greenspan", then "what did alan say?" asks
        all Alan Greenspan said, not his words about himself nor Sir Alan Budd's; else ""."""
        speakers = self.retriever.speakers
        named, asked = speakers.resolve(topic, allow_fuzzy=False), speakers.resolve(speaker)
        if named is None or asked is None:
            return ""
        # A given name is read as the Alans who go by it first ("Sir Alan"), then every other Alan.
        meant = set(asked.person_ids).union(*(reading.person_ids for reading in asked.alternatives))
        both = [name for person_id, name in zip(named.person_ids, named.names, strict=True) if person_id in meant]
        if len(both) == 1:
            return both[0]
        return speaker if both else ""  # "imomi and khalafov": both, as asked

    def same_person(self, typed: str, context: Context | None) -> bool:
        """Whether a typed name means someone the conversation's question asked about."""
        if context is None or not context.question.speaker:
            return False
        speakers = self.retriever.speakers
        named, asked = speakers.resolve(typed, allow_fuzzy=False), speakers.resolve(context.question.speaker)
        return bool(named and asked and set(named.person_ids) & set(asked.person_ids))

    def _has_a_person(self, context: Context | None) -> bool:
        """Whether a conversation has someone for a pronoun to stand for: its speaker, or its topic when anyone goes
        by it ("yeuter", then "what did they say about it?") or it asked who they are."""
        if context is None:
            return False
        asked = context.question
        # After "who is the michigan librarian?", "they" are who was asked about, whether anyone is recorded so or
        # not. Not a word's entity ("Oil said"): after "any news on oil?", "what did they say about prices?" names
        # no one.
        if asked.speaker or WHO_IS.match(asked.text):
            return True
        words = asked.topic.split()
        # ... or a word no article uses, a name misspelt ("yeuter").
        unheard = bool(words) and self.retriever.reader.unheard_of(words[-1])
        return (unheard or self._may_be_someone(asked.topic)) and bool(self.retriever.speakers.resolve(asked.topic))

    def _someone(self, typed: str) -> bool:
        """Whether the store knows someone by a typed name or role ("imomi", "the amnesty chief"), or by a full name
        it misspells in a word no article uses ("yeuter"). Words holding a role noun are a role only as a whole:
        "general motors" is a topic, not the people whose roles come nearest it."""
        speakers = self.retriever.speakers
        return bool(
            speakers.exact(typed)
            or (self._may_be_someone(typed) and speakers.resolve(typed, allow_fuzzy=False))
            or self.retriever.asked.misspelt(typed)
        )

    def _may_be_someone(self, typed: str) -> bool:
        """Whether typed words may be someone: a role as a whole ("the courts minister", "the head of the imf"), or
        words that may be a name, the last as the archive writes names ("robert anderson", "symantec's kevin
        hogan"); not a phrase ("a trade bridge with japan"), nor other words holding a role noun ("general
        motors")."""
        if reads_as_a_role(typed):
            return True
        words = typed.split()
        return (
            bool(words)
            and len(content_words(typed)) == len(words)
            and not names_a_role(typed)
            and self.retriever.reader.written_as_a_name(words[-1])
        )

    def _perhaps_a_topic(self, other: str) -> bool:
        """Whether someone a follow-up turns to may rather be its topic: no role as a whole ("judges running
        inquiries" is a topic, "the courts minister" someone), and a word the archive mostly writes in lower case
        ("jobs", not "khalafov", nor "lawson", whom Reuters names opening sentences)."""
        words = other.split()
        return bool(words) and not reads_as_a_role(other) and self.retriever.reader.written_in_lower_case(words[-1])

    def _turned_to(self, text: str, context: Context) -> list[Question] | None:
        """The conversation's question put to someone else, when a follow-up names only a known person (readings
        to try in order, as ``readings``)."""
        other = other_speaker(text)
        asked = context.question
        if not other or other.lower() == asked.speaker.lower() or not self._someone(other):
            return None
        news_of_them = Question(text, topic=other)
        if not asked.speaker:
            if self._a_persons_name(asked.topic):
                return [news_of_them]  # "hewitt", then "what about federer?": news of him in turn
            # "any news on oil?", then "and imomi?": his words on oil if any, else news of him.
            return [Question(text, speaker=other, topic=asked.topic), news_of_them]
        turned = Question(text, speaker=other, topic=asked.topic)
        on_it = Question(text, speaker=asked.speaker, topic=other)
        if self._perhaps_a_topic(other):
            # "what did imomi say?", then "what about jobs?": his words on jobs if any, else Steve Jobs's.
            return [on_it, turned]
        body = re.search(rf"\bthe {re.escape(other)}\b", text, re.IGNORECASE)
        if body and not reads_as_a_role(other):
            # A body named with an article: "what did yeutter say about rice?", then "and the EC?": the EC's words on
            # rice if any, else his on the EC; if neither, the EC's no-match, which the question most likely meant.
            return [turned, replace(on_it, topic=body.group()), turned]
        return [turned]

    def _a_persons_name(self, topic: str) -> bool:
        """Whether a topic is someone's name as the archive writes names ("hewitt"), not a phrase some entity goes
        by ("national insurance", "oil")."""
        words = topic.split()
        return bool(self.retriever.speakers.by_name(topic)) and self.retriever.reader.written_as_a_name(words[-1])


def _on_its_topic(question: Question, context: Context | None) -> Question | None:
    """Someone's words asked for with no topic after a topic question ("any news on the dome?", then "what did
    jowell say?"), or after anyone's words when joined on ("and what did jowell say?"): their words on the
    conversation's topic, for callers to ask first and keep if anything is found. None otherwise, or when every
    word is asked for ("everything jowell said", "what else did she say")."""
    if context is None or not question.speaker or question.topic or not content_words(context.question.topic):
        return None
    if (context.question.speaker and not goes_on(question.text)) or asks_for_everything(question.text):
        return None  # "what did Imomi say?" after Khalafov's words on the corridor: a question of its own
    return replace(question, topic=context.question.topic)
