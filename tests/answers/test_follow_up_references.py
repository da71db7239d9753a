"""What "it", "them", "there" and a pronoun subject in a follow-up stand for: the conversation's thing or person."""

from __future__ import annotations

import pytest

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.query import Question, parse_question
from bot.service import BriefingService
from tests.answers.helpers import ADMIN

YUKOS = (
    "Yukos sold\n\nState firm Rosneft now owns Yukos after the auction.\n\nYukos went bust over a tax bill of $27bn."
    "\n\nShares in Yukos are held by Menatep."
)
BAKERY = "Bakery sold\n\nA family trust owns the bakery.\n\nThe chain went bust in the recession."


@pytest.mark.parametrize(
    ("follow_up", "lead", "first"),
    [
        ("who owns it?", "“who owns yukos”", "State firm Rosneft now owns Yukos after the auction."),
        ("who holds the shares there?", "“who holds the shares in yukos”", "Shares in Yukos are held by Menatep."),
    ],
)
def test_it_in_a_follow_ups_topic_is_what_the_conversation_is_about(
    service: BriefingService, follow_up: str, lead: str, first: str
) -> None:
    service.load_text(ADMIN, YUKOS)
    service.load_text(ADMIN, BAKERY)
    user, chat = User("telegram", "62"), Chat("telegram", "62")
    handle(service, user, chat, "any news on yukos?")
    reply = handle(service, user, chat, follow_up)
    assert reply.text.startswith(f"What the articles say on {lead}:")
    assert reply.quotes[0].text == first


def test_it_stays_the_thing_first_asked_about_through_follow_ups(service: BriefingService) -> None:
    service.load_text(ADMIN, YUKOS)
    service.load_text(ADMIN, BAKERY)
    user, chat = User("telegram", "63"), Chat("telegram", "63")
    handle(service, user, chat, "any news on yukos?")
    handle(service, user, chat, "who owns it?")
    reply = handle(service, user, chat, "why did it go bust?")
    assert reply.text.startswith("What the articles say on “why did yukos go bust”:")
    assert reply.quotes[0].text == "Yukos went bust over a tax bill of $27bn."


def test_its_after_a_bodys_words_is_left_to_the_body(service: BriefingService) -> None:
    # After OPEC's words on output, "its quota" may be OPEC's as well as output's: it is asked as typed.
    service.load_text(ADMIN, "Oil output\n\nOpec said output would stay at 30m barrels a day under its new quota.")
    user, chat = User("telegram", "64"), Chat("telegram", "64")
    handle(service, user, chat, "what did opec say about output?")
    reply = handle(service, user, chat, "and about its quota?")
    assert reply.text.startswith("What Opec said about its quota:")


def test_a_pronoun_doing_something_is_the_conversations_person_and_them_its_thing(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Rates\n\nBundesbank President Karl Otto Poehl said interest rates were right for now.\n\n"
        "Poehl said later the Bundesbank would cut interest rates if the mark rose further.",
    )
    service.load_text(ADMIN, "Jobs\n\nThe firm said it would cut 500 jobs this year.")
    user, chat = User("telegram", "65"), Chat("telegram", "65")
    handle(service, user, chat, "what did poehl say about interest rates?")
    reply = handle(service, user, chat, "did he cut them?")
    assert reply.text.startswith("What Karl Otto Poehl said about cutting interest rates:")
    assert reply.quotes[0].text.startswith("Poehl said later the Bundesbank would cut interest rates")


def test_a_pronouns_short_doing_is_asked_of_the_conversations_thing_first(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Dollar\n\nTreasury Secretary James Baker said the dollar was stable.\n\n"
        "Baker said he agreed the dollar should not fall further.",
    )
    service.load_text(ADMIN, "Taxes\n\nJames Baker said he agreed with the tax plan and would agree to more.")
    user, chat = User("telegram", "66"), Chat("telegram", "66")
    handle(service, user, chat, "what did baker say about the dollar?")
    reply = handle(service, user, chat, "did he agree?")
    assert reply.text == "What James Baker said about the dollar:"  # not "about agree", on his tax plan
    assert reply.quotes and all("dollar" in quote.text for quote in reply.quotes)


@pytest.mark.parametrize("first", ["why did yukos go bust?", "Why did Yukos go bust?"])
def test_it_after_a_question_of_no_known_phrasing_is_not_that_whole_question(
    service: BriefingService, first: str
) -> None:
    service.load_text(ADMIN, YUKOS)
    user, chat = User("telegram", "71"), Chat("telegram", "71")
    handle(service, user, chat, first)
    reply = handle(service, user, chat, "who owns it?")
    assert "go bust" not in reply.text.lower()


def test_after_asking_who_someone_is_another_named_is_asked_who_they_are(service: BriefingService) -> None:
    user, chat = User("telegram", "72"), Chat("telegram", "72")
    handle(service, user, chat, "who is imomi?")
    assert handle(service, user, chat, "and khalafov?").text == "How the articles introduce Khalaf Khalafov:"
    assert handle(service, user, chat, "what did he say about the corridor?").text.startswith(
        "What Khalaf Khalafov said about the corridor"
    )


def test_an_it_that_stands_for_nothing_stays_and_the_thing_goes_on(service: BriefingService) -> None:
    service.load_text(ADMIN, YUKOS)
    user, chat = User("telegram", "73"), Chat("telegram", "73")
    handle(service, user, chat, "any news on yukos?")
    true = handle(service, user, chat, "is it true that rosneft owns it?")
    assert true.text.startswith("What the articles say on “is it true that rosneft owns yukos”:")
    assert handle(service, user, chat, "is it likely to go bust?").text.startswith(
        "What the articles say on “is yukos likely to go bust”:"
    )
    assert handle(service, user, chat, "who holds its shares?").text.startswith(
        "What the articles say on “who holds yukos's shares”:"
    )


def test_when_is_it_asks_about_the_thing_and_when_was_that_for_the_sources(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dome opens\n\nThe Dome will open to visitors in June.")
    user, chat = User("telegram", "74"), Chat("telegram", "74")
    handle(service, user, chat, "any news on the dome?")
    when = handle(service, user, chat, "when is it?")
    assert when.text.startswith("What the articles say on “when is the dome”:")
    assert when.quotes[0].text == "The Dome will open to visitors in June."
    assert handle(service, user, chat, "when was that?").text.startswith("The quotes so far come from:")


def test_a_short_question_after_a_topic_is_asked_of_its_thing_first(service: BriefingService) -> None:
    service.load_text(ADMIN, "Warehouse fire\n\nTwo people died in a warehouse fire in Leeds.")
    service.load_text(ADMIN, "Tsunami toll\n\nThe tsunami killed 150,000 people.\n\nMore people died of disease later.")
    user, chat = User("telegram", "75"), Chat("telegram", "75")
    handle(service, user, chat, "any news on the tsunami?")
    reply = handle(service, user, chat, "how many people died?")
    assert reply.text.startswith("What the articles say on “how many people died (the tsunami)”:")
    assert reply.quotes[0].citation.title == "Tsunami toll"
    # A question naming its own thing is asked as it is.
    assert handle(service, user, chat, "how many people died in leeds?").quotes[0].citation.title == "Warehouse fire"
    # A short passive question too: "what was agreed?" had been asked as "agreed" (the pay deal), and "what was
    # announced?" as the words of someone called "was".
    service.load_text(ADMIN, "Summit ends\n\nThe G7 meeting agreed to steady the dollar.")
    service.load_text(ADMIN, "Pay deal\n\nThe unions agreed a pay deal.")
    handle(service, user, chat, "tell me about the g7 meeting")
    reply = handle(service, user, chat, "what was agreed?")
    assert reply.text.startswith("What the articles say on “what was agreed (the g7 meeting)”:")
    assert reply.quotes[0].citation.title == "Summit ends"
    assert parse_question("what was announced?") == Question("what was announced?", topic="what was announced")
    assert parse_question("what is opec?").topic == "opec"


def test_a_period_is_no_thing_for_it_to_stand_for(service: BriefingService) -> None:
    service.load_text(ADMIN, "date 1987-03-02 By Reuters\n\nThe 1987 budget was passed.")
    user, chat = User("telegram", "76"), Chat("telegram", "76")
    handle(service, user, chat, "anything in 1987?")
    assert handle(service, user, chat, "was it?").text.startswith("Ask me about a person or a topic")


def test_a_follow_up_carries_on_a_whole_questions_thing_not_its_wording(service: BriefingService) -> None:
    service.load_text(ADMIN, YUKOS)
    service.load_text(ADMIN, "Kremlin\n\nVladimir Putin said the sale of Yukos followed market rules.")
    user, chat = User("telegram", "77"), Chat("telegram", "77")
    handle(service, user, chat, "any news on yukos?")
    handle(service, user, chat, "who owns it?")
    reply = handle(service, user, chat, "and putin?")
    assert reply.text.startswith("What Vladimir Putin said about yukos:")


def test_a_topic_still_referring_back_is_not_put_into_itself(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dome sale\n\nTessa Jowell said the sale of the Dome was good value.")
    user, chat = User("telegram", "79"), Chat("telegram", "79")
    handle(service, user, chat, "what did jowell say?")
    handle(service, user, chat, "and about its sale?")
    assert "sale's sale" not in handle(service, user, chat, "who commented on it?").text


def test_it_after_a_short_question_is_the_thing_it_was_asked_of_as_written(service: BriefingService) -> None:
    service.load_text(ADMIN, "Louvre\n\nJames Baker said the Louvre accord worked, as Germans agreed in Paris.")
    service.load_text(ADMIN, "Bonn\n\nGerhard Stoltenberg said the Louvre accord would hold.")
    user, chat = User("telegram", "81"), Chat("telegram", "81")
    handle(service, user, chat, "what did baker say about the louvre accord?")
    handle(service, user, chat, "did the germans agree?")
    reply = handle(service, user, chat, "what did stoltenberg say about it?")
    assert reply.text.startswith("What Gerhard Stoltenberg said about the louvre accord:")


@pytest.mark.parametrize(
    "follow_up",
    [
        "what did stoltenberg say in response?",
        "what did stoltenberg say back?",
        "what did stoltenberg say in reply to that?",
    ],
)
def test_someone_answering_is_asked_on_the_conversations_topic(service: BriefingService, follow_up: str) -> None:
    service.load_text(ADMIN, "Louvre\n\nJames Baker said the Louvre accord worked.")
    service.load_text(ADMIN, "Bonn\n\nGerhard Stoltenberg said the Louvre accord would hold.")
    user, chat = User("telegram", "82"), Chat("telegram", "82")
    handle(service, user, chat, "what did baker say about the louvre accord?")
    reply = handle(service, user, chat, follow_up)
    assert reply.text.startswith("What Gerhard Stoltenberg said about the louvre accord:")
