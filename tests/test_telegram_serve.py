"""Acceptance: ``briefbot serve`` against a local Bot API server answers a private question within 2 s."""

from __future__ import annotations

import logging
import signal
import subprocess
import time
from contextlib import AbstractContextManager
from pathlib import Path

from handlers.serve import Redact
from tests.fakes.slack_api import FakeSlack
from tests.fakes.telegram_api import FakeTelegram
from tests.serving import briefbot, can_connect, free_port, output

TOKEN = "123:SECRET-TOKEN"
USER = 2002


def briefbot_serve(tmp_path: Path, **settings: str) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """``briefbot serve`` in a subprocess with only ``settings`` set; killed if the test leaves it running."""
    return briefbot(tmp_path, "--db", str(tmp_path / "b.db"), "serve", kill_wait=5, **settings)


def telegram_env(fake: FakeTelegram) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "TELEGRAM_API_BASE_URL": fake.base_url,
        "TELEGRAM_FILE_BASE_URL": fake.file_base_url,
    }


def test_briefbot_serve_answers_a_private_question_within_two_seconds_and_stops_on_sigterm(tmp_path: Path) -> None:
    # DEBUG: the most talkative level must not show the token either.
    fake = FakeTelegram(token=TOKEN, max_poll_seconds=2)
    with fake, briefbot_serve(tmp_path, **telegram_env(fake), BRIEFBOT_LOG_LEVEL="DEBUG") as server:
        fake.wait_for_sync(lambda: fake.counts["getUpdates"] >= 1, timeout=30)  # imports, store, getMe
        asked = time.monotonic()
        fake.push_message(USER, USER, "what did Imomi say about oil?")
        [answer] = fake.wait_for_sync(lambda: fake.texts(USER), timeout=10)
        answered = time.monotonic() - asked
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
    logs = output(tmp_path)
    assert answered < 2, f"answered in {answered:.2f} s"
    assert "particularly in the oil industry sector" in answer and "Azernews" in answer
    assert [c["command"] for c in fake.commands()][:2] == ["start", "help"]  # setMyCommands at start-up
    assert server.returncode == 0, logs
    assert "Traceback" not in logs
    assert "Serving telegram (Telegram by long polling via http://127.0.0.1:" in logs
    assert TOKEN not in logs and "SECRET" not in logs


def test_briefbot_serve_runs_slack_beside_telegram_and_stops_both(tmp_path: Path) -> None:
    port = free_port()
    with FakeTelegram(token=TOKEN, max_poll_seconds=2) as fake, FakeSlack() as slack:
        slack_env = {
            "SLACK_BOT_TOKEN": "xoxb-test",
            "SLACK_SIGNING_SECRET": "slack-signing-secret",
            "SLACK_API_BASE_URL": slack.url + "/",
            "SLACK_PORT": str(port),
        }
        with briefbot_serve(tmp_path, **telegram_env(fake), **slack_env, BRIEFBOT_LOG_LEVEL="INFO") as server:
            fake.wait_for_sync(lambda: fake.counts["getUpdates"] >= 1, timeout=30)
            fake.wait_for_sync(lambda: can_connect(port), timeout=10)
            fake.push_message(USER, USER, "what did Imomi say about oil?")
            fake.wait_for_sync(lambda: fake.texts(USER), timeout=10)
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
    logs = output(tmp_path)
    assert server.returncode == 0, logs
    assert "Serving telegram, slack" in logs and "Traceback" not in logs
    assert not can_connect(port)
    assert "slack-signing-secret" not in logs and TOKEN not in logs


def test_redact_hides_secrets_in_log_messages() -> None:
    record = logging.LogRecord("x", logging.DEBUG, __file__, 1, "URL %s/getMe", ("http://h/bot123:SECRET",), None)
    assert Redact(["123:SECRET"]).filter(record)
    assert record.getMessage() == "URL http://h/bot<secret>/getMe"
