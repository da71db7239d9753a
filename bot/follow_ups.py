"""Reading a chat message against the conversation so far: "and about gas?" asks the same person on gas, "and
khalafov?" another person on the same topic, "what did jowell say?" after news on the dome her words on it."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.conversation import Context
from bot.retrieval import Retriever, content_words
from bot.retrieval.follow_up_phrasing import (
    anything_on,
    asks_for_a_summary,
    asks_for_everything,
    asks_for_others,
    asks_who_they_are,
    goes_on,
    names_no_one,
    order_asked,
    other_speaker,
    parse_follow_up,
)
from bot.retrieval.introductions import who_is_asked
from bot.retrieval.periods import is_a_date, period_in, without_periods
from bot.retrieval.person_readings import person_readings
from bot.retrieval.query import Question, asks_who_spoke, refers_back, refers_to_a_person
from bot.retrieval.question_patterns import WHO_IS, WHO_RUNS
from bot.retrieval.speaker_reading import a_crowd
from bot.retrieval.speakers import known_by_full_names
from bot.retrieval.terms import stems_of
from bot.retrieval.typed_names import listing, names_a_role, normalise_name, reads_as_a_role

# What refers to the thing a conversation is about: "its" ("and about its sale?", "who holds its shares?"; a topic
# opening "it's" means the same), and "it" or "them" among a topic's other words ("who owns it", "did they cut
# them"), or "there" ending it ("who makes the decisions there": in it). Not "there" opening a clause ("is
# there…"), nor an "it" that stands for nothing ("is it true…", "is it likely that…"; not "is it likely to be sold").
_REFERENCE = re.compile(
    r"^(?P<opening>it's|it’s)(?=\s)|\b(?P<its>its)\b"
    r"|\b(?P<it>it(?! (?:true|false|that|seems|appears)\b)(?! \w+ that\b)|them)\b(?!['’])|\b(?P<there>there)$",
    re.IGNORECASE,
)
_A_QUESTION = re.compile(  # a topic that is a whole question of no known phrasing ("did they cut them")
    r"^(?:who|what|when|where|why|how|which|did|does|do|has|have|had|is|are|was|were|will|would|can|could|should)\b",
    re.IGNORECASE,
)
_SUBJECT = re.compile(r"\b(?:he|she|they)\b", re.IGNORECASE)  # a pronoun that may stand for the person asked about
ELIDED_WORDS = 2  # a question of no more content words than this may leave the conversation's thing unsaid
NAMED_FEW = 3  # people words may name at once and still be someone asked for ("doug williams from bt")
# Content words a topic holds before an "it" or "its" for it to be a question of its own, whose "it" it names
# ("south korea doing to cut its trade surplus"), not a follow-up ("who holds its shares", "why did it go bust").
OWN_SUBJECT_WORDS = 3
_IT_TRUE_THAT = re.compile(r"^\W*(?:is|was|isn't|wasn't) it (?:true|false|right|correct|likely|possible) that\b", re.I)
# Words after which a name is a place or a thing's, not the person asked for ("meeting in baku").
_NOT_BEFORE_A_NAME = frozenset("in on at about for from with against of to by near over".split())
_ELIDED = re.compile(r" \((?P<thing>[^()]+)\)$")  # the thing a short question was asked of, in brackets
_POSSESSIVE = re.compile(r"['’]s$")  # "the dome's" put in for "its": the dome
_ITS = re.compile(r"\bits\b", re.IGNORECASE)
_NAMED = re.compile(r"\b[A-Z][\w'’-]*")  # a name typed in a topic, which an "its" after it may stand for


class FollowUps:
    """The questions a message asks in a conversation, each read with the retriever's speakers and phrasing."""

    def __init__(self, retriever: Retriever) -> None:
        self.retriever = retriever

    def readings(self, text: str, context: Context | None) -> list[Question]:
        """The questions a message may ask, in the order to try them: readings that take the speaker or the topic
        from the conversation, each kept only if it finds anything, then the one that always stands (itself a
        follow-up's reading: "and about gas?" asks the same person on gas, "and khalafov?" another on the same)."""
        readings = self._readings(text, context)
        if context is not None and period_in(text):
            # "what did he say in april?" after Poehl on the dollar in March 1987: on the dollar, in April.
            readings = [
                q if q.topic.lower() in text.lower() else replace(q, topic=without_periods(q.topic)) for q in readings
            ]
        if context is None:
            return readings
        if talked_of := _talked_of(context.question):
            # "who is he?" after Ferguson's words on the referee: "what did he say about it?" then is on the referee.
            readings = [replace(q, text=f"{q.text} ({talked_of})") if self._introduces(q) else q for q in readings]
        if not (thing := _what_it_is(context.question)) or self._a_body_spoke(context):
            return readings
        return [q if self._its_own_it(q) else replace(q, topic=_on_our_topic(q.topic, thing)) for q in readings]

    def _its_own_it(self, question: Question) -> bool:
        """Whether what refers back in a question stands for something it names itself: a body it asks ("has japan's
        farm ministry commented on reports it will discuss rice imports"), or what a topic of its own names before
        it ("what's south korea doing to cut its trade surplus", typed after news on the Dome)."""
        if not (reference := _REFERENCE.search(question.topic)):
            return False
        if question.speaker and not names_no_one(question.speaker) and not self._a_person(question.speaker):
            return True
        # Words of the question's own, not of an "is it true that" before them.
        before = content_words(_IT_TRUE_THAT.sub("", question.topic[: reference.start()]))
        # "is romania keeping its status": a name before an "its" owns it (not before an "it": "will blair visit it").
        named = reference["its"] and any(map(self.retriever.reader.written_as_a_name, before))
        return bool(named) or len(before) >= OWN_SUBJECT_WORDS

    def _introduces(self, question: Question) -> bool:
        """Whether a reading asks who someone known is ("who is Sir Alex Ferguson?"), which is no thing "it" is."""
        return (
            not question.speaker
            and WHO_IS.match(question.text) is not None
            and _ELIDED.search(question.text) is None
            and self._someone(question.topic)
        )

    def _readings(self, text: str, context: Context | None) -> list[Question]:
        """``readings`` as the message asks them, "its" and all."""
        if context is not None and (whom := _person_asked(context.question)) and asks_who_they_are(text, whom):
            return [Question(f"who is {whom}?", topic=whom)]  # "what is his role?": how stories introduce them
        if context is not None and (head := self._its_head(text, context)):
            return [head]
        if asks_for_a_summary(text):
            # "summarise", "what's the background?": the stories on the conversation's topic (with none: on what?)
            asked = context.question if context is not None else None
            return [Question(text, topic=(_what_it_is(asked) or asked.topic or asked.speaker) if asked else "")]
        if context is not None and (order := order_asked(text)) is not None:
            asked = context.question  # "anything newer?": its answer by date (read from the text as asked)
            return [replace(asked, text=f"{asked.text.rstrip(' ?.!')}, {order.value}")]
        if context is not None and (turned := self._turned_to(text, context)):
            return turned
        pronoun_only = names_no_one(text)  # "what did he say?": needs the conversation's person
        if pronoun_only and context is not None and (quoted := self._those_quoted(context)):
            # "who criticised the budget?", then "what did they say about tax?": those it quoted.
            context = replace(context, question=replace(context.question, speaker=quoted))
        if pronoun_only and not self._has_a_person(context):
            return [Question(text)]  # with no one to be "he": asks who is meant, and keeps the conversation
        follow_up = parse_follow_up(text)
        if follow_up is not None and follow_up.anyone and context is None:
            return [Question(text)]  # "who commented?" with no conversation: on what, it asks
        if follow_up is None or context is None:
            question = self.retriever.read(text)
            if context is not None and asks_who_spoke(text) and asks_for_others(text):
                question = replace(question, besides=self._quoted_so_far(context))  # "who else commented on debt?"
            if context is not None and refers_back(question.topic):
                # "what did Brown say about it?", "who commented on it?": the conversation's topic; "what was said
                # about him?": its person.
                asked = context.question
                person = refers_to_a_person(question.topic)
                about = (asked.speaker or asked.topic) if person else (_what_it_is(asked) or asked.topic)
                return [replace(question, topic=about or asked.speaker)]
            if context is not None and not question.speaker and (named := self._their_doing(text, context)):
                # "did they cut them?" after the Bundesbank's words on interest rates; "did he agree?" after Baker's
                # on the dollar: on the dollar first.
                elided = _its_thing_elided(question, context)
                on_it = self._their_doing(elided.topic, context) if elided else None
                return [*filter(None, [on_it]), named, question]
            if context is not None and context.question.speaker and not question.speaker and anything_on(text):
                return [replace(question, speaker=context.question.speaker), question]  # "anything on gas?"
            # A person, by full name: a body or a crowd ("the families") is asked on the topic, as a crowd is.
            on_its_topic = _on_its_topic(question, context, known=self._a_person(question.speaker))
            if on_its_topic is None:
                return [elided, question] if (elided := _its_thing_elided(question, context)) else [question]
            if them := self._named_in(on_its_topic.topic, question.speaker):
                return [replace(question, speaker=them)]  # "greenspan", then "what did alan say?": all he said
            return [on_its_topic, question]
        if not follow_up.same_topic and (on_it := self._someone_on(follow_up.topic)):
            return [replace(on_it, text=text)]  # "and stoltenberg on the dollar?": his words on it, not Poehl's
        asked = context.question
        topic = _carried(asked) if follow_up.same_topic else follow_up.topic
        if period_in(topic) and not content_words(without_periods(topic)):
            # "and in april?" after Baker's words on the dollar in March: on the dollar, in April (read from the text).
            topic = without_periods(asked.topic)
        question = Question(text, speaker="" if follow_up.anyone else asked.speaker, topic=topic)
        if follow_up.others:  # "who else commented?" after Howard's words: the others, then still not him
            question = replace(question, besides=self._quoted_so_far(context))
        # A pronoun found its person above; otherwise the conversation's topic may be someone ("imomi").
        someone = pronoun_only or self._someone(asked.topic)
        if follow_up.anyone or asked.speaker or not someone:
            return [question]
        # "who is hewitt?" or just "imomi", then "and on oil?": the person the conversation was about, on it; "what did
        # he say about it?" not on himself, but on what the conversation was about before he was asked about.
        theirs = _what_it_is(asked) if follow_up.same_topic else topic
        if theirs == asked.topic:
            theirs = ""  # "imomi", then "what did he say about it?": all he said
        return [replace(question, speaker=asked.topic, topic=theirs), question]

    def _its_head(self, text: str, context: Context) -> Question | None:
        """ "who runs it?", "who is its president?" after the Bank of Japan's words or news on OPEC: who holds that
        office there (the conversation's speaker, else its thing), when anyone is known to; else None."""
        runs, its = WHO_RUNS.match(text), _ITS.search(text)
        if runs and runs["body"].lower() in ("it", "them"):
            (start, end), owning = runs.span("body"), ""
        elif its and WHO_IS.match(text):
            (start, end), owning = its.span(), "'s"
        else:
            return None
        for owner in filter(None, (context.question.speaker, _what_it_is(context.question))):
            question = self.retriever.read(f"{text[:start]}{owner}{owning}{text[end:]}")
            if who_is_asked(self.retriever.speakers, question) is not None:
                return question
        return None

    def _quoted_so_far(self, context: Context) -> tuple[str, ...]:
        """Whom "who else?" leaves out: the person the conversation asked about, whose words were shown; else those
        quoted on the pages shown ("who criticised the budget?", then "who else?"), with any left out before."""
        asked = context.question
        if asked.speaker:
            return (asked.speaker,)
        return tuple(dict.fromkeys([*asked.besides, *self._quoted_on_pages_shown(context)]))

    def _quoted_on_pages_shown(self, context: Context) -> list[str]:
        """The people the pages shown of the conversation's question quote, in order."""
        shown = self.retriever.answer(context.question, limit=context.shown).hits if context.shown else ()
        return list(dict.fromkeys(name for hit in shown for name in hit.speakers))

    def _those_quoted(self, context: Context) -> str:
        """Those a question about no one asking who spoke quoted on the pages shown, as a list to ask them by
        ("Michael Howard, Alan Greenspan and Treasury"); else ""."""
        if context.question.speaker or not asks_who_spoke(context.question.text):
            return ""
        return listing(self._quoted_on_pages_shown(context))

    def _a_body_spoke(self, context: Context) -> bool:
        """Whether the conversation asked for a body's words ("the bundesbank"), which "it" may as well stand for."""
        return bool(context.question.speaker) and not self._a_person(context.question.speaker)

    def _a_person(self, typed: str) -> bool:
        """Whether a typed speaker is someone known by full name, not a body or a crowd."""
        return bool(typed) and self.retriever.speakers.by_name(typed) is not None

    def _their_doing(self, text: str, context: Context) -> Question | None:
        """A question whose subject is a pronoun in a phrasing read as no one's words ("did they cut them?", "will
        he resign?"), asked with the conversation's person in its place and its thing for "it" or "them", as the
        question naming them would be ("did bundesbank cut interest rates?"); None without such a person."""
        asked = context.question
        if not asked.speaker or not (subject := _SUBJECT.search(text)):
            return None
        before = content_words(text[: subject.start()])
        # "what share of voters say they don't trust politicians": the voters, not the person asked about.
        plural = subject[0].lower() == "they" and any(word.endswith("s") for word in before)
        if plural or len(before) >= OWN_SUBJECT_WORDS:
            return None
        named = f"{text[: subject.start()]}{asked.speaker}{text[subject.end() :]}"
        return self.retriever.read(_on_our_topic(named, thing) if (thing := _what_it_is(asked)) else named)

    def _someone_on(self, topic: str) -> Question | None:
        """A follow-up's topic that names a known person on something ("stoltenberg on the dollar") as their words
        on it; else None."""
        readings = person_readings(topic)
        return next((r for r in readings if r.topic and self.retriever.speakers.by_name(r.speaker)), None)

    def _named_in(self, topic: str, speaker: str) -> str:
        """Who of the people a speaker may be a topic names, as asked for: "greenspan", then "what did alan say?" asks
        all Alan Greenspan said, not his words about himself nor Sir Alan Budd's; else ""."""
        speakers = self.retriever.speakers
        named, asked = speakers.resolve(topic, allow_fuzzy=False, role_noun_needed=True), speakers.resolve(speaker)
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
            or self._full_name_with_a_slip(typed)
        )

    def _named_with_more(self, typed: str) -> bool:
        """Whether typed words of two or more name a few people in full, with a title before ("cardinal murphy
        o'connor") or their body after ("doug williams from bt"); not a phrase ending on a place someone is named
        after ("deputy ministers meeting in baku")."""
        words = normalise_name(typed).split()
        if len(words) < 2:
            return False
        found = self.retriever.speakers.resolve(typed, allow_fuzzy=False)
        if found is None or found.qualifiers or len(found.person_ids) > NAMED_FEW:
            return False
        for name in found.names:
            surname = normalise_name(name).split()[-1].split("-")  # "murphy-o'connor", typed "murphy o'connor"
            at = next((i for i in range(len(words)) if words[i : i + len(surname)] == surname), -1)
            if at < 0 or (at > 0 and words[at - 1] in _NOT_BEFORE_A_NAME):
                return False
        return True

    def _full_name_with_a_slip(self, typed: str) -> bool:
        """Whether typed words are a given name, then a surname a letter or two from a full-named person's ("tessa
        jowel": Tessa Jowell), though the slip is a word some article uses."""
        words = typed.split()
        if len(words) != 2 or not self.retriever.speakers.may_be_given(words[0]):
            return False
        found = self.retriever.speakers.resolve(typed, role_noun_needed=True)
        return found is not None and found.fuzzy and known_by_full_names(found)

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
        if len(words) > 1 and self.retriever.speakers.may_be_given(words[0]) and self.retriever.speakers.by_name(other):
            return False  # "mike short": the man of that full name
        return bool(words) and not reads_as_a_role(other) and self.retriever.reader.written_in_lower_case(words[-1])

    def _turned_to(self, text: str, context: Context) -> list[Question] | None:
        """The conversation's question put to someone else, when a follow-up names only a known person or a crowd
        (readings to try in order, as ``readings``)."""
        other = other_speaker(text)
        asked = context.question
        if not other or other.lower() == asked.speaker.lower():
            return None
        if a_crowd(other) and content_words(asked.topic):
            # "and the government?" after the unions' words on pensions: what the government said on them; after a
            # person's words, theirs on the government first.
            turned = Question(text, speaker=other, topic=_carried(asked))
            if not asked.speaker or a_crowd(asked.speaker):
                return [turned]
            return [replace(turned, speaker=asked.speaker, topic=other), turned]
        if not self._someone(other):
            # "and cardinal murphy o'connor?", "and doug williams from bt?" after Blair's words on Iraq: someone a title
            # or a body names, on Iraq, if they speak on it; else Blair on what was typed.
            if asked.speaker and content_words(asked.topic) and self._named_with_more(other):
                return [Question(text, speaker=other, topic=_carried(asked)), Question(text, asked.speaker, other)]
            return None
        news_of_them = Question(text, topic=other)
        if not asked.speaker and WHO_IS.match(asked.text):
            return [Question(f"who is {other}?", topic=other)]  # "who is he?", then "and the kuwaiti oil minister?"
        if not asked.speaker:
            if self._a_persons_name(asked.topic):
                return [news_of_them]  # "hewitt", then "what about federer?": news of him in turn
            # "any news on oil?", then "and imomi?": his words on oil if any, else news of him.
            return [Question(text, speaker=other, topic=_carried(asked)), news_of_them]
        turned = Question(text, speaker=other, topic=_carried(asked))
        on_it = Question(text, speaker=asked.speaker, topic=other)
        body = re.search(rf"\bthe {re.escape(other)}\b", text, re.IGNORECASE)
        if self._perhaps_a_topic(other) and not (body and self._named_so(other)):
            # "what did imomi say?", then "what about jobs?": his words on jobs if any, else Steve Jobs's.
            return [on_it, turned]
        if body and not reads_as_a_role(other):
            # A body named with an article: "what did yeutter say about rice?", then "and the EC?": the EC's words on
            # rice if any, else his on the EC; if neither, the EC's no-match, which the question most likely meant.
            return [turned, replace(on_it, topic=body.group()), turned]
        return [turned]

    def _named_so(self, typed: str) -> bool:
        """Whether the store records a speaker by exactly the typed words ("world bank": the World Bank), though
        the archive writes its last word in lower case."""
        found = self.retriever.speakers.exact(typed)
        return found is not None and typed.lower() in (name.lower() for name in found.names)

    def _a_persons_name(self, topic: str) -> bool:
        """Whether a topic is someone's name as the archive writes names ("hewitt"), not a phrase some entity goes
        by ("national insurance", "oil")."""
        words = topic.split()
        return bool(self.retriever.speakers.by_name(topic)) and self.retriever.reader.written_as_a_name(words[-1])


def _person_asked(asked: Question) -> str:
    """The person a conversation asked for the words of, or who they are ("who is michael howard?"); else ""."""
    return asked.speaker or (asked.topic if WHO_IS.match(asked.text) else "")


def _on_its_topic(question: Question, context: Context | None, *, known: bool) -> Question | None:
    """Someone's words asked for with no topic after a topic question ("any news on the dome?", then "what did
    jowell say?"), or after anyone's words when joined on ("and what did jowell say?") or asked of a crowd ("what
    did the families say?", not ``known`` as a person): their words on the conversation's topic, for callers to ask
    first and keep if anything is found. None otherwise, or when every word is asked for ("everything jowell said",
    "what else did she say")."""
    if context is None or not question.speaker or question.topic or not content_words(context.question.topic):
        return None
    on_their_own = not goes_on(question.text) and known
    if (context.question.speaker and on_their_own) or asks_for_everything(question.text):
        return None  # "what did Imomi say?" after Khalafov's words on the corridor: a question of its own
    return replace(question, topic=_carried(context.question))


def _on_our_topic(topic: str, thing: str) -> str:
    """A follow-up's topic with the conversation's thing put for what refers to it: "any news on yukos?", then "who
    owns it?" asks who owns Yukos, "and about its sale?" about Yukos's sale, "when is it?" when the Dome is."""
    if refers_back(topic) or topic == thing:
        return topic  # only "it", or the thing itself ("defra being slow to pay its bills"): read already

    def put(found: re.Match[str]) -> str:
        if found["its"] and _its_within(topic, found):
            return found[0]
        return thing if found["it"] else f"in {thing}" if found["there"] else f"{thing}'s"

    return _REFERENCE.sub(put, topic)


def _its_within(topic: str, its: re.Match[str]) -> bool:
    """Whether a topic's "its" stands for something the topic names before it: a name typed there ("Japan insisting
    on growing all its rice"), or any words before "its own" ("japan insisting on growing all its own rice"), which
    never reaches back across the conversation."""
    before, after = topic[: its.start()], topic[its.end() :].lstrip().lower()
    return _NAMED.search(before) is not None or (bool(before.strip()) and after.startswith("own "))


def _what_it_is(asked: Question) -> str:
    """What "it" stands for after a question: its topic, or only the words a follow-up put in for its own "it"
    ("who owns it?" after news on Yukos asked "who owns yukos": then "why did it go bust?" is about Yukos); "" when
    nothing can be told."""
    if elided := _ELIDED.search(asked.topic):
        return elided["thing"]  # "did the germans agree (the louvre accord)": the louvre accord, as it was given
    if WHO_IS.match(asked.text) and not _A_QUESTION.match(asked.topic):
        # "who is he?" names a person, never what "it" is: that stays what it was before, if anything.
        return before["thing"] if (before := _ELIDED.search(asked.text)) else ""
    typed = stems_of(asked.text)
    put_in = [_POSSESSIVE.sub("", word) for word in asked.topic.split() if not stems_of(word) <= typed]
    if put_in and put_in[0] == "in":
        put_in = put_in[1:]  # "who makes the decisions there?" put in "in opec"
    # "is it true that rosneft bought it?" put Yukos in twice. A question of no known phrasing is its own topic
    # ("did they cut them"), and a period only says when ("and in 1987?"): no thing in them for "it" to be.
    thing = " ".join(dict.fromkeys(put_in)) if put_in else "" if _A_QUESTION.match(asked.topic) else asked.topic
    undated = without_periods(thing)
    # Nor is a topic that still refers back itself ("its sale" after someone's words on no topic).
    return "" if is_a_date(undated) or not content_words(undated) or _REFERENCE.search(thing) else thing


def _talked_of(asked: Question) -> str:
    """What a conversation was about, for an introduction of someone in it to keep: its topic as a follow-up carries
    it on, or what an introduction before kept; never the person introduced."""
    return _what_it_is(asked) if WHO_IS.match(asked.text) and not _A_QUESTION.match(asked.topic) else _carried(asked)


def _carried(asked: Question) -> str:
    """The conversation's topic as a follow-up carries it on: a question of no known phrasing only by its thing
    ("which analysts (the housing market)", then "what did the halifax say?": on the housing market)."""
    return (_what_it_is(asked) or asked.topic) if _A_QUESTION.match(asked.topic) else asked.topic


def _its_thing_elided(question: Question, context: Context | None) -> Question | None:
    """A short question of no known phrasing, naming no one, after a topic ("how many people died?" after news on the
    tsunami, "was anyone hurt?"): asked of the conversation's thing first, as if its words were typed; else None."""
    topic = question.topic
    if context is None or question.speaker or not _A_QUESTION.match(topic) or _REFERENCE.search(topic):
        return None  # not "who makes it?", whose "it" is the thing
    asked, thing = content_words(topic), _what_it_is(context.question)
    if not thing or not asked or len(asked) > ELIDED_WORDS or set(asked) & set(content_words(thing)):
        return None
    return replace(question, topic=f"{topic} ({thing})")
