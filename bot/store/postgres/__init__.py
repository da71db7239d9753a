"""The PostgreSQL store (``PostgresStore``), selected by ``BRIEFBOT_DATABASE_URL=postgresql://…``."""

from __future__ import annotations

from bot.store.postgres.base import PostgresStore, is_postgres_url

__all__ = ["PostgresStore", "is_postgres_url"]
