"""Counts asked for: "how many times has Baker mentioned the dollar?", "how many stories mention rice?"."""

from __future__ import annotations

from bot.retrieval.query import Question, parse_question
from bot.retrieval.speakers import Speaker
from bot.retrieval.wording import lead
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def test_how_often_someone_spoke_on_a_topic_is_counted_above_their_words(service: BriefingService) -> None:
    service.load_text(ADMIN, "date 1987-03-05 By Reuters\n\nJames Baker said the dollar had fallen far enough.")
    service.load_text(
        ADMIN,
        "date 1987-04-05 By Reuters\n\nJames Baker said the dollar should not fall further.\n\n"
        "Baker added that the dollar was near its right level.\n\nBaker also said the budget talks went well.",
    )
    for question in (
        "how many times has baker mentioned the dollar?",
        "how often did james baker talk about the dollar?",
        "How many times did Baker speak about the dollar",
    ):
        answer = service.ask(question)
        # His other line in a story on the dollar answers too, as ranked: the count is of the answers shown.
        assert answer.message == "4 paragraphs in 2 stories answer this. What James Baker said about the dollar:"
    assert service.ask("how often has baker spoken about the budget?").message.startswith(
        "1 paragraph in 1 story answers this. What James Baker said about the budget:"
    )
    assert service.ask("how often is baker quoted?").message.startswith("4 paragraphs in 2 stories answer this.")
    assert service.ask("how many stories quote baker on the budget?").message.startswith("1 paragraph in 1 story")
    assert service.ask("how many stories mention the dollar?").message.startswith(
        "3 paragraphs in 2 stories answer this. What the articles say about the dollar:"
    )
    # Nothing found is said as ever: no count of nothing.
    assert service.ask("how many times has baker mentioned football?").message.startswith(
        "I found no paragraph where James Baker speaks about football"
    )


def test_counting_and_ranking_words_are_not_the_question() -> None:
    assert parse_question("how many times has blair mentioned iraq?") == Question(
        "how many times has blair mentioned iraq?", "blair", "iraq"
    )
    assert parse_question("how many stories mention the dollar?").topic == "the dollar"
    assert parse_question("is baker quoted?").speaker == "baker"
    assert parse_question("which stories quote baker on the dollar?").speaker == "baker"
    assert parse_question("stories quoting baker").speaker == "baker"
    assert parse_question("show me articles that cite volcker on debt") == Question(
        "show me articles that cite volcker on debt", "volcker", "debt"
    )
    assert parse_question("who spoke most about the dollar?").topic == "the dollar"
    assert parse_question("who has talked the most about oil?").topic == "oil"


def test_a_paragraph_only_naming_a_role_many_hold_says_they_speak_in_the_plural() -> None:
    names = tuple(f"{first} Blair" for first in ("Tony", "Cherie", "Euan", "Ian", "Lionel", "Leo"))
    many = Speaker("blair", tuple(range(6)), names)
    assert lead(Question("blair on football", "blair", "football"), many, named=True).startswith(
        "I can't tell for certain that the 6 people recorded as “blair” speak about football"
    )
