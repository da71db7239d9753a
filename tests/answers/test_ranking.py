"""The order of an answer's paragraphs: the speaker's own words, the lead, and the story that answers best first."""

from __future__ import annotations

import pytest

from bot.retrieval import speaker_ranking
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def test_pronouns_and_roles_resolve_in_a_new_story(loaded: BriefingService) -> None:
    rice = loaded.ask("what did Lyng say about a closed market?")
    assert rice.hits[0].text.startswith('"We will not accept a closed market')
    beef = loaded.ask("what did Richard Lyng say about beef?")
    assert beef.hits[0].text.startswith("The secretary warned") and beef.hits[0].speakers[0] == "Richard Lyng"
    assert loaded.ask("what did Yeutter say about rice?").no_match


def test_a_speaker_in_more_stories_on_a_topic_than_are_ranked_answers_from_the_latest(
    service: BriefingService, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(speaker_ranking, "STORIES_RANKED", 2)
    for year in (2001, 2002, 2003):
        service.load_text(ADMIN, f"Budget {year}\n\nChancellor Gordon Brown said the {year} budget was prudent.")
    answer = service.ask("what did gordon brown say about the budget?", limit=5)
    assert {hit.citation.title for hit in answer.hits} == {"Budget 2002", "Budget 2003"}
    monkeypatch.setattr(speaker_ranking, "LINKS_READ", 1)  # and only their latest links are read
    answer = service.ask("what did gordon brown say about the budget?", limit=5)
    assert [hit.citation.title for hit in answer.hits] == ["Budget 2003"]
    assert {hit.citation.title for hit in service.ask("what did gordon brown say?", limit=5).hits} == {"Budget 2003"}


def test_a_speaker_in_a_story_about_the_topic_answers_in_other_words(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Free trade talks resume\n\nCanada and the United States resumed free trade talks on Monday in Ottawa.\n\n"
        "Newfoundland Premier Brian Peckford said an agreement was more likely to emerge by consensus.\n\n"
        "Peckford said there would be no need for a hard and fast formula.",
    )
    answer = service.ask("what did peckford say about the free trade talks?")
    # Both his paragraphs answer; the lead before them follows as the story around his words, no words of his.
    assert [hit.speakers for hit in answer.hits] == [("Brian Peckford",), ("Brian Peckford",), ()]
    assert answer.hits[0].text.startswith("Newfoundland Premier Brian Peckford said an agreement")
    # A reported line on something else from someone else in such a story is still no answer: Yeutter on rice, in
    # the new-story test above.


def test_a_main_voice_of_a_story_about_most_of_the_topic_answers_in_other_words(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Minister's beliefs\n\nScientists fear the religious faith of the new education secretary could hamper "
        "research.\n\nRuth Kelly said her beliefs were a private matter.\n\nMs Kelly said politicians were entitled "
        "to a private life.",
    )
    service.load_text(ADMIN, "Choir\n\nThe church choir sang in the cathedral on Sunday.")
    service.load_text(ADMIN, "Schools\n\nTeachers said the new church schools would open in May.")
    # Her story holds "religious faith", not "church": about seven tenths of the topic, which is about it.
    answer = service.ask("what did ruth kelly say about her religious faith and the church?")
    assert answer.hits[0].text.startswith("Ruth Kelly said her beliefs were a private matter")


def test_a_single_quote_in_a_story_about_the_topic_answers_in_other_words(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "World markets tumble after Wall Street crash\n\nShares fell around the world on Tuesday after the Wall "
        "Street crash wiped billions off stock values.\n\nDealers in Tokyo said trading was heavy.\n\nBritish "
        'Chancellor Nigel Lawson told a television interviewer: "I think the scale of the fall was made worse by '
        'computer trading."',
    )
    answer = service.ask("what did nigel lawson say about the wall street crash")
    # His one quote, then the story around it (the paragraph before, and the lead on the crash).
    assert [hit.text[:33] for hit in answer.hits] == [
        "British Chancellor Nigel Lawson t",
        "Dealers in Tokyo said trading was",
        "Shares fell around the world on T",
    ]
    assert service.ask("what did Lawson say about football?").no_match


def test_a_speakers_next_words_follow_a_partial_answer_in_the_same_story(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Chip talks\n\nJapan and the US will soon settle their trade dispute over semiconductors, Commerce"
        ' Secretary Mal Hale said.\n\nHe added: "I do not think there will be a trade war at all."\n\n'
        "Markets were calm on Monday.",
    )
    service.load_text(ADMIN, "Farm news\n\nWheat prices rose as the war in the region turned worse.")
    # The first paragraph shows only part of the topic (no "spiral", no "escalate"): still his answer, and
    # his next words in the story follow it.
    question = "did hale think the semiconductor dispute could spiral and escalate into a trade war?"
    assert [hit.text[:40] for hit in service.ask(question).hits] == [
        "Japan and the US will soon settle their ",
        'He added: "I do not think there will be ',
    ]


@pytest.mark.parametrize(
    ("story", "question", "order"),
    [
        # The lead states the news before the speaker's quote on something else.
        (
            "Arnesen denies rift\n\nSporting director Frank Arnesen has denied that coach Jacques Santini left"
            ' after a clash.\n\nArnesen said the club was calm about Santini. "We talk every day, all of us," he said.',
            "did arnesen deny falling out with santini",
            [0, 1],
        ),
        # Their own quotation on the topic is the answer, before the lead reporting it.
        (
            "Hale to retire\n\nFormer captain Tom Hale has announced he is to retire at the end of the season.\n\n"
            'Hale said: "I am retiring because my body has had enough of the game."',
            "what did tom hale say about retiring?",
            [1, 0],
        ),
    ],
)
def test_a_speakers_quote_on_the_topic_then_the_lead_then_other_quotes(
    service: BriefingService, story: str, question: str, order: list[int]
) -> None:
    service.load_text(ADMIN, story)
    assert [hit.paragraph_index for hit in service.ask(question).hits] == order


def test_a_person_on_a_named_topic_answers_from_a_story_naming_it(service: BriefingService) -> None:
    # More of the topic's words in a story that never names Brazil is not Brazil's debt problems.
    service.load_text(
        ADMIN,
        "Debt plan doubts\n\nPaul Vance said a plan to ease the foreign debt problems of poor countries was flawed.",
    )
    service.load_text(ADMIN, "Vance on Brazil\n\nBrazil is weighed down by its debt today, Paul Vance said.")
    for i in range(4):  # the question's rarest word is "Brazil", which other stories write as a name
        service.load_text(ADMIN, f"Markets {i}\n\nThe foreign debt problem of the banks grew on day {i}.")
    for i in range(2):
        service.load_text(ADMIN, f"Coffee {i}\n\nPrices rose in Brazil on day {i}, growers said.")
    answer = service.ask("what did paul vance say about brazil's foreign debt problems?")
    assert [hit.citation.title for hit in answer.hits] == ["Vance on Brazil", "Debt plan doubts"]


def test_of_paragraphs_covering_the_topic_alike_the_one_in_a_story_about_it_comes_first(
    service: BriefingService,
) -> None:
    service.load_text(
        ADMIN,
        "Trade rules row\n\nFinance Minister Ann Lee said trade rules must change.\n\n"
        "Lee said the budget deficit would not stop India leading the trade talks.",
    )
    service.load_text(
        ADMIN,
        "Budget unveiled\n\nAnn Lee unveiled the budget on Monday.\n\n"
        "The budget deficit will fall to 4% next year, Ms Lee said.",
    )
    answer = service.ask("what did ann lee say about the budget deficit?")
    assert answer.hits[0].citation.title == "Budget unveiled"


def test_the_paragraph_setting_out_a_persons_news_follows_their_answers(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Bank backs Jakarta\n\nIndonesia's finance minister met World Bank president Tom Crane in Jakarta on"
        " Monday.\n\nCrane said further loans to Indonesia would depend on its policies.\n\n"
        "Crane added that the loans would help Indonesia adjust to lower oil prices.\n\n"
        "Crane also praised the country's rice farmers.",
    )
    texts = [hit.text[:30] for hit in service.ask("what did crane say about loans to indonesia?").hits]
    # The story names him on the topic before his words: third, after his two answers, never first.
    assert texts[:3] == [
        "Crane said further loans to In",
        "Crane added that the loans wou",
        "Indonesia's finance minister m",
    ]


def test_a_persons_one_answer_comes_with_the_story_around_their_words(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Air show opens\n\nIndia's defence minister opened the air show with an invitation for foreign aerospace"
        " firms to move work to India.\n\nPranab Mukherjee said such firms could use the country's skilled"
        " workers.\n\nMore than 240 companies from 31 countries are taking part.\n\nThe show closes on Sunday.",
    )
    texts = [hit.text[:30] for hit in service.ask("what did pranab mukherjee say about aerospace firms?").hits]
    # His words first; then the paragraphs either side of them, the one after first: they are not his words.
    assert texts == [
        "Pranab Mukherjee said such fir",
        "More than 240 companies from 3",
        "India's defence minister opene",
    ]
    everything = service.ask("what did pranab mukherjee say?")
    assert [hit.text[:30] for hit in everything.hits] == texts  # asked for all he said, the same story around it
    assert everything.message == "What Pranab Mukherjee said, then what the same stories say of them:"
    service.load_text(
        ADMIN,
        "Port deal\n\nHarbour chief Ana Ruiz said the port deal would bring new shipping lines.\n\n"
        "The deal was signed in Lisbon.\n\nThe city also plans a new stadium.",
    )
    texts = [hit.text[:30] for hit in service.ask("what did ana ruiz say about the port deal?").hits]
    # Two paragraphs away, only a paragraph touching the topic goes with her words.
    assert texts == ["Harbour chief Ana Ruiz said th", "The deal was signed in Lisbon."]


def test_the_first_answers_story_goes_on_before_another_story(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Harbour plan approved\n\nThe harbour dredging plan was approved by the council on Monday.\n\n"
        "Critics said the harbour would lose its seals to the dredging.",
    )
    service.load_text(
        ADMIN,
        "Council budget\n\nThe council set its budget for the year.\n\n"
        "Last year's harbour dredging plan cost more than planned.",
    )
    texts = [hit.text for hit in service.ask("any news on the harbour dredging plan?").hits]
    # The other story's paragraph holds every word of the topic, the first story's second paragraph fewer:
    # still, the story that answers best goes on first.
    assert texts[:3] == [
        "The harbour dredging plan was approved by the council on Monday.",
        "Critics said the harbour would lose its seals to the dredging.",
        "Last year's harbour dredging plan cost more than planned.",
    ]


def test_a_persons_quotation_comes_before_the_lead_reporting_it(service: BriefingService) -> None:
    story = (
        "Strachan rejects Portsmouth\n\nGordon Strachan has rejected the Portsmouth job.\n\n"
        '"I need a rest from football," Strachan said of the Portsmouth job offer.\n\n'
        '"I am off on holiday," he added.\n\nPortsmouth will now look elsewhere.'
    )
    service.load_text(ADMIN, story)
    texts = [hit.text for hit in service.ask("what did gordon strachan say about the portsmouth job?").hits]
    # The lead reports it; his words, in a paragraph covering the question as much, are what was asked.
    assert texts[:2] == [
        '"I need a rest from football," Strachan said of the Portsmouth job offer.',
        "Gordon Strachan has rejected the Portsmouth job.",
    ]


def test_a_topic_answers_story_goes_on_with_its_details_in_other_words(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Ferry claims\n\nInsurers could face heavy claims after the ferry sank off Zeebrugge.\n\n"
        "Passengers may ask for more than ten million pounds in all, Larner said.\n\n"
        "A court case in America could raise that claim several times.",
    )
    for port in ("Dover", "Calais", "Ostend", "Harwich", "Hull", "Rosslare"):
        service.load_text(ADMIN, f"{port} news\n\nInsurers paid ferry claims in {port} last year, as every year.")
    texts = [hit.text for hit in service.ask("what claims could insurers face over the ferry?", limit=4).hits]
    # Six other stories' paragraphs hold every word of the topic; the story's own details go on after its news,
    # in whatever words ("Passengers may ask…" holds none of the topic's).
    assert texts[:3] == [
        "Insurers could face heavy claims after the ferry sank off Zeebrugge.",
        "Passengers may ask for more than ten million pounds in all, Larner said.",
        "A court case in America could raise that claim several times.",
    ]
    assert texts[3].startswith("Insurers paid ferry claims")


def test_a_lead_that_only_asks_is_not_put_first(service: BriefingService) -> None:
    later = "The poll is on 5 May: poll day, the poll's organisers say."
    service.load_text(ADMIN, f"Poll rivals\n\nCould rivalry overshadow the poll?\n\n{later}")
    assert service.ask("any news on the poll?").hits[0].text == later


def test_a_question_put_to_the_speaker_comes_before_their_summary(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Springer backs opera\n\nTalk show host Jerry Springer, whose show inspired the opera screened by the BBC, "
        "has said he would not have written the opera himself.\n\nThe opera drew 55,000 complaints.\n\nAsked "
        'whether he thought the BBC should have screened the opera he said: "I do not know, but it is a free country."',
    )
    answer = service.ask("did jerry springer think the BBC should have screened the opera?")
    assert [hit.text[:22] for hit in answer.hits] == [
        "Asked whether he thoug",
        "Talk show host Jerry S",
        "The opera drew 55,000 ",  # the story around his words, after them
    ]


def test_news_on_a_topic_comes_from_the_story_whose_headline_is_about_it(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Dome to close\n\nThe Millennium Dome will close in the spring, its owners said.\n\n"
        "Plans for the site are unclear.",
    )
    service.load_text(
        ADMIN,
        "Arts round-up\n\nA new theatre opens in Leeds this week.\n\nThe Dome's operators say plans to close it "
        "will not hit the arts centre next door, which will stay open to the public.\n\nTicket sales rose.",
    )
    answer = service.ask("any news on plans to close the dome?")
    assert [hit.text[:26] for hit in answer.hits] == [
        "The Millennium Dome will c",
        "Plans for the site are unc",
        "The Dome's operators say p",
    ]


def test_a_story_about_a_topic_answers_with_paragraphs_holding_part_of_it(service: BriefingService) -> None:
    service.load_text(ADMIN, "Soviet talks\n\nSoviet ministers met on Monday.")
    service.load_text(
        ADMIN,
        "Soviet results\n\nThe Soviet government called the results unsatisfactory.\n\n"
        "Results for the first quarter fell short of the plan.\n\nEnergy output, however, was above target.",
    )
    # No one paragraph holds half of the topic, but the story holds all of it.
    answer = service.ask("how did soviet energy output do in the first quarter?")
    assert any(hit.text.startswith("Energy output") for hit in answer.hits)


def test_a_paragraph_two_stories_share_is_quoted_once(service: BriefingService) -> None:
    body = "\n\nLleyton Hewitt lost to Taylor Dent in the quarter-finals.\n\nHewitt said he had played badly."
    service.load_text(ADMIN, "Hewitt loses" + body)
    service.load_text(ADMIN, "Hewitt beaten in Sydney" + body + "\n\nDent now meets Andy Roddick.")
    for question in ("what did hewitt say?", "any news on Hewitt?"):
        texts = [hit.text for hit in service.ask(question).hits]
        assert "Hewitt said he had played badly." in texts
        assert len(texts) == len(set(texts))


def test_people_asked_about_together_take_turns_on_the_page(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Howard on immigration\n\nMichael Howard said immigration must be controlled.\n\nHoward said immigration "
        "quotas would be set by parliament.\n\nHoward added that immigration rules should be fair and firm.",
    )
    service.load_text(ADMIN, "Blair speech\n\nTony Blair said the economy was strong and immigration helped it.")
    answer = service.ask("compare howard and blair on immigration")
    assert answer.message.startswith("What Michael Howard / Tony Blair said about immigration")
    assert [hit.speakers for hit in answer.hits][:3] == [("Michael Howard",), ("Tony Blair",), ("Michael Howard",)]


UGANDA = "\n\n".join(
    [
        "Uganda coffee board short of cash",
        "Uganda's state-run coffee board has been short of cash for two months because of delays in moving coffee"
        " exports.",
        "Coffee exports are hurt by the disruption of rail transport since the president banned their haulage by road.",
        "Uganda's coffee stocks equal a quarter of its expected crop, sources in Uganda said.",
    ]
)


def test_a_storys_paragraphs_are_told_apart_by_the_topic_words_they_do_not_all_share(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, UGANDA)
    answer = service.ask("what was said about the ban on moving ugandan coffee by road?")
    # Every paragraph speaks of Uganda's coffee; the ban and the road set one apart, before the story's lead.
    assert answer.hits[0].text.startswith("Coffee exports are hurt by the disruption of rail transport")
    assert answer.hits[1].text.startswith("Uganda's state-run coffee board")


def test_what_a_storys_headline_and_lead_say_sets_none_of_its_paragraphs_apart(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "\n\n".join(
            [
                "Saudi riyal deposits steady",
                "Saudi riyal interbank deposits were steady in a quiet market, dealers said.",
                "Banks offered three month deposits lower, but there were few takers.",
                "The spot riyal was steady at 3.7500 to the dollar.",
            ]
        ),
    )
    answer = service.ask("any news on the saudi riyal against the dollar?")
    # Both paragraphs hold two of the words; the reader has the headline and lead, so "Saudi" (in the lead only) only
    # names the story, while the dollar is what is asked of it.
    assert answer.hits[0].text.startswith("The spot riyal was steady")


def test_a_persons_words_going_on_after_their_first_answer_come_next(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Reagan against tax rises\n\nWhite House spokesman Marlin Fitzwater said President Reagan's record in opposing"
        ' tax hikes was long and strong.\n\n"We will fight tax increases in Congress," Fitzwater said.\n\n'
        "Fitzwater said Reagan's strong feelings against a tax hike included opposition to an oil import fee.\n\n"
        '"The President\'s position is that he is opposed to it," he said.',
    )
    # His next paragraph goes on about the fee in other words; it had come after his lead on tax hikes.
    answer = service.ask("fitzwater on the oil import fee")
    assert [hit.paragraph_index for hit in answer.hits[:2]] == [2, 3]
