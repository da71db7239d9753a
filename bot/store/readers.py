"""Read-only connections, one per thread, so answers read side by side instead of queueing on one connection.

In WAL mode SQLite readers never wait for each other or for the writer. Answering threads used to share the
store's one connection under a lock: during a bulk load, 20 askers queued behind each other's full-text
searches. The hot read paths of answering use these instead; everything else keeps the shared connection.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any


class Readers:
    """Hands each thread its own read-only connection to the store's file, opened on first use."""

    def __init__(self, path: Path, busy_timeout_ms: int) -> None:
        self._path = path
        self._busy_timeout_ms = busy_timeout_ms
        self._local = threading.local()
        self._opened: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    def fetchall(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        """The rows of one read-only statement, on this thread's connection (untyped, as sqlite3 gives them)."""
        return self._connection().execute(sql, list(args)).fetchall()

    @property
    def open_connections(self) -> int:
        """How many threads' connections are open now."""
        with self._lock:
            return len(self._opened)

    def close(self) -> None:
        """Close every thread's connection (the store is done with: no thread reads any more)."""
        with self._lock:
            self._closed = True
            for conn in self._opened:
                conn.close()
            self._opened.clear()

    def _forget(self, conn: sqlite3.Connection) -> None:
        """Close the connection of a thread that has ended (a server may start a thread per request)."""
        with self._lock:
            if conn in self._opened:
                self._opened.remove(conn)
                conn.close()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            with self._lock:
                if self._closed:
                    raise sqlite3.ProgrammingError("The store is closed.")
                # check_same_thread=False only so that it may be closed from another thread once unused.
                conn = sqlite3.connect(
                    f"{self._path.resolve().as_uri()}?mode=ro",
                    uri=True,
                    check_same_thread=False,
                    timeout=self._busy_timeout_ms / 1000,
                )
                self._opened.append(conn)
            self._local.conn = conn
            weakref.finalize(threading.current_thread(), self._forget, conn)
        return conn
