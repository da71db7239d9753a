"""The audit log: who ran which admin action, when, and on what."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from bot.store.feeds import iso


@dataclass(frozen=True)
class AuditEntry:
    """One admin action as recorded."""

    id: int
    at: str  # UTC ISO 8601
    user_key: str
    action: str  # "load", "delete", "feeds.add", "feeds.remove", "feeds.poll"
    detail: str


class AuditQueries:
    """Audit log queries; mixed into ``Store``."""

    db: Database
    _lock: threading.RLock

    def record_audit(self, *, at: datetime, user_key: str, action: str, detail: str) -> None:
        """Append one entry to the audit log."""
        with self._lock, self.db.atomic():
            self.db.execute(
                "INSERT INTO audit (at, user_key, action, detail) VALUES (?, ?, ?, ?)",
                [iso(at), user_key, action, detail],
            )

    def audit_entries(self, limit: int = 20) -> list[AuditEntry]:
        """The latest ``limit`` entries, newest first."""
        with self._lock:
            rows = self.db.execute(
                "SELECT id, at, user_key, action, detail FROM audit ORDER BY id DESC LIMIT ?", [limit]
            ).fetchall()
        return [AuditEntry(*row) for row in rows]
