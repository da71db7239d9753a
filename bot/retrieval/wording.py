"""How an answer says what it understood: the lead above the quotes, and the sentence of a no-match."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from bot.admin_text import counted
from bot.attribution.lexicon import is_plural_role
from bot.models import Hit, Reading
from bot.retrieval.chat_text import normalise
from bot.retrieval.query import Question
from bot.retrieval.ranked import Ranked
from bot.retrieval.speaker_ranking import STORIES_RANKED
from bot.retrieval.speakers import NAMES_LISTED, Speaker
from bot.retrieval.topic_ranking import TOPIC_CANDIDATES
from bot.retrieval.typed_names import full_name, listing, names_a_role

# A topic that is a question's own words ("why did yukos go bust"): quoted as asked, not read as a noun phrase.
_WHERE = re.compile(r"(?:at|in|during|to)\s", re.IGNORECASE)  # a topic saying where or to whom it was said
_QUESTION_OPENING = re.compile(
    r"^(?:why|how|what|when|where|who|whom|whose|which|is|are|was|were|did|does|do|has|have|had|can|could|will"
    r"|would|should|shall|may|might)\b",
    re.IGNORECASE,
)
# A topic that is a statement ("who said the dollar was too high?", "did Lawson say rates would fall?") is
# quoted, as a question is: "Quoted on the dollar was too high" is no sentence.
_A_STATEMENT = re.compile(r"\b(?:is|are|was|were|would|should|could|must|had|has|have|did|does)\b", re.IGNORECASE)
VOICES_LISTED = 5  # the people quoted on a topic named in a "who commented on Y?" lead; the rest are counted
_BE, _GO = ("are", "is"), ("go", "goes")  # the verb after "others" and after "1 other"
_SPEAK = ("speaks", "speak")  # after one person or names joined by "/", and after "the 9 people recorded as …"
_DO_SUPPORT = frozenset("did does do will would can could".split())  # a yes/no question's opening before a verb
_ADVERBS = frozenset("ever really actually also not never even just already still".split())  # "did X ever…"
_DOUBLED = re.compile(r"(?:qu|[^aeiou]){1,2}[aeiou][^aeiouwxy]")  # "cut", "stop", "quit": cutting, quitting


def lead(
    parsed: Question,
    speaker: Speaker | None,
    *,
    mentioned: bool = False,
    unquoted: bool = False,
    named: bool = False,
    when: str = "",
    respelt: Mapping[str, str] | None = None,
    voices: Sequence[str] | None = None,
    namesakes: int = 0,
    besides: Sequence[str] = (),
) -> str:
    """The line above the quotes, saying how the question was understood (and, for a person's words, when
    paragraphs that only mention them follow, or are all there is, or the answer only names them on the topic;
    ``when``, the period asked about: " in 1987"; ``respelt``, topic words read as another spelling; ``voices``,
    who the answer quotes, most often first, when the question asked who spoke on its topic; ``namesakes``, the
    others a name asked for alone also means, whose words may follow; ``besides``, whom a topic's answer leaves
    out: "who else commented?" after their words)."""
    read = "".join(f" (I read “{typed}” as “{spelt}”.)" for typed, spelt in (respelt or {}).items())
    in_its_words = _in_its_words(parsed.topic)
    topic = f"“{parsed.topic}”" if in_its_words else parsed.topic
    but = f" besides {together(besides)}" if besides else ""
    if speaker is None and voices is not None:
        if not voices:
            return f"I found no one{but} quoted on {topic}{when}; what the articles say about it:{read}"
        return f"Quoted on {topic}{when}{but}: {_listed(voices)}. Their words first:{read}"
    if speaker is None:
        but = f", besides {words_of(besides)}" if besides else ""
        return f"What the articles say {'on' if in_its_words else 'about'} {topic}{when}{but}:{read}"
    who = _who(speaker)
    if parsed.topic and not named and _a_crowd(parsed.speaker) and len(speaker.names) <= NAMES_LISTED:
        # "what are analysts saying about the dollar?": analysts' words, whoever of them the page quotes.
        return f"What {parsed.speaker} said {_on(_as_done(parsed))}{when} (here {listing(speaker.names)}):{read}"
    guessed = (f" (I took “{speaker.typed}” to mean {who}.)" if speaker.fuzzy else "") + read
    others = f"{namesakes} other" if namesakes == 1 else f"{namesakes} others"
    if namesakes and names_a_role(speaker.typed):  # with a topic too: that a role is ambiguous is news
        guessed += f" ({others} {_BE[namesakes == 1]} recorded as “{speaker.typed}”: ask for one of them by name.)"
    elif namesakes and not parsed.topic:
        guessed += f" ({others} {_GO[namesakes == 1]} by “{speaker.typed}”: ask by full name for one of them.)"
    if parsed.topic and named:
        speak = _SPEAK[len(speaker.names) > NAMES_LISTED]
        doubt = f"I can't tell for certain that {who} {speak} {_on(_as_done(parsed))}{when}"
        return f"{doubt}, but this names them on it:{guessed}"
    if parsed.topic:  # a topic in the question's own words is quoted: "What Jan Egeland said on “how much aid…”"
        return f"What {who} said {_on(_as_done(parsed))}{when}:{guessed}"
    if unquoted:
        return f"I found no paragraph where {who} speaks{when}; what the stories say of them:{guessed}"
    if mentioned:
        return f"What {who} said{when}, then what the same stories say of them:{guessed}"
    return f"What {who} said{when}:{guessed}"


def _a_crowd(typed: str) -> bool:
    """Whether a typed speaker is a crowd, by its last word ("analysts", "japanese officials")."""
    return bool(typed) and is_plural_role(typed.split()[-1].lower())


def tally(ranked: list[Ranked], answers: Callable[[Ranked], bool], *, by_speaker: bool) -> str:
    """How many paragraphs and stories answer, as the lead's first sentence: "at least" so many when the ranking
    read no further (a topic's first candidates, a speaker's latest stories on it)."""
    answering = [r for r in ranked if answers(r)]
    stories = len({r.row.article_id for r in answering})
    found = f"{counted(len(answering), 'paragraph')} in {counted(stories, 'story', 'stories')}"
    if (stories if by_speaker else len(ranked)) >= (STORIES_RANKED if by_speaker else TOPIC_CANDIDATES):
        return f"At least {found} answer this."
    return f"{found} {'answers' if len(answering) == 1 else 'answer'} this."


def latest_voices_lead(voices: Sequence[str]) -> str:
    """The line above the latest stories' quotes, for "who is quoted in the latest news?"."""
    if not voices:
        return "No one is quoted in the latest stories; how they open:"
    return f"Quoted in the latest stories: {_listed(voices)}. A quote from each story:"


def introduction_lead(speaker: Speaker) -> str:
    """The line above the paragraphs introducing someone asked about ("who is steve jobs?")."""
    return f"How the articles introduce {_who(speaker)}:"


def as_on_page(speaker: Speaker | None, hits: Sequence[Hit], *, narrowed: bool) -> Speaker | None:
    """Of the people a name resolved to, those speaking on a page narrowed to a topic or a period: Patricia Hewitt's
    words on career sexism are hers, not "Patricia Hewitt / Lleyton Hewitt"'s, Gordon Brown's on the budget not "the
    19 people recorded as “brown”"'s, Lawson's in March 1987 Nigel's. (Otherwise, "what did Hewitt say?" names
    both: the next page may be the other's; a name
    or role too many share to list, "blair", "the chancellor", names those on the page, the lead counting the rest.)
    A role whose holders on the page are too many to list, or that none holds in full ("the tesco ceo"), stays
    counted whole: that it is ambiguous is news to the reader."""
    if speaker is None or speaker.qualifiers or (not narrowed and len(speaker.names) <= NAMES_LISTED):
        return speaker
    on_page = {name for hit in hits for name in hit.speakers}
    # A surname alone on the page is the one full name it was resolved beside ("Mr Greenspan told Congress": Alan
    # Greenspan's words), unless several are ("Hewitt" beside Patricia and Lleyton Hewitt stays as it is).
    for bare in [name for name in on_page.intersection(speaker.names) if not full_name(name)]:
        if len(full := [name for name in speaker.names if name.endswith(f" {bare}")]) == 1:
            on_page.add(full[0])
    names = tuple(name for name in speaker.names if name in on_page)
    if not names or (len(names) > NAMES_LISTED and names_a_role(speaker.typed)):
        return speaker
    return replace(speaker, names=names)


def together(names: Sequence[str]) -> str:
    """Names in a sentence: "A", "A and B", "A, B and C", and past three "A, B and 5 others"."""
    names = _named_once(names)
    return f"{names[0]}, {names[1]} and {len(names) - 2} others" if len(names) > 3 else listing(names)


def words_of(names: Sequence[str]) -> str:
    """Whose words, in a sentence: "A’s words", "the words of A and B"."""
    named = _named_once(names)
    return f"{named[0]}’s words" if len(named) == 1 else f"the words of {together(named)}"


def _listed(voices: Sequence[str]) -> str:
    """The first ``VOICES_LISTED`` people quoted, the rest counted: "A, B, C, D, E and 3 more"."""
    voices = _named_once(voices)
    more = f" and {len(voices) - VOICES_LISTED} more" if len(voices) > VOICES_LISTED else ""
    return ", ".join(voices[:VOICES_LISTED]) + more


def _named_once(names: Sequence[str]) -> list[str]:
    """Names to list, a surname alone left out beside the one full name listed that it stands for: "Nigel Lawson and
    Lawson" is one man the stories name both ways ("Hewitt" beside Patricia and Lleyton Hewitt stays)."""
    return [name for name in names if full_name(name) or sum(o.endswith(f" {name}") for o in names) != 1]


def _as_done(parsed: Question) -> str:
    """The topic of a yes/no question about its subject, as what they did: "did kennedy rule out a coalition with
    labour?" → "ruling out a coalition with labour" (led "What Charles Kennedy said about ruling out…", not "about
    rule out…"). Any other topic as it is."""
    words = normalise(parsed.text).lower().rstrip("?!. ").split()
    topic = parsed.topic.split()
    verb = next((i for i, word in enumerate(topic) if word.lower() not in _ADVERBS), len(topic))  # "ever rule out"
    asked_so = (
        len(words) > 2
        and words[0] in _DO_SUPPORT
        and " ".join(words[1:]) == f"{parsed.speaker} {parsed.topic}".lower()
        and verb < len(topic)
        and topic[verb].isalpha()
    )
    if not asked_so:
        return parsed.topic
    return " ".join([*topic[:verb], _ing_form(topic[verb].lower()), *topic[verb + 1 :]])


def _ing_form(verb: str) -> str:
    """A verb's -ing form: ruling, denying, seeing, cutting, blaming (a short verb ending in one vowel and one
    consonant doubles it; a longer one is taken as stressed first: "visiting")."""
    if verb.endswith("ie"):
        return f"{verb[:-2]}ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return f"{verb[:-1]}ing"
    if _DOUBLED.fullmatch(verb):
        return f"{verb}{verb[-1]}ing"
    return f"{verb}ing"


def _on(topic: str) -> str:
    """What someone said or spoke on, after the verb: "about oil", a topic saying where as it is ("at the g7",
    "in brussels about the rebate"), a question's or statement's own words quoted ("on “how much aid…”")."""
    if _in_its_words(topic):
        return f"on “{topic}”"
    return topic if _WHERE.match(topic) else f"about {topic}"


def _in_its_words(topic: str) -> bool:
    """Whether a topic is a question or a statement, quoted as the question put it."""
    return _QUESTION_OPENING.match(topic) is not None or _A_STATEMENT.search(topic) is not None


def _who(speaker: Speaker, many: str = "") -> str:
    """The people a speaker resolved to, by name, or counted when a role many hold named them ("the director":
    a lead of fifty names said nothing); said as nearest the role when none holds all its words ("the tesco ceo":
    chief executives, none of them recorded at Tesco)."""
    if len(speaker.names) <= NAMES_LISTED:
        # A story naming someone only by surname records them so: "Tony Blair / Blair" reads as two people. Only a
        # bare surname goes: "James Baker" stays beside the "Secertary James Baker" a misspelt title made. Nor are
        # two house styles' capitals two people ("Opec" and "OPEC", "Willy De Clercq" and "Willy de Clercq").
        shown: dict[str, str] = {}
        for n in speaker.names:
            if full_name(n) or not any(o.endswith(" " + n) for o in speaker.names):
                shown.setdefault(n.casefold(), f"the {n}" if n in speaker.with_the else n)
        return " / ".join(shown.values())
    recorded = "whose roles come nearest" if speaker.qualifiers else "recorded as"
    return f"{many}the {len(speaker.names)} people {recorded} “{speaker.typed}”"


def no_match_message(
    parsed: Question,
    speaker: Speaker | None,
    *,
    offered: bool = False,
    silent: bool = False,
    when: str = "",
    hint: str = "",
) -> str:
    """Why a question found nothing, then a ``hint`` ("Did you mean …?"), then what is offered or what to ask.

    :param offered: the nearest things the person said, or the nearest paragraphs on the topic, are shown below.
    :param silent: the person never speaks in the articles, which only mention them.
    """
    if speaker is None:
        found = f"I found nothing about “{parsed.topic}”{when} in the articles I have."
        then = "The nearest paragraphs are below; they may not answer your question." if offered else ""
    elif not parsed.topic:
        found, then = f"I know {_who(speaker)} from the articles, but found no paragraph where they speak{when}.", ""
    else:
        found = f"I found no paragraph where {_who(speaker, 'any of ')} speaks {_on(_as_done(parsed))}{when}"
        if silent:
            found, then = f"{found}: the articles only mention them.", ""
        elif offered:
            found, then = f"{found}.", "The nearest things they said are below; they may not answer your question."
        else:
            # One person is asked for by name; several, as the question put them ("the chancellor").
            asked = speaker.names[0] if len(speaker.names) == 1 else parsed.speaker
            found, then = f"{found}.", f"Ask “what did {asked} say?” to see everything they said."
    return " ".join(filter(None, [found, hint.strip(), then]))


def reading_of(asked: Question, parsed: Question, shown: Speaker | None, resolved: Speaker | None) -> Reading | None:
    """Whom and what an answered question was read as asking, when its text alone did not say: one person a name was
    read as ("edward": Edward Leigh), the one of several a name or role means whose words the page shows ("lawson"
    on sterling: Nigel Lawson, so "what else did he say?" asks him; "the chancellor" on tax: Gordon Brown, not
    whichever chancellor speaks most), or a speaker found in a question of no known phrasing ("hewitt career
    sexism"). Not a source known only as described ("one senior dealer" for "dealers"), nor one of a crowd asked
    for ("analysts" on gold: Richard Cohen): the next question asks dealers, or analysts, again."""
    crowd = _a_crowd(parsed.speaker)
    narrowed = resolved is not None and len(resolved.names) > 1 and not crowd
    if shown is not None and len(shown.names) == 1 and (shown.fuzzy or narrowed) and shown.names[0][:1].isupper():
        return Reading(shown.names[0], parsed.topic)
    if parsed.speaker and parsed.speaker != asked.speaker:
        return Reading(parsed.speaker, parsed.topic)
    return None


def namesakes_of(speaker: Speaker, shown: Speaker) -> int:
    """How many others a name or role means besides those shown, by full name: a surname a story recorded alone is
    likely one of those shown, and so is a name ending on one shown ("Secertary James Baker", a misspelt title).
    None for people asked about together ("blair and brown"), each of whom the page shows."""
    if len(speaker.parts) > 1:
        return 0
    shown_names = set(shown.names)  # a role thousands hold ("the tesco boss") is looked up name by name

    def among_shown(name: str) -> bool:
        words = name.split(" ")
        return any(" ".join(words[start:]) in shown_names for start in range(len(words)))

    return sum(full_name(n) and not among_shown(n) for n in speaker.names)
