"""The evaluation harness: its metrics on hand-made answers, and ``briefbot eval`` on a two-article corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.evaluation import EvalQuestion, score, score_offers
from handlers.cli import cli

SPOKE = EvalQuestion("a1", "what did lyng say about rice?", "speaker_topic", ("rice one", "rice two"))
TOPIC = EvalQuestion("a2", "any news on wheat?", "topic_only", ("w1", "w2", "w3", "w4"))
NONE = EvalQuestion("n1", "what did lyng say about football?", "no_answer", ())
WRONG = EvalQuestion("n2", "what did yeutter say about football?", "no_answer", ())

RETURNED = {
    SPOKE.question: ["nothing useful", "rice one and rice two", "more"],
    TOPIC.question: ["w1", "w2", "other", "w3", "w4"],
    NONE.question: [],
    WRONG.question: ["a paragraph on football"],
}


def test_metrics_per_kind_and_overall() -> None:
    table, misses = score([SPOKE, TOPIC, NONE, WRONG], RETURNED.__getitem__)
    spoke, topic = table["speaker_topic"], table["topic_only"]
    # Both gold quotes sit in the second paragraph: wrong first answer, full recall, reciprocal rank 1/2.
    assert (spoke.precision_at_1, spoke.recall_at_3, spoke.mrr_at_5) == (0.0, 1.0, 0.5)
    # Four golds: recall at 3 counts against three of them.
    assert (topic.precision_at_1, topic.recall_at_3, topic.mrr_at_5) == (1.0, 2 / 3, 1.0)
    assert table["no_answer"].no_answer_accuracy == 0.5
    overall = table["overall"]
    assert (overall.questions, overall.precision_at_1, overall.no_answer_questions) == (2, 0.5, 2)
    assert [line.split()[0] for line in misses] == ["a1", "n2"]


def test_offers_are_counted_for_unanswered_questions_and_for_no_answers() -> None:
    answered = {SPOKE.question: [], TOPIC.question: [], NONE.question: [], WRONG.question: []}
    offered = {
        SPOKE.question: ["x", "rice two"],
        TOPIC.question: ["unrelated"],
        NONE.question: [],
        WRONG.question: ["y"],
    }
    offers = score_offers([SPOKE, TOPIC, NONE, WRONG], answered.__getitem__, offered.__getitem__)
    assert (offers.unanswered, offers.offered, offers.offered_gold) == (2, 2, 1)
    assert (offers.no_answer, offers.no_answer_offered) == (2, 1)
    # Offers beside an answer are not counted: only a no-match makes them.
    assert score_offers([SPOKE], RETURNED.__getitem__, offered.__getitem__).unanswered == 0


STORY = """Grain talks stall

Agriculture Secretary Richard Lyng said on Monday that talks with Japan on rice imports had stalled.

"We will not accept a closed market for rice," he added. "Our farmers deserve a fair chance."

The secretary warned that Congress could retaliate if Tokyo did not move on beef and citrus.
"""


@pytest.fixture
def eval_files(tmp_path: Path) -> tuple[Path, Path]:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "grain.txt").write_text(STORY, encoding="utf-8")
    (corpus / "chips.txt").write_text("Chip row\n\nThe chip dispute worsened on Monday.\n", encoding="utf-8")
    questions = [
        {"id": "e1", "question": "what did lyng say about rice?", "kind": "speaker_topic",
         "gold": [{"doc": "grain.txt", "quote": "talks with Japan on rice imports had stalled"},
                  {"doc": "grain.txt", "quote": "We will not accept a closed market for rice"}]},
        {"id": "e2", "question": "what did lyng say about australian beef prices?", "kind": "speaker_topic",
         "gold": [{"doc": "grain.txt", "quote": "The secretary warned that Congress could retaliate"}]},
        {"id": "e3", "question": "what did lyng say about football?", "kind": "no_answer", "gold": []},
    ]  # fmt: skip
    path = tmp_path / "questions.jsonl"
    path.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
    return path, corpus


def test_eval_command_prints_both_systems_and_the_offers(eval_files: tuple[Path, Path], tmp_path: Path) -> None:
    questions, corpus = eval_files
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "eval", str(questions), "--corpus", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "Loaded 2 articles" in result.output
    assert "| briefbot · overall | 2 | 0.500 | 0.500 | 0.500 | 1.000 |" in result.output
    assert "| BM25 baseline · no_answer | 1 | – | – | – | 0.000 |" in result.output
    assert (
        "Offered with a no-match: 1 of the 1 answerable questions answered with nothing got offers, 1 of them"
        " holding a gold paragraph; 0 of the 1 no-answer questions got offers."
    ) in result.output
