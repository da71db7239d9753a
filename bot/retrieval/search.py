"""``Retriever``: a question in, ranked paragraphs with citations out.

Ranking, best first:
1. paragraphs where the asked person speaks and that cover the topic;
2. the person's other attributed paragraphs in articles that are about the topic;
3. paragraphs that only mention the person and cover the topic.
A question whose speaker is unknown, or who never speaks on the topic, gets an honest no-match.
A question without a speaker is ranked on its topic alone (``topic_ranking``).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from functools import cache
from itertools import takewhile

from bot.attribution.orgs import GROUP_WORDS
from bot.models import Answer, Citation, Hit
from bot.retrieval.expansion import RelatedTerms
from bot.retrieval.fts import content_runs, content_words
from bot.retrieval.query import Question, parse_question, person_readings, subject_readings
from bot.retrieval.ranked import (
    MIN_ARTICLE_COVERAGE,
    MIN_COVERAGE,
    MIN_SIBLING_COVERAGE,
    RELATED_CREDIT,
    Ranked,
    weight,
)
from bot.retrieval.speakers import Speaker, SpeakerResolver, names_a_role
from bot.retrieval.stories import CLOSE_FORM_ENDING, Stories, has_form
from bot.retrieval.terms import (
    Topic,
    acronym_of,
    agent_stand_ins,
    idf,
    initialisms_of,
    spans_of,
    stem,
    stems_of,
)
from bot.retrieval.topic_ranking import TopicRanker
from bot.store import ParagraphRow
from bot.store.people import PersonParagraph
from bot.store.protocol import StoreProtocol

MAX_NAMED_PEOPLE = 20  # a topic resolving to more people than this is not about a person
NAMES_LISTED = 4  # a speaker resolving to more people than this (a role many hold) is counted, not listed
STORIES_RANKED = 300  # a speaker's latest stories on a topic ranked, when they speak in more
LINKS_READ = 10_000  # a speaker's latest paragraph links read for a topic, when they have more
STORY_FOLLOWERS = 2  # the first answer's story's next paragraphs of its tier, put right after it
FOLLOWER_WINDOW = 6  # ... when among the ranking's first this many, which are always ranked in full
STORY_REACH = 3  # a topic answer's story goes on with paragraphs at most this far after it
# A person's words come before the paragraphs of the same stories that only mention them (speaker-only answers).
_SPEAKS, _MENTIONED = 1.0, 0.0
NEAREST = 3  # paragraphs offered, labelled as such, when a person never speaks on a topic
NEAREST_CANDIDATES = 300  # ... chosen from their latest paragraphs in stories that use the topic's words
# Speakers that are crowds: the groups attribution never makes speakers, and the press and the public.
CROWDS = GROUP_WORDS | frozenset(
    "fans critics experts commentators pundits viewers readers listeners papers newspapers press media public".split()
)
BETTER_STORY = 0.15  # a story covering this much more of a question answers it as a topic, not a guessed speaker
# ... and one covering this much of it, a speaker nobody is recorded as or a role none of whose holders speaks on it
WHOLE_QUESTION_COVERAGE = 0.85
ANSWER_TIER = 2.5  # paragraphs at this tier or above answer a question; lower ones only follow answers
PARTIAL_TIER = 2.75  # the person's own words on part of a topic: an answer, after those covering all of it
MIN_PARTIAL_COVERAGE = 0.4  # a partial answer's share of the topic (the related word of a one-word topic is not)
SHORTEST_FORM = 6  # letters of the shortest form a word unused in the archive may stand for ("kyrgyz")
_SENTENCE_OPENERS = frozenset(".!?:\"“‘'(")  # what may stand before a capital that only starts a sentence
# Direct speech: a quotation of a few words or more. A person's own words outrank reported summaries.
_QUOTATION = re.compile(r"[\"“][^\"”]{15,}(?:[\"”]|$)")


class Retriever:
    """Ranks the store's paragraphs for a question."""

    def __init__(self, store: StoreProtocol) -> None:
        self.store = store
        self.speakers = SpeakerResolver(store)
        self.related = RelatedTerms(store)
        self.stories = Stories(store)
        self.topics = TopicRanker(store, self.stories)

    def answer(self, question: str | Question, *, limit: int = 5, offset: int = 0, after_article: int = 0) -> Answer:
        """The best ``limit`` paragraphs after ``offset`` for a question, best first.

        :param after_article: look only in articles with a higher id (a digest's new articles).
        """
        asked = parse_question(question) if isinstance(question, str) else question
        speaker, parsed, guessed = self._speaker_of(asked)
        by_role = speaker is not None and bool(parsed.topic) and names_a_role(speaker.typed)
        wanted = max(offset + limit + 1, FOLLOWER_WINDOW)  # how much of the ranking must be complete
        if parsed.speaker and speaker is None and (guessed or _a_thing(asked.text, parsed.speaker)):
            # "what did the report say about oil", "what did fans say…": not people anyone is recorded as, but
            # what they say is a topic.
            parsed = _as_topic(parsed)
        topic = self.topic(parsed.topic) if parsed.topic else None
        if parsed.speaker and speaker is None:
            # Nobody is recorded as "toyota" or "jp morgan's bosses": still, a story about nearly all the
            # question answers it ("what did toyota say about hybrid cars?"), read as a topic.
            # A word no paragraph uses ("Frobisk") is in no story: then no topic search is spent on it.
            whole = _as_topic(parsed, joined=True)
            whole_topic = None if any(map(self._unheard_of, parsed.speaker.split())) else self.topic(whole.topic)
            ranked = self.topics.rank(whole_topic, after_article, wanted=wanted) if whole_topic and topic else []
            if not (whole_topic and topic and self._about_question(whole_topic, topic, ranked)):
                return self._nothing(parsed, f"I don't know anyone called “{parsed.speaker}” in the articles I have.")
            parsed, topic = whole, whole_topic
        elif speaker is not None:
            ranked = self._for_speaker(speaker, topic, parsed.topic, after_article, wanted)
            if guessed or by_role:
                # The speaker was only the question's subject ("did Deng put a cap on grain imports"): when
                # that person never speaks on it, the question still stands as a topic; so when a story
                # covers the whole question better than the one they speak in ("is GM going to build
                # Cadillacs at the Saab plant?" is news about GM, not GM's words in a recall story). So for a
                # role, whose recorded holders are often not the one a story quotes under another title ("the
                # japanese farm ministry official"): its words are part of the question.
                whole = _as_topic(parsed, joined=not guessed)
                whole_topic = self.topic(whole.topic)
                # A topic search costs tens of milliseconds in a large archive: skipped when no story could
                # cover the question that much better than the person's own.
                spoken = self._story_coverage(whole_topic, ranked)
                if whole_topic is not None and spoken + BETTER_STORY <= 1.0:
                    as_topic = self.topics.rank(whole_topic, after_article, wanted=wanted)
                    if ranked:
                        switch = bool(as_topic) and self._story_coverage(whole_topic, as_topic) >= spoken + BETTER_STORY
                    else:  # for a role none of whose holders speaks on it, only a story about the question
                        switch = guessed or (topic is not None and self._about_question(whole_topic, topic, as_topic))
                    if switch:
                        parsed, speaker, topic, ranked = whole, None, whole_topic, as_topic
        elif topic is not None:
            ranked = self.topics.rank(topic, after_article, wanted=wanted)
        else:
            return self._nothing(parsed, "Ask me about a person or a topic, e.g. “what did Imomi say about oil?”")
        if not ranked:
            nearest = self._nearest(speaker, topic, after_article) if speaker and topic else []
            return Answer(
                parsed.text,
                (),
                True,
                _no_match_message(parsed, speaker, offered=bool(nearest)),
                alternatives=self._hits(nearest, topic.all_stems if topic else ()),
            )
        ranked = _first_story_first(ranked)
        if speaker is None and topic is not None:
            ranked = self._story_goes_on(ranked, topic)
        page = ranked[offset : offset + limit]
        if not page:
            return Answer(parsed.text, (), True, "There is nothing more.")
        highlight = topic.all_stems if topic else frozenset()
        return Answer(
            parsed.text,
            self._hits(page, highlight),
            False,
            _lead(
                parsed,
                speaker,
                mentioned=topic is None and any(r.key[0] == _MENTIONED for r in page),
                unquoted=topic is None and all(r.key[0] == _MENTIONED for r in page),
            ),
            has_more=len(ranked) > offset + limit,
        )

    def _nearest(self, speaker: Speaker, topic: Topic, after_article: int) -> list[Ranked]:
        """A person's own paragraphs nearest a topic they never speak on: those holding most of its very words.

        Offered with the no-match, never as the answer. Related words do not count here: with them, the
        question sets' true no-answers got such offers four times as often. In the sets, 14 of the 48 questions
        answered "nothing" wrongly had an answer among these; 10 of the 102 true no-answers got an offer.
        """
        links = [
            link
            for link in self.store.person_paragraphs(speaker.person_ids, speaking=True)
            if link.article_id > after_article
        ]
        stories = self.stories.terms(topic, {link.article_id for link in links})
        touching = {article_id for article_id, terms in stories.items() if topic.coverage(terms, 0.0) > 0}
        candidates = [link.paragraph_id for link in links if link.article_id in touching][-NEAREST_CANDIDATES:]
        nearest: list[Ranked] = []
        for row in self.store.paragraphs_by_id(candidates):
            stems = frozenset(stems_of(row.text))
            coverage = topic.coverage(stems, 0.0)
            if coverage >= MIN_SIBLING_COVERAGE:
                key = (round(coverage, 2), weight(topic, stems), 0.0, float(row.article_id), -float(row.position))
                nearest.append(Ranked(row, key, stems))
        return sorted(nearest, key=lambda r: r.key, reverse=True)[:NEAREST]

    def _about_question(self, whole: Topic, topic: Topic, ranked: list[Ranked]) -> bool:
        """Whether a ranking's first story is about nearly all of a question (``whole``: its speaker's words
        too) and about its topic, not only the speaker's words ("the chancellor" in a budget story)."""
        return (
            self._story_coverage(whole, ranked) >= WHOLE_QUESTION_COVERAGE
            and self._story_coverage(topic, ranked) >= MIN_ARTICLE_COVERAGE
        )

    def _story_coverage(self, topic: Topic | None, ranked: list[Ranked]) -> float:
        """How much of a topic the story of a ranking's first answer covers (0 without one)."""
        if topic is None or not ranked:
            return 0.0
        return topic.coverage(self.stories.stems(ranked[0].row.article_id), RELATED_CREDIT)

    def _story_goes_on(self, ranked: list[Ranked], topic: Topic) -> list[Ranked]:
        """A topic answer followed by its story's next paragraphs that touch the topic, where its followers leave room.

        A report gives the details of its news in the paragraphs after the one naming it, often in other words
        ("claims from passengers" after "insurers could face claims"): too few of the topic's words to be
        ranked, but more often part of the answer than another story's paragraph.
        """
        first = ranked[0]
        followers = list(takewhile(lambda r: r.row.article_id == first.row.article_id, ranked[1 : 1 + STORY_FOLLOWERS]))
        room = STORY_FOLLOWERS - len(followers)
        if not room:
            return ranked
        taken = {r.row.id for r in (first, *followers)}
        after: list[Ranked] = []
        for row in self.store.article_rows(first.row.article_id):
            if row.id not in taken and 0 < row.position - first.row.position <= STORY_REACH and len(after) < room:
                stems = frozenset(stems_of(row.text))
                if topic.coverage(stems, RELATED_CREDIT) >= MIN_SIBLING_COVERAGE:
                    after.append(Ranked(row, first.key, stems))  # placed with the answer it continues
        moved = {r.row.id for r in after}
        head = 1 + len(followers)
        return [*ranked[:head], *after, *(r for r in ranked[head:] if r.row.id not in moved)]

    def topic(self, text: str) -> Topic | None:
        """A topic's stems, weights and related stems; None when it has no content words."""
        words = content_words(text)
        if not words:
            return None
        stems = tuple(dict.fromkeys(stem(w) for w in words))
        acronym = acronym_of(words)
        agents = agent_stand_ins(stems)
        # One look-up for every term the topic may use: its stems, its acronym, the deeds its doers stand for.
        frequency = self.store.document_frequency(list(dict.fromkeys([*stems, *filter(None, [acronym]), *agents])))
        documents = max(self.store.paragraph_count(), 1)
        forms = self._shorter_forms([s for s in stems if not frequency.get(s)])
        weights = {s: idf(forms[s][1] if s in forms else frequency.get(s, 0), documents) for s in stems}
        related: dict[str, frozenset[str]] = {}
        for word in words:
            related[stem(word)] = related.get(stem(word), frozenset()) | self.related.related(word)
        # A word of the topic itself is evidence for that word only, never "related" evidence for another.
        related = {s: found - set(stems) for s, found in related.items()}
        known = acronym and frequency.get(acronym, 0) > 0
        stand_ins = initialisms_of(content_runs(text))
        stand_ins |= {base: found for base, found in agents.items() if frequency.get(base) and base not in stand_ins}
        stand_ins |= {form: (word,) for word, (form, _) in forms.items() if form not in stand_ins}
        return Topic(tuple(words), stems, weights, related, acronym if known else "", stand_ins)

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

    def _speaker_of(self, parsed: Question) -> tuple[Speaker | None, Question, bool]:
        """The speaker asked about, the question as read, and whether the speaker was only guessed from the
        question's subject (a yes/no question, or one that starts with a full name) or is a crowd ("fans"):
        then the question also stands as a topic."""
        if parsed.speaker:
            if _crowd(parsed.speaker):
                # "what did fans say about the concert": whoever is recorded so, else what the stories say
                # of fans and the concert; never a near spelling of a name (Fang).
                return self.speakers.resolve(parsed.speaker, allow_fuzzy=False), parsed, True
            return self.speakers.resolve(parsed.speaker), parsed, False
        # "Imomi on oil", "the union's reaction to the cuts": a speaker question only if it names a known person.
        # A misspelling is forgiven in a full name ("lindsay davenprot"), and in one word no article uses
        # ("wolfsen" for Wolfson); a word the archive knows is too often just a word near a name.
        for reading in person_readings(parsed.text):
            fuzzy = len(reading.speaker.split()) > 1 or self._unheard_of(reading.speaker)
            if speaker := self.speakers.resolve(reading.speaker, allow_fuzzy=fuzzy):
                return speaker, reading, False
        # "did Yeutter blame…": only a name or recorded role as typed, not a role's head noun ("the director").
        for reading in subject_readings(parsed.text):
            if speaker := self.speakers.exact(reading.speaker):
                return speaker, reading, True
        return None, parsed, False

    def _unheard_of(self, word: str) -> bool:
        """Whether no paragraph in the store uses a word (or its stem)."""
        term = stem(word.lower())
        return word.isalpha() and self.store.document_frequency([term]).get(term, 0) == 0

    def _people_named(self, topic: str, within: list[int]) -> set[int]:
        """Of the ``within`` paragraphs, those about the person a topic names ("what did Straw say about
        Alastair Campbell?")."""
        if not topic or len(topic.split()) > 4:
            return set()
        # Only a name or a role noun names someone in a topic; matching its words against every role
        # read all the role aliases of a large archive on a first question (0.8 s at 100k articles).
        named = self.speakers.resolve(topic, allow_fuzzy=False, role_noun_needed=True)
        # A role many hold ("secretary") names nobody in particular, and reading all their paragraphs
        # took a second in a large archive.
        if named is None or len(named.person_ids) > MAX_NAMED_PEOPLE:
            return set()
        # Only the asked speaker's paragraphs matter: a much-mentioned person's every link took 55 ms to read.
        return {link.paragraph_id for link in self.store.person_paragraphs(named.person_ids, within)}

    def _for_speaker(
        self, speaker: Speaker, topic: Topic | None, topic_text: str, after_article: int = 0, wanted: int = sys.maxsize
    ) -> list[Ranked]:
        """The person's paragraphs for a topic, best first; without a topic, the first ``wanted`` of all they said."""
        if topic is None:  # only where they speak (their latest links, for a role a thousand people hold)
            own = self.store.person_paragraphs(speaker.person_ids, speaking=True, latest=LINKS_READ)
            links = [link for link in own if link.article_id > after_article]
            if not links:
                # Quoted nowhere (or in words the attribution missed): what the stories say of them, under a
                # lead that says so, rather than nothing.
                mentions = self.store.person_paragraphs(speaker.person_ids, latest=LINKS_READ)
                links = [link for link in mentions if link.article_id > after_article]
            return self._speaker_only(speaker, links, wanted)
        # A role a thousand people hold has tens of thousands of links in years of news: the latest are read.
        latest = self.store.person_paragraphs(speaker.person_ids, latest=LINKS_READ)
        links = [link for link in latest if link.article_id > after_article]
        speaking = {link.paragraph_id for link in links if link.role == "speaker"}
        about_person = self._people_named(topic_text, [link.paragraph_id for link in links])
        article_of = {link.paragraph_id: link.article_id for link in links}
        ranked: list[Ranked] = []
        # Only the stories where they speak are measured: a story that merely mentions them can rank none of
        # its paragraphs (every tier needs their words in the story), and a much-mentioned person's other
        # stories were most of the stems read.
        story_terms = self.stories.terms(topic, {article_of[i] for i in speaking})
        story_coverage = {a: topic.coverage(terms, RELATED_CREDIT) for a, terms in story_terms.items()}
        about_topic = {a for a, share in story_coverage.items() if share >= MIN_ARTICLE_COVERAGE} | {
            article_of[i] for i in about_person if i in article_of
        }
        # Every tier needs a paragraph covering the topic or a story about it (or the named person), and a
        # paragraph covers no more than its whole story: stories below that are skipped unread (their text
        # is not even fetched), which spares reading and stemming thousands of a prolific speaker's paragraphs.
        relevant = about_topic | {a for a, share in story_coverage.items() if share >= MIN_COVERAGE}
        if len(topic.stems) > 1:  # a partial answer's story may cover less, if it evidences two of the words
            relevant |= {
                a
                for a, share in story_coverage.items()
                if share >= MIN_PARTIAL_COVERAGE and _two_words(topic, story_terms[a])
            }
        if len(relevant) > STORIES_RANKED:
            # A role a thousand people hold ("the chancellor" in years of news) speaks in thousands of stories
            # on a common topic: the latest are ranked (reading them all took a second at 1.4M paragraphs).
            relevant = set(sorted(relevant)[-STORIES_RANKED:])
            about_topic &= relevant
        # Outside the stories about the topic only the person's own words can rank (tiers 3 and 2).
        candidates = [i for i, a in article_of.items() if a in about_topic or (i in speaking and a in relevant)]
        rows = {row.id: row for row in self.store.paragraphs_by_id(candidates)}
        self.stories.prefetch(row.article_id for row in rows.values())  # read whole below, in one query
        # Looked up for these few only: for all of a prolific speaker's links it took a third of reading them.
        first_voice = self.store.first_speakers([i for i in candidates if i in speaking])
        speaks_first = {i for i, person_id in first_voice.items() if person_id in speaker.person_ids}
        # A story whose lead is about the topic: what one of its main voices (named in the lead, or speaking
        # in two paragraphs or more) says in it is on the topic even in other words ("what did Khan say about
        # being deported?" → her quotes in the report of her deportation; the Newfoundland premier's "an
        # agreement was more likely to emerge by consensus" in a report on the free trade talks). Anyone else's
        # words there answer only if they touch the topic: one line on chips in a report on rice talks does not.
        # How much of the topic a story's headline and lead cover, read once per story and only when asked: below,
        # it also ranks paragraphs covering the topic alike (a prolific speaker has hundreds of other stories).
        lead_share = cache(lambda article_id: topic.coverage(self.stories.lead(article_id), RELATED_CREDIT))
        on_topic_lead = {a for a in about_topic if lead_share(a) >= MIN_COVERAGE}
        in_lead = {link.article_id for link in links if link.position == 0}
        voices = Counter(article_of[i] for i in speaking)
        central = {a for a in on_topic_lead if a in in_lead or voices[a] >= 2}
        # So is what they say in words of the topic in a story that is about it and holds its most specific
        # word, whatever its lead ("phone firms spotting unusual bills" → the ombudsman on phone companies).
        specific = {a for a in about_topic if self.stories.has(a, topic.rarest)}
        stems_by_id = {i: frozenset(stems_of(row.text)) for i, row in rows.items()}
        # A related word stands for a topic word only in a story that uses the word itself.
        story_topic = {a: topic.within(self.stories.stems(a)) for a in {r.article_id for r in rows.values()}}
        topic_of = {i: story_topic[row.article_id] for i, row in rows.items()}
        coverage_by_id = {
            i: 1.0 if i in about_person else topic_of[i].coverage(stems, RELATED_CREDIT)
            for i, stems in stems_by_id.items()
        }
        context = {
            article_id: self._qualifier_share(speaker, article_id)
            for article_id in {r.article_id for r in rows.values()}
        }

        def answer_tier(paragraph_id: int, row: ParagraphRow) -> float | None:
            """The tier of a paragraph where the person answers (its own words on the topic), else None."""
            stems, coverage, in_story = stems_by_id[paragraph_id], coverage_by_id[paragraph_id], topic_of[paragraph_id]
            if paragraph_id not in speaking:
                return None
            if coverage >= MIN_COVERAGE and _enough_words(in_story, stems, row.text):
                return 3.0
            if coverage >= MIN_PARTIAL_COVERAGE and _two_words(in_story, stems):
                return PARTIAL_TIER
            if (
                row.article_id in central
                or (row.article_id in on_topic_lead and coverage >= MIN_SIBLING_COVERAGE)
                or (row.article_id in specific and topic.matched(stems) > 0)
            ):
                return ANSWER_TIER
            return None

        answer_tiers = {i: answer_tier(i, row) for i, row in rows.items()}
        answered = {rows[i].article_id for i, tier in answer_tiers.items() if tier is not None}
        for paragraph_id, row in rows.items():
            stems, coverage = stems_by_id[paragraph_id], coverage_by_id[paragraph_id]
            in_story = topic_of[paragraph_id]
            found = answer_tiers[paragraph_id]
            if found is not None:
                tier = found
            elif paragraph_id in speaking and (
                row.article_id in answered or (row.article_id in about_topic and coverage >= MIN_SIBLING_COVERAGE)
            ):
                tier = 2.0  # the person's neighbouring paragraphs in a story where they answer
            elif paragraph_id not in speaking and coverage >= MIN_COVERAGE and row.article_id in about_topic:
                tier = 1.0
            else:
                continue
            key = (
                tier,
                context[row.article_id],
                round(coverage, 2),  # finer differences are noise: a story's lead, then a quote, decides
                round(lead_share(row.article_id), 1),  # between paragraphs covering it alike, the story about it
                float(row.position == 0),  # the lead states the news their quotes then give in their words
                _quoted(in_story, row.text),
                weight(topic, stems),
                float(paragraph_id in speaks_first),
                -row.position,
            )
            ranked.append(Ranked(row, key, stems))
        if not any(r.key[0] >= ANSWER_TIER for r in ranked):
            return []  # the person never speaks on this topic; their other paragraphs or mentions aren't an answer
        return sorted(ranked, key=lambda r: r.key, reverse=True)

    def _speaker_only(self, speaker: Speaker, links: list[PersonParagraph], wanted: int) -> list[Ranked]:
        """A person's own paragraphs (``links`` where they speak), each article in reading order; only the
        first ``wanted`` are read. When they say less than that, the paragraphs of the same stories that only
        mention them follow ("former England full-back Dusty Hare put England's mistakes down to ...").

        Articles first that carry the typed role's qualifiers ("the bank of finland governor": the Bank of
        Finland's story before other governors' whose roles only share "bank"), then where they say most.
        Ordered by their links alone: a prolific speaker's thousands of paragraphs were all read for a page.
        """
        per_article = Counter(link.article_id for link in links)
        if speaker.qualifiers:
            self.stories.prefetch(per_article)  # in one query: read one by one, thousands of stories took seconds
        context = {article_id: self._qualifier_share(speaker, article_id) for article_id in per_article}

        def key(link: PersonParagraph) -> tuple[float, ...]:
            speaks = _SPEAKS if link.role == "speaker" else _MENTIONED  # first: a story goes on with their own words
            story = link.article_id
            return (speaks, context[story], float(per_article[story]), float(story), -float(link.position))

        keys = {link.paragraph_id: key(link) for link in links}
        rows: dict[int, ParagraphRow] = {}
        if len(keys) < wanted:
            # Fewer than a page: a handful of stories, read whole (not a much-mentioned person's every link);
            # their rows are all the page needs.
            rows = {row.id: row for article_id in per_article for row in self.store.article_rows(article_id)}
            mentions = self.store.person_paragraphs(speaker.person_ids, list(rows))
            keys |= {link.paragraph_id: key(link) for link in mentions if link.paragraph_id not in keys}
        first = sorted(keys, key=keys.__getitem__, reverse=True)[:wanted]
        if unread := [i for i in first if i not in rows]:
            rows |= {row.id: row for row in self.store.paragraphs_by_id(unread)}
        return [Ranked(rows[i], keys[i], frozenset()) for i in first if i in rows]

    def _qualifier_share(self, speaker: Speaker, article_id: int) -> float:
        """How many of a typed role's unmatched words ("canadian") the article itself uses."""
        if not speaker.qualifiers:
            return 0.0
        stems = self.stories.stems(article_id)
        found = sum(has_form(stems, stem(q)) for q in speaker.qualifiers)
        return found / len(speaker.qualifiers)

    def _hits(self, page: Sequence[Ranked], highlight: Iterable[str]) -> tuple[Hit, ...]:
        speakers = self.store.speakers_of([r.row.id for r in page])
        wanted = frozenset(highlight)
        return tuple(
            Hit(
                article_id=r.row.article_id,
                paragraph_index=r.row.position,
                text=r.row.text,
                score=round(float(sum(k for k in r.key[:3])), 4),
                speakers=speakers.get(r.row.id, ()),
                citation=Citation(r.row.title, r.row.source, r.row.published, r.row.url),
                highlights=spans_of(r.row.text, wanted) if wanted else (),
            )
            for r in page
        )

    @staticmethod
    def _nothing(parsed: Question, message: str) -> Answer:
        return Answer(parsed.text, (), True, message)


def _as_topic(parsed: Question, *, joined: bool = False) -> Question:
    """The question with its speaker read as part of the topic (without the "did", "was"… of its phrasing);
    ``joined`` by "and" when the speaker was a name or role of its own ("toyota and hybrid cars"), not the
    subject of the question's own clause ("deng put a cap on grain imports")."""
    return Question(parsed.text, topic=f"{parsed.speaker}{' and' if joined else ''} {parsed.topic}".strip())


def _crowd(speaker: str) -> bool:
    """Whether a speaker is a crowd ("fans", "the papers", "critics"), not someone who can be named."""
    return all(word in CROWDS for word in speaker.lower().split())


def _a_thing(question: str, speaker: str) -> bool:
    """Whether a speaker nobody is known by was typed with an article ("the report", "a survey"): a thing."""
    return re.search(rf"\b(?:the|a|an) {re.escape(speaker)}\b", question, re.IGNORECASE) is not None


def _quoted(topic: Topic, text: str) -> float:
    """2 when a paragraph quotes someone on the topic (its words inside the quotation), 1 for another quote."""
    quotes = _QUOTATION.findall(text)
    if not quotes:
        return 0.0
    return 2.0 if topic.coverage(stems_of(" ".join(quotes)), RELATED_CREDIT) >= MIN_COVERAGE else 1.0


def _two_words(topic: Topic, stems: AbstractSet[str]) -> bool:
    """Whether a text evidences two or more of a topic's words, at least one of them itself.

    Paraphrase leaves part of a topic in other words ("spare production capacity" / "excess capacity"),
    while one word of a two-word topic ("knife crime" / "crime") or a one-word topic's related word
    ("football" / "good") is too little to answer with.
    """
    direct, related = topic.evidenced(stems)
    return direct >= 1 and direct + related >= 2


def _enough_words(topic: Topic, stems: AbstractSet[str], text: str) -> bool:
    """Whether a text evidences enough of a topic: two of its words, or one that is a name in the text.

    A rare common word can carry most of a two-word topic's weight and still not be about it ("smoke
    cigars" is not the smoking ban), while a name is the topic's subject ("Fry" getting the part).
    """
    if len(topic.stems) < 2 or _two_words(topic, stems):
        return True
    return any(_named(text, word) for word in topic.words if word.isalpha())


def _named(text: str, word: str) -> bool:
    """Whether a text capitalises a word where a sentence does not start ("said Fry", not "Smoking is…")."""
    for found in re.finditer(rf"\b{re.escape(word.capitalize())}\b", text):
        before = text[: found.start()].rstrip()
        if before and before[-1] not in _SENTENCE_OPENERS:
            return True
    return False


def _first_story_first(ranked: list[Ranked]) -> list[Ranked]:
    """The ranking with the first answer's story's next paragraphs of the same tier right after it.

    The rest of a story that answers best is more often part of the answer than another story's paragraph
    scoring a little higher: a report states the news and then its details, a speaker goes on in the
    paragraphs after. Only the same tier moves up: a person's own words still come before mentions.
    """
    first = ranked[0]
    followers = [
        r for r in ranked[1:FOLLOWER_WINDOW] if r.row.article_id == first.row.article_id and r.key[0] == first.key[0]
    ][:STORY_FOLLOWERS]
    moved = {id(r) for r in followers}  # by identity: equal keys and rows are not the same entry
    return [first, *followers, *(r for r in ranked[1:] if id(r) not in moved)]


def _lead(parsed: Question, speaker: Speaker | None, *, mentioned: bool = False, unquoted: bool = False) -> str:
    """The line above the quotes, saying how the question was understood (and, for a person's words, when
    paragraphs that only mention them follow, or are all there is)."""
    if speaker is None:
        return f"What the articles say about {parsed.topic}:"
    who = _who(speaker)
    guessed = f" (I took “{speaker.typed}” to mean {who}.)" if speaker.fuzzy else ""
    if parsed.topic:
        return f"What {who} said about {parsed.topic}:{guessed}"
    if unquoted:
        return f"I found no paragraph where {who} speaks; what the stories say of them:{guessed}"
    if mentioned:
        return f"What {who} said, then what the same stories say of them:{guessed}"
    return f"What {who} said:{guessed}"


def _who(speaker: Speaker, many: str = "") -> str:
    """The people a speaker resolved to, by name, or counted when a role many hold named them ("the director":
    a lead of fifty names said nothing)."""
    if len(speaker.names) <= NAMES_LISTED:
        return " / ".join(speaker.names)
    return f"{many}the {len(speaker.names)} people recorded as “{speaker.typed}”"


def _no_match_message(parsed: Question, speaker: Speaker | None, *, offered: bool = False) -> str:
    if speaker is None:
        return f"I found nothing about “{parsed.topic}” in the articles I have."
    if not parsed.topic:
        return f"I know {_who(speaker)} from the articles, but found no paragraph where they speak."
    who = _who(speaker, "any of ")
    if offered:
        return (
            f"I found no paragraph where {who} speaks about {parsed.topic}. "
            "The nearest things they said are below; they may not answer your question."
        )
    return (
        f"I found no paragraph where {who} speaks about {parsed.topic}. "
        f"Ask “what did {parsed.speaker} say?” to see everything they said."
    )
