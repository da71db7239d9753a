"""Whether the words a question opens on, or typed like a search box, name someone to quote or are its topic."""

from __future__ import annotations

import pytest

from bot.commands import handle
from bot.models import Chat, User
from bot.retrieval.person_readings import person_readings
from bot.service import BriefingService
from tests.answers.helpers import ADMIN


def test_a_role_whose_holders_never_speak_on_the_topic_is_read_as_part_of_it(service: BriefingService) -> None:
    service.load_text(ADMIN, "Car talks\n\nTrade ministry official Kenji Sato said talks on car exports went well.")
    service.load_text(
        ADMIN,
        "Japan keeps beef quota\n\nJapan will keep its beef import quota at 58,400 tonnes this year, Japanese farm "
        "ministry officials said.\n\nThe officials said imports of high quality beef would not rise.",
    )
    answer = service.ask("what did the japanese farm ministry official say about the beef quota?")
    assert not answer.no_match and answer.hits[0].text.startswith("Japan will keep its beef import quota")
    assert answer.message == "What the articles say about japanese farm ministry official and the beef quota:"
    assert service.ask("what did the japanese farm ministry official say about football?").no_match


def test_an_institution_whose_recorded_voice_never_speaks_on_the_topic_is_read_as_part_of_it(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Rice stocks\n\nFarm ministry spokesman Taro Ito said rice stocks were ample this winter.")
    service.load_text(
        ADMIN,
        "Japan may discuss rice\n\nThe Agriculture Ministry declined comment on a newspaper report that Japan would "
        "discuss rice imports at GATT talks.\n\nThe United States wants Japan to open its farm market to rice.",
    )
    answer = service.ask("has japan's farm ministry commented on reports it will discuss rice imports at GATT")
    assert not answer.no_match and answer.hits[0].text.startswith("The Agriculture Ministry declined comment")
    assert service.ask("what did japan's farm ministry say about football?").no_match


def test_an_unknown_speaker_a_story_is_about_reads_as_part_of_the_topic(service: BriefingService) -> None:
    service.load_text(
        ADMIN, "Hybrid cars sell\n\nNissan has bought Toyota's hybrid car technology.\n\nHybrid car sales rose."
    )
    answer = service.ask("what did toyota say about hybrid cars?")
    assert answer.hits[0].text.startswith("Nissan has bought Toyota's hybrid car technology")
    assert answer.message.startswith("What the articles say about toyota and hybrid cars")
    assert "don't know anyone called “toyota”" in service.ask("what did toyota say about diesel trucks?").message


def test_a_yes_no_questions_subject_the_archive_writes_in_lower_case_is_its_topic(service: BriefingService) -> None:
    bank = 'William Sterling said profits were going to rise.\n\n"We are doing well," Sterling said.'
    service.load_text(ADMIN, f"Bank plans\n\n{bank}")
    service.load_text(ADMIN, "Markets\n\nDealers said sterling was going to rise.\n\nThe rise in sterling helped.")
    answer = service.ask("is sterling going to rise?")
    assert answer.message.startswith("What the articles say"), answer.message
    assert answer.hits[0].text == "Dealers said sterling was going to rise."


def test_search_box_words_ending_on_a_surname_after_a_word_a_body_goes_by(service: BriefingService) -> None:
    # The newsletter records an "Oil World", as if "oil" were a given name: "oil imomi" is no full name.
    service.load_text(ADMIN, "Soymeal\n\nSoviet soymeal imports may rise.\n\nOil World said frosts hit Soviet grain.")
    service.load_text(ADMIN, "Oil glut\n\nOil prices fell as oil stocks rose.\n\nThe oil market was quiet.")
    answer = service.ask("oil imomi")
    assert answer.message == "What Sodik Imomi said about oil:"


@pytest.mark.parametrize("question", ["quotes from the dome", "what did the dome say?"])
def test_a_word_typed_with_an_article_is_a_thing_not_a_misspelt_name(service: BriefingService, question: str) -> None:
    service.load_text(ADMIN, "Dome sold\n\nThe dome was sold to a developer after the first sale collapsed.")
    service.load_text(ADMIN, "Court case\n\nJohn Doe said he would appeal against the ruling.")
    answer = service.ask(question)
    assert answer.message.startswith("What the articles say about"), answer.message
    assert answer.hits[0].text.startswith("The dome was sold")
    # Without an article a near spelling is still read as the name it misspells.
    assert service.ask("what did doee say?").message.startswith("What John Doe said")


@pytest.mark.parametrize("question", ["nazer oil prices", "oil prices nazer"])
def test_search_box_words_with_a_surname_the_stories_open_sentences_with(
    service: BriefingService, question: str
) -> None:
    # Reuters writes the surname opening its sentences: never in lower case, seldom capitalised mid-sentence.
    said = ["Nazer said oil prices would hold.", "Nazer said output was steady.", "Nazer said Opec was united."]
    service.load_text(ADMIN, "\n\n".join(["Saudi oil", "Oil Minister Hisham Nazer spoke in Riyadh.", *said]))
    answer = service.ask(question)
    assert answer.message == "What Hisham Nazer said about oil prices:" and answer.hits[0].text == said[0]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("blair tuition fees", "tuition fees"),
        ("tuition fees blair", "tuition fees"),
        ("tuition fees + blair", "tuition fees"),
        ("fees blair", "fees"),  # two words, the first no one's given name
        ("blair tuition fees quotes", "tuition fees"),
        ("quotes blair fees", "fees"),
    ],
)
def test_search_box_words_with_a_surname_at_either_end_ask_for_that_persons_words(
    service: BriefingService, question: str, topic: str
) -> None:
    service.load_text(ADMIN, "Fees vote\n\nTony Blair said tuition fees would help universities compete.")
    # "blair tuition fees quotes" once read "blair tuition fees" as a role, and found Blair's chancellor.
    service.load_text(ADMIN, "Budget day\n\nGordon Brown, Mr Blair's chancellor, said the budget was sound.")
    service.load_text(ADMIN, "Charity run\n\nCherie Blair said the run had raised money for a hospital.")
    # A story naming someone by surname alone records a bare "Blair" too.
    service.load_text(ADMIN, "Late night\n\nBlair said the summit had been long but useful.")
    answer = service.ask(question)
    assert answer.message == f"What Tony Blair said about {topic}:"
    assert answer.hits[0].text == "Tony Blair said tuition fees would help universities compete."


@pytest.mark.parametrize("question", ["imomi and khalafov", "imomi vs khalafov", "Imomi vs. Khalafov"])
def test_two_names_joined_are_news_of_both_not_one_on_the_other(service: BriefingService, question: str) -> None:
    # Once Sodik Imomi's words on "and khalafov"; "vs" no article writes.
    assert service.ask(question).message.lower() == "what the articles say about imomi and khalafov:"


def test_a_surname_recorded_bare_as_often_as_in_full_is_still_that_persons(service: BriefingService) -> None:
    service.load_text(ADMIN, "Fed view\n\nAlan Greenspan said interest rates would rise gradually.")
    service.load_text(ADMIN, "Fed talk\n\nGreenspan said the economy was on a firm footing.")
    assert service.ask("interest rates greenspan").message == "What Alan Greenspan said about interest rates:"


def test_an_unknown_speaker_typed_as_a_thing_is_part_of_the_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "Oil outlook\n\nA report by the energy agency says oil demand will rise next year.")
    answer = service.ask("what did the report say about oil demand?")
    assert answer.hits and answer.hits[0].text.startswith("A report by the energy agency")
    assert "don't know anyone called" in service.ask("what did carla fontaine say about oil?").message
    # A thing no story names is still a thing, not a person unknown, however many spaces it is typed with.
    for question in ("what did the survey say about oil demand?", "what  did  the  survey  say about oil demand?"):
        assert service.ask(question).message.startswith("What the articles say about survey oil demand"), question


def test_a_crowd_asked_as_a_speaker_is_part_of_the_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "Tour ends\n\nAlexander Fang said the tour was over.")
    service.load_text(ADMIN, "Concert review\n\nFans said the concert at the Dome was the best of the year.")
    answer = service.ask("what did fans say about the concert?")  # not Alexander Fang, a near spelling
    assert answer.hits and answer.hits[0].text.startswith("Fans said the concert")
    assert answer.message == "What the articles say about fans and the concert:"  # not "fans the concert"


def test_how_people_reacted_is_news_on_the_topic_though_a_party_goes_by_people(service: BriefingService) -> None:
    service.load_text(
        ADMIN, "Talks\n\nTensions eased between the government and the opposition Pakistan People's Party."
    )
    service.load_text(ADMIN, "Dome sale\n\nThe sale of the Dome was agreed on Monday.")
    answer = service.ask("how did people react to the Dome sale?")
    assert answer.message.startswith("What the articles say about the Dome sale")


def test_of_two_names_in_chat_shorthand_the_persons_is_the_speaker(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Plant deal\n\nCorva said it would build a plant in Dushanbe.\n\n"
        "Sodik Imomi said the Corva plant would bring jobs to the region.",
    )
    answer = service.ask("corva - imomi?")  # Corva speaks too, but is no one's full name
    assert answer.message.startswith("What Sodik Imomi said about corva")
    assert answer.hits[0].text.startswith("Sodik Imomi said the Corva plant")


def test_of_two_sides_in_chat_shorthand_a_lower_case_word_is_the_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "Apple launch\n\nSteve Jobs said the new Mac would sell well.")
    for n in range(3):  # the archive writes "jobs" in lower case
        service.load_text(ADMIN, f"Labour market {n}\n\nFactories cut jobs as orders fell, and more jobs may go.")
    service.load_text(ADMIN, "Jobs data\n\nAustralia's treasurer Paul Keating said jobs growth would pick up.")
    answer = service.ask("jobs - australia's treasurer?")
    assert answer.message.startswith("What Paul Keating said about jobs"), answer.message


def test_more_chat_shorthand_names_a_speaker(service: BriefingService) -> None:
    for question in ("imomi's oil comments", "oil comments by imomi", "imomi says oil"):
        assert service.ask(question).message.startswith("What Sodik Imomi said about oil"), question
    # A sentence about a report is not the report's words.
    assert person_readings("the report says oil prices will rise") == []


def test_a_question_may_open_with_a_persons_surname(service: BriefingService) -> None:
    assert service.ask("imomi oil").message.startswith("What Sodik Imomi said about oil")
    service.load_text(ADMIN, "Corva sued\n\nPhone maker Corva said the lawsuit over its phones had no merit.")
    assert service.ask("corva lawsuit").message.startswith("What the articles say")  # a firm's news, not its words
    service.load_text(
        ADMIN,
        "Farm prices\n\nEmma Straw said straw prices would rise.\n\nFarmers baled straw early.\n\n"
        "The price of straw doubled.",
    )
    assert service.ask("straw prices").message.startswith("What the articles say")  # the archive's straw is a crop


def test_a_yes_no_question_whose_subject_never_speaks_on_it_is_still_a_topic(service: BriefingService) -> None:
    assert service.ask("did Imomi praise football?").no_match
    assert service.ask("did Khalafov discuss the Zangazur corridor?").hits[0].speakers == ("Khalaf Khalafov",)
    visit = service.ask("did Imomi visit the Zangazur corridor?")  # he never speaks of it: what others said
    assert not visit.no_match and "Imomi visit the Zangazur corridor" in visit.message
    assert visit.hits[0].text.startswith("The deputy minister underlined")


def test_a_yes_no_question_about_news_of_its_subject_is_a_topic(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Corva Motors recalls vans\n\nCorva Motors said it would build new brakes for vans at its Ohio plant.",
    )
    service.load_text(
        ADMIN,
        "Cadillacs for Sweden\n\nCorva Motors is to build a new Cadillac at the Saab plant in Trollhattan.\n\n"
        "Unions welcomed the plan for the Saab factory.",
    )
    assert service.ask("what did corva motors say about brakes?").hits  # a speaker the archive knows
    answer = service.ask("will corva motors build cadillacs at the saab plant?")
    assert answer.hits[0].text.startswith("Corva Motors is to build a new Cadillac")


def test_words_before_a_surname_that_are_no_given_name_do_not_make_it_someone_known_by_the_surname_alone(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, "Gas talks\n\nImomi said the gas deal was close.")
    resolve = service.retriever.speakers.resolve
    assert resolve("gas deal imomi") is None  # words the articles use
    assert resolve("zork imomi") is not None  # a given name no article uses may be his


def test_a_name_cut_to_another_words_stem_is_found_only_as_written(service: BriefingService) -> None:
    service.load_text(ADMIN, "Rates view\n\nThe Federal Reserve said federal funds would rise. Federal staff agreed.")
    service.load_text(ADMIN, "Fed again\n\nFederal Reserve chairman Alan Greenspan said the federal deficit was large.")
    service.load_text(ADMIN, "Tennis final\n\nRoger Federer won the final in Basel.\n\nFederer's coach was delighted.")
    texts = [hit.text for hit in service.ask("any news on federer?").hits]
    assert texts == ["Roger Federer won the final in Basel.", "Federer's coach was delighted."]
    # A word the archive writes in lower case is still a word, whoever is known by it.
    service.load_text(ADMIN, "Stage news\n\nActor Charles Dance said the play was long.")
    service.load_text(ADMIN, "Ballet school\n\nThe pupils were dancing every day at the ballet school.")
    service.load_text(ADMIN, "Club night\n\nThe dance floor was full. Teachers dance too.")
    assert "The pupils were dancing every day at the ballet school." in {h.text for h in service.ask("dance").hits}


def test_a_body_nobody_is_recorded_as_is_joined_to_the_topic_in_the_lead(service: BriefingService) -> None:
    service.load_text(ADMIN, "Euro rises\n\nThe euro rose against the dollar after the ECB held interest rates.")
    user, chat = User("telegram", "67"), Chat("telegram", "67")
    handle(service, user, chat, "what's the latest on the euro?")
    reply = handle(service, user, chat, "did the ecb comment?")
    assert reply.text == "What the articles say about ecb and the euro:"
    assert reply.quotes[0].text.startswith("The euro rose against the dollar")


@pytest.mark.parametrize(
    "question",
    [
        "was wenger fined?",
        "has wenger been fined?",
        "has arsene wenger been fined?",
        "will arsene wenger be fined?",
        "is arsene wenger being fined?",
    ],
)
def test_a_yes_no_questions_subject_something_is_done_to_is_news_not_their_words(
    service: BriefingService, question: str
) -> None:
    service.load_text(ADMIN, "Cup draw\n\nArsenal will play Chelsea.\n\nArsene Wenger said clubs were fined too often.")
    service.load_text(ADMIN, "FA acts\n\nThe FA fined Arsenal manager Arsene Wenger £15,000 for his comments.")
    answer = service.ask(question)
    assert answer.hits[0].text.startswith("The FA fined Arsenal manager Arsene Wenger")
    assert not answer.message.startswith("What Arsene Wenger said")


def test_a_nations_people_asked_for_their_words_is_joined_to_the_topic(service: BriefingService) -> None:
    service.load_text(ADMIN, "Net cafes shut\n\nChinese authorities closed 12,575 net cafes, the government said.")
    answer = service.ask("what did the chinese say about the net cafes?")
    # "Chinese" mostly opens a sentence, as no name does: still a people, joined to the topic as a crowd is.
    assert answer.message == "What the articles say about chinese and the net cafes:"
    assert answer.hits[0].text.startswith("Chinese authorities closed")
