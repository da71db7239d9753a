"""Asking for someone's relative: the one their stories name so, never an office's holder."""

from __future__ import annotations

from bot.service import BriefingService
from tests.answers.helpers import ADMIN

BREAK_IN = """Rock star's home burgled

Singer Ozzy Mills chased an intruder from his house on Monday, police said.

His wife Sharon Mills said: "We were lucky nobody was hurt."

Their neighbour Peter Mills, no relation, said the street was usually quiet.
"""
RIVAL = """Mills rival speaks

Producer Dan Crane, a long-time critic of Ozzy Mills, said the band's new album was weak.
"""


def test_a_relative_is_the_one_their_stories_name_so(service: BriefingService) -> None:
    service.load_text(ADMIN, BREAK_IN)
    service.load_text(ADMIN, RIVAL)
    for question in ("what did ozzy mills's wife say?", "what did ozzy mills' wife say"):
        answer = service.ask(question)
        assert answer.message.startswith("What Sharon Mills said")
        assert answer.hits[0].text.startswith("His wife Sharon Mills said")
    # No story names his mother: nobody is taken for her, neither a namesake nor whoever a role ties to him.
    mother = service.ask("what did ozzy mills's mum say?")
    assert not any(name in mother.message for name in ("Sharon Mills", "Peter Mills", "Dan Crane"))
