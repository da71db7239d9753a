"""Preparing articles for the store in worker processes: same results as in-process, at a lower priority."""

from __future__ import annotations

import os

from bot.loading import WORKER_NICENESS, Prepared, prepare, prepared_batches, worker_pool
from bot.models import ArticleDraft, User
from bot.service import BriefingService
from bot.store.articles import DEFAULT_AUTOMERGE, PersonSpeech

ADMIN = User("console", "me")


def _draft(n: int) -> ArticleDraft:
    return ArticleDraft(f"Port {n} reopens", (f"Harbour master Ana Lopez{n} said port {n} would reopen.", "Trade up."))


def _comparable(prepared: list[Prepared]) -> list[tuple[PersonSpeech, set[str]]]:
    return [(people, set(stems.split())) for people, stems in prepared]  # stems are a set, joined in any order


def test_batches_prepared_by_workers_in_chunks_match_in_process_preparation_in_order() -> None:
    drafts = [_draft(n) for n in range(7)]
    batches = list(prepared_batches(drafts, 3, chunk=2))
    assert [batch for batch, _ in batches] == [drafts[0:3], drafts[3:6], drafts[6:7]]
    assert _comparable([item for _, prepared in batches for item in prepared]) == _comparable(prepare(drafts))


def test_workers_yield_the_cpu_to_the_bot() -> None:
    with worker_pool() as pool:
        assert pool.submit(os.nice, 0).result(timeout=60) == min(19, os.nice(0) + WORKER_NICENESS)


def _segments(service: BriefingService) -> set[int]:
    """The ids of the full-text index's segments: FTS5 files a segment's pages under rowid (segment id << 37) + page."""
    rows = service.store.db.execute("SELECT id >> 37 FROM paragraphs_fts_data WHERE id >= 1 << 37")
    return {segment for (segment,) in rows}


def test_a_first_load_merges_the_whole_index_and_a_smaller_one_only_its_own_segments(
    service: BriefingService,
) -> None:
    service.load_drafts([_draft(n) for n in range(1200)], by=ADMIN)  # more than doubles the seed archive
    first = _segments(service)
    assert len(first) == 1
    service.load_drafts([_draft(n) for n in range(1200, 2200)], by=ADMIN)  # less than the archive holds
    second = _segments(service)
    assert first < second  # the archive's segment kept as it was, the load's own pieces merged beside it
    assert len(second) <= 4
    assert service.store.check_integrity() == []
    automerge = service.store.db.execute("SELECT v FROM paragraphs_fts_config WHERE k = 'automerge'").fetchone()
    assert automerge == (DEFAULT_AUTOMERGE,)
    assert service.ask("what did ana lopez2150 say?").hits[0].text.startswith("Harbour master Ana Lopez2150")
