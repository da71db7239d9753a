"""PostgreSQL beside SQLite (not a test): answer latency on the same data, and digest throughput with N replicas.

    .venv/bin/python bench/postgres.py --articles 10000 --workdir /tmp/briefbot-pg-bench

It builds (or reuses, via ``bench/run.py``'s ``build``) a SQLite store of recombined BBC articles,
moves it into a throwaway PostgreSQL cluster with ``briefbot export``/``import``'s code (timing both),
asks ``bench/questions.py``'s question mix on each engine, then runs 1, 2 and 4 digest replicas
(``tests/digest_worker.py`` processes) on one database with SUBSCRIPTIONS due at once, checking each
digest goes out exactly once. Results are appended to ``bench/RESULTS.md`` under a PostgreSQL heading.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import psycopg

from bench.measure import ROOT, percentiles, time_each
from bench.questions import question_mix
from bench.run import build
from bench.scale_corpus import load_sources
from bot.config import Settings
from bot.service import BriefingService
from bot.store import Store
from bot.store.postgres import PostgresStore
from bot.store.transfer import export_store, import_store
from tests.postgres import TEMPLATE, Cluster, database_url, find_binary
from tests.test_postgres_replicas import NOW, seed

RESULTS = ROOT / "bench" / "RESULTS.md"


def latency(service: BriefingService, questions: list, passes: int) -> dict[str, dict[str, float]]:
    """Cold (first pass) and warm percentiles of ``service.ask`` over the mix, in milliseconds."""
    ask = lambda q: service.ask(q.text, limit=5)  # noqa: E731 - the core call adapters make
    cold = time_each(ask, questions)
    warm = [ms for _ in range(passes) for ms in time_each(ask, questions)]
    return {"cold": percentiles(cold), "warm": percentiles(warm)}


def digest_throughput(server: str, replicas: int, subscriptions: int, delay: float, workdir: Path) -> dict:
    """Digests per second for ``replicas`` processes sharing one fresh database; checks exactly-once."""
    name = f"digests_{replicas}_{int(time.time() * 1000)}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")  # type: ignore[arg-type]
    url = database_url(server, name)
    ids = seed(url, subscriptions)
    run_dir = workdir / name
    run_dir.mkdir(parents=True)
    go = run_dir / "go"
    outs = [run_dir / f"sent-{n}.txt" for n in range(replicas)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.digest_worker", url, NOW.isoformat(), str(o), str(go), str(delay)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            text=True,
        )
        for o in outs
    ]
    time.sleep(2.0)  # let every replica import and connect before the start signal
    started = time.perf_counter()
    go.touch()
    for process in processes:
        process.communicate(timeout=1800)
    seconds = time.perf_counter() - started
    sent = Counter(int(line) for o in outs if o.exists() for line in o.read_text().split())
    per_replica = [len(o.read_text().split()) if o.exists() else 0 for o in outs]
    return {
        "replicas": replicas,
        "digests": sum(sent.values()),
        "twice": sum(1 for n in sent.values() if n > 1),
        "lost": len(set(ids) - set(sent)),
        "seconds": round(seconds, 2),
        "per_s": round(sum(sent.values()) / seconds, 1),
        "per_replica": per_replica,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--subscriptions", type=int, default=1000)
    parser.add_argument("--delay", type=float, default=0.02, help="simulated platform call, seconds")
    parser.add_argument("--replicas", default="1,2,4")
    parser.add_argument("--workdir", type=Path, default=Path("/tmp/briefbot-pg-bench"))
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)

    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    if not initdb or not pg_ctl:
        sys.exit("PostgreSQL is not installed: run scripts/ensure-postgres.sh")
    cluster = Cluster(initdb, pg_ctl)
    cluster.start()
    try:
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")  # type: ignore[arg-type]
            conn.execute("CREATE DATABASE corpus")
            version = str(conn.execute("SHOW server_version").fetchone()[0])  # type: ignore[index]
        PostgresStore.open(database_url(cluster.url, TEMPLATE), pool_size=1).close()

        path, info = build(args.articles, args.seed, args.workdir, load_sources())
        print(f"SQLite store: {info}", flush=True)
        sqlite = Store.open(path)
        export = args.workdir / f"export-{args.articles}.jsonl"
        export.unlink(missing_ok=True)
        started = time.perf_counter()
        export_store(sqlite, export)
        export_seconds = time.perf_counter() - started
        postgres = PostgresStore.open(database_url(cluster.url, "corpus"), pool_size=4)
        started = time.perf_counter()
        import_store(postgres, export)
        import_seconds = time.perf_counter() - started
        with psycopg.connect(database_url(cluster.url, "corpus"), autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        print(f"export {export_seconds:.1f} s, import {import_seconds:.1f} s", flush=True)

        settings = Settings(_env_file=None, BRIEFBOT_DB_PATH=path)
        questions = question_mix(sqlite, args.seed)
        on_sqlite = latency(BriefingService(sqlite, settings), questions, args.passes)
        on_postgres = latency(BriefingService(postgres, settings), questions, args.passes)  # type: ignore[arg-type]
        print(f"SQLite {on_sqlite}\nPostgreSQL {on_postgres}", flush=True)
        pg_stats = postgres.stats()
        sqlite.close()
        postgres.close()

        throughput = []
        for replicas in (int(n) for n in args.replicas.split(",")):
            result = digest_throughput(cluster.url, replicas, args.subscriptions, args.delay, args.workdir)
            print(result, flush=True)
            throughput.append(result)
    finally:
        cluster.stop()
    write(
        args,
        info,
        pg_stats,
        version,
        export_seconds,
        import_seconds,
        len(questions),
        on_sqlite,
        on_postgres,
        throughput,
    )


def write(args, info, pg_stats, version, export_s, import_s, asked, on_sqlite, on_postgres, throughput) -> None:
    """Append this run's tables to bench/RESULTS.md."""
    lines = [
        "",
        "## PostgreSQL",
        "",
        f"Written by `bench/postgres.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: PostgreSQL {version} in a throwaway"
        " cluster on this machine (fsync off, as the tests run it), beside SQLite on the same data. Size: "
        f"{info['articles']:,} articles · {info['paragraphs']:,} paragraphs · {info['people']:,} people "
        f"(`bench/scale_corpus.py`, seed {args.seed}).",
        "",
        "| moving the store | value |",
        "| --- | --- |",
        f"| `briefbot export` from SQLite, seconds | {export_s:.1f} |",
        f"| `briefbot import` into PostgreSQL (COPY, tsvector trigger, term counts), seconds | {import_s:.1f} |",
        f"| PostgreSQL database size | {pg_stats['bytes'] / 2**20:.1f} MB |",
        f"| SQLite store size | {info['store_mb']} MB |",
        "",
        f"Answer latency, `service.ask` over the {asked}-question mix of `bench/questions.py`, "
        f"{args.passes} warm passes after one cold pass, milliseconds:",
        "",
        "| engine | p50 | p95 | p99 | cold p50 | cold p95 |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, result in (("SQLite (FTS5)", on_sqlite), ("PostgreSQL (tsvector + GIN)", on_postgres)):
        warm, cold = result["warm"], result["cold"]
        lines.append(f"| {name} | {warm['p50']} | {warm['p95']} | {warm['p99']} | {cold['p50']} | {cold['p95']} |")
    lines += [
        "",
        f"Digest throughput: {args.subscriptions:,} subscriptions due at the same minute, one PostgreSQL database, "
        f"N `DigestRunner` processes (`tests/digest_worker.py`), each delivery a simulated platform call of "
        f"{args.delay * 1000:.0f} ms:",
        "",
        "| replicas | digests sent | sent twice | lost | seconds | digests/s | per replica |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in throughput:
        lines.append(
            f"| {r['replicas']} | {r['digests']:,} | {r['twice']} | {r['lost']} | {r['seconds']} "
            f"| {r['per_s']} | {' / '.join(map(str, r['per_replica']))} |"
        )
    with RESULTS.open("a", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
