"""Running the real ``briefbot`` command in a subprocess for end-to-end tests, and probing its ports.

The working directory is the test's temp dir, so no developer's ``.env`` is read, and the environment
carries none of the developer's ``TELEGRAM_*``, ``SLACK_*`` or ``BRIEFBOT_*`` variables.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO, SEED_DIR

CLI = [sys.executable, "-c", "from handlers.cli import main; main()"]


def clean_env(**settings: str) -> dict[str, str]:
    """The environment without platform or ``BRIEFBOT_*`` variables, plus the repo, the seed and ``settings``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "SLACK_", "BRIEFBOT_"))}
    env.update(PYTHONPATH=str(REPO), BRIEFBOT_ARTICLES_DIR=str(SEED_DIR))
    env.update(settings)
    return env


@contextmanager
def briefbot(
    tmp_path: Path, *args: str, log: str | None = None, kill_wait: float = 10, **settings: str
) -> Iterator[subprocess.Popen[bytes]]:
    """``briefbot ARGS`` in a subprocess with only ``settings`` set; killed if still running at the end.

    :param log: one file in ``tmp_path`` for stdout and stderr; by default ``out.log`` and ``err.log``
        (read them with ``output``).
    :param kill_wait: seconds to wait for the process after killing it.
    """
    # Output goes to files, because a full pipe would block the server mid-test.
    command = [*CLI, *args]
    env = clean_env(**settings)
    if log is not None:
        with (tmp_path / log).open("wb") as out:
            process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=out, stderr=subprocess.STDOUT)
    else:
        with (tmp_path / "out.log").open("wb") as out, (tmp_path / "err.log").open("wb") as err:
            process = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=out, stderr=err)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=kill_wait)


def output(tmp_path: Path) -> str:
    """What a ``briefbot`` run without ``log`` printed: its stdout, then its stderr."""
    return (tmp_path / "out.log").read_text() + (tmp_path / "err.log").read_text()


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def can_connect(port: int) -> bool:
    """Whether something accepts connections on ``127.0.0.1:port`` within half a second."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False
