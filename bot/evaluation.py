"""Answer-quality evaluation: precision@1, recall@3, MRR@5 and no-answer accuracy on a JSONL question set.

The question format and scoring rules are those of ``../shared/eval/README.md``: a returned paragraph is
correct when its text contains one of the question's gold quotes.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from bot.retrieval.fts import content_words, quote_term
from bot.store.protocol import StoreProtocol

KINDS = ("speaker_topic", "speaker_only", "topic_only", "no_answer")

# A system under evaluation: question -> returned paragraph texts, best first ([] means "nothing matched").
System = Callable[[str], Sequence[str]]
# What a no-match offers instead: question -> the offered paragraph texts ([] when it answered, or offered none).
Offers = Callable[[str], Sequence[str]]


@dataclass(frozen=True)
class EvalQuestion:
    """One question of the evaluation set."""

    id: str
    question: str
    kind: str
    quotes: tuple[str, ...]


@dataclass(frozen=True)
class Scores:
    """Metrics of one system on one group of questions."""

    questions: int
    precision_at_1: float
    recall_at_3: float
    mrr_at_5: float
    no_answer_accuracy: float
    no_answer_questions: int


@dataclass(frozen=True)
class OfferScores:
    """How the nearest paragraphs offered with a no-match fared: useful for answerable questions, rare for the rest."""

    unanswered: int  # answerable questions the system answered with nothing
    offered: int  # ... of them that got offers
    offered_gold: int  # ... with a gold paragraph among the offers
    no_answer: int  # no-answer questions
    no_answer_offered: int  # ... of them that got offers

    def describe(self) -> str:
        """One line for the evaluation report."""
        return (
            f"Offered with a no-match: {self.offered} of the {self.unanswered} answerable questions answered with "
            f"nothing got offers, {self.offered_gold} of them holding a gold paragraph; "
            f"{self.no_answer_offered} of the {self.no_answer} no-answer questions got offers."
        )


def read_questions(path: Path) -> list[EvalQuestion]:
    """Read a JSONL question file."""
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            quotes = tuple(g["quote"] for g in record.get("gold", []))
            questions.append(EvalQuestion(record["id"], record["question"], record["kind"], quotes))
    return questions


def score(questions: Sequence[EvalQuestion], system: System) -> tuple[dict[str, Scores], list[str]]:
    """Scores overall and per kind, and a line for every question the system got wrong."""
    per_kind: dict[str, list[tuple[float, float, float, float]]] = defaultdict(list)
    misses = []
    for q in questions:
        returned = list(system(q.question))
        if q.kind == "no_answer":
            correct = float(not returned)
            per_kind[q.kind].append((0.0, 0.0, 0.0, correct))
            if not correct:
                misses.append(f"{q.id} [{q.kind}] {q.question!r}: answered {returned[0][:70]!r}")
            continue
        hits = [_matching_quotes(text, q.quotes) for text in returned[:5]]
        p1 = float(bool(hits and hits[0]))
        found = set().union(*hits[:3]) if hits else set()
        r3 = len(found) / min(3, len(q.quotes))
        mrr = next((1.0 / rank for rank, h in enumerate(hits, start=1) if h), 0.0)
        per_kind[q.kind].append((p1, r3, mrr, 0.0))
        if p1 < 1:
            first = returned[0][:70] if returned else "(nothing)"
            misses.append(f"{q.id} [{q.kind}] {q.question!r}: first {first!r} (mrr {mrr:.2f})")
    table = {kind: _summarise(rows, kind == "no_answer") for kind, rows in per_kind.items()}
    answerable = [r for kind, rows in per_kind.items() if kind != "no_answer" for r in rows]
    table["overall"] = _summarise(answerable, False, per_kind.get("no_answer", []))
    return table, misses


def score_offers(questions: Sequence[EvalQuestion], system: System, offers: Offers) -> OfferScores:
    """How often a no-match's offers hold an answer the system missed, and how often they come with a true no-answer."""
    unanswered = offered = offered_gold = no_answer = no_answer_offered = 0
    for q in questions:
        offered_texts = list(offers(q.question))
        if q.kind == "no_answer":
            no_answer += 1
            no_answer_offered += bool(offered_texts)
        elif not list(system(q.question)):
            unanswered += 1
            offered += bool(offered_texts)
            offered_gold += any(_matching_quotes(text, q.quotes) for text in offered_texts)
    return OfferScores(unanswered, offered, offered_gold, no_answer, no_answer_offered)


def _matching_quotes(text: str, quotes: Sequence[str]) -> set[str]:
    return {quote for quote in quotes if quote in text}


def _summarise(
    rows: list[tuple[float, float, float, float]],
    no_answer: bool,
    no_answer_rows: list[tuple[float, float, float, float]] | None = None,
) -> Scores:
    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    na_rows = rows if no_answer else (no_answer_rows or [])
    answer_rows = [] if no_answer else rows
    return Scores(
        questions=len(rows),
        precision_at_1=mean([r[0] for r in answer_rows]),
        recall_at_3=mean([r[1] for r in answer_rows]),
        mrr_at_5=mean([r[2] for r in answer_rows]),
        no_answer_accuracy=mean([r[3] for r in na_rows]),
        no_answer_questions=len(na_rows),
    )


def bm25_baseline(store: StoreProtocol) -> System:
    """The plain baseline: the question's words OR-ed into one FTS5 BM25 query, top 5."""

    def system(question: str) -> list[str]:
        query = " OR ".join(map(quote_term, content_words(question)))  # as typed: no spellings of ours
        return [row.text for row in store.search(query, limit=5)] if query else []

    return system


def format_table(results: dict[str, dict[str, Scores]]) -> str:
    """A Markdown table of every system's scores, overall and per kind."""
    lines = [
        "| system | questions | precision@1 | recall@3 | MRR@5 | no-answer accuracy |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for system, table in results.items():
        for group in ("overall", *KINDS):
            if group not in table:
                continue
            s = table[group]
            if group == "no_answer":
                lines.append(
                    f"| {system} · {group} | {s.questions} | – | – | – | {s.no_answer_accuracy:.3f} |"
                )
            else:
                na = f"{s.no_answer_accuracy:.3f}" if group == "overall" else "–"
                lines.append(
                    f"| {system} · {group} | {s.questions} | {s.precision_at_1:.3f} | {s.recall_at_3:.3f} "
                    f"| {s.mrr_at_5:.3f} | {na} |"
                )
    return "\n".join(lines)
