"""Preparing articles for the store in worker processes: same results as in-process, at a lower priority."""

from __future__ import annotations

import os

from bot.loading import WORKER_NICENESS, Prepared, prepare, prepared_batches, worker_pool
from bot.models import ArticleDraft
from bot.store.articles import PersonSpeech


def _draft(n: int) -> ArticleDraft:
    return ArticleDraft(f"Port {n} reopens", (f"Harbour master Ana Lopez{n} said port {n} would reopen.", "Trade up."))


def _comparable(prepared: list[Prepared]) -> list[tuple[PersonSpeech, set[str]]]:
    return [(people, set(stems.split())) for people, stems in prepared]  # stems are a set, joined in any order


def test_batches_prepared_by_workers_match_in_process_preparation_in_order() -> None:
    drafts = [_draft(n) for n in range(7)]
    batches = list(prepared_batches(drafts, 3))
    assert [batch for batch, _ in batches] == [drafts[0:3], drafts[3:6], drafts[6:7]]
    assert _comparable([item for _, prepared in batches for item in prepared]) == _comparable(prepare(drafts))


def test_workers_yield_the_cpu_to_the_bot() -> None:
    with worker_pool() as pool:
        assert pool.submit(os.nice, 0).result(timeout=60) == min(19, os.nice(0) + WORKER_NICENESS)
