"""Organisations as speakers: which bodies speak, where their names begin and end, and who speaks for them."""

from __future__ import annotations

from bot.attribution import attribute
from tests.attribution.helpers import person, speakers, the_one_speaker


def test_organisations_speak_but_groups_and_places_do_not() -> None:
    result = attribute(
        [
            "Labour said the figures were wrong. Downing Street said they were right.",
            "The BBC said it would appeal. The Corvania Grain Board has said prices will rise.",
            "The two men stressed the importance of trade. The sides agreed to meet again.",
            "Officials said talks would resume. Analysts warned of delays. Sources said no. Britain said yes.",
            "The government said nothing. Northwind Foods spokesman Eric Dahl said sales were up.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Labour", "Downing Street"),
        ("BBC", "Corvania Grain Board"),
        (),
        (),
        ("Eric Dahl",),
    ]
    assert {"bbc", "the bbc"} <= set(person(result, "BBC").aliases)
    assert "the corvania grain board" in person(result, "Corvania Grain Board").aliases


def test_organisation_with_apposition_and_according_to_a_statement() -> None:
    result = speakers(
        [
            "Grellin, the premium phone line regulator, said it was pleased.",
            "Output will fall, according to a statement from the Corvania Grain Board.",
            "Premium lines are a problem, according to phone line regulator Grellin.",
        ]
    )
    assert result == [("Grellin",), ("Corvania Grain Board",), ("Grellin",)]


def test_an_organisation_named_in_full_with_its_initials_is_one_body_known_by_both() -> None:
    body = the_one_speaker(
        [
            "Growth will slow, the Organization for Rural Planning and Development (ORPD) said.",
            "The ORPD said exports would recover.",
        ],
        "Organization for Rural Planning and Development",
    )
    assert {"orpd", "the orpd"} <= set(body.aliases)


def test_a_nationality_opening_a_bodys_name_is_part_of_it_and_the_name_without_it_another() -> None:
    paragraphs = ["The Australian Grain Board said sales rose.", "The Grain Board said prices fell."]
    board = the_one_speaker(paragraphs, "Australian Grain Board")
    assert {"the australian grain board", "the grain board"} <= set(board.aliases)
    assert speakers(["The European Commission said it would act."]) == [("European Commission",)]
    assert speakers(["The British government said no."]) == [()]  # a government is a group, not a body


def test_an_organisation_named_at_a_sentences_end_stops_at_its_full_stop() -> None:
    result = attribute(
        [
            "The bid is led by his two sons, according to the Daily Courier. A proposal was received last week.",
            "Jobs will go, according to U.S. Steel. The cuts start in May.",  # an initialism's stop goes on
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Daily Courier",), ("U.S. Steel",)]


def test_a_body_named_with_for_or_with_its_initials_in_brackets_speaks() -> None:
    result = attribute(
        [
            "The Institute for Fiscal Studies said taxes must rise.",
            "Food was safe, the Food Standards Agency (FSA) has said.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Institute for Fiscal Studies",), ("Food Standards Agency",)]


def test_a_body_closing_an_inverted_report_speaks() -> None:
    result = attribute(
        [
            "Growth was 3.1% in 2004, says the Office for National Statistics (ONS).",
            "Wine drinking is still low, said the US Agriculture Department. Prices rose, said the IMF on Tuesday.",
            # What is said may open with a body: the subject before the verb speaks.
            "Umbro, which listed in June, said the UK market had grown 8%.",
            '"It is going digital," Kirsten Pfeifer told the BBC.',
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Office for National Statistics",),
        ("Agriculture Department", "IMF"),
        ("Umbro",),
        ("Kirsten Pfeifer",),
    ]
    assert {"ons", "the ons"} <= set(person(result, "Office for National Statistics").aliases)
    # A body's word or three initials name one; "the Birchfield Harrier" and "the DJ" describe a person.
    assert speakers(['"Winning was the highlight," said the Birchfield Harrier. "It is great," says the DJ.']) == [()]


def test_a_company_whose_name_holds_a_roles_word_speaks() -> None:
    # A company's ending word makes the run a name ("General Motors", "American President Cos Ltd"); a role's word
    # before a person's name is still their title.
    assert speakers(
        [
            "General Motors has warned that earnings will fall.",
            "American President Cos Ltd said its shipping unit won approval.",
            "General Wesley Clark said it was over. The Secretary of State said so too.",
        ]
    ) == [("General Motors",), ("American President Cos Ltd",), ("Wesley Clark",)]


def test_an_adverb_or_an_adjective_opening_a_sentence_is_no_body() -> None:
    for text in (
        "Locally, too, say analysts, recent political developments have helped the market.",
        "Inanimate objects will start to interact with us.",
        "Older attacks relied on users. Legal attacks on websites grew. Terrorist attacks will take place.",
        "Creditors agreed on Friday to suspend interest payments. Colleagues said he was proud.",
    ):
        result = attribute([text])
        assert result.people == () and result.paragraphs[0].speakers == ()
    assert speakers(["The Tobacco Institute objects to the new rules."]) == [("Tobacco Institute",)]
    # The -s form stays a verb before its object or a clause: "what Jamie hopes will be a return" is his hope.
    assert speakers(["Jamie Costin attacks the plan.", "Racing is what Jamie hopes will be his return."]) == [
        ("Jamie Costin",),
        ("Jamie Costin",),
    ]


def test_a_football_club_is_a_body_not_a_person() -> None:
    result = attribute(
        [
            "Newcastle will be at home to either Tottenham or Nottingham Forest.",
            "On Thursday Rangers said they would not be increasing their offer.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [(), ("Rangers",)]
    assert "Nottingham Forest" not in [p.name for p in result.people]
    # Nor is "Grand Slam", nor "Real Madrid", whom a "he said" had gone to after "a win over Real Betis".
    result = speakers(
        [
            "Ronan O'Gara kicked 14 points.",
            'He helped keep alive their Grand Slam hopes. He told BBC Sport: "We made hard work of it."',
        ]
    )
    assert result == [(), ("Ronan O'Gara",)]
    result = attribute(['Michael Owen scored as Real Madrid beat Real Betis. He said: "I am happy."'])
    assert [p.name for p in result.people] == ["Michael Owen"] and result.paragraphs[0].speakers == ("Michael Owen",)


def test_person_named_with_where_they_work_speaks_not_the_body() -> None:
    result = attribute(
        [
            "Odile Marchetti of the CWRA said the rules were unfair.",
            "Tom Varga from Gleaner Aid said food was late. Nia Rusk at Halden Brothers said prices would fall.",
            "Piet Oorts of Corvania Capital in Leeds said the pound was weak.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Odile Marchetti",),
        ("Tom Varga", "Nia Rusk"),
        ("Piet Oorts",),
    ]
    assert "CWRA" not in {p.name for p in result.people}


def test_the_place_a_speaker_is_in_is_not_the_speaker() -> None:
    # "in Zurich said" had made Zurich the speaker, not Hans Ast, nor the spokesman in Bonn.
    result = attribute(
        [
            "Hans Ast of Societe Generale Alsacienne (Sogenal) in Zurich said the situation was dangerous.",
            "Rates will rise, a finance ministry spokesman in Bonn said.",
            "A dealer at a big bank in Tokyo said the yen was firm.",
            "Authorities in Philadelphia said there was no evidence.",  # no one else to say it: its authorities
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Hans Ast",),
        ("a finance ministry spokesman",),
        (),
        ("Philadelphia",),
    ]


def test_a_body_speaks_through_its_officials() -> None:
    result = speakers(
        [
            "The firm pulled out of the deal, Corvania Grain Board officials have said.",
            "Pentagon sources said it would not. Iraqi officials said nothing.",
            "Pentagon officials have said the talks were over.",
        ]
    )
    assert result == [("Corvania Grain Board",), ("Pentagon",), ("Pentagon",)]


def test_sources_in_a_trade_are_no_body_of_that_name() -> None:
    result = speakers(
        [
            "Oil sources said spot prices would hold. Oil output fell as oil stocks rose.",
            "Port sources said two ships were held at the port.",
            "Treasury officials said the sale was over as treasury bills fell.",
            "The plan is the U.S. Treasury's.",
        ]
    )
    assert result == [(), (), ("Treasury",), ()]


def test_the_end_of_a_body_name_is_nobody() -> None:
    result = attribute(
        [
            "David Graham from the FDA's Office of Drug Safety told the panel it was unsafe.",
            "The National Association of Probation Officers said staff were stretched.",
        ]
    )
    association = "National Association of Probation Officers"
    assert [p.speakers for p in result.paragraphs] == [("David Graham",), (association,)]
    assert [p.name for p in result.people] == ["David Graham", association]


def test_a_nationality_inside_a_bodys_name_leaves_its_end_nobody() -> None:
    result = attribute(["The Association of German Cooperative Banks said domestic interest rates would stay low."])
    association = "Association of German Cooperative Banks"
    assert [p.speakers for p in result.paragraphs] == [(association,)]
    assert [p.name for p in result.people] == [association]


def test_a_system_is_no_person_for_a_he_to_mean() -> None:
    result = attribute(
        [
            "The guilder stays stable within the European Monetary System.",
            "An economist at ABN Bank said rates would ease. He said wage deals had raised inflation.",
            "He added that money supply growth could add to it.",
        ]
    )
    # "Monetary System" had been a person (first name "Monetary"), and the economist's "he" went to it.
    assert [p.name for p in result.people] == ["ABN Bank"]
    assert [p.speakers for p in result.paragraphs] == [(), ("ABN Bank",), ()]


def test_whose_a_person_is_names_no_one() -> None:
    result = attribute(
        [
            "Peter Nicol, an analyst at Chase Manhattan, said oil would rise.",
            "Chase Manhattan's Nicol took a different view, however.",
            "He said the attack would make the Gulf states feel less secure.",
            "Deutsche Bank's Simon Champion said the shares held up.",
            "Prime Minister Tony Blair's Labour Party won the seat.",
        ]
    )
    paragraphs = result.paragraphs
    assert [p.speakers for p in paragraphs[1:4]] == [(), ("Peter Nicol",), ("Simon Champion",)]
    assert paragraphs[1].mentions == ("Peter Nicol",)
    assert "Tony Blair" in paragraphs[4].mentions  # a party is no person: Blair stays who is named


def test_a_surname_that_is_also_a_bodys_word_after_a_role() -> None:
    result = attribute(
        [
            "World Anti-Doping Agency chief Dick Pound said the case was clear.",
            "Mr Pound added that the rules must be kept.",
            "Rapper Kanye West said he was proud.",
            "Shares rose on Wall Street, the Producer Price Index fell.",
        ]
    )
    assert [p.name for p in result.people] == ["Dick Pound", "Kanye West"]
    assert [p.speakers for p in result.paragraphs[:3]] == [("Dick Pound",), ("Dick Pound",), ("Kanye West",)]
    assert "world anti-doping agency chief" in person(result, "Dick Pound").roles


def test_a_surname_that_is_also_a_bodys_word_before_a_lower_case_role() -> None:
    result = attribute(
        [
            "It was the dry assessment of Graham Lane, leader of the Labour group on Newham Council.",
            '"He will be gone soon," added Mr Lane.',
            "He made Populous, Theme Park, Dungeon Keeper and Black and White.",
        ]
    )
    assert [p.name for p in result.people] == ["Graham Lane"]  # one person, not a place and a "Lane"
    assert result.paragraphs[1].speakers == ("Graham Lane",)
    assert "labour leader" in person(result, "Graham Lane").roles


def test_a_surname_that_is_an_adjective_speaks_once_the_article_has_named_its_bearer() -> None:
    result = speakers(
        [
            "Wales coach Mike Ruddock says the prop has a future, as does Blues coach Dai Young.",
            '"John has been on an upward curve all season," Young told BBC Sport Wales.',
            "Young players said the camp was hard.",
        ]
    )
    assert result == [("Mike Ruddock",), ("Dai Young",), ()]


def test_a_person_named_with_a_surname_like_a_bodys_word_is_known_by_it_later_without_the_role() -> None:
    result = attribute(
        [
            "Rapper Kanye West is up for ten awards.",
            "US hip-hop star Kanye West rose to fame as a producer.",
            'West began his career in Chicago. "Anytime I hear about any accident my heart sinks," he said.',
            "Prices rose in the West.",
        ]
    )
    assert [p.name for p in result.people] == ["Kanye West"]  # not "Anytime I"
    assert [p.mentions for p in result.paragraphs[:2]] == [("Kanye West",), ("Kanye West",)]
    assert [p.speakers for p in result.paragraphs[2:]] == [("Kanye West",), ()]


def test_a_tax_or_a_pact_is_no_one() -> None:
    result = attribute(
        ["Relief from Petroleum Revenue Tax was announced.", "The Growth Pact must change, Mr Lamy said."]
    )
    assert [p.name for p in result.people] == ["Lamy"]


def test_a_body_named_after_someone_or_somewhere_is_not_them() -> None:
    # "President Reagan" after the Reagan Administration is the president, not his administration (whose name,
    # ending in "-tion", is no one's); "France" after France Televisions is the country.
    result = attribute(
        [
            "Reagan Administration officials said the policy would stand.",
            "President Reagan said he would discuss the Gulf with allied leaders.",
            "France Televisions said it would bid.",
            "France said it would veto the plan.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Reagan Administration",),
        ("Reagan",),
        ("France Televisions",),
        (),
    ]
    assert "reagan" not in person(result, "Reagan Administration").aliases
    assert person(result, "Reagan").roles == ("president",)
    assert "france" not in person(result, "France Televisions").aliases


def test_a_spokesman_after_a_body_speaks_for_it_but_after_a_person_is_anybody() -> None:
    result = speakers(
        [
            "The Agriculture Ministry declined comment on the report.",
            '"We have no idea about the report," a spokesman told Reuters. He would not say more.',
            "Tobin Marsh said prices rose. A spokesman said nothing had changed.",
        ]
    )
    assert result == [("Agriculture Ministry",), ("Agriculture Ministry",), ("Tobin Marsh",)]


def test_a_newswires_bracketed_share_codes_and_company_names_do_not_hide_the_speaker() -> None:
    paragraphs = [
        "Oil producer Corvan Ltd <CORV.S> said it will bid for the refinery.",
        "Clearing house <Dataline Systems Ltd> said it would know tomorrow.",
        "Rates will fall, said Tom Aske, economist of <Morgan Trust Co>, told reporters.",
    ]
    result = attribute(paragraphs)
    assert [p.speakers for p in result.paragraphs] == [("Corvan Ltd",), ("Dataline Systems Ltd",), ("Tom Aske",)]
    assert person(result, "Tom Aske").roles == ("morgan trust co economist",)


def test_a_body_speaks_through_its_statement_or_report_but_a_title_does_not() -> None:
    paragraphs = [
        '"The crisis created an opportunity," the Foreign Ministry statement said.',
        "The NAO report said costs had risen by a third.",
        "A White House-ordered report said imports would grow.",
        "Oxfam's Paying the Price report this week said children would die needlessly.",
    ]
    assert [p.speakers for p in attribute(paragraphs).paragraphs] == [("Foreign Ministry",), ("NAO",), (), ()]


def test_of_the_and_for_the_join_a_bodys_name_after_a_bodys_word() -> None:
    paragraphs = [
        "Friends of the Earth said the plan was weak.",
        "The Joint Council for the Welfare of Immigrants (JCWI) says the rules are wrong.",
        "Stoltenberg of the Bundesbank said rates would rise.",  # a surname, then the body
        "Labour and the Tories said no.",  # two bodies, not one
    ]
    assert [p.speakers for p in attribute(paragraphs).paragraphs] == [
        ("Friends of the Earth",),
        ("Joint Council for the Welfare of Immigrants",),
        ("Bundesbank",),
        ("Tories",),
    ]
