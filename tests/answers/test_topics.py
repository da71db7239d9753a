"""What a question's topic asks for: the period it names, its initials, its rarest words and its alternatives."""

from __future__ import annotations

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.periods import Period, period_in
from bot.retrieval.query import Question, parse_question
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def test_a_follow_up_asking_only_another_period_keeps_the_person_and_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "date 1987-03-05 By Reuters\n\nJames Baker said the dollar had fallen far enough.")
    service.load_text(ADMIN, "date 1987-04-21 By Reuters\n\nJames Baker said the dollar was stable now.")
    service.load_text(ADMIN, "date 1987-04-22 By Reuters\n\nJames Baker said the budget talks went well.")
    user, chat = User("telegram", "70"), Chat("telegram", "70")
    handle(service, user, chat, "what did baker say about the dollar in march?")
    reply = handle(service, user, chat, "and in april?")
    assert reply.text.startswith("What James Baker said about the dollar in april:")
    assert [hit.text for hit in reply.quotes] == ["James Baker said the dollar was stable now."]
    # Asked in full, with a pronoun: the conversation's topic comes without the month it was asked for before.
    handle(service, user, chat, "what did baker say about the dollar in march?")
    reply = handle(service, user, chat, "what did he say in april?")
    assert reply.text.startswith("What James Baker said about the dollar in april:")
    assert [hit.text for hit in reply.quotes] == ["James Baker said the dollar was stable now."]


def test_a_period_asked_about_keeps_to_articles_published_then(service: BriefingService) -> None:
    service.load_text(ADMIN, "date 1987-03-05 By Reuters\n\nClayton Yeutter said rice talks stalled.")
    service.load_text(ADMIN, "date 1987-04-21 By Reuters\n\nClayton Yeutter said Japan would open its rice market.")

    def texts(question: str) -> list[str]:
        return sorted(hit.text[16:36] for hit in service.ask(question).hits)

    assert texts("what did yeutter say about rice in march?") == ["said rice talks stal"]
    # A month is when it was said, never the topic's own words: April's words on the March 1987 figures are not it.
    service.load_text(ADMIN, "date 1987-04-02 By Reuters\n\nClayton Yeutter said the March 1987 figures were good.")
    assert texts("what did yeutter say about rice in march 1987?") == ["said rice talks stal"]
    assert texts("what did yeutter say in april 1987 about rice?") == ["said Japan would ope"]
    assert service.ask("what did yeutter say about rice in april?").message.startswith(
        "What Clayton Yeutter said about rice in april:"
    )
    assert service.ask("what did yeutter say in 1986?").message == (
        "I know Clayton Yeutter from the articles, but found no paragraph where they speak in 1986."
    )
    assert len(texts("what did yeutter say about rice last week?")) == 2  # a relative period only says when
    service.load_text(ADMIN, "Rice summit\n\nClayton Yeutter said rice farmers wanted a fair deal.")
    assert texts("what did yeutter say in 1986?") == ["said rice farmers wa"]  # no date: never ruled out
    # "news from april 1987 about rice": when, not who.
    assert service.ask("news from april 1987 about rice").message.startswith("What the articles say about rice")
    assert texts("news from april 1987 about rice") == ["said Japan would ope", "said rice farmers wa"]


def test_a_period_asked_about_names_only_the_namesakes_speaking_then(service: BriefingService) -> None:
    service.load_text(ADMIN, "date 1987-03-05 By Reuters\n\nChancellor Nigel Lawson said sterling was strong.")
    service.load_text(ADMIN, "date 2004-11-05 By BBC\n\nDefender Scott Lawson said the team had played well.")
    assert service.ask("what did lawson say?").message.startswith("What Nigel Lawson / Scott Lawson said")
    assert service.ask("what did lawson say in march 1987?").message.startswith("What Nigel Lawson said in march 1987:")


def test_a_period_finds_a_prolific_speakers_words_however_far_down_their_ranking(service: BriefingService) -> None:
    service.load_text(ADMIN, "date 1987-03-12 By Reuters\n\nPaul Volcker said banks must lend more.")
    for day in range(10, 20):  # ten later stories rank first, all of them April's
        service.load_text(ADMIN, f"date 1987-04-{day} By Reuters\n\nPaul Volcker said rates held on the {day}th.")
    for question in ("what did volcker say in march?", "what did volcker say in march 1987?"):
        answer = service.ask(question)
        assert [hit.text for hit in answer.hits] == ["Paul Volcker said banks must lend more."]


def test_a_period_that_is_the_topics_own_is_read_so_first() -> None:
    assert period_in("what did lawson say about growth in 1988?") == Period("in 1988", year="1988")
    assert period_in("any news on opec during early March 1987") == Period("during early March 1987", "1987", "03")
    assert Period("in march", month="03").admits("1987-03-26") and not Period("in 1988", "1988").admits("1987-03-26")
    assert parse_question("what did Imomi say in 1987 about oil?").topic == "oil"
    assert parse_question("what did Imomi say about oil over the past few weeks?").topic == "oil"
    news = "news from 1987 on oil prices"
    assert parse_question(news) == Question(news, "", "oil prices from 1987")
    assert parse_question("what did may say about the election?").speaker == "may"  # a month alone may be a name


def test_initials_stand_for_a_topics_words_only_where_the_archive_abbreviates_them(service: BriefingService) -> None:
    service.load_text(ADMIN, "Console launch\n\nThe Nintendo DS goes on sale in Europe.\n\nThe DS has two screens.")
    service.load_text(ADMIN, "Dome sold\n\nThe dome was sold to a developer after the first sale collapsed.")
    service.load_text(ADMIN, "Union talks\n\nThe European Union (EU) met on Friday.\n\nEU ministers backed the plan.")
    dome_sale = [hit.text for hit in service.ask("any news on the dome sale?").hits]
    assert dome_sale[0] == "The dome was sold to a developer after the first sale collapsed."
    assert "The DS has two screens." not in dome_sale  # it once covered the whole topic
    assert "EU ministers backed the plan." in {hit.text for hit in service.ask("any news on the european union?").hits}


def test_a_topic_offering_a_choice_is_answered_by_the_first_alternative_found(service: BriefingService) -> None:
    for question in ("did imomi talk about oil or gas?", "what did imomi say about either gas or oil?"):
        answer = service.ask(question)
        assert answer.message == "What Sodik Imomi said about oil:" and answer.hits[0].text.startswith("Imomi stated")
    nothing = service.ask("what did imomi say about football or cricket?")
    assert nothing.no_match and "speaks about football or cricket" in nothing.message


def test_initials_stand_for_a_topic_once_a_new_article_writes_them_beside_its_words(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Farm plan\n\nEU ministers backed the plan.\n\nThe union of farmers met in Europe.")
    asked = "any news on the european union?"
    assert "EU ministers backed the plan." not in {hit.text for hit in service.ask(asked).hits}
    service.load_text(ADMIN, "Union talks\n\nThe European Union (EU) met on Friday.")
    assert "EU ministers backed the plan." in {hit.text for hit in service.ask(asked).hits}


def test_a_topics_acronym_must_be_written_beside_its_words(service: BriefingService) -> None:
    service.load_text(ADMIN, "Jobs data\n\nHans Weber said German unemployment fell in November.")
    service.load_text(ADMIN, "Gun law\n\nHans Weber said the gun laws were too weak.")
    texts = [hit.text for hit in service.ask("what did weber say about german unemployment november?").hits]
    assert texts == ["Hans Weber said German unemployment fell in November."]  # "gun" once covered it all


def test_a_persons_story_that_never_names_the_topics_most_specific_name_does_not_answer(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Peso slides\n\nThe peso fell in Mexico as oil prices slid.")
    service.load_text(ADMIN, "Oil exports\n\nOil exports from Mexico rose by a tenth.")
    service.load_text(ADMIN, "Asian talks\n\nMinisters met in Jakarta on Monday.")
    service.load_text(
        ADMIN,
        "Conable visit\n\nWorld Bank President Barber Conable arrived yesterday.\n\n"
        "Conable said the talks in Jakarta called for action.",
    )
    # "Mexico" is as rare as "Jakarta" and the story never names it: his words on Jakarta are no answer.
    assert service.ask("what did conable say about mexico and jakarta?").no_match
    assert service.ask("what did conable say about the mexico jakarta talks?").hits  # two of its words
    service.load_text(ADMIN, "Markets\n\nThe turmoil in markets grew.")
    service.load_text(ADMIN, "Banks\n\nThe turmoil spread to banks.")
    # A common word may be put otherwise ("the talks called for action"): as rare, "turmoil" blocks nothing.
    assert service.ask("what did conable say about turmoil in jakarta?").hits


def test_a_dotted_abbreviation_in_a_topic_is_not_its_rarest_word(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Chip dispute\n\nTrade Representative Clayton Yeutter said the U.S. trade deficit with Japan narrowed.\n\n"
        "Yeutter said sanctions on Japanese chips would stay until Tokyo stopped dumping them.",
    )
    # "U.S." splits into "u" and "s", whose stem is empty: no paragraph is indexed under it, and so it weighed
    # as the rarest word of the topic, which only the paragraph writing "U.S." held.
    answer = service.ask("what did yeutter say about U.S. chip sanctions?")
    assert answer.hits[0].text.startswith("Yeutter said sanctions")


def test_a_strict_synonym_of_the_topic_answers_for_it(service: BriefingService) -> None:
    service.load_text(ADMIN, "date 1987-03-05 By Reuters\n\nJohn Bilson said sterling would gain from the rate cut.")
    service.load_text(ADMIN, "date 1987-03-06 By Reuters\n\nJohn Bilson said the yen was overvalued.")
    assert [hit.text for hit in service.ask("bilson's view on the pound").hits] == [
        "John Bilson said sterling would gain from the rate cut."
    ]


def test_a_frame_noun_around_the_topic_is_not_part_of_it(service: BriefingService) -> None:
    # "prospects", "the issue of", "the possibility of" frame what is asked about; a story seldom repeats them.
    service.load_text(ADMIN, "Results\n\nTom Glocer said Reuters would return to growth next year.")
    service.load_text(ADMIN, "Cards\n\nCharles Clarke said identity cards would cut fraud.")
    service.load_text(ADMIN, "Shares\n\nThe prospects for the issue of new shares were poor, brokers said.")
    assert [hit.text for hit in service.ask("what did glocer say about the prospects for growth?").hits] == [
        "Tom Glocer said Reuters would return to growth next year."
    ]
    assert [hit.text for hit in service.ask("what did clarke say about the issue of fraud?").hits] == [
        "Charles Clarke said identity cards would cut fraud."
    ]


def test_a_number_in_a_storys_headline_stands_by_its_words_for_the_whole_story(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Newcastle 2-1 Bolton\n\nLee Bowyer put Newcastle ahead after 2 minutes and Kieron Dyer won it with 1 minute"
        " left, ending Bolton's unbeaten run.",
    )
    service.load_text(ADMIN, "Bolton sign striker\n\nBolton have signed a striker from Newcastle for 2m.")
    answer = service.ask("any news on newcastle 2-1 bolton?")
    # The report never writes the score its headline gives.
    assert answer.hits and answer.hits[0].citation.title == "Newcastle 2-1 Bolton"
