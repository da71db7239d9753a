#!/usr/bin/env python3
"""Build own2.jsonl (second held-out set, ids p001-p050) from the specs below.  Copied from build_own.py:
each gold is (doc, anchor); the quote is cut from the paragraph that contains `anchor`, starting at the
anchor, 60-110 chars ending at a word boundary (byte-exact copy of the corpus text).
No article or speaker of dev.jsonl / own.jsonl is reused.  Run `python3 check_own2.py` afterwards."""
import json, re, os
ROOT = '/work/shared/corpus/'
SPLIT = re.compile(r'\n[ \t]*\n')
def paras(doc):
    p = ROOT + (doc if doc.startswith(('reuters/', 'azernews/')) else 'bbc/' + doc)
    t = open(p, 'rb').read().decode('utf-8', errors='replace')
    return [x for x in SPLIT.split(t) if x.strip()]
def cut(doc, anchor, maxlen=110):
    hits = [p for p in paras(doc) if anchor in p]
    assert len(hits) == 1, (doc, anchor, len(hits))
    p = hits[0]; i = p.index(anchor); rest = p[i:]
    if len(rest) <= maxlen: q = rest.rstrip()
    else:
        q = rest[:maxlen]
        j = q.rfind(' ')
        if j >= 60: q = q[:j]
    q = q.rstrip(' ,;:')
    assert 40 <= len(q) <= 120, (doc, anchor, q)
    return q

ST, SO, TO, NA = 'speaker_topic', 'speaker_only', 'topic_only', 'no_answer'
Q = [
# ================= Reuters (20) =================
# ---- speaker_topic (10)
("what did the west german finance minister say about baker's criticism?", ST,
 [("reuters/20631.txt", "Finance Minister Gerhard Stoltenberg said he was surprised by recent criticism"),
  ("reuters/20631.txt", "Stoltenberg told the West German Trade and Industry Association (DIHT)"),
  ("reuters/20631.txt", "Stoltenberg told the DIHT that his meeting on Monday with Baker"),
  ("reuters/20631.txt", "At a news conference earlier on Tuesday Stoltenberg had declined")],
 "Hard: role-only (Stoltenberg not named in the question); #4 of the same story is Baker's criticism itself (Baker speaking, not an answer); Stoltenberg appears in ~14 other Reuters stories (Louvre accord, Paris accord, the Frankfurt meeting 20071/20500) and 21508 #4 has him rebutting Poehl's criticism (distractor). 20868 #19 (spokesman quoting him as assuming cooperation continues) left out: not about the criticism."),
("poehl on a trade war between the US and europe", ST,
 [("reuters/19557.txt", "Asked about his expectations of a U.S.-European Community trade war"),
  ("reuters/19557.txt", "\"For this reason we in Europe must avoid everything used by protectionist forces")],
 "Medium: #7 has no name ('he added') and speaks of protectionism, not 'trade war'; Poehl appears in ~14 other Reuters stories on interest rates and the dollar (other topics)."),
("did deng xiaoping put a cap on how much grain china buys abroad?", ST,
 [("reuters/8161.txt", "China's top leader Deng Xiaoping said China must not import more than 10 mln tonnes"),
  ("reuters/8161.txt", "\"We should in our overall economic planning put agriculture in its proper place")],
 "Medium: wording differs ('cap', 'buys abroad' vs 'must not import more than 10 mln tonnes'); #5 is 'he said'; #3/#4/#6 quote Deng on grain output, pig feed and grain prices, not imports; many Reuters grain-import stories (USSR, Taiwan) are lexical distractors."),
("what did robert anderson say about spare production capacity", ST,
 [("reuters/20869.txt", "Anderson, who retired from Arco last year to form Hondo Oil and Gas Co"),
  ("reuters/20869.txt", "\"If you looked around the world, you could not scrape up one mln barrels")],
 "Hard: article says 'excess capacity cushion' and 'shut-in production', not 'spare capacity'; #4 is 'he said'; #2/#5/#6 are Anderson on the coming crisis and prices; several other Andersons in BBC (Pamela, Gerry, a baseball trainer)."),
("what did iran's oil minister say about suing the united states", ST,
 [("reuters/20101.txt", "Iran is preparing lawsuits to file for compensation from the U.S."),
  ("reuters/20101.txt", "The lawsuits would be filed with competent international bodies")],
 "Medium: role-only (Aqazadeh); #2 is 'he was quoted'; #3-#8 cover damage, Hormuz and oil prices; Aqazadeh also speaks on OPEC in 3452 (other topic)."),
("what did donald mciver say about exploring for oil closer to home?", ST,
 [("reuters/8131.txt", "McIvor said it was important to continue to search for oil outside the Middle East"),
  ("reuters/8131.txt", "\"It is important to enhance the likelihood of home-country discoveries")],
 "Hard: name misspelt (McIvor); 'closer to home' vs 'outside the Middle East'/'home-country discoveries'; #9 is 'he said'; the rest of the speech (reserves in the Middle East, super-giant fields) is McIvor on other points."),
("volcker's comments on brazil's debt problems", ST,
 [("reuters/13946.txt", "Brazil has the potential for becoming a leading world economic power"),
  ("reuters/13946.txt", "He said it will take a concerted effort to regularize Brazil's external payments"),
  ("reuters/13946.txt", "\"The key prerequisite is clearly in the hands of Brazilian authorities"),
  ("reuters/13946.txt", "Both Brazil and its creditors have a strong incentive to work together")],
 "Hard: #5 and #6 have no name ('He said', 'he said'); #1-#3 are Volcker on debtor nations in general (not Brazil); Volcker appears in ~20 other Reuters stories (dollar, trade gap, bank proposals); Brazil's debt moratorium appears in 3869/4953 without Volcker."),
("what did the EC commission president blame the market turmoil on?", ST,
 [("reuters/20922.txt", "Delors said the current problems in the markets had been caused by excessive growth"),
  ("reuters/20922.txt", "He said it was \"profoundly unjust\" to blame it on recent increases")],
 "Medium: role-only (Delors); #5 is 'He said'; #1-#3 are Delors on a G-7 meeting and the EMS; Delors is mentioned in 12650/12815/13244 on capital liberalisation."),
("did the canadian finance minister mention jobs", ST,
 [("reuters/2406.txt", "The minister said the flow of funds from abroad would generate many new jobs")],
 "Hard: role-only (Michael Wilson); the answer says 'The minister'; #5 names Wilson and mentions jobs but is the opposition's question, not his answer (distractor); Wilson also speaks in 2074 (western Canada) and 15253 (G-7 meeting), other topics; Wilsons elsewhere in BBC."),
("what has mulford said about germany and japan doing their share?", ST,
 [("reuters/9957.txt", "Treasury Assistant Secretary David Mulford said he did not believe that West Germany"),
  ("reuters/9957.txt", "\"I do not believe they have up to this time,\" Mulford told"),
  ("reuters/9957.txt", "He stressed both Germany and Japan must continue to take economic")],
 "Medium: 'doing their share' vs 'carried out their international responsibilities'; #2 is a bare quote with 'they'; #7 is 'He stressed'; #3-#6 are about NICs, OECD growth and Latin imports; Canada's Wilson says Germany and Japan 'could do a little more' in 15253 #2 (distractor speaker, same topic)."),
# ---- speaker_only (3)
("What did Dan Stevens say?", SO,
 [("reuters/17771.txt", "Dan Stevens, manager of public and government affairs at Texaco"),
  ("reuters/17771.txt", "He said the segment of the pipeline that was damaged was underground"),
  ("reuters/17771.txt", "Texaco's Stevens said that aerial surveillance has not found any crude")],
 "Medium: #12 is 'He said'; #2 and #5 are an unnamed company source, #7 the analyst Beutel (distractors); other Stevenses in BBC (Sir John Stevens, sport)."),
("what did elmano barbosa say", SO,
 [("reuters/3869.txt", "One of the strike leaders, Elmano Barbosa, said")],
 "Easy/medium: one line in a long Brazil strike story; strike-headquarters spokesmen speak in #14/#15 and in 4953/8950 (distractors)."),
("giles keating's comments", SO,
 [("reuters/20868.txt", "\"It seems to me that this is the Bundesbank beating quite a significant retreat"),
  ("reuters/20500.txt", "Giles Keating, economist with Credit Suisse First Boston Ltd in London said")],
 "Hard: two articles; Australian treasurer Paul Keating speaks in 7662 and 9751 (surname distractor); in 20868 the name comes after the quote."),
# ---- topic_only (3)
("what was said about freight costs for thai sugar?", TO,
 [("reuters/18128.txt", "The Far Eastern sugar market is being hit by a tightening"),
  ("reuters/18128.txt", "This has resulted in a hardening of freight rates"),
  ("reuters/18128.txt", "Charterers are considering combining contracted shipments")],
 "Medium: 'costs' vs 'freight space'/'freight rates'; #4 (a traded cargo price) is not about freight."),
("have the troops left brazil's oil refineries?", TO,
 [("reuters/4953.txt", "Brazil's labour troubles eased a little today as the authorities announced"),
  ("reuters/4953.txt", "Petrobras said in a statement today it had requested the withdrawal")],
 "Hard: 3869 #1/#2 (troops sent into the refineries two days earlier) is a strong distractor; #2 of 4953 is background on why they went in; marines remaining in ports (#4) is not the refineries."),
("any news on the rio de janeiro dock strike", TO,
 [("reuters/18851.txt", "Rio de Janeiro's 3,500 dockworkers went on strike"),
  ("reuters/18851.txt", "The Rio dockers did not get support from their colleagues in Santos"),
  ("reuters/18851.txt", "A Rio port spokesman said the halt would cause daily losses")],
 "Medium: the seamen's strike run from Rio headquarters (3869, 4953, 8950) is a distractor; #3 (a national dockers' strike called off earlier) is background, not the Rio strike."),
# ---- no_answer (4)
("volcker on the price of crude", NA, [],
 "Hard no_answer: Volcker appears in ~23 Reuters stories (dollar, trade gap, debt, bank proposals) but no paragraph with Volcker mentions oil/crude/OPEC."),
("did stoltenberg say anything about unemployment?", NA, [],
 "Hard no_answer: Stoltenberg appears in ~15 stories (Louvre accord, dollar, trade figures, growth forecasts) but never on unemployment/jobs."),
("What did Mitterrand say about the franc?", NA, [],
 "no_answer: person absent from the corpus; the franc, Chirac and Balladur on currencies are tempting distractors."),
("what was agreed at the toronto economic summit?", NA, [],
 "Hard no_answer: named event absent (1988); 'Toronto' occurs (gold index, a musical) and G-7/summit paragraphs abound, but never together."),
# ================= BBC (30) =================
# ---- speaker_topic (14)
("what did ronnie corbett say about bad language on tv", ST,
 [("entertainment/311.txt", "Speaking to the Radio Times, the Two Ronnies star said there is too much bad language"),
  ("entertainment/311.txt", "Corbett said he and Barker were always mindful of their family audience")],
 "Hard: #2 names him by role ('the Two Ronnies star'); #3 opens with Victoria Wood and David Jason speaking (distractors) and his swearing remark comes at the end; #4 is Corbett on reality TV."),
("what did dustin hofman say about losing interest in acting", ST,
 [("entertainment/315.txt", "The star of Rain Man and Tootsie said the film culture"),
  ("entertainment/315.txt", "Hoffman also said he stopped working a few years ago")],
 "Medium: name misspelt; 'losing interest' vs 'lost his spark'; #2 says 'The star of Rain Man'; #3 is Hoffman on film culture; Hoffman appears in cast lists of box-office articles."),
("did tony robinson say he'd like to do more blackadder?", ST,
 [("entertainment/310.txt", "Tony Robinson, who played the servant Baldrick")],
 "Medium: #1 is the BBC denying a comeback (not Robinson); many other Robinsons speak (Andy and Jason Robinson in rugby, Anne Robinson in dev)."),
("what did negar khan say about being deported", ST,
 [("entertainment/349.txt", "The distressed actress told media she was being driven straight"),
  ("entertainment/349.txt", "Khan told an Indian news channel on her mobile phone")],
 "Medium: #2 calls her 'The distressed actress'; #3 also quotes deputy police chief Bipin Bihari; Amnesty's Irene Khan (politics/279) is a surname distractor."),
("john woodward on diversity in the film workforce", ST,
 [("entertainment/351.txt", "UK Film Council chief executive John Woodward said")],
 "Hard: Sir Clive Woodward is quoted in many sport articles; John Woodward also speaks in entertainment/371 on short-film funding (other topic); #2/#3 are study figures, not his words."),
("campese on robinson captaining from full-back", ST,
 [("sport/330.txt", "Campese, a veteran of 101 international caps")],
 "Hard: Brian Moore says the same thing in sport/347 (distractor speaker, same topic); Campese's other paragraphs are about whingeing, the coach and Wales."),
("what did brian moore say about the england captaincy", ST,
 [("sport/347.txt", "Brian Moore believes the England captain should not be a full-back."),
  ("sport/347.txt", "And former England captain Moore told the BBC")],
 "Medium: Campese makes the same point (sport/330 #5, distractor); #3 is Moore on young players; 'Moore' also matches other people in sport."),
("what did the amnesty chief say about guantanamo bay", ST,
 [("politics/279.txt", "Ms Khan highlighted detentions without trial")],
 "Hard: role-only (Irene Khan); Guantanamo appears in 7 other politics articles with other speakers (Tutu, released detainees, ministers); her other paragraphs are about the war on terror generally."),
("nattrass on germany", ST,
 [("politics/292.txt", "A UK Independence Party MEP suggested Germany saw the EU"),
  ("politics/292.txt", "The documentary showed Mr Nattrass, apparently talking about the EU")],
 "Medium: #1 starts with 'A UK Independence Party MEP'; #3/#4 are Kilroy-Silk, Farage and Batten (distractors)."),
("did andy hayman say anything about binge drinking", ST,
 [("politics/198.txt", "Chief constable Mr Hayman acknowledged that binge drinking did cause problems")],
 "Hard: #3 contains 'binge drinking' but in the Met chief Sir John Stevens' words, and #4 starts with Blair and Mark Oaten; Hayman's own binge remark is at the end of #4; 24-hour drinking is covered in other politics articles."),
("what did the scottish justice minister say about banning fans from matches", ST,
 [("politics/219.txt", "Scotland's justice minister has warned bigoted soccer fans"),
  ("politics/219.txt", "Cathy Jamieson said exclusion orders are one of a series"),
  ("politics/219.txt", "We have of course already indicated that we will consider the introduction of banning")],
 "Medium: role-only; 'exclusion orders' vs 'banning orders'; #3/#4 are Jamieson on the summit and sectarian violence; BPI's Peter Jamieson is a name distractor."),
("what did jp morgan's bosses say about the bank's links to slavery", ST,
 [("business/477.txt", "\"We all know slavery existed in our country")],
 "Medium: the quote sits mid-paragraph after the figures; #1/#2 describe the findings without their words."),
("what did the cepes coordinator say about irrigation", ST,
 [("tech/006.txt", "\"Water is the main element that unites them all.")],
 "Hard: role-only (Carlos Saldarriaga); #2 mentions irrigation without a speaker; he speaks in #4, #6, #7 on training, the project and light bulbs."),
("did martin owen say anything about grand theft auto", ST,
 [("tech/071.txt", "\"Even in Grand Theft Auto it is not just the violence")],
 "Hard: the remark closes a long paragraph that starts with Angela MacFarlane's research; GTA is discussed in 8 other tech articles; Michael Owen (Wales rugby) is a name distractor; Owen's other quotes (#2, #4) are on games and learning."),
# ---- speaker_only (5)
("what did saint andre say", SO,
 [("sport/358.txt", "Sale Sharks director of rugby Philippe Saint-Andre has re-opened"),
  ("sport/358.txt", "Sale host Bath in the Powergen Cup on Friday"),
  ("sport/358.txt", "Now he fears it could derail the club's hopes")],
 "Hard: question drops the hyphen; #3 names him only as 'he'; #4/#5 are Nigel Melville and Simpson-Daniel at Gloucester on the same club-v-country theme (distractors)."),
("billy macaefa's comments", SO,
 [("business/442.txt", "Factory Workers Union secretary general Billy Macaefa blamed"),
  ("business/442.txt", "\"We understand that some (owners)"),
  ("business/442.txt", "Mr Mafeca said he expected more companies to leave")],
 "Hard: #3 is a bare quote ('Mr Macaefa said' mid-way) and #4 spells him 'Mafeca'; #1 (union officers told AP) is not attributed to him."),
("what did andrew fisher say", SO,
 [("tech/209.txt", "Andrew Fisher, from Omaha, Nebraska, said"),
  ("tech/209.txt", "On the online auction, Mr Fisher describes himself")],
 "Medium: many other Fishers in business/politics articles; #1 is the summary without his name."),
("what did toshihiko horiuchi say", SO,
 [("tech/356.txt", "Explaining why Hitachi's Emiew used wheels instead of feet")],
 "Medium: his quote is in the middle of #2; the robot 'Pal' also 'told reporters' later in the article (distractor)."),
("What did Rhian Beynon say?", SO,
 [("politics/215.txt", "Rhian Beynon of the JCWI said"),
  ("politics/215.txt", "\"These rules means in some cases the Home Secretary")],
 "Medium: #5 is a bare quote ('Ms Beynon said' at its end) followed by the Joint Committee on Human Rights; Des Browne and Mark Rimmer speak elsewhere in the article."),
# ---- topic_only (5)
("was the murdered dutch director's film dropped from the festival?", TO,
 [("entertainment/329.txt", "Murdered director Theo van Gogh's controversial film Submission"),
  ("entertainment/329.txt", "It was one of three of his works to be shown")],
 "Medium: no names in the question; entertainment/057 (his last film 06/05 premiered) and 029 (Rotterdam festival, Baghdad Blogger) are distractors."),
("any news on wales training with a rugby league side", TO,
 [("sport/357.txt", "Wales could follow England's lead by training"),
  ("sport/357.txt", "England have already had a three-day session with Leeds Rhinos")],
 "Medium: 'side' vs 'club'; many Wales rugby union articles are lexical distractors."),
("what happened to the leicester sham marriage gang", TO,
 [("politics/215.txt", "Over the last year immigration service operations against marriages of convenience")],
 "Medium: only one paragraph of the new-marriage-rules story is about the Leicester network; #2-#5 are about the rules."),
("any news on the algerian protests over gas prices", TO,
 [("business/502.txt", "Algeria suffered a weekend of violent protests"),
  ("business/502.txt", "Demonstrators in a number of regions blocked roads"),
  ("business/502.txt", "Demonstrators took to the streets last week")],
 "Easy/medium: short article, all body paragraphs answer; no other article covers the riots (grep Algeria+gas/riot: only business/502); other energy-price articles are lexical distractors."),
("is anyone suing apple because itunes songs only play on the ipod?", TO,
 [("tech/148.txt", "A user of Apple's iTunes music service is suing"),
  ("tech/148.txt", "He says Apple is breaking anti-competition laws"),
  ("tech/148.txt", "\"Apple has turned an open and interactive standard"),
  ("tech/148.txt", "More than 200 million songs have been sold")],
 "Medium: four paragraphs of the lawsuit story; other Apple lawsuits (blogger sources, tech/355 in own.jsonl) and iPod articles are distractors."),
# ---- no_answer (6)
("did ronnie corbett say anything about the licence fee", NA, [],
 "Hard no_answer: Corbett speaks only in entertainment/311 (bad language, reality TV, quiz shows) and never on the licence fee, which many BBC articles discuss."),
("cathy jamieson on knife crime", NA, [],
 "Hard no_answer: Jamieson speaks on sectarianism (politics/219) and reoffending (politics/204) but never on knives."),
("what has nattrass said about immigration?", NA, [],
 "Hard no_answer: Nattrass only speaks about Germany and the EU (politics/292); immigration is a common politics topic (Kilroy-Silk's Veritas, Howard)."),
("What did Hillary Clinton say about violent video games?", NA, [],
 "no_answer: person absent (grep Hillary: 0); violent video games are discussed by Jowell, Hewitt and others (distractors)."),
("any news on the oxford v cambridge boat race?", NA, [],
 "Hard no_answer: 'boat race' never occurs and no paragraph has Oxford, Cambridge and rowing/boat together; each word is common."),
("any news on the band aid 30 single", NA, [],
 "Hard no_answer: Band Aid 20 (2004) is widely covered in entertainment, but 'Band Aid 30' does not exist in the corpus."),
]

out = []
for n, (q, kind, gold, notes) in enumerate(Q, 1):
    g = [{"doc": d, "quote": cut(d, a)} for d, a in gold]
    out.append({"id": f"p{n:03d}", "question": q, "kind": kind, "gold": g, "notes": notes})
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'own2.jsonl'), 'w', encoding='utf-8') as f:
    for o in out: f.write(json.dumps(o, ensure_ascii=False) + '\n')
print(len(out), 'questions written')
