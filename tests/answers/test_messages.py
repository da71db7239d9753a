"""The seed article's answers, and the plain messages given when a question finds no one or nothing."""

from __future__ import annotations

import pytest

from bot.config import Settings
from bot.retrieval.language import in_another_language
from bot.service import BriefingService
from bot.store import Store
from tests.answers.helpers import ADMIN
from tests.conftest import CORPUS, needs_corpus


def test_imomi_on_oil_is_the_oil_paragraph_with_its_speaker(service: BriefingService) -> None:
    answer = service.ask("what did Imomi say about oil?")
    assert not answer.no_match
    first = answer.hits[0]
    assert first.text.startswith("Imomi stated that Tajikistan is interested")
    assert first.speakers[0] == "Sodik Imomi"
    assert first.citation.source == "Azernews" and first.citation.published == "2022-06-10"
    marked = [first.text[a:b].lower() for a, b in first.highlights]
    assert "oil" in marked


def test_a_role_reference_is_attributed_to_the_person(service: BriefingService) -> None:
    answer = service.ask("What did Khalafov say about the Zangazur corridor?")
    assert answer.hits[0].text.startswith("The deputy minister underlined that work is underway to unblock")
    assert answer.hits[0].speakers == ("Khalaf Khalafov",)


@pytest.mark.parametrize(
    "question",
    ["what did Imomi say about football?", "What did Angela Merkel say about the euro?", "any news on cricket?"],
)
def test_no_match_is_said_plainly(service: BriefingService, question: str) -> None:
    answer = service.ask(question)
    assert answer.no_match and answer.hits == () and answer.message


def test_an_empty_archive_says_so_rather_than_not_knowing_the_person(store: Store, settings: Settings) -> None:
    empty = BriefingService(store, settings)  # the bundled articles never loaded
    answer = empty.ask("what did Imomi say about oil?")
    assert answer.no_match and not answer.hits
    assert answer.message == "I have no articles to answer from yet. An admin can load some with /load."
    empty.load_bundled()
    assert empty.ask("what did Imomi say about oil?").hits


def test_unknown_person_and_person_off_topic_get_different_messages(service: BriefingService) -> None:
    assert "don't know anyone called “Angela Merkel”" in service.ask("what did Angela Merkel say?").message
    assert service.ask("what did imomi say about football").message == (
        "I found no paragraph where Sodik Imomi speaks about football."
        " Ask “what did Sodik Imomi say?” to see everything they said."
    )


def test_someone_only_mentioned_is_not_sent_to_ask_for_all_they_said(service: BriefingService) -> None:
    service.load_text(ADMIN, "Aid\n\nThe donors met Kofi Annan in New York before the debt relief talks.")
    assert service.ask("what did annan say about debt relief?").message == (
        "I found no paragraph where Kofi Annan speaks about debt relief: the articles only mention them."
    )


@pytest.mark.parametrize(
    "question", ["everything imomi said about oil", "tell me all that Imomi has said on oil", "all imomi said on oil"]
)
def test_everything_someone_said_about_a_topic(service: BriefingService, question: str) -> None:
    answer = service.ask(question)
    assert answer.message == "What Sodik Imomi said about oil:"
    assert answer.hits[0].text.startswith("Imomi stated that Tajikistan is interested")


def test_a_person_off_topic_is_offered_their_nearest_words_labelled_as_such(loaded: BriefingService) -> None:
    answer = loaded.ask("what did lyng say about australian beef prices?")
    assert answer.no_match and answer.hits == ()
    assert "no paragraph where Richard Lyng speaks about australian beef prices" in answer.message
    assert "may not answer your question" in answer.message
    assert [hit.text[:40] for hit in answer.alternatives] == ["The secretary warned that Congress could"]
    # Only the person's own words are offered, and only those holding a word of the topic itself.
    assert loaded.ask("what did yeutter say about beef?").alternatives == ()
    assert loaded.ask("what did lyng say about football?").alternatives == ()
    reply = loaded.ask_in_chat(ADMIN, "offers", "what did lyng say about australian beef prices?")
    assert reply.quotes == answer.alternatives and not reply.more
    assert loaded.more("offers").text == "That's everything I have on that question."


@needs_corpus()
def test_a_topic_nothing_answers_is_offered_the_nearest_paragraphs_of_stories_headlined_with_it(
    service: BriefingService,
) -> None:
    service.load_paths([CORPUS / "bbc" / "business"], by=ADMIN)
    answer = service.ask("is eurodisney going bust?")
    assert answer.no_match and answer.hits == ()
    assert answer.message == (
        "I found nothing about “eurodisney going bust” in the articles I have. "
        "The nearest paragraphs are below; they may not answer your question."
    )
    assert answer.alternatives[0].citation.title == "Ailing EuroDisney vows turnaround"
    assert "avoid insolvency" in answer.alternatives[0].text
    # Only stories headlined with the topic's most specific word as written: not "marred" for Mars.
    assert any("marred" in row.text for row in service.store.search('"mars"', limit=5))
    nothing = service.ask("any news on the mars rovers?")
    assert nothing.no_match and nothing.alternatives == ()
    assert nothing.message == "I found nothing about “the mars rovers” in the articles I have."


def test_speaker_only_lists_their_own_paragraphs_then_where_their_stories_mention_them(
    service: BriefingService,
) -> None:
    answer = service.ask("what did Khalafov say?", limit=10)
    assert [(h.text[:20], h.speakers) for h in answer.hits] == [
        ("Khalafov briefed the", ("Khalaf Khalafov",)),
        ("The deputy minister ", ("Khalaf Khalafov",)),
        ("Azerbaijani Deputy F", ()),  # the lead names him; he is not quoted in it
    ]
    assert answer.message == "What Khalaf Khalafov said, then what the same stories say of them:"
    # Someone who says a page's worth gets only their own words on it, under the plain lead.
    assert service.ask("what did Khalafov say?", limit=2).message == "What Khalaf Khalafov said:"


@pytest.mark.parametrize("question", ["nick clegg on oil", "Sodik Smith on oil", "what did nick clegg say about oil?"])
def test_a_full_name_nobody_goes_by_is_said_to_be_unknown_however_asked(
    service: BriefingService, question: str
) -> None:
    # "X on Y" once fell back to news on Y ("nick clegg on tuition fees" answered with the fees), and a known
    # first name alone was taken for its owner (Sodik Imomi on "smith on oil").
    answer = service.ask(question)
    assert answer.no_match and not answer.hits
    assert answer.message.startswith("I don't know anyone called"), answer.message


def test_a_person_never_quoted_gets_what_the_stories_say_of_them_under_a_lead_saying_so(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Transfer\n\nThe club has signed striker Jan Vennegoor from PSV for four million euros.")
    answer = service.ask("what has vennegoor said?")
    assert answer.hits[0].text.startswith("The club has signed striker Jan Vennegoor")
    assert answer.message.startswith("I found no paragraph where Jan Vennegoor speaks; what the stories say of them")


def test_a_question_in_another_language_is_told_to_ask_in_english(loaded: BriefingService) -> None:
    for question in (
        "¿qué dijo Lyng sobre el arroz?",
        "qu'a dit Lyng sur le riz?",
        "Was hat Lyng über den Reis gesagt?",
        "что сказал Лынг о рисе?",
        "Lyng düyü haqqında nə dedi?",
    ):
        answer = loaded.ask(question)
        assert answer.no_match and answer.message.startswith("I can only read questions in English."), question
    # English questions that find nothing, names from other languages and all, are told what was not found.
    for question in ("what did jean-claude de la rue say about the euro?", "any news on the sur de france?"):
        assert not in_another_language(question), question
    assert loaded.ask("what did lyng say about the sur de france?").message.startswith("I found no paragraph")


def test_a_topic_saying_where_it_was_said_is_led_without_about(service: BriefingService) -> None:
    service.load_text(ADMIN, "Paris talks\n\nJames Baker said in Paris that the dollar had fallen far enough.")
    assert service.ask("what did baker say in paris?").message == "What James Baker said in paris:"
    nothing = service.ask("what did baker say in paris about gold?").message
    assert nothing.startswith("I found no paragraph where James Baker speaks in paris about gold.")


def test_a_yes_no_questions_predicate_is_led_as_what_they_did(service: BriefingService) -> None:
    service.load_text(ADMIN, "Coalition talk\n\nCharles Kennedy said he would rule out a coalition with Labour.")
    service.load_text(ADMIN, "Party split\n\nCharles Kennedy said he would never quit the party.")
    asked = service.ask("did kennedy rule out a coalition with labour?").message
    assert asked == "What Charles Kennedy said about ruling out a coalition with labour:"
    ever = service.ask("did kennedy ever rule out a coalition with labour?").message
    assert ever == "What Charles Kennedy said about ever ruling out a coalition with labour:"
    assert service.ask("did kennedy quit the party?").message == "What Charles Kennedy said about quitting the party:"
    # Asked in so many words, the topic is as typed.
    assert service.ask("what did kennedy say about a coalition?").message.startswith(
        "What Charles Kennedy said about a coalition:"
    )
