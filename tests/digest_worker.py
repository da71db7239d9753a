"""One bot replica's digest round, as a separate process: ``python -m tests.digest_worker URL NOW OUT GO``.

It waits until the file GO exists (so several replicas start together), sends every digest due at
NOW through a deliverer that appends each subscription id to OUT, and prints its ``DigestRun`` as JSON.
Used by ``tests/test_postgres_replicas.py`` and ``bench/postgres.py``.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from bot.config import Settings
from bot.digest import DigestRunner
from bot.models import Reply, Subscription
from bot.retrieval import Retriever
from bot.store.postgres import PostgresStore


def main(url: str, now: str, out: str, go: str, delay: float = 0.0) -> None:
    """Run one digest round at ``now`` once ``go`` appears."""
    settings = Settings(_env_file=None, BRIEFBOT_DIGEST_SEND_EMPTY=True)
    store = PostgresStore.open(url, pool_size=2, migrate_schema=False)
    runner = DigestRunner(store, Retriever(store), settings)  # type: ignore[arg-type]
    with open(out, "a", encoding="utf-8") as sink:

        def deliver(subscription: Subscription, reply: Reply) -> None:
            time.sleep(delay)  # a platform call takes a while; replicas overlap meanwhile
            sink.write(f"{subscription.id}\n")
            sink.flush()

        while not Path(go).exists():
            time.sleep(0.005)
        started = time.perf_counter()
        run = runner.run_due(datetime.fromisoformat(now), {"console": deliver})
        elapsed = time.perf_counter() - started
    store.close()
    print(json.dumps({**asdict(run), "seconds": elapsed}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]) if len(sys.argv) > 5 else 0.0)
