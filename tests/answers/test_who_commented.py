"""Who commented on a topic: the people quoted on it, who else did, and who spoke in the latest stories."""

from __future__ import annotations

import pytest

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.query import Question
from bot.retrieval.wording import lead
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


@pytest.mark.parametrize(
    ("follow_up", "answer"),
    [
        ("who else commented?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("anyone else?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("any other views?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("what do others think?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("who else was there?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("any reaction?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("what was the response?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("did anyone disagree?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("how did people react to it?", "I found nothing on the corridor but Khalaf Khalafov’s words."),
        ("who commented?", "Quoted on the corridor:"),
        ("and who spoke about it?", "Quoted on the corridor:"),
    ],
)
def test_who_else_asks_anyone_on_the_conversations_topic(service: BriefingService, follow_up: str, answer: str) -> None:
    user, chat = User("telegram", "51"), Chat("telegram", "51")
    handle(service, user, chat, "what did Khalafov say about the corridor?")
    assert handle(service, user, chat, follow_up).text.startswith(answer)


def test_who_commented_with_no_conversation_asks_on_what(service: BriefingService) -> None:
    reply = handle(service, User("telegram", "52"), Chat("telegram", "52"), "who commented?")
    assert reply.text.startswith("Ask me about a person or a topic") and not reply.quotes


@pytest.mark.parametrize(
    "messages",
    [["what's new?", "who commented?"], ["who is quoted in the latest news?"], ["any news?", "who was quoted?"]],
)
def test_who_spoke_in_the_latest_stories_names_them_with_a_quote_from_each(
    service: BriefingService, messages: list[str]
) -> None:
    service.load_text(ADMIN, "Harbour vote\n\nThe council voted to close the harbour.\n\nThe mayor, Ann Cole, said so.")
    service.load_text(ADMIN, "Dome sale\n\nThe Dome was sold to a property firm.\n\nIts buyer paid little.")
    user, chat = User("telegram", "57"), Chat("telegram", "57")
    for message in messages:
        reply = handle(service, user, chat, message)
    # The seed story quotes its two ministers more often than the harbour story its mayor: they come first.
    assert reply.text == (
        "Quoted in the latest stories: Khalaf Khalafov, Sodik Imomi, Ann Cole. A quote from each story:"
    )
    assert [q.text for q in reply.quotes[:2]] == [
        "The Dome was sold to a property firm.",  # quoting no one: its lead
        "The mayor, Ann Cole, said so.",
    ]


HARBOUR = """Harbour to close

The old harbour will close next spring after the council voted for the plan.

The vote followed months of debate over the harbour's future.

Mayor Oren Malik said closing the harbour would save the town money.

Local fisherman Tomas Brandt said the harbour was the heart of the town and he would fight the closure.
"""


def test_who_commented_lists_the_people_quoted_on_the_topic_and_gives_their_words_first(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, HARBOUR)
    news = service.ask("any news on the harbour?")
    assert news.message == "What the articles say about the harbour:"
    assert news.hits[0].text.startswith("The old harbour will close")
    voices = service.ask("who commented on the harbour?")
    assert voices.message == "Quoted on the harbour: Oren Malik, Tomas Brandt. Their words first:"
    assert [hit.speakers for hit in voices.hits[:2]] == [("Oren Malik",), ("Tomas Brandt",)]
    assert voices.hits[2].text == news.hits[0].text  # then the answers quoting no one, in their order


def test_who_commented_lists_only_those_quoted_on_the_topic_in_a_story_holding_it(service: BriefingService) -> None:
    for n in range(3):  # stories teaching the archive the words coffee goes with: exporters, growers, producers
        service.load_text(ADMIN, f"Coffee market {n}\n\nCoffee exporters and growers met producers in Brazil.")
    service.load_text(ADMIN, "Coffee talks\n\nCoffee producers met.\n\nAnn Lee said coffee quotas would return.")
    service.load_text(ADMIN, "Oil output\n\nExporters and growers of oil met producers.\n\nOPEC said quotas must stay.")
    answer = service.ask("who commented on coffee quotas?", limit=10)
    assert answer.message == "Quoted on coffee quotas: Ann Lee. Their words first:"
    assert answer.hits[0].speakers == ("Ann Lee",)


def test_who_else_commented_leaves_out_the_person_just_asked_about(service: BriefingService) -> None:
    service.load_text(ADMIN, HARBOUR)
    service.load_text(ADMIN, "Harbour fees\n\nMayor Oren Malik said harbour fees would double next year.")
    user, chat = User("telegram", "58"), Chat("telegram", "58")
    handle(service, user, chat, "what did oren malik say about the harbour?")
    others = handle(service, user, chat, "who else commented?")
    assert others.text.startswith("Quoted on the harbour besides Oren Malik: Tomas Brandt. Their words first:")
    assert others.quotes[0].text.startswith("Local fisherman Tomas Brandt said")
    assert not any("Malik said" in quote.text for quote in others.quotes)
    assert not any("Malik said" in quote.text for quote in handle(service, user, chat, "more").quotes)
    again = handle(service, user, chat, "anyone else?")  # no one else quoted: what the stories say themselves
    assert again.text == "What the articles say about the harbour, besides the words of Oren Malik and Tomas Brandt:"
    assert again.quotes and not any(quote.speakers for quote in again.quotes), [
        (q.text[:40], q.speakers) for q in again.quotes
    ]
    everyone = handle(service, user, chat, "who commented on the harbour?")
    assert everyone.text.startswith("Quoted on the harbour: Oren Malik, Tomas Brandt."), everyone.text


def test_who_else_commented_when_no_one_else_did_says_so(service: BriefingService) -> None:
    user, chat = User("telegram", "59"), Chat("telegram", "59")
    handle(service, user, chat, "what did khalafov say about the corridor?")
    for asked in ("who else commented?", "what did others say about it?"):
        assert handle(service, user, chat, asked).text == "I found nothing on the corridor but Khalaf Khalafov’s words."


@pytest.mark.parametrize(
    "question",
    [
        "did anyone comment on the harbour?",
        "has anybody said anything about the harbour?",
        "was anyone quoted on the harbour?",
        "list everyone who spoke about the harbour",
        "people who commented on the harbour",
    ],
)
def test_asking_whether_anyone_spoke_lists_who_did(service: BriefingService, question: str) -> None:
    service.load_text(ADMIN, HARBOUR)
    assert service.ask(question).message == "Quoted on the harbour: Oren Malik, Tomas Brandt. Their words first:"


def test_who_commented_on_a_topic_nobody_is_quoted_on_says_so(service: BriefingService) -> None:
    service.load_text(ADMIN, "Tide tables\n\nThe spring tides will peak on Friday.\n\nLow tide falls at noon.")
    answer = service.ask("who spoke about the tides?")
    assert answer.message.startswith("I found no one quoted on the tides; what the articles say about it:")
    assert answer.hits[0].text == "The spring tides will peak on Friday."


def test_who_commented_reads_past_a_first_page_of_reports_quoting_no_one(service: BriefingService) -> None:
    for day in range(1, 16):
        service.load_text(ADMIN, f"Dome report {day}\n\nThe Dome stayed shut on day {day} of the dispute.")
    service.load_text(ADMIN, 'Dome view\n\nVisitors queued outside.\n\n"The Dome deserves a buyer," said Tom Hart.')
    answer = service.ask("who commented on the dome?")
    assert answer.message.startswith("Quoted on the dome: Tom Hart.")
    assert answer.hits[0].speakers == ("Tom Hart",)


@pytest.mark.parametrize("follow_up", ["who else was critical?", "did anyone else complain?", "who else reacted?"])
def test_who_else_in_any_words_of_speaking_lists_the_others_quoted(service: BriefingService, follow_up: str) -> None:
    service.load_text(
        ADMIN,
        "Referee row\n\nJose Mourinho said the referee had been poor.\n\nArsene Wenger said the referee was weak.",
    )
    user, chat = User("telegram", "80"), Chat("telegram", "80")
    handle(service, user, chat, "what did mourinho say about the referee?")
    reply = handle(service, user, chat, follow_up)
    assert reply.text.startswith("Quoted on the referee besides Jose Mourinho: Arsene Wenger.")


def test_who_else_after_who_commented_lists_those_not_quoted_on_the_pages_shown(service: BriefingService) -> None:
    service.load_text(ADMIN, HARBOUR)
    for n, name in enumerate(["Ann Cole", "Ben Hart", "Cy Lund", "Di Moss", "Ed Nye", "Flo Orr"]):
        service.load_text(ADMIN, f"Harbour view {n}\n\n{name} said the harbour closure was a mistake.")
    user, chat = User("telegram", "81"), Chat("telegram", "81")
    first = handle(service, user, chat, "who commented on the harbour closure?")
    shown = {name for quote in first.quotes for name in quote.speakers}
    assert len(shown) == len(first.quotes) > 1 and first.more
    others = handle(service, user, chat, "who else?")
    assert others.text.startswith("Quoted on the harbour closure besides ")
    assert all(name in others.text.split(":")[0] for name in shown)
    assert others.quotes and not shown.intersection(name for quote in others.quotes for name in quote.speakers)


def test_who_else_asked_again_and_again_leaves_out_everyone_shown_and_counts_them_past_three(
    service: BriefingService,
) -> None:
    for n, name in enumerate(["Ann Cole", "Ben Hart", "Cy Lund", "Di Moss", "Ed Nye", "Flo Orr", "Gus Pym"]):
        service.load_text(ADMIN, f"Dome view {n}\n\n{name} said the Dome sale was a mistake.")
    user, chat = User("telegram", "82"), Chat("telegram", "82")
    replies = [handle(service, user, chat, asked) for asked in ("who commented on the dome sale?", "who else?")]
    third = handle(service, user, chat, "who else?")
    earlier = [name for reply in replies for quote in reply.quotes for name in quote.speakers]
    assert len(earlier) == 6
    assert third.text.startswith(f"Quoted on the dome sale besides {earlier[0]}, {earlier[1]} and 4 others: ")
    assert [name for quote in third.quotes for name in quote.speakers] == [
        name
        for name in ["Ann Cole", "Ben Hart", "Cy Lund", "Di Moss", "Ed Nye", "Flo Orr", "Gus Pym"]
        if name not in earlier
    ]


def test_they_after_who_commented_are_those_quoted_on_the_page(service: BriefingService) -> None:
    service.load_text(ADMIN, HARBOUR)
    service.load_text(ADMIN, "Harbour fees\n\nMayor Oren Malik said harbour fees would double next year.")
    service.load_text(ADMIN, "Boat fees\n\nTomas Brandt said fees for boats were already too high.")
    user, chat = User("telegram", "83"), Chat("telegram", "83")
    voices = handle(service, user, chat, "who commented on the harbour?")
    assert voices.text.startswith("Quoted on the harbour: Oren Malik, Tomas Brandt.")
    reply = handle(service, user, chat, "what did they say about fees?")
    assert reply.text == "What Oren Malik / Tomas Brandt said about fees:"
    assert {quote.text for quote in reply.quotes} == {
        "Mayor Oren Malik said harbour fees would double next year.",
        "Tomas Brandt said fees for boats were already too high.",
    }


def test_who_else_commented_on_a_topic_named_again_leaves_out_the_person_just_asked_about(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, HARBOUR)
    service.load_text(
        ADMIN, "Harbour talks\n\nMayor Oren Malik and Ann Cole said the harbour talks went well, Ann Cole said."
    )
    user, chat = User("telegram", "84"), Chat("telegram", "84")
    handle(service, user, chat, "what did oren malik say about the harbour?")
    others = handle(service, user, chat, "who else commented on the harbour?")
    assert others.text.startswith("Quoted on the harbour besides Oren Malik: ")
    assert "Oren Malik" not in others.text.removeprefix("Quoted on the harbour besides Oren Malik")
    assert {"Tomas Brandt", "Ann Cole"} <= {name for quote in others.quotes for name in quote.speakers}


def test_who_is_quoted_most_lists_the_archives_most_quoted_voices(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dollar talks\n\nJames Baker said the dollar had fallen far enough.")
    rice = ["Rice talks", "Clayton Yeutter said rice talks stalled.", "Yeutter said Japan must move.", "He said so."]
    service.load_text(ADMIN, "\n\n".join(rice))
    for question in (
        *("who is quoted most?", "who do you quote most often?", "most quoted people", "top voices"),
        *("who's the most quoted person?", "who are the most cited sources?"),
    ):
        answer = service.ask(question)
        assert answer.message.startswith("Quoted most in the articles: Clayton Yeutter (3 paragraphs), "), question
        assert "James Baker (1 paragraph)" in answer.message and not answer.no_match, question
        assert answer.message.endswith("Ask “what did Clayton Yeutter say?” to read their words."), question
    # On a topic: those quoted on it, most often quoted first.
    on_rice = ("who's the most quoted person on rice?", "who gets quoted most about rice?", "most quoted on rice")
    for question in on_rice:
        assert service.ask(question).message.startswith("Quoted on rice: Clayton Yeutter."), question


@pytest.mark.parametrize(
    ("question", "lead"),
    [
        ("who said the harbour was the heart of the town?", "Quoted on “the harbour was the heart of the town”:"),
        ("did malik say closing the harbour would save money?", "What Oren Malik said on “closing the harbour would"),
        (
            "did malik say the moon was cheese?",
            "I found no paragraph where Oren Malik speaks on “the moon was cheese”.",
        ),
    ],
)
def test_a_topic_that_is_a_statement_is_quoted_in_the_lead(service: BriefingService, question: str, lead: str) -> None:
    service.load_text(ADMIN, HARBOUR)
    assert service.ask(question).message.startswith(lead)


def test_a_surname_alone_beside_the_one_full_name_it_stands_for_is_listed_once() -> None:
    asked = Question("who commented on sterling?", topic="sterling")
    voices = ["Nigel Lawson", "Lawson", "Robin Marshall"]
    assert lead(asked, None, voices=voices) == "Quoted on sterling: Nigel Lawson, Robin Marshall. Their words first:"
    both = ["Patricia Hewitt", "Lleyton Hewitt", "Hewitt"]  # which Hewitt is unknown: all stay
    assert lead(asked, None, voices=both).startswith("Quoted on sterling: Patricia Hewitt, Lleyton Hewitt, Hewitt.")
    news = Question("any news on sterling?", topic="sterling")
    assert lead(news, None, besides=voices) == (
        "What the articles say about sterling, besides the words of Nigel Lawson and Robin Marshall:"
    )
    # The full name whichever comes first, when one person is left out.
    assert lead(news, None, besides=["Lawson", "Nigel Lawson"]) == (
        "What the articles say about sterling, besides Nigel Lawson’s words:"
    )
