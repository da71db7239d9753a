"""Resolving the name or role a user typed to people in the store.

Order: the exact alias (full name, surname, "Mr X", a recorded role), then a name with its employer
("james howard of cargill"), then a role ("australia's treasurer": head noun required, qualifiers
ranking; matched in ``role_holders.py``), then the surname with the first names (or a near spelling of
them), then a near spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sized
from dataclasses import dataclass, replace

from bot.attribution.lexicon import NON_PERSON_WORDS, ROLE_HEADS, STYLES
from bot.attribution.roles import with_demonyms
from bot.retrieval.aliases import NameAliases, RoleAliases
from bot.retrieval.relatives import relation_asked, relatives
from bot.retrieval.role_holders import (
    HELD_IN_FULL,
    QUALIFIED_PEOPLE,
    ROLE_FILLER,
    SOMEONE,
    RoleHolders,
    last_role_noun,
    spelt_out,
)
from bot.retrieval.spelling import neighbours_swapped, slips_undone, unheard_of
from bot.retrieval.terms import stem
from bot.retrieval.topic_reading import written_as_a_name
from bot.retrieval.typed_names import (
    AT_BODY,
    allowed_edits,
    full_name,
    given_in,
    misspelt,
    name_words,
    names_a_role,
    names_joined,
    names_listed,
    normalise_name,
    role_before_name,
    untitled,
)
from bot.store.protocol import StoreProtocol

_SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Who speaks for a body: its spokespeople and officers ("the regent street association" is also its director), and
# the economists, analysts and officials news quotes for it ("swiss re" is also its economist).
_SPOKES_ROLES = (
    *"spokesman spokeswoman spokesperson director chief head chairman chairwoman president leader secretary".split(),
    *("chief executive", "director general", "secretary general", "general secretary"),
    *"economist analyst strategist official executive".split(),
    *("chief economist", "vice president", "senior vice president", "executive vice president", "managing director"),
)
NAMES_LISTED = 4  # a speaker resolving to more people than this (a role many hold) is counted in a lead, not listed
FUZZY_READINGS = 4  # names a misspelt one is read as, nearest first, for a question the nearest never answers
SHORTEST_SWAPPED = 4  # letters of the shortest typed word read with two letters swapped back ("cheif")
# "chelsea's jose mourinho": a body, its possessive, then whoever is named.
_OWNED = re.compile(r"^(?:the )?(?P<body>[^'’]+?)['’]s? (?P<name>[^'’]+)$", re.IGNORECASE)
_SURE_KINDS = ("name", "role")  # aliases a story wrote (a guessed or inferred role may be the attribution's slip)


@dataclass(frozen=True)
class Speaker:
    """The people a typed name resolved to (several when a surname or role is shared), and how."""

    typed: str
    person_ids: tuple[int, ...]
    names: tuple[str, ...]
    fuzzy: bool = False
    qualifiers: tuple[str, ...] = ()  # words of a typed role no recorded role carried ("canadian")
    # A misspelt name's next nearest readings, for a question the nearest never answers ("coable": Cable, Conable).
    alternatives: tuple[Speaker, ...] = ()
    # Each of the people asked about together ("howard and blair"): their answers take turns.
    parts: tuple[tuple[int, ...], ...] = ()
    # The names the stories write with "the" ("the IMF said"): bodies, named so in a lead ("What the IMF said").
    with_the: frozenset[str] = frozenset()


class SpeakerResolver:
    """Looks names up in the people table, caching the alias list for fuzzy matching until it changes."""

    def __init__(self, store: StoreProtocol) -> None:
        self.store = store
        self.roles = RoleAliases(store)
        self.names = NameAliases(store)
        self.holders = RoleHolders(store, self.roles)

    def load_aliases(self) -> None:
        """Read every name and role alias into memory now rather than on the first question needing them."""
        self.names.refresh()
        self.roles.refresh()

    def resolve(self, typed: str, *, allow_fuzzy: bool = True, role_noun_needed: bool = False) -> Speaker | None:
        """The people a typed name or role means, or None when nobody in the store goes by it.

        :param role_noun_needed: match roles only when a word is a role noun ("the chancellor"), not by a
            role's other words ("cepes coordinator" → the Cepes researcher): for text that is not a speaker.
        """
        if len(listed := names_listed(typed)) > 2 and (together := self._together(typed, listed, allow_fuzzy)):
            return together
        typed = role_before_name(typed)
        name = spelt_out(normalise_name(typed))
        words = name.split()
        if not words:
            return None
        if exact := self.exact(typed):
            exact = self._holding_the_title(self._with(exact, self._in_country_form(name)), words)
            exact = self._with_surname_alone(exact)
            speaker = self._also_untitled(self._with_spokespeople(self._with_their_body(exact, words), words), name)
            return self._also_by_first_name(speaker, words) if allow_fuzzy else speaker
        relation = relation_asked(words)
        owner = self.exact(" ".join(words[:-1])) if relation and not names_a_role(" ".join(words[:-1])) else None
        if relation and owner and len(owner.person_ids) <= NAMES_LISTED:
            # "ozzy osbourne's wife": the one his stories name so ("his wife Sharon"); nobody else, as no one holds
            # a relation as an office ("tony blair's wife" had matched a role mentioning Blair: Michael Howard).
            kin = relatives(self.store, owner.names, owner.person_ids, relation)
            return self._speaker(typed, kin) if kin else None
        # "the boj govenror", "syamntec's kevin hogan": two letters swapped, read back as a guess.
        if (
            allow_fuzzy
            and (mended := self._swaps_mended(words)) != words
            and (respelt := self.resolve(" ".join(mended), role_noun_needed=role_noun_needed))
        ):
            return replace(respelt, fuzzy=True)
        if len(parts := names_joined(name)) > 1 and (together := self._together(typed, parts, allow_fuzzy)):
            return together
        if at_body := self._name_at_body(typed, words) or self._body_s_name(typed, allow_fuzzy):
            return at_body
        if len(words) >= 3 and last_role_noun(words) < 0 and (by_initials := self._by_initials(words)):
            return by_initials  # "australian wheat board": the AWB; "air deccan boss" is no body's initials
        without_title = untitled(name)
        if by_name := self._named_after_role(typed, words):
            return by_name
        if name_after := self._full_name_after_role(words):
            # "governor john crow": a person nobody is recorded as, not the nearest governors.
            return self._holder_named(typed, name, name_after, allow_fuzzy)
        loose = len(words) > 1 and not role_noun_needed
        at = last_role_noun(words)
        if (at >= 0 or loose) and (by_role := self._by_role(typed, name)):
            if not (0 <= at < len(words) - 1 and words[at] in STYLES):
                return by_role
            # A style before a given name is a title: those of its holders so named ("prince saud": Saud
            # al-Faisal), not all ("queen elizabeth" had found Queen Latifah and a Queen Mary).
            called = set(words[at + 1 :])
            if named := [
                i for i, n in zip(by_role.person_ids, by_role.names, strict=True) if called <= set(name_words(n))
            ]:
                return self._speaker(typed, named)
        *given, surname = without_title.split()
        if given and surname not in ROLE_HEADS and (found := self.store.people_by_alias(surname)):
            # "robert anderson": among the Andersons, those whose names carry the typed first names, else
            # those known by the surname alone; not Oliver Letwin for "jamie oliver".
            full_names = [(i, name_words(full)) for i, full in found]
            if named := [i for i, words in full_names if all(given_in(g, words[:-1]) for g in given)]:
                return self._speaker(typed, named)
            # "kelly white": Kelli White, not a White known by the surname alone.
            if allow_fuzzy and (respelt_given := [i for i, words in full_names if misspelt(given, words[:-1])]):
                return self._speaker(typed, respelt_given, fuzzy=True)
            # Those known by the surname alone, when a typed word before it may be a given name ("sheriff harry
            # lee", "zork blair"; not "quotes of blair").
            if (alone := [i for i, words in full_names if len(words) == 1]) and any(map(self.may_be_given, given)):
                return self._speaker(typed, alone)
        if not role_noun_needed and (staff := self._staff_of(typed, words)):
            return staff
        if not allow_fuzzy:
            return None
        bare = name.removeprefix("the ")
        if " " not in bare and 3 <= len(bare) <= 4 and (initials := self.names.by_initials(bare)):
            return self._speaker(typed, initials)  # "the boj": the Bank of Japan, not the BoE a letter away
        # A word nobody goes by: a misspelt name ("hewit"), else a first name ("edward"), read in that order.
        near = self._fuzzy(typed, name)
        first_named = self._by_first_name(typed, name) if len(words) == 1 else None
        return _then(near, first_named) if near else first_named

    def whole_full_names(self, typed: str) -> Speaker | None:
        """The full-named people typed words name as a whole, read strictly (no misspelling; a role by its noun):
        "Rep. Pete Stark", "former cabinet minister jack cunningham"; not the Budget of "gordon brown budget"."""
        whole = self.resolve(typed, allow_fuzzy=False, role_noun_needed=True)
        return whole if whole and known_by_full_names(whole) else None

    def misspelt_full_names(self, typed: str) -> Speaker | None:
        """The full-named people typed words misspell ("jose mourino": Jose Mourinho), a role read by its noun."""
        near = self.resolve(typed, role_noun_needed=True)
        return near if near and near.fuzzy and known_by_full_names(near) else None

    def exact(self, typed: str) -> Speaker | None:
        """The people known by exactly this name or recorded role (with or without a title), else None."""
        name = spelt_out(normalise_name(typed))
        for candidate in dict.fromkeys((name, untitled(name))):
            if found := self.store.people_by_alias(candidate):
                return self._speaker(typed, self.roles.written_first(candidate, [i for i, _ in found]))
        return None

    def _in_country_form(self, role: str) -> list[int]:
        """The people holding a role with its country written as stories' roles are normalised: "uk chancellor" is
        also the "british chancellor" a story wrote as "U.K. Chancellor of the Exchequer". Only to add to a role
        asked for and found as typed (not to a question's guessed subject: "american president lines leasing
        ships" is news of a shipping line, recorded as "american president", not the US president's words)."""
        bare = role.removeprefix("the ")  # roles are stored without their article
        form = with_demonyms(bare) if last_role_noun(bare.split()) >= 0 else bare
        if form == bare or not (found := self.store.people_by_alias(form)):
            return []
        return self.roles.written_first(form, [i for i, _ in found])

    def by_name(self, typed: str) -> Speaker | None:
        """The full-named people a typed name, surname or recorded role means exactly: "imomi" is Sodik Imomi, while
        "oil" is only an entity the attribution made of a word ("Oil said"). None when such bare entities are most
        of those it means."""
        speaker = self.exact(typed)
        if speaker is None:
            return None
        # A story naming someone only by surname records a bare "Greenspan" beside Alan Greenspan: such entities
        # among as many full-named people are theirs, not a bare word's.
        full = [(i, name) for i, name in zip(speaker.person_ids, speaker.names, strict=True) if full_name(name)]
        if not full or 2 * len(full) < len(speaker.names):
            return None
        if len(full) == len(speaker.names):
            return speaker
        return replace(speaker, person_ids=tuple(i for i, _ in full), names=tuple(name for _, name in full))

    def name_word(self, word: str, people_named: Callable[[str], Sized]) -> bool:
        """Whether a word could be part of a full name: someone recorded goes by it in that place (a first name:
        ``names.given``; a surname: the store's aliases), or no article uses it ("clegg")."""
        return bool(people_named(word)) or unheard_of(word, self.store.document_frequency)

    def may_be_given(self, word: str) -> bool:
        """Whether a typed word may be a given name: someone recorded goes by it first ("harry"), or no article uses
        it ("zork"); not "quotes" or "tax"."""
        return self.name_word(word, self.names.given)

    def _swaps_mended(self, words: list[str]) -> list[str]:
        """The words with each that no article or person uses read as the one word that a swap of two neighbouring
        letters makes of it: a role noun ("govenror" → governor, "spokesamn" → spokesman), else a word the
        articles use ("syamntec" → symantec, or with a tripled letter typed twice); a word with several such
        readings, or none, is left."""
        typed = [word for word in words if len(word) >= SHORTEST_SWAPPED and word.isalpha()]
        if not typed:
            return words
        used = self.store.document_frequency([stem(word) for word in typed])
        unused = [word for word in typed if stem(word) not in used and not self.store.people_by_alias(word)]
        roles = {word: neighbours_swapped(word) & ROLE_HEADS for word in unused}
        mended = {word: next(iter(nouns)) for word, nouns in roles.items() if len(nouns) == 1}
        mended |= slips_undone([word for word, nouns in roles.items() if not nouns], self.store.document_frequency)
        return [mended.get(word, word) for word in words]

    def _together(self, typed: str, parts: list[str], allow_fuzzy: bool) -> Speaker | None:
        """People asked about together ("sumita and miyazawa"), when each part names someone; their words are
        answered as one speaker's. None otherwise: "procter and gamble" is one body."""
        # A part the archive writes as a name of its own is no misspelling: "marks and spencer" is not Lilian Marks and
        # Saxon Spence.
        found = [self.resolve(part, allow_fuzzy=allow_fuzzy and not self.name_of_its_own(part)) for part in parts]
        if not all(found):
            return None
        speakers = [speaker for speaker in found if speaker is not None]
        return Speaker(
            typed,
            tuple(dict.fromkeys(i for speaker in speakers for i in speaker.person_ids)),
            tuple(dict.fromkeys(name for speaker in speakers for name in speaker.names)),
            fuzzy=any(speaker.fuzzy for speaker in speakers),
            qualifiers=tuple(dict.fromkeys(q for speaker in speakers for q in speaker.qualifiers)),
            parts=tuple(speaker.person_ids for speaker in speakers),
        )

    def named_as_written(self, speaker: Speaker) -> Speaker:
        """The speaker with the names the stories write with "the" marked, for a lead that names them (a role many
        hold is counted, not named: not looked up)."""
        if len(speaker.names) > NAMES_LISTED:
            return speaker
        found = self.store.people_by_aliases([f"the {name.lower()}" for name in speaker.names])
        return replace(speaker, with_the=frozenset(name for _, name in found if name in speaker.names))

    def name_of_its_own(self, typed: str) -> bool:
        """Whether a typed word is one the archive writes as a name (mid-sentence capitals): "spencer", "tesco"."""
        return " " not in typed.strip() and written_as_a_name(self.store, typed.strip())

    def _by_initials(self, words: list[str]) -> Speaker | None:
        """The body known by a name's initials: every word's ("bank of england": BoE), else its main words' when
        three or more ("institute for fiscal studies": IFS). Never with an "and": "sumita and miyazawa" is not
        Fireman Sam ("sam")."""
        main = [word for word in words if word not in ROLE_FILLER]
        every = "".join(w[0] for w in words) if "and" not in words else ""
        for initials in dict.fromkeys([every, "".join(w[0] for w in main)]):
            if len(initials) >= 3 and (found := self.exact(initials)):
                return found
        return None

    def _staff_of(self, typed: str, words: list[str]) -> Speaker | None:
        """The people whose recorded roles name a body nobody speaks as ("bioware": its producer, recorded as
        "bioware audio external resources producer"); None when nobody's or too many people's do, or when the
        words are no body's name: "market" is in a "senior market strategist"'s role, but "the market's reaction
        to the budget" is news."""
        body = [word for word in words if word not in ROLE_FILLER]
        if not body or last_role_noun(body) >= 0:
            return None  # a role, matched by its head noun elsewhere
        # Not by a role whose country a story only guessed: its other words are written too, so a body matched only
        # through it is the guess ("President Reagan" in a story on Iran is no staff of Iran).
        holders = set.intersection(*({person_id for _, person_id in self.roles.sure_containing(word)} for word in body))
        if not holders or len(holders) > QUALIFIED_PEOPLE:
            return None
        if not all(written_as_a_name(self.store, word) for word in body):
            return None
        return self._speaker(typed, sorted(holders))

    def _by_first_name(self, typed: str, word: str, known: tuple[int, ...] = ()) -> Speaker | None:
        """The people (other than ``known``) whose recorded full names begin with a typed first name, said as a
        reading of it ("I took “edward” to mean Edward Leigh"); None when no full name does."""
        ids = [i for i in self.names.given(word) if i not in known]
        return self._speaker(typed, ids, fuzzy=True) if ids else None

    def _also_by_first_name(self, found: Speaker, words: list[str]) -> Speaker:
        """Those known by a one-word name, with the people whose full names begin with it as a later reading, for
        a question they never answer ("what did edward say about the dome sale?": not Edward Fox, but whichever
        Edward speaks on it); so for an initial and a surname ("j. ross": a team sheet's "J Ross", then Joel
        Ross)."""
        if len(words) == 1:
            return _then(found, self._by_first_name(found.typed, words[0], found.person_ids))
        if len(words) == 2 and len(words[0]) == 1:
            return _then(found, self._by_initial(found.typed, words[0], words[1], found.person_ids))
        return found

    def _by_initial(self, typed: str, initial: str, surname: str, known: tuple[int, ...]) -> Speaker | None:
        """The full-named people (other than ``known``) of a surname whose first names begin with an initial."""
        ids = [
            i
            for i, name in self.store.people_by_alias(surname)
            if i not in known and full_name(name) and name_words(name)[0].startswith(initial)
        ]
        return self._speaker(typed, ids, fuzzy=True) if ids else None

    def _also_untitled(self, found: Speaker, name: str) -> Speaker:
        """The people recorded by a titled name ("mr davies"), with everyone else of that name as the next
        reading, for a question they never answer: a house style without titles (Reuters' "Finance Minister
        Omar Davies") records none, and a title may be typed wrong ("mr hewitt" for Patricia Hewitt)."""
        without_title = untitled(name)
        if without_title == name or names_a_role(without_title):
            return found  # "lord chancellor" is an office of its own, not a lord who is a chancellor
        others = self.resolve(without_title, allow_fuzzy=False)
        rest = [i for i in others.person_ids if i not in found.person_ids] if others else []
        return _then(found, self._speaker(found.typed, rest, fuzzy=True) if rest else None)

    def _with_surname_alone(self, found: Speaker) -> Speaker:
        """A full-named person with the entity of their surname alone, which a story naming them so made ("Mr
        Greenspan said", filed apart from Alan Greenspan): the same person when nobody else of that surname is
        recorded by full name and the entity goes by nothing they do not ("Mr Greenspan" is Alan Greenspan's too; not
        Jonny Wilkinson's "Mrs Wilkinson", the "prince" Charles beside Ray Charles, nor the DOE beside a John Doe)."""
        if len(found.names) != 1 or not full_name(found.names[0]):
            return found
        surname = name_words(found.names[0])[-1]
        namesakes = self.store.people_by_alias(surname)
        alone = [i for i, name in namesakes if name_words(name) == (surname,)]
        if not alone or [i for i, name in namesakes if full_name(name)] != list(found.person_ids):
            return found
        held: dict[int, set[str]] = {}
        for person_id, alias, kind in self.store.aliases_of([*found.person_ids, *alone]):
            if kind in _SURE_KINDS and alias != surname:
                held.setdefault(person_id, set()).add(alias)
        theirs = held.get(found.person_ids[0], set())
        return self._with(found, [i for i in alone if i in held and held[i] <= theirs])

    def _with_spokespeople(self, found: Speaker, words: list[str]) -> Speaker:
        """Those found with the people who speak for them: "trend micro" and its "trend micro spokesman", the
        Regent Street Association and its "regent street association director".

        Exact role look-ups (one query, an indexed read per office), so a first question need not load every role
        alias.
        """
        name = " ".join(words).removeprefix("the ")  # roles are stored without the body's article
        offices = [f"{name} {role}" for role in _SPOKES_ROLES]
        speaking = {person_id for person_id, _ in self.store.people_by_aliases(offices)}
        if speaking:
            # Not those only inferred to speak for it ("A BBC spokeswoman said" read as the presenter), nor those
            # holding a country's office by a story's guess ("President Reagan" in a story on Japan is not its voice).
            unsure = (self.roles.inferred_holders, self.roles.guessed_holders)
            speaking -= {person_id for holders in unsure for office in offices for person_id in holders(office)}
        return self._with(found, sorted(speaking))

    def _with_their_body(self, found: Speaker, words: list[str]) -> Speaker:
        """Those found as a body's spokespeople with the body itself: news reports a spokesman's words as the
        body's too ("The Bundesbank declined to comment, but a spokesman said …")."""
        if len(words) < 2 or words[-1] not in _SPOKESPEOPLE:
            return found
        body = self.exact(" ".join(words[:-1]))
        return self._with(found, body.person_ids) if body else found

    def _with(self, found: Speaker, people: Iterable[int]) -> Speaker:
        """Those found and these other people after them, as one speaker."""
        extra = [i for i in people if i not in found.person_ids]
        return self._speaker(found.typed, [*found.person_ids, *extra]) if extra else found

    def _name_at_body(self, typed: str, words: list[str]) -> Speaker | None:
        """A name and the body it works for ("james howard of cargill"): the name's people, those whose recorded
        role names the body first; "the man from cargill" is the body. None unless the words before "of", "at" or
        "from" are a known name or say "someone"."""
        joiner = next((i for i, word in enumerate(words) if word in AT_BODY), -1)
        who, body = words[:joiner], [word for word in words[joiner + 1 :] if word not in ROLE_FILLER]
        if joiner < 1 or not body:
            return None
        if last_role_noun(words) >= 0 and (last_role_noun(who) >= 0 or not self.by_name(" ".join(who))):
            # "head of the central bank", "the bank of finland governor": roles; but "chris fox of the association
            # of chief police officers" is a known name at a body whose name holds a role noun.
            return None
        if all(word in NON_PERSON_WORDS or word in ROLE_FILLER for word in who):
            return None  # "the association of german banks": a body's own name, not an "Association" working there
        if set(who) <= SOMEONE:
            # "the guy from mull historical society": whoever speaks for the body, not people named Guy.
            return self.resolve(" ".join(words[joiner + 1 :]).removeprefix("the "), allow_fuzzy=False)
        named = self.exact(" ".join(who))
        return self._at_body_first(typed, named, body) if named else None

    def _body_s_name(self, typed: str, allow_fuzzy: bool) -> Speaker | None:
        """A body's person by name ("chelsea's jose mourinho", "tennis australia's geoff pollard"): the people the
        name means, those whose recorded role names the body first; not the body's staff (Mutu and Gallas) nor a
        bare "Brown" of "labour's gordon brown". None unless the words after the possessive are a known name, or
        (``allow_fuzzy``) misspell full-named people ("chelsea's jose mourino")."""
        if not (owned := _OWNED.match(typed)) or last_role_noun(owned["name"].split()) >= 0:
            return None  # "tony blair's spokesman": a role the owner's stories name (``_by_role``)
        named = self.by_name(owned["name"])
        if named is None and allow_fuzzy:
            named = self.misspelt_full_names(owned["name"])
        if named is None:
            return None
        body = [word for word in spelt_out(normalise_name(owned["body"])).split() if word not in ROLE_FILLER]
        return self._at_body_first(typed, named, body)

    def _at_body_first(self, typed: str, named: Speaker, body: list[str]) -> Speaker:
        """Of the people a name means, those whose recorded role names the body's words, if any; else all of them."""
        at_body = {person_id for word in body for _, person_id in self.roles.containing(word)}
        holding = [i for i in named.person_ids if i in at_body]
        return self._speaker(typed, holding, fuzzy=named.fuzzy) if holding else named

    def _holding_the_title(self, speaker: Speaker, words: list[str]) -> Speaker:
        """Of the people a name typed after an office means ("chancellor brown", "president bush"), those whose
        roles fit the office best, if any does: Gordon Brown, not every Brown; George Bush, not Kate Bush."""
        at = last_role_noun(words)
        if at < 0 or at == len(words) - 1 or len(speaker.person_ids) < 2:
            return speaker
        _, _, scores = self.holders.scores(" ".join(words[: at + 1]))
        fitting = {i: scores[i] for i in speaker.person_ids if i in scores}
        if not fitting:
            return speaker
        top = max(fitting.values())
        # A bare surname a story recorded alone ("Kerry") may be the same man: it stays, unless another office holds it.
        bare = {i for i, name in zip(speaker.person_ids, speaker.names, strict=True) if not full_name(name)}
        return self._speaker(
            speaker.typed, [i for i in speaker.person_ids if fitting.get(i) == top or (i in bare and i not in fitting)]
        )

    def _named_after_role(self, typed: str, words: list[str]) -> Speaker | None:
        """A role followed by a name ("fed vice chairman johnson"): the name's people, those holding the role first.

        The name is the last one to three words after the role noun, as the store knows them exactly.
        """
        at = last_role_noun(words)
        rest = words[at + 1 :]
        if at < 0 or not rest or rest[0] in ROLE_FILLER:
            return None  # "head of the central bank": the body the role belongs to
        role = " ".join(words[: at + 1])
        for size in range(min(3, len(rest)), 0, -1):
            if named := self.exact(" ".join(rest[-size:])):
                # Words typed before the name found are the given names of whoever is meant: "pope john paul" is
                # no Paul Boateng.
                given = rest[: len(rest) - size]
                if given and not any(all(given_in(g, name_words(full)[:-1]) for g in given) for full in named.names):
                    return None
                by_role = self._by_role(typed, role)
                holding = [i for i in named.person_ids if by_role and i in by_role.person_ids]
                if not holding and len(named.person_ids) > 1:
                    # None of them among the role's best holders: of the name's people, those whose roles fit it
                    # best ("fed vice chairman johnson": of twenty Johnsons, the one who is a vice chairman).
                    fitting = {i: score for i, score in self.holders.scores(role)[2].items() if i in named.person_ids}
                    top = max(fitting.values(), default=0.0)
                    holding = [i for i in named.person_ids if fitting.get(i, -1.0) == top]
                return self._speaker(typed, holding) if holding else named
        return None

    def _full_name_after_role(self, words: list[str]) -> list[str]:
        """The words of a full name typed after a role (a first name, then other words: "john crow" of
        "governor john crow"), else none."""
        at = last_role_noun(words)
        name = words[at + 1 :] if at >= 0 else []
        if len(name) < 2 or not self.may_be_given(name[0]):
            return []
        return name if all(word.isalpha() and word not in ROLE_FILLER for word in name[1:]) else []

    def _holder_named(self, typed: str, name: str, after: list[str], allow_fuzzy: bool) -> Speaker | None:
        """The holders of a typed role whom the name typed after it names in part ("treasury secretary james baker
        iii": James Baker) or misspells ("bank of japan governor satoshi sumitta"), if any."""
        if (holders := self._by_role(typed, name)) is None:
            return None
        surnames = set(after[1:])  # "governor john crow" is no John holding the role
        if sharing := [
            i for i, held in zip(holders.person_ids, holders.names, strict=True) if surnames & set(name_words(held))
        ]:
            return self._speaker(typed, sharing)
        near = self.resolve(" ".join(after), role_noun_needed=True) if allow_fuzzy else None
        holding = [i for i in near.person_ids if i in holders.person_ids] if near else []
        return self._speaker(typed, holding, fuzzy=True) if holding else None

    def _by_role(self, typed: str, role: str) -> Speaker | None:
        """People whose recorded roles best match a typed role; None when no role has that head noun."""
        heads, qualifiers, best = self.holders.scores(role)
        if not heads:
            return None
        top = max(best.values(), default=0.0)
        if top < HELD_IN_FULL and (holding := self.holders.holding_all(qualifiers, heads)):
            return self._speaker(typed, holding)  # nobody holds the head noun with every qualifier
        if not best:
            found = self.holders.by_qualifier(heads, qualifiers)
            return self._speaker(typed, found) if found else None
        unmatched = tuple(qualifiers) if top < HELD_IN_FULL else ()
        holders = sorted(i for i, score in best.items() if score == top)
        if not unmatched:
            return self._speaker(typed, holders)
        # "courtney love's lawyer": the lawyer quoted in her stories, not every lawyer (nor Love herself).
        named = self.exact(" ".join(qualifiers))
        if named and (quoted := self.holders.quoted_beside(holders, named.person_ids)):
            return self._speaker(typed, quoted, qualifiers=unmatched)
        # "ericsson's chief executive": the one quoted in a story headlined Ericsson, his title written bare.
        if headlined := self.holders.quoted_in_stories_on(best, unmatched):
            return self._speaker(typed, headlined)
        if top == 0.0 and (at_body := self._at_body(qualifiers)):
            # "the wood mackenzie analyst": no analyst is at Wood Mackenzie, but its north sea expert is, said as such
            return self._speaker(typed, at_body, fuzzy=True)
        if named:  # "the head of fox": when no head speaks in Fox's stories, Fox itself speaks (through its head)
            holders = [*dict.fromkeys([*holders, *named.person_ids])]
        return self._speaker(typed, holders, qualifiers=unmatched)

    def _at_body(self, qualifiers: list[str]) -> list[int]:
        """The few people whose recorded roles hold every qualifying word of a typed role, under any title; none
        when too many do (the words name no body in particular)."""
        found = sorted(self.holders.holding_every(qualifiers))
        return found if len(found) <= QUALIFIED_PEOPLE else []

    def others_at_body(self, speaker: Speaker) -> Speaker | None:
        """For a typed role naming a body whose holders never answer ("the accu-weather forecaster"), the others
        whose recorded roles hold all its qualifying words under another title ("accu-weather inc senior
        meteorologist"); None if nobody else does, or too many."""
        _, qualifiers, _ = self.holders.scores(normalise_name(speaker.typed))
        if len(qualifiers) < 2:
            return None
        others = [i for i in self._at_body(qualifiers) if i not in speaker.person_ids]
        return self._speaker(speaker.typed, others, fuzzy=True) if others else None  # said: "I took … to mean …"

    def _fuzzy(self, typed: str, name: str) -> Speaker | None:
        edits = allowed_edits(name)
        if not edits:
            return None
        readings = [
            self._speaker(typed, [i for i, _ in self.store.people_by_alias(alias)], fuzzy=True)
            for alias in self.names.nearest(name, edits, FUZZY_READINGS)
        ]
        return replace(readings[0], alternatives=tuple(readings[1:])) if readings else None

    def _speaker(self, typed: str, ids: list[int], *, fuzzy: bool = False, qualifiers: tuple[str, ...] = ()) -> Speaker:
        names = self.store.person_names(ids)
        ids = [i for i in ids if i in names]
        return Speaker(typed, tuple(ids), tuple(names[i] for i in ids), fuzzy, qualifiers)


def _then(speaker: Speaker, reading: Speaker | None) -> Speaker:
    """A speaker with another reading of what was typed after theirs, tried when they never answer the question."""
    return replace(speaker, alternatives=(*speaker.alternatives, reading)) if reading else speaker


def known_by_full_names(speaker: Speaker) -> bool:
    """Whether everyone a speaker resolved to has a name of two words or more (a person, not a bare word's entity)."""
    return all(map(full_name, speaker.names))
