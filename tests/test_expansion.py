"""Related words learned from the store: re-learnt as the archive grows, without every question paying for it."""

from __future__ import annotations

import os
import subprocess
import sys

from bot.config import Settings
from bot.models import ArticleDraft
from bot.retrieval.expansion import RelatedTerms
from bot.retrieval.terms import stem
from bot.store import Store


def _load(store: Store, count: int, sentence: str, start: int = 0) -> None:
    """``count`` stories using ``sentence``, each beside three stories on other things."""
    for n in range(start, start + count):
        store.add_article(ArticleDraft(f"Story {n}", (f"{sentence} Report {n} of the day.",)), loaded_by="test")
        for other in range(3):
            filler = (f"Weather was mild across region {n}-{other}; the ferry ran on time.",)
            store.add_article(ArticleDraft(f"Other {n}-{other}", filler), loaded_by="test")


def test_related_words_are_relearnt_once_the_archive_has_grown(store: Store) -> None:
    _load(store, 6, "Crude prices rose as barrel supplies tightened.")
    related = RelatedTerms(store)
    assert stem("barrel") in related.related("crude")
    _load(store, 40, "Crude filled the new pipeline.", start=6)
    assert stem("pipeline") in related.related("crude")


def test_without_relearning_budget_answers_keep_the_words_learnt_before(store: Store) -> None:
    _load(store, 6, "Crude prices rose as barrel supplies tightened.")
    related = RelatedTerms(store, relearn_per_second=0.001)  # its one token goes on the first stale word
    related.related("tanker")
    learnt = related.related("crude")
    _load(store, 40, "Crude flowed through the new pipeline at full pressure.", start=6)
    assert related.related("tanker") == frozenset()
    assert related.related("crude") == learnt


def test_related_words_do_not_depend_on_the_process_hash_seed(store: Store, settings: Settings) -> None:
    # 150 words each beside "crude" in the same three stories: far more equal counts than the candidates kept.
    words = " ".join(f"zq{chr(97 + n // 26)}{chr(97 + n % 26)}x" for n in range(150))
    for story in range(3):
        store.add_article(ArticleDraft(f"Crude {story}", (f"Crude {words} report {story}.",)), loaded_by="test")
    _load(store, 40, "The ferry ran on time.", start=100)
    learn = (
        "import sys; from bot.store import Store; from bot.retrieval.expansion import RelatedTerms;"
        f"print(sorted(RelatedTerms(Store.open({str(settings.db_path)!r})).related('crude')))"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", learn], env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True, text=True, check=True, timeout=60,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1 and "'zq" in runs.pop()
