"""Ways of phrasing a question for someone's words or a topic's news that all read as the same speaker and topic."""

from __future__ import annotations

import pytest

from bot.retrieval.person_readings import person_readings
from bot.retrieval.query import parse_question
from bot.service import BriefingService


@pytest.mark.parametrize(
    "question",
    [
        "what has Imomi said on oil",
        "Imomi's comments on oil?",
        "did Imomi mention oil?",
        "IMOMI ON OIL",
        "tell me what sodik imomi said about the oil industry",
        "what did Imomy say about oil?",  # a typo in the name
        "what did Mr Imomi say about oil",
        "what is Imomi's position on oil?",
        "Imomi's message on oil",
        "Imomi's defence of oil",
        "oil, according to Imomi?",
        "is Imomi interested in oil?",
        "i want to know what Imomi said about oil",
        "I'd like to know what Imomi thinks about oil",
        "what did Imomi say when asked about oil?",
        "Imomi on the subject of oil",
    ],
)
def test_many_phrasings_find_the_same_paragraph(service: BriefingService, question: str) -> None:
    answer = service.ask(question)
    assert answer.hits and answer.hits[0].text.startswith("Imomi stated"), (question, answer.message)


@pytest.mark.parametrize(
    "question",
    [
        # Polite openings and chat shorthand.
        "Imomi said what about oil?",
        "do you know what Imomi said about oil?",
        "what did Imomi say when questioned about oil?",
        "What has been said by Imomi about oil?",
        "what did Imomi say with regards to oil?",
        "was Imomi quoted on oil?",
        "has Imomi been asked about oil?",
        # A stance is their words on it.
        "was Imomi critical of oil?",
        "has Imomi been supportive of oil?",
        "did Imomi defend oil?",
        "did Imomi welcome oil?",
        "did Imomi blame oil?",
        "did Imomi call for oil?",
        "did Imomi respond to oil?",
        # A request's verb, and a topic phrasing around a question of its own.
        "find me Imomi's quotes about oil",
        "gimme Imomi's comments on oil",
        "show Imomi's comments on oil",
        "find Imomi's quotes about oil",
        "can you find me what Imomi said about oil?",
        "summarise what Imomi said about oil",
        "any reaction from Imomi to oil?",
        "any word from Imomi on oil",
        # A forecast, a vow, a reason given.
        "what did Imomi predict for oil?",
        "what did Imomi vow about oil?",
        "what reason did Imomi give for oil?",
        # A chat message's greeting and thanks are not the question.
        "hey bot, what did Imomi say about oil?",
        "Hi! what did Imomi say about oil",
        "@briefbot what did Imomi say about oil?",
        "Bot, what did Imomi say about oil?",
        "please, what did Imomi say about oil?",
        "Quick question: what did Imomi say about oil?",
        "could you please tell me what Imomi said about oil",
        "I was wondering what Imomi said about oil",
        "ok so what did Imomi say about oil",
        "what did Imomi say abt oil",
        "what did Imomi say about oil pls",
        "what did Imomi say about oil? thanks!",
        "what did 'Imomi' say about oil?",
        "Q: what did Imomi say about oil?",
        # A newsroom's way of asking.
        "I'm writing a piece on oil and wondered what Imomi said about it, can you help?",
        "for a briefing note: what did Imomi say about oil?",
        "my editor wants to know what Imomi said about oil",
        "can you help me find what Imomi said about oil?",
        "what exactly did Imomi say about oil?",
        "any idea what Imomi said about oil?",
        "who is Imomi and what did they say about oil?",
        "who was Imomi? what did he say about oil?",
        "what was it that Imomi said about oil?",
        "need Imomi's quotes on oil asap",
        "what'd Imomi say about oil?",
        "what did Imomi say about oil lol",
        # Other verbs and longer ways to say "about".
        "what did Imomi reckon about oil?",
        "what did Imomi add about oil?",
        "what did Imomi say with respect to oil?",
        "what did Imomi say on the subject of oil?",
        "what did Imomi say on the question of oil?",
        # When or where it was said is their words on it.
        "when did Imomi talk about oil?",
        "where did Imomi mention oil?",
        # A statement made, a point pointed out.
        "what statement did Imomi make about oil?",
        "what comments has Imomi made on oil?",
        "is there anything from Imomi on oil?",
        "the views of Imomi on oil",
        "did Imomi mention oil at all?",
        "what did Imomi point out about oil?",
        # Ways of speaking that are no topic of their own.
        "has Imomi warned about oil?",
        "did Imomi complain about oil?",
        "did Imomi insist on oil?",
        # Emoji say nothing a story writes.
        "what did Imomi say about oil 🛢️?",
        "🤔 what did Imomi say about oil 👀",
    ],
)
def test_chat_wording_around_a_question_leaves_its_speaker_and_topic(question: str) -> None:
    asked = parse_question(question)
    assert (asked.speaker, asked.topic) == ("Imomi", "oil")


@pytest.mark.parametrize(
    "question", ["compare Imomi and Khalafov on oil", "compare what Imomi and Khalafov said about the corridor"]
)
def test_compare_asks_for_both_peoples_words(service: BriefingService, question: str) -> None:
    assert service.ask(question).message.startswith("What Sodik Imomi / Khalaf Khalafov said about")


@pytest.mark.parametrize(
    "question",
    [
        "what do the articles say about the corridor?",
        "who said what about the corridor?",
        "summarise the corridor",
        "recap the corridor",
        "summarise what was said about the corridor",
        "opinions on the corridor?",
        "views about the corridor",
        "recap what happened with the corridor",
        "news about the corridor from this week",
        "info on the corridor",
        "background on the corridor",
        "tell me everything about the corridor",
        "reactions to the corridor",
        "what's the deal with the corridor?",
        "any articles mentioning the corridor?",
        "what's been said about the corridor?",
        "what's being said about the corridor?",
        "what is known about the corridor?",
        "whats going on with the corridor",
        "any developments on the corridor?",
        "were there any comments on the corridor?",
        "how did people react to the corridor?",
        "what's the reaction to the corridor?",
        "what can you tell me about the corridor?",
        "I'm looking for news on the corridor",
        "what did the BBC report about the corridor?",
        "the corridor - any news?",
        "the corridor: what's new?",
        "the corridor, any news?",
        "the corridor any news?",
        "the corridor - anything new?",
        "has anything been written about the corridor?",
        "i want to read about the corridor",
        "I'd like to read up on the corridor",
        "i want to find out more about the corridor",
        "what was said on the subject of the corridor?",
        "give me an update on the corridor",
        "brief me on the corridor",
        "headlines on the corridor",
        "fill me in on the corridor",
        "whats the latest on the corridor",
        "any word on the corridor?",
        "what's been happening with the corridor?",
        "i'm interested in the corridor",
        "what are the stories on the corridor?",
        "looking for news on the corridor",
        "who criticised the corridor?",
        "who else has warned about the corridor?",
        "who was quoted on the corridor?",
        "who reacted to the corridor?",
        "who has weighed in on the corridor?",
        "did anyone criticise the corridor?",
        "has anybody warned about the corridor?",
    ],
)
def test_ways_of_asking_for_a_topic_leave_only_the_topic(question: str) -> None:
    asked = parse_question(question)
    assert (asked.speaker, asked.topic) == ("", "the corridor")


def test_what_people_are_saying_names_them_as_speakers() -> None:
    asked = parse_question("what are the ministers saying about the corridor?")
    assert (asked.speaker, asked.topic) == ("ministers", "the corridor")


@pytest.mark.parametrize(
    "question",
    [
        "give me everything Imomi said",
        "what else did Imomi say?",
        "list Imomi's quotes",
        "what was said by Imomi?",
        "has Imomi commented?",
        "anything said by Imomi?",
        "what has Imomi been quoted saying?",
        "whats Imomi saying",
        "anything from Imomi lately?",
        "did Imomi speak?",
        "anything new from Imomi",
        "any recent quotes from Imomi?",
    ],
)
def test_ways_of_asking_for_all_a_person_said(question: str) -> None:
    asked = parse_question(question)
    assert (asked.speaker, asked.topic) == ("Imomi", "")


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what did Imomi say in a speech about oil?", "oil"),
        ("what did Imomi say to reporters about oil?", "oil"),
        ("what did Imomi say on tv about oil?", "oil"),
        ("what did Imomi say about oil in an interview?", "oil"),
        ("what did Imomi say about oil at the press conference?", "oil"),
        ("what did Imomi say in his radio interview about oil?", "oil in his radio interview"),  # a story may say so
        ("what did Imomi say about football on TV?", "football on TV"),  # the topic itself
        ("what did Imomi say at the meeting?", ""),
        ("what did Imomi say at a news conference?", ""),
    ],
)
def test_where_it_was_said_is_not_what_about(question: str, topic: str) -> None:
    assert parse_question(question).topic == topic


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what did baker say at the g7 meeting?", "at the g7 meeting"),
        ("what did Imomi say at the OPEC summit?", "at the OPEC summit"),
        ("what did Imomi say at the opec meeting about quotas?", "quotas at the opec meeting"),
    ],
)
def test_a_named_gathering_says_what_the_words_were_about(question: str, topic: str) -> None:
    assert parse_question(question).topic == topic


@pytest.mark.parametrize(
    "question", ["sorry, i meant imomi on oil", "no, what did Imomi say about oil?", "actually, imomi on oil"]
)
def test_a_correction_opening_a_question_is_not_its_topic(service: BriefingService, question: str) -> None:
    assert service.ask(question).message.startswith("What Sodik Imomi said about oil")


@pytest.mark.parametrize("question", ["what is the Zangazur corridor?", "what's the zangazur corridor"])
def test_what_is_asks_about_the_thing_itself(service: BriefingService, question: str) -> None:
    assert service.ask(question).message.lower().startswith("what the articles say about the zangazur corridor:")


@pytest.mark.parametrize("question", ["imomi thoughts on oil", "Imomi views on oil?", "imomi reaction to oil"])
def test_views_typed_without_the_possessive_are_the_persons_words(service: BriefingService, question: str) -> None:
    answer = service.ask(question)
    assert answer.message.startswith("What Sodik Imomi said about oil"), answer.message
    assert answer.hits[0].text.startswith("Imomi stated")


@pytest.mark.parametrize(
    ("question", "speaker"),
    [("quote Imomi", "Imomi"), ("quotes imomi oil", "imomi oil"), ("any quotes by Imomi", "Imomi")],
)
def test_quotes_asked_for_before_a_name_are_that_persons_words(question: str, speaker: str) -> None:
    assert [(r.speaker, r.topic) for r in person_readings(question)] == [(speaker, "")]


@pytest.mark.parametrize("question", ["quote of the day", "any quotes on the dome"])
def test_quotes_asked_for_on_a_topic_name_no_one(question: str) -> None:
    assert person_readings(question) == []


def test_a_known_persons_quotes_asked_for_in_two_words(service: BriefingService) -> None:
    assert service.ask("imomi quotes").message.startswith("What Sodik Imomi said")
    assert service.ask("khalafov's quotes").message.startswith("What Khalaf Khalafov said")
    assert service.ask("khalafov statements").message.startswith("What Khalaf Khalafov said")
    assert service.ask("khalafov statement").message.startswith("What Khalaf Khalafov said")
    assert service.ask("imomi says").message.startswith("What Sodik Imomi said")


@pytest.mark.parametrize(
    "typed",
    [
        "Imomi talking about oil",
        "imomi quotes on oil",
        "imomi's quotes about oil",
        "give me imomi on oil",
        "imomi discussing oil",
        "according to imomi, what about oil",
        "imomi weighs in on oil",
        "imomi speaks out on oil",
    ],
)
def test_more_ways_of_asking_for_a_persons_words(service: BriefingService, typed: str) -> None:
    answer = service.ask(typed)
    assert answer.message == "What Sodik Imomi said about oil:"
    assert answer.hits[0].text.startswith("Imomi stated that Tajikistan is interested")


@pytest.mark.parametrize("question", ["quote imomi on oil", "cite Imomi on oil", "any quotes of imomi on oil"])
def test_asking_to_quote_someone_on_a_topic(service: BriefingService, question: str) -> None:
    answer = service.ask(question)
    assert answer.message == "What Sodik Imomi said about oil:"


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("who is to blame for the crash?", "who is to blame for the crash"),  # asking who did it, quoted as asked
        ("who was behind the attack?", "who was behind the attack"),
        ("who is involved in the dome sale?", "who is involved in the dome sale"),
        ("who is the chancellor?", "the chancellor"),  # asking who someone is
        ("who is sterling?", "sterling"),
    ],
)
def test_asking_who_did_something_is_a_question_of_its_own(question: str, topic: str) -> None:
    assert parse_question(question).topic == topic


@pytest.mark.parametrize(
    ("question", "speaker", "topic"),
    [
        ("which analysts commented on the dollar?", "analysts", "the dollar"),
        ("which players were quoted on the referee", "players", "the referee"),
        ("which of them spoke?", "", "which of them spoke"),  # no one named: the conversation's to answer
    ],
)
def test_which_people_spoke_asks_for_their_words(question: str, speaker: str, topic: str) -> None:
    asked = parse_question(question)
    assert (asked.speaker, asked.topic) == (speaker, topic)


def test_control_characters_pasted_into_a_question_are_spaces() -> None:
    asked = parse_question("what did Imomi say about\x00oil\x1b?")
    assert (asked.speaker, asked.topic) == ("Imomi", "oil")
