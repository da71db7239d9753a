"""Follow-ups: a chat message that leans on the conversation before it ("and about gas?", "what else did he
say?", "and khalafov?", "who else commented?"), read by its phrasing alone; which person or topic it goes on from
is the conversation's business (``bot.follow_ups``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.retrieval.chat_text import corrects, normalise
from bot.retrieval.order import Order, order_in
from bot.retrieval.query import parse_question, pronoun_reading, refers_back, tidy_speaker, tidy_topic
from bot.retrieval.question_patterns import ABOUT, WHO_SPOKE, WORDS_ON

# "and about gas?", "what about the dollar?": the same person, or the same news, on another topic.
_FOLLOW_UP_TOPIC = re.compile(
    r"^(?:and|but|what|how|ok|okay|also)?,? ?(?:what |how )?(?:about|on|regarding) (?P<t>.+)$", re.IGNORECASE
)
# "and khalafov?", "same question for the chancellor", "compare that with howard": another person on the same topic.
_FOLLOW_UP_OTHER = re.compile(
    r"^(?:(?:and |but )?(?:what|how) about|and|(?:and )?(?:the )?same(?: question| thing)? (?:for|with)"
    # (normalising drops the request "compare": "compare that with howard" is read as "that with howard", and
    # "compare with howard" as "with howard")
    r"|(?:and )?(?:(?:compare )?(?:that|this|it|them|those) |how (?:does|do) (?:that|this|it|they) compare )"
    r"(?:with|to|against)|(?:and )?(?:compared? )?(?:with|against)|compared to|(?:and )?(?:vs\.?|versus))"
    r"\s+(?!(?:about|on|regarding|re)\b)(?P<s>[^,;:]+)$",  # not "and about gas?": a topic
    re.IGNORECASE,
)
# "anything newer?", "older ones?": the conversation's question, by date; "sort them by date", "newest first": so.
_NEWER, _OLDER = r"newer|more recent|later|fresher", r"older|earlier"
_DATED = re.compile(
    r"^(?:and |but |ok |so )?(?:(?:is there|are there|got|show me|give me) )?(?:(?:anything|any|something) )?"
    rf"(?:even )?(?P<which>{_NEWER}|{_OLDER})(?: ones| quotes| stories| news| comments| articles| reports)?"
    r"(?: than (?:that|these|those|this|them))?$",
    re.IGNORECASE,
)
# "and before that?", "what did he say after that?": the conversation's answer from its oldest, or its newest.
_BEFORE_OR_AFTER = re.compile(
    r"^(?:and |but |so |ok )?(?:(?:what (?:did|had|has) (?:he|she|they|it) (?:say|said)|what (?:was|had been) said"
    r"|what came|anything(?: said)?) )?(?:(?P<before>before|earlier than|prior to)|after|since|later than)"
    r" (?:that|this|then|those|these)$",
    re.IGNORECASE,
)
# "what's the most recent?", "the oldest ones?": the conversation's answer by date (not "what's the latest?", which
# may ask for the news).
_AT_ONE_END = re.compile(
    r"^(?:and |so |ok )?(?:what(?:'s| is| are| was| were) )?(?:the |his |her |their |its )?(?P<which>most recent"
    r"|newest|oldest|earliest)(?: ones?| quotes?| comments?| remarks?| words| stories)?$",
    re.IGNORECASE,
)
_SORTED = re.compile(
    r"^(?:please |can you |could you )*(?:(?:sort|order|put|show|list|give me) )?(?:(?:them|these|those|it|that"
    r"|the (?:answers|quotes|stories|results)) )?(?:to me )?(?:by date|(?:the )?(?:newest|latest|most recent|oldest"
    r"|earliest|newer|older)(?: ones?)? first|(?:in )?(?:reverse )?(?:date|chronological) order|chronologically)$",
    re.IGNORECASE,
)
# "what is his role?", "what does she do?", "which party does he lead?": who the conversation's person is.
_THEIR_STANDING = re.compile(
    r"^(?:and |so )?(?:what(?:'s| is| was| are| were) (?:his|her|their) (?:role|job|title|position|post|office"
    r"|party|team|club|company|firm|background|nationality|full name)|what (?:does|did) (?:he|she|they) do"
    r"(?: for a living)?|(?:which|what) (?:party|team|club|side|company|firm|country|department|ministry"
    r"|organi[sz]ation|union|bank|body|government|paper|newspaper|band|group) (?:does|did|is|was|are|were)"
    r" (?:he|she|they) (?:lead|run|head|work for|play for|manage|represent|belong to|chair|coach|own|from|in"
    r"|with|at))$",
    re.IGNORECASE,
)
# "which kennedy?", "which one do you mean?", "what kennedy is that?": which person a name was read as.
_WHICH_ONE = re.compile(
    r"^(?:and |so |sorry,? )?(?:which|what) (?P<who>[\w'’. -]+?)(?: (?:do|did) you mean| (?:is|was) (?:that|it|this"
    r"|he|she))?$",
    re.IGNORECASE,
)
# "what about khalafov's comments?": the person whose words they are.
_WORDS_OF = re.compile(
    r"^(?P<s>.+?)['’]s? (?:comments?|remarks?|views?|words|thoughts|take|position|stance|opinions?|reaction"
    r"|response|quotes?)$",
    re.IGNORECASE,
)
# "what else did he say?", "what did she say about tax?", "anything else from him?": the same person, on another
# topic or any.
_FOLLOW_UP_SPEAKER = re.compile(
    rf"^(?:and )?(?:what (?:else )?(?:did|has|does|have|do) (?:he|she|they) (?:say|said|says|mention|think)"
    rf"(?: {ABOUT} (?P<t>.+))?|(?:did|has|does|have|do) (?:he|she|they) (?:ever )?(?:{WORDS_ON}"
    rf"|(?:say|said) (?:anything|something) {ABOUT}|(?:talk|talked|speak|spoken|comment|commented) {ABOUT})"
    rf" (?P<t2>.+)|(?:anything|something) (?:else |more )?(?:from|by) (?:him|her|them))$",
    re.IGNORECASE,
)
# "and the dollar?" after "what did Lawson say about sterling?": the same person on something else.
_FOLLOW_UP_AND = re.compile(r"^and (?P<t>[^,;:]+)$", re.IGNORECASE)
_OTHER_VOICES = "(?:views|opinions|reactions|comments|voices|perspectives|sides)"  # "any other views?"
# "any reaction?", "what was the response?", "how did people react?": others' words on what was said.
_REACTION = (
    r"(?:(?:were there |was there )?any|what (?:was|were) the|what(?:'s| is| are) the) (?:reactions?|responses?)"
    r"|how did (?:people|others|everyone|anyone) (?:react|respond)"
)
_TAKING_IT = r"(?:disagreed?|agreed?|objected?|reacted?|responded?|replied|answered|hit back|criticised|criticized)"
# "who else commented?", "anyone else?", "what did others say?", "who commented?": the conversation's topic,
# whoever speaks on it.
_FOLLOW_UP_OTHERS = re.compile(
    r"^(?:and |so )?(?:(?:who else|(?:has |did )?(?:any|some)(?:one|body) else|what (?:did|have|do) (?:others"
    r"|other people))(?: (?:has |have |did )?(?:commented|comment|said|say|spoke|speak|spoken|talked|talk"
    r"|criticised|criticized|criticise|criticize|complained|complain|reacted|react|responded|respond|agreed|agree"
    r"|disagreed|disagree|objected|object|weighed in|was critical|were critical|was quoted|were quoted"
    r"|thought|think|was there|were there))?"
    rf"|(?:any |what )?other {_OTHER_VOICES}(?: are there)?"
    rf"|(?P<reaction>(?:did|has|have) (?:any|some)(?:one|body) {_TAKING_IT}|{_REACTION})"
    rf"|{WHO_SPOKE})(?: anything)?(?: (?:on|about|to) (?:it|that|this))?$",
    re.IGNORECASE,
)
# "summarise", "give me a summary", "what's the background?": what the stories say on the conversation's topic.
_SUMMARY = re.compile(
    r"^(?:and |so |ok |okay )?(?:(?:can|could) you )?(?:"
    r"summari[sz]e|sum up|recap|(?:(?:give me|i'd like|can i (?:get|have)) )?(?:an? |the )?(?:summary|recap|overview"
    r"|rundown|run-down|background|context|gist)|what(?:'s| is) the (?:background|context|gist)"
    r")(?: please)?$",
    re.IGNORECASE,
)
# "and what did Jowell say?": a new question that goes on with the conversation's topic.
_GOING_ON = re.compile(r"^\s*(?:and|also|plus)\b", re.IGNORECASE)
_ANYTHING_ON = re.compile(r"^(?:and |but |so )?(?:anything|something)(?: else)? (?:about|on|regarding) ", re.I)
# "who else…?", "any other views?": not the one just asked
_OTHERS = re.compile(rf"\b(?:else|others|other (?:people|{_OTHER_VOICES}))\b", re.IGNORECASE)
_EVERYTHING = re.compile(r"\b(?:everything|all|else)\b", re.IGNORECASE)


@dataclass(frozen=True)
class FollowUp:
    """A follow-up that leans on the conversation: "and about gas?" (new topic), "what else did he say?" (any
    topic), "what did she say about it?" (the same topic) or "who else commented?" (anyone on the same topic)."""

    topic: str = ""
    same_topic: bool = False
    anyone: bool = False
    others: bool = False  # anyone but whom the conversation asked about ("who else commented?", not "who commented?")


def other_speaker(text: str) -> str:
    """Who a follow-up turns to, if it names only someone ("and khalafov?", "what about the chancellor?", "what about
    khalafov's comments?", "sorry, i meant khalafov"), for callers to accept when that is a known person; else ""."""
    if corrects(text):  # "sorry, i meant khalafov": the last question put again, on what is meant instead
        return tidy_speaker(normalise(text))  # whatever it is: callers check it is someone
    match = _FOLLOW_UP_OTHER.match(normalise(text))
    if not match:
        return ""
    other = match.group("s")
    return tidy_speaker(words["s"] if (words := _WORDS_OF.match(other)) else other)


def parse_follow_up(text: str) -> FollowUp | None:
    """A follow-up's new topic, or None when the text stands on its own."""
    clean = normalise(text)
    if anyone := _FOLLOW_UP_OTHERS.match(clean):
        # A reaction is someone else's: "any reaction?" after Lawson's words leaves him out.
        return FollowUp(same_topic=True, anyone=True, others=bool(_OTHERS.search(clean) or anyone["reaction"]))
    if match := _FOLLOW_UP_SPEAKER.match(clean):
        return _on(tidy_topic(match.group("t") or match.group("t2") or ""))
    if match := _FOLLOW_UP_TOPIC.match(clean):
        topic = match.group("t")  # "what about his views on the dollar?": the dollar
        return _on(tidy_topic(asked.topic if (asked := pronoun_reading(topic)) else topic))
    if (match := _FOLLOW_UP_AND.match(clean)) and not parse_question(match.group("t")).speaker:
        return _on(tidy_topic(match.group("t")))
    if (asked := pronoun_reading(clean)) is not None and not parse_question(clean).speaker:
        # "was he critical of the bundesbank?", "his comments on inflation?": any phrasing a name would take (not
        # "who is imomi and what did he say about oil?", whose "he" the message names); "did he apologise?", "has
        # she responded?": on what the conversation asked.
        return _on(asked.topic) if asked.topic else FollowUp(same_topic=True)
    return None


def asks_for_others(text: str) -> bool:
    """Whether a question leaves out whom the conversation asked about ("who else commented on debt?")."""
    return _OTHERS.search(normalise(text)) is not None


def names_no_one(text: str) -> bool:
    """Whether a question asks for someone's words by a pronoun alone ("what did he say about growth?", "what else
    did she say?"): it needs a conversation's person. (Not "when Holmes won, what did she say?": another phrasing.)"""
    return _FOLLOW_UP_SPEAKER.match(normalise(text)) is not None


def _on(topic: str) -> FollowUp:
    """A follow-up on a topic, or on the conversation's own when the topic only refers back to it ("what about it?",
    "and him?": not a topic "him")."""
    return FollowUp(same_topic=True) if refers_back(topic) else FollowUp(topic=topic)


def goes_on(text: str) -> bool:
    """Whether a message opens by joining itself to the conversation ("and what did Jowell say?")."""
    return _GOING_ON.match(text) is not None


def asks_for_everything(text: str) -> bool:
    """Whether a message asks for all of someone's words ("everything jowell said", "what else did she say?",
    "all of her quotes"), whatever the conversation was about."""
    return _EVERYTHING.search(text) is not None


def anything_on(text: str) -> bool:
    """Whether a message asks for anything on a topic ("anything on gas?"): after someone's words, theirs on it."""
    return _ANYTHING_ON.match(normalise(text)) is not None


def order_asked(text: str) -> Order | None:
    """The order a message asks the conversation's answer in, when that is all it asks ("anything newer?", "sort
    them by date", "oldest first"), else None."""
    clean = normalise(text)
    if dated := _DATED.match(clean):
        return Order.OLDEST if re.fullmatch(_OLDER, dated["which"], re.IGNORECASE) else Order.NEWEST
    if around := _BEFORE_OR_AFTER.match(clean):
        return Order.OLDEST if around["before"] else Order.NEWEST
    if end := _AT_ONE_END.match(clean):
        return Order.OLDEST if end["which"].lower() in ("oldest", "earliest") else Order.NEWEST
    return order_in(clean) if _SORTED.match(clean) else None


def asks_for_a_summary(text: str) -> bool:
    """Whether a message asks for a summary of nothing it names ("summarise", "what's the background?"): of the
    conversation's topic, if there is one."""
    return _SUMMARY.match(normalise(text)) is not None


def asks_who_they_are(text: str, typed: str) -> bool:
    """Whether a follow-up asks what the conversation's person (asked for as ``typed``) is: "what is his role?",
    "which party does he lead?", or "which kennedy?", "which one do you mean?" after a name that may be several
    people's: how the stories introduce them."""
    clean = normalise(text)
    if _THEIR_STANDING.match(clean):
        return True
    which = _WHICH_ONE.match(clean)
    return which is not None and which["who"].lower() in ("one", "person", typed.lower(), typed.lower().split()[-1])
