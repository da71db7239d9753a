"""``briefbot migrate``, ``export`` and ``import``: the store's schema, and moving a store between engines."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, cast
from urllib.parse import urlsplit, urlunsplit

import click

from bot.config import Settings
from bot.errors import BriefingError
from bot.evaluation import EvalQuestion
from bot.store import Store
from bot.store.factory import database_url, describe_store
from bot.store.transfer import export_store, format_summary, import_store

if TYPE_CHECKING:
    from bot.store.postgres import PostgresStore
    from handlers.cli import Context


def _open(settings: Settings) -> Store | PostgresStore:
    from bot.store.factory import open_store

    try:
        # The engine, not just the protocol: migrate, export and import reach past it.
        return cast("Store | PostgresStore", open_store(settings))
    except Exception as error:  # psycopg's OperationalError and friends: say where, not a traceback
        raise click.ClickException(f"Could not open the store ({describe_store(settings)}): {error}") from None


@click.command()
@click.pass_obj
def migrate(obj: Context) -> None:
    """Create or upgrade the store's schema (SQLite file or BRIEFBOT_DATABASE_URL) and print its version."""
    store = _open(obj.settings)
    try:
        version = _sqlite_version(store) if isinstance(store, Store) else store.migrate()
    finally:
        store.close()
    click.echo(f"{describe_store(obj.settings)}: schema at version {version}.")


def _sqlite_version(store: Store) -> int:
    return int(store.db.execute("PRAGMA user_version").fetchone()[0])


@click.command("export")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_obj
def export_command(obj: Context, path: Path) -> None:
    """Write every table of the store to PATH as JSON Lines (any engine), with row counts and checksums."""
    if path.exists():
        raise click.ClickException(f"{path} already exists; choose a new file name.")
    store = _open(obj.settings)
    started = time.perf_counter()
    try:
        sums = export_store(store, path)
    except BriefingError as error:
        path.unlink(missing_ok=True)
        raise click.ClickException(error.user_message) from None
    finally:
        store.close()
    click.echo(format_summary(sums))
    click.echo(f"Exported {describe_store(obj.settings)} to {path} in {time.perf_counter() - started:.1f} s.")


@click.command("import")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_command(obj: Context, path: Path) -> None:
    """Load an export (from either engine) into the configured store, which must be empty."""
    store = _open(obj.settings)
    started = time.perf_counter()
    try:
        sums = import_store(store, path)
    except BriefingError as error:
        raise click.ClickException(error.user_message) from None
    finally:
        store.close()
    click.echo(format_summary(sums))
    click.echo(f"Imported {path} into {describe_store(obj.settings)} in {time.perf_counter() - started:.1f} s.")


@contextmanager
def scratch_database(url: str) -> Iterator[str]:
    """A new, empty database beside the one ``url`` names, dropped afterwards (for ``briefbot eval``)."""
    import psycopg

    name = f"briefbot_eval_{uuid.uuid4().hex[:12]}"
    parts = urlsplit(url)
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')  # type: ignore[arg-type]
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')  # type: ignore[arg-type]


def evaluate_on_postgres(settings: Settings, url: str, questions: list[EvalQuestion], corpus: Path) -> str:
    """The evaluation table for the PostgreSQL engine, run on a scratch database beside ``url``."""
    from bot.evaluation import bm25_baseline, format_table, score
    from bot.service import BriefingService
    from bot.store.postgres import PostgresStore
    from handlers.cli import CLI_USER

    with scratch_database(url) as scratch:
        store = PostgresStore.open(scratch, pool_size=settings.database_pool_size)
        try:
            service = BriefingService(store, settings)
            started = time.perf_counter()
            report = service.load_paths([corpus], by=CLI_USER)
            loaded = f"Loaded {len(report.with_status('loaded'))} articles into PostgreSQL"
            loaded += f" in {time.perf_counter() - started:.1f} s."
            briefbot, _ = score(questions, lambda q: [h.text for h in service.ask(q, limit=5).hits])
            baseline, _ = score(questions, bm25_baseline(store))
        finally:
            store.close()
    table = format_table({"briefbot (PostgreSQL)": briefbot, "ts_rank_cd baseline (PostgreSQL)": baseline})
    return f"{loaded}\n{table}"


def configured_url(settings: Settings) -> str | None:
    """The PostgreSQL URL in the settings, if any."""
    return database_url(settings)
