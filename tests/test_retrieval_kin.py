"""Other forms of a question's word that Porter stems apart, found where the article writes them."""

from __future__ import annotations

import pytest

from bot.models import User
from bot.retrieval.kin import (
    adjective_stand_ins,
    agent_stand_ins,
    closed_compounds,
    country_stand_ins,
    doctrine_stand_ins,
    number_stand_ins,
    past_tense_stand_ins,
    spelling_stand_ins,
)
from bot.retrieval.synonyms import synonym_stand_ins
from bot.service import BriefingService

ADMIN = User("console", "me")


def test_a_doer_stands_for_the_deed() -> None:
    assert agent_stand_ins(["phisher", "trader", "owner"]) == {
        "phish": ("phisher",),
        "phishe": ("phisher",),
        "trad": ("trader",),
        "trade": ("trader",),
    }


def test_an_ism_and_its_ist_stand_for_each_other() -> None:
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


def test_a_word_stands_for_its_other_spelling_across_the_atlantic() -> None:
    assert spelling_stand_ins(["stabilise", "labor", "centre", "programmes", "four", "size", "tours", "prize"]) == {
        "stabil": ("stabilis",),
        "labour": ("labor",),
        "center": ("centr",),
        "program": ("programm",),
    }


def test_two_adjacent_words_stand_for_their_closed_up_form() -> None:
    # A stopword's blank keeps "site" and "short" apart.
    assert closed_compounds(["new", "web", "site", "", "short", "fall"]) == {
        "newweb": ("new", "web"),
        "websit": ("web", "site"),
        "shortfal": ("short", "fall"),
    }


def test_a_small_number_stands_for_its_other_form() -> None:
    # Not "one": Porter stems it to "on", which every text holds.
    assert number_stand_ins(["6", "nations", "eight", "one", "1", "2005"]) == {"six": ("6",), "8": ("eight",)}


def test_a_country_and_its_demonym_stand_for_each_other() -> None:
    # "france" stems to "franc", as the currency does: the archive's use decides, as for the other kin.
    assert country_stand_ins(["japan", "south", "africa", "chinese", "european", "oil"]) == {
        "japanes": ("japan",),
        "african": ("africa",),
        "china": ("chines",),
        "europ": ("european",),
    }


def test_a_word_and_its_synonym_stand_for_each_other() -> None:
    # Both ways, every word of a group; a word of no group has none.
    assert synonym_stand_ins(["jobs", "maize", "negotiations", "weather"]) == {
        "employ": ("job",),
        "corn": ("maiz",),
        "talk": ("negoti",),
    }


def test_news_verbs_for_buying_selling_and_cutting_and_crude_for_oil_are_synonyms() -> None:
    # "did kasahara say nippon mining wants to buy refineries" is answered by "not planning to acquire any U.S.
    # refining … outlets"; a story's "crude" is the oil asked about.
    assert synonym_stand_ins(["acquiring", "offloading", "slashing", "crude"]) == {
        "bui": ("acquir",),
        "purchas": ("acquir",),
        "sell": ("offload",),
        "cut": ("slash",),
        "reduc": ("slash",),
        "reduct": ("slash",),
        "oil": ("crude",),
        "petroleum": ("crude",),
    }


def test_family_words_sharp_moves_and_other_news_words_are_synonyms() -> None:
    # "what has tsutsumi said about his dad" is answered by his words on his father; "soaring land prices" by a
    # sharp rise in them.
    assert synonym_stand_ins(["dad", "soaring", "attorney", "greenback"]) == {
        "father": ("dad",),
        "rise": ("soar",),
        "increas": ("soar",),
        "hike": ("soar",),
        "surg": ("soar",),
        "lawyer": ("attornei",),
        "dollar": ("greenback",),
    }


def test_currency_farming_and_conflict_words_news_uses_for_one_another_are_synonyms() -> None:
    # "bilson's view on the pound" is answered by his words on sterling; "rich countries' farm subsidies" by
    # "subsidies on agriculture"; "foreign aid" by "development assistance".
    assert synonym_stand_ins(["pound", "farm", "aid", "truce", "detained"]) == {
        "sterl": ("pound",),
        "agricultur": ("farm",),
        "assist": ("aid",),
        "ceasefir": ("truce",),
        "arrest": ("detain",),
    }


def test_a_verb_and_its_past_tense_the_lemmatiser_leaves_stand_for_each_other() -> None:
    # "fell" and "sold" the lemmatiser already reads as "fall" and "sell".
    assert past_tense_stand_ins(["rising", "won", "fell", "prices"]) == {"rose": ("rise",), "win": ("won",)}


def test_a_noun_and_its_adjective_stand_for_each_other() -> None:
    assert adjective_stand_ins(["economy", "financial", "navy", "presidential", "technology", "oil"]) == {
        "econom": ("economi",),
        "financ": ("financi",),
        "naval": ("navi",),
        "presid": ("presidenti",),
        "technolog": ("technologi",),
    }
    # Porter already stems these together, or they have no root left before the ending.
    assert adjective_stand_ins(["national", "cultural", "rent", "dance"]) == {}


@pytest.mark.parametrize(
    ("stories", "question", "first"),
    [
        (
            [
                "Scams grow\n\nMark Sunner said some phishing attacks now focus on one company.\n\n"
                "Mr Sunner said his own staff were safe."
            ],
            "what did sunner say about phishers going after companies?",
            "Mark Sunner said some phishing",
        ),
        (
            [
                "MPs recall taunts\n\nGillian Shepherd remembered how sexist remarks were shouted in the Chamber.\n\n"
                "Ms Shepherd said the House had changed since."
            ],
            "what did gillian shepherd say about sexism?",
            "Gillian Shepherd remembered",
        ),
        (
            # The British spelling is in the archive too, so it is no unused word read by its shorter form.
            [
                "Pound steadies\n\nThe Bank of England moved to stabilise the pound on Monday.",
                "Baker on currencies\n\nJames Baker said the dollar had fallen too far.\n\n"
                "He said the nations would work to stabilize the dollar.",
            ],
            "what did james baker say about stabilising the dollar?",
            "He said the nations would work to stabilize",
        ),
        (
            [
                "Roadworks\n\nThe building site stood near a web of new roads.",
                "Shop goes online\n\nJo Bloggs said the shop's new website would open in May.\n\n"
                "Ms Bloggs said staff were ready for the busy season.",
            ],
            "what did jo bloggs say about the web site?",
            "Jo Bloggs said the shop's new website",
        ),
        (
            [
                "Aid appeal\n\nAid agencies said 6 lorries had crossed the border.",
                "Wales win\n\nWales beat France in the Six Nations on Saturday.",
            ],
            "any news on the 6 nations?",
            "Wales beat France in the Six Nations",
        ),
        (
            [
                "Farm talks\n\nAgriculture Secretary Richard Lyng said European beef was too cheap.\n\n"
                "Lyng said Japan's beef market must open.",
                "Car talks\n\nJapanese officials met on cars.",
            ],
            "what did lyng say about japanese beef?",
            "Lyng said Japan's beef market",
        ),
        (
            [
                "Budget forecast\n\nTreasurer Paul Keating said the budget would cut spending.\n\n"
                "Keating said employment would grow by two pct a year.",
                "Mine closes\n\nThe mine's owners said 300 jobs would go.",
            ],
            "what did keating say about jobs?",
            "Keating said employment would grow",
        ),
        (
            [
                "Markets\n\nDealers said sterling rose against the mark on Monday.",
                "Flower show\n\nA rare blue iris won the prize at the flower show.",
            ],
            "did sterling rise?",
            "Dealers said sterling rose",
        ),
        (
            [
                "Budget speech\n\nTreasurer Paul Keating said economic growth would slow next year.\n\n"
                "Keating said the new tax rules were fair.",
                "Harvest\n\nFarmers said the wheat crop was the best in years for the farm economy.",
            ],
            "what did keating say about the economy?",
            "Treasurer Paul Keating said economic growth",
        ),
    ],
    ids=["doer", "ism", "spelling", "compound", "number", "country", "synonym", "past tense", "adjective"],
)
def test_a_word_asked_in_one_form_finds_the_paragraph_written_in_another(
    service: BriefingService, stories: list[str], question: str, first: str
) -> None:
    for story in stories:
        service.load_text(ADMIN, story)
    answer = service.ask(question)
    assert not answer.no_match and answer.hits[0].text.startswith(first)


def test_a_name_ending_in_er_stands_for_no_deed(service: BriefingService) -> None:
    service.load_text(ADMIN, "Music deal\n\nEdgar Bronfman said Time Warner had been a good partner.")
    service.load_text(ADMIN, "Music sales\n\nEdgar Bronfman warned that music sales would fall this year.")
    texts = [hit.text for hit in service.ask("what did bronfman say about warner?").hits]
    assert texts == ["Edgar Bronfman said Time Warner had been a good partner."]
