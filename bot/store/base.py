"""``Store``: opens the SQLite file, applies migrations and groups the query families."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from sqlite_utils import Database

from bot.store.articles import ArticleQueries
from bot.store.people import PeopleQueries
from bot.store.schema import migrate

BUSY_TIMEOUT_MS = 10_000


class Store(ArticleQueries, PeopleQueries):
    """The bot's SQLite store. One connection, shared by threads under a lock."""

    def __init__(self, db: Database, path: Path | None = None) -> None:
        self.db = db
        self.path = path
        self._lock = threading.RLock()

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (creating if needed) the store at ``path``, in WAL mode, with the schema up to date."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")
        db.enable_wal()
        migrate(db)
        return cls(db, path)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.db.close()

    def stats(self) -> dict[str, int]:
        """Counts of what the store holds, and its size on disk in bytes."""
        counts: dict[str, int] = {}
        with self._lock:
            for table in ("articles", "paragraphs", "people"):
                counts[table] = int(self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
            counts["failures"] = int(self.db.execute("SELECT COUNT(*) FROM ingest_failures").fetchone()[0])
        counts["bytes"] = self.size_bytes()
        return counts

    def size_bytes(self) -> int:
        """The store's size on disk, write-ahead log included."""
        if self.path is None:
            return 0
        files = (self.path, self.path.with_name(self.path.name + "-wal"))
        return sum(f.stat().st_size for f in files if f.exists())
