"""The package's public surface, the plainest shapes of reported speech, and that attribute never raises."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.attribution import ArticleAttribution, ParagraphAttribution, attribute
from tests.attribution.helpers import person, speakers


def test_public_surface() -> None:
    import bot.attribution as package

    assert sorted(package.__all__) == [
        "ArticleAttribution",
        "ParagraphAttribution",
        "Person",
        "attribute",
        "normalise_role",
    ]


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


def test_letters_after_a_name_stand_between_it_and_its_verb() -> None:
    result = speakers(["Tory frontbencher Ivo Marsh MP demanded an inquiry.", "Ann Vale QC said the law was clear."])
    assert result == [("Ivo Marsh",), ("Ann Vale",)]


def test_apposition_between_subject_and_verb() -> None:
    result = attribute(
        [
            "Oren Malik, the mayor, said the bridge was safe.",
            "Ada Voss, who chairs the council's transport committee, argued that it was not.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Oren Malik",), ("Ada Voss",)]
    assert "mayor" in person(result, "Oren Malik").roles


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
