"""A SIGKILL in the middle of a bulk load leaves a whole store, and the re-run finishes it without duplicates."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from bot.ingest import parse_paths
from bot.models import ArticleDraft
from bot.store import Store
from bot.store.articles import content_hash
from tests.conftest import CORPUS, REPO, needs_corpus

LOAD = [sys.executable, "-c", "from handlers.cli import main; main()"]


def stored_articles(db: Path) -> int:
    """Articles visible to a reader right now (0 before the schema exists)."""
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0


def children_of(parent: int) -> list[int]:
    """Processes whose parent is ``parent`` (from /proc)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        if int(fields[1]) == parent:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@needs_corpus()
def test_kill_9_during_a_bulk_load_then_resume(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    bbc = CORPUS / "bbc"
    loader = subprocess.Popen([*LOAD, "--db", str(db), "load", str(bbc)], cwd=REPO, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while stored_articles(db) < 300 and time.monotonic() < deadline and loader.poll() is None:
            time.sleep(0.05)
        assert loader.poll() is None, "the load finished before it could be interrupted"
        workers = children_of(loader.pid)
        assert workers, "the bulk load prepares articles in worker processes"
        loader.send_signal(signal.SIGKILL)
        loader.wait(timeout=10)
    finally:
        loader.kill()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers), "workers outlived their killed loader"

    store = Store.open(db)
    assert store.check_integrity() == []
    partial = store.stats()["articles"]
    assert 300 <= partial < 2225
    for article_id in store.article_ids():  # every article whole: all its paragraphs or none
        article = store.get_article(article_id)
        assert article is not None and article.paragraph_count > 0
    store.close()

    resumed = subprocess.run(
        [*LOAD, "--db", str(db), "load", str(bbc)], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert resumed.returncode == 0, resumed.stderr
    store = Store.open(db)
    assert store.check_integrity() == []
    drafts = [d for d in parse_paths([bbc]) if isinstance(d, ArticleDraft)]
    distinct = {content_hash(d.paragraphs) for d in drafts}
    assert store.stats()["articles"] == len(distinct) + 1  # + the bundled seed article
    hashes = [row[0] for row in store.db.execute("SELECT content_hash FROM articles")]
    assert len(hashes) == len(set(hashes))
    store.close()


def test_backup_is_a_complete_copy(tmp_path: Path) -> None:
    source = tmp_path / "live.db"
    done = subprocess.run(
        [*LOAD, "--db", str(source), "backup", str(tmp_path / "copy.db")],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    copy = Store.open(tmp_path / "copy.db")
    assert copy.stats()["articles"] == 1 and copy.check_integrity() == []
    copy.close()
