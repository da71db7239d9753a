"""Several bot replicas on one PostgreSQL database send each due digest exactly once between them."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from datetime import UTC, date, datetime, time
from pathlib import Path

from bot.models import ArticleDraft, Subscription
from bot.store.postgres import PostgresStore
from tests.conftest import REPO
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)

SUBSCRIPTIONS = 400
NOW = datetime(2025, 3, 3, 7, 1, tzinfo=UTC)


def seed(url: str, count: int) -> list[int]:
    """``count`` subscriptions due at 07:00 UTC, and one new article for their digests."""
    store = PostgresStore.open(url, pool_size=2)
    try:
        ids = []
        for i in range(count):
            added = store.add_subscription(
                Subscription(id=0, platform="console", chat_id=f"chat{i}", user_key=f"console:u{i}",
                             local_time=time(7, 0), zone="UTC", topic="", speaker="", active=True,
                             created_at="2025-03-01T00:00:00+00:00"),
                max_per_chat=10,
            )
            assert added is not None
            ids.append(added.id)
        store.add_article(
            ArticleDraft(title="Oil rises", paragraphs=("Oil prices rose on Monday.",), source="Wire"),
            loaded_by="me",
        )
        return ids
    finally:
        store.close()


def run_replicas(url: str, replicas: int, tmp_path: Path, delay: float = 0.001) -> tuple[list[int], list[dict]]:
    """Start ``replicas`` digest processes together; gives every delivered id and each process's report."""
    go = tmp_path / "go"
    outputs = [tmp_path / f"sent-{n}.txt" for n in range(replicas)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.digest_worker", url, NOW.isoformat(), str(out), str(go), str(delay)],
            cwd=REPO, stdout=subprocess.PIPE, text=True,
        )
        for out in outputs
    ]
    go.touch()
    reports = []
    for process in processes:
        stdout, _ = process.communicate(timeout=120)
        assert process.returncode == 0
        reports.append(json.loads(stdout.strip().splitlines()[-1]))
    sent = [int(line) for out in outputs if out.exists() for line in out.read_text().split()]
    return sent, reports


def test_two_replicas_send_every_digest_exactly_once(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    ids = seed(postgres_url, SUBSCRIPTIONS)
    sent, reports = run_replicas(postgres_url, 2, tmp_path)
    duplicates = [i for i, n in Counter(sent).items() if n > 1]
    assert not duplicates, f"sent twice: {duplicates[:10]}"
    assert sorted(sent) == sorted(ids), f"lost: {sorted(set(ids) - set(sent))[:10]}"
    assert sum(r["sent"] for r in reports) == SUBSCRIPTIONS
    assert sum(r["failed"] for r in reports) == 0
    print("digests sent per replica:", [r["sent"] for r in reports])
    store = PostgresStore.open(postgres_url, pool_size=1, migrate_schema=False)
    try:
        assert all(store.digest_status(i, date(2025, 3, 3)) == "sent" for i in ids)
        # A later round (any replica) finds nothing left to send.
        (tmp_path / "again").mkdir()
        again, _ = run_replicas(postgres_url, 2, tmp_path / "again")
        assert again == []
    finally:
        store.close()
