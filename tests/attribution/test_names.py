"""The shapes of names: titles, initials, particles, peers, relatives, aliases, headlines and misspellings."""

from __future__ import annotations

from bot.attribution import ParagraphAttribution, attribute
from tests.attribution.helpers import person, speakers, the_one_speaker


def test_a_name_written_surname_first_before_a_hyphened_given_name() -> None:
    result = attribute(
        [
            "President Roh Moo-hyun said the economy would grow.",
            "Mr Roh said exports were strong.",
            '"We will build a plant in India," chairman Chung Mong-koo said.',
            "Film-maker Ken Loach said it was a fine plan.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Roh Moo-hyun",),
        ("Roh Moo-hyun",),
        ("Chung Mong-koo",),
        ("Ken Loach",),
    ]
    people = {person.name: person for person in result.people}
    assert {"roh", "mr roh"} <= set(people["Roh Moo-hyun"].aliases) and "president" in people["Roh Moo-hyun"].roles
    assert people["Chung Mong-koo"].roles == ("chairman",)


def test_a_capitalised_word_joined_to_a_participle_describes_the_name_after_it() -> None:
    result = attribute(
        [
            "Clive Owan won best supporting actor.",
            'Celebrating, the Oscar-nominated Owan told reporters: "The season is new to me."',
            "Top-seeded Americans Andy Rodderick and Andre Agasse reached the last eight.",
        ]
    )
    assert [p.name for p in result.people] == ["Clive Owan", "Andy Rodderick", "Andre Agasse"]
    assert result.paragraphs[1].speakers == ("Clive Owan",)


def test_a_chinese_name_is_written_family_name_first() -> None:
    result = attribute(
        [
            "Chinese President Hu Jintao said growth would slow.",
            "Mr Hu said exports were strong.",
            "Yahoo founder Jerry Yang said search would grow.",
            "Mr Yang said so again.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Hu Jintao",), ("Hu Jintao",), ("Jerry Yang",), ("Jerry Yang",)]
    aliases = {person.name: set(person.aliases) for person in result.people}
    assert {"hu", "mr hu"} <= aliases["Hu Jintao"] and "jintao" not in aliases["Hu Jintao"]


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


def test_name_shapes() -> None:
    result = attribute(
        [
            "Jean-Luc Ferrand, Ciaran O'Neill and Fiona MacAskill met in Leeds.",
            "Mr Ferrand said the plan worked. Mr O'Neill said it did not. Ms MacAskill said nothing new.",
        ]
    )
    assert set(result.paragraphs[1].speakers) == {"Jean-Luc Ferrand", "Ciaran O'Neill", "Fiona MacAskill"}


def test_a_capitalised_title_before_a_description_is_not_a_person() -> None:
    result = attribute(
        [
            "Double Olympic champion Kelda Harmes was back to her best in Birmingham.",
            "The 34-year-old said she was still undecided about Madrid.",
        ]
    )
    assert [p.name for p in result.people] == ["Kelda Harmes"]
    assert [p.speakers for p in result.paragraphs] == [(), ("Kelda Harmes",)]


def test_a_description_opening_a_sentence_is_not_part_of_the_name() -> None:
    result = attribute(["Teenager Sanja Mirak said she was thrilled.", "Dane Bowden said he was sorry."])
    assert [p.name for p in result.people] == ["Sanja Mirak", "Dane Bowden"]


def test_clerical_titles_and_representatives() -> None:
    result = attribute(
        ["Hojatoleslam Reza Kashani spoke.", "Rep. Joan Pike, a Vermont Democrat, said the plan was flawed."]
    )
    kashani = person(result, "Reza Kashani")
    assert {"kashani", "reza kashani", "hojatoleslam kashani"} <= set(kashani.aliases)
    assert result.paragraphs[1].speakers == ("Joan Pike",)
    assert "rep pike" in person(result, "Joan Pike").aliases


def test_initials_stay_part_of_the_name() -> None:
    result = attribute(["T. Wade Gannet, the Texas rancher, said he would sell.", "U.S. Defence officials said no."])
    assert result.paragraphs[0].speakers == ("T. Wade Gannet",)
    assert "t. wade gannet" in person(result, "T. Wade Gannet").aliases
    assert [p.name for p in result.people] == ["T. Wade Gannet"]


def test_a_surname_of_two_words_is_the_full_name_met_before() -> None:
    result = attribute(
        [
            "President Rafael Ortega Lima said the debt would be honoured.",
            "Banks had calculated that oil must fetch 25 dlrs a barrel, Ortega Lima said.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Rafael Ortega Lima",), ("Rafael Ortega Lima",)]
    assert "ortega lima" in person(result, "Rafael Ortega Lima").aliases


def test_peer_with_territorial_designation() -> None:
    result = attribute(
        [
            "Ex-Transport Minister Lord Amwell of Tarn denied the claim.",
            "As MP for Upper Tarn Vale, Carys Amwell said it was true.",
            "Lord Amwell said she was wrong.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Lord Amwell of Tarn",),
        ("Carys Amwell",),
        ("Lord Amwell of Tarn",),
    ]
    peer = person(result, "Lord Amwell of Tarn")
    assert {"lord amwell", "lord amwell of tarn", "amwell"} <= set(peer.aliases)
    assert [p.name for p in result.people] == ["Lord Amwell of Tarn", "Carys Amwell"]  # no "Upper Tarn Vale"


def test_constituencies_are_not_people_and_do_not_take_a_namesake() -> None:
    result = attribute(
        [
            "Sir Alan Brook, chairman of the watchdog, said numbers were rising.",
            "Ms Dane, Labour MP for Eastley and Oak Brook, disagreed. Brook said she was wrong.",
        ]
    )
    assert [p.name for p in result.people] == ["Sir Alan Brook", "Dane"]  # no "Oak Brook"
    assert result.paragraphs[1] == ParagraphAttribution(("Sir Alan Brook",), ("Dane",))


def test_relatives_introduced_through_a_family_member() -> None:
    result = attribute(
        [
            "Festival founder Owen Tregar said tickets would sell out.",
            "Mr Tregar's daughter Morwenna said the festival would go on. His wife Jenna said it was tiring.",
            "Mr Tregar said the ID scheme was working.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [
        ("Owen Tregar",),
        ("Morwenna Tregar", "Jenna Tregar"),
        ("Owen Tregar",),
    ]
    assert person(result, "Morwenna Tregar").aliases == ("morwenna tregar",)  # "tregar" stays her father's


def test_a_single_name_after_a_title_is_a_person() -> None:
    result = attribute(["Prices will hold, Oil Minister Subagyo said.", "He added that demand was firm."])
    assert [p.speakers for p in result.paragraphs] == [("Subagyo",), ("Subagyo",)]
    assert "oil minister" in person(result, "Subagyo").roles


def test_a_known_name_misspelt_before_a_speech_verb_is_that_person() -> None:
    assert speakers(
        [
            "Agriculture Department official Tom VonGarlem said the plan was fine.",
            "VanGarlem said he will not extend the signup, saying he sees no reason.",
            "Bankers said the loans were safe.",
        ]
    ) == [("Tom VonGarlem",), ("Tom VonGarlem",), ()]


def test_a_nationality_before_a_full_name_is_not_part_of_it() -> None:
    result = attribute(
        ["Argentine Dario Vallen beat Croatian Ivo Markic in three sets.", '"It was hard," said Vallen.']
    )
    assert [p.name for p in result.people] == ["Dario Vallen", "Ivo Markic"]
    assert [p.speakers for p in result.paragraphs] == [(), ("Dario Vallen",)]


def test_a_people_described_is_not_a_person_but_a_surname_like_french_is() -> None:
    result = attribute(
        [
            "The festival honours Famous Japanese directors. Older Germans and Native Americans came too.",
            "Critic Philip French said it was long.",
        ]
    )
    assert [p.name for p in result.people] == ["Philip French"]


def test_a_state_or_city_demonym_before_a_full_name_is_not_part_of_it() -> None:
    result = attribute(["New Yorker Dick Morris ran the campaign. Texan Mike Chico was fined.", "Morris said he won."])
    assert [p.name for p in result.people] == ["Dick Morris", "Mike Chico"]  # not "Yorker Dick Morris"
    assert [p.speakers for p in result.paragraphs] == [(), ("Dick Morris",)]


def test_a_preposition_opening_a_sentence_is_not_part_of_a_name() -> None:
    result = attribute(
        [
            "Treasury Secretary Tom Vale said rates would fall.",
            "Behind Vale's remark was frustration over rates abroad. Besides Vale, nobody spoke.",
            "Whilst Vale is a popular man, he is not the best. Again Vale was late. Sure Vale is talented.",
        ]
    )
    assert [p.name for p in result.people] == ["Tom Vale"]


def test_given_name_that_is_also_an_organisation_word() -> None:
    result = speakers(["State attorney general Bill Vantor said the fines were fair."])
    assert result == [("Bill Vantor",)]


def test_a_bare_name_in_a_headline_addressed_by_title_later_is_a_person() -> None:
    result = attribute(
        [
            "The attorney general has denied his statement was drafted by officials.",
            "Lord Goldsmith said Lord Falconer played no part. He added the answer represented his view.",
        ],
        title="Goldsmith denies war advice claim",
    )
    assert [p.speakers for p in result.paragraphs] == [("Lord Goldsmith",), ("Lord Goldsmith",)]
    assert [p.name for p in result.people] == ["Lord Goldsmith", "Lord Falconer"]


def test_a_misspelt_name_after_a_headline_that_named_them_bare() -> None:
    # The headline's "Davenport" and "Lindsay Davenport" are one person, found once for "said Daveport".
    result = speakers(
        [
            "World number one Lindsay Davenport has criticised Wimbledon.",
            '"Women play three sets while men play five," said Daveport.',
        ],
        title="Davenport criticises Wimbledon",
    )
    assert result == [("Lindsay Davenport",), ("Lindsay Davenport",)]


def test_byline_is_not_a_person() -> None:
    result = attribute(["By Ana Petrova", "Luis Ortega said the ferry was late."])
    assert [p.name for p in result.people] == ["Luis Ortega"]


def test_title_introduces_names() -> None:
    result = speakers(["Grant visits the site.", "Grant said the bid was too low."], title="Row over Olivia Grant")
    assert result == [(), ("Olivia Grant",)]


def test_a_headlines_capitalised_first_word_makes_no_name_the_story_never_writes() -> None:
    # In 2,492 BBC and Reuters stories, every name opening a headline that the story never wrote was no one's:
    # "End Bush", "Dirty Den", "Latest Opera", "Troubled Marsh" (and "End Bush" took every "President Bush").
    paragraphs = ["Tony Blair urged leaders to end their denial over President Bush's re-election.", "Mr Bush smiled."]
    result = attribute(paragraphs, title="End Bush 'denial' Blair tells EU")
    assert [p.name for p in result.people] == ["Tony Blair", "Bush"]
    assert [(p.speakers, p.mentions) for p in result.paragraphs] == [(("Tony Blair",), ("Bush",)), ((), ("Bush",))]
    assert "singer" in person(attribute(["Sizzla said he was sorry."], title="Singer Sizzla jailed"), "Sizzla").roles
    assert speakers(["Olivia Grant said the bid was too low."], title="Olivia Grant in row") == [("Olivia Grant",)]


def test_misspelt_surname_resolves_to_the_only_close_person() -> None:
    matarefa = the_one_speaker(
        [
            "Union leader Billy Matarefa blamed the closures on the end of quotas.",
            "Mr Mafetara said thousands of jobs were at risk.",
            "Mr Matarefe added that talks would go on.",
        ],
        "Billy Matarefa",
    )
    assert {"mafetara", "mr matarefe"} <= set(matarefa.aliases)


def test_misspelt_surname_needs_one_close_candidate_of_five_letters() -> None:
    two = attribute(["Anna Kovalski met Piotr Kovalsky.", "Mr Kovalsko said nothing."])
    assert [p.name for p in two.people] == ["Anna Kovalski", "Piotr Kovalsky", "Kovalsko"]
    short = attribute(["Jo Bram spoke.", "Mr Brim said yes."])
    assert short.paragraphs[1].speakers == ("Brim",)


def test_headline_surname_then_knight_keeps_his_title() -> None:
    result = attribute(["Sir Alec Brannagh said the task was hard."], title="Brannagh fears Milan")
    assert [p.name for p in result.people] == ["Sir Alec Brannagh"]


def test_arabic_names_with_hyphened_particles_and_their_given_name_form() -> None:
    result = attribute(
        [
            "Kuwaiti Oil Minister Sheikh Ali al-Khalifa al-Sabah said no OPEC member was cheating.",
            "Sheikh Ali added that prices would hold.",
            "The deal was agreed with Vadim Mitroshin The minister said more.",
            "Fans sang Born In The USA.",
        ]
    )
    sabah = "Sheikh Ali al-Khalifa al-Sabah"
    assert [p.speakers for p in result.paragraphs[:2]] == [(sabah,), (sabah,)]
    assert "kuwaiti oil minister" in person(result, sabah).roles
    assert "Vadim Mitroshin" in [p.name for p in result.people]
    assert not any(p.name.startswith("Born") for p in result.people)


def test_a_name_met_first_as_one_word_after_an_inverted_verb_speaks() -> None:
    # Her first name was never given; the quote used to go to whoever spoke last.
    assert speakers(
        [
            "Kelly Sotherton won the heptathlon.",
            '"I was happy," said Smith.',
            "Smith added that the season had been long.",
            '"It went well," said Sotherton.',
        ]
    ) == [(), ("Smith",), ("Smith",), ("Kelly Sotherton",)]
    # A one-word misspelling of someone in the story is them, not someone new.
    assert speakers(["Lindsay Davenport won the final.", '"I am tired," said Daveport.']) == [
        (),
        ("Lindsay Davenport",),
    ]


def test_a_real_name_given_after_a_stage_name_is_the_same_person() -> None:
    result = attribute(
        [
            'Jay-Z, real name Shawn Carter, said: "I have inherited two of the most important brands."',
            '"I feel this is a giant step," Carter added.',
            "Sizzla, whose real name is Miguel Collins, said he would tour.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Jay-Z",), ("Jay-Z",), ("Sizzla",)]
    assert {"shawn carter", "carter"} <= set(person(result, "Jay-Z").aliases)
    assert "miguel collins" in person(result, "Sizzla").aliases


def test_a_name_given_with_aka_is_the_same_person() -> None:
    result = attribute(
        [
            "DJ Norman Cook - aka Fatboy Slim - has said that dance music is not dead.",
            '"The tabloid thing has been difficult at times," Cook said.',
            "Rapper Stefani Germanotta, aka Lady Gaga, said she would tour.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Norman Cook",), ("Norman Cook",), ("Stefani Germanotta",)]
    assert {"fatboy slim", "slim"} <= set(person(result, "Norman Cook").aliases)  # "what did slim say?"
    assert "lady gaga" in person(result, "Stefani Germanotta").aliases
    assert [p.name for p in result.people] == ["Norman Cook", "Stefani Germanotta"]


def test_a_real_name_is_of_the_name_right_before_it_only() -> None:
    # "Corey Miller" had become another name of the lawyer named before, not of C-Murder.
    result = attribute(
        [
            "The rapper's lawyer Ron Rakosky said the video was fine.",
            'Mr Rakosky said it was better than C-Murder, real name Corey Miller, "just sitting there".',
        ]
    )
    assert "corey miller" not in person(result, "Ron Rakosky").aliases


def test_an_auxiliary_opening_a_title_or_question_is_not_a_name() -> None:
    fox = (
        '"The special was vetted," said a Fox spokesman. The station chose to air a film, I Have Roots and '
        "Branches, instead."
    )
    assert speakers([fox]) == [("a Fox spokesman",)]
    greer = attribute(["Was Germaine Greer right to walk out of the house?"], "Greer walks out")
    assert [p.name for p in greer.people] == ["Germaine Greer"]


def test_a_weekday_after_a_full_name_dates_the_report() -> None:
    result = attribute(
        [
            "Treasury Secretary Arlo Venn said the dollar was stable.",
            "He met Finance Minister Orla Finch and Arlo Venn Monday in Frankfurt.",
            "England coach Mike Friday said the squad was ready.",
        ]
    )
    names = {p.name for p in result.people}
    assert {"Arlo Venn", "Mike Friday"} <= names and "Arlo Venn Monday" not in names
