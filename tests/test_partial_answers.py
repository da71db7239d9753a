"""Answering "what did X say about Y?" when X's words cover only part of Y, or Y only in other words."""

from __future__ import annotations

from bot.models import User
from bot.retrieval.speaker_tiers import two_words
from bot.retrieval.terms import Topic, stem, stems_of
from bot.service import BriefingService

ADMIN = User("console", "me")

RESERVES = """Oil reserves will run short, says former Shell chief

World governments should prepare for a steep rise in oil prices as reserves dwindle, a former oil executive said.

"We must enhance the likelihood of home-country discoveries with acreage for exploration," Donald McIvor said.

Mr McIvor spoke at a conference in Houston on Tuesday.
"""

CRIME = """Minister unveils justice plan

Justice Minister Cathy Jamieson said the plan would help victims of crime and cut reoffending.

The plan also covers the courts and prisons.
"""


def _topic(words: tuple[str, ...], related: dict[str, set[str]]) -> Topic:
    stems = tuple(stem(w) for w in words)
    return Topic(words, stems, dict.fromkeys(stems, 1.0), {stem(w): frozenset(r) for w, r in related.items()})


def test_two_words_need_one_of_them_itself() -> None:
    topic = _topic(("spare", "production", "capacity"), {"production": {"oil"}})
    assert two_words(topic, stems_of("an excess capacity of oil"))  # capacity itself, production through oil
    assert not two_words(topic, stems_of("an excess of oil"))  # a related word alone
    assert not two_words(_topic(("knife", "crime"), {}), stems_of("victims of crime"))  # one word of two
    assert not two_words(_topic(("football",), {"football": {"good"}}), stems_of("a good game"))


def test_a_paragraph_on_part_of_a_topic_answers(service: BriefingService) -> None:
    service.load_text(ADMIN, RESERVES)
    answer = service.ask("what did donald mcivor say about exploring for oil closer to home?")
    assert not answer.no_match, answer.message
    assert "home-country discoveries" in answer.hits[0].text


def test_one_word_of_a_two_word_topic_does_not_answer(service: BriefingService) -> None:
    service.load_text(ADMIN, CRIME)
    assert service.ask("cathy jamieson on knife crime").no_match


SCAM = """Call for action on internet scam

Phone companies are not doing enough to warn customers about rogue-dialling scams, a regulator said.

Firms should spot unusual bills quickly and stop them, the regulator added.

Ombudsman Elizabeth France said: "I would expect phone companies to look for odd patterns and call the customer."
"""


def test_a_person_touching_the_topic_in_a_story_on_it_answers(service: BriefingService) -> None:
    service.load_text(ADMIN, SCAM)
    answer = service.ask("what did elizabeth france say about phone firms spotting unusual bills?")
    assert not answer.no_match, answer.message
    assert answer.hits[0].text.startswith("Ombudsman Elizabeth France said")


FINLAND = """Finland curbs call money credit

Bank of Finland Governor Rolf Kullberg told a news conference the Bank will limit credits on the call money market.

"These regulations are decreasing the role of the call money market," Kullberg said.
"""

JAPAN = """Yen rise hurts Japan, central bank says

Japanese central bank governor Satoshi Sumita said a further yen rise would have adverse effects on the economy.

"We will act if needed," Sumita said.
"""


def test_a_role_shared_by_many_answers_first_with_the_story_carrying_its_qualifiers(service: BriefingService) -> None:
    service.load_text(ADMIN, FINLAND)
    service.load_text(ADMIN, JAPAN)
    answer = service.ask("what did the bank of finland governor say?")
    assert answer.hits[0].speakers == ("Rolf Kullberg",), answer.hits[0].text


SKATING = "\n\n".join(
    [
        "Stars sign up for ice show",
        "Former footballer Paul Gascoigne will join actress Scarlett Johnson and a dozen others on the celebrity"
        " skating special to be screened by the BBC over the festive season this year.",
        "Rehearsals start next month in London.",
        "The celebrity skating special airs at Christmas.",
    ]
)


def test_a_topic_answer_starts_with_the_lead_of_a_story_on_it(service: BriefingService) -> None:
    service.load_text(ADMIN, SKATING)
    answer = service.ask("any news on the celebrity skating special?")
    assert answer.hits[0].text.startswith("Former footballer Paul Gascoigne"), answer.hits[0].text


CIGARS = """Coach relaxes after the win

"You can sit back and smoke cigars after a game like that, but we have more to do," Marco Vettori said.

Vettori praised the goalkeeper Lukas Brenner, who saved two penalties.
"""


BANS = """Councils weigh new bans

The ban on street parking starts in May. A ban on fireworks was dropped.

Shops fear a ban on Sunday trading; a ban on plastic bags already applies.

Another ban, on late buses, was lifted.
"""


def test_one_common_word_of_a_two_word_topic_is_not_an_answer_but_a_name_is(service: BriefingService) -> None:
    service.load_text(ADMIN, BANS)  # "ban" common, "smoke" rare: "smoke" alone carries most of "smoking ban"
    service.load_text(ADMIN, CIGARS)
    assert service.ask("vettori's view on the smoking ban").no_match  # "smoke cigars" is not the ban
    keeper = service.ask("what did vettori say about brenner's saves?")
    assert keeper.hits[0].text.startswith("Vettori praised the goalkeeper")


KEANE = "\n\n".join(
    [
        "Irish edge past Portugal",
        "Robbie Keane took his Republic record to 24 with a first-half goal which proved enough for victory."
        ' "We had more good chances. It is just a shame we did not take them."',
        "Portugal had the better of the second half.",
    ]
)


def test_a_paragraph_naming_the_person_on_the_topic_answers_when_their_words_are_not_found(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, KEANE)  # his quote is credited to nobody: he is only mentioned
    answer = service.ask("robbie keane on the goal")
    assert not answer.no_match, answer.message
    assert answer.hits[0].text.startswith("Robbie Keane took his Republic record")
    assert answer.message.startswith("I can't tell for certain that Robbie Keane speaks about the goal")
    assert service.ask("robbie keane on the transfer window").no_match


HUNT = "\n\n".join(
    [
        "Hunts meet for the last time",
        "Hunts met across the country on the last day before the hunting ban, with the actor Jeremy Tallis among"
        " the supporters who turned out.",
        "Anti-hunt groups sent monitors to check for illegal activity.",
    ]
)


def test_a_paragraph_naming_the_person_on_the_topic_in_the_storys_own_words_is_no_answer(
    service: BriefingService,
) -> None:
    service.load_text(ADMIN, HUNT)  # he is among the supporters: nobody is quoted, he says nothing
    answer = service.ask("what did jeremy tallis say about the hunting ban?")
    assert answer.no_match, answer.hits
