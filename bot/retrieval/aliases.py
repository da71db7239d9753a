"""The store's aliases in memory for misspelt names and role look-ups, kept up to date by reading only new rows."""

from __future__ import annotations

import copy
import sys
import threading
import time
from abc import ABC, abstractmethod
from array import array
from collections import Counter
from itertools import chain

from rapidfuzz import process
from rapidfuzz.distance import OSA, Indel

from bot.attribution.lexicon import HONORIFICS
from bot.attribution.roles import national_office
from bot.store.articles import GUESSED_ROLE, INFERRED_ROLE, ROLE_KINDS
from bot.store.protocol import StoreProtocol

PAGE = 50_000  # aliases read per query, so a first read of a large archive never holds every row at once
REREAD_EVERY_S = 10.0  # a load's deletions make the caches read everything again at most this often


class _Incremental(ABC):
    """Aliases (of some kinds, or all) read from the store once, then only the rows added since.

    Loads only append aliases. One met again in a surer role kind replaces its row with a new one, which a cache of
    the less sure kind reads among the new rows of the surer kinds, to drop its own. A removal (an article deleted)
    changes the store's count of deletions, and then everything is read again.
    """

    def __init__(self, store: StoreProtocol, kinds: tuple[str, ...], onward: tuple[str, ...]) -> None:
        """:param kinds: the kinds a whole read takes in (all, when none are given);
        :param onward: the kinds read after it, in which new rows are found."""
        self.store = store
        self.kinds = kinds
        self.onward = onward
        self._lock = threading.Lock()  # held while aliases are added, and by readers needing them consistent
        self._catching_up = threading.Lock()  # held by the one thread reading new rows from the store
        self._version: tuple[int, int] = (0, 0)
        self._reread_at = -REREAD_EVERY_S  # when everything was last read again

    def refresh(self) -> None:
        """Catch up with the store.

        One thread reads what was added while the others answer with the aliases already held; only the first
        read is waited for. After a deletion everything is read again into a copy, swapped in when whole, at most
        every ``REREAD_EVERY_S``. Beside a load into 100,000 articles, 20 askers had queued behind a full re-read at
        every batch the loader committed (p95 14 s; target 150 ms), and at 305 ms still spent their time beside the
        re-reads while a load's upgraded aliases counted as deletions.
        """
        version = self.store.people_version()
        if version == self._version:
            return
        if not self._catching_up.acquire(blocking=self._version == (0, 0)):
            return
        try:
            if version == self._version:  # caught up by the thread waited for
                return
            position, deletions = self._version
            target = self
            if version[1] != deletions and time.monotonic() - self._reread_at < REREAD_EVERY_S:
                # Deleted rows wait for the next whole re-read (a deleted person's aliases find no one meanwhile);
                # the new ones are read now.
                version = (version[0], deletions)
            elif version[1] != deletions:
                target = copy.copy(self)
                target.clear()
                target._reread_at = time.monotonic()
                position = 0
            reading = self.kinds if position == 0 else self.onward
            while position < version[0]:
                rows = self.store.aliases_after(position, reading, PAGE)
                with self._lock:  # a misspelt name's look-up waits only while a page is added
                    for row_position, alias, person_id, kind in rows:
                        if row_position > version[0]:
                            break  # later rows are read with the next version
                        target.take(sys.intern(alias), person_id, kind)
                if len(rows) < PAGE:
                    break
                position = rows[-1][0]
            with self._lock:
                if target is not self:
                    self.__dict__.update(target.__dict__)
                self._version = version
        finally:
            self._catching_up.release()

    @abstractmethod
    def clear(self) -> None:
        """Forget everything (before a full re-read)."""

    @abstractmethod
    def take(self, alias: str, person_id: int, kind: str) -> None:
        """Take in one new alias row."""


class RoleAliases:
    """Role aliases ("the foreign secretary") by word, for matching a typed role without scanning the table.

    A role a story only guessed the country of (``GUESSED_ROLE``) counts, after those written, unless its holder is
    recorded in that office for another country: Margaret Thatcher, written "British Prime Minister", is no
    "japanese prime minister" for a bare "Prime Minister Margaret Thatcher" in a story on Japanese trade barriers.
    A role a story only seemed to call someone by (``INFERRED_ROLE``) counts when nobody holds it otherwise: "the
    chancellor" is not Vince Cable, read as the chancellor who "meanwhile insisted" after his own words.
    """

    def __init__(self, store: StoreProtocol) -> None:
        self._written = _RoleIndex(store, "role")
        self._guessed = _RoleIndex(store, GUESSED_ROLE)
        self._inferred = _RoleIndex(store, INFERRED_ROLE)

    def refresh(self) -> None:
        """Catch up with the store."""
        self._written.refresh()
        self._guessed.refresh()
        self._inferred.refresh()

    def containing(self, word: str, limit: int = 2000, *, inferred: bool = True) -> list[tuple[str, int]]:
        """Role aliases (alias, person id) with ``word`` as a whole word, the surer kinds first, oldest first;
        without those only ``inferred``, if so asked."""
        self.refresh()
        return (
            self._written.containing(word, limit)
            + self.guessed_containing(word, limit)
            + (self._inferred.containing(word, limit) if inferred else [])
        )

    def sure_containing(self, word: str, limit: int = 2000) -> list[tuple[str, int]]:
        """``containing`` without the roles whose country a story only guessed."""
        return self._written.containing(word, limit) + self._inferred.containing(word, limit)

    def written_containing(self, word: str, limit: int = 2000) -> list[tuple[str, int]]:
        """The role aliases written with a name (alias, person id) with ``word`` as a whole word, oldest first."""
        return self._written.containing(word, limit)

    def guessed_containing(self, word: str, limit: int = 2000) -> list[tuple[str, int]]:
        """The role aliases whose country a story only guessed (alias, person id) with ``word`` as a whole word,
        oldest first, but for those its holder is recorded in for another country."""
        guessed = self._guessed.containing(word, limit)
        return [(alias, person_id) for alias, person_id in guessed if not self._doubted(alias, person_id)]

    def inferred_containing(self, word: str, limit: int = 2000) -> list[tuple[str, int]]:
        """The role aliases only inferred (alias, person id) with ``word`` as a whole word, oldest first."""
        return self._inferred.containing(word, limit)

    def written_first(self, alias: str, person_ids: list[int]) -> list[int]:
        """Of the people an alias finds, those holding it as written (all of them when none does): not those only
        inferred to hold it, nor those holding its national office only by a story's guess (Margaret Thatcher,
        British prime minister, is no "japanese prime minister")."""
        inferred = self.inferred_holders(alias)
        surer = [i for i in person_ids if i not in inferred] or person_ids
        if national_office(alias) is None:
            return surer  # a role of no country: no guess to doubt
        self.refresh()
        return [i for i in surer if not self._doubted(alias, i)] or surer

    def inferred_holders(self, alias: str) -> set[int]:
        """The people who hold a role alias only as inferred (read without loading the other kinds' aliases)."""
        return self._inferred.holders(alias)

    def guessed_holders(self, alias: str) -> set[int]:
        """The people who hold a role alias only by a story's guess at its country."""
        return self._guessed.holders(alias)

    def _doubted(self, alias: str, person_id: int) -> bool:
        """Whether someone found by a national office's alias is written in that office only for other countries:
        they hold it for this one only by a story's guess."""
        office = national_office(alias)
        if office is None:
            return False
        written = self._written.countries(person_id, office[1])
        return bool(written) and office[0] not in written


class _RoleIndex(_Incremental):
    """The role aliases of one kind by word, and each holder's national offices by country.

    Held in dicts of strings and numbers, which Python's garbage collector does not track, and arrays, which
    hold no objects for it to visit: a large archive's 260,000 role aliases as lists of tuples made every full
    collection 50 ms longer, and a full collection stops every answering thread.
    """

    def __init__(self, store: StoreProtocol, kind: str) -> None:
        # Reading on, the new rows of the surer role kinds too: an alias in one of those replaced one of this kind.
        super().__init__(store, (kind,), ROLE_KINDS[: ROLE_KINDS.index(kind) + 1])
        self.kind = kind
        self.clear()

    def clear(self) -> None:
        """Forget every role."""
        self._aliases: dict[int, str] = {}  # by arrival
        self._people = array("q")  # by arrival
        self._by_word: dict[str, array[int]] = {}  # arrivals
        self._countries: dict[str, str] = {}  # "person id office" -> its countries, space-separated

    def take(self, alias: str, person_id: int, kind: str) -> None:
        """File a role alias of this kind; forget one of a person's now held in a surer kind."""
        if kind == self.kind:
            self.add(alias, person_id)
        else:
            self.drop(alias, person_id)

    def add(self, alias: str, person_id: int) -> None:
        """File a role alias under each of its words."""
        arrival = len(self._aliases)
        self._aliases[arrival] = alias
        self._people.append(person_id)
        for word in set(alias.split()):
            _append(self._by_word, word, arrival)
        if office := national_office(alias):
            key = f"{person_id} {office[1]}"
            self._countries[key] = f"{self._countries.get(key, '')} {office[0]}"

    def drop(self, alias: str, person_id: int) -> None:
        """Unfile a person's role alias, now held in a surer role kind.

        Each word's list is replaced, not changed in place, and the alias's arrival stays: a reader may be
        walking the old list. The countries stay: only the written roles' are read, and no written role is dropped
        (one become a name is a removal, read again whole).
        """
        if arrivals := self._arrivals(alias, person_id):
            for word in set(alias.split()):
                self._by_word[word] = array("i", (a for a in self._by_word[word] if a not in arrivals))

    def containing(self, word: str, limit: int = 2000) -> list[tuple[str, int]]:
        """Role aliases (alias, person id) with ``word`` as a whole word, oldest first."""
        self.refresh()
        return [(self._aliases[i], self._people[i]) for i in self._by_word.get(word, _EMPTY)[:limit]]

    def holders(self, alias: str) -> set[int]:
        """The people holding exactly this alias, found through its rarest word."""
        self.refresh()
        return {self._people[i] for i in self._arrivals(alias)}

    def _arrivals(self, alias: str, person_id: int | None = None) -> set[int]:
        """The arrivals filed for exactly this alias (of one person, if given), found through its rarest word."""
        filed = [self._by_word.get(word, _EMPTY) for word in alias.split()]
        rarest = min(filed, key=len, default=_EMPTY)
        return {i for i in rarest if self._aliases[i] == alias and (person_id is None or self._people[i] == person_id)}

    def countries(self, person_id: int, office: str) -> list[str]:
        """The countries (demonyms) the person holds a national office for."""
        return self._countries.get(f"{person_id} {office}", "").split()


class NameAliases(_Incremental):
    """Every distinct alias, filed by length and by the letter pairs (bigrams) it holds, for misspelt names.

    An alias within ``k`` edits of a typed name of ``n`` letters (a swap of neighbouring letters is one edit) is
    at most ``k`` letters longer or shorter and keeps at least ``n - 1 - 3k`` of the name's ``n - 1`` bigrams (an
    edit breaks at most three). So it holds at least one of the name's rarest ``3k + 1`` (plus repeats) distinct
    bigrams: only aliases filed under those are compared, instead of every alias of a near length.

    Like ``RoleAliases``, in dicts of strings and numbers and in arrays, which the garbage collector does not
    walk: a set and lists of 620,000 aliases made every full collection 90 ms longer.
    """

    def __init__(self, store: StoreProtocol) -> None:
        super().__init__(store, (), ())
        self.clear()

    def clear(self) -> None:
        """Forget every alias."""
        self._arrival: dict[str, int] = {}  # each alias's first-seen position overall
        self._by_length: dict[int, dict[int, str]] = {}  # per length, the aliases by index
        # length -> bigram -> indexes into _by_length; a length is filed on its first fuzzy look-up
        self._grams: dict[int, dict[str, array[int]]] = {}
        self._given: dict[str, array[int]] = {}  # a first name -> the people whose full names begin with it
        self._initials: dict[str, array[int]] = {}  # "boj" -> those whose names of 3+ words have them ("bank of japan")

    def __len__(self) -> int:
        """How many distinct aliases are held (read so far)."""
        return len(self._arrival)

    def take(self, alias: str, person_id: int, kind: str) -> None:
        """Keep the alias once; file a full name's person under its first name and, from three words, its
        initials. (An alias upgraded to a surer kind is kept: it is still the person's.)"""
        if kind == "name" and " " in alias and (words := alias.split())[0] not in HONORIFICS:
            _append(self._given, words[0], person_id)
            if len(words) >= 3:
                _append(self._initials, "".join(word[0] for word in words), person_id)
        if alias in self._arrival:
            return
        self._arrival[alias] = len(self._arrival)
        same_length = self._by_length.setdefault(len(alias), {})
        if (grams := self._grams.get(len(alias))) is not None:
            _file(grams, alias, len(same_length))
        same_length[len(same_length)] = alias

    def given(self, name: str) -> list[int]:
        """The people whose recorded full names begin with a first name ("edward": Edward Leigh, Edward Fox)."""
        self.refresh()
        return list(dict.fromkeys(self._given.get(name, _EMPTY)))

    def by_initials(self, initials: str) -> list[int]:
        """The people and bodies with a recorded name of three words or more that these are the initials of
        ("boj": the Bank of Japan)."""
        self.refresh()
        return list(dict.fromkeys(self._initials.get(initials, _EMPTY)))

    def nearest(self, name: str, edits: int, wanted: int) -> list[str]:
        """The ``wanted`` aliases fewest edits (at most ``edits``) from ``name``, nearest first.

        On a tie, the one reached by fewest letters left out or added ("pohl" is Poehl with a letter left
        out before it is Poll with a letter changed), then the one seen first.
        """
        self.refresh()
        grams = [name[i : i + 2] for i in range(len(name) - 1)]
        distinct = set(grams)
        # Pairs a match may lack: three per edit (two neighbouring letters swapped break three), and a repeated
        # pair counts once among the distinct ones.
        spare = 3 * edits + len(grams) - len(distinct)
        found: dict[str, tuple[int, int, int, str]] = {}
        for length in range(len(name) - edits, len(name) + edits + 1):
            # The candidates are copied out under the lock a refresh holds while it adds aliases (or starts again
            # after a deletion): answering beside a load, a look-up had met positions filed for aliases not yet kept.
            with self._lock:
                choices = self._candidates(length, distinct, spare)
            # Two neighbouring letters swapped ("hweitt") are one slip, as the optimal string alignment counts.
            for alias, distance, _ in process.extract(
                name, choices, scorer=OSA.distance, score_cutoff=edits, limit=wanted
            ):
                seen = self._arrival.get(alias, sys.maxsize)  # (a refresh after a deletion may be reading it again)
                found[alias] = (int(distance), Indel.distance(name, alias), seen, alias)
        return [alias for *_, alias in sorted(found.values())[:wanted]]

    def _candidates(self, length: int, distinct: set[str], spare: int) -> dict[int, str]:
        """The aliases of a length that may be a match for a name of these distinct pairs, lacking at most ``spare``
        of them: all of them when the name is too short for pairs to narrow anything."""
        aliases = self._by_length.get(length, {})
        if spare >= len(distinct) or not aliases:
            return dict(aliases)
        by_gram = self._grams.get(length)
        if by_gram is None:
            by_gram = self._grams[length] = _filed(aliases)
        positions = _holding_enough(sorted((by_gram.get(g, _EMPTY) for g in distinct), key=len), spare)
        return {p: aliases[p] for p in positions}


_EMPTY: array[int] = array("i")


def _holding_enough(filed: list[array[int]], spare: int) -> list[int]:
    """Positions of the aliases that can be a match, given the name's pairs' lists, rarest first.

    A match lacks at most ``spare`` of the name's distinct pairs, so of the rarest ``spare + 2`` lists it is
    in at least two: counting those leaves a fraction of the union of the rarest ``spare + 1`` (where it is
    in at least one), and comparing fewer aliases halved the look-up at 100,000 articles (mean 9 → 5 ms).
    """
    if len(filed) < spare + 2:
        return sorted(set().union(*filed[: spare + 1]))
    counts = Counter(chain.from_iterable(filed[: spare + 2]))
    return sorted(position for position, held in counts.items() if held >= 2)


def _file(grams: dict[str, array[int]], alias: str, index: int) -> None:
    """File an alias's position under each distinct pair of neighbouring characters it holds."""
    for gram in {alias[i : i + 2] for i in range(len(alias) - 1)}:
        _append(grams, gram, index)


def _filed(aliases: dict[int, str]) -> dict[str, array[int]]:
    """The bigram index of one length's aliases."""
    grams: dict[str, array[int]] = {}
    for index, alias in aliases.items():
        _file(grams, alias, index)
    return grams


def _append(filed: dict[str, array[int]], key: str, number: int) -> None:
    """Add a number to the array filed under a key."""
    numbers = filed.get(key)
    if numbers is None:
        filed[key] = numbers = array("i")
    numbers.append(number)
