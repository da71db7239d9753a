"""Attribute each paragraph of an article to the people who speak in it and those it mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .carried import opens_on_quote, quote_carried, runs_on, said_by_many
from .coref import FIRST_NAME_TITLES, Entity, People
from .lexicon import EPITHETS, ROLE_HEAD_GENDER, ROLE_HEADS, ROLE_SYNONYMS
from .name_roles import Role, role_head
from .references import Ref
from .roles import article_country, needs_country, normalise_role, role_forms
from .speech import analyse

_PARA = 1_000_000
# A pronoun reporting the words before it: ", he said", '," she added' (not "telling the court that he objected").
_AFTER_COMMA = re.compile(r",[\"”’']?\s*$")
_BYLINE = re.compile(r"\s*By\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*")
# The opening paragraphs say which country a story is about; reading further costs time and adds noise.
_COUNTRY_PARAGRAPHS = 6
# Roles that speak for someone else: who the story names next is often the one they speak for.
_SPEAKING_FOR = ROLE_SYNONYMS["spokesman"]
_NAME_IN_APPOSITION = re.compile(r", (?:[A-Z]\w*\.? )+")  # ", Brian Monteith MSP, said": a role's holder, named
_OWNER_PRONOUNS = {"his": "m", "her": "f", "its": "n"}  # "His spokesman said": whom "he" would be speaks
# A name given as the real or better-known one of the name right before it: "Jay-Z, real name Shawn Carter",
# "DJ Norman Cook - aka Fatboy Slim - has said", "Sizzla, whose real name is Miguel Collins" (not of a name further
# back: "Mr Rakosky said it was better than C-Murder, real name Corey Miller").
_OTHER_NAME = re.compile(r"[\s,(–—-]*(?:whose\s+)?(?:real name(?: is)?|better known as|also known as|aka)\s+")


@dataclass(frozen=True)
class Person:
    """Someone the article names: canonical name, lower-case name forms to ask by, roles it gives them, the roles a
    bare office makes of them with the country the article is mostly about, only guessed ("Prime Minister Margaret
    Thatcher" in a story on Japanese trade barriers is no Japanese prime minister), and roles it only seems to call
    them by ("Mr Cable said … The chancellor insisted", read as Cable)."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    guessed_roles: tuple[str, ...] = ()
    inferred_roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class ParagraphAttribution:
    """Canonical names of who speaks in a paragraph (main speaker first) and who is only mentioned."""

    speakers: tuple[str, ...]
    mentions: tuple[str, ...]


@dataclass(frozen=True)
class ArticleAttribution:
    """The people of an article and one attribution per input paragraph, in order."""

    people: tuple[Person, ...]
    paragraphs: tuple[ParagraphAttribution, ...]


# Reuters brackets a company's share code after its name ("Texaco Inc <TX>") and a company it has no code for
# ("<Nippon Oil>").
_SHARE_CODE = re.compile(r" <[A-Z][A-Z0-9.]*>")
_BRACKETED_NAME = re.compile(r"<([A-Z][^<>]*)>")
_LOWER_CASE_WORD = re.compile(r"\b[a-z]+\b")  # a story's words as written in lower case (see _common_word)

# Most paragraphs name nobody; they share one attribution.
_NOBODY = ParagraphAttribution((), ())


@dataclass(slots=True)
class _Pending:
    """A role that spoke before the article named who holds it ("the Trade Secretary has said")."""

    paragraph: int
    role: Role
    # "A House taxwriter said": someone new, who must be named in the next sentence (its number here).
    next_sentence: int | None = None
    # ... and who speaks as that role ("a House taxwriter") unless a name claims it.
    unnamed: Entity | None = None
    # The role serves someone named before ("Mr Blair's spokesman said"): only someone new may hold it, not the
    # next known person to speak (Gordon Brown, in the sentence after).
    serves: bool = False


class _Reader:
    """Walks an article's paragraphs in order, keeping who has been introduced and who spoke last."""

    def __init__(self, story: str) -> None:
        """:param story: the whole story, read for its words only when a body may be a common word."""
        self.people = People()
        self.spoken: list[list[tuple[Entity, int]]] = []
        self.mentioned: list[list[Entity]] = []
        self.pending: list[_Pending] = []
        self.last_speaker: Entity | None = None
        self.known: set[str] = set()
        self.open_quote = -1  # a paragraph whose quote runs on with nobody yet credited for it
        self.lead = 0  # the first paragraph after the headline
        self.ran_on = False  # the paragraph before ended inside a quotation
        self.story = story
        self.story_words: set[str] | None = None  # its lower-case words, read the first time they are needed

    def read(self, text: str) -> None:
        """Resolve the next paragraph's references and record its speakers and mentions."""
        index = len(self.spoken)
        spoken: list[tuple[Entity, int]] = []
        mentioned: list[Entity] = []
        self.spoken.append(spoken)
        self.mentioned.append(mentioned)
        if _BYLINE.fullmatch(text):
            return  # the author's byline: not someone in the story
        base = (index + 1) * _PARA
        subject_of = -1  # the sentence whose first person has been seen
        named: Entity | None = None  # the person the last name read means
        named_end = -1  # ... and where that name ends
        # "Juninho's agent has confirmed that the player hopes for talks with Martin O'Neill": a role waiting for its
        # name spoke as its sentence's subject; a name after its verb is not that name ("The Tory finance
        # spokesman, Brian Monteith MSP, said" is).
        role_verb = (-1, 0)  # that sentence and its verb's place
        sentence_at = (-1, base)  # the sentence being read and the place of its first reference
        # "Mr Blair has the same passion as in 1997, he said": the subject of a reported clause who does not speak
        # is not the "he" reporting it later in the sentence, who is whoever spoke last.
        reported: tuple[int, Entity | None] = (-1, None)
        for ref in analyse(text, self.known):
            if ref.sentence != sentence_at[0]:
                sentence_at = (ref.sentence, base + ref.start)
            after_role = ref.sentence == role_verb[0] and ref.start > role_verb[1]
            first = not ref.in_quote and ref.sentence != subject_of and not after_role and not ref.fronted
            if ref.kind == "pronoun" and not ref.speaks and text[ref.start] in "HS":
                if first:  # "He was threatened…by X": still about him; X is not the latest subject
                    subject_of = ref.sentence
                    if referent := self.people.resolve_pronoun(ref.gender, base + ref.start):
                        referent.last_subject = base + ref.start
                continue
            if named is not None and ref.name is not None and _OTHER_NAME.fullmatch(text, named_end, ref.start):
                self.people.also_known_as(named, ref.name, base + ref.start)
                continue
            entity = None
            if (
                ref.kind == "pronoun"
                and ref.speaks
                and reported[0] == ref.sentence
                and _AFTER_COMMA.search(text, 0, ref.start) is not None
            ):
                entity = self._reporter(reported[1], spoken, ref.gender, base + ref.start)
            if entity is None:
                entity = self._owner_speaking(text, ref, base + ref.start, named, named_end)
            if entity is None:
                entity = self._resolve(index, ref, base + ref.start, first, text, sentence_at[1])
            if ref.kind in ("name", "org") and entity is not None:
                named, named_end = entity, ref.end
            if entity is None:
                if first and ref.speaks and min(ref.speech_pos) > ref.start:
                    role_verb = (ref.sentence, min(ref.speech_pos))
                continue
            entity.mentions += 1
            if first:
                subject_of = ref.sentence
                if not ref.speaks and entity.kind == "person":
                    reported = (ref.sentence, entity)
            if ref.speaks or first:
                entity.last_subject = base + ref.start
            if ref.speaks:
                spoken.extend((entity, base + p) for p in ref.speech_pos)
            else:
                mentioned.append(entity)
        opens_with_quote = opens_on_quote(text)
        carried = opens_with_quote and (
            not spoken or quote_carried(text, min(p for _, p in spoken) - base, ran_on=self.ran_on)
        )
        if carried and self.last_speaker is not None and not said_by_many(text):
            spoken.append((self.last_speaker, base))  # a quote carried on from the paragraph before
        elif spoken and opens_with_quote and self.open_quote == index - 1:
            # A quote opened unattributed in the paragraph before and is credited here ('"..., he said").
            self.spoken[index - 1].append((min(spoken, key=lambda s: s[1])[0], index * _PARA))
        if spoken:
            self.last_speaker = max(spoken, key=lambda s: s[1])[0]
        self.ran_on = runs_on(text)
        self.open_quote = index if not spoken and self.ran_on else -1

    def _owner_speaking(self, text: str, ref: Ref, pos: int, named: Entity | None, named_end: int) -> Entity | None:
        """Whom a speaking spokesman speaks for when the role opens on its owner, else None: the name just read
        (ending at ``named_end``) in its possessive ("Mr Blair's spokesman said", "Big Brother's spokeswoman said":
        he speaks through them, as through "a spokesman for"), a pronoun ("His spokesman said": the man just
        written about) or a description ("The rapper's spokesman said": the rapper the story is about)."""
        if ref.kind != "role" or not ref.speaks or ref.role is None or ref.role.head not in _SPEAKING_FOR:
            return None
        if named is not None and ref.start <= named_end < ref.end and text.startswith(("'s ", "’s "), named_end):
            return named
        owner, _, _ = text[ref.start : ref.end].partition(" ")
        if gender := _OWNER_PRONOUNS.get(owner.lower()):
            return self.people.resolve_pronoun(gender, pos)
        noun = owner.lower().removesuffix("'s").removesuffix("’s")
        described = noun != owner.lower() and text[max(0, ref.start - 4) : ref.start].lower() == "the "
        if described and (noun in EPITHETS or noun in ROLE_HEADS):
            return self.people.resolve_epithet(EPITHETS.get(noun, ROLE_HEAD_GENDER.get(noun)), pos)
        return None

    def _resolve(self, index: int, ref: Ref, pos: int, first: bool, text: str, sentence_from: int) -> Entity | None:
        """Return the person a reference means, or None when it means nobody the article introduced.

        :param sentence_from: where the reference's sentence starts being read (its first reference).
        """
        if ref.kind == "org" and ref.org is not None:
            if ref.org.voiced and self._common_word(ref.org.name):
                return None  # "Oil sources said", "Trade sources said": sources in the trade, not a body
            org, created = self.people.resolve_org(ref.org, pos)
            if created and org.kind == "org" and " " not in org.name and not org.name.isupper():
                self.known.add(org.name.lower())
            return org
        if ref.kind == "name" and ref.name is not None:
            mention = ref.name
            if mention.kin_of:
                # "his wife Cherie said": she shares the surname of the man just written about.
                relative = self.people.resolve_pronoun(mention.kin_of, pos)
                if relative is None:
                    return None
                mention = mention._replace(words=(*mention.words, relative.words[-1]), kin_of="")
            entity, created = self.people.resolve_name(mention, pos)
            if entity is not None and (ref.speaks or first) and not ref.in_quote:
                self._claim_pending(index, entity, created, ref.speaks, ref.sentence)
            return entity
        if ref.in_quote or (ref.kind == "pronoun" and not ref.speaks):
            return None
        if ref.kind == "pronoun":
            return self.people.resolve_pronoun(ref.gender, pos)
        if ref.kind == "epithet" and ref.body_kind:
            return self.people.body_of_kind(ref.body_kind, pos)
        if ref.kind == "epithet":
            return self.people.resolve_epithet(ref.gender, pos)
        if ref.role is None:
            return None
        if ref.indefinite:
            # "A House taxwriter said ...": someone new, named in the next sentence or paragraph, or never:
            # then they speak as "a House taxwriter", and "the taxwriter" or "he" later is the same person.
            # "A spokesman said" is anybody: never recorded, but the "he" who goes on is them, not a man before.
            if not ref.speaks:
                return None
            unnamed = self._someone_new(ref, ref.role, text, index, pos)
            if ref.anybody and ref.role.head in _SPEAKING_FOR and (body := self.people.resolve_pronoun("n", pos)):
                # "The ministry declined comment. "We have no idea," a spokesman told Reuters": the body that was
                # the latest subject speaks through them (and the "he" who goes on is still the spokesman).
                unnamed.last_subject = pos
                return body
            return unnamed
        entity = self.people.resolve_role(ref.role, pos)
        if entity is None and ref.speaks:
            # Elegant variation: "Jack Straw has attacked ... The foreign secretary said" names the
            # person just written about (since the paragraph before began) by their office; otherwise wait for
            # the name to follow. Not someone its own sentence is about: "The careers of Kostas Kenteris … are
            # over, says the boss of the organisation" is the boss named next, Vassilli Sevastis.
            entity = self.people.unroled_subject(ref.role, pos - pos % _PARA - _PARA, sentence_from)
            if entity is None and _speaks_for_a_body(ref, text):
                # "The Ofcom spokesman said", no one holding it yet: someone new, as "an Ofcom spokesman" is, whom a
                # name next is not (one named later is written "the spokesman, John Hale", or quoted by them).
                return self._someone_new(ref, ref.role, text, index, pos, claimable=False)
            if entity is None:
                self.pending.append(_Pending(index, ref.role, serves=self.people.serves_someone(ref.role)))
            else:
                self.people.bind(entity, ref.role, inferred=True)
                entity.last_seen = pos
        return entity

    def _someone_new(self, ref: Ref, role: Role, text: str, index: int, pos: int, *, claimable: bool = True) -> Entity:
        """Someone met by a role alone ("a House taxwriter"), speaking as described until a name soon after claims
        them (when ``claimable``); "a spokesman" alone is anybody, never claimed."""
        described = text[ref.start : ref.end]
        unnamed = self.people.unnamed(described[:1].lower() + described[1:], role, pos, anybody=ref.anybody)
        if claimable and not ref.anybody:
            self.pending.append(_Pending(index, role, ref.sentence + 1, unnamed))
        return unnamed

    def _common_word(self, name: str) -> bool:
        """Whether a one-word name is a common word: the story writes it in lower case and never capitalised within a
        sentence ("oil", "trade"; not "Pentagon", nor "Treasury" when it writes "the U.S. Treasury")."""
        if " " in name or name.isupper():
            return False
        if self.story_words is None:
            self.story_words = set(_LOWER_CASE_WORD.findall(self.story))
        within = rf"(?:[a-z,;]|\b[A-Z]\.) {re.escape(name)}\b"  # after a word, a comma or an initial ("U.S. Treasury")
        return name.lower() in self.story_words and re.search(within, self.story) is None

    def _reporter(
        self, subject: Entity | None, spoken: list[tuple[Entity, int]], gender: str | None, pos: int
    ) -> Entity | None:
        """The last speaker (in this paragraph, else before it), if not the reported clause's ``subject`` and of a
        gender a pronoun fits; None otherwise."""
        last = spoken[-1][0] if spoken else self.last_speaker
        if last is None or last is subject or last.kind != "person" or not last.may_be(gender):
            return None
        last.last_seen = pos
        return last

    def _claim_pending(self, index: int, entity: Entity, created: bool, speaks: bool, sentence: int) -> None:
        """Tie a role that spoke unnamed to the next person the article introduces, or to the next one without a
        role who speaks: not to someone already written about who is only the next sentence's subject ("the
        official said" of Baker's aide, then "There were indications that Baker…"). One introduced as someone new
        ("…, says a senior party spokesman.") is never anyone written about before ("Mr Hilton on Tuesday said")."""
        if not self.pending:
            return
        for pending in self.pending:
            recent = index - pending.paragraph <= 1 and _in_time(pending, index, sentence)
            known = speaks and not entity.roles and not pending.serves and pending.unnamed is None
            fits = self.people.compatible(entity, pending.role) or (
                created and speaks and self._introduces_lead_speaker(pending, entity)
            )
            if recent and (created or known) and fits:
                self.people.bind(entity, pending.role)
                if pending.unnamed is not None:
                    self._name(pending.unnamed, entity)
                self.spoken[pending.paragraph].append((entity, pending.paragraph * _PARA))
                self.pending.remove(pending)
                return
        self.pending = [p for p in self.pending if index - p.paragraph <= 1]

    def _introduces_lead_speaker(self, pending: _Pending, entity: Entity) -> bool:
        """Whether a person introduced speaking right after the lead is the one it left unnamed, whatever their
        role: "…, a Soviet economist said." then "Sergey Frolov, chief economist at Amtorg Trading Corp, told…";
        "a senior EU politician says" then "Javier Solana, EU foreign policy chief, says". A lead sums up the
        story to be told by the people named next. Not someone's spokesman: the person named next is often the
        one they speak for."""
        return (
            pending.unnamed is not None
            and pending.paragraph == self.lead
            and pending.role.head not in _SPEAKING_FOR
            and entity.kind == "person"
            and entity.may_be(ROLE_HEAD_GENDER.get(pending.role.head))
        )

    def _name(self, unnamed: Entity, entity: Entity) -> None:
        """Put a named person in the place of the unnamed role they turn out to be, wherever it was read."""
        self.people.named(unnamed, entity)
        for spoken in self.spoken:
            spoken[:] = [(entity if e is unnamed else e, at) for e, at in spoken]
        for mentioned in self.mentioned:
            mentioned[:] = [entity if e is unnamed else e for e in mentioned]
        if self.last_speaker is unnamed:
            self.last_speaker = entity


def _speaks_for_a_body(ref: Ref, text: str) -> bool:
    """Whether a definite role is the spokesman of a body it names: "The Ofcom spokesman", "the Finance Ministry
    spokeswoman" (not "the rapper's spokesman", who speaks for the rapper)."""
    if ref.role is None or ref.role.head not in _SPEAKING_FOR:
        return False
    between = text[ref.start : ref.end].split()[1:-1]
    if not any(word[:1].isupper() for word in between) or any(word.endswith(("'s", "’s")) for word in between):
        return False
    return _NAME_IN_APPOSITION.match(text, ref.end) is None  # "The Tory finance spokesman, Brian Monteith, said"


def _in_time(pending: _Pending, index: int, sentence: int) -> bool:
    """Whether a name comes soon enough to be the unnamed speaker's: an indefinite one ("An NHTCU
    spokeswoman said") only in the next sentence, the next paragraph's first; not a man named four
    sentences on after "she said" has carried her words."""
    if pending.next_sentence is None:
        return True
    if index == pending.paragraph:
        return sentence <= pending.next_sentence
    return sentence == 0


def _order(spoken: list[tuple[Entity, int]]) -> list[Entity]:
    """Speakers by number of speech acts, then by first appearance; each once (entities hash by identity)."""
    if len(spoken) == 1:
        return [spoken[0][0]]  # the common case
    counts: dict[Entity, int] = {}
    first: dict[Entity, int] = {}
    for entity, pos in spoken:
        counts[entity] = counts.get(entity, 0) + 1
        first[entity] = min(first.get(entity, pos), pos)
    return sorted(counts, key=lambda e: (-counts[e], first[e]))


def _paragraph(spoken: list[tuple[Entity, int]], mentioned: list[Entity]) -> ParagraphAttribution:
    """A paragraph's speakers in order and the people it only mentions (entities compare by identity)."""
    speakers = [e for e in _order(spoken) if not e.anybody]
    mentions = [e for e in dict.fromkeys(mentioned) if e not in speakers and not e.anybody]
    return ParagraphAttribution(tuple([e.name for e in speakers]), tuple([e.name for e in mentions]))


def _person(entity: Entity, country: str | None) -> Person:
    """Freeze an entity into a Person with its ask-by aliases."""
    full = " ".join(entity.words).lower()
    roles = role_forms(entity.role_forms, None)
    guessed = tuple(r for r in role_forms(entity.role_forms, country) if r not in roles) if country else ()
    inferred = tuple(r for r in role_forms(entity.inferred_forms, None) if r not in roles)
    if entity.unnamed:  # asked for by the role alone ("the shearson lehman analyst"), never by a "surname"
        return Person(entity.name, (), roles, guessed, inferred)
    if entity.kin:  # the bare surname belongs to the relative the story is about
        return Person(entity.name, (full, *sorted(entity.forms - {full})), roles, guessed, inferred)
    aliases = [full, entity.surname, *sorted(entity.forms)]
    if len(entity.words) > 2 and len(entity.words[-2].rstrip(".")) > 1:
        # "Lib Dem Norman Baker", "Broadcaster Chris Evans": a capitalised word before a name that is no known
        # role reads as part of it; the name's last two words are how the person is asked for and known elsewhere.
        aliases.append(" ".join(entity.words[-2:]).lower())
    title = entity.title.lower()
    if title:
        # Knights are "Sir John", peers "Lord Butler".
        short = entity.words[0].lower() if title in FIRST_NAME_TITLES else entity.surname
        aliases += [f"{title} {short}", f"{title} {full}"]
    if entity.gender == "m":
        aliases.append(f"mr {entity.surname}")
    elif entity.gender == "f":
        aliases += [f"ms {entity.surname}", f"mrs {entity.surname}"]
    return Person(entity.name, tuple(dict.fromkeys(aliases)), roles, guessed, inferred)


def _headline(title: str, paragraphs: Sequence[str]) -> str:
    """A headline as read for names: its first word in lower case unless the story writes it with the next one.

    A headline's first word is capitalised whatever it is: "End Bush 'denial' Blair tells EU" had introduced an
    "End Bush", who then took every "President Bush" of the story; "Dirty Den" took Den Watts's. A name that opens
    a headline is written in full in the story too; a role that opens it stays ("Singer Sizzla jailed").
    """
    words = title.split()
    if len(words) < 2 or not (words[0].istitle() and words[1][:1].isupper()):
        return title
    if role_head(words[0].lower().rstrip(".")) is not None:
        return title  # "Singer Sizzla jailed…": a role, read as one
    opening = " ".join(words[:2])
    if any(opening in p for p in paragraphs):  # read last: the whole story
        return title
    first, _, rest = title.partition(" ")
    return f"{first.lower()} {rest}"


def _without_brackets(text: str) -> str:
    """A newswire's text without its bracketed share codes, and its bracketed company names plain: "Santos Ltd
    <STOS.S> said", "economist of <Morgan Guaranty Trust Co>, told" read as "Santos Ltd said" and "…of Morgan
    Guaranty Trust Co, told"."""
    if "<" not in text:
        return text
    return _BRACKETED_NAME.sub(r"\1", _SHARE_CODE.sub("", text))


def attribute(paragraphs: Sequence[str], title: str = "") -> ArticleAttribution:
    """Return who speaks and who is mentioned in each paragraph, with the article's people."""
    paragraphs = [_without_brackets(text) for text in paragraphs]
    title = _without_brackets(title)
    reader = _Reader("\n".join(paragraphs))
    if title:
        reader.read(_headline(title, paragraphs))  # names in the headline are introductions too
    offset = reader.lead = len(reader.spoken)
    for text in paragraphs:
        reader.read(text)
    result = [
        _paragraph(spoken, mentioned) if spoken or mentioned else _NOBODY
        for spoken, mentioned in zip(reader.spoken[offset:], reader.mentioned[offset:], strict=True)
    ]
    entities = reader.people.entities
    country = None
    if any(needs_country(normalise_role(r)) for e in entities for r in e.role_forms):
        country = article_country([title, *paragraphs[:_COUNTRY_PARAGRAPHS]])  # only when a bare office needs it
    people = tuple(_person(e, country) for e in entities if not e.anybody)
    return ArticleAttribution(people, tuple(result))
