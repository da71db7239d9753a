"""Where a speech verb's subject stands in its sentence: the reference before it (across an apposition, where
someone works, a relative clause), the one opening the sentence, or the one after an inverted verb ("…, said
Stuart Hensel"), a description of someone just named ("the Frenchman said"); and the pronouns that may be
that subject.

The regular expressions here are the shapes of news English between a speaker and the verb; ``speech`` finds
the verbs and decides which reading applies.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from .lexicon import BODY_KINDS, EPITHETS, REPORT_DAY, ROLE_HEADS, ROLE_STOP, VERB_AUX, word_pattern
from .name_roles import opens_its_clause
from .references import Ref
from .roles import PERSON_DEMONYMS

# "he" or "she" at the start of the text or after a space or punctuation. Starting on a character class
# lets the regex engine skip to the few letters a pronoun can start with; (?<=...) says which one it was.
# "..., it said": a body that spoke before (gender "n").
_IT = re.compile(r"(?<![\w'’])[Ii]t\b(?!['’])")
_PRONOUN = re.compile(r"[HhSs](?<![^\s\"“”‘(\[—–:;,.!?-].)(?:(?<=[Hh])e|(?<=[Ss])he)\b")
_CAPITALISED_WORDS = re.compile(r"(?:[A-Z][\w'’.-]*\s+)*")  # "French " before "President Jacques Chirac"
AUX = "|".join(sorted(VERB_AUX, key=len, reverse=True))
STOP = "|".join(sorted(ROLE_STOP, key=len, reverse=True))
# A sentence opening on a description of someone just named: "The Frenchman said", "But the
# 67-year-old has said", "The star of Rain Man and Tootsie said".
_EPITHET_WORDS = word_pattern(EPITHETS.keys() | PERSON_DEMONYMS | BODY_KINDS)
_EPITHET = rf"(?P<noun>(?i:{_EPITHET_WORDS})|\d+-year-old)(?![\w'’-])"
_EPITHET_MODIFIER = rf"(?!(?:{STOP})\b)[\w'’-]+\s+"
_EPITHET_BEFORE = re.compile(
    r"[\s\"“]*(?:_+[\"”]\s*,?\s*)?(?:(?:But|And|However|Yet|Now|Still|Later|Afterwards|Meanwhile),?\s+)?"
    rf"(?P<the>[Tt]he)\s+(?:{_EPITHET_MODIFIER}){{0,3}}?{_EPITHET}"
    r"(?:\s+of\s+[^,;:.!?\"“”]{1,60}?)?(?:,[^,;:.!?\"“”]{1,150},)?\s+"
    rf"(?:(?:{AUX}|[a-z]+ly)\s+)*"
)
# How a sentence opening on an epithet may start; checked before the regex, which few sentences need.
_EPITHET_OPENINGS = (
    "The ",
    "the ",
    '"',
    "“",
    " ",
    "But ",
    "And ",
    "However",
    "Yet ",
    "Now ",
    "Still ",
    "Later",
    "After",
    "Mean",
)
# "..., said the Frenchman." (not "said the American has a problem")
_EPITHET_AFTER = re.compile(rf"\s+(?P<the>the)\s+(?:{_EPITHET_MODIFIER}){{0,3}}?{_EPITHET}(?=\s*(?:[.,;:!?\"”]|$))")
# A body or place written after a name or role: "Credit Suisse First Boston Ltd", "the JCWI".
_ORG = r"(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|de|&)\s+)?[A-Z][\w&'’.-]*){0,6}"
# "Jane Smith of Oxfam said", "John Doe at Lehman Brothers in London said": where a person works.
# A unit of the body may follow its possessive: "at the Bank of Finland's monetary department".
_AT_ORG = rf"(?:\s+(?:of|from|at|with|for|in)\s+{_ORG}(?:(?<=['’]s)(?:\s+[a-z][\w-]*){{1,3}})?){{1,2}}"
# The day a report was made, between its subject and verb: "Martin Sorrell on Friday told", "Liam Fox, on Saturday,
# called"; not "designed by Stephen Webster on Friday, said Ms Prophet", where the day closes the report.
_ON_DAY = rf"(?:(?:,\s*)?{REPORT_DAY}\s+|,\s*{REPORT_DAY},\s+)?"
# What may stand between a subject and its verb: an apposition or relative clause, auxiliaries,
# adverbs, or a first verb phrase joined by "and" ("X welcomed the plan and said").
_GAP = re.compile(
    r"(?:\s+(?:MP|MSP|MEP|AM|QC|KC|OBE|MBE|CBE)\b)?"  # letters after a name: "Andrew Tyrie MP demanded"
    r"(?:,\s*\d{1,3}(?=,))?"  # an age before another apposition: "Dr Greenspan, 79, who has been in London, said"
    r"\s*"
    r"(?:,(?:[^,;:!?\"“”]|\"_*\"){1,200},\s*|,?\s*(?:who|whose)\b(?:[^,;:!?\"“”.]|\"_*\"){0,200}?\s+"
    r"|\s+[a-z]+\b[^.;:!?]{0,100}?\s+and\s+"
    r"|(?:,[^-–—,;:!?\"“”]{1,150})?\s+[-–—]\s+[^-–—.;:!?\"“”]{1,150}?\s+[-–—]\s+|\s*\([^()]{1,150}\)\s*)?"
    rf"{_ON_DAY}(?:(?:{AUX}|[a-z]+ly)\s+)*"
)
# "Solomon forecast inflation at 4.5 pct by year-end, but said": the sentence's opening subject goes on to speak
# after "but" (not "Mr Strauss doubted whether Rock would make an impact, but added": Rock is no opening subject).
_BUT_GAP = re.compile(rf"\s+[a-z]+\b(?:[^.;:!?\"“”]|(?<=\d)\.(?=\d)){{0,150}}?,?\s+but\s+(?:(?:{AUX}|[a-z]+ly)\s+)*")
# "Mr Tanzi's statement said": a person speaks through what they wrote or said.
_THEIR_WORDS_GAP = re.compile(
    rf"['’]s\s+(?:[a-z]+\s+)?(?:statement|letter|message|memo|note|website|blog|book|memoir|autobiography|speech)"
    rf"\s+(?:(?:{AUX}|[a-z]+ly)\s+)*"
)
_ROLE_NOUN = word_pattern(ROLE_HEADS)
# ", chief economist", ", senior dealer": a role noun or a word shaped like one (not a plural).
ROLE_APPOSITION = (
    rf",\s+(?:(?:the|a|an|its|his|her|their)\s+)?(?:[A-Z][\w&.-]*['’]s\s+)?"
    rf"(?:(?!(?:{STOP})\b)[A-Za-z][\w'’-]*\s+){{0,4}}?(?:(?i:{_ROLE_NOUN})|[a-z]+(?:er|ist|ant|ent|or|ian))"
)
# A role apposed to a name with no closing comma and no article, in the lower case of running text: "Armando
# Falcon, OFHEO director said", "John Connors, Microsoft's chief financial officer said". With an article it may
# be the sentence's next subject ("Echoing Condoleezza Rice, the prime minister said"; "Yasuhiro Nakasone, a
# Treasury spokesman said"), capitalised a title ("Frances Hodgson Burnett, A Little Princess tells").
_BARE_ROLE_APPOSITION = rf",\s+(?:[A-Z][\w&.-]*['’]s\s+)?(?:(?!(?:{STOP})\b)[A-Za-z][\w'’-]*\s+){{0,3}}?{_ROLE_NOUN}\s+"
# The same with an article, when the name opens its clause, so nothing before it can be the subject: "Michael
# Lamberty, a Lufthansa spokesman told the BBC", '"…," Peter Dobrow, a T-Mobile spokesperson said'.
_OPENING_NAME_GAP = re.compile(rf"{ROLE_APPOSITION}\s+(?:(?:{AUX}|[a-z]+ly)\s+)*")
# Between a person's name and the verb: where they work ("Jane Smith of Oxfam said"; "Mitchell Held of Smith
# Barney, Harris Upham and Co Inc said"; "Kirsten Pfeifer from the Consumer Electronics Association, told"), or a
# role apposition whose closing comma is missing ("Giles Keating, economist with Credit Suisse in London said"; "Scott
# Stanzel, a spokesman for the Bush-Cheney campaign said": a body's name may end on a common noun, not a role's).
_NAME_GAP = re.compile(
    rf"(?:(?:{ROLE_APPOSITION})?{_AT_ORG}(?:\s+(?!(?i:{_ROLE_NOUN})\b)[a-z]+)?\s+|{_BARE_ROLE_APPOSITION})"
    rf"(?:(?:{AUX}|[a-z]+ly)\s+)*"
)
# The same with commas in it or closing it, for a name not inside a phrase (not "director of the Institute for
# Political Studies in Japan, said": there the name is the body's, inside someone's apposition).
_NAME_GAP_COMMA = re.compile(rf"{_AT_ORG}(?:,\s+{_ORG})?,?\s+(?:(?:{AUX}|[a-z]+ly)\s+)*")
# Between a role and its verb, whom or where it serves: "The minister for Europe said", "A spokesman for the
# company said", "The new health minister for Wales says" (a few words, no clause).
_ROLE_GAP = re.compile(
    rf"\s+(?:for|of|at|with|from|in)\s+(?:(?!(?:that|which|who|whom|whose|when|where|and|but|or|{AUX})\b)"
    rf"[\w'’&.-]+\s+){{1,5}}(?:(?:{AUX}|[a-z]+ly)\s+)*"
)
_INSIDE_PHRASE = re.compile(r"\b(?:and|or|of|for|at|from|in|with|by|to|the|on|after)\s+$")
# "X announced a new drive, saying ...": a participle reports what the clause's subject said.
_PARTICIPLE_GAP = re.compile(r"\s*(?:,[^,;:!?\"“”]{1,150},\s*)?\s+[a-z]+\b[^.;:!?]{0,150}?")
# "..., Sir Andrew Green, said": a name in apposition to the real subject, right before the verb.
_APPOSED_GAP = re.compile(rf",\s*(?:(?:{AUX})\s+)*")
# Two appositions between a name opening its sentence and its verb: "Wilhelm Christians, joint chief executive of
# West Germany's largest bank, Deutsche Bank, said", "Nick Davies, spokesman for the IAAF, which handed out the
# bans, said": the name speaks, not the body named inside them.
_TWO_APPOSITIONS = re.compile(rf"(?:,(?:[^,;:!?\"“”]|\"_*\"){{1,150}}){{2}},\s*(?:(?:{AUX}|[a-z]+ly)\s+)*")
# Words between an inverted verb and its subject: roles and organisations, never a new clause.
_GAP_WORD = rf"(?:(?:[A-Z]\.){{2,3}}|(?!(?:{STOP}|{AUX}|it|we|they|you|i)\b)[A-Za-z0-9][\w'’-]*)"
# "said his coach Peter Stanley": a possessive, then a role noun and its holder's name, stands before an inverted
# verb's subject (not "said her son's killer, Warren Leblanc, had…").
_POSSESSIVE = re.compile(r"\s+(?:his|her|their|its)(?=\s)")
_OWN_ROLE = re.compile(rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_ROLE_NOUN})\s+[A-Z]")
_INVERTED_GAP = re.compile(
    rf"\s+(?:(?:{_GAP_WORD}|of|for|at|and)\s+){{0,7}}(?:[a-z][\w'’-]*,\s+)?"
)  # "said U.S. trade representative Clayton Yeutter", "said Nortel president and chief executive Bill Owens",
# "said 20-year-old politics student Nick Vaughan", "said BA director of commercial planning, Robert Boyle",
# "according to media and PR strategist Glen Yearwood"
# What follows the subject of a reported clause, not an inverted speaker: a quote or a verb of its own.
_REPORTED_CLAUSE = re.compile(
    r"\s+(?:[\"“]|(?:should|would|will|was|is|were|are|had|has|have|could|must|may|might|did|does|can|cannot)\b)"
)
_PRONOUN_GENDER = {"H": "m", "h": "m", "S": "f", "s": "f"}  # by a pronoun's first letter; "it" is neither
# A report with no verb between its subject and the quotation: a reaction in a list ('- Manchester City boss Kevin
# Keegan: "We had a great chance…"'), or after a verb opening the sentence ('Said Mr Bysshe: "Painkiller is…"').
COLON_QUOTE = r"\s*:\s*[\"“]"  # a colon, then the quotation it introduces
_COLON_QUOTE = re.compile(COLON_QUOTE)
_DASHED_QUOTE = re.compile(r"\s*:?\s*[\"“]")  # "- Bolton boss Sam Allardyce "I am bitterly disappointed…""
_ROLE_MODIFIERS = frozenset({"assistant", "deputy", "former", "acting", "caretaker", "interim", "vice"})
_LISTED_SUBJECT = re.compile(
    r"(?:^|[.!?_][\"”’]*\s+)(?P<dash>[-–—]\s+)?(?:(?:Said|Says|Adds|Added|Observes|Explains|Notes|Insists|Warns)\s+)?"
    rf"(?:(?:[A-Z][\w'’.&-]*|{word_pattern(ROLE_HEADS | _ROLE_MODIFIERS)})\s+){{0,6}}$"
)
_OPENING_PRONOUN = re.compile(r"[\s\"“(]*(He|She)\b(?!['’])")


def subject_before(masked: str, refs: list[Ref], verb_start: int, floor: int, participle: bool) -> int | None:
    """Index of the reference that is the subject of a verb, looking left within the sentence."""

    def opening() -> Ref | None:
        found = opening_subject(masked, refs, floor)
        return None if found is None else refs[found]

    def subject(ref: Ref) -> bool:
        return bool(
            _GAP.fullmatch(masked, ref.end, verb_start)
            or (_BUT_GAP.fullmatch(masked, ref.end, verb_start) and ref is opening())
            or (participle and _PARTICIPLE_GAP.fullmatch(masked, ref.end, verb_start))
            or (ref.kind == "name" and _NAME_GAP.fullmatch(masked, ref.end, verb_start))
            or (ref.kind == "role" and _ROLE_GAP.fullmatch(masked, ref.end, verb_start))
            or (masked[ref.start - 2 : ref.start] == ", " and _APPOSED_GAP.fullmatch(masked, ref.end, verb_start))
            or (ref.kind == "name" and _THEIR_WORDS_GAP.fullmatch(masked, ref.end, verb_start))
            or (
                ref.kind == "name"
                and _OPENING_NAME_GAP.fullmatch(masked, ref.end, verb_start)
                and opens_its_clause(masked, ref.start)
            )
        )

    first = opening_subject(masked, refs, floor)
    opener = refs[first].name if first is not None else None
    if (
        first is not None
        and opener is not None
        and (opener.is_full or bool(opener.honorific))  # not a lone word ("In Jamaica, OPEC President Rilwanu…")
        and refs[first].end <= verb_start
        and _TWO_APPOSITIONS.fullmatch(masked, refs[first].end, verb_start)
    ):
        return first
    return _last_before(refs, verb_start, floor, subject)


def opening_subject(masked: str, refs: list[Ref], floor: int) -> int | None:
    """Index of the reference opening the sentence at ``floor`` (the name when a role stands right before it:
    "French President Jacques Chirac"), or None when the sentence opens otherwise."""
    opening = floor + len(masked[floor:]) - len(masked[floor:].lstrip(' \t"“'))
    found = next((i for i, r in enumerate(refs) if r.start >= opening and not r.in_quote), None)
    if found is None or not _CAPITALISED_WORDS.fullmatch(masked, opening, refs[found].start):
        return None
    while found + 1 < len(refs) and not masked[refs[found].end : refs[found + 1].start].strip():
        found += 1
    return found


def name_before_comma(masked: str, refs: list[Ref], verb_start: int, floor: int) -> int | None:
    """Index of the name a verb's subject is when commas broke the usual shapes, tried after every other reading
    found no one: "The men's solicitor Matthew Knight, said", "Kirsten Pfeifer from the Consumer Electronics
    Association, told", "Mitchell Held of Smith Barney, Harris Upham and Co Inc said". Never a name inside a
    phrase ("director of the Institute for Political Studies in Japan, said")."""

    def subject(ref: Ref) -> bool:
        gap = masked[ref.end : verb_start]
        return (
            ref.kind == "name"
            and (gap == ", " or _NAME_GAP_COMMA.fullmatch(gap) is not None)
            and _INSIDE_PHRASE.search(masked, max(0, ref.start - 8), ref.start) is None
        )

    return _last_before(refs, verb_start, floor, subject)


def _last_before(refs: list[Ref], verb_start: int, floor: int, subject: Callable[[Ref], bool]) -> int | None:
    """Index of the nearest of the (at most three) references before a verb in its sentence, outside quotes,
    that ``subject`` accepts."""
    tried = 0
    for i in range(len(refs) - 1, -1, -1):
        ref = refs[i]
        if ref.end > verb_start or ref.in_quote:
            continue
        if ref.start < floor or tried == 3:
            return None
        tried += 1
        if subject(ref):
            return i
    return None


def subject_after(masked: str, refs: list[Ref], verb_end: int, limit: int) -> int | None:
    """Index of the reference named after an inverted verb ('..., said Stuart Hensel'); not of whose
    someone is ('said Sandvine's chief technology officer Marc Morin': Morin)."""
    if (own := _POSSESSIVE.match(masked, verb_end)) and _OWN_ROLE.match(masked, own.end()):
        verb_end = own.end()
    for i, ref in enumerate(refs):
        if ref.start >= verb_end and not ref.in_quote:
            if ref.start <= limit and _INVERTED_GAP.fullmatch(masked, verb_end, ref.start):
                owner = masked.startswith(("'s ", "’s "), ref.end) and i + 1 < len(refs)
                found = i + 1 if owner and refs[i + 1].start <= limit and not refs[i + 1].in_quote else i
                # "…, said Mr Blair "should butt out"": the reported clause's subject, not the speaker.
                return None if _REPORTED_CLAUSE.match(masked, refs[found].end) else found
            if ref.start > verb_end + 1:
                return None
    return None


def pronoun_spans(masked: str) -> list[tuple[int, int]]:
    """Spans of every "he", "she" and "it" in a paragraph, in order."""
    found = [m.span() for m in _PRONOUN.finditer(masked)]
    if "it " in masked or "It " in masked:
        found = sorted([*found, *(m.span() for m in _IT.finditer(masked))])
    return found


def add_pronoun(masked: str, refs: list[Ref], pronouns: list[tuple[int, int]], floor: int, verb_start: int) -> None:
    """Add the last "he"/"she"/"it" before a verb as a reference, so it can be the verb's subject."""
    i = bisect_left(pronouns, (verb_start, 0)) - 1
    if i < 0 or pronouns[i][0] < floor or pronouns[i][1] > verb_start:
        return
    start, end = pronouns[i]
    if any(r.start == start for r in refs):
        return
    add_ref(refs, Ref("pronoun", start, end, gender=_PRONOUN_GENDER.get(masked[start], "n")))


def add_opening_pronouns(masked: str, refs: list[Ref], bounds: list[int]) -> None:
    """Add a "He"/"She" opening a sentence as a reference, speaking or not: the sentence is about the person it
    means, not about the first name after it ("He was threatened with the sack by City boss Kevin Keegan but the
    defender said")."""
    taken = {r.start for r in refs}
    added = False
    for floor in bounds[:-1]:
        opening = _OPENING_PRONOUN.match(masked, floor)
        if opening is not None and opening.start(1) not in taken:
            start, end = opening.span(1)
            refs.append(Ref("pronoun", start, end, gender=_PRONOUN_GENDER[masked[start]]))
            added = True
    if added:
        refs.sort(key=lambda r: r.start)


def epithet_before(masked: str, refs: list[Ref], floor: int, verb_start: int) -> int | None:
    """A description of someone just named opening the sentence before its verb ("The Frenchman said", "But the
    67-year-old has said"), added as a reference; its index, or None."""
    if not masked.startswith(_EPITHET_OPENINGS, floor):
        return None
    return _add_epithet(refs, _EPITHET_BEFORE.fullmatch(masked, floor, verb_start))


def epithet_after(masked: str, refs: list[Ref], verb_end: int) -> int | None:
    """A description of someone just named after an inverted verb ("…, said the Frenchman."), added as a
    reference; its index, or None."""
    return _add_epithet(refs, _EPITHET_AFTER.match(masked, verb_end))


def _add_epithet(refs: list[Ref], match: re.Match[str] | None) -> int | None:
    if match is None:
        return None
    noun = match["noun"].lower()
    if noun in BODY_KINDS:
        # "the association", in lower case: a body named before; "The Federal Trade Commission" is a name, and
        # "the board of Lufthansa" the body after it.
        if not match.string[match.end("the") : match.end("noun")].islower() or match.string.startswith(
            " of ", match.end("noun")
        ):
            return None
        return add_ref(refs, Ref("epithet", match.start("the"), match.end("noun"), gender="n", body_kind=noun))
    return add_ref(refs, Ref("epithet", match.start("the"), match.end("noun"), gender=EPITHETS.get(noun)))


def add_ref(refs: list[Ref], ref: Ref) -> int:
    """Insert a reference in text order and return its index."""
    refs.append(ref)
    refs.sort(key=lambda r: r.start)
    return refs.index(ref)


def listed_speakers(masked: str, refs: list[Ref]) -> list[int]:
    """Indexes of the names that open a sentence, perhaps after a dash, their role or a verb, and go straight on
    to a colon and a quotation (after a dash, the colon may be missing): their words follow."""
    found = []
    for index, ref in enumerate(refs):
        if ref.kind != "name" or ref.speaks or ref.in_quote or not _DASHED_QUOTE.match(masked, ref.end):
            continue
        opening = _LISTED_SUBJECT.search(masked, max(0, ref.start - 80), ref.start)
        if opening and (opening["dash"] or _COLON_QUOTE.match(masked, ref.end)):
            found.append(index)
    return found
