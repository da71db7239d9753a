"""Resolve names, titles, roles and pronouns to the people an article has introduced."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import HONORIFICS, PEERAGE, ROLE_HEAD_GENDER, ROLE_SYNONYMS
from .name_roles import Role
from .name_shapes import VARIANT_MIN, same_name, surname_first
from .names import NameMention
from .orgs import OrgMention
from .roles import demonym

# A pronoun reaches back this many paragraphs for its person; older people have left the story.
_PRONOUN_REACH = 3
_PARA = 1_000_000
# Knights and dames are called by title and first name.
FIRST_NAME_TITLES = frozenset({"sir", "dame", "sheikh"})  # "Sir John", "Sheikh Ali": the first name
# Endings of abstract nouns: a name ending in one is a body's ("Retail Decisions", "Reagan Administration"), never
# anyone's surname.
_BODY_ENDINGS = ("tion", "sion", "tions", "sions", "ments", "ities", "ships", "isms", "nces")


@dataclass(slots=True, eq=False)
class Entity:
    """A person as the article builds them up: name, gender, roles and the forms used for them."""

    name: str
    words: tuple[str, ...]
    title: str  # peerage title kept in the name ("Lord"), else ""
    gender: str | None
    kind: str = "person"  # or "org": an organisation or a bare name that speaks ("Icstis said")
    # A peer's "of Conwy". A peer written with one is named by the title, so a full name met later
    # ("Sion Aubrey Roberts" after "Lord Roberts of Conwy") is someone else; without one, "Lord
    # Sainsbury" then "David Sainsbury" is the same man.
    designation: str = ""
    kin: bool = False  # introduced through a relative ("his wife Cherie"): the surname alone means the relative
    unnamed: bool = False  # known only by a role the article never puts a name to ("a Shearson Lehman analyst")
    anybody: bool = False  # ... by an occupation alone ("a spokesman"): no one to record
    roles: list[Role] = field(default_factory=list)
    # Roles only inferred, never written with the name ("Mr Cable said … The chancellor insisted" read as Cable),
    # and the forms they were written in: recorded apart, as they are often wrong.
    inferred: set[Role] = field(default_factory=set)
    forms: set[str] = field(default_factory=set)
    role_forms: set[str] = field(default_factory=set)
    inferred_forms: set[str] = field(default_factory=set)
    last_seen: int = -1
    last_subject: int = -1
    mentions: int = 0  # references so far: how much the story is about them

    def may_be(self, gender: str | None) -> bool:
        """Whether a pronoun or description of this gender (None: either) may mean this person."""
        return self.gender is None or gender is None or self.gender == gender

    @property
    def surname(self) -> str:
        """Lower-case family name: the last word, or the first of a name written surname first ("Roh Moo-hyun")."""
        return (self.words[0] if surname_first(self.words) else self.words[-1]).lower()


_OTHER_OFFICES = ("shadow", "deputy", "vice")  # modifiers making a role another office than the one they qualify


def _modifiers_fit(asked: frozenset[str], known: frozenset[str]) -> bool:
    """True when every modifier in a role phrase matches one the person's role has ("tajik"~"tajikistani"),
    and both or neither are the opposition's or a deputy's ("the culture secretary" is not the shadow culture
    secretary, "the prime minister" not the deputy prime minister). A description is no office: "the long-running
    presenter" is the presenter, whoever called her that."""
    if any((word in asked) != (word in known) for word in _OTHER_OFFICES):
        return False
    return all(any(k.startswith(a) or a.startswith(k) for k in known) for a in asked if not _describes(a))


@lru_cache(maxsize=4096)
def _describes(modifier: str) -> bool:
    """Whether a role's modifier describes its holder rather than the office: an age ("28-year-old") or a
    compound participle ("long-running", "award-winning", "well-known")."""
    if any(c.isdigit() for c in modifier):
        return True
    last = modifier.rpartition("-")[2]
    return "-" in modifier and (last.endswith(("ing", "ed")) or last in ("known", "old", "time"))


def _first_names_fit(known: str, seen: str) -> bool:
    """True when two first names may be the same person's ("John", "J.")."""
    if known == seen:
        return True
    return known[0] == seen[0] and (known.endswith(".") or seen.endswith("."))


def _ends_with(words: tuple[str, ...], tail: tuple[str, ...]) -> bool:
    """True when a longer name ends with all the words of a shorter one, in any case."""
    return len(words) > len(tail) and [w.lower() for w in words[-len(tail) :]] == [w.lower() for w in tail]


def _may_take_name(entity: Entity, mention: NameMention) -> bool:
    """True when a surname-only person may be the one a full name means (see Entity.designation)."""
    return not entity.designation or entity.title.lower() == mention.honorific


def _family_member(known: list[Entity], mention: NameMention) -> Entity:
    """Which of several people sharing a surname a short mention means ("Mr Eavis" after "Emily Eavis").

    A form of address narrows by gender and title; someone introduced through a relative is meant
    only when no one else fits; then the one seen last.
    """
    gender = HONORIFICS.get(mention.honorific)
    fitting = [e for e in known if gender is None or e.gender in (None, gender)] or known
    fitting = [e for e in fitting if not e.kin] or fitting
    if mention.honorific in PEERAGE:  # "Lord Amwell" is the peer, not his daughter Carys Amwell
        fitting = [e for e in fitting if e.title.lower() == mention.honorific] or fitting
    return max(fitting, key=lambda e: e.last_seen)


def _peer_title(mention: NameMention) -> str:
    """The title a peer or knight is named with, kept in the name ("Lord", "Sir"); "" for other honorifics."""
    return mention.honorific.capitalize() if mention.honorific in PEERAGE else ""


def _role_fits(asked: Role, known: Role) -> bool:
    return _heads_fit(asked.head, known.head) and _modifiers_fit(asked.modifiers, known.modifiers)


def _heads_fit(asked: str, known: str) -> bool:
    """True when a role noun can stand for a person's role noun ("minister" for a secretary of state)."""
    return asked == known or known in ROLE_SYNONYMS.get(asked, ())


class People:
    """The people of one article and the rules that resolve references to them."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_surname: dict[str, list[Entity]] = {}
        self._by_first: dict[str, list[Entity]] = {}
        self._orgs: dict[str, Entity] = {}

    def _index(self, entity: Entity) -> None:
        """File an entity under its surname and first name for look-up (once: a bare name given its full name
        later is filed again)."""
        filed = self._by_surname.setdefault(entity.surname, [])
        if entity not in filed:
            filed.append(entity)
        if len(entity.words) > 1 and entity not in (by_first := self._by_first.setdefault(entity.words[0].lower(), [])):
            by_first.append(entity)

    def _create(self, mention: NameMention) -> Entity:
        """Introduce a new person from a name mention."""
        title = _peer_title(mention)
        name = " ".join((title, *mention.words)) if title else " ".join(mention.words)
        if title and mention.designation:
            name = f"{name} {mention.designation}"
        entity = Entity(name, mention.words, title, HONORIFICS.get(mention.honorific), designation=mention.designation)
        if mention.words[-1].endswith(_BODY_ENDINGS):
            entity.kind = "org"  # no "he" means them
        self.entities.append(entity)
        self._index(entity)
        return entity

    def _addressed(self, entity: Entity, mention: NameMention) -> None:
        """A bare name read as a body's turns out a person's, addressed by title ("Goldsmith denies …" in a
        headline, then "Lord Goldsmith said"): "he" may now mean them, and a peer keeps the title."""
        entity.kind = "person"
        if not entity.title and (title := _peer_title(mention)):
            entity.title = title
            entity.name = f"{title} {entity.name}"

    def _upgrade(self, entity: Entity, mention: NameMention) -> None:
        """Give a surname-only person the full name met later ("Mr Nakasone", then "Yasuhiro Nakasone")."""
        entity.words = mention.words
        entity.kind = "person"  # "Green said", then "Andrew Green": the bare name was a person's
        if not entity.title:
            # "Ferguson fears ..." in a headline, then "Sir Alex Ferguson": the knight keeps his title.
            entity.title = _peer_title(mention)
            entity.name = " ".join((entity.title, *mention.words)) if entity.title else " ".join(mention.words)
        self._index(entity)

    def resolve_name(self, mention: NameMention, pos: int) -> tuple[Entity | None, bool]:
        """Return the person a name mention means and whether it was just introduced."""
        key = mention.words[-1].lower()
        known = self._by_surname.get(key, [])
        entity: Entity | None = None
        if mention.is_full:
            first = mention.words[0].lower()
            fits = [
                e
                for e in known
                if (_first_names_fit(e.words[0].lower(), first) if len(e.words) > 1 else _may_take_name(e, mention))
            ]
            # "Febres Cordero" after "Leon Febres Cordero": a two-word surname, or a name without its initial.
            fits = fits or [e for e in known if _ends_with(e.words, mention.words)]
            if fits:
                entity = max(fits, key=lambda e: e.last_seen)
                if len(entity.words) == 1:
                    self._upgrade(entity, mention)
        elif mention.honorific in FIRST_NAME_TITLES and key in self._by_first:
            entity = max(self._by_first[key], key=lambda e: e.last_seen)  # "Sir John" for Sir John Bourn
        elif len(known) == 1:
            entity = known[0]
        elif known:
            entity = _family_member(known, mention)
        elif not mention.honorific and (first_named := self._first_named(key, mention)):
            entity = max(first_named, key=lambda e: e.last_seen)
        elif (mention.honorific or mention.titled) and len(key) >= VARIANT_MIN:
            entity = self._spelling_variant(key, HONORIFICS.get(mention.honorific))
        created = entity is None
        if entity is not None and entity.kind == "org" and len(entity.words) == 1 and mention.honorific:
            self._addressed(entity, mention)
        if entity is None:
            if not mention.is_full and not mention.honorific and not mention.titled:
                return None, False  # a lone capitalised word is a person only once introduced in full
            entity = self._create(mention)
            entity.kin = mention.gender is not None
        if entity.gender is None:
            entity.gender = HONORIFICS.get(mention.honorific) or mention.gender
        if mention.designation and not entity.designation and entity.title.lower() == mention.honorific:
            entity.designation = mention.designation
            entity.name = f"{entity.name} {mention.designation}"
        self._note_forms(entity, mention)
        for role in mention.roles:
            self.bind(entity, role)
        entity.last_seen = pos
        return entity, created

    def _first_named(self, key: str, mention: NameMention) -> list[Entity]:
        """Those a bare name may mean by the first word of theirs ("Chevron said" after Chevron Exploration): not a
        body when the name has a role before it ("President Reagan" is not the Reagan Administration) or is a
        country's ("France" is not France Televisions)."""
        known = self._by_first.get(key, [])
        return [e for e in known if e.kind != "org" or not (mention.titled or demonym(key) is not None)]

    def _spelling_variant(self, key: str, gender: str | None) -> Entity | None:
        """The one person whose surname a titled surname misspells ("Mr Mafeca" for Billy Macaefa), or None."""
        found = [
            e
            for surname, known in self._by_surname.items()
            if same_name(key, surname)
            for e in known
            if e.kind == "person" and len(e.words) > 1 and (gender is None or e.gender in (None, gender))
        ]
        return found[0] if len(found) == 1 else None

    def _note_forms(self, entity: Entity, mention: NameMention) -> None:
        """Record how the article wrote this person's name, as lower-case ask forms."""
        words = " ".join(mention.words).lower()
        entity.forms.add(words)
        if mention.honorific:
            short = mention.words[0 if mention.honorific in FIRST_NAME_TITLES else -1].lower()
            entity.forms.add(f"{mention.honorific} {words}")
            entity.forms.add(f"{mention.honorific} {short}")
            if mention.designation:
                entity.forms.add(f"{mention.honorific} {words} {mention.designation.lower()}")

    def resolve_org(self, mention: OrgMention, pos: int) -> tuple[Entity, bool]:
        """Return the organisation (or bare-named speaker) a mention means, and whether it is new.

        A one-word name that is not an acronym ("Icstis", "Edu") is filed under its surname too,
        so a later mention of the word, or the person's full name, finds it.
        """
        key = mention.name.lower()
        others = [name.lower() for name in mention.other_names]
        entity = self._orgs.get(key) or next(filter(None, map(self._orgs.get, others)), None)
        if entity is None and " " not in key and not mention.name.isupper():
            entity = next(iter(self._by_surname.get(key, ())), None)
        created = entity is None
        if entity is None:
            entity = Entity(mention.name, (mention.name,), "", None, kind="org")
            self.entities.append(entity)
            self._orgs[key] = entity
            if " " not in key and not mention.name.isupper():
                self._index(entity)
        for name in (key, *others):  # "the OECD" later is the body named in full
            self._orgs.setdefault(name, entity)
            entity.forms.add(name)
            if mention.the:
                entity.forms.add(f"the {name}")
        entity.last_seen = pos
        return entity, created

    def unnamed(self, description: str, role: Role, pos: int, *, anybody: bool = False) -> Entity:
        """Introduce someone known only by a role ("a Shearson Lehman analyst"), until a name claims it."""
        gender = ROLE_HEAD_GENDER.get(role.head)
        entity = Entity(description, tuple(description.split()), "", gender, unnamed=True, anybody=anybody)
        self.entities.append(entity)  # not filed by surname: "analyst" is no one's name
        self.bind(entity, role)
        entity.last_seen = pos
        return entity

    def also_known_as(self, entity: Entity, mention: NameMention, pos: int) -> None:
        """Another name of the same person ("Jay-Z, real name Shawn Carter"): asked by, and found by, it too, and by
        its surname as their own is ("Norman Cook - aka Fatboy Slim": "what did slim say?")."""
        self._note_forms(entity, mention)
        surname = mention.words[-1].lower()
        if len(mention.words) > 1:
            entity.forms.add(surname)
        if entity not in self._by_surname.get(surname, []):
            self._by_surname.setdefault(surname, []).append(entity)
        entity.last_seen = pos

    def named(self, unnamed: Entity, entity: Entity) -> None:
        """Someone known only by a role has been named: the named person takes their place."""
        self.entities.remove(unnamed)
        entity.mentions += unnamed.mentions
        if entity.gender is None:
            entity.gender = unnamed.gender

    def bind(self, entity: Entity, role: Role, *, inferred: bool = False) -> None:
        """Attach a role to a person so that later "the <role>" finds them (``inferred``: not written with them)."""
        if role not in entity.roles:
            entity.roles.append(role)
            if inferred:
                entity.inferred.add(role)
        if inferred and role in entity.inferred:
            entity.inferred_forms.add(role.text)
        else:
            entity.inferred.discard(role)
            entity.role_forms.add(role.text)
        if entity.gender is None:
            entity.gender = ROLE_HEAD_GENDER.get(role.head)

    def resolve_role(self, role: Role, pos: int) -> Entity | None:
        """Return the most recent person the article tied to a role like this one."""
        best: Entity | None = None
        fitting: list[Role] = []
        for entity in self.entities:
            if (best is None or entity.last_seen > best.last_seen) and (
                fits := [r for r in entity.roles if _role_fits(role, r)]
            ):
                best, fitting = entity, fits
        if best is not None:
            written = any(r not in best.inferred for r in fitting)
            (best.role_forms if written else best.inferred_forms).add(role.text)
            best.last_seen = pos
        return best

    def resolve_pronoun(self, gender: str | None, pos: int) -> Entity | None:
        """Return the most salient recent person a "he"/"she" can refer to, or the body an "it" (gender "n") does."""
        horizon = pos - _PRONOUN_REACH * _PARA
        if gender == "n":
            # Only a body that was the latest subject, this paragraph or the one before: "it" is too often
            # a report, a party or a plan that the article never made an entity.
            latest = max(self.entities, key=lambda e: e.last_subject, default=None)
            if latest is None or latest.kind != "org" or latest.last_subject < pos - pos % _PARA - _PARA:
                return None
            return latest
        fitting = [e for e in self.entities if e.last_seen >= horizon and e.kind == "person" and e.may_be(gender)]
        if not fitting:
            return None
        best = max(fitting, key=lambda e: (e.last_subject, e.last_seen))
        if best.gender is None:
            best.gender = gender  # once "she" fits a person, later "he" should not
        best.last_seen = pos
        return best

    def resolve_epithet(self, gender: str | None, pos: int) -> Entity | None:
        """Return the recent person a description such as "the Frenchman" or "the 67-year-old" means (or the body
        "the company" does).

        Within a paragraph it is the latest subject ("Agassi was delighted ... said the American");
        opening a paragraph, it is whom the story is about: the most referred-to person within a
        pronoun's reach ("The heavy metal star said", after a paragraph that ended on his wife).
        """
        if gender == "n":
            return self.resolve_pronoun(gender, pos)  # "the company": the body its "it" would be
        horizon = pos - _PRONOUN_REACH * _PARA
        fitting = [e for e in self.entities if e.last_seen >= horizon and e.kind == "person" and e.may_be(gender)]
        if not fitting:
            return None
        paragraph = pos - pos % _PARA
        best = max(fitting, key=lambda e: (e.last_subject, e.last_seen))
        if best.last_subject < paragraph:
            best = max(fitting, key=lambda e: (e.mentions, e.last_subject, e.last_seen))
        if best.gender is None:
            best.gender = gender
        best.last_seen = pos
        return best

    def body_of_kind(self, kind: str, pos: int) -> Entity | None:
        """The body last written about whose name says it is of a kind ("the association": the Association of
        German Cooperative Banks; "the ministry": the Finance Ministry), or None: not any body, as "the company"
        may be."""
        fitting = [
            e
            for e in self.entities
            if e.kind == "org" and any(w.rstrip("s").endswith(kind) for w in e.name.lower().split())
        ]
        if not fitting:
            return None
        best = max(fitting, key=lambda e: e.last_seen)
        best.last_seen = pos
        return best

    def serves_someone(self, role: Role) -> bool:
        """Whether a role is held for a person the article has named ("Mr Blair's spokesman", "Begg's lawyer"):
        someone other than them, and other than anyone already written about unless the article says so."""
        return any(entity.kind == "person" for word in role.modifiers for entity in self._by_surname.get(word, ()))

    def compatible(self, entity: Entity, role: Role) -> bool:
        """True when a person may take an unresolved role: no role yet, or a matching one."""
        gender = ROLE_HEAD_GENDER.get(role.head)
        if entity.kind != "person" or (gender and entity.gender and gender != entity.gender):
            return False
        return not entity.roles or any(
            _heads_fit(role.head, r.head) and _modifiers_fit(role.modifiers, r.modifiers) for r in entity.roles
        )

    def unroled_subject(self, role: Role, since: int, before: int) -> Entity | None:
        """The latest subject since a position if they have no role yet, may hold this one and were the subject
        before another (the role's own sentence is about someone else)."""
        recent = [e for e in self.entities if e.last_subject >= since and e.kind == "person"]
        if not recent:
            return None
        best = max(recent, key=lambda e: e.last_subject)
        return best if best.last_subject < before and not best.roles and self.compatible(best, role) else None
