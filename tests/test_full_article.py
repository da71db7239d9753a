"""Reading one article in full in chat: by its number, or the one the last answer quotes first."""

from __future__ import annotations

import pytest

from bot.commands import handle
from bot.models import Chat, User
from bot.service import BriefingService

ME = User("telegram", "7")
CHAT = Chat("telegram", "7")
STORY = "date 1987-04-07 By Reuters\n\nVolcker said the dollar had fallen far enough.\n\nHe spoke in Washington."


def test_read_by_number_shows_the_citation_then_every_paragraph(service: BriefingService) -> None:
    (outcome,) = service.load_text(User("console", "me"), STORY).outcomes
    assert handle(service, ME, CHAT, f"/read {outcome.article_id}").text == (
        f"#{outcome.article_id} “Volcker said the dollar had fallen far enough” — Reuters, 1987-04-07\n\n"
        "Volcker said the dollar had fallen far enough.\n\nHe spoke in Washington."
    )


@pytest.mark.parametrize(
    "message",
    ["show me the full article", "/read", "can i read the whole story?", "show me the article", "open the story"],
)
def test_the_full_article_is_the_one_the_last_answer_quotes_first(service: BriefingService, message: str) -> None:
    service.load_text(User("console", "me"), STORY)
    handle(service, ME, CHAT, "what did volcker say about the dollar?")
    reply = handle(service, ME, CHAT, message)
    assert reply.text.endswith("Volcker said the dollar had fallen far enough.\n\nHe spoke in Washington.")


@pytest.mark.parametrize(
    ("message", "said"),
    [
        ("show me the full article", "Tell me which article to read by its number, e.g. /read 12 (see /articles), or"),
        ("/read twelve", "Tell me which article to read by its number, e.g. /read 12 (see /articles)."),
        ("/read 999", "I have no article #999. /articles lists the latest with their numbers."),
    ],
)
def test_an_article_not_told_or_not_held_is_said_plainly(service: BriefingService, message: str, said: str) -> None:
    assert handle(service, ME, CHAT, message).text.startswith(said)
