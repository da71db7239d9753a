"""Follow-ups read against the conversation: pronouns, bare topics, someone turned to, and corrections."""

from __future__ import annotations

import pytest

from bot.commands import handle
from bot.models import Chat, User
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def test_a_conversation_goes_on_with_the_person_a_first_name_was_read_as(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dome\n\nEdward Leigh said the sale of the Dome was a poor deal for taxpayers.")
    service.load_text(ADMIN, "Budget\n\nEdward Leigh said the budget was a gamble with the public finances.")
    service.load_text(ADMIN, "Budget reaction\n\nEdward Balls said the budget would help working families.")
    first = service.ask_in_chat(ADMIN, "chat", "what did edward say about the dome sale?")
    assert "I took “edward” to mean Edward Leigh" in first.text
    follow_up = service.ask_in_chat(ADMIN, "chat", "and about the budget?")
    assert follow_up.quotes and {hit.speakers for hit in follow_up.quotes} == {("Edward Leigh",)}


def test_a_conversation_goes_on_with_the_person_a_bare_question_named(service: BriefingService) -> None:
    assert service.ask_in_chat(ADMIN, "chat", "imomi oil").text.startswith("What Sodik Imomi said about oil")
    follow_up = service.ask_in_chat(ADMIN, "chat", "and about education?")
    assert follow_up.text.startswith("What Sodik Imomi said about education")


def test_follow_ups_keep_the_speaker_and_more_pages_on(service: BriefingService) -> None:
    user = User("telegram", "42")
    chat = Chat("telegram", "42")
    first = handle(service, user, chat, "what did Imomi say about oil?")
    assert first.quotes[0].text.startswith("Imomi stated")
    education = handle(service, user, chat, "and about education?")
    assert "Sodik Imomi said about education" in education.text
    everything = handle(service, user, chat, "what else did he say?")
    assert ["Sodik Imomi" in q.speakers for q in everything.quotes] == [True, True, False]
    other_chat = handle(service, user, Chat("telegram", "99"), "/more")
    assert "no earlier question" in other_chat.text


def test_follow_ups_by_pronoun_or_a_bare_topic_keep_the_speaker(service: BriefingService) -> None:
    user, chat = User("telegram", "44"), Chat("telegram", "44")
    handle(service, user, chat, "what did Imomi say about oil?")
    assert "Sodik Imomi said about education" in handle(service, user, chat, "and education?").text
    assert "Sodik Imomi said about oil" in handle(service, user, chat, "what did he say about oil?").text
    assert handle(service, user, chat, "what did he say?").text.startswith("What Sodik Imomi said")
    # A new question is not a follow-up for its leading "and".
    assert "Khalaf Khalafov" in handle(service, user, chat, "and what did Khalafov say about the corridor?").text


def test_a_follow_up_whose_topic_only_refers_back_asks_the_same_again(service: BriefingService) -> None:
    # "what about it?", "and him?": the conversation's own question, not a topic "it" or "him".
    user, chat = User("telegram", "45"), Chat("telegram", "45")
    handle(service, user, chat, "what did Imomi say about oil?")
    for follow_up in ("what about it?", "and him?", "how about that?"):
        assert handle(service, user, chat, follow_up).text.startswith("What Sodik Imomi said about oil")


def test_a_follow_up_naming_only_someone_else_asks_them_the_same(service: BriefingService) -> None:
    user, chat = User("telegram", "43"), Chat("telegram", "43")
    assert handle(service, user, chat, "what did Imomi say about the corridor?").text.startswith("I found no")
    corridor = handle(service, user, chat, "and khalafov?")
    assert "Khalaf Khalafov said about the corridor" in corridor.text
    assert corridor.quotes[0].text.startswith("The deputy minister underlined")
    gas = handle(service, user, chat, "what about gas?")  # a topic, not a person: Khalafov on gas
    assert "Khalaf Khalafov speaks about gas" in gas.text


def test_a_follow_up_in_chat_words_still_follows_on(service: BriefingService) -> None:
    user, chat = User("telegram", "45"), Chat("telegram", "45")
    assert handle(service, user, chat, "what did Imomi say about the corridor?").text.startswith("I found no")
    assert "Khalaf Khalafov said about the corridor" in handle(service, user, chat, "and what about khalafov?").text
    assert "Khalaf Khalafov speaks about gas" in handle(service, user, chat, "thanks! and what about gas?").text


def test_a_follow_up_asks_the_same_person_yes_or_no_and_another_person_about_it(service: BriefingService) -> None:
    user, chat = User("telegram", "47"), Chat("telegram", "47")
    handle(service, user, chat, "what did Imomi say about oil?")
    assert "Sodik Imomi said about education" in handle(service, user, chat, "did he mention education?").text
    assert "Sodik Imomi said about education" in handle(service, user, chat, "did he criticise education?").text
    assert "Sodik Imomi said about education" in handle(service, user, chat, "did he blame education?").text
    handle(service, user, chat, "any news on the corridor?")
    about_it = handle(service, user, chat, "what did Khalafov say about it?")
    assert "Khalaf Khalafov said about the corridor" in about_it.text


def test_a_follow_up_with_a_pronoun_in_any_phrasing_asks_the_one_person_the_page_showed(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Sterling firm\n\nChancellor Nigel Lawson said sterling was stable and inflation low.")
    service.load_text(ADMIN, "Film news\n\nDirector Max Lawson said the film was finished.")
    user, chat = User("telegram", "48"), Chat("telegram", "48")
    assert handle(service, user, chat, "what did lawson say about sterling?").text.startswith(
        "What Nigel Lawson said about sterling"
    )
    follow_ups = ("was he critical of inflation?", "his comments on inflation?", "what about his views on inflation?")
    for follow_up in follow_ups:
        assert handle(service, user, chat, follow_up).text.startswith("What Nigel Lawson said about inflation")
    assert handle(service, user, chat, "what has he said?").text.startswith("What Nigel Lawson said:")
    assert handle(service, user, chat, "anything else from him?").text.startswith("What Nigel Lawson said:")
    # A message asking nothing keeps the conversation where it was.
    assert handle(service, user, chat, "what?").text.startswith("Ask me about a person or a topic")
    assert handle(service, user, chat, "and about inflation?").text.startswith("What Nigel Lawson said about inflation")


def test_a_follow_up_asks_anyone_about_the_conversations_topic_or_person(service: BriefingService) -> None:
    user, chat = User("telegram", "48"), Chat("telegram", "48")
    handle(service, user, chat, "what did Khalafov say about the corridor?")
    # Only Khalafov speaks of the corridor: Imomi's words in the same story are on other things.
    voices = handle(service, user, chat, "who commented on it?").text
    assert voices.startswith("Quoted on the corridor: Khalaf Khalafov.")
    corridor = "What the articles say about the corridor"
    assert handle(service, user, chat, "any more news on that?").text.startswith(corridor)
    handle(service, user, chat, "what did Imomi say?")
    assert handle(service, user, chat, "what was said about him?").text.startswith("What the articles say about Imomi")


def test_and_what_did_someone_say_goes_on_with_the_conversations_topic(service: BriefingService) -> None:
    user, chat = User("telegram", "50"), Chat("telegram", "50")
    handle(service, user, chat, "any news on the corridor?")
    assert "Khalaf Khalafov said about the corridor" in handle(service, user, chat, "and what did Khalafov say?").text
    assert "Khalaf Khalafov said about the corridor" in handle(service, user, chat, "what did he say about it?").text
    # After someone's words on it, without the "and" it is a question of its own.
    assert handle(service, user, chat, "what did Imomi say?").text.startswith("What Sodik Imomi said,")


def test_what_about_a_word_someone_goes_by_asks_the_same_person_on_it_first(service: BriefingService) -> None:
    service.load_text(ADMIN, "Apple results\n\nApple boss Steve Jobs said sales of the iPod had doubled.")
    service.load_text(ADMIN, "Tajik plans\n\nSodik Imomi said the new dam would create jobs in the region.")
    service.load_text(ADMIN, "Factory opens\n\nThe factory will bring 500 jobs.\n\nMore jobs will follow next year.")
    user, chat = User("telegram", "55"), Chat("telegram", "55")
    handle(service, user, chat, "what did Imomi say?")
    assert handle(service, user, chat, "what about jobs?").text.startswith("What Sodik Imomi said about jobs")
    handle(service, user, chat, "what did Imomi say?")
    assert handle(service, user, chat, "what about khalafov?").text.startswith("What Khalaf Khalafov said")


def test_a_body_turned_to_that_never_spoke_on_the_topic_is_the_persons_topic_instead(service: BriefingService) -> None:
    service.load_text(ADMIN, "Rice talks\n\nTrade Representative Clayton Yeutter said Japan must open its rice market.")
    service.load_text(ADMIN, "Farm row\n\nClayton Yeutter said EC farm aid was unfair.\n\nThe EC said it would reply.")
    user, chat = User("telegram", "57"), Chat("telegram", "57")
    handle(service, user, chat, "what did yeutter say about rice?")
    assert handle(service, user, chat, "and the EC?").text.startswith("What Clayton Yeutter said about the EC:")
    handle(service, user, chat, "what did yeutter say about rice?")
    # A person turned to stays the question, answered or not.
    assert handle(service, user, chat, "and khalafov?").text.startswith("I found no paragraph where Khalaf Khalafov")


def test_a_role_answered_by_one_holder_is_that_holder_for_the_follow_ups(service: BriefingService) -> None:
    service.load_text(ADMIN, "Budget\n\nChancellor Gordon Brown said tax credits would rise.")
    for n in range(3):  # the chancellor quoted most, on other things
        service.load_text(ADMIN, f"Sterling {n}\n\nChancellor Nigel Lawson said sterling was stable on day {n}.")
    user, chat = User("telegram", "60"), Chat("telegram", "60")
    assert handle(service, user, chat, "what did the chancellor say about tax?").text.startswith(
        "What Gordon Brown said about tax"
    )
    assert handle(service, user, chat, "what else did he say?").text.startswith("What Gordon Brown said:")


def test_its_in_a_follow_ups_topic_is_the_conversations_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dome deal\n\nThe Dome's sale to a property firm was agreed on Monday.")
    service.load_text(ADMIN, "Car sale\n\nThe sale of the old fleet of cars raised little.")
    user, chat = User("telegram", "61"), Chat("telegram", "61")
    handle(service, user, chat, "any news on the dome?")
    reply = handle(service, user, chat, "and about its sale?")
    assert reply.text.startswith("What the articles say about the dome's sale:")
    assert reply.quotes[0].text == "The Dome's sale to a property firm was agreed on Monday."


def test_a_name_written_opening_sentences_is_someone_turned_to_not_a_topic(service: BriefingService) -> None:
    # Reuters writes "Lawson said…": capitalised, but seldom mid-sentence. After the chancellor's words, "and
    # lawson?" is Lawson on the same topic, not a chancellor's words about Lawson.
    lawson = "Chancellor Nigel Lawson cut tax.\n\nLawson said cuts would go on.\n\nLawson added that spending fell."
    service.load_text(ADMIN, f"UK budget\n\n{lawson}")
    service.load_text(ADMIN, "Budget day\n\nChancellor Gordon Brown said the tax credit would rise.")
    user, chat = User("telegram", "56"), Chat("telegram", "56")
    handle(service, user, chat, "what did the chancellor say about tax?")
    assert handle(service, user, chat, "and lawson?").text.startswith("What Nigel Lawson said about tax")


@pytest.mark.parametrize(
    ("first", "then", "answer"),
    [
        # Someone's words asked after a topic: on it when they speak on it, else all they said.
        ("any news on the corridor?", "what did Khalafov say?", "What Khalaf Khalafov said about the corridor"),
        ("any news on the corridor?", "everything Khalafov said", "What Khalaf Khalafov said,"),
        ("any news on hydropower?", "and what did Khalafov say?", "What Khalaf Khalafov said,"),
        # A topic naming the very people asked about is no topic of theirs.
        ("imomi and khalafov", "what did imomi and khalafov say?", "What Sodik Imomi / Khalaf Khalafov said:"),
        ("imomi", "what did sodik say?", "What Sodik Imomi said,"),
        # Someone turned to after a topic: their words on it, else news of them (Imomi never speaks on it).
        ("any news on the corridor?", "and khalafov?", "What Khalaf Khalafov said about the corridor"),
        ("any news on the corridor?", "and imomi?", "What the articles say about imomi"),
        ("any news on oil?", "and imommi?", "What Sodik Imomi said about oil"),  # misspelt, still him
        ("what did khalafov say about the corridor?", "what about imomi's views?", "I found no paragraph where Sodik"),
        # The person the conversation is about, asked on something else.
        ("Imomi", "and on oil?", "What Sodik Imomi said about oil"),
        ("who is Imomi?", "what did he say about oil?", "What Sodik Imomi said about oil"),
        ("who is imomy?", "what did he say about oil?", "What Sodik Imomi said about oil"),  # misspelt, still him
        ("what did Imomi say?", "anything on oil?", "What Sodik Imomi said about oil"),
        # "about the foreign minister" names no one to turn to: Imomi's words on them.
        ("what did Imomi say?", "and about the foreign minister?", "What Sodik Imomi said about"),
        # A role noun opening a clause is a topic first: not the minister Khalafov on the practices.
        ("what did Imomi say?", "what about ministers learning best practices?", "What Sodik Imomi said about"),
    ],
)
def test_a_follow_up_is_read_against_the_conversation(
    service: BriefingService, first: str, then: str, answer: str
) -> None:
    user, chat = User("telegram", "53"), Chat("telegram", "53")
    handle(service, user, chat, first)
    assert handle(service, user, chat, then).text.startswith(answer)


def test_a_pronoun_with_no_one_to_stand_for_asks_who_is_meant(service: BriefingService) -> None:
    who = "Who do you mean? Ask me about the person by name."
    answer = service.ask("what did he say about oil?")
    assert (answer.no_match, answer.message, answer.hits) == (True, who, ())
    user, chat = User("telegram", "57"), Chat("telegram", "57")
    assert handle(service, user, chat, "what else did she say?").text == who
    handle(service, user, chat, "any news on the corridor?")
    assert handle(service, user, chat, "what did he say about it?").text == who
    assert handle(service, user, chat, "what did he say about the budget?").text == who
    # The question asking who is meant leaves the conversation where it was.
    assert handle(service, user, chat, "when was that?").text.startswith("The quotes so far come from:")
    assert handle(service, user, chat, "and khalafov?").text.startswith("What Khalaf Khalafov said about the corridor")
    assert handle(service, user, chat, "who is he?").text.startswith("How the articles introduce Khalaf Khalafov:")


@pytest.mark.parametrize(
    ("follow_up", "answer"),
    [
        ("what did he say about it?", "What Khalaf Khalafov said about the corridor"),
        ("what did imomi say about it?", "the corridor"),  # his words on it, or that there are none
        ("any news on it?", "What the articles say about the corridor"),
    ],
)
def test_it_after_who_is_he_is_still_what_the_conversation_was_about(
    service: BriefingService, follow_up: str, answer: str
) -> None:
    user, chat = User("telegram", "60"), Chat("telegram", "60")
    handle(service, user, chat, "what did khalafov say about the corridor?")
    handle(service, user, chat, "who is he?")
    reply = handle(service, user, chat, follow_up)
    assert answer in reply.text.split(":")[0] and "Khalaf Khalafov said about Khalaf" not in reply.text, reply.text


def test_it_after_who_is_he_is_a_topic_that_refers_within_itself_or_asks_a_question(service: BriefingService) -> None:
    service.load_text(ADMIN, "Farm payments\n\nEdward Leigh MP said Defra was too slow to pay its bills to farmers.")
    for question, topic in (
        ("did edward leigh mention defra being slow to pay its bills?", "defra being slow to pay its bills"),
        ("what did edward leigh say about why defra is slow to pay farmers?", "why defra is slow to pay farmers"),
    ):
        user, chat = User("telegram", question), Chat("telegram", question)
        handle(service, user, chat, question)
        handle(service, user, chat, "who is he?")
        reply = handle(service, user, chat, "what did he say about it?")
        assert topic in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    "follow_up", ["and about japan insisting on growing all its own rice?", "and about Japan and its rice?"]
)
def test_an_its_standing_for_what_the_follow_up_names_is_not_the_conversations_thing(
    service: BriefingService, follow_up: str
) -> None:
    user, chat = User("telegram", follow_up), Chat("telegram", follow_up)
    handle(service, user, chat, "what did khalafov say about the corridor?")
    reply = handle(service, user, chat, follow_up)
    assert "corridor's" not in reply.text and "its" in reply.text.split("\n")[0], reply.text


@pytest.mark.parametrize(
    ("story", "messages", "lead"),
    [
        (  # a full name whose surname the archive writes in lower case
            "New Year texts\n\nMike Short, of the Mobile Data Association, said texting would break records.\n\n"
            "Networks were short of capacity.\n\nA short message costs 10p.\n\nCalls fell short of forecasts.\n\n"
            "Sodik Imomi said Mike Short was right that gas would be short.",
            ("what did mike short say about texting?", "and imomi?", "and mike short?"),
            "What Mike Short said about texting",
        ),
        (  # a surname a letter from the one meant, itself a word some article uses
            "Olympic bid\n\nCulture Secretary Tessa Jowell said the bid was strong.\n\nButchers sold every jowel.",
            ("what did tessa jowell say about the bid?", "and imomi?", "and tessa jowel?"),
            "What Tessa Jowell said about the bid",
        ),
        (  # a name with the body that employs its holder
            "TV future\n\nDoug Williams, of BT, said interactive TV would grow fast.",
            ("what did doug williams say about interactive tv?", "and imomi?", "and doug williams from bt?"),
            "What Doug Williams said about interactive tv",
        ),
        (  # after news: no alias is "robert anderson", found by surname and first name as a question's would be
            "Oil outlook\n\nRobert O. Anderson, the chairman of Atlantic Richfield, said spare production capacity"
            " would shrink.\n\nOther producers disagreed with Mr Anderson.",
            ("any news on spare production capacity?", "and robert anderson?"),
            "What Robert O. Anderson said about spare production capacity",
        ),
        (  # after news that is no name Lyng goes by, though his guessed "soviet agriculture secretary" shares a word
            "Grain talks\n\nSoviet officials want cheaper grain, and Soviet buyers held off.\n\n"
            "Agriculture Secretary Richard Lyng said rumours of a Soviet wheat subsidy were false.\n\n"
            "Lyng also said farm exports would rise.",
            ("any news on rumours of a soviet wheat subsidy?", "what did lyng say?"),
            "What Richard Lyng said about rumours of a soviet wheat subsidy",
        ),
    ],
)
def test_a_person_named_in_a_conversation_is_asked_on_its_topic(
    service: BriefingService, story: str, messages: tuple[str, ...], lead: str
) -> None:
    service.load_text(ADMIN, story)
    user, chat = User("telegram", messages[-1]), Chat("telegram", messages[-1])
    for message in messages:
        reply = handle(service, user, chat, message)
    assert reply.text.startswith(lead), reply.text


_QUESTIONS_OF_THEIR_OWN = (
    "Korea trade\n\nSouth Korea is cutting its trade surplus with the US.",
    "Romania\n\nUS officials said Romania will keep its trade status.",
    "Japan rice\n\nThe Agriculture Ministry said it would buy more rice from abroad.",
    "Trust poll\n\nVoters say they trust politicians less than ever, a poll found.",
)


@pytest.mark.parametrize(
    ("question", "found"),
    [
        ("what's south korea doing to cut its trade surplus with the us?", "South Korea is cutting its trade surplus"),
        ("is romania keeping its trade status?", "US officials said Romania will keep its trade status"),
        ("has japan's agriculture ministry said whether it will buy rice?", "The Agriculture Ministry said it would"),
        ("what share of voters say they trust politicians?", "Voters say they trust politicians less"),
    ],
)
def test_a_question_of_its_own_keeps_its_it_after_a_conversation(
    service: BriefingService, question: str, found: str
) -> None:
    for story in _QUESTIONS_OF_THEIR_OWN:
        service.load_text(ADMIN, story)
    user, chat = User("telegram", question), Chat("telegram", question)
    handle(service, user, chat, "what did khalafov say about the corridor?")
    reply = handle(service, user, chat, question)
    assert "corridor" not in reply.text and "Khalafov" not in reply.text.split("\n")[0], reply.text
    assert reply.quotes and reply.quotes[0].text.startswith(found), reply.text


def test_it_after_who_is_someone_is_not_themselves(service: BriefingService) -> None:
    user, chat = User("telegram", "61"), Chat("telegram", "61")
    handle(service, user, chat, "who is khalafov?")
    assert handle(service, user, chat, "what did he say about it?").text.startswith("What Khalaf Khalafov said,")


def test_a_pronoun_the_message_names_is_not_the_conversations_person(service: BriefingService) -> None:
    user, chat = User("telegram", "54"), Chat("telegram", "54")
    handle(service, user, chat, "what did imomi say about oil?")
    reply = handle(service, user, chat, "who is khalafov and what did he say about the corridor?")
    assert reply.text.startswith("What Khalaf Khalafov said about the corridor"), reply.text


def test_what_about_words_holding_a_role_noun_is_a_topic_unless_they_are_a_role(service: BriefingService) -> None:
    service.load_text(ADMIN, "Energy talks\n\nSodik Imomi said deputy ministers meeting in Baku agreed on exports.")
    user, chat = User("telegram", "59"), Chat("telegram", "59")
    handle(service, user, chat, "what did imomi say?")
    # Not the people whose roles come nearest "deputy ministers meeting in baku" (Khalafov): his words on it.
    reply = handle(service, user, chat, "what about deputy ministers meeting in baku?")
    assert reply.text.startswith("What Sodik Imomi said about deputy ministers meeting in baku"), reply.text


def test_they_after_asking_who_someone_is_are_that_someone(service: BriefingService) -> None:
    service.load_text(ADMIN, "Library plan\n\nThe Michigan librarian said Google scanning books would help readers.")
    user, chat = User("telegram", "61"), Chat("telegram", "61")
    handle(service, user, chat, "who is the michigan librarian?")  # nobody the store records as such
    reply = handle(service, user, chat, "what did they say about google scanning books?")
    assert reply.quotes[0].text.startswith("The Michigan librarian said Google scanning books")


def test_they_after_news_on_a_word_are_no_one(service: BriefingService) -> None:
    # "Oil said…" makes an entity of the word; news on oil still names no one for "they" to be.
    service.load_text(ADMIN, "Crude slips\n\nOil said little to traders on Monday, as prices fell.\n\nOil fell again.")
    user, chat = User("telegram", "62"), Chat("telegram", "62")
    handle(service, user, chat, "any news on oil?")
    reply = handle(service, user, chat, "what did they say about prices?")
    assert reply.text == "Who do you mean? Ask me about the person by name."


def test_i_meant_someone_else_puts_the_last_question_to_them(service: BriefingService) -> None:
    user, chat = User("telegram", "56"), Chat("telegram", "56")
    handle(service, user, chat, "what did Imomi say about the corridor?")
    reply = handle(service, user, chat, "sorry, i meant khalafov")
    assert reply.text.startswith("What Khalaf Khalafov said about the corridor"), reply.text
    assert handle(service, user, chat, "no i meant the dome").text.startswith("I found nothing about “the dome”")


def test_after_news_of_one_person_another_named_is_news_of_them(service: BriefingService) -> None:
    user, chat = User("telegram", "49"), Chat("telegram", "49")
    assert handle(service, user, chat, "Imomi").text.startswith("What the articles say about Imomi")
    assert handle(service, user, chat, "what about khalafov?").text.startswith("What the articles say about khalafov")
    handle(service, user, chat, "any news on the corridor?")
    assert "Khalaf Khalafov said about the corridor" in handle(service, user, chat, "what about khalafov?").text


def test_a_follow_up_asks_another_the_same_or_the_same_person_about_it(service: BriefingService) -> None:
    user, chat = User("telegram", "46"), Chat("telegram", "46")
    handle(service, user, chat, "what did Imomi say about the corridor?")
    assert "Khalaf Khalafov said about the corridor" in handle(service, user, chat, "same question for khalafov").text
    handle(service, user, chat, "what did he say about gas?")
    assert "Khalaf Khalafov speaks about gas" in handle(service, user, chat, "what did he say about it?").text


def test_a_follow_up_naming_someone_on_a_topic_asks_them_on_it(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Currencies\n\nBundesbank President Karl Otto Poehl said the dollar was stable.\n\nFinance Minister Gerhard "
        "Stoltenberg said the dollar had fallen far enough against the mark.",
    )
    user, chat = User("telegram", "66"), Chat("telegram", "66")
    handle(service, user, chat, "what did poehl say?")
    reply = handle(service, user, chat, "and stoltenberg on the dollar?")
    assert reply.text.startswith("What Gerhard Stoltenberg said about the dollar:")
    assert [hit.speakers for hit in reply.quotes] == [
        ("Gerhard Stoltenberg",),
        ("Karl Otto Poehl",),
    ]  # his, then around


def test_a_crowd_turned_to_is_asked_the_same(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Pensions row\n\nUnions said raising the pension age was unfair.\n\n"
        "The government said pensions must stay affordable for taxpayers.",
    )
    user, chat = User("telegram", "68"), Chat("telegram", "68")
    handle(service, user, chat, "what did the unions say about pensions?")
    reply = handle(service, user, chat, "and the government?")
    assert reply.text == "What the articles say about government and pensions:"
    assert reply.quotes[0].text.startswith("The government said pensions")


def test_a_source_known_only_as_described_does_not_stand_for_the_crowd_asked_about(service: BriefingService) -> None:
    service.load_text(ADMIN, 'Sterling\n\n"Sterling will fall further this week," one senior dealer said.')
    service.load_text(ADMIN, 'Mark\n\n"The mark is the currency to hold now," a senior dealer at a German bank said.')
    user, chat = User("telegram", "69"), Chat("telegram", "69")
    first = handle(service, user, chat, "what did dealers say about sterling?")
    assert first.text.startswith("What dealers said about sterling (here one senior dealer):")
    reply = handle(service, user, chat, "and about the mark?")
    assert reply.text.startswith("What dealers said about the mark (here a senior dealer):")
    assert reply.quotes[0].text.startswith('"The mark is the currency to hold now,"')


def test_someone_nobody_is_recorded_as_is_asked_on_the_conversations_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "Iraq\n\nTony Blair said the war in Iraq had been right.")
    service.load_text(ADMIN, "Holidays\n\nSummer holidays were costly for families this year.")
    service.load_text(ADMIN, "Soldiers\n\nThe war in Iraq had been a mistake, the families of soldiers there said.")
    user, chat = User("telegram", "78"), Chat("telegram", "78")
    handle(service, user, chat, "what did blair say about the war in iraq?")
    reply = handle(service, user, chat, "what did the families say?")
    assert "iraq" in reply.text.lower()
    assert reply.quotes[0].text.startswith("The war in Iraq had been a mistake")


def test_a_crowd_asked_for_stays_the_crowd_when_one_of_it_answers(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dollar\n\nAnalyst Ann Bell said the dollar would fall.")
    service.load_text(ADMIN, "Gold\n\nAnalyst Cy Dunn said gold would rise.")
    service.load_text(ADMIN, "Yen\n\nAnalyst Ed Fox said the yen would rise.")
    user, chat = User("telegram", "90"), Chat("telegram", "90")
    handle(service, user, chat, "what did analysts say about the dollar?")
    gold = handle(service, user, chat, "what did they say about gold?")
    assert gold.text.startswith("What analysts said about gold (here Cy Dunn):")
    yen = handle(service, user, chat, "and the yen?")  # analysts on the yen, not Cy Dunn
    assert yen.text.startswith("What analysts said about the yen (here Ed Fox):") and yen.quotes


def test_comparing_with_someone_asks_them_on_the_conversations_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dollar talks\n\nJames Baker said the dollar had fallen far enough.")
    service.load_text(ADMIN, "Bonn view\n\nGerhard Stoltenberg said the dollar was close to its floor.")
    service.load_text(ADMIN, "Fed view\n\nPaul Volcker said the dollar needed no more help.")
    user, chat = User("telegram", "73"), Chat("telegram", "73")
    handle(service, user, chat, "what did baker say about the dollar?")
    for message, who in (
        ("compare that with stoltenberg", "Gerhard Stoltenberg"),
        ("how does that compare to volcker?", "Paul Volcker"),
        ("versus stoltenberg?", "Gerhard Stoltenberg"),
        ("compare with volcker", "Paul Volcker"),
        ("compared to stoltenberg?", "Gerhard Stoltenberg"),
    ):
        assert handle(service, user, chat, message).text.startswith(f"What {who} said about the dollar:"), message


def test_a_body_turned_to_by_its_whole_name_speaks_on_the_topic_though_its_last_word_is_common(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Waves slow growth\n\nThe IMF said the tsunami would slow growth in Sri Lanka.")
    service.load_text(ADMIN, "Debt relief\n\nThe IMF said it would work with the World Bank on debt relief.")
    service.load_text(ADMIN, "Cost of the waves\n\nThe World Bank said the tsunami would cost the region billions.")
    for day in range(3):  # "bank" is mostly written in lower case, as a word that may be a topic
        service.load_text(ADMIN, f"Rates {day}\n\nThe central bank said rates would stay at {day + 4}%.")
    user, chat = User("telegram", "74"), Chat("telegram", "74")
    handle(service, user, chat, "what did the imf say about the tsunami?")
    reply = handle(service, user, chat, "and the world bank?")
    assert reply.text.startswith("What the World Bank said about the tsunami:")  # a body the stories write so
    assert reply.quotes[0].text.startswith("The World Bank said the tsunami")


def test_did_he_apologise_asks_the_conversations_person_on_its_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "Referee row\n\nJose Mourinho said the referee had been influenced at half-time.")
    service.load_text(ADMIN, "Chelsea win\n\nJose Mourinho said his players had been superb all season.")
    user, chat = User("telegram", "75"), Chat("telegram", "75")
    handle(service, user, chat, "what did mourinho say about the referee?")
    for message in ("did he apologise?", "has he responded?", "did he deny it?"):
        reply = handle(service, user, chat, message)
        assert reply.text.startswith("What Jose Mourinho said about the referee:"), message
        assert [hit.text[:35] for hit in reply.quotes] == ["Jose Mourinho said the referee had "]
    # Asked of him by name, all he said, which would hold it.
    assert service.ask("did mourinho apologise?").message.startswith("What Jose Mourinho said:")


def test_what_the_conversations_person_is_asked_by_pronoun_is_how_stories_introduce_them(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Tory plans\n\nTory leader Michael Howard said taxes would fall.")
    user, chat = User("telegram", "77"), Chat("telegram", "77")
    for first in ("who is michael howard?", "what did howard say about taxes?"):
        handle(service, user, chat, first)
        for message in ("what is his role?", "which party does he lead?", "what does he do?", "which howard?"):
            reply = handle(service, user, chat, message)
            assert reply.text == "How the articles introduce Michael Howard:", (first, message)
    handle(service, user, chat, "what did howard say about taxes?")
    assert handle(service, user, chat, "which one do you mean?").text == "How the articles introduce Michael Howard:"
    assert not handle(service, user, chat, "which taxes?").text.startswith("How the articles introduce")


@pytest.mark.parametrize("message", ["summarise", "give me a summary", "what's the background?", "recap please"])
def test_a_summary_asked_of_nothing_is_the_stories_on_the_conversations_topic(
    service: BriefingService, message: str
) -> None:
    user, chat = User("telegram", "61"), Chat("telegram", "61")
    assert handle(service, user, chat, message).text.startswith("Ask me about a person or a topic")
    handle(service, user, chat, "what did Khalafov say about the corridor?")
    assert handle(service, user, chat, message).text.startswith("What the articles say about the corridor:")


def test_a_person_asked_on_a_question_is_led_with_the_question_quoted(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dome sale\n\nTessa Jowell said the Dome would be sold because it lost money.")
    user, chat = User("telegram", "64"), Chat("telegram", "64")
    assert handle(service, user, chat, "why will the dome be sold?").text.startswith(
        "What the articles say on “why will the dome be sold”:"
    )
    assert handle(service, user, chat, "what did jowell say?").text.startswith(
        "What Tessa Jowell said on “why will the dome be sold”:"
    )
