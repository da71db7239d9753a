"""Rules of bot.attribution, each shown on a short hand-written article."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.attribution import ArticleAttribution, ParagraphAttribution, Person, attribute


def speakers(paragraphs: list[str], title: str = "") -> list[tuple[str, ...]]:
    """Speakers of each paragraph."""
    return [p.speakers for p in attribute(paragraphs, title).paragraphs]


def person(result: ArticleAttribution, name: str) -> Person:
    """The person with this canonical name."""
    return next(p for p in result.people if p.name == name)


def test_public_surface() -> None:
    import bot.attribution as package

    assert sorted(package.__all__) == ["ArticleAttribution", "ParagraphAttribution", "Person", "attribute", "normalise_role"]


def test_empty_article() -> None:
    assert attribute([]) == ArticleAttribution((), ())
    assert attribute([""]).paragraphs == (ParagraphAttribution((), ()),)


def test_name_then_verb_and_verb_then_name() -> None:
    result = speakers(
        [
            "Harriet Quill said the harbour would reopen in spring.",
            "The repairs were costly, said Tomas Brandt, a local engineer.",
            '"We are ready," Ines Okafor told reporters.',
            "Costs will rise, according to Priya Ramsden.",
        ]
    )
    assert result == [("Harriet Quill",), ("Tomas Brandt",), ("Ines Okafor",), ("Priya Ramsden",)]


def test_verbs_beyond_said() -> None:
    verbs = ["stressed", "emphasised", "underlined", "warned", "recalled", "briefed", "admitted", "replies"]
    for verb in verbs:
        paragraphs = ["Delia Farrow runs the port.", f"Ms Farrow {verb} that trade was growing."]
        assert speakers(paragraphs)[1] == ("Delia Farrow",), verb


def test_apposition_between_subject_and_verb() -> None:
    result = attribute(
        [
            "Oren Malik, the mayor, said the bridge was safe.",
            "Ada Voss, who chairs the council's transport committee, argued that it was not.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Oren Malik",), ("Ada Voss",)]
    assert "mayor" in person(result, "Oren Malik").roles


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


def test_titles_and_surnames_resolve_to_full_names() -> None:
    result = attribute(
        [
            "Sir Edwin Marsh and Baroness Kettering attended the hearing.",
            "Sir Edwin said the audit was thorough. Lady Kettering disagreed, and Marsh replied calmly.",
            "Dr Hana Ilves also spoke. Dr Ilves warned of delays.",
        ]
    )
    assert result.paragraphs[1].speakers == ("Sir Edwin Marsh",)
    assert result.paragraphs[2].speakers == ("Hana Ilves",)
    marsh = person(result, "Sir Edwin Marsh")
    assert {"marsh", "sir edwin marsh", "edwin marsh", "sir edwin"} <= set(marsh.aliases)
    assert "baroness kettering" in person(result, "Baroness Kettering").aliases


def test_role_bound_to_name_resolves_later() -> None:
    result = attribute(
        [
            "Deputy Transport Minister Arvo Tamm met his Latvian counterpart Juris Ozols.",
            "The deputy minister underlined that the rail link was a priority.",
            "His Latvian counterpart noted that funding was agreed.",
        ]
    )
    assert result.paragraphs[1].speakers == ("Arvo Tamm",)
    assert result.paragraphs[2].speakers == ("Juris Ozols",)
    assert "deputy minister" in person(result, "Arvo Tamm").roles


def test_role_after_name_and_possessive_role() -> None:
    result = speakers(
        [
            "Mira Castell, chief executive of Northwind Foods, opened the meeting.",
            "The company's chief executive said profits had doubled.",
        ]
    )
    assert result[1] == ("Mira Castell",)


def test_unnamed_role_tied_to_the_name_that_follows() -> None:
    result = speakers(
        [
            "Rail fares should be frozen, the transport secretary has said.",
            "Gwen Attley said the freeze would cost little.",
            "The minister told delegates that passengers deserved a break.",
        ]
    )
    assert result == [("Gwen Attley",), ("Gwen Attley",), ("Gwen Attley",)]


def test_role_naming_the_person_just_written_about() -> None:
    result = speakers(
        [
            "Conrad Pell has attacked the court's decision.",
            "The foreign secretary said the ruling was wrong.",
        ]
    )
    assert result == [("Conrad Pell",), ("Conrad Pell",)]


def test_roles_without_a_name_are_not_people() -> None:
    result = attribute(
        [
            "Officials said the talks would resume, and industry sources said prices would fall.",
            "The minister said nothing.",
        ]
    )
    assert result.people == ()
    assert all(p.speakers == () for p in result.paragraphs)


def test_quote_continuing_into_next_paragraph() -> None:
    result = speakers(
        [
            'Pia Lund said: "The first phase is finished.',
            '"The second phase starts in May."',
            "Work on the site has stopped for winter.",
        ]
    )
    assert result == [("Pia Lund",), ("Pia Lund",), ()]


def test_speech_inside_quotes_is_not_reporting() -> None:
    result = attribute(['Ravi Soren said: "Mr Gallo told me he was leaving."'])
    assert result.paragraphs[0].speakers == ("Ravi Soren",)
    assert result.paragraphs[0].mentions == ("Gallo",)


def test_speakers_and_mentions_are_separated() -> None:
    result = attribute(
        [
            "Yusuf Amari praised Clara Benz. Amari said she had saved the project, and Ted Rowe agreed.",
        ]
    )
    assert set(result.paragraphs[0].speakers) == {"Yusuf Amari", "Ted Rowe"}
    assert result.paragraphs[0].speakers[0] == "Yusuf Amari"
    assert result.paragraphs[0].mentions == ("Clara Benz",)


def test_coordinated_subjects_both_speak() -> None:
    result = speakers(["Ilse Moreau and Dan Achebe said the merger would go ahead."])
    assert result == [("Ilse Moreau", "Dan Achebe")]


def test_name_shapes() -> None:
    result = attribute(
        [
            "Jean-Luc Ferrand, Ciaran O'Neill and Fiona MacAskill met in Leeds.",
            "Mr Ferrand said the plan worked. Mr O'Neill said it did not. Ms MacAskill said nothing new.",
        ]
    )
    assert set(result.paragraphs[1].speakers) == {"Jean-Luc Ferrand", "Ciaran O'Neill", "Fiona MacAskill"}


def test_organisations_places_and_groups_are_not_speakers() -> None:
    result = attribute(
        [
            "Labour said the figures were wrong. Downing Street said they were right.",
            "The BBC said it would appeal. Tories said the plan had failed.",
            "The two men stressed the importance of trade. The sides agreed to meet again.",
            "Northwind Foods spokesman Eric Dahl said sales were up.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [(), (), (), ("Eric Dahl",)]
    assert [p.name for p in result.people] == ["Eric Dahl"]


def test_sentence_initial_words_and_passives() -> None:
    result = attribute(
        [
            "Commenting on the vote, Rosa Lindqvist said it was a fair result.",
            "However, Lindqvist was told that a recount was likely.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Rosa Lindqvist",), ()]
    assert [p.name for p in result.people] == ["Rosa Lindqvist"]


def test_participle_reports_the_subject() -> None:
    result = speakers(["Hugo Brandt announced a new fund, saying small firms needed help."])
    assert result == [("Hugo Brandt",)]


def test_byline_is_not_a_person() -> None:
    result = attribute(["By Ana Petrova", "Luis Ortega said the ferry was late."])
    assert [p.name for p in result.people] == ["Luis Ortega"]


def test_title_introduces_names() -> None:
    result = speakers(["Grant visits the site.", "Grant said the bid was too low."], title="Olivia Grant in row")
    assert result == [(), ("Olivia Grant",)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=8), st.text(max_size=80))
def test_never_raises_and_keeps_one_result_per_paragraph(paragraphs: list[str], title: str) -> None:
    result = attribute(paragraphs, title)
    assert len(result.paragraphs) == len(paragraphs)
    names = {p.name for p in result.people}
    for paragraph in result.paragraphs:
        assert set(paragraph.speakers) <= names
        assert set(paragraph.mentions) <= names
        assert not set(paragraph.speakers) & set(paragraph.mentions)


_WORDS = st.sampled_from(
    [
        "said",
        "he",
        "she",
        "the",
        "minister",
        "Mr",
        "Ms",
        "Sir",
        "Anna",
        "Berg",
        "Lord",
        "Kell",
        '"',
        ",",
        ".",
        "told",
        "according",
        "to",
        "his",
        "counterpart",
        "and",
        "who",
        "saying",
        "'s",
        "Jean-Paul",
        ":",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, max_size=40).map(" ".join), max_size=6))
def test_never_raises_on_news_like_text(paragraphs: list[str]) -> None:
    assert len(attribute(paragraphs).paragraphs) == len(paragraphs)
