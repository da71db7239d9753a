"""Bodies asked about speak through their spokespeople and officers, answer to their initials, or are news."""

from __future__ import annotations

from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def test_a_body_speaks_through_its_spokesman(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Cash machines at risk\n\nBanks are moving cash machines to Windows, Trend Micro said in a report.\n\n"
        "Todd Tamm, spokesman for anti-virus firm Trend Micro, said viruses had already shut some machines.",
    )
    assert service.retriever.speakers.resolve("trend micro").names == ("Trend Micro", "Todd Tamm")
    answer = service.ask("what has trend micro said about viruses in cash machines?")
    assert ("Todd Tamm",) in [hit.speakers for hit in answer.hits]


def test_a_body_speaks_through_its_officers_too(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Christmas shoppers\n\nThe Regent Street Association said shops were busy.\n\n"
        "Annie Walker, director of the Regent Street Association, said online shopping had hurt sales.",
    )
    assert service.retriever.speakers.resolve("the regent street association").names == (
        "Regent Street Association",
        "Annie Walker",
    )
    answer = service.ask("what did the regent street association say about online shopping?")
    assert answer.hits[0].speakers == ("Annie Walker",)


def test_what_a_body_nobody_is_recorded_as_said_is_its_stories_their_quotes_first(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Hall of Fame\n\nThe Irish band U2 has been inducted into the Hall of Fame in New York.\n\n"
        'Bono said: "U2 is honoured."',
    )
    service.load_text(ADMIN, "Charts\n\nThe band's new single went straight to number one for Smith.")
    answer = service.ask("what did u2 say?")
    assert answer.message == "What the articles say about u2:"
    assert [hit.text[:10] for hit in answer.hits] == ["Bono said:", "The Irish "]
    # A name's words must stand together: "jo smith" is no one, not news of a Smith.
    assert service.ask("what did jo smith say?").message.startswith("I don't know anyone called “jo smith”")


def test_a_body_is_asked_with_its_spokespeople_not_those_only_inferred_to_speak_for_it(
    service: BriefingService,
) -> None:
    service.load_text(
        ADMIN, "Profits\n\nThe Corvania Bank said profits rose. Corvania Bank spokesman Al Deer said costs fell."
    )
    service.load_text(
        ADMIN, "Show\n\nJo Pell has left the bank's show.\n\nThe Corvania Bank spokeswoman said it had ended."
    )
    assert service.retriever.speakers.resolve("the corvania bank").names == ("Corvania Bank", "Al Deer")


def test_a_bodys_spokesman_speaks_as_the_body_too(service: BriefingService) -> None:
    service.load_text(ADMIN, "Rates\n\nA Corvania Bank spokesman said the bank's gold reserves were no secret.")
    service.load_text(
        ADMIN,
        "Reserves\n\nThe Corvania Bank declined to comment, but a spokesman said its gold reserves would be sold "
        "to foreign central banks.",
    )
    answer = service.ask("what did the corvania bank spokesman say about selling gold reserves to foreign banks?")
    assert answer.hits[0].text.startswith("The Corvania Bank declined to comment")
    assert answer.message.startswith("What a Corvania Bank spokesman / the Corvania Bank said")  # words, not a topic
    # Named as the stories write it, with its "the", wherever a reply names it.
    assert service.ask("who is the corvania bank?").message == "How the articles introduce the Corvania Bank:"
    assert service.ask("what did the corvania bank say about football?").message.startswith(
        "I found no paragraph where the Corvania Bank / a Corvania Bank spokesman speaks about football."
    )


def test_a_role_of_a_body_nobodys_role_names_brings_the_body_itself(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Fox rethinks\n\nThe head of US TV network Fox has admitted the broadcaster relied too heavily on reality"
        " TV shows.",
    )
    service.load_text(ADMIN, "School news\n\nAnn Cole, head of the school, said reality TV distracted pupils.")
    answer = service.ask("what did the head of fox say about reality tv?")
    assert answer.hits[0].speakers == ("Fox",)


def test_a_name_asked_with_the_body_it_works_for(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Farm support\n\nPrices should be set by the market, proposed James Howard, Executive Vice-president of"
        " Cargill.",
    )
    service.load_text(ADMIN, "Tax plans\n\nTory leader Michael Howard said taxes were too high.")
    for question in ["what did james howard of cargill say?", "what did howard of cargill say?"]:
        assert [hit.text[:30] for hit in service.ask(question).hits] == ["Prices should be set by the ma"]
    # "the bank of finland governor" is a role with its body inside, not a name and a body.
    service.load_text(ADMIN, "Rates\n\nBank of Finland Governor Rolf Kullberg said rates would stay.")
    assert service.retriever.speakers.resolve("the bank of finland governor").names == ("Rolf Kullberg",)
    # "the association of british insurers" is a body's name, not someone recorded as "Association" working there.
    service.load_text(ADMIN, "Cover\n\nThe Association of British insurers said cover held.\n\nThe Association agreed.")
    assert service.retriever.speakers.resolve("the association of german banks") is None


def test_a_body_speaks_through_its_economists_and_vice_presidents_too(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Tsunami claims\n\nSwiss Re said premiums would rise.\n\n"
        "Swiss Re economist Kurt Karl said the losses would be smaller than for other disasters.",
    )
    assert service.retriever.speakers.resolve("swiss re").names == ("Swiss Re", "Kurt Karl")
    answer = service.ask("what did swiss re say about the losses?")
    assert answer.hits and answer.hits[0].speakers == ("Kurt Karl",)


def test_a_name_at_a_body_whose_name_holds_a_role_noun_is_that_person(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Late drinking\n\nChris Vox, president of the Association of Chief Police Officers, said late bars meant"
        " more disorder.\n\nAcpo chief officer Ann Dale said patrols would double.",
    )
    assert service.retriever.speakers.resolve("chris vox of the association of chief police officers").names == (
        "Chris Vox",
    )
    answer = service.ask("what did chris vox of the association of chief police officers say about late bars?")
    assert answer.hits and answer.hits[0].speakers == ("Chris Vox",), answer.message


def test_a_body_known_only_from_its_peoples_roles_speaks_through_them(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        'Faces wanted\n\n"We need ordinary people with interesting faces," said Shauna Perry, '
        "Bioware's audio and external resources producer.",
    )
    answer = service.ask("what did bioware say about faces?")
    assert answer.hits and answer.hits[0].speakers == ("Shauna Perry",)
    assert "don't know anyone called “blackisle”" in service.ask("what did blackisle say about faces?").message


def test_a_common_word_in_someones_role_names_no_body(service: BriefingService) -> None:
    service.load_text(ADMIN, "Shares\n\nShares rose, said Chris Furness, senior market strategist at 4Cast.")
    service.load_text(ADMIN, "Budget\n\nThe market's reaction to the budget was calm, with gilts steady.")
    answer = service.ask("the market's reaction to the budget")
    assert answer.hits and answer.hits[0].text.startswith("The market's reaction"), answer.message
    assert answer.hits[0].speakers == ()


def test_someone_from_a_body_is_whoever_speaks_for_it(service: BriefingService) -> None:
    service.load_text(ADMIN, "Cannabis spray\n\nGW Pharma chairman Geoffrey Guy said the spray would be sold.")
    service.load_text(ADMIN, "Benefit gig\n\nA spokesman for Acme Records said the benefit gig raised money.")
    asked = ["what did the guy from acme records say about the gig?", "what did the man at the acme records say?"]
    for question in asked:
        answer = service.ask(question)
        assert answer.hits and answer.hits[0].text.startswith("A spokesman for Acme Records"), question


def test_a_body_asked_by_its_full_name_answers_as_its_initials(service: BriefingService) -> None:
    service.load_text(ADMIN, "Grain rules\n\nThe AWB called for an end to limits on moving grain across state borders.")
    answer = service.ask("what did the australian wheat board say about moving grain?")
    assert answer.hits and answer.hits[0].speakers == ("AWB",)


def test_a_body_asked_by_its_full_name_answers_as_its_main_words_initials(service: BriefingService) -> None:
    service.load_text(ADMIN, "Tax warning\n\nThe IFS said taxes would have to rise after the election.")
    service.load_text(
        ADMIN,
        "Trade talks\n\nRei Shiratori, director of the Institute for Political Studies, said studies showed a rift.",
    )
    answer = service.ask("what did the institute for fiscal studies say about taxes?")
    assert answer.hits and answer.hits[0].text.startswith("The IFS said taxes"), answer.message


def test_a_role_with_its_bodys_name_is_not_read_as_a_bodys_initials(service: BriefingService) -> None:
    service.load_text(ADMIN, "Asian growth\n\nThe ADB said growth in the region would be slight.")
    service.load_text(
        ADMIN,
        "Air Deccan buys planes\n\nAir Deccan's managing director Gorur Ganesh said the planes would serve"
        " small cities.",
    )
    # "air deccan boss" spells A-D-B: still the airline's boss, a managing director, not the ADB.
    answer = service.ask("what did air deccan's boss say?")
    assert [hit.speakers for hit in answer.hits] == [("Gorur Ganesh",)]


def test_a_body_written_in_two_house_styles_is_named_once(service: BriefingService) -> None:
    service.load_text(ADMIN, "Oil output\n\nOpec said its members would cut output.")
    service.load_text(ADMIN, "date 1987-03-01 By Reuters\n\nOPEC said prices would hold at 18 dlrs.")
    answer = service.ask("what did opec say?")
    assert answer.message.lower().count("opec") == 1, answer.message
    assert len(answer.hits) == 2


def test_a_body_nobody_is_recorded_as_is_answered_by_the_words_said_on_it_first(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Network sued\n\nThe zolpro network faces a court case over music piracy.\n\n"
        "Its lawyer Jane Doe said the court case over the zolpro network had no merit.",
    )
    answer = service.ask("what did zolpro say about the court case?")  # "zolpro" is nobody's name
    assert [hit.text[:20] for hit in answer.hits] == ["Its lawyer Jane Doe ", "The zolpro network f"]


def test_a_country_speaks_through_its_own_officers_not_one_a_story_only_guessed_its_own(
    service: BriefingService,
) -> None:
    # In a story on Japan, "President Reagan" is recorded as a Japanese president only by the story's guess.
    service.load_text(
        ADMIN,
        "Japan chip pact\n\nJapan and Japanese chip makers face US tariffs. President Reagan said Japan had broken "
        "the semiconductor pact.\n\nJapan said it would talk. Tokyo and Japanese firms were surprised in Japan.",
    )
    service.load_text(
        ADMIN, "Chip pact kept\n\nJapanese Trade Minister Hajime Tamura said the semiconductor pact was being kept."
    )
    answer = service.ask("what did japan say about the semiconductor pact?")
    assert answer.message.startswith("What Hajime Tamura said about the semiconductor pact")
    assert [hit.speakers for hit in answer.hits] == [("Hajime Tamura",)]


def test_a_bodys_person_typed_with_its_possessive_is_that_person(service: BriefingService) -> None:
    service.load_text(ADMIN, "Referee row\n\nChelsea's Jose Mourinho said the referee had been wrong all night.")
    service.load_text(ADMIN, "Striker sorry\n\nChelsea striker Adrian Mutu said the referee was right to send him off.")
    service.load_text(ADMIN, "Growth\n\nChancellor Gordon Brown said growth would be strong.")
    for typed, name in [("chelsea's jose mourinho", "Jose Mourinho"), ("labour's gordon brown", "Gordon Brown")]:
        answer = service.ask(f"what did {typed} say?")
        assert {hit.speakers for hit in answer.hits} == {(name,)}, answer.message
    # ... misspelt, as a near name is read anywhere ...
    answer = service.ask("what did chelsea's jose mourino say?")
    assert {hit.speakers for hit in answer.hits} == {("Jose Mourinho",)}, answer.message
    assert "mourino” to mean Jose Mourinho" in answer.message
    # ... while a role after the possessive is still whoever holds it there.
    assert service.retriever.speakers.resolve("chelsea's striker").names == ("Adrian Mutu",)
