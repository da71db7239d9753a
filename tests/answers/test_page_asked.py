"""So many answers asked for at once: "give me 4 quotes on rice", "top 3 stories on rice"."""

from __future__ import annotations

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.page_asked import MOST_SHOWN, count_asked
from bot.retrieval.query import parse_question
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def _rice_stories(service: BriefingService) -> None:
    """Five stories on rice, each with two paragraphs on it."""
    for day in range(5):
        service.load_text(
            ADMIN,
            f"Rice talks, day {day + 1}\n\nClayton Yeutter said rice talks went on for day {day + 1}.\n\n"
            f"Japan said its rice farmers needed {day + 2} more years.",
        )


def test_a_number_of_answers_asked_for_sets_the_page(service: BriefingService) -> None:
    _rice_stories(service)
    user, chat = User("telegram", "76"), Chat("telegram", "76")
    first = handle(service, user, chat, "give me 4 quotes on rice")
    assert first.text.startswith("What the articles say about rice:") and len(first.quotes) == 4
    more = handle(service, user, chat, "more")
    assert len(more.quotes) == 4 and not {q.text for q in more.quotes} & {q.text for q in first.quotes}
    assert len(service.ask("show me two paragraphs about rice").hits) == 2


def test_stories_asked_for_are_one_paragraph_of_each(service: BriefingService) -> None:
    _rice_stories(service)
    answer = service.ask("top 3 stories on rice")
    assert answer.message.startswith("What the articles say about rice:")
    assert len(answer.hits) == 3 and len({hit.article_id for hit in answer.hits}) == 3


def test_the_number_asked_for_is_not_the_topic() -> None:
    assert parse_question("give me 10 quotes on oil").topic == "oil"
    assert parse_question("top 5 stories on the tsunami").topic == "the tsunami"
    assert parse_question("the first three quotes from baker on the dollar").speaker == "baker"
    assert count_asked("give me 500 quotes on oil") == MOST_SHOWN
    assert count_asked("what did the g7 say about the top 10 albums?") is None


def test_stories_asked_for_are_that_many_though_one_story_quotes_them_most(service: BriefingService) -> None:
    talks = "\n\n".join(f"Clayton Yeutter said rice talks went on for day {day}." for day in range(1, 21))
    service.load_text(ADMIN, f"Rice talks go on\n\n{talks}")
    for year in range(3):
        service.load_text(ADMIN, f"Rice note {year}\n\nClayton Yeutter said farmers needed {year + 2} more years.")
    answer = service.ask("give me 3 stories on what yeutter said")
    assert answer.message.startswith("What Clayton Yeutter said:")
    assert len({hit.article_id for hit in answer.hits}) == 3
