"""An answer's pages are slices of one ranking: a page reads only as far as it needs, but never differs."""

from __future__ import annotations

from bot.models import User
from bot.service import BriefingService
from tests.conftest import CORPUS, needs_corpus

ADMIN = User("console", "me")
QUESTION = "what was said about the pipeline?"


def _story(n: int) -> str:
    """A report on a pipeline: paragraphs with the word, of different lengths so BM25 tells them apart, and
    reactions without it, which the story lends to the answer through a word learned as related ("oil")."""
    on_topic = [f"The pipeline{' across the northern plains' * i} will reach town {n} by {2000 + i}." for i in range(3)]
    on_topic.append(f"The pipeline will carry oil to town {n}.")
    reactions = [
        f"Farmers near site {n} said the oil would bring jobs to the valley.",
        f"Shares in the company rose {n + 2} percent on the news.",
    ]
    return "\n\n".join([f"Oil pipeline plan number {n} approved", *on_topic, *reactions])


def _other(n: int) -> str:
    """A story on something else, so that "oil" is rare in the archive but for the pipeline stories."""
    return f"Club {n} wins the cup\n\nThe club beat its rivals {n} goals to one.\n\nThe coach praised the team."


def test_each_page_is_a_slice_of_the_whole_ranking(service: BriefingService) -> None:
    # More than a hundred paragraphs hold the word, so the answer comes from the AND search's ranking alone.
    for n in range(26):
        service.load_text(ADMIN, _story(n))
        service.load_text(ADMIN, _other(n))
    whole = [hit.text for hit in service.ask(QUESTION, limit=1000).hits]
    assert len(whole) > 12
    assert any("pipeline" not in text for text in whole)  # lent paragraphs rank too, after the found ones
    for offset in range(0, len(whole) + 5, 5):
        page = service.ask(QUESTION, limit=5, offset=offset)
        assert [hit.text for hit in page.hits] == whole[offset : offset + 5]
        assert page.has_more == (len(whole) > offset + 5)
    first = service.ask(QUESTION, limit=1)
    assert [hit.text for hit in first.hits] == whole[:1] and first.has_more


@needs_corpus()
def test_who_commented_names_the_same_people_on_every_page(service: BriefingService) -> None:
    # Who is quoted is read from the ranking's first ten, which a first page of three must rank in full too: on
    # the BBC's politics stories, a first page named five people and the next "and 2 more".
    service.load_paths([CORPUS / "bbc" / "politics"], by=ADMIN)
    question = "who commented on immigration?"
    whole = service.ask(question, limit=1000)
    assert whole.message.startswith("Quoted on immigration: "), whole.message
    for offset in (0, 3, 6):
        page = service.ask(question, limit=3, offset=offset)
        assert page.message == whole.message
        assert [hit.text for hit in page.hits] == [hit.text for hit in whole.hits[offset : offset + 3]]
