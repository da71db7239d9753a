"""A question's topic as the archive reads it: its words' weights, related words and the terms standing in for them."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from bot.lru import LRUCache
from bot.retrieval.abbreviations import LONGEST, SHORTEST, written_out
from bot.retrieval.expansion import RelatedTerms
from bot.retrieval.fts import STOPWORDS, all_of, any_of, content_runs, content_words, quote_term
from bot.retrieval.fts import words as word_tokens
from bot.retrieval.kin import (
    adjective_stand_ins,
    agent_stand_ins,
    closed_compounds,
    country_stand_ins,
    doctrine_stand_ins,
    may_be_an_agent,
    number_stand_ins,
    past_tense_stand_ins,
    spelling_stand_ins,
)
from bot.retrieval.query import is_the_country
from bot.retrieval.spelling import SHORTEST_RESPELT, slips_undone, unheard_of, written_apart
from bot.retrieval.stories import CLOSE_FORM_ENDING
from bot.retrieval.synonyms import synonym_stand_ins
from bot.retrieval.terms import Topic, acronym_of, idf, initialisms_of, lower_case_in, named_in, stem, written_in
from bot.store.protocol import StoreProtocol

SHORTEST_FORM = 6  # letters of the shortest form a word unused in the archive may stand for ("kyrgyz")
NAME_SAMPLE = 5  # paragraphs read to tell whether a word is a name
STEM_SAMPLE = 20  # ... whether a name's stem is other words' (see ``TopicReader._name_stemmed_away``)
# For an abbreviation no article uses: paragraphs found on the rest of the topic, and how many of their stories
# are read whole for the name it stands for.
ABBREVIATION_SAMPLE = 50
ABBREVIATION_STORIES = 10
LOOK_UPS_CACHED = 4096  # abbreviation and name look-ups remembered, each (``_written_beside``, ``_name_stemmed_away``)
US = "US"  # the country, as a text's stems hold it ("US", "U.S."); "us" is the pronoun
# Words after which "us" is the pronoun whatever follows: "tell us news of…", "give us the latest".
_TELLING = frozenset({"tell", "give", "show", "let", "help", "get", "send", "keep", "brief", "update"})


class TopicReader:
    """Reads topics against the store: how rare each word is there, and how the archive writes it."""

    def __init__(self, store: StoreProtocol, related: RelatedTerms) -> None:
        self.store = store
        self.related = related
        # (query, paragraphs in the archive) -> whether a paragraph matches: a common abbreviation's look-up ranks
        # hundreds of paragraphs (5 ms at 100k), asked again for each reading of a question and each question.
        self._matched: LRUCache[tuple[str, int], bool] = LRUCache(LOOK_UPS_CACHED)
        # (name, paragraphs in the archive) -> whether other words share its stem: a sample search per question.
        self._names: LRUCache[tuple[str, int], bool] = LRUCache(LOOK_UPS_CACHED)

    def topic(self, text: str) -> Topic | None:
        """A topic's stems, weights and related stems; None when it has no content words. A word no article uses,
        short enough to be an abbreviation, is read as the name the stories on the rest of the topic write out."""
        found = self._read(text)
        if found is None:
            return None
        if respelt := self._slips_undone(found.words):
            for typed, spelt in respelt.items():  # "the tusnami": read as the archive spells it, saying so
                text = re.sub(rf"\b{re.escape(typed)}\b", spelt, text, flags=re.IGNORECASE)
            found = replace(self._read(text) or found, respelt=respelt)
        short = [w for w in found.words if w.isalpha() and SHORTEST <= len(w) <= LONGEST and stem(w) in found.unused]
        if not short:
            return found
        written = self._abbreviations_written_out(text, short)
        again = self._read(written) if written != text else None
        return replace(again, respelt=found.respelt) if again else found

    def _read(self, text: str) -> Topic | None:
        """A topic as its words give it."""
        # A word stemming to nothing (the "s" of "U.S.") is indexed nowhere, and so would weigh as the rarest.
        words = [word for word in content_words(text) if stem(word)]
        if names_the_us(text):  # the country, for the pronoun stopwords dropped and the "u" of a dotted "U.S."
            words = [word for word in words if word != "u"] + [US]
        if not words:
            return None
        stems = tuple(dict.fromkeys(US if w == US else stem(w) for w in words))
        acronym = acronym_of(words)
        runs = content_runs(text)
        related: dict[str, frozenset[str]] = {}
        for word in words:
            if word == US:
                continue  # the paragraphs the index holds under "us" are mostly the pronoun's: nothing it relates to
            related[stem(word)] = related.get(stem(word), frozenset()) | self.related.related(word)
        # A word of the topic itself is evidence for that word only, never "related" evidence for another.
        related = {s: found - set(stems) for s, found in related.items()}
        # Words of the same family Porter keeps apart: the deed for a doer ("phisher"), an -ist for an -ism, the
        # other side of the Atlantic's spelling ("stabilise" / stabilize); two words written as one ("web site"); a
        # small number's other form ("6" / six); a past tense ("rose"); and a word's synonym ("jobs" / employment).
        kin = {
            # (not for a name the archive writes so: Time Warner does no warning, nor Harry Potter potting)
            **agent_stand_ins(stem(w) for w in words if may_be_an_agent(stem(w)) and not self.written_as_a_name(w)),
            **doctrine_stand_ins(words, related),
            **spelling_stand_ins(words),
            **closed_compounds(runs),
            **number_stand_ins(words),
            **country_stand_ins(words),
            **past_tense_stand_ins(words),
            **adjective_stand_ins(words),
            **synonym_stand_ins(words),
        }
        # One look-up for every term the topic may use: its stems, its acronym, the kin of its words.
        terms = [US.lower() if term == US else term for term in [*stems, *filter(None, [acronym]), *kin]]
        frequency = self.store.document_frequency(list(dict.fromkeys(terms)))
        if US in stems:  # the index holds the country's initials in lower case, beside the pronoun
            frequency[US] = frequency.get(US.lower(), 0)
        documents = max(self.store.paragraph_count(), 1)
        unheard = [s for s in stems if not frequency.get(s)]
        forms = self._shorter_forms(unheard)
        weights = {s: idf(forms[s][1] if s in forms else frequency.get(s, 0), documents) for s in stems}
        # As for initials: an acronym stands for the whole topic only where a paragraph holds it with the words
        # ("iff" for the International Finance Facility, not "gun" for "german unemployment november").
        known = bool(acronym) and frequency.get(acronym, 0) > 0 and self._written_beside(acronym, words)
        stand_ins = initialisms_of(runs, abbreviated=self._abbreviated)
        stand_ins |= {term: found for term, found in kin.items() if frequency.get(term) and term not in stand_ins}
        stand_ins |= {form: (word,) for word, (form, _) in forms.items() if form not in stand_ins}
        unused = frozenset(unheard).difference(forms)
        written = tuple(word for word in words if self._name_stemmed_away(word))
        acronym = acronym if known else ""
        return Topic(tuple(words), stems, weights, related, acronym, stand_ins, unused, written=written)

    def _name_stemmed_away(self, word: str) -> bool:
        """Whether a word is someone's name that stemming cuts to other words' stem ("federer" → feder, as for
        "federal"; "toure" → tour): no name inflects but by a plural or possessive, so a text holds it only as
        written. Not a plural cut to its singular ("jobs" → job), nor a word the archive writes in lower case
        ("dance", though Charles Dance is known by it): those are topics as often as names."""
        cut = stem(word)
        if not word.isalpha() or cut == word or word in (cut + "s", cut + "es"):
            return False
        if not any(" " in name for _, name in self.store.people_by_alias(word.lower())):
            return False
        return self._names.get((word, self.store.paragraph_count()), lambda: self._written_as_named(word))

    def _written_as_named(self, word: str) -> bool:
        """Whether the paragraphs a word's stem finds name it more often than they write it in lower case (or none
        writes it: other words own the stem)."""
        texts = [row.text for row in self.store.search(quote_term(word), limit=STEM_SAMPLE)]
        in_lower_case = sum(lower_case_in(text, word) for text in texts)
        return sum(named_in(text, word) for text in texts) > in_lower_case or not any(
            written_in(text, word) for text in texts
        )

    def _abbreviations_written_out(self, text: str, short: list[str]) -> str:
        """The topic with its ``short`` words (used by no article) replaced by the names the stories on the rest of
        the topic write them out as ("the spr fill rate": the Strategic Petroleum Reserve fill rate). Not found when
        the rest of the topic is too common to find the story ("the dwp computers")."""
        others = [w for w in content_words(text) if w not in short]
        found = self.store.search(any_of(others), limit=ABBREVIATION_SAMPLE) if others else []
        # The stories on the rest of the topic, whole: a report writes a body's name out once, often elsewhere.
        stories = list(dict.fromkeys(row.article_id for row in found))[:ABBREVIATION_STORIES]
        texts = [row.text for article_id in stories for row in self.store.article_rows(article_id)]
        for word in short:
            # "pmqs": a plural abbreviation's letters without its s.
            name = written_out(word, texts) or (written_out(word[:-1], texts) if word.endswith("s") else None)
            if name:
                text = re.sub(rf"\b{re.escape(word)}\b", name, text, flags=re.IGNORECASE)
        return text

    def written_in_lower_case(self, word: str) -> bool:
        """Whether the archive mostly writes a word in lower case (of the paragraphs that use it most)."""
        return written_in_lower_case(self.store, word)

    def written_as_a_name(self, word: str) -> bool:
        """Whether the archive mostly capitalises a word mid-sentence (of the paragraphs that use it most)."""
        return written_as_a_name(self.store, word)

    def written_as_a_surname(self, word: str) -> bool:
        """Whether the archive writes a word as a name, mid-sentence or opening its sentences ("Nazer said…")."""
        return written_as_a_surname(self.store, word)

    def specific_is_a_name(self, topic: Topic) -> bool:
        """Whether a topic's most specific word is a name, which a story on the topic must use as such: a common word
        may be said otherwise ("punished": "disciplinary action"), "Toronto" or "Mexico" may not."""
        return self.written_as_a_name(topic.word_of(topic.specific[0]))

    def _abbreviated(self, run: Sequence[str]) -> bool:
        """Whether the archive may abbreviate a run of words by its initials: a paragraph uses both (not "the dome
        sale" as "DS", of the Nintendo DS), and they are not someone's full name. Initials spelling a common word
        ("US", "TO") are not looked up: every paragraph has the word, and only a text's capitals are its initials."""
        initials = "".join(word[0] for word in run)
        return (initials in STOPWORDS or self._written_beside(initials, run)) and self._not_a_persons_name(run)

    def _written_beside(self, short: str, words: Sequence[str]) -> bool:
        """Whether a paragraph holds an abbreviation and the words it may stand for."""
        return self._matches(all_of([short, *words]))

    def _met(self, phrase: str) -> bool:
        """Whether any paragraph holds a phrase."""
        return self._matches(quote_term(phrase))

    def _matches(self, query: str) -> bool:
        """Whether any paragraph matches a query, looked up once per archive size."""
        return self._matched.get((query, self.store.paragraph_count()), lambda: bool(self.store.search(query, limit=1)))

    def _not_a_persons_name(self, run: Sequence[str]) -> bool:
        """Whether a run of words is not someone's full name, known by its last word too: the "AC" of AC Milan
        is not Ashley Cole, nor "TB" Tony Blair, while the European Union, not known as "union", is the EU."""
        named = {person_id for person_id, _ in self.store.people_by_alias(" ".join(run))}
        return not named or not named & {person_id for person_id, _ in self.store.people_by_alias(run[-1])}

    def _shorter_forms(self, unused: list[str]) -> dict[str, tuple[str, int]]:
        """For topic words no paragraph uses, the longest shorter form that one does, with how many paragraphs
        use it ("kyrgyzstan" → kyrgyz): the archive can only be speaking of such a word in another form, and
        its weight (the rarest possible) would otherwise make it the topic's most specific word, found nowhere."""
        shortest = {word: max(SHORTEST_FORM, len(word) - CLOSE_FORM_ENDING) for word in unused if word.isalpha()}
        shorter = {word: [word[:end] for end in range(len(word) - 1, low - 1, -1)] for word, low in shortest.items()}
        frequency = self.store.document_frequency([form for forms in shorter.values() for form in forms])
        return {
            word: (form, frequency[form])
            for word, forms in shorter.items()
            if (form := next((f for f in forms if frequency.get(f)), ""))
        }

    def _slips_undone(self, words: Sequence[str]) -> dict[str, str]:
        """For topic words no paragraph uses, the one spelling with two neighbouring letters swapped back (or a
        letter typed thrice typed twice) that paragraphs do use ("tusnami" → tsunami, "feees" → fees): the
        commonest slips in typing, and unlike a letter dropped or changed ("hubble" / humble) they seldom make
        another word. None when two such spellings are used ("crued": crude or cured). Else the two words a word
        joins, as the paragraphs write them apart ("stockmarket" → stock market). Tried before a shorter form the
        archive uses: "unemploymnet" is unemployment, not every word starting "unemploy"."""
        typed = [w.lower() for w in words if w.isalpha() and len(w) >= SHORTEST_RESPELT]
        used = self.store.document_frequency(sorted({stem(w) for w in typed}))
        unused = [w for w in typed if not used.get(stem(w))]
        undone = slips_undone(unused, self.store.document_frequency)
        apart = written_apart([w for w in unused if w not in undone], self.store.document_frequency, self._met)
        return undone | apart

    def unheard_of(self, word: str) -> bool:
        """Whether no paragraph in the store uses a word (or its stem)."""
        return unheard_of(word, self.store.document_frequency)


def names_the_us(text: str) -> bool:
    """Whether a topic names the United States by its initials, which stopwords drop as the pronoun: "US" in
    capitals, "u.s." with its dots, "the us", or "us" before a word of the topic ("us interest rates"), not after
    "tell" or "give"."""
    if re.search(r"\bUS\b", text) or re.search(r"\bu\.s\b", text, re.IGNORECASE):
        return True
    tokens = word_tokens(text)
    for i, token in enumerate(tokens):
        before = tokens[i - 1] if i else ""
        if token == "us" and before == "the":
            return True
        if is_the_country(tokens, i) and before not in _TELLING and tokens[i + 1] not in STOPWORDS:
            return True
    return False


def written_in_lower_case(store: StoreProtocol, word: str) -> bool:
    """Whether a store's archive mostly writes a word in lower case (of the paragraphs that use it most): "jobs",
    not "Lawson", which Reuters mostly writes opening a sentence ("Lawson said…")."""
    return _mostly_written(store, word, lower_case_in)


def written_as_a_name(store: StoreProtocol, word: str) -> bool:
    """Whether a store's archive mostly capitalises a word mid-sentence (of the paragraphs that use it most)."""
    return _mostly_written(store, word, named_in)


def written_as_a_surname(store: StoreProtocol, word: str) -> bool:
    """Whether a store's archive writes a word as a name: mostly capitalised mid-sentence, or, as Reuters writes
    "Nazer said…", seldom in lower case (one sample read for both)."""
    sample = store.search(quote_term(word), limit=NAME_SAMPLE)
    named = sum(named_in(row.text, word) for row in sample)
    in_lower_case = sum(lower_case_in(row.text, word) for row in sample)
    return not sample or 2 * named >= len(sample) or 2 * in_lower_case < len(sample)


def _mostly_written(store: StoreProtocol, word: str, written: Callable[[str, str], bool]) -> bool:
    """Whether at least half the paragraphs that use a word most write it as ``written`` tells."""
    sample = store.search(quote_term(word), limit=NAME_SAMPLE)
    return bool(sample) and 2 * sum(written(row.text, word) for row in sample) >= len(sample)
