"""Small SQL-building helpers shared by the SQLite query families."""

from __future__ import annotations

from collections.abc import Sized


def placeholders(values: Sized) -> str:
    """Placeholders for an ``IN (...)`` list (or a VALUES row) of the values' length: ``?,?,?``."""
    return ",".join("?" * len(values))
