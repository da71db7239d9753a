"""An ingest in its own process, as ``briefbot load`` runs beside a serving bot, for ``bench/measure.py``.

    python bench/ingest_child.py STORE COUNT SEED

Generates COUNT articles, prints one JSON line when ready, loads them through the service when a line
arrives on stdin, and prints one JSON line with the count and seconds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.measure import BENCH_USER, open_service
from bench.scale_corpus import generate, load_sources
from bot.loading import yield_to_answers


def main(path: Path, count: int, seed: int) -> None:
    """Generate, wait for the go line, load, report."""
    drafts = list(generate(count, seed=seed, sources=load_sources()))
    service = open_service(path)
    print(json.dumps({"ready": len(drafts)}), flush=True)
    sys.stdin.readline()
    yield_to_answers()  # as briefbot load does
    started = time.perf_counter()
    report = service.load_drafts(drafts, by=BENCH_USER)
    seconds = time.perf_counter() - started
    service.store.close()
    print(json.dumps({"ingested": len(report.with_status("loaded")), "seconds": seconds}), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]))
