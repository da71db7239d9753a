"""Quotations: carried across paragraphs, left open or unclosed, credited later, listed or given as an answer."""

from __future__ import annotations

from bot.attribution import attribute
from tests.attribution.helpers import speakers


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


def test_unattributed_quote_credited_by_the_next_paragraph() -> None:
    result = speakers(
        [
            "The device is the work of researcher Tom Vell.",
            '"I knew there must be a way to help.',
            '"The need will grow," he said.',
        ]
    )
    assert result == [(), ("Tom Vell",), ("Tom Vell",)]


def test_doubled_apostrophe_quotes_continue() -> None:
    result = speakers(["''We will appeal,'' said club boss Ray Mullan.", "News Letter", ". ''We want answers.''"])
    assert result == [("Ray Mullan",), (), ("Ray Mullan",)]


def test_a_reaction_listed_after_its_speakers_name_and_a_colon() -> None:
    result = speakers(
        [
            'City lost 2-0.\n - Manchester City boss Kevin Keegan: "We had a great chance." - United boss Sir Alex'
            ' Ferguson: "It was not our best."',
            'The film is out. Said Mr Bysshe: "Painkiller is a new game." Said Wales assistant coach Scott Johnson:'
            ' "They have worked hard."',
        ]
    )
    assert result == [("Kevin Keegan", "Sir Alex Ferguson"), ("Bysshe", "Scott Johnson")]
    # Not a name that only ends a phrase before the colon; after a dash the colon may be missing.
    assert speakers(['Farmers met in Wales. The reasons are clear to Gwyn Jones: "no money".']) == [()]
    assert speakers(['Bolton drew.\n - Bolton boss Sam Allardyce "I am bitterly disappointed."']) == [
        ("Sam Allardyce",)
    ]
    assert speakers(['City\'s Paul Bosvelt will find out "within a month" whether he stays.']) == [()]


def test_the_quote_after_a_question_put_to_someone_is_their_answer() -> None:
    result = speakers(
        [
            'Dr Ivo Marsh was asked if he would let Tom Vale rejoin. "I am sure we would look at it," he added.',
            'Dr Ivo Marsh was asked if he would resign. "Of course not."',
            'Ann Rye was asked: "Why on earth do you want it?" Tom Vale was asked to leave. Staff were happy.',
        ]
    )
    assert result == [("Ivo Marsh",), ("Ivo Marsh",), ()]


def test_a_question_the_article_asks_reports_nobody() -> None:
    # The writer asks; a person named in the question as having said something long ago is not speaking here,
    # and the quote answering it is the interviewee's, not theirs.
    result = speakers(
        [
            "Dara Quill runs the campaign.",
            'So is its job to close the port, as Tomas Ekwueme once declared? Ms Quill said: "No."',
        ]
    )
    assert result == [(), ("Dara Quill",)]


def test_a_quote_credited_to_a_crowd_is_not_carried_on_from_the_last_speaker() -> None:
    assert speakers(
        [
            "Philip Braverman of Irving Trust believes banks will buy.",
            '"There is little to indicate a change," said economists at Salomon Brothers Inc.',
            '"It is still positive," he said.',
        ]
    ) == [("Philip Braverman",), (), ("Philip Braverman",)]


def test_an_opening_quote_carries_on_the_speaker_before_when_the_story_goes_on_in_its_own_words() -> None:
    letwin = "The Labour attack, says Oliver Letwin, is the latest example of the party getting the tone wrong."
    wrong = "Oliver Letwin said the attack was wrong."
    denham = "Committee chairman John Denham said drink was sometimes used as an excuse."
    cases = [
        # Another quote follows the story's own words: the verb after it credits that one.
        (
            letwin,
            '"I don\'t understand what they are doing." A few weeks of headlines have helped Tory morale. '
            '"It has been a fantastic few weeks," said student Nick Vaughan.',
            ("Oliver Letwin", "Nick Vaughan"),
        ),
        # '"…," someone added': the opening quote is theirs, whoever they are, not carried on.
        (
            wrong,
            '"China is censoring the news," said the group in a statement. Google was silent. "It is odd," said Nick '
            "Vaughan.",
            ("Nick Vaughan",),
        ),
        # A sentence of the story's own follows, then someone else speaks.
        (
            denham,
            '"The committee believes these arguments should be rejected." At present judges can reduce the tariff. '
            "Victims' relative Amanda Champion said that was wrong.",
            ("John Denham", "Amanda Champion"),
        ),
        # The quote's own sentence names its speaker: '"…?" the Labour MP asked', then someone else is quoted.
        (
            wrong,
            '"What sort of model does it give?" the Labour MP for Birkenhead asked. Tory Nick Vaughan said Mr Brown '
            "should go.",
            ("Nick Vaughan",),
        ),
    ]
    for before, paragraph, second in cases:
        assert speakers([before, paragraph])[1] == second, paragraph


def test_a_quote_whose_closing_mark_is_missing_before_the_words_reporting_it() -> None:
    result = speakers(
        [
            "Agriculture Secretary Richard Lyng met Japanese officials.",
            "The U.S. has taken a hard line on the quotas, which Tokyo says must remain.",
            '"We will not negotiate new quotas. If they impose them it would be illegal, Lyng said.',
        ]
    )
    assert result == [(), ("Tokyo",), ("Richard Lyng",)]


def test_a_quote_left_open_at_a_paragraphs_end_carries_on_in_the_next_whoever_that_goes_on_to_quote() -> None:
    result = speakers(
        [
            'Esther Rantzen said he was a delight to work with. "He adored gardens, particularly for his wife.',
            '"He was funny and witty to work with. He was a real friend." One of the last variety comedians, '
            'Fletcher said he had made a "fabulous living" since the age of 22.',
        ]
    )
    assert result[1] == ("Esther Rantzen", "Fletcher")
    # Closed before the paragraph's end, the quote before is done: a new opening quote is not carried on.
    assert speakers(
        [
            'Esther Rantzen said: "He adored gardens."',
            '"He was funny." One of the last variety comedians, Fletcher said he had made a "fabulous living".',
        ]
    )[1] == ("Fletcher",)
    # Ending in a comma, the opening quote is credited by the words that follow it.
    assert speakers(
        [
            'Esther Rantzen said: "He adored gardens.',
            '"It was a fad," said Michael Pointon. "A craze."',
        ]
    )[1] == ("Michael Pointon",)
