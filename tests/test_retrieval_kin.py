"""Other forms of a question's word that Porter stems apart, found where the article writes them."""

from __future__ import annotations

from bot.models import User
from bot.retrieval.kin import agent_stand_ins, closed_compounds, doctrine_stand_ins, spelling_stand_ins
from bot.service import BriefingService

ADMIN = User("console", "me")


def test_doers_asked_about_are_found_where_the_article_names_the_deed(service: BriefingService) -> None:
    assert agent_stand_ins(["phisher", "trader", "owner"]) == {
        "phish": ("phisher",),
        "phishe": ("phisher",),
        "trad": ("trader",),
        "trade": ("trader",),
    }
    service.load_text(
        ADMIN,
        "Scams grow\n\nMark Sunner said some phishing attacks now focus on one company.\n\n"
        "Mr Sunner said his own staff were safe.",
    )
    answer = service.ask("what did sunner say about phishers going after companies?")
    assert answer.hits and answer.hits[0].text.startswith("Mark Sunner said some phishing")


def test_an_ism_asked_about_is_found_where_the_article_names_its_ists(service: BriefingService) -> None:
    asked = ["sexism", "racists", "terrorism", "activist", "populism", "list", "mist"]
    assert doctrine_stand_ins(asked, {}) == {
        "sexist": ("sexism",),
        "racism": ("racist",),
        "terrorist": ("terror",),
        "populist": ("popul",),
    }
    # A root Porter cut the -ism off counts only as the archive relates it to the word ("terror" groups).
    related = {"terrorist": frozenset({"terror", "attack"}), "activist": frozenset({"protest"})}
    assert doctrine_stand_ins(["terrorists", "activists"], related) == {"terror": ("terrorist",)}
    service.load_text(
        ADMIN,
        "MPs recall taunts\n\nGillian Shepherd remembered how sexist remarks were shouted in the Chamber.\n\n"
        "Ms Shepherd said the House had changed since.",
    )
    answer = service.ask("what did gillian shepherd say about sexism?")
    assert not answer.no_match and answer.hits[0].text.startswith("Gillian Shepherd remembered")


def test_a_word_asked_in_one_spelling_is_found_where_the_article_uses_the_other(service: BriefingService) -> None:
    assert spelling_stand_ins(["stabilise", "labor", "centre", "programmes", "four", "size"]) == {
        "stabil": ("stabilis",),
        "labour": ("labor",),
        "center": ("centr",),
        "program": ("programm",),
    }
    # The British spelling is in the archive too, so it is no unused word read by its shorter form.
    service.load_text(ADMIN, "Pound steadies\n\nThe Bank of England moved to stabilise the pound on Monday.")
    service.load_text(
        ADMIN,
        "Baker on currencies\n\nJames Baker said the dollar had fallen too far.\n\n"
        "He said the nations would work to stabilize the dollar.",
    )
    answer = service.ask("what did james baker say about stabilising the dollar?")
    assert not answer.no_match and answer.hits[0].text.startswith("He said the nations would work to stabilize")


def test_two_words_asked_about_are_found_where_the_article_writes_them_as_one(service: BriefingService) -> None:
    # A stopword's blank keeps "site" and "short" apart.
    assert closed_compounds(["new", "web", "site", "", "short", "fall"]) == {
        "newweb": ("new", "web"),
        "websit": ("web", "site"),
        "shortfal": ("short", "fall"),
    }
    service.load_text(ADMIN, "Roadworks\n\nThe building site stood near a web of new roads.")
    service.load_text(
        ADMIN,
        "Shop goes online\n\nJo Bloggs said the shop's new website would open in May.\n\n"
        "Ms Bloggs said staff were ready for the busy season.",
    )
    answer = service.ask("what did jo bloggs say about the web site?")
    assert not answer.no_match and answer.hits[0].text.startswith("Jo Bloggs said the shop's new website")
