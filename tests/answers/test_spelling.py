"""Slips in typed names, roles, bodies, topic words and phrasing, read as the archive spells them or suggested."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.phrasing_slips import respelt
from bot.retrieval.query import parse_question
from bot.retrieval.spelling import archive_spellings, one_slip_away, written_apart
from bot.retrieval.terms import stem
from bot.service import BriefingService
from tests.answers.helpers import ADMIN

WOLFSON = "Retail news\n\nChief executive Simon Wolfson said Christmas sales were poor."


def test_a_misspelt_name_prefers_a_left_out_letter_to_a_changed_one(service: BriefingService) -> None:
    service.load_text(ADMIN, "Cup final\n\nReferee Graham Poll said the penalty was clear.")
    service.load_text(ADMIN, "Dollar talk\n\nBundesbank President Karl Otto Poehl said intervention was no cure.")
    # "pohl" is one edit from both "poll" and "poehl"; a letter left out is the likelier slip.
    assert service.retriever.speakers.resolve("pohl").names == ("Karl Otto Poehl",)


def test_a_name_with_two_letters_swapped_is_one_slip(service: BriefingService) -> None:
    service.load_text(ADMIN, "Pay gap\n\nTrade Secretary Patricia Hewitt said the pay gap must close.")
    assert service.retriever.speakers.resolve("hweitt").names == ("Patricia Hewitt",)
    assert service.retriever.speakers.resolve("patricia hewitt").names == ("Patricia Hewitt",)
    # A swap and another slip in a long name are two of the two it may have ("hweit": swapped, a "t" left out).
    assert service.retriever.speakers.resolve("patricia hweit").names == ("Patricia Hewitt",)
    assert service.retriever.speakers.resolve("ptaricia hweitt").names == ("Patricia Hewitt",)


def test_a_misspelt_name_is_read_as_the_near_name_that_answers(service: BriefingService) -> None:
    service.load_text(ADMIN, "Budget row\n\nLib Dem spokesman Vince Cable said the budget was wrong.")
    service.load_text(ADMIN, "Bank plan\n\nWorld Bank president Barber Conable said loans to Africa would rise.")
    # "coable" is one slip from both; Cable, the first seen, never speaks of loans.
    answer = service.ask("what did coable say about loans to africa?")
    assert answer.hits[0].speakers == ("Barber Conable",)
    assert "Barber Conable" in answer.message  # said as a reading of the typed name
    assert "Vince Cable" in service.ask("what did coable say about the budget?").hits[0].speakers


def test_a_role_followed_by_a_name_and_a_misspelt_full_name(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Dollar talk\n\nFederal Reserve Vice Chairman Manuel Jonson said the dollar had fallen far enough.\n\n"
        "Boeing Vice Chairman Ann Pike said the dollar helped exports.",
    )
    for question in ["fed vice chairman jonson on the dollar", "manuel jonsen on the dollar"]:
        # His words, then the story's other paragraph around them, cited as hers.
        assert [hit.speakers for hit in service.ask(question).hits] == [("Manuel Jonson",), ("Ann Pike",)], question


def test_warming_up_reads_the_names_before_any_question(service: BriefingService) -> None:
    service.load_text(ADMIN, WOLFSON)
    assert len(service.retriever.speakers.names) == 0  # read on the first question that needs them
    service.warm_up()
    assert len(service.retriever.speakers.names) >= 2  # "simon wolfson", "wolfson", ...
    assert "Simon Wolfson" in service.ask("wolfsen on christmas sales").message


def test_a_misspelt_surname_no_article_uses_is_taken_for_the_name(service: BriefingService) -> None:
    service.load_text(ADMIN, WOLFSON)
    answer = service.ask("wolfsen on christmas sales")
    assert "Simon Wolfson" in answer.message and answer.hits[0].speakers == ("Simon Wolfson",)
    # A word the archive uses is a word, not a misspelt name: "sales on christmas" is a topic.
    assert "Wolfson" not in service.ask("sales on christmas").message


def test_a_misspelt_full_name_asked_alone_is_that_persons_words(service: BriefingService) -> None:
    service.load_text(ADMIN, "Robot study\n\nProfessor Kerstin Dautenhahn said robots must learn manners.")
    service.load_text(ADMIN, "Fashion week\n\nDesigner Kirsten Lee said hemlines would rise.")
    answer = service.ask("kirsten dautenhahn?")  # both words in the archive, never together
    assert answer.hits[0].speakers == ("Kerstin Dautenhahn",), answer.message
    assert "I took “kirsten dautenhahn” to mean Kerstin Dautenhahn" in answer.message
    assert service.ask("kirsten hemlines?").hits[0].speakers == ("Kirsten Lee",)  # a topic found stays one


def test_a_first_name_misspelt_finds_the_full_name_before_a_bare_surname(service: BriefingService) -> None:
    service.load_text(ADMIN, "Doping\n\nKelli White, the banned sprinter, said doping was common in sport.")
    service.load_text(ADMIN, "Rugby\n\nWhite said the scrum had held firm.")  # a White known by surname alone
    answer = service.ask("what did kelly white say about doping?")
    assert answer.hits[0].speakers == ("Kelli White",)
    assert "I took “kelly white” to mean Kelli White" in answer.message


@pytest.mark.parametrize("typed", ["boj govenror", "bank of japan gvoernor", "texas instruments cheif"])
def test_a_role_noun_with_two_letters_swapped_is_read_as_the_role_and_said_so(
    service: BriefingService, typed: str
) -> None:
    service.load_text(ADMIN, "Yen talks\n\nBank of Japan governor Satoshi Sumita said the Plaza agreement had worked.")
    service.load_text(ADMIN, "Chip maker\n\nTexas Instruments chief Rich Templeton said the Plaza agreement hurt.")
    answer = service.ask(f"{typed} on the plaza agreement")
    assert answer.hits[0].speakers[0] == ("Rich Templeton" if "texas" in typed else "Satoshi Sumita")
    assert "(I took “" in answer.message


@pytest.mark.parametrize("typed", ["syamntec expert", "hogan of syamntec"])
def test_a_bodys_name_with_two_letters_swapped_is_read_back(service: BriefingService, typed: str) -> None:
    service.load_text(ADMIN, "Virus alert\n\nKevin Hogan, a security expert at Symantec, said the virus was spreading.")
    service.load_text(ADMIN, "Farm news\n\nFarmer Joe Bloggs said rain was due.\n\nSymantec shares rose.")
    answer = service.ask(f"what did {typed} say?")
    assert answer.hits[0].speakers == ("Kevin Hogan",)
    assert f"(I took “{typed.replace('syamntec', 'symantec')}” to mean Kevin Hogan.)" in answer.message


def test_a_question_with_misspelt_phrasing_finds_the_speakers_paragraph(service: BriefingService) -> None:
    answer = service.ask("whta did Imomi siad about oil?")
    assert answer.question == "whta did Imomi siad about oil?"  # echoed as typed, read as meant
    assert answer.hits[0].text.startswith("Imomi stated that Tajikistan is interested")
    assert answer.hits[0].speakers[0] == "Sodik Imomi"
    # The conversation goes on from the question as mended.
    user, chat = User("telegram", "45"), Chat("telegram", "45")
    handle(service, user, chat, "whta did Imomi say about oil?")
    assert "Sodik Imomi said about education" in handle(service, user, chat, "and about education?").text


DOME = """Dome sale talks resume

Talks on selling the Millennium Dome resumed, the government said.

A pyjama maker and a canal trust were among the bidders.
"""


def test_a_topic_word_no_article_uses_gets_the_archives_spelling_suggested(service: BriefingService) -> None:
    service.load_text(ADMIN, DOME)
    dome = service.ask("any news on the millenium dome?")
    assert dome.no_match  # suggested, not answered on the guess
    assert dome.message.startswith("I found nothing about “the millenium dome” in the articles I have. Did you mean")
    imomi = service.ask("what did imomi say about eduction?")
    assert imomi.no_match and imomi.message == (  # the suggestion straight after what was not found
        "I found no paragraph where Sodik Imomi speaks about eduction. Did you mean “education”? "
        "Ask “what did Sodik Imomi say?” to see everything they said."
    )
    # One slip from a word the archive uses, but spelt so the question finds nothing: no suggestion.
    assert "Did you mean" not in service.ask("any news on the pyjoma strike?").message  # "pyjama": no strike
    assert "Did you mean" not in service.ask("any news on the hubble telescope?").message


def test_a_topic_word_with_two_letters_swapped_is_read_as_the_archive_spells_it(service: BriefingService) -> None:
    dome = service.ask("what did khalafov say about the corirdor?")
    assert dome.message.startswith("What Khalaf Khalafov said about the corirdor:")
    assert dome.message.endswith("(I read “corirdor” as “corridor”.)")
    assert "corridor" in dome.hits[0].text
    assert service.ask("corirdor").hits
    # Two words the archive uses are a swap away ("crude", "cured"): no guess, only a suggestion.
    service.load_text(ADMIN, "Oil\n\nCrude prices rose, traders said.\n\nThe cured ham was sold out.")
    assert service.ask("any news on crued prices?").no_match
    # A swap is undone before a shorter form the archive uses ("unemploy" of "unemployed") stands in for the word.
    service.load_text(ADMIN, "Jobs\n\nUnemployment fell to 5%.\n\nThe unemployed held a rally.")
    jobs = service.ask("any news on unemploymnet?")
    assert jobs.message.endswith("(I read “unemploymnet” as “unemployment”.)")
    assert jobs.hits[0].text == "Unemployment fell to 5%."
    # A letter typed three times is typed twice.
    service.load_text(ADMIN, "Fees\n\nTuition fees will rise next year.")
    assert service.ask("any news on tuition feees?").message.endswith("(I read “feees” as “fees”.)")


def test_a_topic_word_no_article_uses_is_read_as_the_two_words_the_archive_writes_apart(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Parmalat\n\nParmalat hopes to be back on the stock market in July, the firm said.")
    service.load_text(ADMIN, "Cattle\n\nLive stock prices rose at the cattle market.")
    answer = service.ask("any news on parmalat's return to the stockmarket?")
    assert answer.message.endswith("(I read “stockmarket” as “stock market”.)")
    assert answer.hits[0].text.startswith("Parmalat hopes")


def test_a_word_is_read_apart_only_into_words_met_side_by_side() -> None:
    def frequency(stems: Sequence[str]) -> dict[str, int]:  # the archive uses these words
        return {s: 10 for s in stems if s in {stem(w) for w in ("stock", "market", "health", "care", "price")}}

    phrases = {"stock market", "health care"}
    assert written_apart(["stockmarket", "healthcare", "marketprice"], frequency, phrases.__contains__) == {
        "stockmarket": "stock market",
        "healthcare": "health care",
    }  # "market price" is never written


def test_a_slip_that_stems_to_a_short_word_is_never_suggested() -> None:
    def frequency(stems: Sequence[str]) -> dict[str, int]:  # the archive uses "as" and "millennium"
        return {s: 1000 for s in stems if s in {"as", stem("millennium")}}

    assert archive_spellings(["asked"], {stem("asked")}, frequency) == {}  # not "ased", which stems to "as"
    assert archive_spellings(["millenium"], {stem("millenium")}, frequency) == {"millenium": "millennium"}


def test_words_one_slip_away_keep_the_first_letter() -> None:
    slips = one_slip_away("budjet")
    assert {"budget", "budjt", "bdujet", "budjets"} <= slips
    assert "nudjet" not in slips and "budjet" not in slips


@pytest.mark.parametrize(
    ("typed", "speaker", "topic"),
    [
        ("whta did imomi siad about oil?", "imomi", "oil"),
        # Corrected from the left only as far as the speaker is found: "siad" stays part of a name.
        ("waht has siad barre said about somalia", "siad barre", "somalia"),
        ("ayn news on the dome?", "", "the dome"),
        ("any newz on the ipod", "", "the ipod"),
        ("what has imomi been syaing about oil?", "imomi", "oil"),
        ("imomi's cmoments on oil", "imomi", "oil"),
        ("what did imomi say reagrding oil", "imomi", "oil"),
    ],
)
def test_misspelt_phrasing_words_are_read_as_meant(typed: str, speaker: str, topic: str) -> None:
    asked = respelt(parse_question(typed), unheard_of=lambda word: True)
    assert (asked.speaker, asked.topic) == (speaker, topic)


def test_words_one_slip_from_phrasing_stay_in_a_topic_or_where_the_articles_use_them() -> None:
    sax = parse_question("how much is charlie parker's sax expected to go for")
    assert respelt(sax, unheard_of=lambda word: True) == sax
    known = parse_question("whta did imomi say about oil")
    assert respelt(known, unheard_of=lambda word: False) == known


def test_a_misspelt_name_may_open_a_question(service: BriefingService) -> None:
    for question in ("imommi oil", "sodik imommi oil"):  # no article has "imommi": a slip in Imomi
        answer = service.ask(question)
        assert answer.message.startswith("What Sodik Imomi said about oil"), question
        assert "I took “" in answer.message
    assert service.ask("frobisk oil").no_match  # no one's name is near it: still a topic, found nowhere
    service.load_text(ADMIN, "Band news\n\nSinger Howard Donald said the tour would go on.")
    service.load_text(ADMIN, "Oil search\n\nExploring for oil near home made sense, Donald McIvor said.")
    answer = service.ask("donald mcivr exploring for oil")  # a misspelt full name before a surname ("donald")
    assert answer.message.startswith("What Donald McIvor said about exploring for oil")


def test_a_name_the_archive_writes_of_its_own_is_not_read_as_another_misspelt(service: BriefingService) -> None:
    service.load_text(ADMIN, "Shops\n\nSales rose at Tesco this year.\n\nShares in Tesco rose, and Tesco hired staff.")
    service.load_text(ADMIN, "Film\n\nDirector Christopher Tresco said the film was a joy to make.")
    answer = service.ask("what did tesco say?")
    assert "Tresco" not in answer.message
    assert answer.hits and all("Tesco" in hit.text for hit in answer.hits)
