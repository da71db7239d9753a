"""Concurrent use of one store: ingest while many ask, and two digest processes at once.

Readers are threads with their own ``Store`` on the same SQLite file (as separate bot processes would)
or threads sharing one ``BriefingService`` (as the adapters' worker threads do). Nobody may see
"database is locked", an article with fewer paragraphs than it ends up with, or wait unboundedly; two
``briefbot digest run`` processes on one store send each due digest exactly once and leave it whole.
"""

from __future__ import annotations

import re
import subprocess
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.commands import handle
from bot.config import Settings
from bot.models import ArticleDraft, Chat, User
from bot.service import BriefingService
from bot.store import Store
from tests.conftest import SEED_DIR
from tests.fixtures.digests import OIL
from tests.serving import CLI, clean_env

LOADER = User("console", "loader")
ARTICLES = 240
PARAGRAPHS = 12
READERS = 8
DEADLINE = 40.0  # seconds any one scenario may take, in all
SLOW_ASK = 5.0  # seconds: no single question may wait longer, even behind a batch being written
QUESTIONS = (
    "what did Zorvath say about zinc?",
    "any news on the zinc harvest?",
    "what did Imomi say about oil?",
    "what did Minister Zorvath say?",
)


def draft(n: int) -> ArticleDraft:
    """A distinct article whose paragraphs all quote Zorvath on zinc, so readers' questions find it mid-load."""
    paragraphs = tuple(
        f"Minister Zorvath said the zinc harvest in district {n} rose by {j} percent, "
        f"and that smelter {n}-{j} would reopen before the winter."
        for j in range(PARAGRAPHS)
    )
    return ArticleDraft(title=f"Zinc report {n}", paragraphs=paragraphs, source="Wire", origin=f"zinc-{n}.txt")


def settings_for(db: Path) -> Settings:
    return Settings(
        _env_file=None, BRIEFBOT_DB_PATH=db, BRIEFBOT_ARTICLES_DIR=SEED_DIR, BRIEFBOT_QUESTIONS_PER_MINUTE=100_000
    )


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    """A store file holding the bundled article."""
    path = tmp_path / "shared.db"
    store = Store.open(path)
    BriefingService(store, settings_for(path)).load_bundled()
    store.close()
    yield path


class Observed:
    """What readers saw, shared across threads: paragraph counts per article, errors, slowest call."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.counts: dict[int, set[int]] = defaultdict(set)
        self.errors: list[BaseException] = []
        self.answers = 0
        self.slowest = 0.0

    def record(self, article_id: int, count: int) -> None:
        with self.lock:
            self.counts[article_id].add(count)

    def timed(self, call: Callable[[], object]) -> object:
        started = time.monotonic()
        try:
            return call()
        finally:
            with self.lock:
                self.slowest = max(self.slowest, time.monotonic() - started)


def read_until(done: threading.Event, service: BriefingService, observed: Observed, reader: int) -> None:
    """Ask, page and count paragraphs per article until the load is done (or the deadline passes)."""
    user = User("slack", f"U{reader}")
    chat = Chat("slack", f"D{reader}")
    deadline = time.monotonic() + DEADLINE
    rounds = 0
    try:
        while time.monotonic() < deadline and (not done.is_set() or rounds < 2):
            rounds += 1
            for question in QUESTIONS:
                reply = observed.timed(lambda q=question: handle(service, user, chat, q))
                more = observed.timed(lambda: handle(service, user, chat, "/more"))
                for got in (reply, more):
                    assert got.text or got.quotes  # type: ignore[attr-defined]
                    for hit in got.quotes:  # type: ignore[attr-defined]
                        article = service.store.get_article(hit.article_id)
                        assert article is not None and hit.paragraph_index < article.paragraph_count
                with observed.lock:
                    observed.answers += 2
            for article_id in service.store.article_ids()[-40:]:
                article = service.store.get_article(article_id)
                if article is not None:
                    observed.record(article_id, article.paragraph_count)
    except BaseException as error:  # reported by the test, which fails on any
        with observed.lock:
            observed.errors.append(error)


def load_all(service: BriefingService, done: threading.Event, errors: list[BaseException]) -> None:
    """Load the articles in small batches through the service, as an admin's bulk load would."""
    try:
        for start in range(0, ARTICLES, 20):
            report = service.load_drafts([draft(n) for n in range(start, start + 20)], by=LOADER)
            assert {o.status for o in report.outcomes} == {"loaded"}
    except BaseException as error:
        errors.append(error)
    finally:
        done.set()


def check_whole(db: Path, observed: Observed, started: float) -> None:
    """No errors, every article seen only with its final paragraph count, within the time bounds."""
    assert observed.errors == [], observed.errors[:3]
    assert time.monotonic() - started < DEADLINE
    assert observed.slowest < SLOW_ASK, f"a question waited {observed.slowest:.1f} s"
    store = Store.open(db)
    try:
        assert store.check_integrity() == []
        assert store.article_count() == ARTICLES + 1
        final = {i: store.get_article(i).paragraph_count for i in store.article_ids()}  # type: ignore[union-attr]
    finally:
        store.close()
    assert observed.answers > 0 and len(observed.counts) > 10  # readers really ran during the load
    partial = {i: seen for i, seen in observed.counts.items() if seen != {final[i]}}
    assert partial == {}, f"half-loaded articles seen: {dict(list(partial.items())[:5])}"


def run_to_the_end(
    threads: list[threading.Thread], errors: list[BaseException], db: Path, observed: Observed, started: float
) -> None:
    """Run the readers and the writer for at most ``DEADLINE`` s; none may hang or fail, every read be whole."""
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(DEADLINE)
    assert not any(t.is_alive() for t in threads), "a thread is still running after the deadline"
    assert errors == [], errors
    check_whole(db, observed, started)


def test_ingest_while_many_askers_ask_each_with_their_own_store(db: Path) -> None:
    observed, errors, done = Observed(), [], threading.Event()
    writer_store = Store.open(db)
    writer = BriefingService(writer_store, settings_for(db))
    reader_stores = [Store.open(db) for _ in range(READERS)]
    readers = [BriefingService(store, settings_for(db)) for store in reader_stores]
    started = time.monotonic()
    threads = [threading.Thread(target=read_until, args=(done, r, observed, n)) for n, r in enumerate(readers)]
    threads.append(threading.Thread(target=load_all, args=(writer, done, errors)))
    try:
        run_to_the_end(threads, errors, db, observed, started)
    finally:
        for store in [writer_store, *reader_stores]:
            store.close()


def test_ingest_while_many_askers_share_one_service(db: Path) -> None:
    observed, errors, done = Observed(), [], threading.Event()
    store = Store.open(db)
    service = BriefingService(store, settings_for(db))
    started = time.monotonic()
    threads = [threading.Thread(target=read_until, args=(done, service, observed, n)) for n in range(READERS)]
    threads.append(threading.Thread(target=load_all, args=(service, done, errors)))
    try:
        run_to_the_end(threads, errors, db, observed, started)
    finally:
        store.close()


def test_two_digest_processes_at_once_send_each_digest_exactly_once(tmp_path: Path, db: Path) -> None:
    chats = 300
    store = Store.open(db)
    service = BriefingService(store, settings_for(db))
    for n in range(chats):
        reply = service.subscribe(User("console", f"u{n}"), Chat("console", f"chat{n}"), "at 7am UTC")
        assert reply.text.startswith("Subscribed")
    assert service.load_text(LOADER, OIL).outcomes[0].status == "loaded"  # new since subscribing: worth a digest
    store.close()
    day = datetime.now(UTC).date() + timedelta(days=2)
    now = datetime(day.year, day.month, day.day, 7, 30, tzinfo=UTC).isoformat()
    env = clean_env(BRIEFBOT_ARTICLES_DIR=str(tmp_path / "none"))
    command = [*CLI, "--db", str(db), "digest", "run", "--now", now]
    runs = [
        subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    # Nobody reads their output for a while: a full pipe blocks a process in the middle of its round, holding
    # a claim, while the other one runs, so the two rounds really overlap instead of one finding all done.
    time.sleep(3)
    outputs = []
    for run in runs:
        out, err = run.communicate(timeout=DEADLINE)
        assert run.returncode == 0, err
        assert "Traceback" not in err and "locked" not in err, err
        outputs.append(out)
    sent = Counter(re.findall(r"^— Digest #(\d+) for console:chat\d+ —$", "".join(outputs), re.MULTILINE))
    assert len(sent) == chats and set(sent.values()) == {1}, f"duplicates: {[k for k, v in sent.items() if v > 1]}"
    summaries = [re.search(r"(\d+) sent, (\d+) skipped, (\d+) failed", out) for out in outputs]
    assert all(summaries) and sum(int(s[1]) for s in summaries if s) == chats
    assert all(int(s[3]) == 0 for s in summaries if s)
    again = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=DEADLINE)
    assert again.stdout.strip().endswith("0 sent, 0 skipped, 0 failed"), again.stdout[-500:]
    check = subprocess.run([*CLI, "--db", str(db), "check"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
