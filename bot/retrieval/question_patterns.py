"""The phrasings a question is read by: what asks about a topic alone ("any news on Y?", "what was said about
Y?"), and what names a speaker and perhaps a topic ("what did X say about Y?", "X's comments on Y"), tried in that
order. Their building blocks serve the rest of the reading too (``query.py``)."""

from __future__ import annotations

import re

from bot.retrieval.periods import PERIOD

_SPEECH_VERBS = (
    r"say|said|says|saying|tell|told|think|thought|thinks|mention|mentioned|comment|commented|claim|claimed"
    r"|announce|announced|stress|stressed|note|noted|argue|argued|warn|warned|write|wrote|speak|spoke|believe"
    r"|believes|talk|talked|suggest|suggested|have to say|had to say|got to say|quoted as saying|reveal|revealed"
    r"|admit|admitted|promise|promised|insist|insisted|explain|explained|deny|denied|predict|predicted|pledge"
    r"|pledged|urge|urged|confirm|confirmed|concede|conceded|acknowledge|acknowledged|describe|described"
    r"|discuss|discussed|vow|vowed|forecast|forecasted|reckon|reckoned|feel|felt|add|added|state|stated"
    r"|quoted saying|point out|pointed out|spell out|spelt out|spelled out"
)
# "did X mention Y?", "did X blame Y?": what a person is asked to have said on a topic, right before it.
WORDS_ON = (
    r"mention|mentioned|talk about|talked about|discuss|discussed|comment on|commented on|speak about|speak on"
    r"|spoken about|spoken on|say anything about|said anything about|say something about|address|addressed|raise"
    r"|raised|criticise|criticised|criticize|criticized|refer to|referred to|bring up|brought up|defend|defended"
    r"|praise|praised|welcome|welcomed|reject|rejected|condemn|condemned|blame|blamed|accuse|accused|urge|urged"
    r"|call for|called for|respond to|responded to|react to|reacted to|reply to|replied to"
    r"|warn about|warned about|warn of|warned of|warn against|warned against|complain about|complained about"
    r"|insist on|insisted on"
)
# "quoted", "cited people", "cited sources": who the articles quote, after "most" (on a topic or in the whole archive).
MOST_QUOTED = r"(?:quoted|cited)(?: (?:person|people|voices?|sources?|speakers?|names?))?"
# "who commented on Y?", "who else has warned about Y?", "who was quoted on Y?", "did anyone comment on Y?", "has
# anybody said anything about Y?", "list everyone who spoke about Y": the people quoted on a topic.
WHO_SPOKE = (
    r"(?:(?:(?:(?:list|name|show me|tell me|give me) )?(?:everyone|everybody|all (?:those|the people)|(?:the )?people)"
    r" (?:who|that)|who|(?:(?:did|has|have|had|was|were|is) )?(?:anyone|anybody|any one|someone|somebody)) "
    r"(?:(?:has|have|had|else|was|were|is|are|been) )*(?:said|says|spoke|spoken|talked|commented|mentioned"
    r"|discussed|raised|quoted|criticised|criticized|warned|reacted|responded|complained|defended|objected"
    r"|(?:weighed|spoke|spoken) (?:in|out)|say|speak|talk|comment|mention|react|respond|weigh in|speak out"
    r"|discuss|raise|criticise|criticize|warn|complain|defend|object)"
    # "who's the most quoted person (on Y)", "who gets quoted most", "the most quoted people (on Y)"
    rf"|(?:who(?:['’]s| is| was| are| were)? (?:the )?|(?:the )?)most (?:often )?{MOST_QUOTED}"
    r"|who(?:['’]s| is| are)? (?:gets? |being )?quoted)"
)
# A speaker typed before what asks about them never ends on a word joining a name's parts: "has war on want said
# anything…" is War on Want's words, not a "war on" that wants something.
_SPEAKER = r"(?P<s>.+?)(?<! on)(?<! of)(?<! for)(?<! and)(?<! the)"
ON_THE_SUBJECT = r"on the (?:subject|issue|question|matter|topic) of"
ABOUT = (
    # Longer phrases first: "on the subject of oil" is about oil, not about "the subject of oil".
    rf"(?:{ON_THE_SUBJECT}|with respect to|in respect of|in relation to"
    r"|with regards? to|in regards? to|as regards|when it comes to|in (?:response|reply|reaction) to"
    r"|about|on|regarding|concerning|of|over|re)"
)
# After a speaker typed with nothing to end it, "of" joins their name ("comments from the head of the imf on debt").
_ABOUT_AFTER_NAME = ABOUT.replace("|of|", "|")
# "what did Robinson say after England lost to France": the occasion is the topic too.
_ABOUT_OR_WHEN = rf"(?:{ABOUT}|after|when|before|following|during|while)"
# "quote X", "quotes X", "any quotes from X": a request for someone's words (not "quote of the day", "quotes about Y").
QUOTES_ASKED = rf"quote (?!of )|(?:(?:any|some|the) )?quotes (?:of |from |by |(?!{ABOUT} |$))"
POLITE = (
    r"(?:(?:i(?: want| wanted| need|'d like| would like| wonder| am wondering|'m wondering| was wondering)"
    r" (?:to know |to see )?|(?:we|(?:my|our) \w+) (?:wants?|needs?|would like) to (?:know|see) |(?:i )?wondered"
    r" |any idea |do you know |(?:can|could|would) you (?:please )?|please )?(?:tell me (?:about )?"
    r"|show me |give me |let me know |find |remind me |list |help me (?:find |with )?"
    rf"|{QUOTES_ASKED}|cite "  # "quote X on Y": X's words on Y
    r"|(?:i(?:'m| am) )?(?:looking|searching) for )?)"
)
# When something was said, which is not what about: after the verb ("what has X said lately") and at the
# end of a topic ("about oil lately").
WHEN_SAID = (
    r"lately|recently|these days|so far|(?:this|last|past) (?:week|weekend|month)|last year"
    r"|(?:in |over )?the (?:last|past) (?:few )?(?:days?|weeks?|months?|year)"
)
# Where or to whom it was said, which is not what about: "in an interview", "to reporters", "on tv".
_OCCASION = (
    r"publicly|in public|(?:in|during) (?:a|an|his|her|their|the|its) (?:\w+ )?(?:speech|interview|statement"
    r"|press conference|news conference|letter|article|column|address|briefing)|to (?:the )?(?:reporters"
    r"|journalists|press|media|bbc|mps|parliament|commons|delegates|conference)|on (?:tv|television|the radio"
    r"|radio)|at (?:a|an|the) (?:\w+ )?(?:press conference|news conference|conference|meeting|summit|hearing"
    r"|briefing|rally)"
)
# ... and a period after the verb ("what did X say in 1987 about Y"), which callers read with ``period_in``.
# An occasion there (group "o") is dropped, unless a word names it ("in his radio interview", "in the budget
# speech"): that goes to the topic's end, as a story may say it.
NAMED_OCCASION = re.compile(r"(?:in|during) (?:a|an|his|her|their|the|its) \w+ \w+(?: conference)?", re.IGNORECASE)
# A gathering a word of its own names ("at the g7 meeting", "at the labour conference") is what the words were
# about even with no other topic; "at a press conference", "at the meeting" say only where.
NAMED_GATHERING = re.compile(
    r"at (?:a|an|the) (?!press |news )\w+ (?:meeting|summit|conference|hearing|rally)", re.IGNORECASE
)
_LATELY = rf"(?: (?:{WHEN_SAID}|today|yesterday|(?P<o>{_OCCASION})|{PERIOD}))?"
WHAT_IS = r"what(?:'s| is| are| was| were)(?: the)?"
# "who is imomi?", "who are the lib dems?": asking who someone is, which the words after name.
WHO_IS = re.compile(r"^\W*who(?:'s| is| are| was| were)\b", re.IGNORECASE)
# "who runs the imf?", "who heads opec?": asking who its head is.
WHO_RUNS = re.compile(
    r"^\W*who(?:'s| is)? (?:runs|heads|leads|chairs|in charge of|running|heading|leading|the head of|the boss of)"
    r" (?P<body>.+?)\W*$",
    re.IGNORECASE,
)
_ADVERB = r"been|ever|actually|really|recently|publicly|already"  # "what has X been saying"

# A request for news with no topic of its own, after the topic: "Dome - any news?".
NEWS_ASKED = r"(?:any news|anything(?: new)?|news|what(?:'s| is) new|the latest|latest|any updates?|updates?)"

# Topic-only phrasings come first: "what was said about Y" must not read "was" as a speaker.
TOPIC_PATTERNS = (
    # Not "what was said by X": their words (a speaker phrasing below).
    rf"^{POLITE}what(?:'s been|'s being| was| were| has been| have been| is being| are being| is) (?:said|written"
    rf"|reported|announced|agreed|decided|discussed|planned|proposed|known)(?: {ABOUT}| at| in)? (?!by )(?P<t>.+)$",
    rf"^{POLITE}what(?:'s been|'s|s| has been| has| is)? (?:happened|happening|going on) (?:at|to|with|in|on|about)"
    rf" (?P<t>.+)$",
    rf"^{POLITE}(?:(?:is|are|was|were) there |have you got |do you have |got |what are )?(?:the )?"
    rf"(?:any|anything|the latest|latest|news|updates?|stories|articles|reports?|coverage|something|developments)"
    rf"(?: more)?(?: (?:news|new|updates?|stories|articles|reports?|coverage|else|interesting|developments|comments"
    rf"|reactions?|word))? (?:{ABOUT}|mentioning|that mentions?|covering|naming) (?P<t>.+)$",
    rf"^{POLITE}(?:what(?:'s| is) (?:the )?(?:news|latest|story)) {ABOUT} (?P<t>.+)$",
    rf"^{POLITE}(?:what do (?:we|you) know|what(?:'s| is) new|give me the latest|catch me up|bring me up to date"
    rf"|what can you tell me|(?:i(?:'m| am) )?looking for (?:news|info|information|articles|stories))"
    rf" (?:{ABOUT}|with) (?P<t>.+)$",
    # "who spoke most about Y?": those quoted on it are listed most often quoted first anyway.
    rf"^(?:{WHO_SPOKE}(?: anything| something| what)?(?: (?:the )?most(?: often)?| more than anyone(?: else)?)?"
    rf"(?: {ABOUT}| to)?) (?P<t>.+)$",
    # "has anyone commented on Y?", "what are people saying about Y?": anyone's words on it, a topic.
    rf"^{POLITE}(?:has|have|did|is|are) (?:anyone|anybody|someone|somebody|people) (?:said|say|saying|commented"
    rf"|comment|commenting|spoken|speak|talked|talk|talking|mentioned|mention|discussed)(?: anything| something)?"
    rf"(?: {ABOUT})? (?P<t>.+)$",
    rf"^{POLITE}what (?:are|were|is|was|have|has|did|do) (?:people|they|others|everyone|everybody) (?:been )?"
    rf"(?:saying|said|say|writing|written|write) {ABOUT} (?P<t>.+)$",
    rf"^{POLITE}(?:any )?(?:quotes|comments|remarks|paragraphs|passages|excerpts|opinions?|views|thoughts|analysis"
    rf"|commentary|criticism) {ABOUT} (?P<t>.+)$",
    # "what do the articles say about Y": the archive itself, not a speaker.
    rf"^{POLITE}what (?:do|did|does|have|has) (?:the |your |these )?(?:articles?|stories|story|papers?|news"
    rf"|reports?|press|media|coverage|sources?|bbc|reuters) (?:say|said|report|reported|write|wrote|have to say"
    rf"|tell us)"
    rf"(?: {ABOUT})? (?P<t>.+)$",
    rf"^{POLITE}(?:summari[sz]e|sum up|recap|explain|search(?: for)?|look up|look for)"
    rf"(?: (?:the )?(?:news|stories|articles|coverage) {ABOUT})? (?P<t>.+)$",
    rf"^{POLITE}(?:(?:some|more|any|the) )?(?:info|information|background|details|context|everything|all)"
    rf" (?:{ABOUT}|of|with) (?P<t>.+)$",
    rf"^{POLITE}what(?:'s| is) (?:the deal|up|the story|the situation) (?:with|on|about) (?P<t>.+)$",
    rf"^{POLITE}(?:what(?:'s| were| was| are| is| have been) the )?(?:reactions?|responses?) (?:to|on) (?P<t>.+)$",
    rf"^{POLITE}how (?:did|do|have|has) (?:people|anyone|everyone|the public|others) (?:react|reacted|respond"
    rf"|responded) to (?P<t>.+)$",
    # "has anything been written about Y?", "i want to read about Y": the archive's words on it.
    rf"^{POLITE}(?:has|have) (?:anything|something|much) (?:been )?(?:written|said|reported|published)"
    rf"(?: {ABOUT})? (?P<t>.+)$",
    rf"^{POLITE}(?:to )?(?:read(?: up)?|learn|hear|find out(?: more)?|know more) {ABOUT} (?P<t>.+)$",
    rf"^{POLITE}i(?:'m| am) (?:interested in|curious about) (?P<t>.+)$",
    # "i read about Y", "i've been following Y": what a message's question goes on to ask about.
    rf"^i(?:'ve| have)? (?:been )?(?:read|reading|heard|hearing|saw|seen|following|followed|watching)"
    rf"(?: (?:something|a bit|a lot|a story|an article|the news))?(?: {ABOUT}| up on)? (?P<t>.+)$",
    # "i'm writing a piece on Y": what a message's question goes on to ask about.
    rf"^i(?:'m| am) (?:writing|doing|preparing|researching|working on) (?:an? |the |my )?(?:piece|story|article"
    rf"|report|feature|briefing|note|column|paper)s? {ABOUT} (?P<t>.+)$",
    # "give me an update on Y", "brief me on Y", "headlines on Y": news on it, asked for as a report.
    rf"^{POLITE}(?:an? |the |some )?(?:update|briefing|brief|rundown|run-down|summary|overview|report|headline"
    rf"|lowdown)s? (?:{ABOUT}|for) (?P<t>.+)$",
    rf"^{POLITE}(?:brief me|fill me in|update me|bring me up to speed|get me up to speed) {ABOUT} (?P<t>.+)$",
    # "Dome - any news?", "Dome: what's new?", "oil prices, any news?", "oil prices any news?": the topic, then the
    # ask ("fox news" is a topic: without a stop, only an ask no name ends on).
    rf"^(?P<t>.+?)(?: ?[-–:.,] ?{NEWS_ASKED}| (?:any news|anything new|any updates?|what(?:'s| is) new))$",
)
SPEAKER_PATTERNS = (
    # "any reaction from the unions to the pension plans?", "the response of the markets to the budget": their words.
    rf"^{POLITE}(?:(?:is|was|has) there )?(?:any |the |a )?(?:reactions?|responses?|replies|reply)"
    rf" (?:from|by|of) {_SPEAKER} (?:to|on|about|over|regarding) (?P<t>.+)$",
    # ... "any comments from the founder of the committee to protect bloggers on…": a comment is on it, not to it.
    rf"^{POLITE}(?:(?:is|was|has) there )?(?:any |the |a )?(?:comments?|word)"
    rf" (?:from|by|of) {_SPEAKER} (?:on|about|over|regarding) (?P<t>.+)$",
    # "which stories quote X (on Y)?", "stories quoting X", "articles that cite X": their words, each cited.
    rf"^{POLITE}(?:(?:which|what|any|are there) )?(?:stories|articles|reports|pieces) (?:that |which )?(?:quote"
    rf"|quoted|quoting|cite|cited|citing) {_SPEAKER}(?: {ABOUT} (?P<t>.+))?$",
    # "what has been said by X (about Y)": said by someone is their words.
    rf"^{POLITE}(?:what(?:'s been| was| were| has been| have been| is being)|(?:anything|something)(?: (?:been|that"
    rf" was|that's been))?) (?:said|written|reported) by {_SPEAKER}"
    rf"(?: {ABOUT} (?P<t>.+))?$",
    # "everything X said", "what else did X say": all their words; "everything X said about Y": all of it on Y.
    rf"^{POLITE}(?:everything|all) (?:that )?{_SPEAKER} (?:has |have )?(?:said|says|say)(?: {ABOUT} (?P<t>.+))?$",
    rf"^{POLITE}what else (?:did|has|have) {_SPEAKER} (?:say|said)(?P<t>)$",
    rf"^{POLITE}what(?:'s| (?:did|has|have|does|do|had|is|was|are|were|will|would)) {_SPEAKER} (?:(?:{_ADVERB}) )?"
    rf"(?:{_SPEECH_VERBS})(?: (?:anything|something))?{_LATELY}(?: {_ABOUT_OR_WHEN} (?P<t>.+)| about)?$",
    # "what did Blair tell MPs about Iraq": whom they told is not the topic.
    rf"^{POLITE}what (?:did|has|have|had) {_SPEAKER} (?:tell|told) (?:[\w']+ ){{0,3}}?[\w']+(?: {ABOUT} (?P<t>.+))?$",
    # "what did Canada's finance minister say would help the West", "what did X say the talks needed": what
    # follows the verb is the topic.
    rf"^{POLITE}what (?:did|has|have|does|do) {_SPEAKER} (?:say|said|think|thought|believe|expect|predict|claim"
    rf"|claimed|argue|argued|warn|warned|suggest|suggested|insist|insisted|reckon|estimate|estimated)"
    rf"(?: that)? (?!for )(?P<t>.+)$",
    rf"^{POLITE}(?:did|has|have|does|do|had) {_SPEAKER} (?:ever )?(?:think|believe|feel|reckon|say|said|claim|argue"
    rf"|suggest|agree|want|expect|predict|warn)(?: that)? (?P<t>.+)$",
    # "has X commented?", "has X spoken?": all they said.
    rf"^{POLITE}(?:did|has|have|had) {_SPEAKER} (?:ever )?(?:commented|comment|spoken|speak|talked|talk"
    rf"|made any comments?)(?P<t>)$",
    # "did X apologise?", "has X responded?", "did X deny it?": their words, which would do so (on what "it" is). With
    # what they did it to, the question is read as its subject's doing ("did arnesen deny falling out with
    # santini?"), which a story may report in other words.
    rf"^{POLITE}(?:did|has|have|had) {_SPEAKER} (?:ever )?(?:apologi[sz]ed?|respond(?:ed)?|repl(?:y|ied)|react(?:ed)?"
    rf"|admit(?:ted)?|den(?:y|ied)|conceded?|protest(?:ed)?|object(?:ed)?|hit back|retaliated?)"
    rf"(?: (?:(?:to|for|about|over|on|against) )?(?P<t>it|that|this|them))?$",
    # "was X quoted on Y?", "has X been asked about Y?": what they said when the topic came up; "is X quoted?": all.
    rf"^{POLITE}(?:was|were|has|have|is|are) {_SPEAKER} (?:ever )?(?:been )?(?:quoted|asked|questioned|interviewed)"
    rf"(?: {ABOUT} (?P<t>.+))?$",
    rf"^{POLITE}(?:did|has|have|does|do|had) {_SPEAKER} (?:ever )?(?:{WORDS_ON}) (?P<t>.+)$",
    # "was X critical of Y?": their words on it.
    rf"^{POLITE}(?:was|were|is|are|has|have) {_SPEAKER} (?:ever )?(?:been )?(?:critical of|supportive of|opposed to"
    rf"|in favou?r of|happy with|unhappy with|worried about|concerned about|pleased with) (?P<t>.+)$",
    rf"^{POLITE}(?:(?:i )?need )?(?:{WHAT_IS} )?(?:all (?:of )?)?{_SPEAKER}['’]s? (?:(?:latest|recent|last|most recent"
    rf"|public|own) )?"
    rf"(?:comments?|remarks?|views?|words|statements?|thoughts"
    rf"|position|stance|opinions?|take|quotes?)(?: {ABOUT} (?P<t>.+))?$",
    rf"^{POLITE}(?:what(?:'s| is) |(?:is|was|are|were) there |(?:has|have) there been |do you have )?"
    rf"(?:(?:any|anything|something|news|the latest|latest|the|quotes?|statements?"
    rf"|comments?|remarks?|words?|new|else|more|recent|fresh) )+(?:from|by) {_SPEAKER}(?: (?:{WHEN_SAID}))?"
    rf"(?: {_ABOUT_AFTER_NAME} (?P<t>.+))?$",
    # "which analysts commented on the dollar?": the analysts' words on it, each named in the lead.
    rf"^{POLITE}which (?P<s>[a-z][\w' -]*?s) (?:have |has |had |were |was )?(?:{_SPEECH_VERBS}|quoted)"
    rf"(?: {_ABOUT_OR_WHEN} (?P<t>.+))?$",
    # "the views of X on Y", "opinions of the bank of england about rates": their words on it.
    rf"^{POLITE}(?:what (?:are|were|was|is) )?(?:the )?(?:views?|opinions?|thoughts|comments|remarks|position"
    rf"|stance) of {_SPEAKER} (?:on|about|regarding|concerning) (?P<t>.+)$",
    rf"^{POLITE}(?:what|anything) {_SPEAKER} (?:{_SPEECH_VERBS})(?: {ABOUT} (?P<t>.+))?$",
    rf"^{POLITE}{_SPEAKER} (?:said|says|say|told|thinks|thought) what(?: {ABOUT} (?P<t>.+))?$",  # chat shorthand
    rf"^{POLITE}(?:what|who|how) (?:did|does|do|has|have) {_SPEAKER} (?:blame|blamed) (?P<t>.+?)(?: on)?$",
    rf"^{POLITE}what (?:did|does|do) {_SPEAKER} (?:make|think|feel|know) (?:of|about) (?P<t>.+)$",
    # "what did brown predict for growth?", "what reason did blair give for the war?": their words on it.
    rf"^{POLITE}what (?:did|does|do|has|have) {_SPEAKER} (?:predict|predicted|forecast|forecasted|expect|expected)"
    rf" for (?P<t>.+)$",
    rf"^{POLITE}what (?:reasons?|excuses?|explanation|justification) (?:did|does|do|has|have) {_SPEAKER}"
    rf" (?:give|given|offer|offered) for (?P<t>.+)$",
    # "what statement did X make about Y?", "what points has X made on Y?": their words on it.
    rf"^{POLITE}what (?:statements?|comments?|remarks?|points?|claims?|arguments?|announcements?|warnings?)"
    rf" (?:did|has|have|had) {_SPEAKER} (?:make|made|give|given|issue|issued|put out)(?: {ABOUT} (?P<t>.+))?$",
    rf"^{POLITE}(?:where|how) (?:does|do|did) {_SPEAKER} (?:stand|feel) (?:{ABOUT}) (?P<t>.+)$",
    # "when did X talk about Y?", "where did X mention Y?": their words on it, wherever and whenever said.
    rf"^{POLITE}(?:when|where) (?:did|has|have|had) {_SPEAKER} (?:ever )?(?:{_SPEECH_VERBS})"
    rf"(?: (?:anything|something))? {ABOUT} (?P<t>.+)$",
    rf"^{POLITE}(?:when|where) (?:did|has|have|had) {_SPEAKER} (?:ever )?(?:{WORDS_ON}) (?P<t>.+)$",
    rf"^{POLITE}what(?:'s| has| is| have)? {_SPEAKER} (?:been )?up to(?P<t>)(?: lately| recently)?$",  # all they said
    # "how did stoltenberg describe the washington g7 meeting": what is described is the topic.
    rf"^{POLITE}how (?:did|does|do|has|have|would) {_SPEAKER} (?:describe|described|characteri[sz]ed?"
    rf"|explain|explained|sum up|summed up|assess|assessed|see|view|viewed) (?P<t>.+)$",
)
