"""Chat messages beyond one who-said-what question: greetings, thanks, sources, paging, the latest news, any text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.commands import handle
from bot.models import Chat, User
from bot.service import BriefingService
from tests.answers.helpers import ADMIN

_ASKERS = itertools.count(1000)


@pytest.mark.parametrize(
    "message",
    [
        *("help", "Help!", "hi", "Hello?", "hi there", "Good morning!", "what can you do?"),
        *("Who are you?", "what are you?", "how does this work?"),  # not the people the stories record as "you"
    ],
)
def test_a_greeting_or_a_plea_for_help_gets_what_i_can_do(loaded: BriefingService, message: str) -> None:
    reply = handle(loaded, ADMIN, Chat("console", "local"), message)
    assert reply.text.startswith("I answer questions about the news I have loaded")
    assert "/subscribe" in reply.text


@pytest.mark.parametrize("message", ["Thanks!", "ok thanks", "Great, thanks."])
def test_thanks_are_answered_not_searched(loaded: BriefingService, message: str) -> None:
    assert handle(loaded, ADMIN, Chat("console", "local"), message).text.startswith("You're welcome")


@pytest.mark.parametrize("message", ["ok", "Got it.", "cool", "I see", "👍", "🙏🏻"])
def test_an_acknowledgement_is_answered_not_searched(loaded: BriefingService, message: str) -> None:
    reply = handle(loaded, ADMIN, Chat("console", "local"), message)
    assert reply.text.startswith("OK. Ask me anything else") and not reply.quotes


@pytest.mark.parametrize(
    "message", ["why?", "Is that true?", "really?", "why did he say that?", "what do you think?", "and why?"]
)
def test_a_question_about_the_last_answer_says_what_i_can_do(loaded: BriefingService, message: str) -> None:
    chat = Chat("console", "local")
    assert handle(loaded, ADMIN, chat, "what did Imomi say about oil?").quotes
    reply = handle(loaded, ADMIN, chat, message)
    assert reply.text.startswith("I can't judge or explain the news myself") and not reply.quotes
    assert handle(loaded, ADMIN, chat, "more").text != reply.text  # the conversation is kept for "more"


def test_a_why_question_about_the_news_is_still_asked(loaded: BriefingService) -> None:
    reply = handle(loaded, ADMIN, Chat("console", "local"), "why is Tajikistan interested in oil?")
    assert not reply.text.startswith("I can't judge")


@pytest.mark.parametrize(
    "message",
    [
        *("when was that?", "where's that from?", "source?", "which article is that from?", "when did he say it?"),
        *("where did he say that?", "where was that said?", "when?", "what date?"),
    ],
)
def test_asking_where_the_quotes_come_from_lists_their_articles(service: BriefingService, message: str) -> None:
    user, chat = User("telegram", "58"), Chat("telegram", "58")
    assert handle(service, user, chat, message).text.startswith("There are no quotes above to source yet")
    cite = handle(service, user, chat, "what did Imomi say about oil?").quotes[0].citation
    reply = handle(service, user, chat, message).text
    assert reply == f"The quotes so far come from:\n• “{cite.title}” — {cite.source}, {cite.published}"
    # Naming the person the last question asked about asks the same; naming another is a question about them.
    assert handle(service, user, chat, "where did Imomi say that?").text == reply
    assert handle(service, user, chat, "when did Khalafov say that?").text != reply


def test_a_second_question_in_one_message_is_named_not_dropped(service: BriefingService) -> None:
    text = "what did imomi say about oil and what did khalafov say about the corridor?"
    reply = handle(service, User("telegram", "53"), Chat("telegram", "53"), text)
    assert reply.text.startswith("What Sodik Imomi said about oil")
    assert reply.footer == (
        "You also asked “what did khalafov say about the corridor”: send it on its own and I'll answer it."
    )
    one = handle(service, User("telegram", "53"), Chat("telegram", "53"), "who is imomi and what did he say about oil?")
    assert one.text.startswith("What Sodik Imomi said about oil") and not one.footer


@pytest.mark.parametrize(
    "message",
    [
        *("any news?", "what's new", "latest headlines please", "top stories today"),
        *("what happened yesterday?", "what's going on?"),
    ],
)
def test_news_asked_for_on_no_topic_is_the_latest_stories_leads(service: BriefingService, message: str) -> None:
    service.load_text(ADMIN, "Harbour vote\n\nThe council voted to close the harbour.\n\nThe mayor said so.")
    service.load_text(ADMIN, "Dome sale\n\nThe Dome was sold to a property firm.\n\nIts buyer paid little.")
    user, chat = User("telegram", "55"), Chat("telegram", "55")
    reply = handle(service, user, chat, message)
    assert reply.text == "The latest stories:"
    assert [q.text for q in reply.quotes[:2]] == [
        "The Dome was sold to a property firm.",
        "The council voted to close the harbour.",
    ]
    assert handle(service, user, chat, "new york").text != "The latest stories:"
    assert handle(service, user, chat, "what happened to the dome?").text != "The latest stories:"


@pytest.mark.parametrize(
    "message",
    [
        "ok more",
        "more please",
        "show me more",
        "any more?",
        "next page",
        "keep going",
        "anything else?",
        "is that all?",
        "is there more?",
    ],
)
def test_more_said_in_other_words_pages_on(service: BriefingService, message: str) -> None:
    said = [f"Mayor Ann Bell said point {n} of the plan was agreed." for n in range(1, 9)]
    service.load_text(ADMIN, "\n\n".join(["Harbour plan", *said]))
    user, chat = User("telegram", "46"), Chat("telegram", "46")
    first = handle(service, user, chat, "what did Ann Bell say?")
    rest = handle(service, user, chat, message)
    shown = [q.text for q in (*first.quotes, *rest.quotes)]
    assert rest.quotes and shown == said[: len(shown)]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_any_text_gets_an_answer_or_a_plain_message(service: BriefingService, text: str) -> None:
    asker = User("telegram", str(next(_ASKERS)))  # a new asker each time, so the rate limit never answers
    reply = handle(service, asker, Chat("telegram", asker.id), text)
    assert reply.text or reply.quotes
    assert "slow down" not in reply.text


def test_a_fast_asker_is_asked_to_slow_down_and_others_are_not(service: BriefingService) -> None:
    greedy, calm = User("slack", "U1"), User("slack", "U2")
    chat = Chat("slack", "C1", is_group=True)
    replies = [handle(service, greedy, chat, "what did Imomi say about oil?") for _ in range(25)]
    assert sum("slow down" in r.text for r in replies) == 25 - service.settings.questions_per_minute
    assert handle(service, calm, chat, "what did Imomi say about oil?").quotes


def test_who_someone_is_is_how_the_stories_about_them_introduce_them(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Mac mini launched\n\nChief executive Steve Jobs showed off the new machine in San Francisco.\n\n"
        "Jobs said the Mac mini was the cheapest Mac yet.\n\nMr Jobs added that it would sell well.",
    )
    service.load_text(ADMIN, "Jobs market\n\nNew jobs were created as Steve Smith opened a plant, jobs data showed.")
    service.load_text(ADMIN, "Phone fair\n\nPhone makers showed music phones.\n\nRivals of Steve Jobs showed phones.")
    answer = service.ask("who is steve jobs?")
    assert answer.message == "How the articles introduce Steve Jobs:"
    assert [hit.text for hit in answer.hits] == [
        "Chief executive Steve Jobs showed off the new machine in San Francisco.",
        "Rivals of Steve Jobs showed phones.",
    ]


def test_who_an_office_is_introduces_each_holder_in_turn(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Sterling\n\nChancellor of the Exchequer Nigel Lawson said sterling was stable.\n\n"
        "Lawson said rates could fall.\n\nLawson added that growth was strong.",
    )
    service.load_text(ADMIN, "Sterling again\n\nChancellor Nigel Lawson said the pound would hold.")
    service.load_text(ADMIN, "Budget\n\nChancellor Gordon Brown said the budget would help families.")
    answer = service.ask("who is the chancellor?")
    assert answer.message == "How the articles introduce Nigel Lawson / Gordon Brown:"
    assert [hit.speakers for hit in answer.hits] == [("Nigel Lawson",), ("Gordon Brown",), ("Nigel Lawson",)]


@pytest.mark.parametrize("question", ["who runs opec?", "who heads opec?", "who is the head of opec?"])
def test_who_runs_a_body_introduces_its_head(service: BriefingService, question: str) -> None:
    service.load_text(ADMIN, "Output\n\nOPEC President Rilwanu Lukman said output would hold steady.")
    service.load_text(ADMIN, "Runs\n\nOpec runs its meetings in Vienna, where oil ministers meet.")
    answer = service.ask(question)
    assert answer.message == "How the articles introduce Rilwanu Lukman:"
    assert answer.hits[0].text.startswith("OPEC President Rilwanu Lukman")


@pytest.mark.parametrize("first", ["what did opec say about output?", "any news on opec?"])
def test_who_runs_it_after_a_bodys_words_or_news_on_it_introduces_its_head(
    service: BriefingService, first: str
) -> None:
    service.load_text(ADMIN, "Output\n\nOPEC President Rilwanu Lukman said output would hold steady.")
    service.load_text(ADMIN, "Quota\n\nOPEC said output would stay within the quota, a statement said.")
    user, chat = User("telegram", "63"), Chat("telegram", "63")
    handle(service, user, chat, first)
    assert handle(service, user, chat, "who runs it?").text.startswith("How the articles introduce Rilwanu Lukman:")
    handle(service, user, chat, first)
    assert handle(service, user, chat, "who is its president?").text.startswith(
        "How the articles introduce Rilwanu Lukman:"
    )


def test_the_nearest_paragraphs_offered_with_a_no_match_are_quotes_above_too(service: BriefingService) -> None:
    service.load_text(ADMIN, "date 1987-03-05 By Reuters\n\nJames Baker said the dollar had fallen far enough.")
    service.load_text(ADMIN, "date 1987-03-06 By Reuters\n\nThe trade deficit crisis deepened, analysts said.")
    user, chat = User("telegram", "59"), Chat("telegram", "59")
    offered = handle(service, user, chat, "what did baker say about the trade deficit crisis and the dollar?")
    assert offered.text.startswith("I found no paragraph where James Baker speaks about") and offered.quotes
    cite = offered.quotes[0].citation
    sources = handle(service, user, chat, "when was that?").text
    assert sources == f"The quotes so far come from:\n• “{cite.title}” — {cite.source}, {cite.published}"
    assert f"“{cite.title}” — {cite.source}" in handle(service, user, chat, "show me the article").text
