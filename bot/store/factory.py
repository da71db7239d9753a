"""``open_store``: the SQLite store at ``BRIEFBOT_DB_PATH``, or PostgreSQL when ``BRIEFBOT_DATABASE_URL`` is set."""

from __future__ import annotations

from bot.config import Settings
from bot.store.base import Store
from bot.store.protocol import StoreProtocol


def database_url(settings: Settings) -> str | None:
    """The configured PostgreSQL URL, or None for SQLite."""
    return settings.database_url.get_secret_value() if settings.database_url else None


def open_store(settings: Settings) -> StoreProtocol:
    """Open the configured store with its schema up to date."""
    url = database_url(settings)
    if url:
        # Imported here so SQLite-only installs never load psycopg.
        from bot.store.postgres import PostgresStore

        return PostgresStore.open(url, pool_size=settings.database_pool_size)
    return Store.open(settings.db_path)


def describe_store(settings: Settings) -> str:
    """Where the configured store lives, for messages (a URL's password is never shown)."""
    url = database_url(settings)
    if not url:
        return f"SQLite {settings.db_path}"
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    return f"PostgreSQL {host}{f':{parts.port}' if parts.port else ''}{parts.path}"
