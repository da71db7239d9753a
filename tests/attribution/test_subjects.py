"""Whose words a sentence reports: its subject across appositions, clauses and dates, or the name after its verb."""

from __future__ import annotations

from bot.attribution import attribute
from tests.attribution.helpers import person, speakers


def test_a_subject_with_a_clause_between_dashes_or_brackets_speaks() -> None:
    result = attribute(
        [
            "One of the Guildford Four, Gerry Conlon - who was wrongly convicted - said the families were delighted.",
            "Andrei Illarionov – then an adviser – told a press conference it was theft.",
            "Video game giant Electronic Arts (EA) says it wants to grow.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Gerry Conlon",), ("Andrei Illarionov",), ("Electronic Arts",)]


def test_an_age_or_a_role_before_a_second_apposition_still_leads_to_the_subject() -> None:
    result = speakers(
        [
            "Central banker Alan Quist said rates would stay low.",
            '"We owe him a debt," Ruth Lam, director of a creditor bank - one of the firm\'s lenders - said.',
            "Dr Quist, 79, who has been in London for the summit, said the debt could never be repaid.",
        ]
    )
    # The quote was once carried to the previous speaker, Quist.
    assert result == [("Alan Quist",), ("Ruth Lam",), ("Alan Quist",)]


def test_the_opening_subject_speaks_after_but() -> None:
    result = attribute(
        [
            "Anthony Solomon addressed the Japan Society.",
            "Solomon forecast inflation at 4.5 pct by year-end, but said it could be kept below five pct.",
            'Bob Strauss doubted whether Chris Rock would make an impact, but added: "I\'m all for lower ratings."',
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [(), ("Anthony Solomon",), ("Bob Strauss",)]


def test_a_participle_after_a_comma_is_the_sentences_speaker_not_the_name_before_it() -> None:
    assert speakers(
        [
            "Menzies Campbell said a win by John Kerry would have given Tony Blair a fresh start, adding it was almost"
            " as if there was an umbilical cord between them.",
        ]
    ) == [("Menzies Campbell",)]


def test_relative_clause_without_comma_and_quoted_words_in_apposition() -> None:
    result = speakers(
        [
            'The plan was backed by Culture Secretary Ruth Gale who said: "It is sensible."',
            'Hal Pickett, who is touring to promote his book "Rigs," said the fee was wrong.',
        ]
    )
    assert result == [("Ruth Gale",), ("Hal Pickett",)]


def test_a_name_opening_its_sentence_speaks_across_two_appositions() -> None:
    result = speakers(
        [
            "Wilhelm Christians, joint chief executive of West Germany's largest bank, Deutsche Bank, said rates would"
            " fall.",
            "Nick Davies, spokesman for the IAAF, which handed out the bans, said the case was closed.",
            "In Jamaica, OPEC President Rilwanu Lukman, who is also Nigerian Oil Minister, said prices would hold.",
        ]
    )
    assert result == [("Wilhelm Christians",), ("Nick Davies",), ("Rilwanu Lukman",)]


def test_roles_joined_by_and_before_an_inverted_speakers_name() -> None:
    result = speakers(
        [
            "Artists keep their freedom, according to media and PR strategist Glen Yearwood.",
            '"It is positive," added Ernst and Young\'s Sanjay Mehta.',
            '"You need desire," points out former Olympian and BBC pundit Steve Cram.',
        ]
    )
    assert result == [("Glen Yearwood",), ("Sanjay Mehta",), ("Steve Cram",)]


def test_the_day_of_a_report_between_its_subject_and_verb() -> None:
    result = speakers(
        [
            "Chief Executive Martin Sorrell on Friday told Reuters that WPP had made a proposal.",
            'Liam Fox, on Saturday, called him "a disappointment".',
            "The European Commission on Thursday said it would act.",
            "She wore a ring designed by jeweller Stephen Webster on Friday, said Ms Prophet.",
        ]
    )
    assert result == [("Martin Sorrell",), ("Liam Fox",), ("European Commission",), ("Prophet",)]


def test_an_adverb_between_subject_and_verb_and_a_score_added_in_sport() -> None:
    result = speakers(
        [
            "Finance Minister Gerhard Stoltenberg met the press.",
            "The minister nevertheless added that the figures gave a false impression.",
            "John Reed and Mary Cole both say his pledges are worthless.",
            "Piri Weepu and Rico Gear both added tries before the final whistle.",
            'O\'Gara added the conversion and a further penalty. Henry added: "We played well."',
        ]
    )
    assert result == [(), ("Gerhard Stoltenberg",), ("John Reed", "Mary Cole"), (), ("Henry",)]


def test_role_apposition_without_its_closing_comma() -> None:
    result = attribute(
        [
            'Gil Kettering, economist with Vantor Fleet Bank Ltd in London said "Rates will rise."',
            "Paula Renner, chief dealer at Banque Orlin in Paris said the dollar was firm.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Gil Kettering",), ("Paula Renner",)]
    assert person(result, "Gil Kettering").roles == ("vantor fleet bank ltd economist",)


def test_the_person_speaks_not_the_body_they_are_written_with() -> None:
    # What the body is may stand before its name, and a name may open on words read as none of it ("Save the").
    result = speakers(
        [
            "Chris Dorn of stockbroker Hoare Vellum said the field was shallow.",
            "Laura Brent of Save the Children said there were grave concerns.",
            "Paul Renner, chief dealer at Banque Orlin in Paris said the dollar was firm.",
            "Jens Lehr lost his place to Manuel Alva at Highbury. Kurt Klins said he must play.",  # not across a stop
        ]
    )
    assert result == [("Chris Dorn",), ("Laura Brent",), ("Paul Renner",), ("Kurt Klins",)]


def test_a_name_in_a_clause_opening_the_sentence_is_not_its_subject() -> None:
    # "he" is the man the story is about, not the one the opening clause names.
    result = speakers(
        [
            "Ivo Marsh runs the port. Mr Marsh hired Tomas Brandt.",
            'Asked if Tomas Brandt could return, he replied: "I doubt it."',
            "Despite enjoying Tomas Brandt's book, the minister said it was wrong.",
        ]
    )
    assert result[1] == ("Ivo Marsh",)
    assert "Tomas Brandt" not in result[2]


def test_a_name_after_said_that_opens_the_reported_clause_is_not_the_speaker() -> None:
    # "said Mr Vale "should go"": Vale is what was said about; a long clause about the speaker still lets the
    # subject before it speak.
    result = speakers(
        [
            "Ivo Marsh spoke.",
            "However, Mr Marsh, who was forced to apologise last year for an article in the magazine he edits about"
            ' fishermen grieving over the death of the trawlerman Tomas Brandt, said Mr Vale "should butt out".',
            'Another guest at the meeting, who asked not to be named, said Vale was "unresponsive" to them.',
        ]
    )
    assert result == [("Ivo Marsh",), ("Ivo Marsh",), ()]


def test_whose_someone_is_after_an_inverted_verb_is_not_the_speaker() -> None:
    assert speakers(
        [
            "The traffic has kept growing, said Sandvine.",
            "Networks must cope, said Sandvine's chief technology officer Marc Morin.",
        ]
    ) == [("Sandvine",), ("Marc Morin",)]


def test_a_name_whose_comma_broke_the_usual_shapes_still_speaks() -> None:
    assert speakers(
        [
            "The men's solicitor Matthew Knight, said the men were innocent.",
            '"It is going digital," Kirsten Pfeifer from the Consumer Electronics Association, told the BBC.',
            "Mitchell Held of Smith Barney, Harris Upham and Co Inc said yields could fall.",
            # Inside someone's apposition a name is the body's, not the subject.
            '"It has not worked," Rei Shiratori, director of the Institute for Political Studies in Japan, said.',
        ]
    ) == [("Matthew Knight",), ("Kirsten Pfeifer",), ("Mitchell Held",), ("Rei Shiratori",)]


def test_a_role_with_its_field_then_a_comma_after_an_inverted_verb_speaks_through_the_name() -> None:
    assert speakers(
        [
            '"The routes do not pay," said BA director of commercial planning, Robert Boyle.',
            '"Firefox is growing," said Opera spokeswoman, Berit Hanson, at the launch.',
            "But according to bookmaker Ladbrokes, John McCririck was the favourite.",
        ]
    ) == [("Robert Boyle",), ("Berit Hanson",), ("Ladbrokes",)]


def test_a_long_role_after_an_inverted_verb_and_a_body_before_a_place_is_no_name() -> None:
    result = attribute(
        ['"The dollar may fall," said Chemical Bank Tokyo branch vice president Yukuo Takahashi.'],
    )
    assert result.paragraphs[0].speakers == ("Yukuo Takahashi",)
    assert [p.name for p in result.people] == ["Yukuo Takahashi"]  # "Tokyo" after "Chemical Bank" is nobody


def test_numbers_and_joined_offices_between_an_inverted_verb_and_the_name() -> None:
    assert speakers(
        [
            '"It has been a fantastic few weeks," said 20-year-old politics student Nick Vaughan.',
            '"The restatement was a monumental task," said Nortel president and chief executive Bill Owens.',
        ]
    ) == [("Nick Vaughan",), ("Bill Owens",)]


def test_a_name_with_its_role_at_a_body_named_with_a_common_noun_and_no_closing_comma() -> None:
    assert speakers(
        [
            'Scott Stanzel, a spokesman for the Bush-Cheney campaign said: "The site is closed."',
            "The barges moved today, an Army Corps of Engineers spokesman said.",
        ]
    ) == [("Scott Stanzel",), ("an Army Corps of Engineers spokesman",)]


def test_a_role_apposed_without_its_closing_comma_is_the_names() -> None:
    assert speakers(
        [
            '"It signals a new culture," Arlo Stenmark, OFHEO director said.',
            "Ivo Marsh, Corvania's chief financial officer said sales rose.",
            # With an article the role may be the sentence's next subject; capitalised, a title.
            "Echoing Fenna Vos, the prime minister said the talks had helped.",
            "Based on the novel by Wren Halloway, A Little Princess tells the story of a girl.",
        ]
    ) == [("Arlo Stenmark",), ("Ivo Marsh",), (), ()]


def test_someone_closing_a_report_after_a_name_inside_the_clause_is_not_its_apposition() -> None:
    result = attribute(
        [
            "Baker cancelled his trip, citing the visit this week by Japanese Prime Minister Yasuhiro Nakasone, a"
            " Treasury spokesman said.",
            "The spokesman said the trip was purely ceremonial.",
            # A name opening its clause keeps the role its comma lost, and speaks.
            "Ivo Marsh, a Corvania spokesman said sales rose.",
            '"We acted at once," Dora Penn, a Telmark spokeswoman said.',
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("a Treasury spokesman",),
        ("a Treasury spokesman",),
        ("Ivo Marsh",),
        ("Dora Penn",),
    ]
    assert "treasury spokesman" not in person(result, "Yasuhiro Nakasone").roles
    assert "corvania spokesman" in person(result, "Ivo Marsh").roles


def test_a_possessive_before_the_role_of_an_inverted_verbs_subject() -> None:
    assert speakers(
        [
            '"It\'s nothing serious," said his coach Peter Stanley.',
            "Wilkinson will miss the match, according to his Newcastle boss Rob Andrew.",
            "His mother, Giselle, said her son's killer, Warren Leblanc, had copied the game.",
        ]
    ) == [("Peter Stanley",), ("Rob Andrew",), ()]


def test_a_name_after_an_opening_phrase_or_a_time_is_still_the_subject() -> None:
    # A comma ends the walk back for a preposition: "Born in 1912 and educated at Portsmouth School, Lord Callaghan
    # became…" and "In an interview in January, Victoria Wood slated…" have them as their sentences' subjects.
    result = speakers(
        [
            "Lord Ivo Marsh has died. Harold Lyle paid tribute.",
            "Born in 1912 and educated at Portsmouth Northern School, Lord Marsh became a clerk."
            " He resisted it, he said.",
            "In an interview published in the Radio Times in January, Vera Holt slated comedians.",
            '"It is a shame," she said.',
        ]
    )
    assert result[1:] == [("Lord Ivo Marsh",), (), ("Vera Holt",)]
