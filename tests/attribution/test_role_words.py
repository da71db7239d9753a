"""The words a role is recorded with: its body, field, portfolios and country, normalised."""

from __future__ import annotations

from bot.attribution import attribute, normalise_role
from tests.attribution.helpers import person


def test_the_body_named_after_a_titled_name_qualifies_the_role() -> None:
    result = attribute(
        [
            "Analyst Sandy Marlowe of Shearson Lehman Brothers said oil stocks were cheap.",
            "Director Sixten Kork at the Bank of Finland said rates would fall.",
            "Oil analyst Ray Neidl at Calyon Securities said fares would rise.",
        ]
    )
    assert person(result, "Sandy Marlowe").roles == ("shearson lehman brothers analyst",)
    assert "bank of finland director" in person(result, "Sixten Kork").roles
    assert person(result, "Ray Neidl").roles == ("calyon securities oil analyst",)


def test_an_office_listing_several_portfolios_and_a_style_between_office_and_name() -> None:
    result = attribute(
        [
            "Minister for Children, Young People and Families Margot Hale said allowances would be fair.",
            "Foreign Minister Prince Faisal Al-Nasser was reported as saying women would be employed.",
            "Poverty must come first, Cardinal Cormac Murphy-O'Brien has said.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Margot Hale",),
        ("Faisal Al-Nasser",),
        ("Cormac Murphy-O'Brien",),
    ]
    assert "children families minister" in person(result, "Margot Hale").roles
    assert {"foreign minister", "prince"} <= set(person(result, "Faisal Al-Nasser").roles)
    assert "cardinal" in person(result, "Cormac Murphy-O'Brien").roles


def test_the_body_named_after_an_apposed_role_qualifies_it() -> None:
    result = attribute(
        [
            '"It is done," said Ayla Demir, head of the Turkish Central Bank.',
            "Film-maker Joe Dune says the lira looks good. Sen. Rob Kell, R-Mo., countered that it did not.",
            "Chris Kotter, an analyst with Oppenheimer and Co., said the sale was good news.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Ayla Demir",), ("Joe Dune", "Rob Kell"), ("Chris Kotter",)]
    assert "turkish central bank head" in person(result, "Ayla Demir").roles
    assert "oppenheimer and co analyst" in person(result, "Chris Kotter").roles


def test_the_body_quoting_someone_is_no_part_of_their_role() -> None:
    result = attribute(['The newspaper quoted Qantas chief executive Ayla Voss as saying: "Fuel costs hurt."'])
    assert result.paragraphs[0].speakers == ("Ayla Voss",)
    assert person(result, "Ayla Voss").roles == ("qantas chief executive",)


def test_an_office_in_a_relative_clause_or_after_for() -> None:
    result = attribute(
        [
            "Archy Kell, who chairs the Commons work and pensions committee, said the plan was late.",
            "Todd Tamm, spokesman for anti-virus firm Trend Micro, said cash machines were at risk.",
        ]
    )
    assert "commons work and pensions committee chair" in person(result, "Archy Kell").roles
    assert "trend micro spokesman" in person(result, "Todd Tamm").roles


def test_a_peers_office_is_a_role_not_a_person() -> None:
    result = attribute(
        [
            "The Lord Chief Justice, Lord Wold, said judges should avoid political inquiries.",
            "Lord Wold, who is Lord Chief Justice of England and Wales, was giving evidence.",
        ]
    )
    assert [p.name for p in result.people] == ["Lord Wold"]
    assert "england and wales lord chief justice" in person(result, "Lord Wold").roles


def test_roles_are_normalised_with_their_country() -> None:
    result = attribute(
        [
            "Australia's trade deficit widened in March.",
            "Treasurer Dan Corley said Australia would recover. Venezuela's vice-president Luis Ardo agreed.",
        ]
    )
    corley = person(result, "Dan Corley")
    # A bare office takes the country the story is about, as a guess apart from the roles as written.
    assert "treasurer" in corley.roles
    assert {"australian treasurer", "australia's treasurer"} <= set(corley.guessed_roles) - set(corley.roles)
    assert "venezuelan vice president" in person(result, "Luis Ardo").roles
    assert (
        normalise_role("the Australian Treasurer") == normalise_role("australia's treasurer") == "australian treasurer"
    )
    assert normalise_role("Saudi Arabia's oil minister") == "saudi oil minister"
    assert normalise_role("Valencia's president") == "valencia president"
    # A continent's part is no country: Diageo's North America president is no US president.
    assert normalise_role("Diageo North America president") == "diageo north american president"
    assert normalise_role("the American president") == normalise_role("US president") == "us president"


def test_a_story_on_the_uk_written_with_stops_gives_a_bare_office_its_country() -> None:
    result = attribute(
        [
            "The U.K. trade deficit widened in March, U.K. officials said.",
            "Chancellor Nigel Lawson said the pound would recover.",
        ]
    )
    assert "british chancellor" in person(result, "Nigel Lawson").guessed_roles


def test_an_apposed_role_may_have_five_qualifiers() -> None:
    result = attribute(["Cuts do little, said Stanley Collander, a Touche Ross federal budget policy analyst."])
    assert "touche ross federal budget policy analyst" in person(result, "Stanley Collander").roles


def test_a_role_keeps_its_field_and_its_owner() -> None:
    result = attribute(
        [
            'Gloucester director of rugby Nigel Melville said: "Phil has broken his arm."',
            "Charles Saumarez Smith, the gallery's director, said he was delighted.",
            "Ann Jones, the OECD's chief economist, said growth would slow.",
            "Kate Moss, director of product at Ask Jeeves, said searches doubled.",
        ]
    )
    assert "gloucester rugby director" in person(result, "Nigel Melville").roles
    assert "gallery director" in person(result, "Charles Saumarez Smith").roles
    assert "oecd chief economist" in person(result, "Ann Jones").roles
    assert not any(" at " in role for role in person(result, "Kate Moss").roles)


def test_a_bodys_whole_name_before_a_role_and_a_role_noun_as_surname() -> None:
    result = attribute(
        [
            "Bank of Corvania governor Arlo King said rates would rise.",
            "King Fahd said the war was over.",
            "Labour MP Wren Bishop said she would stand again.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Arlo King",), ("Fahd",), ("Wren Bishop",)]
    assert "bank of corvania governor" in person(result, "Arlo King").roles  # not "corvania governor"
    assert "king" in person(result, "Fahd").roles


def test_partners_controllers_and_undersecretaries_hold_roles() -> None:
    result = attribute(
        [
            "Werner Chrobok, managing partner at Bethmann Bank, said he hoped for a deal.",
            "BBC Three controller Stuart Murphy said the channel would change.",
            "Robert Ortner, Undersecretary of Commerce for Economic Affairs, said trade would improve.",
        ]
    )
    assert "bethmann bank managing partner" in person(result, "Werner Chrobok").roles
    assert "bbc three controller" in person(result, "Stuart Murphy").roles
    assert "commerce undersecretary" in person(result, "Robert Ortner").roles


def test_a_title_that_is_an_office_is_a_role() -> None:
    result = attribute(
        [
            "Sen. Christopher Bond said such a grain export plan would fail.",
            "U.S. Sen. John Danforth said trade would suffer.",
            "Prof. Jane Hill of Oxford University said the data were clear.",
        ]
    )
    assert "senator" in person(result, "Christopher Bond").roles
    assert "us senator" in person(result, "John Danforth").roles
    assert "oxford university professor" in person(result, "Jane Hill").roles


def test_a_role_joining_two_fields_with_and_after_a_name() -> None:
    result = attribute(
        [
            '"We need faces," said Shauna Perry, Bioware\'s audio and external resources producer.',
            '"It sold," said Alain Levy, chairman and chief executive of EMI.',
        ]
    )
    roles = {person.name: person.roles for person in result.people}
    assert roles["Shauna Perry"] == ("bioware audio external resources producer",)
    assert "chairman chief executive" not in " ".join(roles["Alain Levy"])  # two roles, not one's fields


def test_the_body_a_role_is_held_at_after_three_words_describing_it() -> None:
    result = attribute(["Rich Templeton, the head of giant chip maker Texas Instruments, backed internet calls."])
    assert result.people[0].roles == ("texas instruments head",)


def test_a_role_held_in_a_field_at_a_body_is_the_bodys() -> None:
    result = attribute(
        [
            "Prices fell, said Bern Wyss, head of European research at Union Bank of Switzerland.",
            "Shares slid, said Dave Cole, head of UK equities for Standard Life Investments.",
            "Fees will rise, said Jem Flint, head of third party services at Vodafone.",
            "Jon Tarry, the captain of Chelsea as they push for the Premiership title, said he was fit.",
        ]
    )
    assert "union bank of switzerland head" in person(result, "Bern Wyss").roles  # not "european head"
    assert "standard life investments head" in person(result, "Dave Cole").roles  # not "uk head"
    assert "vodafone head" in person(result, "Jem Flint").roles
    # A clause after the body is no field: Chelsea's captain, not the Premiership's.
    assert not any("premiership" in role for role in person(result, "Jon Tarry").roles)
