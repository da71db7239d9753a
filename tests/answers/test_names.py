"""Typed names resolved to the people the archive records: titles, first names, initials and namesakes."""

from __future__ import annotations

import pytest

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.typed_names import full_name
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def test_a_king_named_by_title_and_one_name(service: BriefingService) -> None:
    service.load_text(ADMIN, "Royal visit\n\nKing Vass said the Gulf war was a tragedy for the region.")
    assert service.ask("what did king vass say about the gulf war").hits[0].speakers == ("Vass",)


def test_a_titled_name_falls_back_to_others_of_that_name_recorded_without_the_title(service: BriefingService) -> None:
    service.load_text(ADMIN, "Resignation\n\nWelsh Secretary Ron Davies has resigned.\n\nMr Davies said he was sorry.")
    service.load_text(ADMIN, "Jamaica budget\n\nFinance Minister Omar Davies said the budget deficit would fall.")
    answer = service.ask("what did mr davies say about the budget deficit?")
    assert answer.hits[0].speakers == ("Omar Davies",)
    assert "I took “mr davies” to mean Omar Davies" in answer.message
    assert service.ask("what did mr davies say about resigning?").hits[0].speakers == ("Ron Davies",)


def test_a_first_initial_picks_among_people_sharing_a_surname(service: BriefingService) -> None:
    service.load_text(ADMIN, "Quiz show\n\nPresenter Anne Robinson said the show would go on.")
    service.load_text(ADMIN, "Rugby\n\nEngland coach Andy Robinson said the team was ready.")
    service.load_text(ADMIN, "Rugby again\n\nWinger Jason Robinson said he was fit.")
    assert service.retriever.speakers.resolve("A. Robinson").names == ("Anne Robinson", "Andy Robinson")
    assert service.retriever.speakers.resolve("j robinson").names == ("Jason Robinson",)


def test_a_full_name_also_finds_the_person_recorded_behind_a_descriptor(service: BriefingService) -> None:
    service.load_text(ADMIN, "Radio days\n\nChris Evans said radio would always be his first love.")
    service.load_text(
        ADMIN,
        "Shop opens\n\nShowman Chris Evans said he was selling his furniture in a shop in London.",
    )
    assert set(service.retriever.speakers.resolve("chris evans").names) == {"Chris Evans", "Showman Chris Evans"}
    answer = service.ask("what did chris evans say about selling his furniture?")
    assert answer.hits[0].text.startswith("Showman Chris Evans said he was selling")


def test_someone_named_only_in_a_headline_is_nobody_to_ask_for(service: BriefingService) -> None:
    service.load_text(ADMIN, 'Classy Holm makes winning start\n\nTim Holm won easily. "I played well," said Holm.')
    assert service.retriever.speakers.resolve("holm").names == ("Tim Holm",)
    assert service.ask("what did holm say?").message.startswith("What Tim Holm said")


def test_a_name_typed_after_an_office_means_its_holder(service: BriefingService) -> None:
    service.load_text(ADMIN, "Budget day\n\nChancellor Gordon Brown said the economy was strong.")
    service.load_text(ADMIN, "Novel sells\n\nAuthor Dan Brown said the book had sold well.")
    service.load_text(ADMIN, "Talks\n\nPresident George Bush said the talks went well.")
    service.load_text(ADMIN, "New album\n\nSinger Kate Bush said the album was nearly done.")
    speakers = service.retriever.speakers
    assert speakers.resolve("chancellor brown").names == ("Gordon Brown",)
    assert speakers.resolve("president bush").names == ("George Bush",)
    assert set(speakers.resolve("mr brown").names) == {"Gordon Brown", "Dan Brown"}  # no office typed
    assert service.ask("what did chancellor brown say?").message.startswith("What Gordon Brown said")


def test_a_first_name_that_is_someone_elses_surname_is_not_them(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        'Tax row\n\nShadow chancellor Oliver Letwin said school taxes would fall.\n\n"It is simple," Oliver said.',
    )
    assert service.ask("what did oliver letwin say about school taxes?").hits
    answer = service.ask("what did jamie oliver say about school taxes?")
    assert answer.no_match and "jamie oliver" in answer.message


def test_a_first_name_alone_is_whoever_of_that_name_answers(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dome\n\nEdward Leigh said the sale of the Dome was a poor deal for taxpayers.")
    service.load_text(ADMIN, "Horses\n\nPrince Edward opened the show. Edward said he had always loved horses.")
    answer = service.ask("what did edward say about the dome sale?")
    assert answer.hits[0].speakers == ("Edward Leigh",)
    assert answer.message == "What Edward Leigh said about the dome sale: (I took “edward” to mean Edward Leigh.)"
    service.load_text(ADMIN, "Gardens\n\nWren Halloway said the gardens would open in May.")
    assert service.ask("what did wren say about the gardens?").hits[0].speakers == ("Wren Halloway",)


def test_an_initial_and_a_surname_is_whoever_of_them_answers(service: BriefingService) -> None:
    service.load_text(ADMIN, "County side\n\nThe Essex squad: A Cook, J Ross, R Bopara.")
    service.load_text(ADMIN, "Chart show\n\nJoel Ross said the new chart show would be cheeky and laddish.")
    # "j. ross" had been only the team sheet's "J Ross", who never speaks.
    answer = service.ask("what did j. ross say about the chart show?")
    assert answer.hits[0].speakers == ("Joel Ross",), answer.message


def test_the_lead_names_only_those_of_a_shared_surname_who_answer(service: BriefingService) -> None:
    service.load_text(ADMIN, "Pay gap\n\nPatricia Hewitt said career sexism was holding women back.")
    service.load_text(ADMIN, "Open\n\nLleyton Hewitt said the courts were too slow.")
    answer = service.ask("what did hewitt say about career sexism?")
    assert answer.message.startswith("What Patricia Hewitt said about career sexism")
    # Without a topic both are named: the next page may be the other's.
    assert service.ask("what did hewitt say?").message.startswith("What Patricia Hewitt / Lleyton Hewitt said")


def test_a_name_too_many_share_to_list_names_those_on_the_page_and_counts_the_rest(service: BriefingService) -> None:
    for first in ("Ann", "Bo", "Cy", "Di", "Ed"):
        service.load_text(ADMIN, f"Note {first}\n\n{first} Blair said the weather was fine.")
    answer = service.ask("what did blair say?", limit=1)
    assert answer.message == (
        f"What {answer.hits[0].speakers[0]} said: (4 others go by “blair”: ask by full name for one of them.)"
    )


def test_the_lead_names_someone_once_though_a_story_knew_them_by_surname(service: BriefingService) -> None:
    service.load_text(ADMIN, "Pay talks\n\nPrime Minister Tony Blair said the pay gap must close.")
    service.load_text(ADMIN, "Pay gap narrows\n\nThe pay gap is narrowing, Blair said on Monday.")
    assert service.ask("what did blair say about the pay gap?").message.startswith("What Tony Blair said about")
    assert service.ask("what did blair say about oil?").message.startswith("I found no paragraph where Tony Blair ")


def test_a_namesake_counted_is_one_other_full_name_not_a_surname_alone(service: BriefingService) -> None:
    service.load_text(ADMIN, "Bare\n\nThe weather was fine, Blair said.")
    for first in ("Ann", "Bo", "Cy", "Di", "Ed"):
        service.load_text(ADMIN, f"Note {first}\n\n{first} Blair said the weather was fine.")
    answer = service.ask("what did blair say?", limit=4)
    assert all(full_name(hit.speakers[0]) for hit in answer.hits)
    # One full-named Blair more than the page's four: the surname a story recorded alone is not counted.
    assert answer.message.endswith("(1 other goes by “blair”: ask by full name for one of them.)")


def test_the_lead_drops_only_a_bare_surname_written_inside_another_name(service: BriefingService) -> None:
    service.load_text(ADMIN, "Dollar\n\nTreasury Secretary James Baker said the dollar was stable.")
    service.load_text(ADMIN, "Trade\n\nTreasury Secertary James Baker said trade would grow.")  # sic
    message = service.ask("what did baker say?").message
    assert message.startswith("What James Baker / Secertary James Baker said")


def test_people_asked_about_together_are_answered_together(service: BriefingService) -> None:
    answer = service.ask("what did Imomi and Khalafov say?")
    assert {name for hit in answer.hits for name in hit.speakers} >= {"Sodik Imomi", "Khalaf Khalafov"}
    either = service.ask("did imomi or khalafov say anything?")
    assert {name for hit in either.hits for name in hit.speakers} >= {"Sodik Imomi", "Khalaf Khalafov"}
    # The lead names those of them who answer, not a count of everyone either name might be.
    for name in ("Ann Brown", "Bo Brown", "Cy Brown", "Di Brown"):
        service.load_text(ADMIN, f"Banks\n\n{name} said the banks were sound.")
    service.load_text(ADMIN, "Pay\n\nPatricia Hewitt said maternity pay would rise.")
    pay = service.ask("what have hewitt and brown said about maternity pay?")
    assert pay.message.startswith("What Patricia Hewitt said about maternity pay")
    # So for a surname many share: the one who answered, not a count of everyone of that name.
    service.load_text(ADMIN, "Budget\n\nGordon Brown said the budget would help families.")
    assert service.ask("what did brown say about the budget?").message.startswith("What Gordon Brown said")


@pytest.mark.parametrize("listed", ["imomi, khalafov and ann cole", "imomi, khalafov, and ann cole"])
def test_people_listed_with_commas_are_answered_together(service: BriefingService, listed: str) -> None:
    service.load_text(ADMIN, "Harbour vote\n\nThe mayor, Ann Cole, said the harbour would close.")
    answer = service.ask(f"what did {listed} say?", limit=10)
    assert answer.message.startswith("What Sodik Imomi / Khalaf Khalafov / Ann Cole said")
    assert {name for hit in answer.hits for name in hit.speakers} >= {"Sodik Imomi", "Khalaf Khalafov", "Ann Cole"}


def test_names_joined_by_and_are_not_read_as_initials(service: BriefingService) -> None:
    service.load_text(ADMIN, "Station news\n\nFireman Sam said the fire at the station was out by noon.")
    answer = service.ask("what did Sumita and Miyazawa say about the yen?")
    assert answer.no_match and "Fireman Sam" not in answer.message


def test_a_name_ending_on_the_one_shown_is_no_namesake_to_count(service: BriefingService) -> None:
    # A misspelt title ("Secertary") is recorded as part of the name: it is the same James Baker.
    service.load_text(ADMIN, "date 1987-04-02 By Reuters\n\nTreasury Secretary James Baker said the dollar was stable.")
    service.load_text(ADMIN, "date 1987-03-02 By Reuters\n\nU.S. Treasury Secertary James Baker said rates would fall.")
    assert service.retriever.speakers.resolve("james baker").names == ("James Baker", "Secertary James Baker")
    assert service.ask("what did james baker say in april?").message == "What James Baker said in april:"


def test_a_body_of_two_names_joined_is_not_two_people_misspelt(service: BriefingService) -> None:
    service.load_text(ADMIN, "Ballet\n\nLilian Marks said the ballet was a delight.")
    service.load_text(ADMIN, "Vote\n\nSaxon Spence said the vote was close.")
    service.load_text(ADMIN, "Retail\n\nShoppers went to Marks and Spencer, where Marks and Spencer sales rose.")
    answer = service.ask("what did marks and spencer say?")
    assert "Spence" not in answer.message and answer.hits[0].text.startswith("Shoppers went to Marks and Spencer")


def test_people_asked_about_together_are_not_counted_as_namesakes(service: BriefingService) -> None:
    service.load_text(ADMIN, "Politics\n\nTony Blair said the vote mattered.\n\nGordon Brown said growth was strong.")
    for name in ("Sir Ian Blair", "Nick Brown", "Wes Brown", "Craig Brown"):
        service.load_text(ADMIN, f"{name}\n\n{name} said the weather was cold.")
    assert "others go by" not in service.ask("what did blair and brown say?").message


def test_a_full_name_takes_in_the_stories_naming_that_person_by_surname_alone(service: BriefingService) -> None:
    service.load_text(ADMIN, "Fed warning\n\nFed chairman Alan Greenspan said the budget deficit was a danger.")
    service.load_text(ADMIN, "Price worries\n\nMr Greenspan said inflation was under control.")
    answer = service.ask("what did alan greenspan say about inflation?")
    assert [hit.speakers for hit in answer.hits] == [("Greenspan",)]
    assert answer.message == "What Alan Greenspan said about inflation:"  # the surname alone is him
    user, chat = User("telegram", "71"), Chat("telegram", "71")
    assert handle(service, user, chat, "what did greenspan say about the deficit?").text.startswith(
        "What Alan Greenspan said about the deficit"
    )
    assert handle(service, user, chat, "is he worried about inflation?").quotes[0].speakers == ("Greenspan",)


def test_a_surname_alone_is_no_ones_when_two_people_of_that_surname_are_recorded(service: BriefingService) -> None:
    service.load_text(ADMIN, "Harbour\n\nHarbour master Tom Hart said the harbour would close.")
    service.load_text(ADMIN, "Gallery\n\nCurator Ann Hart said the gallery would open.")
    service.load_text(ADMIN, "Ferry\n\nMr Hart said the ferry fares would rise.")
    assert service.ask("what did tom hart say about ferry fares?").no_match


def test_a_surname_alone_going_by_what_the_full_name_does_not_is_someone_else(service: BriefingService) -> None:
    service.load_text(ADMIN, "Rugby\n\nFly-half Jonny Wilkinson said the team was ready.")
    service.load_text(ADMIN, "Dance class\n\nDance teacher Mrs Wilkinson said the class was ready for the show.")
    assert service.ask("what did jonny wilkinson say about the show?").no_match
