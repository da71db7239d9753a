"""How parse_question and its person and subject readings split a message into speaker, topic and kind."""

from __future__ import annotations

import pytest

from bot.retrieval.follow_up_phrasing import parse_follow_up
from bot.retrieval.fts import content_words
from bot.retrieval.person_readings import person_readings, subject_readings, surname_readings
from bot.retrieval.query import Question, parse_question
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def test_a_greeting_word_that_starts_a_topic_stays() -> None:
    assert parse_question("right to buy scheme news").topic == "right to buy scheme news"
    assert parse_question("Well-known economist on oil").text == "Well-known economist on oil"


@pytest.mark.parametrize("question", ["Imomi: oil?", "imomi, oil", "Imomi - oil", "oil - Imomi?", "imomi re oil"])
def test_chat_shorthand_offers_the_speaker_reading(question: str) -> None:
    readings = [(r.speaker.lower(), r.topic.lower()) for r in person_readings(question)]
    assert ("imomi", "oil") in readings


def test_a_topic_in_a_questions_own_words_is_quoted_in_the_lead(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dome sold\n\nThe dome was sold to a developer after the first sale collapsed.")
    assert service.ask("why was the dome sold?").message == "What the articles say on “why was the dome sold”:"
    assert service.ask("any news on the dome sale?").message == "What the articles say about the dome sale:"


def test_news_asked_for_after_a_dash_is_no_speaker(service: BriefingService) -> None:
    # "- any news?" once read "the oil industry" as a speaker, resolved loosely, on "any news".
    assert person_readings("the oil industry - any news?") == []
    answer = service.ask("the oil industry - any news?")
    assert answer.message.startswith("What the articles say about the oil industry"), answer.message


def test_a_clause_of_a_question_is_not_read_as_shorthand() -> None:
    question = "how did mcilroy react to bogdanov saying the race was between him, okken and reina?"
    assert person_readings(question)[0].speaker == "mcilroy"


def test_a_speaker_holding_phrasing_words_is_no_name() -> None:
    # "'s comments" once took all before it as the speaker ("what Jack Cunningham said about Lord Butler").
    asked = parse_question("can you tell me what Jack Cunningham said about Lord Butler's comments?")
    assert (asked.speaker, asked.topic) == ("Jack Cunningham", "Lord Butler's comments")


@pytest.mark.parametrize(
    "question",
    [
        "Richard Lyng on Clayton Yeutter's comments",
        "Lyng on Yeutter's comments",
        "Lyng on Yeutter's remarks?",
        "agriculture secretary Richard Lyng on Clayton Yeutter's comments",  # a full name with its role
    ],
)
def test_a_known_name_before_on_is_the_speaker_of_someone_elses_comments(
    loaded: BriefingService, question: str
) -> None:
    # "X's comments" reads "Lyng on Yeutter" as whose comments they are: nobody, though a role or a near name
    # may resolve it; Lyng, on Yeutter's comments, is asked.
    answer = loaded.ask(question)
    assert "Richard Lyng" in answer.message and "Yeutter's" in answer.message, answer.message


def test_a_question_typed_in_capitals_is_read_as_if_in_lower_case(loaded: BriefingService) -> None:
    # Capitals mark names and initials only where the rest is in lower case.
    asked = parse_question("WHAT DID THE AGRICULTURE SECRETARY SAY ABOUT RICE?")
    assert (asked.speaker, asked.topic) == ("agriculture secretary", "rice")
    shouted = loaded.ask("WHAT DID THE AGRICULTURE SECRETARY SAY ABOUT A CLOSED MARKET?")
    assert shouted.hits[0].text.startswith('"We will not accept a closed market'), shouted.message
    assert parse_question("IMF?").topic == "IMF"  # one word stays as typed


def test_question_parsing_kinds() -> None:
    assert parse_question("what did Patricia Hewitt say about the gender pay gap").kind == "speaker_topic"
    assert parse_question("what did Sir Andrew Green say?").speaker == "Sir Andrew Green"
    assert parse_question("what was said about a super-casino in Glasgow?").topic == "a super-casino in Glasgow"
    assert parse_question("any news on the Dome?").kind == "topic_only"
    assert parse_question("What do you think?").speaker == ""
    assert parse_question("and the Dome?").topic == "the Dome"  # goes on from the last question
    # With no question before it, or asked politely, the topic is what follows (not "about gas", "tell me…").
    assert parse_question("and about gas?").topic == "gas"
    assert parse_question("can you tell me about the Dome?").topic == "the Dome"
    assert parse_question("who is Khalafov?").topic == "Khalafov"
    assert parse_question("what did the PM say about Iraq?").speaker == "prime minister"
    assert parse_follow_up("and about gas?") is not None and parse_follow_up("oil prices") is None
    # Quantifiers ask how much, like "more" and "few": not words an answer must hold.
    assert content_words("how much will the sax fetch and how many bids came") == ["sax", "fetch", "bids", "came"]
    # Nor is the asking's hedging: "whether", "really", "actually", "ever", "still".
    assert content_words("did he say whether the museum would actually reopen") == ["museum", "reopen"]
    assert content_words("is she really still the favourite, and was it ever close?") == ["favourite", "close"]
    assert content_words("the firm whose shares halved") == ["firm", "shares", "halved"]


@pytest.mark.parametrize(
    ("question", "speaker", "topic"),
    [
        ("what are Blair's views on Iraq?", "Blair", "Iraq"),
        ("is the coach under pressure, according to Castaignede?", "Castaignede", "is the coach under pressure"),
        ("according to the IMF, what was said about growth?", "IMF", "growth"),
        ("what did Blair say about Iraq, according to reports", "Blair", "Iraq"),
        ("according to yeutter will shoppers notice the tariffs", "yeutter", "will shoppers notice the tariffs"),
        ("what did andy robinson say after england lost to france?", "andy robinson", "england lost to france"),
        ("what did canada's finance minister say would help?", "canada's finance minister", "would help"),
        ("what does greenspan think will happen to rates", "greenspan", "will happen to rates"),
        ("what has Gail Martell been saying", "Gail Martell", ""),
        ("anything from taha idris?", "taha idris", ""),
        ("any news from the IMF about growth", "IMF", "growth"),
        ("will japan buy us supercomputers? what did tamura say", "tamura", "will japan buy us supercomputers"),
        ("what's rupert murdoch been saying", "rupert murdoch", ""),
        ("what has murdoch said lately about sky", "murdoch", "sky"),
        ("has murdoch said anything", "murdoch", ""),
        ("what did mr murdoch tell reporters", "mr murdoch", ""),
        ("what did blair tell mps about iraq?", "blair", "iraq"),
        ("what's the word from murdoch", "murdoch", ""),
        ("what has rupert murdoch been quoted as saying", "rupert murdoch", ""),
        ("tell me about murdoch's statements", "murdoch", ""),
        ("what did blair admit about iraq", "blair", "iraq"),
        ("where does blair stand on iraq", "blair", "iraq"),
        ("how did stoltenberg describe the washington g7 meeting", "stoltenberg", "the washington g7 meeting"),
        ("how does blair feel about iraq", "blair", "iraq"),
        ("what do we know about the dome", "", "the dome"),
        ("catch me up on the dome", "", "the dome"),
        ("imomi's latest comments", "imomi", ""),
        ("give me imomi's quotes", "imomi", ""),
        ("what did sodik imomi talk about", "sodik imomi", ""),
        ("what did imomi discuss", "imomi", ""),
        ("what has imomi been saying about oil lately", "imomi", "oil"),
        ("on oil, what did imomi say?", "imomi", "oil"),
        ("oil: imomi's comments", "imomi", "oil"),
        ("what did imomi say re oil", "imomi", "oil"),
        ("what did blair say about oil, gas and coal", "blair", "oil, gas and coal"),
        # What follows the verb is what they said: "the oil deal needed" is said about the oil deal.
        ("what did imomi say the oil deal needed?", "imomi", "the oil deal needed"),
        ("what did imomi warn oil prices would do?", "imomi", "oil prices would do"),
        ("what did the report say the economy needed", "", "the economy needed"),
        # A message of several sentences: the one naming a speaker asks, the others say what "it" is.
        ("i've been following the dome. what did imomi say about it?", "imomi", "the dome"),
        ("i read about the dome. what was imomi's view?", "imomi", "the dome"),
        ("what did Mr. Blair say about the U.S. economy?", "Mr. Blair", "the U.S. economy"),
        ("i heard something about the dome. any news?", "", "the dome"),
        ("oil prices rose. any news?", "", "oil prices rose"),
        ("looking for imomi's comments on oil", "imomi", "oil"),
        # "US" is the country, not the pronoun: "us" never modifies a noun.
        ("did the US trade representative think japan would act", "US trade representative", "japan would act"),
        ("what did us officials say about rice", "us officials", "rice"),
        ("what did he tell us about oil", "", "what did he tell us about oil"),
        # Anyone's words on a topic are the topic's news; what someone has been up to is all they said.
        ("who mentioned the dome sale?", "", "the dome sale"),
        ("has anyone commented on the dome sale?", "", "the dome sale"),
        ("what are people saying about the dome?", "", "the dome"),
        ("what did people say about the dome?", "", "the dome"),
        ("quotes about the millennium dome", "", "the millennium dome"),
        ("what's hewitt been up to?", "hewitt", ""),
    ],
)
def test_question_parsing_of_sources_and_possessives(question: str, speaker: str, topic: str) -> None:
    parsed = parse_question(question)
    assert (parsed.speaker, parsed.topic) == (speaker, topic)


def test_a_possessive_reaction_is_a_speaker_question_only_for_a_known_person() -> None:
    assert person_readings("what's the Muslim Council of Britain's problem with 24?") == [
        Question("what's the Muslim Council of Britain's problem with 24?", "Muslim Council of Britain", "24")
    ]
    assert person_readings("what was said about the Bank of England on rates") == []
    assert [r.speaker for r in person_readings("Imomi's message on oil")] == ["Imomi", "Imomi's message"]


def test_a_reaction_is_a_speaker_question_only_for_a_known_person(service: BriefingService) -> None:
    service.load_text(ADMIN, "Budget day\n\nThe kiwi dollar fell sharply after the budget was released.")
    answer = service.ask("how did the kiwi dollar react to the budget?")
    assert answer.hits and answer.hits[0].text.startswith("The kiwi dollar fell sharply")
    assert "Sodik Imomi" in service.ask("how did Imomi respond to the talks on football?").message


def test_a_hyphenated_name_reacting_is_a_speaker_question(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Retailer sued over lyrics\n\nParents are suing Corva-Mart over a CD with rude lyrics.\n\n"
        "Corva-Mart said it was investigating the lawsuit.",
    )
    answer = service.ask("how did corva-mart respond to the lawsuit?")
    assert answer.message.startswith("What Corva-Mart said")
    assert answer.hits[0].text.startswith("Corva-Mart said")


def test_a_yes_no_question_may_be_about_its_subject(service: BriefingService) -> None:
    question = "did Yeutter blame the sanctions for the slide?"
    assert subject_readings(question)[-1] == Question(question, "Yeutter", "blame the sanctions for the slide")
    service.load_text(ADMIN, 'Rap feud\n\nThe Game told reporters: "I want to apologise for the feud."')
    service.load_text(ADMIN, "Refineries\n\nThe troops left the refineries after the strike ended.")
    assert service.ask("has the game apologised for the feud?").message.startswith("What the Game said")
    assert service.ask("have the troops left the refineries?").message.startswith("What the articles say")


def test_a_question_in_its_own_words_is_not_search_box_words(service: BriefingService) -> None:
    # Read as typed into a search box, its last word had been someone: "MP" (a role), on "are they lowering…",
    # and Witherspoon on "why did mira nair cast reese", under a lead putting her name first.
    service.load_text(ADMIN, "MPs at 18\n\nThe age for becoming an MP will be lowered, Labour MP Ann Lee said.")
    service.load_text(ADMIN, "Votes\n\nMP Bo Chen said voting at 16 was a bad idea.")
    for question in ("are they lowering the age for becoming an MP?", "why did mira nair cast reese witherspoon?"):
        assert surname_readings(question, given=lambda word: False) == []
    question = "are they lowering the age for becoming an MP?"
    assert service.ask(question).message.startswith(f"What the articles say on “{question[:-1]}”")
    assert [r.speaker for r in surname_readings("tuition fees blair", given=lambda word: False)] == ["tuition", "blair"]


def test_a_bare_full_name_may_open_a_question_about_that_person(service: BriefingService) -> None:
    assert subject_readings("why did unocal drop the plant?") == []  # the story's lead answers, not Unocal
    assert subject_readings("any news on the Dome?") == []  # a known phrasing: its topic stands
    assert subject_readings("why is nbc being sued?") == []  # the object of a passive, not a speaker
    assert "rice" not in [r.speaker for r in subject_readings("rice imports")]  # one word is too often a word
    assert service.ask("khalaf khalafov").hits[0].speakers == ("Khalaf Khalafov",)
    assert service.ask("sodik imomi oil").hits[0].text.startswith("Imomi stated that Tajikistan")


@pytest.mark.parametrize(
    ("question", "speaker", "topic"),
    [
        ("quotes from the head of the imf about debt", "head of the imf", "debt"),
        (
            "anything from the governor of the bank of england about rates lately",
            "governor of the bank of england",
            "rates",
        ),
        (
            "any comments from the founder of the committee to protect bloggers on staff blogs?",
            "founder of the committee to protect bloggers",
            "staff blogs",
        ),
        ("any reaction from the unions to the pension plans?", "unions", "the pension plans"),
        ("has war on want said anything about free trade?", "war on want", "free trade"),
        ("did war on want comment on free trade?", "war on want", "free trade"),
    ],
)
def test_a_speaker_typed_before_the_topic_keeps_its_of_and_to(question: str, speaker: str, topic: str) -> None:
    # "quotes from X about Y" once split X at its "of" ("head" on "the imf about debt"), and "comments from X on Y"
    # at its "to" as a reaction's is ("founder of the committee" on "protect bloggers on staff blogs"); "War on
    # Want" is no "war on" that wants something: a name never ends on the word joining its parts.
    asked = parse_question(question)
    assert (asked.speaker, asked.topic) == (speaker, topic)


@pytest.mark.parametrize(
    "question",
    ["chase manhattan's analyst comments on the strike", "chase manhattan's analyst views on the strike"],
)
def test_comments_of_a_bodys_staff_typed_without_a_possessive_are_read_as_theirs(question: str) -> None:
    assert [(r.speaker, r.topic) for r in person_readings(question)][:1] == [
        ("chase manhattan's analyst", "the strike")
    ]
