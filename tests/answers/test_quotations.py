"""Who said a quotation: the paragraphs holding its words in their order, not news on its words."""

from __future__ import annotations

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.quotation import quotation
from bot.service import BriefingService
from tests.answers.helpers import ADMIN

GULF = """Reagan on the Gulf

"The future belongs to the brave. Free men should not cower before such challenges," Ronald Reagan said.
"""
MATCH = """Chelsea win

"The future of this club is bright," said Jose Mourinho after his side's brave resistance at Portsmouth.
"""


def test_who_said_a_quotation_finds_the_paragraph_holding_its_words_in_order(service: BriefingService) -> None:
    service.load_text(ADMIN, GULF)
    service.load_text(ADMIN, MATCH)  # "future" and "brave", but not the quotation
    for question in (
        "who said 'the future belongs to the brave'?",
        "Who said “The future belongs to the brave”",
        '"the future belongs to the brave"',
        "where is 'the future belongs to the brave' from?",
    ):
        answer = service.ask(question)
        assert answer.message.lower() == "“the future belongs to the brave” is in 1 paragraph, quoting ronald reagan:"
        assert [hit.speakers for hit in answer.hits] == [("Ronald Reagan",)]


def test_a_quotation_no_paragraph_holds_is_said_so_plainly(service: BriefingService) -> None:
    service.load_text(ADMIN, GULF)
    service.load_text(ADMIN, MATCH)
    user, chat = User("telegram", "91"), Chat("telegram", "91")
    wrong = handle(service, user, chat, "who said 'the future belongs to the bold'?")
    assert wrong.text == "I found no paragraph with the words “the future belongs to the bold”."
    assert not wrong.quotes
    # Misremembered: every word is there, not in that order; offered as such, never as the answer.
    reordered = service.ask("who said 'brave men belong to the future'?")
    assert reordered.no_match and not reordered.hits
    assert reordered.message.endswith("These use its words, though not as quoted:")
    assert [hit.speakers for hit in reordered.alternatives] == [("Ronald Reagan",)]


def test_a_word_or_two_in_quotes_or_quotes_in_another_question_are_no_quotation_looked_up() -> None:
    assert quotation("who said 'bubble'?") is None  # a term, asked as a topic
    assert quotation("what did blair say about the 'war on terror' policy?") is None  # his words on it
    assert quotation("who said it's the end of the road for the club's manager?") is None  # apostrophes
    assert quotation("find the quote “a chokepoint of freedom”") == "a chokepoint of freedom"
