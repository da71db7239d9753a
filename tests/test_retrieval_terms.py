"""Matching a question's words to a paragraph's: contractions, possessives and abbreviations."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.models import User
from bot.retrieval.abbreviations import written_out
from bot.retrieval.fts import content_runs, content_words
from bot.retrieval.terms import Topic, initialisms_in, initialisms_of, named_in, stem, stem_counts, stems_of
from bot.retrieval.topic_reading import names_the_us
from bot.service import BriefingService

ADMIN = User("console", "me")

LAWSUIT = """Iran readies claims over platform raid

Iran is preparing lawsuits to file for compensation from the U.S. over the raid on its Gulf oil platforms,
Oil Minister Gholamreza Aqazadeh said on Tuesday.

Aqazadeh also said crude exports had recovered to two million barrels a day.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("he'd like to do more Blackadder", ["like", "blackadder"]),
        ("they'll cut what we've built", ["cut", "built"]),
        ("Brazil's debt", ["brazil", "debt"]),
    ],
)
def test_contractions_and_possessives_leave_only_the_word(text: str, expected: list[str]) -> None:
    assert content_words(text) == expected


def test_the_light_verb_get_is_no_part_of_a_topic() -> None:
    assert content_words("is eastenders getting an american version") == ["eastenders", "american", "version"]
    assert content_words("what has he got to say about oil") == ["oil"]


def test_stopwords_break_runs_of_words() -> None:
    assert content_runs("suing the United States") == ["suing", "", "united", "states"]


def test_capitalised_abbreviations_are_kept_whole_dotted_or_not() -> None:
    assert initialisms_in("Talks between the U.S. and the UK, said OPEC.") == {"US", "UK", "OPEC"}
    assert {"US", "u"} <= stems_of("from the U.S. over")
    assert initialisms_in("Mr. A. Smith said it") == set()  # a lone initial is no abbreviation


def test_the_united_states_written_out_is_its_initials_too() -> None:
    assert "US" in initialisms_in("Soviet exports to the United States will rise")
    assert "US" not in initialisms_in("the united states of mind")  # only as a name


@pytest.mark.parametrize(
    ("topic", "named"),
    [
        ("US interest rates", True),
        ("the u.s. prime rate", True),
        ("us interest rates", True),
        ("exports to the us", True),
        ("tell us about oil", False),
        ("give us news on oil", False),
        ("what it means for us", False),
    ],
)
def test_a_topic_names_the_united_states_by_its_initials_not_the_pronoun(topic: str, named: bool) -> None:
    assert names_the_us(topic) is named


def test_the_country_us_learns_no_related_words_from_the_pronoun(service: BriefingService) -> None:
    service.load_text(ADMIN, "Fed meets\n\nUS interest rates are expected to rise. Tell us more, readers wrote.")
    topic = service.retriever.reader.topic("us interest rates")
    assert topic is not None and "US" in topic.stems
    assert set(topic.related) <= set(topic.stems)  # none under the "u" its initials stem to


def test_news_on_the_us_comes_from_stories_on_it_not_on_another_countrys(service: BriefingService) -> None:
    service.load_text(ADMIN, "Bonn worries\n\nRises in West German interest rates are a cause for concern, Poehl said.")
    service.load_text(ADMIN, "Fed meets\n\nUS interest rates are expected to rise for the fifth time since June.")
    service.load_text(ADMIN, "Japan trade\n\nExports to Japan will rise this year, the ministry said.")
    service.load_text(
        ADMIN, "Soviet trade\n\nSoviet exports to the United States will rise in 1987, an economist said."
    )
    assert service.ask("any news on us interest rates?").hits[0].text.startswith("US interest rates are expected")
    assert service.ask("will exports to the us rise?").hits[0].text.startswith("Soviet exports to the United")


def test_a_run_of_words_may_be_written_as_its_initials() -> None:
    assert initialisms_of(content_runs("suing the united states")) == {"US": ("unit", "state")}
    assert "BE" not in initialisms_of(content_runs("bank of england"))  # not adjacent: "of" between


def test_a_story_on_a_topic_must_hold_its_rarest_word_or_the_rarest_one_the_archive_uses() -> None:
    stems = ("charli", "parker", "sax")
    weights = {"charli": 3.0, "parker": 4.0, "sax": 9.0}
    assert Topic(("charlie", "parker", "sax"), stems, weights, {}).specific == ("sax",)
    unheard = Topic(("charlie", "parker", "sax"), stems, weights, {}, unused=frozenset({"sax"}))
    assert unheard.specific == ("sax", "parker")  # "comp" may be written "compensation"; "sax" not "saxophone"


def test_a_topic_word_no_article_uses_does_not_stop_a_story_holding_the_rest(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Jazz sale\n\nA saxophone belonging to a jazz legend is expected to fetch up to $1m at an auction of jazz"
        " memorabilia next month.",
    )
    service.load_text(ADMIN, "Jazz festival\n\nThe festival opens next month with a tribute to a jazz legend.")
    answer = service.ask("how much is the jazz legend's sax expected to fetch at auction?")
    assert not answer.no_match and "saxophone belonging" in answer.hits[0].text, answer.message


def test_an_abbreviation_covers_the_words_it_stands_for() -> None:
    stems = (stem("suing"), stem("united"), stem("states"))
    topic = Topic(
        ("suing", "united", "states"),
        stems,
        dict.fromkeys(stems, 1.0),
        {stem("suing"): frozenset({stem("lawsuits")})},
        stand_ins=initialisms_of(["suing", "", "united", "states"]),
    )
    paragraph = stems_of("Iran is preparing lawsuits against the U.S.")
    assert topic.coverage(paragraph, 0.4) == pytest.approx((0.4 + 2) / 3)
    assert topic.matched(paragraph) == 2
    assert topic.coverage(stems_of("Iran is preparing lawsuits against us"), 0.4) == pytest.approx(0.4 / 3)


def test_a_persons_name_is_not_read_into_initials(service: BriefingService) -> None:
    service.load_text(ADMIN, "Cole row\n\nArsenal defender Ashley Cole said he was happy. Cole denied meeting Chelsea.")
    service.load_text(
        ADMIN,
        'Robben update\n\n"He is running again," Peter Kenyon said of the winger, treated by a chiropractor of'
        " AC Milan.",
    )
    answer = service.ask("did peter kenyon say anything about ashley cole?")
    assert answer.no_match and not answer.hits, answer.message


def test_a_question_in_full_words_finds_a_paragraph_with_the_abbreviation(service: BriefingService) -> None:
    service.load_text(ADMIN, LAWSUIT)
    answer = service.ask("what did Aqazadeh say about suing the United States?")
    assert not answer.no_match, answer.message
    assert answer.hits[0].text.startswith("Iran is preparing lawsuits")


def test_stems_are_right_when_many_threads_stem_at_once() -> None:
    # Chats are answered in threads side by side; a shared stemmer must not mix their words up.
    words = [f"{root}{suffix}" for root in ("nation", "product", "govern", "relat", "operat") for suffix in _SUFFIXES]
    words = [f"{word}{'x' * n}" for n in range(100) for word in words]
    stem.cache_clear()
    expected = {word: stem(word) for word in words}
    stem.cache_clear()
    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(pool.map(stem, words * 2))
    assert found == [expected[word] for word in words * 2]


_SUFFIXES = ("al", "alization", "ionally", "ing", "ed", "ness", "fulness", "iveness", "ement", "ations")


def test_a_topic_measured_on_its_terms_as_stored_equals_the_whole_story() -> None:
    topic = Topic(
        ("oil", "prices"),
        (stem("oil"), stem("prices")),
        {stem("oil"): 2.0, stem("prices"): 1.0},
        {stem("oil"): frozenset({"crude", "opec"}), stem("prices"): frozenset()},
        stand_ins={"US": (stem("united"), stem("states"))},
    )
    for text in ("Crude prices fell", "U.S. oil output", "Opera prices", "nothing here"):
        stored = " ".join(sorted(stems_of(text)))
        whole = frozenset(stored.split())
        assert topic.present_in(stored) <= whole
        assert topic.coverage(topic.present_in(stored), 0.4) == topic.coverage(whole, 0.4), text
        assert topic.evidenced(topic.present_in(stored)) == topic.evidenced(whole), text
    # A story with none of the topic's own words is not about it, whatever related words it holds.
    assert topic.present_in(" ".join(sorted(stems_of("OPEC met in Vienna to talk about crude")))) == frozenset()


def test_a_hyphenated_word_is_also_the_word_closed_up(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Spam warnings\n\nMr Hogan said worms now send spam from home computers.\n\n"
        'Kevin Hogan said: "Spam will not mean the end of e-mail."',
    )
    answer = service.ask("did kevin hogan think spam would finish off email?")
    assert answer.hits[0].text.startswith("Kevin Hogan said")
    assert {stem("email"), stem("cooperative")} <= stems_of("Co-operative banks sent e-mail alerts.")


def test_a_group_of_nations_is_found_by_its_code_however_written(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Ministers meet in Paris\n\nFinance ministers of the Group of Seven met in Paris to steady the dollar.\n\n"
        "Officials said the G-7 would meet again in April.",
    )
    service.load_text(ADMIN, "Tokyo markets\n\nThe dollar rose 7 yen in Tokyo after the meeting of the group.")
    answer = service.ask("any news on the g7 meeting on the dollar?")
    assert [hit.text[:33] for hit in answer.hits[:2]] == [
        "Finance ministers of the Group of",
        "Officials said the G-7 would meet",
    ]
    assert {"g7", "f16"} <= stems_of("The Group of Seven sold F-16 jets.")
    assert "g7" not in stems_of("A group of friends met at 7.")


def test_a_story_may_say_a_topics_rarest_common_word_otherwise(service: BriefingService) -> None:
    for club in ("Leeds", "Derby", "Hull"):  # where the archive learns what goes with "punish"
        service.load_text(ADMIN, f"{club} warned\n\nThe league may punish {club} with a hearing and a fine.")
    for team in ("Wales", "France", "Italy", "Ireland"):  # "punish" is then the topic's rarest word
        service.load_text(ADMIN, f"On {team}\n\nThe England coach praised the referee in {team}, criticising nobody.")
    service.load_text(
        ADMIN, "Coach faces action\n\nThe England coach faces a hearing and a fine after criticising the referee."
    )
    answer = service.ask("any news on the england coach being punished for criticising the referee?")
    assert answer.hits and answer.hits[0].text.startswith("The England coach faces")


def test_a_word_no_paragraph_uses_is_read_in_its_shorter_form(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Ink against fraud\n\nThe Kyrgyz elections will use invisible ink so that nobody can vote twice.\n\n"
        "Observers from abroad will watch the count.",
    )
    for budget in range(4):  # "vote" and "twice" common, so "kyrgyzstan", used nowhere, would outweigh them
        service.load_text(ADMIN, f"Budget {budget}\n\nMembers will vote twice on budget number {budget}.")
    answer = service.ask("any news on voting twice in kyrgyzstan?")
    assert answer.hits and answer.hits[0].text.startswith("The Kyrgyz elections")
    assert service.ask("any news on the kyrgyzstan earthquake?").no_match  # the other words still count


def test_an_abbreviation_no_article_uses_is_read_as_the_name_its_stories_write_out(service: BriefingService) -> None:
    service.load_text(
        ADMIN,
        "Oil stockpile slows\n\nThe Energy Department slowed the fill rate of the Strategic Petroleum Reserve.\n\n"
        "Budget limits were blamed for the slower fill rate.",
    )
    service.load_text(ADMIN, "Rates rise\n\nThe fill rate of new jobs rose, the department said.")
    answer = service.ask("any news on the spr fill rate?")
    assert answer.hits and answer.hits[0].citation.title == "Oil stockpile slows"
    assert service.ask("any news on the xq fill rate?").no_match  # spelt out nowhere: no answer on the guess


def test_symbols_and_accents_split_words_as_punctuation_does() -> None:
    plain = stems_of("The 'well-known-author' - said 5 pounds, not 'a--b'.")
    assert stems_of("The ‘well-known-author’ — said £5 pounds, not “a--b”.") == plain
    assert stem("wellknown") in plain and stem("knownauthor") not in plain
    assert {stem("zürich"), stem("email"), stem("based")} <= stems_of("Zürich-based e-mail firms")


def test_stem_counts_count_every_form_of_a_word() -> None:
    counts = stem_counts("The fishing quota rose; quotas for fishing boats — and e-mail — fell. Quota!")
    assert counts[stem("quota")] == 3
    assert counts[stem("fishing")] == 2
    assert counts[stem("mail")] == 1  # "e-mail" in its parts


def test_an_abbreviation_is_found_written_out_as_a_capitalised_name() -> None:
    texts = [
        "Thousands of civil servants at the UK's Department of Work and Pensions lost their e-mail.",
        "The Energy Department slowed purchases for the Strategic Petroleum Reserve, officials said.",
    ]
    assert written_out("dwp", texts) == "Department of Work and Pensions"
    assert written_out("spr", texts) == "Strategic Petroleum Reserve"
    assert written_out("pmq", texts) is None


@pytest.mark.parametrize(
    ("text", "word", "named"),
    [
        ("Interest rates rose, said Fry.", "fry", True),
        ("The euro rose after the ECB held rates.", "ecb", True),
        ("Output rose, OPEC said.", "opec", True),
        ("Sales rose, said McDonald's.", "mcdonald", True),
        ("The al-Qaeda threat grew, said the minister.", "qaeda", True),
        ("Smoking is banned.", "smoking", False),
        ("ECB rates stayed at 2%.", "ecb", False),
        ("The ecb-style rules.", "ecb", False),
    ],
)
def test_a_word_is_written_as_a_name_capitalised_mid_sentence_however_it_goes_on(
    text: str, word: str, named: bool
) -> None:
    assert named_in(text, word) is named
