"""The benchmark's fixed question mix, drawn from a store deterministically: the same store and seed, the same mix."""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.retrieval import content_words
from bot.retrieval.fts import STOPWORDS
from bot.store import Store

KINDS = ("speaker_topic", "speaker_only", "topic_only", "no_answer", "typo")
PER_KIND = {"speaker_topic": 16, "speaker_only": 8, "topic_only": 16, "no_answer": 8, "typo": 8}
_INVENTED = ("Quorble Zanthrop", "Edwina Frobisk", "Marlo Quixenby", "Tamsin Vortigale")
_NONSENSE = ("zorblax quintessence", "glimmerwick tariffs", "snarfle derivatives", "plonkett reform")


@dataclass(frozen=True)
class BenchQuestion:
    """One question of the mix, with its kind and the search terms a plain engine would get."""

    kind: str
    text: str

    @property
    def terms(self) -> list[str]:
        """The question's content words, as a plain full-text engine would be given them."""
        return content_words(self.text)


def question_mix(store: Store, seed: int) -> list[BenchQuestion]:
    """The mix: speaker + topic, speaker only, topic only, no-answer and misspelt names, in a fixed shuffle."""
    rng = random.Random(seed)
    db = store.db
    top = int(db.execute("SELECT MAX(id) FROM paragraphs").fetchone()[0])
    spoken: list[tuple[str, str]] = []  # (person name, paragraph text) where they speak
    while len(spoken) < 40:
        paragraph_id = rng.randint(1, top)
        row = db.execute(
            "SELECT pe.name, p.text FROM paragraph_people pp JOIN people pe ON pe.id = pp.person_id"
            " JOIN paragraphs p ON p.id = pp.paragraph_id"
            " WHERE pp.paragraph_id = ? AND pp.role = 'speaker' AND pe.name LIKE '% %' LIMIT 1",
            [paragraph_id],
        ).fetchone()
        if row:
            spoken.append((str(row[0]), str(row[1])))
    articles = int(db.execute("SELECT MAX(id) FROM articles").fetchone()[0])
    title_ids = sorted({rng.randint(1, articles) for _ in range(40)})
    titles = [
        str(r[0])
        for r in db.execute(f"SELECT title FROM articles WHERE id IN ({','.join('?' * len(title_ids))})", title_ids)
    ]
    questions: list[BenchQuestion] = []
    for name, text in spoken[: PER_KIND["speaker_topic"]]:
        topic = " ".join(_topic_words(text, rng, 2))
        questions.append(BenchQuestion("speaker_topic", f"What did {name} say about {topic}?"))
    for name, _ in spoken[16 : 16 + PER_KIND["speaker_only"]]:
        questions.append(BenchQuestion("speaker_only", f"What did {name} say?"))
    for title in rng.sample(titles, PER_KIND["topic_only"]):
        topic = " ".join(_topic_words(title, rng, rng.randint(1, 3)))
        questions.append(BenchQuestion("topic_only", f"What was said about {topic}?"))
    for i in range(PER_KIND["no_answer"]):
        if i % 2:
            questions.append(BenchQuestion("no_answer", f"What was said about {_NONSENSE[i // 2]}?"))
        else:
            topic = " ".join(_topic_words(spoken[i][1], rng, 1))
            questions.append(BenchQuestion("no_answer", f"What did {_INVENTED[i // 2]} say about {topic}?"))
    for name, text in spoken[24 : 24 + PER_KIND["typo"]]:
        topic = " ".join(_topic_words(text, rng, 1))
        questions.append(BenchQuestion("typo", f"What did {_misspell(name, rng)} say about {topic}?"))
    rng.shuffle(questions)
    return questions


ROLES_ASKED = 6  # the roles held by the most people, each asked once with a topic one of them spoke on


def role_questions(store: Store, seed: int) -> list[BenchQuestion]:
    """Questions by a role many people hold ("What did the chancellor say about …?"), apart from the mix.

    The mix names its speakers; a role question reads the links of every holder, the slowest speaker
    question there is, so it is measured on its own rather than left out.
    """
    rng = random.Random(seed)
    db = store.db
    roles = db.execute(
        "SELECT alias, COUNT(DISTINCT person_id) AS holders FROM person_aliases WHERE kind = 'role'"
        " GROUP BY alias ORDER BY holders DESC, alias LIMIT ?",
        [ROLES_ASKED],
    ).fetchall()
    questions = []
    for role, _ in roles:
        spoken = db.execute(
            "SELECT p.text FROM person_aliases pa JOIN paragraph_people pp ON pp.person_id = pa.person_id"
            " JOIN paragraphs p ON p.id = pp.paragraph_id"
            " WHERE pa.alias = ? AND pa.kind = 'role' AND pp.role = 'speaker' ORDER BY pp.paragraph_id LIMIT 50",
            [role],
        ).fetchall()
        if spoken:
            topic = " ".join(_topic_words(str(rng.choice(spoken)[0]), rng, 2, exclude=set(role.split())))
            questions.append(BenchQuestion("role", f"What did the {role} say about {topic}?"))
    return questions


def _topic_words(text: str, rng: random.Random, count: int, exclude: set[str] | None = None) -> list[str]:
    """A few distinct content words of a text, longer words preferred (they carry the topic)."""
    words = [
        w for w in content_words(text) if len(w) > 3 and w.isalpha() and w not in STOPWORDS and w not in (exclude or ())
    ]
    words = sorted(set(words), key=lambda w: (-len(w), w))[:8] or ["news"]
    return rng.sample(words, min(count, len(words)))


def _misspell(name: str, rng: random.Random) -> str:
    """The name with two neighbouring letters of its surname swapped (one typo)."""
    first, _, surname = name.rpartition(" ")
    if len(surname) < 5:
        return name
    i = rng.randint(1, len(surname) - 3)
    surname = surname[:i] + surname[i + 1] + surname[i] + surname[i + 2 :]
    return f"{first} {surname}"
