"""Who holds a typed role ("australia's treasurer", "the wood mackenzie analyst"): the people whose recorded roles
have its head noun (or a house style's other word for it), ranked by the share of its other words they carry."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import combinations

from bot.attribution.lexicon import ROLE_HEADS, ROLE_SYNONYMS, singular_role
from bot.retrieval.aliases import RoleAliases
from bot.retrieval.candidates import recent_first
from bot.retrieval.fts import all_of
from bot.retrieval.kin import british_spelling
from bot.retrieval.terms import written_in
from bot.store.protocol import StoreProtocol

ROLE_WORD = re.compile(r"[a-z][a-z-]+")
ROLE_FILLER = frozenset({"the", "of", "for", "at", "from", "in", "and", "s"})
SOMEONE = frozenset({"man", "woman", "person", "guy", "people", "men", "women"})  # "the first boston man"
OTHER_OFFICE = frozenset("former ex shadow deputy vice assistant outgoing late".split())
# How much a role counts against one typed in full when it names another office, or was only inferred: a half
# keeps its holders below anyone holding the typed role as written, and above nobody.
LESSER_ROLE = 0.5
# ... and when a story only guessed its country ("President Reagan" in a story on Iran is no Iranian president
# beside Khatami, written so): still the typed role held in full, after those holding it as written.
GUESSED_ROLE_SHARE = 0.75
HELD_IN_FULL = GUESSED_ROLE_SHARE  # a score from here up holds every word of the typed role
QUALIFIED_PEOPLE = 20  # a typed role's qualifier recorded for more people than this names no one in particular
PARAGRAPHS_READ = 50  # of each, the own paragraphs read for the role's head noun
LINKS_READ = 1_000  # of the people a typed role names ("courtney love's lawyer"), the latest links read
STORIES_READ = 20  # ... and of their stories, the latest read for who speaks beside them
HEADLINED_SEARCHED = 200  # paragraphs holding a typed role's other words, read for stories headlined with them
# Job titles typed short, and the words news writes them in ("microsoft's cfo": its chief financial officer). A
# CEO is a role noun of its own, also written "chief executive" (``_HEAD_SYNONYMS``).
_SHORT_TITLES = {
    "pm": "prime minister",
    "rep": "representative",
    "cfo": "chief financial officer",
    "cto": "chief technology officer",
    "coo": "chief operating officer",
}
# Titles that name the same job in different house styles ("budget director" / "budget chief"; a central
# bank's chief, head or boss is its governor, OPEC's its president, the Treasury's its secretary; a football club's
# manager is its coach; a ministry's secretary is its minister, as a minister may be written secretary; a body's
# leader is its president, chairman or head).
_HEAD_SYNONYMS: dict[str, frozenset[str]] = {
    "director": frozenset({"chief", "head"}),
    "chief": frozenset({"director", "head", "governor", "chairman", "president", "secretary"}),
    "head": frozenset({"chief", "director", "governor", "chairman", "president", "secretary"}),
    "boss": frozenset({"chief", "head", "executive", "chairman", "president", "director", "governor"}),
    "ceo": frozenset({"executive"}),
    "secretary": frozenset({"minister"}),  # "iran's oil secretary": its oil minister
    "leader": frozenset({"president", "chairman", "head", "chief"}),  # "the real madrid leader": its president
    "coach": frozenset({"manager", "boss"}),
    "manager": frozenset({"coach", "boss"}),
}


class RoleHolders:
    """Matches typed roles against the store's recorded ones (person ids, not yet speakers)."""

    def __init__(self, store: StoreProtocol, roles: RoleAliases) -> None:
        self.store = store
        self.roles = roles

    def scores(self, role: str) -> tuple[set[str], list[str], dict[int, float]]:
        """A typed role's head nouns (with their synonyms) and qualifiers, and the people holding a recorded role
        with that head, each with the share of the qualifiers it carries."""
        wanted = [_role_noun(w) for w in ROLE_WORD.findall(spelt_out(role)) if w not in ROLE_FILLER]
        if not wanted:
            return set(), [], {}
        # The role noun is usually last ("the agriculture secretary"), or before its office ("secretary of state").
        found = last_role_noun(wanted)
        at = found if found >= 0 else len(wanted) - 1
        if at == len(wanted) - 1:
            at = _head_of(wanted)  # "the bbc director general": a director
        head, qualifiers = wanted[at], wanted[:at] + wanted[at + 1 :]
        heads = {head} | ROLE_SYNONYMS.get(head, frozenset()) | _HEAD_SYNONYMS.get(head, frozenset())
        best: dict[int, float] = {}
        # Scored once per distinct wording: a common head's thousands of roles share a few hundred. Either side of the
        # Atlantic's spelling: "defense secretary" is the "defence secretary".
        respelt = [british_spelling(word) for word in qualifiers]
        match = cache(lambda alias: _role_match(respelt, alias))
        # A role only guessed or inferred (the story never wrote it with the name) counts less: its holders answer
        # for it only when nobody holds it as written.
        for candidate in heads:
            for share, aliases in (
                (1.0, self.roles.written_containing(candidate)),
                (GUESSED_ROLE_SHARE, self.roles.guessed_containing(candidate)),
                (LESSER_ROLE, self.roles.inferred_containing(candidate)),
            ):
                for alias, person_id in aliases:
                    head_at = _head_of(words := alias.split())
                    if head_at >= 0 and words[head_at] in heads:
                        rest = tuple(words[:head_at] + words[head_at + 1 :])
                        best[person_id] = max(share * match(rest), best.get(person_id, 0.0))
        return heads, qualifiers, best

    def holding_all(self, qualifiers: list[str], heads: set[str]) -> list[int]:
        """People whose roles hold every typed qualifier and the head noun anywhere in them (any head, for a
        word that only says "someone"): "messagelabs technology chief" is MessageLabs' chief technology
        officer, "the first boston man" First Boston's managing director, and "yukos's finance chief" the
        "yukos chief financial officer" also written "chief finance officer". Empty without qualifiers."""
        if not qualifiers:
            return []
        someone = bool(heads & SOMEONE)
        return sorted(
            person_id for person_id, words in self.holding_every(qualifiers).items() if someone or heads & words
        )

    def holding_every(self, qualifiers: list[str]) -> dict[int, set[str]]:
        """The people whose recorded roles hold every qualifier, each with the words of those roles."""
        words_of: dict[int, set[str]] = defaultdict(set)  # a person's words over the roles naming a qualifier
        for qualifier in qualifiers:
            for alias, person_id in self.roles.containing(qualifier):
                words_of[person_id].update(alias.split())
        return {person_id: words for person_id, words in words_of.items() if set(qualifiers) <= words}

    def by_qualifier(self, heads: set[str], qualifiers: list[str]) -> list[int]:
        """People with a role holding the typed qualifier whose own words carry the head noun.

        No role is recorded as "cepes coordinator", but Saldarriaga's is "cepes researcher" and he is quoted
        as the "technical coordinator at Cepes".
        """
        people = sorted({i for word in qualifiers for _, i in self.roles.containing(word)})
        if not people or len(people) > QUALIFIED_PEOPLE:
            return []
        found = []
        for person_id in people:
            own = [link.paragraph_id for link in self.store.person_paragraphs([person_id]) if link.role == "speaker"]
            texts = (row.text for row in self.store.paragraphs_by_id(own[:PARAGRAPHS_READ]))
            if any(heads & set(ROLE_WORD.findall(text.lower())) for text in texts):
                found.append(person_id)
        return found

    def quoted_beside(self, holders: list[int], named: tuple[int, ...]) -> list[int]:
        """Of a role's holders, those who speak in the latest stories of the people or body a typed role names."""
        stories = dict.fromkeys(link.article_id for link in self.store.person_paragraphs(named, latest=LINKS_READ))
        return self._speaking_in(list(stories)[-STORIES_READ:], [i for i in holders if i not in named])

    def quoted_in_stories_on(self, holders: Iterable[int], words: Sequence[str]) -> list[int]:
        """Of the people holding a role's head noun, those who speak in the latest stories headlined with every one
        of a typed role's other words, which no recorded role carries: "ericsson's chief executive" is the chief
        executive quoted in "Ericsson sees earnings improve", where the story names the firm and his title does not
        ("Chief executive Carl-Henric Svanberg explained…")."""
        words = [word for word in words if word not in ROLE_HEADS]  # "chief" of a chief executive is his title's
        if not words:
            return []
        # Recent news first: a common word ("referees situation") ranked over all of a large archive took 16 ms.
        found = recent_first(self.store, all_of(words), HEADLINED_SEARCHED)
        headlined = {row.article_id for row in found if all(written_in(row.title, word) for word in words)}
        return self._speaking_in(sorted(headlined)[-STORIES_READ:], list(holders))

    def _speaking_in(self, stories: Sequence[int], people: list[int]) -> list[int]:
        """Of some people, those who speak in any of the stories."""
        if not stories or not people:
            return []
        paragraphs = [row.id for article_id in stories for row in self.store.article_rows(article_id)]
        speaking = {name for names in self.store.speakers_of(paragraphs).values() for name in names}
        names = self.store.person_names(people)
        return sorted(i for i, name in names.items() if name in speaking)


def spelt_out(typed: str) -> str:
    """A typed name or role with its job titles written out ("the pm": "the prime minister")."""
    return " ".join(_SHORT_TITLES.get(word, word) for word in typed.split())


def _head_of(words: list[str]) -> int:
    """The index of a role's head noun: its last word, or the one before a "general" after it ("cbi director
    general", "un secretary general": a director or a secretary, of a kind the "general" qualifies); -1 for no
    words."""
    if len(words) > 1 and words[-1] == "general" and words[-2] in ROLE_HEADS:
        return len(words) - 2
    return len(words) - 1


def last_role_noun(words: list[str]) -> int:
    """The index of the last word that is a role noun (in either number), or -1."""
    return max((i for i, word in enumerate(words) if _role_noun(word) in ROLE_HEADS), default=-1)


def same_word(typed: str, word: str) -> bool:
    """Equal, or sharing a stem of four letters or more (country and demonym: iran / iranian)."""
    if typed == word:
        return True
    shorter, longer = sorted((typed, word), key=len)
    if len(shorter) < 4:
        return False
    # A final vowel may change (china / chinese), but what is left must still be four letters, and go on with
    # a vowel: "tori" (Tories) is not a form of "toronto", nor "barca" of "barclays".
    root = shorter.rstrip("aeiouy")
    return longer.startswith(shorter) or (
        len(root) >= 4 and longer.startswith(root) and longer[len(root) : len(root) + 1] in tuple("aeiouy")
    )


def _role_noun(word: str) -> str:
    """A role noun in the singular ("analysts" → "analyst": any of them), "ex" as "former"; other words as they are."""
    word = _office_word(word)
    return word if word in ROLE_HEADS else singular_role(word) or word


def _office_word(word: str) -> str:
    """A role's word as one office: "ex" is "former" ("the ex england captain" is a former one; stories write
    either)."""
    return "former" if word == "ex" else word


def _role_match(wanted: list[str], alias: tuple[str, ...]) -> float:
    """Share of the typed qualifiers (``wanted``, in British spelling) found in a role alias's qualifiers (compared
    in British spelling too); "iran" matches "iranian", a body of three words or more its initials ("mitsubishi
    heavy industries boss" / "mhi president") and the other way round ("boj governor" / "bank of japan governor"),
    and a clipped word the whole ("fed" / "federal")."""
    # A word making the role another office counts against it unless typed: "the chancellor" is not the shadow
    # chancellor, nor "the former chancellor", and "the prime minister" not the deputy prime minister.
    alias = tuple(british_spelling(_office_word(word)) for word in alias)
    other_office = LESSER_ROLE if OTHER_OFFICE.intersection(alias).difference(wanted) else 1.0
    if not wanted:
        return other_office

    def found(words: list[str]) -> int:
        return sum(any(same_word(w, a) or _clipped(w, a) for a in alias) or _initials_of(w, alias) for w in words)

    hits = found(wanted)
    for start, end in combinations(range(len(wanted) + 1), 2):
        if end - start >= 3 and "".join(w[0] for w in wanted[start:end]) in alias:
            hits = max(hits, end - start + found(wanted[:start] + wanted[end:]))
    return other_office * hits / len(wanted)


# Clipped words news writes for one word: "the Fed" is the Federal Reserve.
_CLIPPED_FOR = {"fed": "federal"}


def _clipped(typed: str, word: str) -> bool:
    """Whether a typed word of three letters is a longer word clipped ("fed" for "federal", "gov" for "government");
    one news clips for one word stands for that word only ("the fed chairman" is no Police Federation chairman)."""
    if typed in _CLIPPED_FOR:
        return word == _CLIPPED_FOR[typed]
    return len(typed) == 3 and len(word) >= 6 and word.startswith(typed)


def _initials_of(typed: str, alias: tuple[str, ...]) -> bool:
    """Whether a typed word of three or four letters is the initials of words in a row of a role ("boj": "bank of
    japan"; "ecb": "european central bank"). Two letters ("us") would be the initials of too many."""
    if not 3 <= len(typed) <= 4:
        return False
    initials = "".join(word[0] for word in alias)
    return len(alias) >= len(typed) and typed in initials and typed not in alias
