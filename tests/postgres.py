"""A throwaway PostgreSQL cluster for the tests: initdb into a temp dir, listen on 127.0.0.1, stop at the end.

Import the fixtures into a test module (``from tests.postgres import postgres_server, postgres_url``):

- ``postgres_server`` (session): starts the cluster once and gives the URL of a template database
  with the store's schema; skips, with the reason, where PostgreSQL is not installed.
- ``postgres_url``: a fresh database copied from that template, dropped after the test.

``make test`` installs PostgreSQL from the distribution's packages first (``scripts/ensure-postgres.sh``),
so CI always runs these tests. initdb refuses to run as root: as root the cluster runs as the
``postgres`` user the Debian package creates, in a temp dir given to that user.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

TEMPLATE = "briefbot_template"


def find_binary(name: str) -> str | None:
    """A PostgreSQL server program from PATH or the newest Debian ``/usr/lib/postgresql/*/bin``."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    return candidates[-1] if candidates else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """One temporary PostgreSQL cluster."""

    def __init__(self, initdb: str, pg_ctl: str) -> None:
        self.initdb, self.pg_ctl = initdb, pg_ctl
        self.dir = Path(tempfile.mkdtemp(prefix="briefbot-pg-"))
        self.data = self.dir / "data"
        self.port = _free_port()
        self.prefix: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres", "postgres")
            self.prefix = ["runuser", "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        """The URL of the ``postgres`` database."""
        return f"postgresql://briefbot@127.0.0.1:{self.port}/postgres"

    def start(self) -> None:
        """initdb and start; raises with the server log when either fails."""
        self._run([self.initdb, "-D", str(self.data), "-A", "trust", "-U", "briefbot", "--no-sync",
                   "-E", "UTF8", "--no-locale"])
        options = (
            f"-h 127.0.0.1 -p {self.port} -k {self.dir} -c fsync=off -c synchronous_commit=off"
            " -c full_page_writes=off -c max_connections=300 -c shared_buffers=128MB"
        )
        self._run([self.pg_ctl, "-D", str(self.data), "-o", options, "-l", str(self.dir / "log"), "-w", "start"])

    def stop(self) -> None:
        """Stop the server and delete the cluster."""
        subprocess.run([*self.prefix, self.pg_ctl, "-D", str(self.data), "-m", "immediate", "stop"],
                       capture_output=True, check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def _run(self, command: list[str]) -> None:
        done = subprocess.run([*self.prefix, *command], capture_output=True, text=True, check=False)
        if done.returncode:
            log = (self.dir / "log").read_text() if (self.dir / "log").exists() else ""
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr}{done.stdout}\n{log}")


def database_url(server_url: str, name: str) -> str:
    """The URL of database ``name`` on the server of ``server_url``."""
    return server_url.rsplit("/", 1)[0] + f"/{name}"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A running throwaway cluster with a migrated template database; gives the server's URL."""
    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL is not installed (no initdb); `make test` installs it: scripts/ensure-postgres.sh")
    import psycopg

    from bot.store.postgres import PostgresStore

    cluster = Cluster(initdb, pg_ctl)
    try:
        cluster.start()
        with psycopg.connect(cluster.url, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {TEMPLATE}")  # type: ignore[arg-type]
        PostgresStore.open(database_url(cluster.url, TEMPLATE), pool_size=1).close()
        yield cluster.url
    finally:
        cluster.stop()


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh database with the store's schema (copied from the template), dropped after the test."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")  # type: ignore[arg-type]
    yield database_url(postgres_server, name)
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")  # type: ignore[arg-type]
