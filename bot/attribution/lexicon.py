"""Word lists the attribution rules consult (honorifics, role nouns, speech verbs and non-name words), and
the shapes several rules share: a capitalised word, a sentence's end, a clause opening a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeAlias

_Trie: TypeAlias = dict[str, "_Trie"]

# A capitalised word as names and bodies write it ("Murphy-O'Connor", "McDonald", "O'Neill"), as regex text.
CAP_WORD_REST = r"[a-z]*(?:[A-Z][a-z]+)*(?:-(?:[A-Z]['’](?=[A-Z]))?[A-Z]?[a-z]+)*"  # after the first capital
CAP_WORD = rf"(?:[A-Z][a-z]?['’](?=[A-Z]))?[A-Z]{CAP_WORD_REST}"

# Forms of address in front of a name, with the gender they imply (None: says nothing about gender).
HONORIFICS: dict[str, str | None] = {
    **dict.fromkeys("mr sir lord baron father sheikh mister herr senor signor".split(), "m"),
    **dict.fromkeys("mrs ms miss dame lady baroness sister mme madame frau".split(), "f"),
    **dict.fromkeys("dr prof professor rev reverend sen gov gen col capt lt rep".split(), None),
    # Clerical and courtesy titles written in front of a full name ("Hojatoleslam Akbar Hashemi Rafsanjani").
    **dict.fromkeys("hojatoleslam ayatollah imam mullah rabbi pastor".split(), "m"),
}
# Titles that stay part of how the person is named ("Lord Butler", "Sir John Bourn", "Baroness Scotland").
PEERAGE = frozenset({"sir", "dame", "lord", "lady", "baroness", "baron", "sheikh"})

# Nouns that name a position a person holds; "the <modifiers> <head>" can stand for that person.
ROLE_HEADS = frozenset(
    """
minister secretary chancellor president premier leader chairman chairwoman chairperson chair
spokesman spokeswoman spokesperson executive director governor economist analyst adviser advisor
presenter editor manager coach boss captain counterpart cardinal pope archbishop bishop ambassador
envoy commissioner mayor senator congressman congresswoman judge prosecutor lawyer attorney king
queen prince princess chief head founder owner striker midfielder defender goalkeeper player singer
actor actress producer author writer professor scientist researcher campaigner magnate tycoon
treasurer deputy general admiral commander diplomat negotiator official aide strategist
vice-president vice-chairman chairman-elect president-elect ceo cfo secretary-general
sheikh emir sultan monarch host guest investor trader broker banker regulator mp mep msp representative speaker
ombudsman taxwriter lawmaker legislator songwriter composer guitarist drummer musician designer architect
organiser organizer officer justice referee umpire pundit commentator critic expert meteorologist forecaster
consultant dealer journalist reporter columnist correspondent historian novelist comedian filmmaker lecturer
teacher surgeon engineer activist athlete sprinter winger batsman entrepreneur financier mediator inspector
auditor accountant statistician physician psychologist specialist partner controller undersecretary artist oilman
keeper skipper billionaire playwright rapper publicist backbencher coordinator co-ordinator agent administrator
technocrat nominee employee confidant reviewer peer member futurologist technologist pathologist politician technician
constable superintendent flanker fly-half scrum-half full-back hurdler jockey golfer cyclist swimmer boxer bookmaker
prop hooker lock goalscorer comptroller conductor solicitor frontbencher sheriff sergeant photographer model
""".split()
)
# Styles a royal, a prelate or an Arab dignitary goes by, after an office and before their given name ("Foreign
# Minister Prince Saud", "Cardinal Hume").
STYLES = frozenset({"prince", "princess", "king", "queen", "sheikh", "emir", "sultan", "cardinal"})
# Role nouns that are mostly adjectives before another noun: "General Election", "the chief economist".
ADJECTIVAL_ROLE_HEADS = frozenset({"general", "chief", "head", "deputy", "host", "guest", "official", "player"})
# A sentence's "the minister" may mean a secretary of state; the reverse does not hold.
ROLE_SYNONYMS: dict[str, frozenset[str]] = {
    "minister": frozenset({"minister", "secretary", "chancellor", "premier"}),
    "premier": frozenset({"premier", "minister"}),
    "chair": frozenset({"chair", "chairman", "chairwoman", "chairperson"}),
    "chairman": frozenset({"chairman", "chair"}),
    "spokesman": frozenset({"spokesman", "spokeswoman", "spokesperson"}),
    "spokeswoman": frozenset({"spokeswoman", "spokesman", "spokesperson"}),
    "boss": frozenset({"boss", "executive", "chief", "manager", "head", "chairman"}),
    "executive": frozenset({"executive", "ceo"}),
    "adviser": frozenset({"adviser", "advisor"}),
    "advisor": frozenset({"adviser", "advisor"}),
    # House styles differ: "White House budget director" is also its "budget chief".
    "director": frozenset({"director", "chief", "head"}),
    "chief": frozenset({"chief", "director", "head", "boss", "executive"}),
}
ROLE_HEAD_GENDER: dict[str, str] = {
    **dict.fromkeys("spokesman chairman king prince congressman sheikh emir sultan cardinal pope".split(), "m"),
    **dict.fromkeys("spokeswoman chairwoman queen princess actress congresswoman".split(), "f"),
}

# Reported-speech verbs (lower case, inflected forms listed so one alternation matches them).
SPEECH_VERBS = tuple(
    """
said says say told tells added adds stated noted stressed stresses emphasised emphasized
emphasises emphasizes underlined underlines insisted insists warned warns argued argues claimed
recalled recalls urged urges pledged announced announces briefed highlighted
replied replies explained explains admitted admits believes believed predicted predicts
commented confirmed confirms denied denies suggested suggests acknowledged acknowledges
described describes spoke speaks declared declares asserted asserts maintained maintains revealed
reveals conceded concedes complained complains agreed agrees wrote writes continued continues
remarked observed observes reiterated reiterates repeated repeats responded responds
answered asked asks promised vowed vows accused accuses criticised
criticized criticises criticizes welcomed welcomes praised praises called calls questioned
cautioned cautions estimated expects expected hoped cited cites forecast
thinks thought feels felt reckons reckoned indicated indicates informed informs assured assures
disclosed discloses mentioned mentions pointed proposed proposes recommended recommends
concluded concludes testified testifies signalled signaled saying adding attacked attacks
condemned condemns defended defends dismissed dismisses rejected rejects branded hailed hails
slammed slams denounced denounces attributed attributes
blamed blames feared fears hopes challenged demanded demands
countered counters retorted retorts contended contends objected remembered
opposed opposes rubbished rubbishes apologised apologises apologized apologizes
""".split()
)
# Stance verbs whose passive is seldom about speech ("was dismissed by the club" is a sacking): their
# agent is not taken as a speaker. For the others, "was criticised by X" reports X's words.
NO_AGENT_VERBS = frozenset(
    "dismissed expected thought felt believed estimated challenged demanded feared hoped indicated".split()
)
# Verbs that report speech only with a following word ("pointed out", "called for").
# Forms that are more often plural nouns ("brands", "states") are left out on purpose; "claims" only before
# "that" or a pronoun.
VERB_PARTICLES: dict[str, frozenset[str]] = {
    "called": frozenset({"for", "on"}),
    "calls": frozenset({"for", "on"}),
    "pointed": frozenset({"out", "to"}),
    "thought": frozenset({"that"}),
    "felt": frozenset({"that"}),
    "expected": frozenset({"that"}),
    "lashed": frozenset({"out"}),
    "lashes": frozenset({"out"}),
    "claims": frozenset({"that", "he", "she", "they", "it"}),  # "Lewsey claims he touched it down"
    "appealed": frozenset({"for"}),
    "appeals": frozenset({"for"}),
    "points": frozenset({"out"}),  # not "to": "sticking points to membership"
    # Stating a position: "ruled out a tax rise", "played down reports", "pleaded with voters" (not "pleaded guilty").
    "ruled": frozenset({"out"}),
    "rules": frozenset({"out"}),
    "played": frozenset({"down"}),
    "plays": frozenset({"down"}),
    # "X objects to the plan", not "Inanimate objects will start to interact with us".
    "objects": frozenset({"to", "that"}),
    "notes": frozenset({"that"}),  # "He notes that commodity prices are traded daily", not "the notes"
    "pleaded": frozenset({"with", "for"}),
    "pleads": frozenset({"with", "for"}),
}
# What one expresses or voices when stating a position.
_STANCE_NOUNS = (
    *("surprise", "concern", "hope", "doubt", "confidence", "optimism", "pessimism", "regret", "fear", "worry"),
    *("disappointment", "displeasure", "unhappiness", "anger", "relief", "satisfaction", "reservation"),
    *("opposition", "support", "sympathy", "solidarity", "scepticism", "skepticism", "frustration", "alarm"),
)
_STANCE_LEADS = ("", "his ", "her ", "its ", "their ", "the ", "a ", "an ", "deep ", "grave ", "strong ")
_STANCES = (' "', *(f" {lead}{noun}" for lead in _STANCE_LEADS for noun in _STANCE_NOUNS))
# Idioms of stating a position, matched by the words right after the verb ("has re-opened the debate").
VERB_IDIOMS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("re-opened", "reopened", "re-opens", "reopens"), (" the debate",)),
    # Not "Wanderers hit back through Giannakopoulos": in sport a side hits back with goals.
    **dict.fromkeys(("hit", "hits"), (" back at", " back by", " out at")),
    # "has launched an attack on the cost of Britain's asylum system", "launched a scathing attack on …".
    **dict.fromkeys(
        ("launched", "launches"),
        (" an attack", *(f" a {w} attack" for w in ("scathing", "fierce", "stinging", "blistering", "bitter"))),
    ),
    **dict.fromkeys(
        ("thrown", "threw", "throws"),
        tuple(f" {p} {w} behind" for p in ("his", "her", "their", "its") for w in ("weight", "full weight")),
    ),
    # "expressed surprise that markets had ignored…", "voiced their concern over…", 'expressed "restricted
    # optimism"' (a stance, possibly with a determiner or a qualifier before it, or in quotation marks).
    **dict.fromkeys(("expressed", "expresses", "voiced", "voices"), _STANCES),
    **dict.fromkeys(("reminded", "reminds"), (" the ", " reporters", " journalists", " delegates", " members")),
    **dict.fromkeys(("paid", "pays"), (" tribute",)),
    # "Eyskens made clear he was hoping for…", "has made it clear that…".
    **dict.fromkeys(("made", "makes"), (" clear", " it clear", " it very clear", " very clear")),
    # "has given his backing to the reinstatement of …"
    **dict.fromkeys(
        ("given", "gave", "gives"),
        tuple(f" {p} {w}" for p in ("his", "her", "their", "its") for w in ("backing", "support", "blessing")),
    ),
    # "would not confirm …", "could not comment": an answer withheld is still an answer.
    "not": tuple(f" {w}" for w in ("comment", "confirm", "be drawn", "elaborate", "disclose", "rule out")),
    # "refused to comment on …", "refused to be drawn on …": an answer to a question put to them.
    **dict.fromkeys(
        ("refused", "refuses", "declined", "declines"),
        (
            " comment",  # "declined comment on a newspaper report"
            *(
                f" to {w}"
                for w in ("comment", "say", "be drawn", "rule out", "confirm", "answer", "discuss", "elaborate")
            ),
        ),
    ),
}

# Nouns a report uses for someone it has just named ("the Frenchman", "the veteran"), with the gender
# they imply. Demonyms used as nouns ("the Australian") and ages ("the 67-year-old") count too.
EPITHETS: dict[str, str | None] = {
    **dict.fromkeys("frenchman englishman scotsman welshman irishman dutchman countryman".split(), "m"),
    **dict.fromkeys("frenchwoman englishwoman scotswoman welshwoman irishwoman dutchwoman".split(), "f"),
    **dict.fromkeys(
        """
scot briton spaniard dane swede finn pole kiwi yorker texan californian star veteran champion winner youngster
teenager newcomer favourite favorite holder runner-up seed
""".split(),
        None,
    ),
    # A body just written about, by what it is ("BT said … The company said"): gender "n", like its "it".
    **dict.fromkeys(
        """
company firm airline carrier retailer broadcaster network operator maker manufacturer insurer lender chain
bookmaker supermarket brewer carmaker automaker publisher giant
studio label newspaper club
""".split(),
        "n",
    ),
}

# What a body's name says it is, and a story then calls it: "The Association of German Cooperative Banks said …
# The association said" (the body whose name holds the word). Not "bank": a bank need not say it is one (Halifax).
BODY_KINDS = frozenset(
    """
association federation union council committee commission agency institute ministry organisation organization
league department authority bureau society chamber foundation academy trust alliance board fund
""".split()
)

# The day a report was made, written between its subject and verb ("Martin Sorrell on Friday told").
REPORT_DAY = (
    r"on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?"
)

# Words that may precede a verb without breaking "subject ... verb" ("has also said", "later told").
VERB_AUX = frozenset(
    """
has have had also later then previously earlier once again further yesterday today recently
repeatedly publicly privately not will would could may might should must did does do is was
already still subsequently separately quickly immediately himself herself just now always never
often even however meanwhile nevertheless nonetheless both last this week night
""".split()
)
# Speech verbs reported in their -ing form after a form of "be" ("is urging", "were warning").
PROGRESSIVE_VERBS = frozenset(
    """
urging warning insisting arguing claiming predicting demanding telling calling stressing noting suggesting declaring
explaining complaining
""".split()
)
# Every word a speech verb is found by: the verbs, those read with a particle or an idiom, the -ing forms.
# (frozenset | dict.keys() is a set at run time, which the compiled rules refuse where a frozenset is typed.)
SPEECH_VERB_WORDS = frozenset(SPEECH_VERBS) | frozenset(VERB_PARTICLES) | frozenset(VERB_IDIOMS) | PROGRESSIVE_VERBS
# Auxiliaries that make the verb passive ("was told", "is said to"): the subject is not the speaker.
PASSIVE_AUX = frozenset({"was", "were", "been", "being", "is", "are", "be", "am", "get", "got"})

# Capitalised words that start sentences, clauses or titles ("I Have Roots and Branches") but are not names.
COMMON_CAPS = frozenset(
    """
the a an and but or so yet for nor if in on at by to of from with as into after before during
since until while when where why how what which who whom whose this that these those there here
it its he she they we you i his her their our my your them him us me however meanwhile although
though because also still even just only then now today yesterday tomorrow last next first
second third earlier later many most some several all both each every other another such no not
asked speaking commenting according said says adds observes explains insists warns
under over about among despite following including instead
unlike like against without within throughout behind besides beside beyond amid amongst towards toward upon
around across along alongside near outside inside through between above below beneath perhaps whether unless
whilst again once sure surely nevertheless nonetheless moreover furthermore therefore thus hence otherwise anyway
certainly clearly obviously already almost always never often sometimes soon together rather quite very
whatever defiant injured veteran embattled beleaguered disgraced jailed ailing legendary outspoken unseeded
more given fellow substitute replacement contestants youngsters farmer
euro-sceptic eurosceptic
mother father brother sister people police
former current acting new old young senior junior british american european english french
german russian chinese japanese indian irish scottish welsh african asian australian canadian
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december christmas easter a-level olympic olympics
chief north south east west central eastern western northern southern overall indeed yes
one two three four five six seven eight nine ten any
have has had is are was were been being do does did would could should must
""".split()
)

# Capitalised words that may open a sentence but, straight before a role noun, qualify it ("Chief
# Executive", "Former Prime Minister", "Australian Treasurer").
ROLE_QUALIFYING_CAPS = frozenset(
    """
chief former current acting new senior junior british american european english french german russian
chinese japanese indian irish scottish welsh african asian australian canadian north south east west
central eastern western northern southern
""".split()
)

# Words that mark a capitalised run as an organisation, place, event or title of a work.
NON_PERSON_WORDS = frozenset(
    """
street road avenue square lane park hall house palace office department ministry commission
committee council party union association group company corporation corp inc plc ltd llc co
organisation organization federation society alliance coalition movement forum
bank fund trust foundation institute university college school academy hospital court
agency service services authority board bureau network news radio television tv times post
journal telegraph guardian herald daily weekly magazine press review mail express standard
international national federal royal lords republic kingdom states state nations united america
europe asia africa britain england scotland wales ireland london paris washington york city
airport airlines airways motors energy oil gas steel industries holdings partners capital
securities exchange market markets reserve treasury parliament congress senate assembly
government club league premiership cup championship championships open games festival awards award prize
forest villa rovers wanderers albion athletic hotspur argyle rangers orient real atletico bayern inter sociedad betis
utd slam
tour series show programme program film album records studios pictures church cathedral system systems
centre center museum gallery prison jail watch theatre theater arena stadium island islands river mountains
valley bay sea ocean gulf coast county province region district borough village town
east west north south eastern western northern southern central middle labour conservative
conservatives tory tories liberal democrat democrats dem republican republicans socialist
communist greens airbus boeing microsoft google apple sony intel ibm yahoo reuters
bbc itv ofcom opec nato eu un usa uk us world global day week year month act bill report
summit conference treaty accord agreement pact war crisis campaign project plan programme strategy tax taxes
index dollar euro pound yen sterling stock shares prices research economics institution aid financial
kong angeles francisco diego lanka lankan arabia zealand korea rica vegas salvador
""".split()
)

# A sentence ends at . ! or ? unless the full stop closes a form of address or an initial ("Rep. Pete Stark").
SENTENCE_END = re.compile(
    r"[.!?](?<!\b(?:Mr|Ms|Dr|St)\.)(?<!\b(?:Mrs|Rep|Sen|Gov|Gen|Rev)\.)(?<!\bProf\.)(?<!\b[A-Z]\.)"
    r"[\"”’)]*\s+(?=[\"“‘(A-Z])"
)
# The start of a clause or phrase that stands before its sentence's subject, up to a comma, perhaps after a
# conjunction: "Despite enjoying Dan Brown's book, the Bishop said", "Asked whether he trusted the prime minister,
# Mr Brown replied", "And, while we are on the subject of Mr Kilroy-Silk, Mr Morris despatches him".
OPENING_CLAUSE = (
    r"(?:(?:And|But|So|Yet),?\s+)?(?:Despite|Although|Though|While|Whilst|After|Before|Since|As|When|Whereas|Unlike"
    r"|Like|Following|Given|With|Without|Besides|Apart|Aside|Along|Amid|Because|If|Unless|Until|Once|In|On|At"
    r"|During|Under|Against|Beyond|Behind|Throughout|Having|Asked|Speaking|Writing|Talking)\b"
)
# Lower-case words never used as a role modifier; they end the phrase in front of a role noun.
ROLE_STOP = frozenset(
    """
the a an and or but of to in on at by for with from as that this these those said says told quoted quoting
is was are were has have had be been being became become becomes his her its their our who which whom whose when
while after before than then also not no
""".split()
)


def singular_role(word: str) -> str | None:
    """The role noun a lower-case plural stands for ("economists" → economist, "bosses" → boss), else None."""
    if word.endswith("es") and word[:-2].endswith(("s", "sh", "ch", "x")) and word[:-2] in ROLE_HEADS:
        return word[:-2]
    return word[:-1] if word.endswith("s") and word[:-1] in ROLE_HEADS else None


def is_plural_role(word: str) -> bool:
    """Whether a lower-case word is a role noun in the plural ("economists", "bosses"): a crowd, not someone."""
    return singular_role(word) is not None


def word_pattern(words: Iterable[str]) -> str:
    """A regex alternation of words built as a trie, so matching costs one branch per letter."""
    root: _Trie = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branch(root)


def _branch(node: _Trie) -> str:
    """The regex for one trie node: its children as alternatives, optional when a word ends here."""
    alternatives = [re.escape(char) + _branch(child) for char, child in sorted(node.items()) if char]
    if not alternatives:
        return ""
    body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
    return f"(?:{body})?" if "" in node else body
