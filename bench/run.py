"""Scale benchmark (not a test): ingest, answer latency beside raw FTS5 and tantivy, concurrency, start-up, quality.

    .venv/bin/python bench/run.py --sizes 1000,10000,100000 --seed 7 --workdir /tmp/briefbot-bench

Per size it builds (or reuses) a store of recombined BBC articles through the service's real load path,
prints every number, and rewrites ``bench/RESULTS.md`` with all sizes measured so far.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.baselines import fts5_search, tantivy_index, tantivy_search
from bench.measure import BENCH_USER, ROOT, answer_latency, askers_during_ingest, open_service, startup
from bench.questions import question_mix, role_questions
from bench.report import write_results
from bench.scale_corpus import generate, load_sources


def machine() -> dict[str, str]:
    """The machine the numbers come from."""
    model = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    return {
        "CPU": model,
        "cores": str(os.cpu_count()),
        "RAM": f"{psutil.virtual_memory().total / 2**30:.1f} GiB",
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "OS": platform.platform(),
        "load average at start (other work on the machine)": " ".join(f"{x:.1f}" for x in os.getloadavg()),
    }


def build(size: int, seed: int, workdir: Path, sources: list) -> tuple[Path, dict[str, object]]:
    """The store for a size: reused when a complete one exists, else generated and loaded through the service."""
    path = workdir / f"briefbot-{size}.db"
    meta = workdir / f"briefbot-{size}.json"
    if path.exists() and meta.exists():
        return path, {**json.loads(meta.read_text()), "reused": True}
    for stale in workdir.glob(f"briefbot-{size}.db*"):
        stale.unlink()
    drafts = list(generate(size, seed=seed, sources=sources))
    service = open_service(path)
    started = time.perf_counter()
    report = service.load_drafts(drafts, by=BENCH_USER)
    seconds = time.perf_counter() - started
    counts = service.store.stats()
    service.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    service.store.close()
    result: dict[str, object] = {
        "articles": counts["articles"],
        "paragraphs": counts["paragraphs"],
        "people": counts["people"],
        "loaded": len(report.with_status("loaded")),
        "duplicates": len(report.with_status("duplicate")),
        "ingest_seconds": round(seconds, 1),
        "articles_per_s": round(size / seconds, 1),
        "paragraphs_per_s": round(counts["paragraphs"] / seconds),
        "store_mb": round(sum(f.stat().st_size for f in workdir.glob(f"briefbot-{size}.db*")) / 2**20, 1),
    }
    meta.write_text(json.dumps(result))
    return path, {**result, "reused": False}


def evaluation() -> list[str]:
    """The dev-set quality table rows for briefbot, from ``briefbot eval`` run in this same benchmark."""
    done = subprocess.run(
        [str(ROOT / ".venv/bin/briefbot"), "eval", "../shared/eval/dev.jsonl"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line.startswith("| briefbot")]


def run_size(size: int, seed: int, workdir: Path, sources: list, earlier: dict | None = None) -> dict[str, object]:
    """Every measurement for one size, printed as it is made; with ``earlier``, its concurrency result is kept."""
    path, built = build(size, seed, workdir, sources)
    built["load_average"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"[{size}] build: {json.dumps(built)}", flush=True)
    store = open_service(path).store
    questions = question_mix(store, seed)
    by_role = role_questions(store, seed)
    stored = store.article_count()
    store.close()
    index, tantivy_rate = tantivy_index(path, workdir / f"tantivy-{size}")
    engines = {
        "fts5_and": fts5_search(path, "AND"),
        "fts5_or": fts5_search(path, "OR"),
        "tantivy_or": tantivy_search(index),
    }
    latency = answer_latency(path, questions, engines)
    print(f"[{size}] latency: {json.dumps(latency)}", flush=True)
    roles = answer_latency(path, by_role, {"fts5_or": engines["fts5_or"]})
    print(f"[{size}] roles: {json.dumps(roles)}", flush=True)
    started = startup(path, questions)
    print(f"[{size}] start-up: {json.dumps(started)}", flush=True)
    if earlier is not None:
        concurrent = {**earlier["concurrent"], "from_earlier_run": True}
    else:
        # New articles each run (the seed moves with the store's size), so a reused store still meets fresh text.
        extra = min(5000, max(2000, size // 20))  # a load long enough for the askers to ask a few hundred times
        # On a copy: the loads grow the store, and a grown store draws a different question mix next run.
        copy = workdir / f"briefbot-{size}-concurrency.db"
        shutil.copyfile(path, copy)
        try:
            concurrent = askers_during_ingest(copy, questions, extra, seed=seed * 1_000_003 + stored)
        finally:
            for scratch in workdir.glob(f"{copy.name}*"):
                scratch.unlink()
    print(f"[{size}] concurrent: {json.dumps(concurrent)}", flush=True)
    return {
        "size": size,
        "build": built,
        "tantivy_build_paragraphs_per_s": round(tantivy_rate),
        "questions": len(questions),
        "latency": latency,
        "roles": {**roles, "questions": [q.text for q in by_role]},
        "startup": started,
        "concurrent": concurrent,
    }


def main() -> None:
    """Parse the options and run every size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="comma-separated article counts")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/briefbot-bench"))
    parser.add_argument("--results", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument(
        "--keep-concurrency", action="store_true", help="reuse each size's earlier concurrency result (it takes long)"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    info = machine()
    print(json.dumps(info), flush=True)
    quality = evaluation()
    print("\n".join(quality), flush=True)
    sources = load_sources()
    saved = args.workdir / "results.json"
    results = json.loads(saved.read_text()) if saved.exists() else {}
    for size in (int(s) for s in args.sizes.split(",")):
        earlier = results.get(str(size)) if args.keep_concurrency else None
        results[str(size)] = run_size(size, args.seed, args.workdir, sources, earlier)
        saved.write_text(json.dumps(results, indent=1))
        write_results(args.results, info, quality, results)
    print(f"Wrote {args.results}")


if __name__ == "__main__":
    main()
