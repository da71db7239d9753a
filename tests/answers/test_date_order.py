"""Answers asked for by date: "newest first", "when did Baker last talk about the dollar?"."""

from __future__ import annotations

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.order import Order, order_in
from bot.retrieval.query import parse_question
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def _baker_on_the_dollar(service: BriefingService) -> None:
    """Four stories where Baker speaks on the dollar, loaded out of date order, one without a date, and a newer
    one that only mentions him."""
    service.load_text(ADMIN, "date 1987-04-22 By Reuters\n\nJames Baker said the dollar was stable now.")
    service.load_text(ADMIN, "Dollar view\n\nJames Baker said the dollar would find its level.")
    service.load_text(ADMIN, "date 1987-03-05 By Reuters\n\nJames Baker said the dollar had fallen far enough.")
    service.load_text(ADMIN, "date 1987-04-05 By Reuters\n\nJames Baker said the dollar should not fall further.")
    service.load_text(ADMIN, "date 1987-05-01 By Reuters\n\nTraders expect the dollar to rise before Baker's visit.")


def _saying(service: BriefingService, question: str) -> list[str]:
    """What Baker says in each answer, in order."""
    return [hit.text.removeprefix("James Baker said the dollar ") for hit in service.ask(question, limit=5).hits]


def test_asked_for_the_newest_the_answering_stories_come_by_date_undated_last(service: BriefingService) -> None:
    _baker_on_the_dollar(service)
    newest = ["was stable now.", "should not fall further.", "had fallen far enough.", "would find its level."]
    for question in (
        "when did baker last talk about the dollar?",
        "what did baker say about the dollar, newest first",
        "baker's latest comments on the dollar",
        "what has baker said recently about the dollar?",
        "what did baker say about the dollar last week?",  # no date to hold a story to, but the newest first
        "what did baker say about the dollar yesterday?",
    ):
        assert _saying(service, question)[:4] == newest, question
    assert order_in("what did baker say about this week's treasury auctions?") is None  # the topic's week
    answer = service.ask("when did baker last talk about the dollar?")
    assert answer.message == "What James Baker said about the dollar, newest first (stories without a date last):"


def test_asked_for_the_oldest_the_earliest_story_comes_first(service: BriefingService) -> None:
    _baker_on_the_dollar(service)
    oldest = ["had fallen far enough.", "should not fall further.", "was stable now.", "would find its level."]
    for question in ("what did baker first say about the dollar?", "baker on the dollar, oldest first"):
        assert _saying(service, question)[:4] == oldest, question


def test_news_asked_for_newest_first_and_more_keeps_the_order(service: BriefingService) -> None:
    _baker_on_the_dollar(service)
    user, chat = User("telegram", "71"), Chat("telegram", "71")
    first = handle(service, user, chat, "any news on the dollar, newest first")
    assert first.text.startswith("What the articles say about the dollar, newest first")
    more = handle(service, user, chat, "more")
    dates = [hit.citation.published for hit in (*first.quotes, *more.quotes) if hit.citation.published]
    assert dates == sorted(dates, reverse=True) and len(dates) == 4


def test_the_words_asking_for_an_order_are_not_the_question() -> None:
    assert parse_question("when did greenspan last talk about the deficit?").speaker == "greenspan"
    assert parse_question("what did greenspan first mention about the deficit?").speaker == "greenspan"
    assert parse_question("what did greenspan say about rates, oldest first").topic == "rates"
    assert parse_question("what did the first minister say about drink?").speaker == "first minister"
    assert order_in("what did the first minister say about drink?") is None
    assert order_in("what did blair say at the last summit about tax?") is None
    assert order_in("what did blair say last week about tax?") is Order.NEWEST  # no date to hold to: the newest
    assert order_in("blair on tax in chronological order") is Order.OLDEST
    assert order_in("the most recent remarks from blair on tax") is Order.NEWEST
    assert order_in("what's the latest from opec?") is Order.NEWEST  # and its words stay for reading it
    assert parse_question("what's the latest from opec?").speaker == "opec"


def test_a_follow_up_asking_only_for_an_order_orders_the_conversations_answer(service: BriefingService) -> None:
    _baker_on_the_dollar(service)
    user, chat = User("telegram", "72"), Chat("telegram", "72")
    handle(service, user, chat, "what did baker say about the dollar?")
    for message, order in (
        ("anything newer?", "newest first"),
        ("older ones?", "oldest first"),
        ("sort them by date", "newest first"),
        ("in chronological order", "oldest first"),
        ("newer ones first", "newest first"),
        ("sort by date", "newest first"),
        ("show them newest first", "newest first"),
        ("what's the most recent?", "newest first"),
        ("the oldest ones?", "oldest first"),
        ("what did he say after that?", "newest first"),
        ("and before that?", "oldest first"),
        ("older ones first", "oldest first"),
    ):
        reply = handle(service, user, chat, message)
        assert reply.text.startswith(f"What James Baker said about the dollar, {order}"), message
        dates = [hit.citation.published for hit in reply.quotes if hit.citation.published]
        assert dates == sorted(dates, reverse=order == "newest first") and len(dates) == 3, message
    # The conversation goes on with the same question, in that order.
    more = handle(service, user, chat, "more")
    assert more.text.startswith("What James Baker said about the dollar, oldest first")
