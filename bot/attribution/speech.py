"""Find the references in a paragraph and which of them are subjects of reported speech."""

from __future__ import annotations

import re

from .lexicon import (
    COMMON_CAPS,
    NO_AGENT_VERBS,
    OPENING_CLAUSE,
    PASSIVE_AUX,
    PROGRESSIVE_VERBS,
    ROLE_HEADS,
    SENTENCE_END,
    SPEECH_VERB_WORDS,
    VERB_IDIOMS,
    VERB_PARTICLES,
    word_pattern,
)
from .names import NameMention, relative_mention
from .orgs import OrgMention, org_after, org_before, org_closing
from .references import NEXT_WORD, Ref, find_refs, mask_quotes, quote_spans
from .subjects import (
    AUX,
    COLON_QUOTE,
    ROLE_APPOSITION,
    STOP,
    add_opening_pronouns,
    add_pronoun,
    add_ref,
    epithet_after,
    epithet_before,
    listed_speakers,
    name_before_comma,
    opening_subject,
    pronoun_spans,
    subject_after,
    subject_before,
)

# "The agency quoted him as saying", "Miller was quoted by the paper as saying".
_QUOTED_AS = re.compile(
    r"\bquoted\s+(?:(?P<pronoun>him|her)\s+|(?P<object>[A-Z][^,;:]{0,60}?)\s+)?(?:by\s+[^,;:]{1,60}?\s+)?as\s+$"
)
_PARTICIPLES = frozenset({"saying", "adding"})
# "Wenger stepped up his feud by claiming the United manager is guilty", "…, arguing that it is a matter of
# conscience": after a comma or a preposition, a speech verb's -ing form reports its clause's subject when a
# report follows it (a clause, a quotation), or always for "telling"; not "…, claiming the men's 800m title".
_REPORTED = re.compile(
    rf"{COLON_QUOTE}|[^.;:!?]*?(?:[\"“]|\b(?:that|he|she|they|it|we|i|you|is|are|was|were|has|have|had|will|would"
    r"|could|should|can|may|might|must|did|does|do)\b)",
    re.IGNORECASE,
)
_PUT_TO = frozenset({"asked", "questioned"})  # a question put to someone: the quote opening the next sentence answers
_QUOTE_MARK = re.compile(r"[\"“]")
# "India has ordered the deportation of actress Negar Khan after saying she worked illegally": after a preposition
# the participle's subject is the clause's, the reference opening the sentence, never a name in between.
_PARTICIPLE_PREPOSITIONS = frozenset({"after", "before", "while", "by", "without", "since", "on"})
# "Tony Blair is urging", "they were warning": a speech verb's -ing form after a form of "be".
_BE = frozenset({"is", "are", "was", "were", "been"})
_ADDING = frozenset({"added", "adds"})
# What a side or player adds in sport: "added a late try", "added two more goals", "added 12 points"; or an amount
# added ("he added 1.28p per litre", "added £5bn").
_SCORE_AFTER = re.compile(
    r" (?:(?:(?:a|an|another|two|three|four|five|\d+|his|her|their|the) )?"
    r"(?:(?:late|second|third|fourth|fifth|more|further|first-half|second-half) )*"
    r"(?:tries|try|goals?|points|runs|penalt(?:y|ies)|conversions?|drop goals?)\b"
    r"|[£$€]\d[\d.,]*(?:m|bn)?\b|\d[\d.,]*(?:p|m|bn)\b|\d[\d.,]*%)"
)
# "Jobs have continued to increase", "has only added to the impression": going on or adding to something, not words.
_GOING_ON = frozenset({"added", "adds", "continued", "continues"})
# Speech verbs' -s forms that are plural nouns when a past tense or a preposition follows ("Older attacks relied on
# users", "Legal attacks on websites", "fears over jobs"), and for "attacks", which always takes an object, an
# auxiliary too ("Terrorist attacks will take place"; but "what Jamie hopes will be a return" is his hope).
_PLURAL_NOUN_FORMS = frozenset({"attacks", "fears", "hopes", "demands"})
_NOUN_GOES_ON = re.compile(r" (?:on|against|over|from|by|in|of|[a-z]+ed)\b")
_ATTACKS_GO_ON = re.compile(r" (?:is|are|was|were|have|has|had|will|would|could|can|may|might|should|must)\b")
# Plural-noun forms that a person's pronoun before makes a verb whatever follows: "He claims the banks were aware" (not
# "It claims", often a book or a report).
_PRONOUN_LED = frozenset({"claims", "notes"})
_PRONOUN_BEFORE = re.compile(r"\b(?:[Hh]e|[Ss]he|[Tt]hey) $")
# "Portsmouth claimed a draw", "Deacon claimed her first AAAs title": claiming a thing, with no report after it, is
# winning it (not '…, claimed the union', where the speaker follows the verb).
_OBJECT_NEXT = re.compile(r" (?:a|an|the|their|his|her|its) ")
_BE_ADVERBS = frozenset({"also", "still", "now", "again", "even", "already"})  # "is also claiming"
_HEADS = ROLE_HEADS | {h.capitalize() for h in ROLE_HEADS}
# A clause or phrase opening a sentence before its subject, up to its comma.
_FRONTED_CLAUSE = re.compile(rf"[\s\"“]*{OPENING_CLAUSE}[^,;:.!?\"“”]{{1,150}},")
# Words after which a name is an object or one example among others, not the sentence's subject; more words
# with capitals may stand between ("introduced by Senator Lloyd Bentsen", "such as EastEnders and Top Gear"). Not
# every preposition: "heard from Lord Roberts, who…" and "not enough for Mr Sarkozy" make their object whom the
# story goes on about.
_OBJECT_MARKERS = frozenset(
    "including like featuring starring versus unlike by of with against between to at in on into over under among"
    " through across via".split()
)
_LIST_JOINERS = frozenset({"and", "or", "&"})
_LIST_REACH = 8  # words read back from a name for the word heading its list
# "on Monday Mr Smith said", "in January, Victoria Wood said": a time, not a name in a list.
_TIME_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August"
    " September October November December".split()
)
# One scan finds both speech verbs and role nouns; each regex pass over the text costs about as much.
# The pattern starts by consuming the character before the word rather than with \b, which lets the
# regex engine jump between candidate characters instead of trying every position (about a third faster).
_KEYWORD = re.compile(
    rf"[\s\-\"“”‘’'(/\[.,—–:;!?*&+=<>|\]{{}}…]"
    rf"({word_pattern(SPEECH_VERB_WORDS | _HEADS | {'according', 'According'})})(?![\w'’-])"
)
# "has called the rebate "unjustified"": calling something a quoted name states a position.
_NAMING = frozenset({"called", "calls"})
_QUOTE_NEXT = re.compile(r"[^.;:!?\"“]{0,60}[\"“]_")
# What lies between a name and a body it was written with ("Paul Renner, chief dealer at Banque
# Nord said"): the name, not the body, is the subject. The body may follow what it is ("Christopher Osborne of
# stockbroker Hoare Govett said") or open on capitalised words read as none of its name ("Laura Brownlees of
# Save the Children said", where the name found is "Children").
_AT = re.compile(
    rf"(?:{ROLE_APPOSITION})?\s+(?:of|from|at|with)\s+(?:the\s+)?(?:(?!(?:{STOP})\b)[a-z][\w-]*\s+){{0,2}}"
    r"(?:[A-Z][\w&'’.-]*\s+(?:(?:the|of|and|for|&)\s+)?){0,3}"
)
# Between a speaker and the place they speak in: nothing, where they work ("Paul Ast of Sogenal in Zurich said"),
# or their short name ("Societe Generale Alsacienne (Sogenal) in Zurich said").
_BEFORE_PLACE = re.compile(r"(?:\s+(?:of|at|with|for|from)\s+[^,;:.\"“”_]{0,100}?)?(?:\s+\([\w.&]+\))?\s+in\s+")
# "was criticised by X": the agent of a passive stance verb.
_BY = re.compile(r"\s+by\s+")
# A lower-case word after a capitalised one that makes it a modifier ("Apple fans"), not a function word.
_NOUN_AFTER = re.compile(rf"\s+(?!(?:{STOP}|{AUX}|over|during|because|amid|yesterday|earlier)\b)[a-z]")
# Present forms that are more often plural nouns ("their Oscars hopes", "Tory demands"): a body is
# their subject only when it opens a clause ("The ADB fears", "By targeting servers, the MPAA hopes").
_NOUN_LIKE = frozenset({"hopes", "fears", "demands", "claims", "notes"})
_BEFORE_NOUNS = frozenset({"our", "their", "his", "her", "its", "my", "your", "the", "hopes", "fears", "demands"})
_CLAUSE_OPENING = re.compile(r"(?:[,;:—\"“-]|\b(?:But|And|So|Now|However|Meanwhile))\s*(?:[Tt]he\s*)?$")
_SENTENCE_OPENING = re.compile(r"[\s\"“]*(?:[Tt]he\s*)?")
_INVERSION_CUES = ',"”’:—-'
# Verbs a body closing an inverted report speaks by ('…, said the World Bank.'); "told the BBC" names who heard it.
_INVERTED_BY = frozenset(
    (
        "said says added adds noted notes stated explained continued argued insisted commented reported wrote writes"
    ).split()
)
# A lone capitalised word closing an inverted report: '"I've surprised myself," said Sotherton.'
_LONE_NAME_AFTER = re.compile(r" ([A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?=[.,;:!?]|$)")
_AND = re.compile(r",?\s+and\s+")
# A subject after "if" or "unless": what they say or think is supposed, not reported ("even if" concedes a fact).
_HYPOTHETICAL = re.compile(r"(?<![\w-])(?<!even )(?:[Ii]f|[Uu]nless)\s+(?:the\s+)?$")
_LIST_COMMA = re.compile(r",\s*")


def _lone_name_after(masked: str, refs: list[Ref], verb_end: int, known: set[str]) -> int | None:
    """Index of a name met for the first time as one word right after an inverted verb ('"…," said
    Sotherton.': her first name was never given), added as a reference and to the known names; else None.

    Without it the quote went to whoever spoke last.
    """
    match = _LONE_NAME_AFTER.match(masked, verb_end)
    if match is None or match[1].lower() in COMMON_CAPS:
        return None
    known.add(match[1].lower())
    start, end = match.span(1)
    mention = NameMention(start, end, (match[1],), "", (), titled=True)  # a name by its place, though one word
    return add_ref(refs, Ref("name", start, end, name=mention))


def _a_place(masked: str, ref: Ref) -> bool:
    """Whether a name or body read as a subject is a place written right after "in" ("a dealer in Tokyo said"), not
    a place before a name ("Speaking in Harrogate Mr Kennedy said")."""
    if ref.kind not in ("name", "org") or not masked.endswith(" in ", 0, ref.start):
        return False
    return ref.name is None or masked.startswith(ref.name.words[0], ref.start)


def analyse(text: str, known: set[str] | None = None) -> list[Ref]:
    """Return a paragraph's references in text order, the subjects of speech verbs marked.

    :param known: lower-case surnames and first names already introduced; a lone capitalised
        word is considered only if it is one of them. Full names found here are added to it.
    """
    known = set() if known is None else known
    spans = quote_spans(text)
    masked = mask_quotes(text, spans) if spans else text
    verbs: list[tuple[int, int, str]] = []
    heads: list[tuple[int, int]] = []
    for match in _KEYWORD.finditer(" " + masked):  # the space stands before a paragraph's first word
        word = match[1]
        start, end = match.start(1) - 1, match.end(1) - 1
        if word in _HEADS:
            heads.append((start, end))
        elif word in VERB_PARTICLES:
            after = NEXT_WORD.match(masked, end)
            # Not "ruled out of the opening matches": an injury, not a statement.
            particle = after[1] if after and not masked.startswith(" of", after.end()) else ""
            if (
                particle in VERB_PARTICLES[word]
                or (word in _NAMING and _QUOTE_NEXT.match(masked, end))
                or (word in _PRONOUN_LED and _PRONOUN_BEFORE.search(masked, max(0, start - 5), start))
            ):
                verbs.append((start, end, word))
        elif word in VERB_IDIOMS:
            if masked.startswith(VERB_IDIOMS[word], end):
                verbs.append((start, end, word))
        elif word in SPEECH_VERB_WORDS:
            if word in _ADDING and _SCORE_AFTER.match(masked, end):
                continue  # "added two tries": a score
            if word in _GOING_ON and masked.startswith(" to ", end):
                continue  # "continued to increase": going on
            if word == "claimed" and _claims_a_thing(masked, start, end):
                continue  # "Portsmouth claimed a draw": a win
            if word in _PLURAL_NOUN_FORMS and (
                _NOUN_GOES_ON.match(masked, end) or (word == "attacks" and _ATTACKS_GO_ON.match(masked, end))
            ):
                continue  # "Older attacks relied on…": a noun
            verbs.append((start, end, word))
        elif masked.startswith(" to", end):
            verbs.append((start, end + 3, ""))  # "according to X"
    refs = find_refs(text, masked, spans, known, heads)
    if not refs and not verbs:
        return refs  # a quarter of paragraphs: nobody to place in a sentence
    bounds = [0, *[m.end() for m in SENTENCE_END.finditer(masked)], len(masked) + 1]
    pronouns: list[tuple[int, int]] | None = None  # found on the first verb that needs them
    # Per sentence, the reference found speaking: "Menzies Campbell said a win by Mr Kerry would have given Mr Blair
    # a fresh start, adding …" — the participle after the comma is Campbell's, not the name just before it.
    sentence_speaker: dict[int, int] = {}
    s = 0
    for start, end, verb in verbs:
        while bounds[s + 1] <= start:
            s += 1
        floor = bounds[s]
        if masked[floor : bounds[s + 1]].rstrip().endswith("?"):
            continue  # "So is the job to destroy the Tories, as Kilroy-Silk once declared?": the writer asking
        left = masked[floor:start].rstrip()
        word_before = left[left.rfind(" ") + 1 :].lower()
        progressive = verb.endswith("ing") and _after_be(left, word_before)  # "is (also) claiming"
        reporting = verb in PROGRESSIVE_VERBS and not progressive and _reports(masked, left, word_before, verb, end)
        if verb in PROGRESSIVE_VERBS:
            if not progressive and not reporting:
                continue  # "a warning", "urging calm": no one is speaking
        elif word_before in PASSIVE_AUX and not progressive:
            # "was told", "is said to": the subject did not speak. "was criticised by X": X did.
            found = None if verb in NO_AGENT_VERBS else _agent(masked, refs, end, bounds[s + 1])
            put_to = verb in _PUT_TO and not _QUOTE_MARK.search(masked, end, bounds[s + 1])  # not 'asked: "Why…"'
            if found is None and put_to and masked.startswith(('"', "“"), bounds[s + 1]):
                # "Dr Fox was asked if he would say yes or no. "I'm sure that…"": the quote is their answer.
                found = subject_before(masked, refs, start, floor, False)
            if found is not None:
                _mark(refs, found, start)
            continue
        if verb in _NOUN_LIKE and (word_before.rstrip(",") in _BEFORE_NOUNS or word_before.endswith("ing")):
            continue  # "our hopes, fears and beliefs", "Addressing claims that": nouns
        # "He is saying that…" reports like "He says"; "…, arguing that…" like "…, saying that…".
        participle = (verb in _PARTICIPLES and not progressive) or reporting
        if verb:
            if pronouns is None:
                pronouns = pronoun_spans(masked)
            add_pronoun(masked, refs, pronouns, floor, start)
        found = _quoted_as(masked, refs, floor, start) if verb == "saying" and left.endswith(" as") else None
        if found is None and verb and not participle:
            found = epithet_before(masked, refs, floor, start)
        if found is None and participle and word_before in _PARTICIPLE_PREPOSITIONS:
            found = opening_subject(masked, refs, floor)
            if found is None:
                continue
        if found is None and reporting and left.endswith(","):
            # "Mr Evans sued Mr Mann, claiming…": the sentence's subject claims, never a name in between.
            found = opening_subject(masked, refs, floor)
            if found is None:
                found = sentence_speaker.get(s)
            if found is None:
                continue
        if found is None and participle and left.endswith(",") and s in sentence_speaker:
            found = sentence_speaker[s]
        if found is None and verb:
            found = subject_before(masked, refs, start, floor, participle)
        inverted = not participle and (not verb or not left or left[-1] in _INVERSION_CUES)
        if found is None and inverted:
            found = subject_after(masked, refs, end, start + 80)
        if found is None and inverted and verb:
            found = epithet_after(masked, refs, end)
        # "Icstis, the phone line regulator, said": the body, not its apposed role, is the subject.
        apposed = found is not None and refs[found].kind == "role" and masked[refs[found].start - 2] == ","
        # "A spokesman for UKIP said": the body speaks; a spokesman of no body is anybody. "Another analyst,
        # Richard Cohen at Brown Baldwin, noted": the name put beside them.
        anybody = found is not None and refs[found].anybody
        if anybody and found is not None and _named_beside(masked, refs, found):
            found, anybody = found + 1, False
        if (found is None or apposed or anybody) and not participle:
            org = org_before(masked, floor, start) if verb else org_after(masked, end, min(len(masked), end + 100))
            if (
                org is not None
                and masked[org.start] != "_"
                and not any(_overlap(r, org) for r in refs)
                and (verb not in _NOUN_LIKE or _opens_clause(masked, floor, org.start))
            ):
                found = add_ref(refs, _org_or_relative(masked, org))
            elif org is not None and org.voiced:
                # "Pentagon officials have said" once the Pentagon is a known name: that name speaks.
                found = next((i for i, r in enumerate(refs) if (r.start, r.end) == (org.start, org.end)), found)
        closing = org_closing(masked, end) if found is None and inverted and verb in _INVERTED_BY else None
        if closing is not None and not any(_overlap(r, closing) for r in refs):
            found = add_ref(refs, Ref("org", closing.start, closing.end, org=closing))
        if found is None and inverted and verb:
            found = _lone_name_after(masked, refs, end, known)
        if found is None and verb and not participle:
            found = name_before_comma(masked, refs, start, floor)
        if found is None or _HYPOTHETICAL.search(masked, max(floor, refs[found].start - 12), refs[found].start):
            continue  # "If Alex Kapranos genuinely thinks…": a supposition, not his words
        if (
            _a_place(masked, refs[found])
            and found > 0
            and refs[found - 1].start >= floor
            and _BEFORE_PLACE.fullmatch(masked, refs[found - 1].end, refs[found].start)
        ):
            # "a dealer in Tokyo said": where the speaker is; "Authorities in Philadelphia said", with no one else
            # to say it, stays the place's (its authorities).
            found -= 1
        if (
            found > 0
            and refs[found - 1].kind == "name"
            and refs[found - 1].start >= floor
            and _AT.fullmatch(masked, refs[found - 1].end, refs[found].start)
        ):
            found -= 1  # "John Doe at Lehman Brothers said": the person, not where they work
        _mark(refs, found, start)
        sentence_speaker[s] = found
        # "Ms X and Mr Y said" / "X, Y and Z said": every coordinated subject speaks.
        joiner = _AND
        while (
            found > 0
            and refs[found - 1].kind == "name"
            and joiner.fullmatch(masked, refs[found - 1].end, refs[found].start)
        ):
            found -= 1
            _mark(refs, found, start)
            joiner = _LIST_COMMA
    for index in listed_speakers(masked, refs):
        _mark(refs, index, refs[index].end)
    add_opening_pronouns(masked, refs, bounds)
    b = 0
    clause_end = _fronted_clause_end(masked, bounds[0])
    governed: Ref | None = None  # the last reference that is an object or an example: a list may go on from it
    for ref in refs:
        if bounds[b + 1] <= ref.start:
            while bounds[b + 1] <= ref.start:
                b += 1
            clause_end = _fronted_clause_end(masked, bounds[b])
        ref.sentence = b  # a reference is in sentence 0 by default
        listed = governed is not None and governed.sentence == b and _in_list(masked, governed.end, ref.start)
        governed = ref if listed or _an_object(masked, bounds[b], ref.start) else None
        ref.fronted = ref.end <= clause_end or governed is not None
    return refs


def _fronted_clause_end(masked: str, floor: int) -> int:
    """Where a clause opening the sentence at ``floor`` ends (its comma), or -1 when the sentence opens otherwise."""
    clause = _FRONTED_CLAUSE.match(masked, floor)
    return clause.end() if clause is not None else -1


def _an_object(masked: str, floor: int, start: int) -> bool:
    """Whether a reference is the object of a preposition or named as an example, first of a list perhaps
    ("programmes such as EastEnders and Top Gear", "a bill introduced by Senator Lloyd Bentsen"): not its
    sentence's subject."""
    words = masked[floor:start].split()[-_LIST_REACH:]
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in _LIST_JOINERS or (word[:1].isupper() and word[-1].isalnum() and word not in _TIME_NAMES):
            continue
        return word in _OBJECT_MARKERS or (word == "as" and i > 0 and words[i - 1] == "such")
    return False


def _in_list(masked: str, after: int, start: int) -> bool:
    """Whether a reference follows the one before as the next item of a list ("Elvis Presley, Buddy Holly and")."""
    return bool(_LIST_COMMA.fullmatch(masked, after, start) or _AND.fullmatch(masked, after, start))


def _claims_a_thing(masked: str, start: int, end: int) -> bool:
    """Whether "claimed" takes a thing won rather than a report: an object follows it, and no clause or quotation
    before the sentence ends, and no speaker after it ('…, claimed the union')."""
    before = masked[:start].rstrip()
    return (
        _OBJECT_NEXT.match(masked, end) is not None
        and _REPORTED.match(masked, end) is None
        and not (before and before[-1] in _INVERSION_CUES)
    )


def _reports(masked: str, left: str, word_before: str, verb: str, end: int) -> bool:
    """Whether a speech verb's -ing form (not after "be") reports its clause's subject: after a comma or a
    preposition, before a report."""
    after_clause = left.endswith(",") or word_before in _PARTICIPLE_PREPOSITIONS
    return after_clause and (verb == "telling" or _REPORTED.match(masked, end) is not None)


def _after_be(left: str, word_before: str) -> bool:
    """Whether a verb's -ing form follows a form of "be", perhaps with an adverb between ("is also claiming")."""
    if word_before in _BE:
        return True
    if word_before not in _BE_ADVERBS and not word_before.endswith("ly"):
        return False
    words = left.rsplit(maxsplit=2)
    return len(words) >= 2 and words[-2].lower() in _BE


def _opens_clause(masked: str, floor: int, start: int) -> bool:
    """True when a subject starts its sentence or a clause, so a following "hopes" is a verb."""
    return (
        _SENTENCE_OPENING.fullmatch(masked, floor, start) is not None
        or _CLAUSE_OPENING.search(masked, max(floor, start - 20), start) is not None
    )


def _overlap(ref: Ref, org: OrgMention) -> bool:
    """True when an organisation found by its capitals is (part of) a reference already read as a name."""
    return ref.start < org.end and org.start < ref.end


def _org_or_relative(masked: str, org: OrgMention) -> Ref:
    """The reference for a capitalised subject: a relative's first name ("his wife Cherie"), else a body."""
    if " " not in org.name and not org.name.isupper():
        relative = relative_mention(masked, org.start, org.name)
        if relative is not None:
            return Ref("name", org.start, org.end, name=relative)
    return Ref("org", org.start, org.end, org=org)


def _quoted_as(masked: str, refs: list[Ref], floor: int, verb_start: int) -> int | None:
    """Index of who a news source "quoted ... as saying": the object, or the subject of a passive."""
    match = _QUOTED_AS.search(masked, max(floor, verb_start - 120), verb_start)
    if match is None:
        return None
    if match["pronoun"]:
        gender = "m" if match["pronoun"] == "him" else "f"
        return add_ref(refs, Ref("pronoun", match.start("pronoun"), match.end("pronoun"), gender=gender))
    if match["object"]:
        end = match.end("object")
        return next((i for i, r in enumerate(refs) if r.end == end and not r.in_quote), None)
    return subject_before(masked, refs, match.start(), floor, False)  # "X was quoted as saying"


def _agent(masked: str, refs: list[Ref], verb_end: int, ceiling: int) -> int | None:
    """Index of the agent of a passive verb ("was criticised by the minister") before ceiling, or None."""
    by = _BY.match(masked, verb_end, ceiling)
    if by is None:
        return None
    at = by.end()
    # "by Conservative shadow pensions secretary David Willetts": roles may come before the name.
    found = subject_after(masked, refs, at - 1, min(ceiling, at + 80))
    if found is not None:
        ref = refs[found]
        # "agreed by a psychiatric adviser": anyone, not someone the story goes on to name.
        return None if ref.kind == "pronoun" or ref.indefinite else found
    org = org_after(masked, at, min(len(masked), ceiling, at + 100))
    if (
        org is None
        or org.start > at + 4  # only "by X" or "by the X", not "by many in X"
        or masked[org.start] == "_"
        or _NOUN_AFTER.match(masked, org.end)  # "by Hollywood film studios": a group named by a place
        or any(_overlap(r, org) for r in refs)
    ):
        return None
    return add_ref(refs, _org_or_relative(masked, org))


def _named_beside(masked: str, refs: list[Ref], index: int) -> bool:
    """Whether a reference is followed by a name in apposition ("another analyst, Richard Cohen")."""
    after = index + 1
    return after < len(refs) and refs[after].kind == "name" and masked[refs[index].end : refs[after].start] == ", "


def _mark(refs: list[Ref], index: int, pos: int) -> None:
    """Record that a reference speaks at a position."""
    refs[index].speaks = True
    refs[index].speech_pos.append(pos)
