"""Pronouns, epithets, 'it said' and a body called by its kind, resolved to whom they mean."""

from __future__ import annotations

from bot.attribution import attribute
from tests.attribution.helpers import speakers


def test_pronouns_follow_the_last_speaker_and_gender() -> None:
    result = speakers(
        [
            "Mr Silas Denton met Lena Hart, the union leader, on Monday.",
            "Lena Hart said the talks had gone well. She added that a deal was close.",
            "He said nothing had been agreed.",
        ]
    )
    assert result[1] == ("Lena Hart",)
    assert result[2] == ("Silas Denton",)


def test_pronoun_at_end_of_reported_clause() -> None:
    result = speakers(["Nadim Sahin opened the plant.", "Output would double by next year, he said."])
    assert result[1] == ("Nadim Sahin",)


def test_a_body_just_written_about_speaks_as_the_company() -> None:
    result = speakers(
        [
            "Grayson Oil Partnership said it completed the sale of two fields.",
            "The company said it used the proceeds to repay its notes.",
            "The financial regulator said Grayson Oil Partnership would have to raise new capital.",
        ]
    )
    # "the regulator" is not the body the story is about, which it speaks of.
    assert result == [("Grayson Oil Partnership",), ("Grayson Oil Partnership",), ()]


def test_a_bare_name_that_speaks_is_an_entity_but_takes_no_pronouns() -> None:
    result = speakers(["Oduya describes the fight", 'However, Oduya played it down, adding: "It was nothing."'])
    assert result == [("Oduya",), ("Oduya",)]
    assert speakers(["Grellin said fees would rise.", "He said nothing more."]) == [("Grellin",), ()]


def test_a_trailing_he_said_is_the_last_speaker_not_the_subject_of_the_words_it_reports() -> None:
    assert speakers(
        [
            "Alan Milburn, Labour's election strategist, told Radio 4 the party was ready.",
            "Tony Blair has the same passion as in 1997, he said. Mr Blair would fight a full campaign, he added.",
            "Tony Blair said he would stand for a third term.",
        ]
    ) == [("Alan Milburn",), ("Alan Milburn",), ("Tony Blair",)]


def test_it_said_is_the_body_that_spoke_last() -> None:
    result = attribute(
        [
            "The AWB called for an end to constraints at state borders.",
            "Rail monopolies were one notable impediment, it said.",
            "Ford said sales rose. John Smith said they were good.",
            "It said it would hire more staff.",  # Smith spoke last: "it" is not Ford here
            "Prices fell. The report is late, it said.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("AWB",), ("AWB",), ("Ford", "John Smith"), (), ()]


def test_epithet_stands_for_the_person_just_written_about() -> None:
    assert speakers(["Jules Marchand won the stage.", "The Frenchman said he was tired."])[1] == ("Jules Marchand",)
    assert speakers(["Fergus Bain beat Tomas Ruiz.", "The Scot said the wind was strong."])[1] == ("Fergus Bain",)
    assert speakers(["Ed Harlan, 67, retired.", "The 67-year-old said he was sad."])[1] == ("Ed Harlan",)
    assert speakers(["Ed Harlan left office.", "The former minister said he was sad."])[1] == ("Ed Harlan",)
    result = attribute(
        ["Dustin Harrow arrived in London.", "The star of Glass Harbour and Tin Moon said the culture was poor."]
    )
    assert result.paragraphs[1].speakers == ("Dustin Harrow",)
    inverted = speakers(["Nora Velde beat Ines Kahl.", '"I felt good," said the Dutchwoman.'])
    assert inverted[1] == ("Nora Velde",)
    seeded = speakers(['Rolf Ander beat Ivo Kral. Ander was happy. "I played well," said the top seed.'])
    assert seeded == [("Rolf Ander",)]
    # After a quote, and before a clause about them.
    written = speakers(["Ed Harlan retired.", '"I leave happy," the 67-year-old wrote.'])
    assert written[1] == ("Ed Harlan",)
    described = speakers(["Ed Harlan retired.", "The 67-year-old, who won the title in 1990, said he was sad."])
    assert described[1] == ("Ed Harlan",)


def test_epithet_keeps_gender_and_needs_a_sentence_of_its_own() -> None:
    result = speakers(["Mr Paul Ardent met Ms Clara Vey.", "The Frenchwoman said talks went well."])
    assert result[1] == ("Clara Vey",)
    result = speakers(["Lena Holt lost in Paris.", "The organisers said the American has a sore shoulder."])
    assert result[1] == ()


def test_epithet_opening_a_paragraph_means_whom_the_story_is_about() -> None:
    result = speakers(
        [
            "Rocco Vane fought off an intruder. Vane said he acted on impulse. Rocco Vane's wife Tia said she slept.",
            "The heavy metal star said he could have been hurt.",
        ]
    )
    assert result[1] == ("Rocco Vane",)


def test_a_body_called_by_the_kind_its_name_says_it_is() -> None:
    result = speakers(
        [
            "The Electoral Commission said donations had doubled.",
            "Ministers welcomed the report. The Bank of England kept rates on hold.",
            "The commission also says donors should get tax relief.",
            "The board of Lufthansa has recommended a dividend. The company said profits would rise.",
            "Broadband use grew, BT said.",
            "The telecoms giant said the number of users had passed four million.",
        ]
    )
    assert result == [
        ("Electoral Commission",),
        (),
        ("Electoral Commission",),
        ("Lufthansa",),
        ("BT",),
        ("BT",),
    ]
    # A bank need not say it is one ("the Halifax"); "The Federal Trade Commission" is a name, not a reference.
    result = speakers(
        [
            "House prices rose, the Halifax has said. The Bank of England said loans fell.",
            "The bank said prices rose fastest in the north.",
            "The Federal Trade Commission said fraud was rising.",
        ]
    )
    assert result == [("Halifax", "Bank of England"), (), ("Federal Trade Commission",)]


def test_a_song_title_ending_in_an_adverb_is_no_one_for_he_to_mean() -> None:
    result = attribute(
        [
            '"I do not feel good about it," Bill Conti says. He was nominated for Gonna Fly Now from Rocky.',
            '"It is a moment in the sun," he says.',
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Bill Conti",), ("Bill Conti",)]
    assert [p.name for p in result.people] == ["Bill Conti"]


def test_a_sentence_begins_after_a_quotation_ending_with_a_full_stop() -> None:
    result = speakers(
        [
            "Norwich have signed Charlton midfielder Graham Stuart.",
            'Canaries boss Nigel Worthington added: "He gives us experience." Stuart has played for Everton.'
            ' "I have been very impressed," he added.',
        ]
    )
    assert result[1] == ("Nigel Worthington", "Graham Stuart")  # "he" is Stuart, the subject just before


def test_a_sentence_opening_on_he_or_she_stays_about_that_person() -> None:
    result = speakers(
        [
            '"I want to stay," Richard Dunne told the club website.',
            "He was once threatened with the sack by City boss Kevin Keegan. Early talks have taken place.",
            '"Hopefully something will be sorted out soon," he said.',
        ]
    )
    assert result == [("Richard Dunne",), (), ("Richard Dunne",)]  # not Keegan, the last name read


def test_he_said_is_not_someone_named_as_an_example_or_after_a_preposition() -> None:
    # "programmes such as EastEnders and Top Gear …, he said" and "a bill introduced by Senator Lloyd Bentsen, he
    # said": the man speaking before, not a name his sentence only cites.
    result = speakers(
        [
            "Richard Ayers, portal director at Tiscali, said regulation was pointless.",
            "The player will offer programmes such as EastEnders and Top Gear over the net, he said.",
            "Harold Lyle, a trade lawyer, spoke.",
            "That clause spoils a bill introduced by Senator Lloyd Bentsen, he said.",
            "The series featured guests including Elvis Presley, Buddy Holly and Aretha Franklin, he said.",
        ]
    )
    assert result[1:] == [("Richard Ayers",), ("Harold Lyle",), ("Harold Lyle",), ("Harold Lyle",)]


def test_a_name_ending_in_a_plural_noun_is_a_body_no_pronoun_means() -> None:
    # "Telecommunications Administrations" spoke for nobody: the "he" is the man who spoke before.
    result = speakers(
        [
            "Ivo Marsh, of Ubisense, said the chips were ready.",
            "The body is the European Conference of Postal and Telecommunications Administrations. It will rule soon,"
            " he said.",
        ]
    )
    assert result[1] == ("Ivo Marsh",)
