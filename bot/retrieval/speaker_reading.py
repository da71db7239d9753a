"""Who a question asks about: the speaker it names, else a known person its words open or end on.

"what did X say about Y" names X (read loosely: a misspelling, a role); "X on Y", "X's reaction to Y" and chat
shorthand name someone only when X is known; a question of no known phrasing may open on a name ("hewitt career
sexism", "did Yeutter blame…") or end on a surname ("tuition fees blair"). Crowds ("fans", "the papers") are no
one to name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.attribution.orgs import GROUP_WORDS
from bot.attribution.roles import NATIONALITIES
from bot.retrieval.person_readings import person_readings, subject_readings, surname_readings
from bot.retrieval.query import Question
from bot.retrieval.speakers import Speaker, SpeakerResolver, known_by_full_names
from bot.retrieval.topic_reading import TopicReader
from bot.retrieval.typed_names import reads_as_a_role
from bot.store.protocol import StoreProtocol

# Speakers that are crowds: the groups attribution never makes speakers, and the press and the public.
CROWDS = GROUP_WORDS | frozenset(
    "fans critics experts commentators pundits viewers readers listeners papers newspapers press media public people"
    " everyone everybody anyone anybody others".split()
)


class SpeakerReader:
    """Reads the person a question asks about against the people the store knows."""

    def __init__(self, store: StoreProtocol, speakers: SpeakerResolver, reader: TopicReader) -> None:
        self.store = store
        self.speakers = speakers
        self.reader = reader

    def speaker_of(self, parsed: Question) -> tuple[Speaker | None, Question, bool]:
        """The speaker asked about, the question as read, and whether the speaker was only guessed from the
        question's subject (a yes/no question, or one that starts with a name) or is a crowd ("fans"):
        then the question also stands as a topic."""
        if parsed.speaker:
            if a_crowd(parsed.speaker):
                # "what did fans say about the concert": whoever is recorded so, else what the stories say
                # of fans and the concert; never a near spelling of a name (Fang).
                return self.speakers.resolve(parsed.speaker, allow_fuzzy=False), parsed, True
            if not self.speakers.by_name(parsed.speaker) and (found := self._name_within(parsed)):
                return found[0], found[1], False
            # "quotes from the dome": a word the archive uses, typed with an article, is a thing, not a misspelt Doe.
            thing = " " not in parsed.speaker and typed_as_a_thing(parsed.text, parsed.speaker)
            fuzzy = not thing or self.reader.unheard_of(parsed.speaker)
            speaker = self.speakers.resolve(parsed.speaker, allow_fuzzy=fuzzy)
            return (None if speaker and self._respelt_a_word(parsed.speaker, speaker) else speaker), parsed, False
        readings = person_readings(parsed.text)  # "X on Y", "X's reaction to Y", read once for both below
        if found := self._person_reading(readings):
            return found[0], found[1], False
        if unknown := self._unknown_name_reading(readings):
            return None, unknown, False
        if found := self._subject_reading(parsed.text):
            return found[0], found[1], True
        return None, parsed, False

    def _respelt_a_word(self, typed: str, speaker: Speaker) -> bool:
        """Whether one typed word the archive writes as a name of its own was read as another's misspelt: "tesco" (a
        firm nobody is recorded speaking for) is not Christopher Tresco, while "sprinkle" may be Sprinkel; a first
        name read as whoever goes by it ("edward": Edward Leigh) is no misspelling."""
        word = typed.lower()
        if not speaker.fuzzy or any(word in name.lower().split() for name in speaker.names):
            return False
        return self.speakers.name_of_its_own(word)

    def _person_reading(self, readings: Sequence[Question]) -> tuple[Speaker, Question] | None:
        """ "Imomi on oil", "the union's reaction to the cuts": a speaker question only if it names a known person.

        A misspelling is forgiven in a full name ("lindsay davenprot"), and in one word no article uses ("wolfsen"
        for Wolfson); a word the archive knows is too often just a word near a name. A side naming full-named people
        exactly is the speaker ("oil - imomi?"), before one that only a bare word's entity goes by ("Oil") or that
        is read loosely ("price of crude": the Prices).
        """
        # "how did people react to the Dome?" asks no one in particular (an entity "Pakistan People" goes by "people").
        people = [reading for reading in readings if not a_crowd(reading.speaker)]
        # A side that is one word the archive writes in lower case comes last: "jobs - australia's treasurer?" is the
        # treasurer on jobs, not Steve Jobs on the treasurer (each side looked up in the archive once).
        common = {reading.speaker: self._a_common_word(reading.speaker) for reading in people}
        people.sort(key=lambda reading: common[reading.speaker])
        for reading in people:
            if (named := self.speakers.by_name(reading.speaker)) and not common[reading.speaker]:
                return self.speakers.resolve(reading.speaker) or named, reading
        for reading in people:
            if not reading.topic:
                # "the bank of finland governor quotes", "Rep. Pete Stark quotes": the words before "quotes" name
                # people as a whole, when read strictly (no misspelling; a role by its noun; full-named people, not
                # the Budget of "gordon brown budget") ...
                if whole := self.speakers.whole_full_names(reading.speaker):
                    return whole, reading
                # ... else they are search-box words: "blair iraq quotes" is Blair on Iraq, not a role "blair iraq".
                if within := self._subject_reading(reading.speaker):
                    return within[0], Question(reading.text, within[1].speaker, within[1].topic)
            fuzzy = len(reading.speaker.split()) > 1 or self.reader.unheard_of(reading.speaker)
            if speaker := self.speakers.resolve(reading.speaker, allow_fuzzy=fuzzy):
                return speaker, reading
        return None

    def _name_within(self, parsed: Question) -> tuple[Speaker, Question] | None:
        """ "Jack Cunningham on Lord Butler's comments": a phrasing took "Jack Cunningham on Lord Butler" for whose
        comments they are, a name no one goes by exactly; the known name it starts with, on the rest, is asked."""
        for reading in person_readings(parsed.text):
            if not parsed.speaker.lower().startswith(f"{reading.speaker.lower()} "):
                continue
            # A name as typed, that the archive writes as one: not "War" of War on Want.
            if not self.reader.written_as_a_name(reading.speaker.split()[-1]):
                continue
            if speaker := self.speakers.exact(reading.speaker):
                return self.speakers.resolve(reading.speaker) or speaker, reading
            # ... or a full name with its role or body: "former cabinet minister jack cunningham on …", read strictly.
            if whole := self.speakers.whole_full_names(reading.speaker):
                return whole, reading
        return None

    def _unknown_name_reading(self, readings: Sequence[Question]) -> Question | None:
        """ "nick clegg on tuition fees": a reading as someone's words on a topic whose speaker is a full name no one
        in the archive goes by (each word unheard of, or a recorded first name or surname in its place); asked as
        "what did nick clegg say about tuition fees" is, so the answer says plainly that nobody is known so rather
        than giving news on the fees."""
        for reading in readings:
            first, *rest = reading.speaker.lower().split()
            if (
                reading.topic
                and rest
                and self.speakers.may_be_given(first)
                and all(self.speakers.name_word(word, self.store.people_by_alias) for word in rest)
            ):
                return reading
        return None

    def _subject_reading(self, text: str) -> tuple[Speaker, Question] | None:
        """A question of no known phrasing read as about its subject, a name: "did Yeutter blame…" or "ross wilson
        harbour workers" as typed (a name or recorded role, not a role's head noun: "the director"), else misspelt
        in a word no article uses ("dustin hofman losing interest in acting"); then a surname of full-named people
        (not a firm's name: "apple lawsuit") that the archive writes as a name ("hewitt career sexism", looked up in
        that order as the second costs a search), or misspelt ("yeuter the budget deficit").
        """
        subjects = subject_readings(text)
        for reading in subjects:
            if (speaker := self.speakers.exact(reading.speaker)) and not self._a_common_word(reading.speaker):
                return speaker, reading
        for reading in subjects:
            if speaker := self.misspelt(reading.speaker):
                return speaker, reading
        for surname in surname_readings(text, self._may_be_given):
            speaker = self.speakers.by_name(surname.speaker)
            if speaker and self.reader.written_as_a_surname(surname.speaker):
                return speaker, surname
            if speaker := self.misspelt(surname.speaker):
                return speaker, surname
        return None

    def _a_common_word(self, typed: str) -> bool:
        """Whether a subject is one word the archive mostly writes in lower case and no role: "is sterling going to
        rise?" asks about the pound, not William Sterling."""
        return " " not in typed and not reads_as_a_role(typed) and self.reader.written_in_lower_case(typed)

    def _may_be_given(self, word: str) -> bool:
        """Whether a typed word may be a given name ("kirsten", of a misspelt full name), not a word the archive mostly
        writes in lower case that a body's name starts with ("oil", of the newsletter Oil World): "oil imomi" is
        Imomi on oil."""
        return self.speakers.may_be_given(word) and not self.reader.written_in_lower_case(word)

    def misspelt_full_name(self, parsed: Question) -> Question | None:
        """A topic of nothing found that misspells a known full name, as a question for that person: "kirsten
        dautenhahn?" is what Kerstin Dautenhahn said (a first name other articles use is no word unheard of)."""
        words = parsed.topic.split()
        if not 2 <= len(words) <= 3 or not all(word.isalpha() for word in words):
            return None
        speaker = self.speakers.resolve(parsed.topic)
        if speaker is None or not speaker.fuzzy or not known_by_full_names(speaker):
            return None
        return Question(parsed.text, speaker=parsed.topic)

    def misspelt(self, typed: str) -> Speaker | None:
        """The full-named people a typed name misspells in a word no article uses, if any."""
        if not any(map(self.reader.unheard_of, typed.split())):
            return None
        return self.speakers.misspelt_full_names(typed)


def a_crowd(speaker: str) -> bool:
    """Whether a speaker is a crowd ("fans", "the papers", "critics"), not someone who can be named."""
    return all(word in CROWDS for word in speaker.lower().split())


def a_people(speaker: str) -> bool:
    """Whether a speaker is a nation's people ("the chinese", "the americans"), which stories often write opening
    a sentence ("Chinese authorities closed…"), so as no name."""
    return all(word in NATIONALITIES or word.removesuffix("s") in NATIONALITIES for word in speaker.lower().split())


def typed_as_a_thing(question: str, speaker: str) -> bool:
    """Whether a speaker was typed with an article ("the report", "a survey"): a thing, unless someone is known so."""
    return re.search(rf"\b(?:the|a|an) {re.escape(speaker)}\b", question, re.IGNORECASE) is not None
