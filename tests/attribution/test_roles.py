"""Where a role is written beside a name, and which name it belongs to rather than being part of."""

from __future__ import annotations

import pytest

from bot.attribution import attribute
from tests.attribution.helpers import person


def test_a_name_in_apposition_to_a_role_before_it_takes_the_role() -> None:
    result = attribute(
        [
            "The director of the film, Vinod Kale, says it is not offensive.",
            "The shadow health secretary, Ann Rook, said the plan would fail.",
            "Critics met on Monday. The director said he would not withdraw it.",
        ]
    )
    assert "film director" in person(result, "Vinod Kale").roles
    assert "shadow health secretary" in person(result, "Ann Rook").roles
    assert result.paragraphs[2].speakers == ("Vinod Kale",)


def test_a_role_opening_a_sentence_with_the_name_in_apposition() -> None:
    result = attribute(
        [
            "Computer specialist at the IAEA, Peter Kell, would like better software. Inspectors agree.",
            "Rates are low. Senior economist at Barclays, Ann Rook, expects them to rise.",
        ]
    )
    assert person(result, "Peter Kell").roles == ("iaea computer specialist",)
    assert person(result, "Ann Rook").roles == ("barclays senior economist",)


def test_occupations_before_a_name_are_roles_not_part_of_the_name() -> None:
    result = attribute(
        [
            '"The Aviator should be ahead," said awards pundit Tom Neale.',
            "Novelist Andrea Lowe is favourite to win the prize.",
            "Dale Mohr, senior meteorologist for Accu-Weather Inc, said rain would come.",
        ]
    )
    assert [p.name for p in result.people] == ["Tom Neale", "Andrea Lowe", "Dale Mohr"]
    assert person(result, "Tom Neale").roles == ("awards pundit",)
    assert "accu-weather inc senior meteorologist" in person(result, "Dale Mohr").roles


def test_name_after_the_office_it_holds() -> None:
    result = attribute(
        [
            "Philippine Secretary of Trade and Industry Ramon Ocampo, who arrived on Monday, said talks went well.",
            "He said tropical fruit faced high duties. Chancellor of the Exchequer Alan Pryce agreed.",
            "The MP for Hornsey and Wood Green said nothing.",
            "Prices will hold, Indonesian Minister of Mines and Energy Sumarto told Reuters. He said demand was firm.",
            "But Chief Secretary to the Treasury Paul Boatman attacked the plans.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Ramon Ocampo",),
        ("Ramon Ocampo", "Alan Pryce"),
        (),
        ("Sumarto",),  # known by one name
        ("Paul Boatman",),  # not "Treasury Paul Boatman"
    ]
    assert "indonesian mines energy minister" in person(result, "Sumarto").roles
    assert "philippine trade industry secretary" in person(result, "Ramon Ocampo").roles
    assert "exchequer chancellor" in person(result, "Alan Pryce").roles


def test_a_prize_for_a_person_is_no_office_for_a_place() -> None:
    result = attribute(
        [
            "The film won best director for Mike Dowd, and best actor went to Ray Fall.",
            "Dowd said the film was made on a tiny budget.",
        ]
    )
    assert result.paragraphs[0].mentions == ("Mike Dowd", "Ray Fall")
    assert result.paragraphs[1].speakers == ("Mike Dowd",)  # not a second person known only as "Dowd"


def test_role_words_that_may_open_a_sentence_and_the_employer_before_them() -> None:
    result = attribute(
        [
            "BP Managing Director Dan Simmer said the offer stood.",
            "But Chief Executive Ana Rolo said it was too low.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Dan Simmer",), ("Ana Rolo",)]
    assert "bp managing director" in person(result, "Dan Simmer").roles
    assert "chief executive" in person(result, "Ana Rolo").roles
    fed = attribute(["New York Federal Reserve Bank President Gene Carr opposed a further fall in the dollar."])
    assert "new york federal reserve bank president" in fed.people[0].roles


def test_police_ranks_are_roles_not_part_of_the_name() -> None:
    result = attribute(
        [
            "Craig Mackey, assistant chief constable of Gloucestershire Police, said the coaches were stopped.",
            "Chief Constable Alastair McWhirter said the hunts had been peaceful.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Craig Mackey",), ("Alastair McWhirter",)]
    assert "gloucestershire police assistant chief constable" in person(result, "Craig Mackey").roles


def test_a_role_before_a_name_starts_after_the_verb() -> None:
    result = attribute(["Gordon Brown accused shadow chancellor Ray Ketts of inventing figures."])
    assert person(result, "Ray Ketts").roles == ("shadow chancellor",)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        (
            "The topic came up again during Russian president Vladimir Pudin's visit.",
            "Vladimir Pudin",
            "russian president",
        ),
        ("Mido may play for the national side if coach Hassan Shehab chooses him.", "Hassan Shehab", "coach"),
        ("The film's stars include soul singer Alicia Kees.", "Alicia Kees", "soul singer"),
    ],
)
def test_a_role_read_back_from_its_noun_ends_at_a_word_no_role_holds(sentence: str, name: str, role: str) -> None:
    roles = person(attribute([sentence]), name).roles  # with its country's other form: "russia's president"
    assert role in roles and all(len(other.split()) <= len(role.split()) for other in roles)


@pytest.mark.parametrize(
    ("sentence", "name", "roles"),
    [
        (
            "GM chairman and chief executive Rick Wagner said sales rose.",
            "Rick Wagner",
            {"gm chairman", "gm chief executive"},
        ),
        (
            "EBay president and chief executive Meg Whitmore called it a good year.",
            "Meg Whitmore",
            {"ebay president", "ebay chief executive"},
        ),
        # A body's name of two words joined by "and" is one name; an epithet and an acronym's role are two.
        (
            "Procter and Gamble chief executive Alan Laffey said so.",
            "Alan Laffey",
            {"procter and gamble chief executive"},
        ),
        ("The view of former Olympian and BBC pundit Steve Crum is plain.", "Steve Crum", {"bbc pundit"}),
        # A nationality after another person's name opens this one's role; two nationalities are a body's name.
        (
            "Remarks by Fed Chairman Paul Volker and Japanese central bank governor Satoshi Sumito helped.",
            "Satoshi Sumito",
            {"japanese central bank governor"},
        ),
        ("British and Irish Lions coach Clive Wood said so.", "Clive Wood", {"british and irish lions coach"}),
        # The nearer role names its own body: the first's is not shared.
        (
            "Nigerian oil minister and OPEC president Rilwan Lukmann told reporters.",
            "Rilwan Lukmann",
            {"nigerian oil minister", "opec president"},
        ),
    ],
)
def test_roles_joined_by_and_before_a_name_are_both_held_with_the_body_written_once(
    sentence: str, name: str, roles: set[str]
) -> None:
    held = set(person(attribute([sentence]), name).roles)
    # Every role held is one of those, or one of them with its country written another way ("nigeria's").
    assert roles <= held and all(role.split()[-1] in {r.split()[-1] for r in roles} for role in held)
    assert not any(("opec" in role and "nigerian" in role) or "olympian" in role for role in held)


def test_a_name_after_a_preposition_or_before_a_verb_holds_no_role() -> None:
    result = attribute(
        [
            "Tom Harlow has praised his treasurer.",
            "Ed Vance, treasurer of the party under Mr Harlow, became its longest-serving treasurer in 2004.",
        ]
    )
    assert person(result, "Tom Harlow").roles == ()
    assert "treasurer" in person(result, "Ed Vance").roles
    assert all(not role.startswith("became") for p in result.people for role in p.roles)


def test_a_role_before_the_name_reporting_a_sentence_is_the_reported_clauses() -> None:
    result = attribute(
        [
            "Ray Dunn will be more open as he begins his second term as club chairman, Ivo Pell has said.",
            "As chief operating officer, Ann Soto will run the firm day to day.",
        ]
    )
    assert person(result, "Ivo Pell").roles == ()
    assert person(result, "Ann Soto").roles == ("chief operating officer",)


def test_a_referee_is_a_role_not_part_of_the_name() -> None:
    result = attribute(["Referee Graham Pell said the penalty was clear."])
    assert [p.name for p in result.people] == ["Graham Pell"]
    assert "referee" in person(result, "Graham Pell").roles


def test_sports_positions_and_trades_are_roles_not_part_of_the_name() -> None:
    result = attribute(["Flanker Tom Rudd said the pack was strong.", "Bookmaker Jim Oddy cut the odds."])
    assert [p.name for p in result.people] == ["Tom Rudd", "Jim Oddy"]
    assert "flanker" in person(result, "Tom Rudd").roles
    result = attribute(["Prop Ned Cole and Conductor Ivo Marsh met.", "Defiant Dara Quill and Injured Tom Vale left."])
    assert [p.name for p in result.people] == ["Ned Cole", "Ivo Marsh", "Dara Quill", "Tom Vale"]
    result = attribute(["Sprinters Kostas Bell and Ana Rye missed tests. Americans Tom Jones and Ann Williams lost."])
    assert [p.name for p in result.people] == ["Kostas Bell", "Ana Rye", "Tom Jones", "Ann Williams"]
    result = attribute(["Lock Ben Kaye and Goalscorer Jim Floyd were rested."])
    assert [p.name for p in result.people] == ["Ben Kaye", "Jim Floyd"]
    result = attribute(["Campaigner Brett Lock said the deal was fair.", "Mr Lock said it would hold."])
    assert [p.name for p in result.people] == ["Brett Lock"]  # a surname too, as King is


def test_a_lower_case_word_before_a_title_makes_it_another_office() -> None:
    result = attribute(["His shadow Chancellor Ivo Marsh spoke, as did the former President Tom Vale."])
    assert person(result, "Ivo Marsh").roles == ("shadow chancellor",)
    assert person(result, "Tom Vale").roles == ("former president",)


def test_a_descriptor_before_a_name_is_a_role_not_part_of_it() -> None:
    result = attribute(
        [
            "Keeper Petr Cech said the clean sheet mattered.",
            "Labour backbencher Derek Wyatt said no.",
            "BT futurologist Ian Pearson said the lab had been a success.",
        ]
    )
    assert [p.name for p in result.people] == ["Petr Cech", "Derek Wyatt", "Ian Pearson"]
    assert "bt futurologist" in person(result, "Ian Pearson").roles
    assert "keeper" in person(result, "Petr Cech").roles
    assert "labour backbencher" in person(result, "Derek Wyatt").roles


def test_one_name_after_a_lower_case_role_noun_speaks_and_is_he_later() -> None:
    result = attribute(
        [
            "Indonesian Energy minister Subroto said prices would stay firm.",
            "He said Opec output remained under its ceiling.",
            "Oil producer Yukos cut its output.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Subroto",), ("Subroto",), ()]
    assert [p.name for p in result.people] == ["Subroto"]  # a body after a role noun is no one


def test_a_titled_name_after_a_body_written_with_the() -> None:
    result = attribute(
        [
            'In a speech to the Foreign Policy Centre Mr Straw said of the Tory leader: "He is clever."',
            "Paying tribute, the Lord Chancellor said the judge was a great advocate.",
        ]
    )
    assert result.paragraphs[0].speakers == ("Straw",)
    assert [p.name for p in result.people] == ["Straw"]  # the Lord Chancellor is an office, not a man


def test_a_role_noun_after_a_modal_is_a_verb() -> None:
    result = attribute(
        ["Gordon Brown said aid must double.", "The aid agency Cafod will host Mr Brown's speech on Wednesday."],
        "Brown on aid",
    )
    assert person(result, "Gordon Brown").roles == ()
    assert person(attribute(["A pass went to winger Shane Williams."], "Wales win"), "Shane Williams").roles == (
        "winger",
    )


def test_a_role_closing_an_opening_clause_is_not_the_next_names() -> None:
    # "Asked whether he trusted the prime minister, Mr Brown replied" made Brown the prime minister; a clause giving
    # the role ("As chief operating officer, Ivo Marsh will…") and a name apposed inside the clause still take it.
    people = {
        p.name: p.roles
        for p in attribute(
            [
                "Gordon Brown spoke at the launch.",
                'Asked whether he trusted the prime minister, Mr Brown replied: "Of course."',
                "As chief operating officer, Ivo Marsh will run the firm.",
                "In reply to a question from Acme chairman, Vera Holt, Mr Brown said no.",
            ],
            "",
        ).people
    }
    assert people["Gordon Brown"] == ()
    assert people["Ivo Marsh"] == ("chief operating officer",)
    assert people["Vera Holt"] == ("acme chairman",)


def test_an_opening_clause_reaches_back_past_an_initialism_to_its_sentences_start() -> None:
    # The "U.S. " inside the clause is no sentence's end: the role before "Mr Brown" still closes the clause.
    people = {
        p.name: p.roles
        for p in attribute(
            [
                "Gordon Brown spoke at the launch.",
                "Asked whether he trusted the U.S. treasury secretary, Mr Brown replied that he did.",
            ],
            "",
        ).people
    }
    assert people["Gordon Brown"] == ()


def test_an_occupation_or_a_party_opening_a_sentence_is_no_part_of_the_name() -> None:
    result = attribute(
        [
            '"I am not pleased," Jefferson Parish Sheriff Harold Penn said.',
            "But Mr Penn said he had been fooled.",
            "Model Tamsin Reeve said the show was fun.",
            "But Lib Dem Orla Finch said the plan was wrong.",
            "Substitute Joe Varga said the team had earned it.",
            "Television presenter John Sergeant said he was sorry.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Harold Penn",),
        ("Harold Penn",),
        ("Tamsin Reeve",),
        ("Orla Finch",),
        ("Joe Varga",),
        ("John Sergeant",),
    ]
    assert "jefferson parish sheriff" in person(result, "Harold Penn").roles
    assert "model" in person(result, "Tamsin Reeve").roles


def test_a_role_in_a_relative_clause_that_says_also_is_held() -> None:
    sentence = "OPEC President Rilwan Lukmann, who is also Nigerian Oil Minister, said prices would hold."
    assert "nigerian oil minister" in person(attribute([sentence]), "Rilwan Lukmann").roles


def test_a_role_after_a_that_a_clause_is_about_is_not_the_names() -> None:
    result = attribute(["There will be talk of how good a prime minister Gordon Brin will make."])
    assert "prime minister" not in person(result, "Gordon Brin").roles
    result = attribute(["Treasury Secretary James Baker would not comment."])  # no article: his role
    assert "treasury secretary" in person(result, "James Baker").roles


def test_a_role_written_straight_before_the_next_name_is_that_names_not_the_one_before() -> None:
    found = attribute(
        ["Talks will be held with President Ragan, Chief Cabinet Secretary Masaharu Gotado told reporters."]
    )
    assert "chief cabinet secretary" not in person(found, "Ragan").roles
    assert "chief cabinet secretary" in person(found, "Masaharu Gotado").roles
    walsh = attribute(["The board ousted chief executive Willie Walch, chief financial officer Brian Dunn and others."])
    assert "chief financial officer" not in person(walsh, "Willie Walch").roles


def test_a_role_after_a_named_person_and_and_is_the_next_names_alone() -> None:
    found = attribute(["The poll put Tony Blear and Conservative leader Michael Hovard level."])
    assert person(found, "Michael Hovard").roles == ("conservative leader",)  # not "tony blear and conservative…"
    body = attribute(["Procter and Gamble chief executive Alan Laffey said sales rose."])
    assert person(body, "Alan Laffey").roles == ("procter and gamble chief executive",)


def test_an_adverb_or_a_verb_before_a_role_is_no_part_of_it() -> None:
    found = attribute(
        [
            "Meanwhile Lib Dem leader Charlie Kenton said the plan was bad.",
            "Markets suddenly believe Fed chairman Pete Volker will stay.",
        ]
    )
    assert person(found, "Charlie Kenton").roles == ("lib dem leader",)
    assert person(found, "Pete Volker").roles == ("fed chairman",)


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("The union's view came from Jeremy Dier, NUJ General Secretary.", "Jeremy Dier", "nuj general secretary"),
        ("So said Dinesh Keskor, senior vice president Boeing.", "Dinesh Keskor", "senior vice president"),
        ("So said Tevfik Aksay, Deutsche Bank chief Turkish economist.", "Tevfik Aksay", "turkish economist"),
    ],
)
def test_an_apposed_role_followed_by_more_of_a_role_or_a_body_stays_the_names(
    sentence: str, name: str, role: str
) -> None:
    assert any(held.endswith(role) for held in person(attribute([sentence]), name).roles)
