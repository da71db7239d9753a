"""Which verbs report speech or a stated position, in which forms and voices, and which report nothing."""

from __future__ import annotations

from bot.attribution import attribute
from tests.attribution.helpers import speakers


def test_verbs_beyond_said() -> None:
    verbs = ["stressed", "emphasised", "underlined", "warned", "recalled", "briefed", "admitted", "replies"]
    for verb in verbs:
        paragraphs = ["Delia Farrow runs the port.", f"Ms Farrow {verb} that trade was growing."]
        assert speakers(paragraphs)[1] == ("Delia Farrow",), verb


def test_quoted_as_saying() -> None:
    result = speakers(
        [
            "Hojatoleslam Reza Kashani warned the West.",
            "The agency, received in Paris, quoted him as saying that talks were over.",
            "Kashani was quoted by the paper as saying the same.",
            "The radio quoted Kashani as saying he would travel.",
        ]
    )
    assert result == [("Reza Kashani",)] * 4


def test_idioms_and_verbs_of_speech_in_news() -> None:
    result = attribute(
        [
            "India's finance minister, Palan Chidra, lashed out at the trade rules of rich countries.",
            "Gill Shepley remembered how one colleague called her dear.",
        ]
    )
    assert [p.speakers for p in result.paragraphs] == [("Palan Chidra",), ("Gill Shepley",)]


def test_a_participle_reporting_a_quotation_after_a_colon() -> None:
    result = speakers(
        [
            "Jose Mourinho watched the game at Spurs.",
            'He had his say on it, complaining: "Five-four is a hockey score."',
            'Paul Boateng was elected in 1987, declaring "today Brent South, tomorrow Soweto".',
        ]
    )
    assert result == [(), ("Jose Mourinho",), ("Paul Boateng",)]


def test_hitting_out_and_launching_an_attack_state_a_position() -> None:
    result = speakers(
        [
            "Hollywood legend Dustin Hoffman has hit out at the quality of current films.",
            'Michael Howard has launched an attack on the cost of Britain\'s "chaotic" asylum system.',
            "Wanderers hit back through Giannakopoulos.",
        ]
    )
    assert result == [("Dustin Hoffman",), ("Michael Howard",), ()]


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


def test_stance_verbs_report_a_position() -> None:
    stances = [
        "blamed the closures on the weather",
        "criticised the plan",
        "welcomed the ruling",
        "has called for a review",
        "urged ministers to act",
        "accused the board of delay",
        "defended the decision",
        "dismissed the claims",
        "rejected the offer",
        "conceded defeat",
        "vowed to fight on",
        "promised a rethink",
        "fears it could close",
        "hopes the talks will succeed",
        "expects growth to slow",
        "hit back at critics",
        "attacked the budget",
        "praised the staff",
        "questioned the figures",
        "challenged the ruling",
        "demanded an apology",
        "appealed for calm",
        "has re-opened the debate on fees",
        "has thrown her weight behind the bid",
        "has ruled out a tax rise",
        "played down reports of a rift",
        "paid tribute to the crew",
        "has given her backing to the plan",
        "refused to comment on the offer",
        "declined to be drawn on the sale",
        "opposed a further fall in the dollar",
        "rubbished suggestions of a move",
        "pleaded with voters to turn out",
        "points out that costs have risen",
        "would not confirm the sale",
        "made clear she would stay",
        "has made it clear that the deal is off",
        "notes that costs have risen",
        "denounced the war as a waste",
        "attributed the fall to a weak dollar",
        "declined comment on the report",
    ]
    for stance in stances:
        assert speakers(["Wren Halloway runs the port.", f"Ms Halloway {stance}."])[1] == ("Wren Halloway",), stance
    assert speakers(["Wren Halloway runs the port.", "Now she fears it could close."])[1] == ("Wren Halloway",)
    assert speakers(["Wren Halloway runs the port.", "Halloway claims that it pays."])[1] == ("Wren Halloway",)
    assert speakers(["Wren Halloway runs the port.", "Ms Halloway has apologised."])[1] == ("Wren Halloway",)
    # ... but not the nouns: "The notes that were found", "a report made clear" (nobody named speaks).
    assert speakers(["Wren Halloway runs the port.", "The notes that were found are lost."])[1] == ()
    assert speakers(["Wren Halloway runs the port.", "The report made clear that costs rose."])[1] == ()


def test_a_participle_after_a_preposition_is_said_by_the_sentences_subject() -> None:
    result = speakers(
        [
            "Corvania has ordered the deportation of actress Ines Okafor after saying she worked illegally.",
            "Tomas Brandt responded by saying the plan was sound.",
            "Chief Minister Dara Quill answered the critics by saying they were wrong.",
        ]
    )
    assert result == [(), ("Tomas Brandt",), ("Dara Quill",)]


def test_a_speech_verbs_ing_form_after_a_comma_or_preposition_reports_the_sentences_subject() -> None:
    result = speakers(
        [
            "Ivo Marsh stepped up his feud with Tomas Brandt by claiming the manager is a disgrace.",
            "Dara Quill does not back the plan, arguing that it costs too much.",
            "Hugo Brandt has issued a rallying cry, telling supporters to vote.",
            "Mr Evans sued Nadia Mann in 2001, claiming he came up with the idea.",
        ]
    )
    assert result == [("Ivo Marsh",), ("Dara Quill",), ("Hugo Brandt",), ("Evans",)]


def test_an_ing_form_that_reports_nothing_is_no_speech() -> None:
    result = speakers(
        [
            "Ivo Marsh stormed to victory, claiming the men's 800m title in Erfurt.",
            "Dara Quill took the women's race by claiming an impressive win.",
            "Hugo Brandt ran the schools, while insisting on higher standards.",
        ]
    )
    assert result == [(), (), ()]


def test_stance_words_used_as_nouns_or_in_sport_are_not_speech() -> None:
    result = speakers(
        [
            "Dara Quill and Ben Osei won, boosting their Grammy hopes this month.",
            "The Liberals backed Tory demands for a vote.",
            "Rovers hit back through Tomas Ekwueme, who scored a volley.",
            "Ultimately, games let us play with our hopes, fears and beliefs.",
            "The console has been welcomed by Corvania fans. It was attacked by Iran. Diplomats said so.",
            "With Tomas Ekwueme ruled out of the opening two matches, Rovers need a striker.",
            "Sticking points to membership have included limits set by Dara Quill.",
            "Ben Osei pleaded guilty to fraud.",
            "Addressing claims that the port was unsafe, the council met.",
        ]
    )
    assert result == [(), (), (), (), (), (), (), (), ()]


def test_passive_voice_credits_the_agent_not_the_subject() -> None:
    # "X was criticised by Y": Y stated the criticism, so Y speaks and X does not. Verbs whose
    # passive is seldom about speech ("was dismissed by the club") credit nobody.
    result = speakers(
        [
            "Fenna Vos was criticised by Arlo Stenmark over the delay.",
            "The report was welcomed by shadow pensions secretary Ivo Marsh.",
            "The plan was attacked by the Corvania Grain Board.",
            "Vos was dismissed by the club. The leave was agreed by a psychiatric adviser.",
        ]
    )
    assert result == [("Arlo Stenmark",), ("Ivo Marsh",), ("Corvania Grain Board",), ()]


def test_a_supposition_is_not_reported_speech() -> None:
    result = speakers(
        [
            "If Alex Kapranos genuinely thinks the industry should be funded, he is wrong.",
            "Unless the minister says otherwise, the plan stands.",
            "Kapranos said music needed help. If he says so, fine.",
            "Andy Robinson praised the side, even if he admitted Cardiff was tough.",
        ]
    )
    assert result == [(), (), ("Alex Kapranos",), ("Andy Robinson",)]


def test_positions_stated_in_other_words_and_a_role_with_an_initialism() -> None:
    result = speakers(
        [
            "Responsibility lies with those countries, said U.S. trade representative Clayton Yeutter.",
            "Bundesbank President Karl Otto Poehl expressed surprise that markets had ignored the data.",
            "Mr Yeutter reminded the news conference that talks could lead to action.",
            "The fans were reminded of the rules by police chief John Hall.",
        ]
    )
    assert result == [("Clayton Yeutter",), ("Karl Otto Poehl",), ("Clayton Yeutter",), ()]


def test_a_stance_expressed_or_voiced_with_a_determiner_a_qualifier_or_in_quotation_marks() -> None:
    result = speakers(
        [
            'Greek Prime Minister Andreas Papandreou expressed "restricted optimism" about the crisis.',
            "David Beckham expressed his relief at the result.",
            "World Bank President Barber Conable voiced strong opposition to the bill.",
            "The views expressed by John Hall were his own.",
        ]
    )
    assert result == [("Andreas Papandreou",), ("David Beckham",), ("Barber Conable",), ()]


def test_a_speech_verb_in_its_ing_form_after_be() -> None:
    result = speakers(
        [
            "Tony Blair is urging European leaders to wake up.",
            "The warning came as Mr Smith left.",
            "Urging calm, John Major left the hall.",
        ]
    )
    assert result == [("Tony Blair",), (), ()]


def test_naming_citing_and_a_unit_of_the_employer() -> None:
    result = speakers(
        [
            'French president Jacques Chirac has called the rebate "unjustified".',
            "Mr Blair called a meeting of the cabinet.",
            "Harkin cited what he termed excessive returns at Kellogg.",
            "Director Sixten Korkman at the Bank of Finland's monetary department said the bank would act.",
        ]
    )
    assert result == [("Jacques Chirac",), (), ("Harkin",), ("Sixten Korkman",)]


def test_say_after_an_auxiliary_and_in_the_plural_present() -> None:
    assert speakers(
        [
            "Clayton Yeutter spoke in Washington.",
            "Yeutter did say that U.S. farm products would be targeted if Tokyo decided to hit back.",
            "The Tories say the plan is flawed.",
            "I'd say that the likelihood of an attack was small.",
        ]
    ) == [("Clayton Yeutter",), ("Clayton Yeutter",), ("Tories",), ()]


def test_a_person_speaks_through_their_statement_or_book() -> None:
    assert speakers(
        [
            "Calisto Tanzi founded Parmalat.",
            '"I apologise to all who have suffered," Mr Tanzi\'s statement said.',
            "Robert Peston's new book says the two men fell out.",
        ]
    ) == [(), ("Calisto Tanzi",), ("Robert Peston",)]


def test_a_speech_verbs_ing_form_after_be_and_an_adverb_reports_speech() -> None:
    assert speakers(
        [
            "Tony Blair says the manifesto will be New Labour.",
            "He is saying that prosperity means wealth.",
            "Nicole Kidman sued the paper. She is also claiming damages for distress.",
            "Smith announced a plan, saying it would work.",
            "He was told to leave.",
        ]
    ) == [("Tony Blair",), ("Tony Blair",), ("Nicole Kidman",), ("Smith",), ()]


def test_a_forecast_made_is_said_but_the_forecast_is_a_noun() -> None:
    result = speakers(
        [
            "Japan's surplus will grow, the Organisation for Trade Studies said.",
            "It forecast a slowing in domestic growth to two pct.",
            "The forecast looks positive for bonds.",
            "Conade forecast total exports of 1.7 billion dlrs.",
        ]
    )
    assert result == [("Organisation for Trade Studies",)] * 2 + [(), ("Conade",)]


def test_claiming_a_thing_won_is_no_speech_but_claiming_a_clause_is() -> None:
    result = speakers(
        [
            "Rafael Benitez refused to blame Jerzy Dudek after Portsmouth claimed a draw at Anfield.",
            "But Susan Deacon claimed her first AAAs title, edging Fraser into second.",
            "Tony Blair claimed a Tory government would cut spending.",
            "Nadia Bell claimed the government was on the ropes.",
        ]
    )
    assert result == [(), (), ("Tony Blair",), ("Nadia Bell",)]


def test_going_on_or_adding_to_something_is_no_speech() -> None:
    result = speakers(
        [
            "Hale Corp said it would hire. Hale Corp continues to enjoy a lead over its rivals.",
            "A row between Tobin Marsh and Ivo Reed has added to the woes of the markets, bankers said.",
            "Kelly Sotherton continued to show she is developing.",
            'Tobin Marsh continued: "We are ready."',
        ]
    )
    assert result == [("Hale Corp",), (), (), ("Tobin Marsh",)]


def test_a_persons_pronoun_makes_claims_a_verb_whatever_follows() -> None:
    result = speakers(
        [
            "New boss Enrico Vance has taken action. He claims the banks were aware of the problems.",
            "Nadia Bell won an order against two men who she claims left her fearful.",
            "The book is out. It claims Tobin Marsh felt he had lost voters' trust.",
        ]
    )
    assert result == [("Enrico Vance",), ("Nadia Bell",), ()]


def test_an_amount_added_is_no_speech() -> None:
    result = speakers(
        [
            "Daiwa Bank said it would merge. Daiwa Bank added 5.3% to 740 yen.",
            "Gordon Brown froze fuel duty in 2004. In 2003 he added 1.28p per litre.",
            "Gordon Brown added that duty would rise.",
        ]
    )
    assert result == [("Daiwa Bank",), (), ("Gordon Brown",)]
