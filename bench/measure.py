"""Timings on a built store: answer latency beside plain engines, concurrent askers during an ingest, start-up."""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.baselines import Search
from bench.questions import BenchQuestion
from bot.config import Settings
from bot.models import User
from bot.service import BriefingService
from bot.store import Store

BENCH_USER = User("console", "bench")
ROOT = Path(__file__).resolve().parents[1]


def open_service(path: Path) -> BriefingService:
    """A fresh service over the store file, as a separate bot process would open it."""
    return BriefingService(Store.open(path), Settings(_env_file=None, db_path=path))


def percentiles(samples: Sequence[float]) -> dict[str, float]:
    """p50, p95 and p99 of millisecond samples (nearest rank), and their count."""
    ordered = sorted(samples)
    if not ordered:
        return {"n": 0, "p50": 0.0, "p95": 0.0, "p99": 0.0}

    def rank(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))], 2)

    return {"n": len(ordered), "p50": rank(0.50), "p95": rank(0.95), "p99": rank(0.99)}


def time_each(action: Callable[[BenchQuestion], object], questions: Sequence[BenchQuestion]) -> list[float]:
    """Milliseconds for each question, in order."""
    samples = []
    for question in questions:
        started = time.perf_counter()
        action(question)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def answer_latency(
    path: Path, questions: Sequence[BenchQuestion], engines: dict[str, Search], passes: int = 3
) -> dict[str, object]:
    """Ours (cold first pass, then warm passes) and each plain engine's warm passes, on the same questions."""
    service = open_service(path)
    ask = lambda q: service.ask(q.text, limit=5)  # noqa: E731 - the core call adapters make
    cold = time_each(ask, questions)
    warm = [ms for _ in range(passes) for ms in time_each(ask, questions)]
    kinds = sorted({q.kind for q in questions})
    per_kind = {
        kind: percentiles([ms for i, ms in enumerate(warm) if questions[i % len(questions)].kind == kind])
        for kind in kinds
    }
    answered = sum(bool(service.ask(q.text, limit=5).hits) for q in questions)
    result: dict[str, object] = {
        "briefbot": percentiles(warm),
        "briefbot_cold": percentiles(cold),
        "per_kind": per_kind,
        "answered": f"{answered}/{len(questions)}",
    }
    for name, search in engines.items():
        run = lambda q, s=search: s(q.terms)  # noqa: E731
        time_each(run, questions)  # warm the page cache as ours was
        result[name] = percentiles([ms for _ in range(passes) for ms in time_each(run, questions)])
    service.store.close()
    return result


# Mean pause between one asker's questions in the paced run: twenty people in a burst, each reading an answer
# for about a second before the next question (people in chat take longer; this is a heavy burst).
PAUSE_S = 1.0
# An ingest that does not finish in this time fails the benchmark instead of hanging it.
INGEST_TIMEOUT_S = 900


def askers_during_ingest(
    path: Path, questions: Sequence[BenchQuestion], count: int, seed: int, askers: int = 20
) -> dict[str, object]:
    """``askers`` threads sharing one service in this process (as a serving bot does) while another process loads.

    The load runs in its own process, as ``briefbot load`` does beside a serving bot. Two runs, each with
    fresh articles: askers pausing about a second between questions (the target's case), then asking flat
    out (no pause), which shows the throughput ceiling: there, latency is simply askers ÷ answers per second.
    """
    return {
        "askers": askers,
        "pause_s": PAUSE_S,
        "paced": _ask_while_loading(path, questions, count, seed, askers, PAUSE_S),
        "flat_out": _ask_while_loading(path, questions, count, seed + 1, askers, 0.0),
    }


def _ask_while_loading(
    path: Path, questions: Sequence[BenchQuestion], count: int, seed: int, askers: int, pause_s: float
) -> dict[str, object]:
    loader = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "ingest_child.py"), str(path), str(count), str(seed)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert loader.stdin is not None and loader.stdout is not None
    json.loads(loader.stdout.readline())  # the articles are generated: loading starts on our line
    start, stop = threading.Event(), threading.Event()
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    # One service shared by every asker, as a serving bot shares one between the chats it answers at once;
    # a running bot's caches are warm (the cold start is measured on its own).
    service = open_service(path)
    for question in questions:
        service.ask(question.text, limit=5)

    def ask_loop(number: int) -> None:
        start.wait()
        pauses = random.Random(seed * 1000 + number)
        if pause_s:  # people don't all ask at the same instant: each starts after a pause of its own
            stop.wait(pauses.expovariate(1 / pause_s))
        i = number * 7
        while not stop.is_set():
            question = questions[i % len(questions)]
            i += 1
            began = time.perf_counter()
            try:
                service.ask(question.text, limit=5)
            except Exception as error:  # every failure counts; the bench must not stop on one
                with lock:
                    errors.append(f"{type(error).__name__}: {error}")
                continue
            with lock:
                samples.append((time.perf_counter() - began) * 1000)
            if pause_s:
                stop.wait(pauses.expovariate(1 / pause_s))

    threads = [threading.Thread(target=ask_loop, args=(n,)) for n in range(askers)]
    for thread in threads:
        thread.start()
    loader.stdin.write("go\n")
    loader.stdin.flush()
    start.set()
    started = time.perf_counter()
    try:
        output, _ = loader.communicate(timeout=INGEST_TIMEOUT_S)
        loaded = json.loads(output.splitlines()[-1])
    finally:
        stop.set()
        for thread in threads:
            thread.join()
        service.store.close()
    elapsed = time.perf_counter() - started
    return {
        "answers_per_s": round(len(samples) / elapsed, 1),
        **percentiles(samples),
        "errors": len(errors),
        "first_errors": sorted(set(errors))[:3],
        "ingested": loaded["ingested"],
        "ingest_per_s": round(count / loaded["seconds"], 1),
    }


def startup(path: Path, questions: Sequence[BenchQuestion]) -> dict[str, float]:
    """A fresh process: seconds from spawn to its first answer, then its peak RSS answering the mix."""
    texts = json.dumps([q.text for q in questions])
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "bench" / "probe.py"), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(texts + "\n")
    child.stdin.flush()
    first = child.stdout.readline()
    first_answer = time.perf_counter() - started
    child.stdin.close()
    final = json.loads(child.stdout.readline())
    child.wait()
    return {"first_answer_s": round(first_answer, 3), "hits": json.loads(first)["hits"], **final}


def mean(values: Sequence[float]) -> float:
    """The arithmetic mean, 0 for no values."""
    return statistics.fmean(values) if values else 0.0
