"""A role written without a name: the person it stands for, the name that follows it, or itself as speaker."""

from __future__ import annotations

from bot.attribution import attribute
from tests.attribution.helpers import person, speakers


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


def test_a_capitalised_title_alone_in_a_list_names_no_ones_office() -> None:
    result = attribute(
        [
            "The song beat tracks by Will Yates, Queen, Kate Bosh and Joy Division in a listeners' vote.",
            "Nominees are Mathieu Amal for Kings And Queen, Gerard Jugo for The Chorus.",
            "Sir Andrew Grey, chairman of Migration Watch, said it was wrong.",
        ]
    )
    roles = {p.name: p.roles for p in result.people}
    assert roles["Will Yates"] == roles["Kate Bosh"] == roles["Gerard Jugo"] == ()
    assert roles["Sir Andrew Grey"] == ("migration watch chairman",)


def test_a_role_never_named_speaks_as_itself() -> None:
    result = attribute(
        [
            "A Shearson Lehman analyst said oil would climb back to 20 dlrs a barrel.",
            "The analyst added that OPEC was holding firm. He said demand was weak.",
            "A House taxwriter said the bill was dead. Tom Reed said it had no votes.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("a Shearson Lehman analyst",),
        ("a Shearson Lehman analyst",),
        ("Tom Reed",),
    ]
    analyst = person(result, "a Shearson Lehman analyst")
    # Asked for by the role alone: "analyst" is nobody's surname.
    assert analyst.aliases == () and "shearson lehman analyst" in analyst.roles
    # Named in the next sentence, the taxwriter is that man and no unnamed person is left.
    assert [p.name for p in result.people] == ["a Shearson Lehman analyst", "Tom Reed"]


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
    # The person may open the paragraph before, however long the sentence after the role noun is: "The chancellor"
    # is Gordon Brown, not Oliver Letwin, who spoke next and is then "the shadow chancellor".
    result = speakers(
        [
            "Gordon Brown is to freeze petrol duty increases and fund a package to avoid big council tax rises.",
            "In an upbeat pre-Budget report, the chancellor also hailed the longest period of growth."
            " But Oliver Letwin, for the Tories, attacked government red tape and debt.",
            "The shadow chancellor said the golden rule had turned to dross.",
            "Vincent Cable, for the Liberal Democrats, accused Mr Brown of ducking tough choices.",
        ]
    )
    assert result == [(), ("Gordon Brown", "Oliver Letwin"), ("Oliver Letwin",), ("Vincent Cable",)]


def test_a_role_only_inferred_is_kept_apart_from_those_written() -> None:
    result = attribute(
        [
            "Conrad Pell has attacked the court's decision.",
            "The foreign secretary said the ruling was wrong. The foreign secretary added that he would appeal.",
            "Treasury minister Ada Lunn said the cost was small.",
        ]
    )
    pell, lunn = person(result, "Conrad Pell"), person(result, "Ada Lunn")
    assert [p.speakers for p in result.paragraphs] == [("Conrad Pell",), ("Conrad Pell",), ("Ada Lunn",)]
    assert (pell.roles, pell.inferred_roles) == ((), ("foreign secretary",))
    assert (lunn.roles, lunn.inferred_roles) == (("treasury minister",), ())


def test_role_speaking_in_a_sentence_about_someone_else_waits_for_its_name() -> None:
    result = speakers(
        [
            "The careers of sprinters Nikos Varvas and Elena Thalou are over, says the boss of the federation.",
            "Federation boss Stavros Mikelis told parliament the damage had been done.",
        ]
    )
    assert result == [("Stavros Mikelis",), ("Stavros Mikelis",)]


def test_pending_role_is_not_claimed_by_someone_only_written_about_next() -> None:
    result = speakers(
        [
            "Hal Brenner said the aide would be missed.",
            "Markets were calm on Monday.",
            "The aide's strength was as a strategist, the official said.",
            "There were already indications that Hal Brenner had found a successor.",
        ]
    )
    assert result == [("Hal Brenner",), (), (), ()]


def test_a_role_held_for_someone_named_is_not_claimed_by_the_next_known_speaker() -> None:
    result = attribute(
        [
            "Mr Marsh was speaking amid rumours of a rift with Tomas Brandt.",
            'In an interview, Mr Brandt said he would not be distracted by "gossip".',
            'On Monday, Mr Marsh\'s spokesman said: "He is getting on with the job." Mr Brandt says he met him.',
        ]
    )
    assert person(result, "Tomas Brandt").roles == ()


def test_roles_without_a_name_are_not_people() -> None:
    result = attribute(
        [
            "Officials said the talks would resume, and industry sources said prices would fall.",
            "The minister said nothing.",
        ]
    )
    assert result.people == ()
    assert all(p.speakers == () for p in result.paragraphs)


def test_an_unnamed_source_of_a_body_whose_name_holds_of_or_for() -> None:
    result = attribute(
        [
            "Rates are fine, a Bank of Japan official told Reuters.",
            "He said the yen was stable.",
            "A Council for Economic Planning and Development spokesman said curbs would ease.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("a Bank of Japan official",),
        ("a Bank of Japan official",),
        ("a Council for Economic Planning and Development spokesman",),
    ]


def test_the_spokesman_of_a_named_body_speaks_as_described_until_named() -> None:
    # "The Ofcom spokesman said" had waited for a name that never came (or took the next one given: "The
    # spokesman said" went to the minister he quoted); it speaks as "an Ofcom spokesman" does.
    shoppers = ["Shoppers packed the malls.", "The Trafford Centre spokeswoman said 8,500 cars had arrived by noon."]
    assert speakers(shoppers)[1] == ("the Trafford Centre spokeswoman",)
    talks = [
        "The finance ministers will meet in Paris.",
        "The Finance Ministry spokesman said the meeting had been arranged last week.",
        "Earlier the spokesman, asked about it, quoted Gerhard Stoltenberg as saying the talks would go on.",
        "The spokesman said he believed Baker had left for Sweden.",
    ]
    spokesman = ("the Finance Ministry spokesman",)
    assert speakers(talks)[1:] == [spokesman, ("Gerhard Stoltenberg",), spokesman]  # not Stoltenberg, quoted before
    # A spokesman named beside the role is that person.
    tax = ["Council tax will rise.", 'The Tory finance spokesman, Brian Monteith MSP, said: "It is a tax."']
    assert speakers(tax)[1] == ("Brian Monteith",)


def test_a_role_described_by_age_or_a_compound_participle_is_still_the_role() -> None:
    result = attribute(
        [
            "Cat Deeley has resigned as host of the show after six years.",
            "The 28-year-old host said she wanted to concentrate on new projects.",
            'The long-running host said: "I would like to thank the team."',
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [(), ("Cat Deeley",), ("Cat Deeley",)]


def test_a_role_of_another_named_body_is_not_the_person_holding_it_here() -> None:
    result = attribute(
        [
            "William Hill spokesman Rupert Adamson said the leak was unlikely.",
            'Big Brother\'s spokeswoman said: "Only a handful of executives know."',
            "Finance Minister Kiichi Miyazaki said rates would hold. Japan's finance minister added more.",
        ]
    )
    speakers = [p.speakers for p in result.paragraphs]
    assert "Rupert Adamson" not in speakers[1]
    assert speakers[2] == ("Kiichi Miyazaki",)  # a country's possessive still means its minister


def test_indefinite_role_named_in_the_next_paragraph() -> None:
    result = speakers(
        [
            "A House taxwriter said the energy plan was bad policy.",
            "Rep. Joan Pike, a Vermont Democrat, said it would cost billions.",
        ]
    )
    assert result == [("Joan Pike",), ("Joan Pike",)]


def test_the_lead_sums_up_what_the_person_named_next_says_whatever_their_role() -> None:
    lead = "Soviet exports will not rise this year, a Soviet economist said."
    named = "Sergey Frolov, chief economist at Amtorg Trading Corp, told a business meeting that few goods sell."
    result = speakers([lead, named, "Frolov said imports would fall."], title="Soviet exports to stay flat")
    assert result == [("Sergey Frolov",), ("Sergey Frolov",), ("Sergey Frolov",)]
    result = speakers(
        [
            "The government is naive to refuse phone-tap evidence, a senior EU politician says.",
            "Javier Solana, EU foreign policy chief, says such evidence works in other courts.",
        ]
    )
    assert result == [("Javier Solana",), ("Javier Solana",)]
    # Past the lead, someone named next with another role is someone else; so is whoever a spokesman speaks for.
    result = speakers(
        [
            "Oil prices fell again.",
            "Demand would stay weak, a senior official said.",
            "Akio Morita, Sony chairman, said exports would suffer.",
        ]
    )
    assert result == [(), ("a senior official",), ("Akio Morita",)]
    result = speakers(
        [
            "The drug tests were fair, a Fifa spokesman said.",
            "Michelle Verroken, a drug-testing expert, said the tests were flawed.",
        ]
    )
    assert result == [("a Fifa spokesman",), ("Michelle Verroken",)]


def test_a_department_named_in_running_text_is_part_of_its_role() -> None:
    result = speakers(
        [
            "Violent games should carry larger warnings, the trade and industry secretary has said.",
            "Patricia Hewitt said parents needed to know what their children play.",
        ]
    )
    assert result == [("Patricia Hewitt",), ("Patricia Hewitt",)]


def test_someone_introduced_as_new_is_no_one_written_about_before() -> None:
    result = speakers(
        [
            "Adrian Rodgers, a local minister, said fans should stay away. But a venue spokesman said 5,500 tickets"
            " had been sold.",
            "Mr Rodgers on Tuesday said he was concerned about the lyrics.",
        ]
    )
    assert result == [("Adrian Rodgers", "a venue spokesman"), ("Adrian Rodgers",)]


def test_anybody_of_an_occupation_speaks_for_no_one_named_before() -> None:
    result = speakers(
        [
            "Bundesbank President Karl Otto Poehl attended the symposium.",
            "A spokesman said the market was wrong. He added that rates would rise.",
            '"It was a definite hint at lower rates," said one banker who attended.',
            '"We see no change," one official said. "The trend is clear."',
            "Another analyst, Richard Cohen at Brown Baldwin, noted that investors held dollars.",
            "A spokesman for UKIP said the party would fight on.",
        ]
    )
    assert result == [(), (), (), (), ("Richard Cohen",), ("UKIP",)]
    assert [p.name for p in attribute(["A spokesman said it was over. He added that talks ended."]).people] == []


def test_a_named_persons_spokesman_speaks_for_them_not_for_someone_named_later() -> None:
    result = speakers(
        [
            "Tony Blair met the families on Monday.",
            "Mr Blair's official spokesman said the meeting had been moving.",
            "Also there was Anne Maguire. She said the apology lifted a weight.",
            "Mr Blair's spokesman, Tom Kelly, said talks would go on.",
        ]
    )
    # As "a spokesman for Mr Blair" would; before, the spokesman waited for a name and took the next one given.
    assert result == [(), ("Tony Blair",), ("Anne Maguire",), ("Tom Kelly",)]


def test_a_spokesman_known_by_whose_they_are_speaks_for_them() -> None:
    result = speakers(
        [
            "Rapper Snoop Dogg has been sued by a make-up artist.",
            "The woman said she was assaulted after a TV show on the ABC network. The rapper's spokesman said the"
            " claims were untrue.",
            "Singer Ian Brown was arrested after a fight at a concert, his spokesman has said.",
            "A fan attacked the singer, Fiction Records spokesman Paul Smernicki said.",
        ]
    )
    # Who the rapper and "his" are, not whoever is named next.
    assert result == [(), ("Snoop Dogg",), ("Ian Brown",), ("Paul Smernicki",)]


def test_a_role_speaking_before_its_name_is_not_the_name_after_its_verb() -> None:
    result = speakers(
        [
            "Juninho's agent has confirmed that the player is hoping for talks with Martin O'Neill.",
            "Brian Hassell says no official approach has been received.",
            'The Tory finance spokesman, Brian Monteith MSP, said: "It is a disguise."',
        ]
    )
    assert result == [("Brian Hassell",), ("Brian Hassell",), ("Brian Monteith",)]


def test_indefinite_role_is_not_claimed_by_someone_named_sentences_later() -> None:
    result = speakers(
        [
            "An agency spokeswoman said the sites were used by criminals.",
            "She said the sites traded stolen cards. The sites have closed. Later Mick Dale said the network"
            " was broken.",
        ]
    )
    # Unclaimed, she speaks as the role, and "She said" is hers: Mick Dale is someone else.
    assert result == [("an agency spokeswoman",), ("an agency spokeswoman", "Mick Dale")]


def test_one_or_another_of_a_kind_is_someone_new_and_a_long_bodys_role_keeps_its_initials() -> None:
    result = speakers(
        [
            "Oil minister Subroto said prices would hold.",
            '"Prices will fall," said one senior coffee dealer. "We see no floor," he added.',
            "Another senior coffee dealer said the market had turned.",
            '"We hope the dispute ends," a Ministry of International Trade and Industry (MITI) official said.',
            '"It will be back," the MITI official said.',
        ]
    )
    assert result == [
        ("Subroto",),
        ("one senior coffee dealer",),  # not the minister named before
        ("another senior coffee dealer",),
        ("a Ministry of International Trade and Industry (MITI) official",),
        ("a Ministry of International Trade and Industry (MITI) official",),
    ]


def test_a_role_speaks_through_whom_or_where_it_serves() -> None:
    assert speakers(
        [
            "The new health minister for Wales says there are lessons to learn from England.",
            "Dr Brian Gibbons admitted the challenges were big.",
            '"The dollar will fall," a senior dealer at one Tokyo bank told Reuters.',
        ]
    ) == [("Brian Gibbons",), ("Brian Gibbons",), ("a senior dealer",)]


def test_the_office_is_not_its_shadow() -> None:
    assert speakers(
        [
            'Tessa Jowell has announced plans to limit new casinos, in a move branded a "humiliating retreat".',
            "It puts an end to plans for 40 super casinos. The Culture Secretary said the move showed she listened.",
            "But Conservative shadow culture secretary John Whittingdale said the plans were a shambles.",
        ]
    )[1] != ("John Whittingdale",)


def test_the_office_is_not_its_deputy() -> None:
    result = attribute(
        [
            "Deputy Prime Minister John Prescott met the unions in Gateshead.",
            "The prime minister is to deliver a keynote speech on Tuesday, aides said.",
            "Deputy Treasury Secretary Richard Darman said talks went well.",
            "The Treasury Secretary himself stayed in Washington.",
        ]
    )
    assert [p.mentions for p in result.paragraphs[1::2]] == [(), ()]
    assert "prime minister" not in person(result, "John Prescott").roles
    assert "treasury secretary" not in person(result, "Richard Darman").roles
