"""How a person's name is written, whatever surrounds it: what a run of capitalised words holds (the words
before the name, a form of address, the name's own words), names written surname first, and two surnames
that may be spellings of one name."""

from __future__ import annotations

from .lexicon import (
    ADJECTIVAL_ROLE_HEADS,
    COMMON_CAPS,
    EPITHETS,
    HONORIFICS,
    NON_PERSON_WORDS,
    PEERAGE,
    ROLE_HEADS,
    ROLE_QUALIFYING_CAPS,
)
from .name_roles import Role, make_role, prefix_roles, role_head
from .roles import NATIONALITIES, PERSON_DEMONYMS

# Function words and adverbs no name ends with ("Gonna Fly Now", "For Your Eyes Only", "Stand Up": songs).
_NEVER_LAST = frozenset(
    "in with of to for is on from about than between without into by at as the a an and but or it this that"
    " now only then again too here there yet ever soon today tonight tomorrow yesterday up down out off away i".split()
)
_BREAKERS = ROLE_HEADS | NON_PERSON_WORDS
# A nation's people or adjective, which ends no name but a surname's few ("Philip French", "Oliver Irish").
_PEOPLES = (NATIONALITIES - {"french", "irish", "english", "welsh", "german", "dutch"}) | {
    f"{demonym}s" for demonym in PERSON_DEMONYMS
}
# Reuters dates a report by its weekday straight after a name; a name of one word before one is a name of its own
# ("Mike Friday", "Sheffield Wednesday").
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
# Descriptions that open a sentence before a full name, capitalised there (not the given names Dane and Finn),
# and nationalities before one ("Argentine David Nalbandian" is David Nalbandian, as a later line names him).
_DESCRIPTIONS = (frozenset(EPITHETS) - {"dane", "finn"}) | NATIONALITIES
# Organisation words that are also given names: they break a run only at its end ("Finance Bill").
_GIVEN_NAMES = frozenset({"bill"})
# Role nouns that are also surnames: they break a run only before a name ("King Fahd", not "Mervyn King").
_SURNAMES = frozenset({"king", "bishop", "guest", "sergeant", "lock"})
_FAMILY_NAME = 5  # letters of the longest family name written before a hyphened given name ("Chung", "Roh")
# Common Chinese family names that are no English given name or word ("Lee", "Kim", "Sun", "Song", "Pan" are).
_CHINESE_FAMILY_NAMES = frozenset(
    "Wang Zhang Liu Chen Yang Huang Zhao Zhou Xu Zhu Guo Luo Gao Wen Jiang Deng Hu Xi Wu Li Zheng Zeng Xiao Qian"
    " Shen Xue".split()
)
_SYLLABLE = 5  # ... and of either syllable of that given name ("Mong-koo", "Ji-chang")
# Forms of address that are offices: the person holds the role they name.
_TITLE_ROLES = {
    "sen": "senator",
    "gov": "governor",
    "gen": "general",
    "prof": "professor",
    "professor": "professor",
    "capt": "captain",
}
# A surname this long that no one has may be a misspelling of someone's (see same_name).
VARIANT_MIN = 5


def is_breaker(token: str, last: bool) -> bool:
    """True for words that cannot be part of a person's name: roles, acronyms, organisation words."""
    lower = token.lower()
    if lower in _BREAKERS:
        if lower in _SURNAMES:
            return not last
        return last or lower not in _GIVEN_NAMES
    if token.isupper() and len(token) > 1 and ("." not in token or lower.replace(".", "") in _BREAKERS):
        return True  # acronyms and the initialisms of places and bodies ("OECD", "U.S.")
    if token.isalpha():
        return False
    if "-" in token and token.rpartition("-")[2].islower():
        return True  # "Film-maker", "Co-founder": a description; a name's parts are capitalised ("Leigh-Pemberton")
    return ("-" in lower and role_head(lower) is not None) or any(c.isdigit() for c in token)


def surname_first(words: tuple[str, ...] | list[str]) -> bool:
    """Whether a name is written surname first: a Chinese family name before the given name ("Hu Jintao",
    "Wang Yan"), or a short family name before a hyphened given name whose second syllable keeps its small
    letter, as Korean names are written ("Roh Moo-hyun", "Ban Ki-moon")."""
    if len(words) != 2:
        return False
    if words[0] in _CHINESE_FAMILY_NAMES and words[1].isalpha() and words[1][:1].isupper():
        return True
    if "-" not in words[1]:
        return False
    family, (first, _, second) = words[0], words[1].partition("-")
    return (
        family.isalpha()
        and family[:1].isupper()
        and len(family) <= _FAMILY_NAME
        and first.isalpha()
        and first[:1].isupper()
        and second.isalpha()
        and second.islower()
        and max(len(first), len(second)) <= _SYLLABLE
    )


def _split_run(tokens: list[str]) -> tuple[list[str], str, list[str]]:
    """Split a run into the words before the name (role, party), form of address and name words."""
    prefix: list[str] = []
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i].lower().rstrip(".") in PEERAGE:
            prefix, tokens = tokens[:i], tokens[i:]
            break
        if i and i == len(tokens) - 1 and surname_first(tokens[i - 1 :]):
            continue  # "Moo-hyun" of "President Roh Moo-hyun" is a given name, not a description ("Film-maker")
        if is_breaker(tokens[i], i == len(tokens) - 1) and not (i and tokens[i - 1].lower().rstrip(".") in HONORIFICS):
            prefix, tokens = tokens[: i + 1], tokens[i + 1 :]
            break
    if not prefix and len(tokens) > 2 and tokens[0].lower() in _DESCRIPTIONS:
        prefix, tokens = tokens[:1], tokens[1:]  # "Teenager Sania Mirza", "Swede Joachim Johansson"
    honorific = ""
    for i in range(len(tokens) - 2, -1, -1):
        if tokens[i].lower().rstrip(".") in HONORIFICS:
            # "No More Mr Nasty": what comes before a form of address is not part of the name.
            honorific, tokens = tokens[i].lower().rstrip("."), tokens[i + 1 :]
            break
    return prefix, honorific, tokens


def _looks_like_name(words: list[str], honorific: str) -> bool:
    """Reject runs that are ordinary capitalised words or strings of initials."""
    if not words or len(words) > 4:
        return False
    if all(len(w) == 2 and w.endswith(".") for w in words):
        return False
    if words[-1].lower() in _NEVER_LAST:
        return False  # a title's words ("Born In The USA", "Knights Of The Round Table"), not a name
    if len(words) > 1 and words[-1].lower() in _PEOPLES:
        return False  # a people described ("Famous Japanese", "Older Germans", "Native Americans"), not a name
    if honorific:
        return True
    return all(w.lower() not in COMMON_CAPS for w in words[:-1])


def same_name(a: str, b: str) -> bool:
    """True when two surnames of five letters or more may be spellings of one name.

    Transliterations keep the first letter but vary the rest: within two edits ("Kowalsky",
    "Kowalski"), or the same letters moved about with at most one more or fewer ("Mafeca",
    "Macaefa", three edits apart).
    """
    if a[0] != b[0] or len(b) < VARIANT_MIN or abs(len(a) - len(b)) > 2:
        return False
    if _edits_within(a, b, 2):
        return True
    return abs(len(a) - len(b)) <= 1 and _edits_within("".join(sorted(a)), "".join(sorted(b)), 1)


def _edits_within(a: str, b: str, limit: int) -> bool:
    """True when the edit distance between two strings is at most limit (stops early past it)."""
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _plural_kind(word: str) -> bool:
    """A plural trade or nationality before a list of names ("Sprinters Kostas Kenteris and Katerina Thanou",
    "Americans Andy Roddick and …")."""
    singular = word.lower()[:-1]
    return word.endswith("s") and (singular in ROLE_HEADS or singular in NATIONALITIES)


def _gerund(word: str) -> bool:
    """An -ing word that opens a sentence ("Speaking", "Managing"); "King" is a title."""
    return word.endswith("ing") and role_head(word) is None


def _compound_adjective(word: str) -> bool:
    """A capitalised word joined to a participle ("Oscar-nominated", "UK-published", "Grammy-winning"): it
    describes the name after it, as no part of a name does ("Jean-Claude" goes on in capitals)."""
    head, _, rest = word.partition("-")
    return bool(head) and rest.islower() and rest.isalpha() and rest.endswith(("ed", "ing"))


Shape = tuple[int, bool, tuple[Role, ...], str, tuple[str, ...], bool, tuple[str, ...]]
NOT_A_NAME: Shape = (-1, False, (), "", (), False, ())
# The same runs recur through an article and across articles ("Mr Blair").
_RUN_SHAPES: dict[str, Shape] = {}
_MAX_SHAPES = 50_000


def run_shape(run: str) -> Shape:
    """What a run of capitalised words holds (see _split_shape), worked out once per distinct run."""
    shape = _RUN_SHAPES.get(run)
    if shape is None:
        if len(_RUN_SHAPES) > _MAX_SHAPES:
            _RUN_SHAPES.clear()
        shape = _RUN_SHAPES[run] = _split_shape(run)
    return shape


def _split_shape(run: str) -> Shape:
    """Split a run once: (characters of sentence-initial words skipped, whether words came before the
    name, the roles they make, form of address, name words, whether a title came first, the name words
    in lower case), or NOT_A_NAME."""
    tokens = run.split(" ")
    skip = 0
    # Sentence-initial words ("But", "The", "Former") are capitalised without being names.
    while len(tokens) > 1 and (
        tokens[0].lower() in COMMON_CAPS
        or _gerund(tokens[0])
        or _plural_kind(tokens[0])
        or _compound_adjective(tokens[0])
    ):
        skip += len(tokens[0]) + 1
        tokens = tokens[1:]
    # Those right before a role still qualify it: "Chief Executive", "Managing Director".
    qualifying = run[:skip].split()
    while qualifying and not (qualifying[0].lower() in ROLE_QUALIFYING_CAPS or _gerund(qualifying[0])):
        qualifying.pop(0)
    if len(tokens) == 1 and (tokens[0].lower() in COMMON_CAPS or tokens[0].lower() in HONORIFICS):
        return NOT_A_NAME
    prefix, honorific, words = _split_run(tokens)
    if len(words) > 2 and words[-1].lower() in _WEEKDAYS:
        words = words[:-1]  # "Treasury Secretary James Baker Monday in Frankfurt": when he met, not his name
    if not _looks_like_name(words, honorific):
        return NOT_A_NAME
    head = role_head(prefix[-1]) if prefix else None
    titled = head is not None and head not in ADJECTIVAL_ROLE_HEADS  # "General Election" names no one
    roles = prefix_roles([*qualifying, *prefix])
    if len(words) == 1 and not (honorific or titled or roles) and any(w.lower() in NON_PERSON_WORDS for w in prefix):
        return NOT_A_NAME  # "Chemical Bank Tokyo": a body and its branch's place, not a one-word name
    if honorific in _TITLE_ROLES:  # "Sen. Christopher Bond" is a senator, asked for as one; "U.S. Sen." a U.S. one
        office = make_role([*([] if roles else [*qualifying, *prefix]), _TITLE_ROLES[honorific]])
        roles = (*roles, *filter(None, [office]))
    return skip, bool(prefix), roles, honorific, tuple(words), titled, tuple(w.lower() for w in words)
