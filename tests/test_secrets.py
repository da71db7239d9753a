"""Tokens never reach logs, error messages or the terminal: start-up with good and bad tokens, errors in flight.

``briefbot serve`` runs in a subprocess (working directory a temp dir, so no developer's ``.env`` is read)
against the fake platforms on 127.0.0.1; everything it prints is searched for the secrets.
"""

from __future__ import annotations

import logging
import signal
import subprocess
import time
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from pydantic import SecretStr
from slack_sdk import WebClient

from bot.config import Settings, load_settings
from bot.errors import ConfigError
from bot.models import User
from bot.service import BriefingService
from bot.store import Store
from handlers.slack import SlackAdapter, build_client
from tests import serving
from tests.conftest import REPO, SEED_DIR
from tests.fakes.slack_api import FakeSlack
from tests.fakes.telegram_api import FakeTelegram
from tests.serving import can_connect, free_port, output

TELEGRAM_TOKEN = "987654:TG-SECRET-TOKEN-abcdef"
SLACK_TOKEN = "xoxb-SLACK-SECRET-TOKEN"
SIGNING_SECRET = "SLACK-SIGNING-SECRET-123"
APP_TOKEN = "xapp-SLACK-APP-SECRET"
WEBHOOK_SECRET = "TG-WEBHOOK-SECRET-456"
DATABASE_PASSWORD = "PG-PASSWORD-789"
SECRETS = (TELEGRAM_TOKEN, SLACK_TOKEN, SIGNING_SECRET, APP_TOKEN, WEBHOOK_SECRET, DATABASE_PASSWORD)
# Fragments too: a log line cut or escaped differently must not show the heart of a secret either.
FRAGMENTS = ("TG-SECRET", "SLACK-SECRET", "SIGNING-SECRET", "APP-SECRET", "WEBHOOK-SECRET", "PG-PASSWORD")


def assert_no_secret(text: str) -> None:
    leaked = [s for s in (*SECRETS, *FRAGMENTS) if s in text]
    assert not leaked, f"{leaked} appear in:\n{text[-3000:]}"


def briefbot(tmp_path: Path, *args: str, **settings: str) -> AbstractContextManager[subprocess.Popen[bytes]]:
    """``briefbot ARGS`` on the test's own database, with only ``settings`` set."""
    return serving.briefbot(tmp_path, "--db", str(tmp_path / "s.db"), *args, **settings)


# ----- settings and their errors ------------------------------------------------------------------


def every_secret() -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
        "TELEGRAM_WEBHOOK_SECRET": WEBHOOK_SECRET,
        "SLACK_BOT_TOKEN": SLACK_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_APP_TOKEN": APP_TOKEN,
        "BRIEFBOT_DATABASE_URL": f"postgresql://bot:{DATABASE_PASSWORD}@db:5432/briefbot",
    }


def test_settings_never_show_their_secrets() -> None:
    settings = Settings(_env_file=None, **every_secret())  # type: ignore[arg-type]
    for shown in (repr(settings), str(settings), settings.model_dump_json(), str(settings.model_dump())):
        assert_no_secret(shown)
    assert isinstance(settings.telegram_bot_token, SecretStr)
    assert settings.enabled_adapters == ("telegram", "slack")


@pytest.mark.parametrize(
    ("bad", "named"),
    [
        ({"BRIEFBOT_PAGE_SIZE": "lots"}, "BRIEFBOT_PAGE_SIZE"),
        ({"BRIEFBOT_DATABASE_URL": f"mysql://bot:{DATABASE_PASSWORD}@db/briefbot"}, "BRIEFBOT_DATABASE_URL"),
        ({"SLACK_PORT": "0"}, "SLACK_PORT"),
        ({"TELEGRAM_WEBHOOK_PORT": "http"}, "TELEGRAM_WEBHOOK_PORT"),
    ],
)
def test_a_bad_setting_is_named_without_echoing_any_secret(
    monkeypatch: pytest.MonkeyPatch, bad: dict[str, str], named: str
) -> None:
    for name, value in {**every_secret(), **bad}.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as refused:
        load_settings(_env_file=None)
    assert named in refused.value.user_message
    assert_no_secret(refused.value.user_message)
    assert_no_secret(str(refused.value) + repr(refused.value))


def test_dot_env_is_ignored_by_git_and_the_example_holds_no_secrets() -> None:
    ignored = (REPO / ".gitignore").read_text().splitlines()
    assert ".env" in ignored
    checked = subprocess.run(["git", "check-ignore", "-q", ".env"], cwd=REPO, capture_output=True)
    assert checked.returncode in (0, 128)  # 0: ignored; 128: not a git checkout here
    lines = (REPO / ".env.example").read_text().splitlines()
    example = dict(line.split("=", 1) for line in lines if "=" in line and not line.startswith("#"))
    for name in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_WEBHOOK_SECRET", "SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
        assert example[name] == "", name


# ----- start-up --------------------------------------------------------------------------------------


def test_serve_with_a_rejected_telegram_token_says_so_without_printing_it(tmp_path: Path) -> None:
    with FakeTelegram(token="111:THE-RIGHT-ONE", max_poll_seconds=1) as fake:
        settings = {
            "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
            "TELEGRAM_API_BASE_URL": fake.base_url,
            "TELEGRAM_FILE_BASE_URL": fake.file_base_url,
            "BRIEFBOT_LOG_LEVEL": "DEBUG",
        }
        with briefbot(tmp_path, "serve", **settings) as server:
            server.wait(timeout=40)
    shown = output(tmp_path)
    assert server.returncode == 1, shown
    # python-telegram-bot logs its own traceback of the refusal; ours is one line. Neither shows the token.
    assert shown.rstrip().endswith(
        "Error: Telegram refused TELEGRAM_BOT_TOKEN: check the token (it is not shown here)."
    )
    assert_no_secret(shown)


def test_serve_with_a_rejected_slack_token_says_so_without_printing_it(tmp_path: Path) -> None:
    with FakeSlack(bot_token="xoxb-the-right-one") as fake:
        settings = {
            "SLACK_BOT_TOKEN": SLACK_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_BASE_URL": fake.base_url,
            "SLACK_PORT": str(free_port()),
            "BRIEFBOT_LOG_LEVEL": "DEBUG",
        }
        with briefbot(tmp_path, "serve", **settings) as server:
            server.wait(timeout=40)
    shown = output(tmp_path)
    assert server.returncode == 1, shown
    assert "Slack refused SLACK_BOT_TOKEN" in shown and "Traceback" not in shown
    assert_no_secret(shown)


def test_serve_logs_which_adapters_run_and_no_secret_even_at_debug(tmp_path: Path) -> None:
    port = free_port()
    with FakeTelegram(token=TELEGRAM_TOKEN, max_poll_seconds=1) as telegram, FakeSlack(bot_token=SLACK_TOKEN) as slack:
        settings = {
            "TELEGRAM_BOT_TOKEN": TELEGRAM_TOKEN,
            "TELEGRAM_API_BASE_URL": telegram.base_url,
            "TELEGRAM_FILE_BASE_URL": telegram.file_base_url,
            "SLACK_BOT_TOKEN": SLACK_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_BASE_URL": slack.base_url,
            "SLACK_PORT": str(port),
            "BRIEFBOT_LOG_LEVEL": "DEBUG",
        }
        with briefbot(tmp_path, "serve", **settings) as server:
            telegram.wait_for_sync(lambda: telegram.counts["getUpdates"] >= 1, timeout=30)
            telegram.wait_for_sync(lambda: can_connect(port), timeout=15)
            telegram.push_message(2002, 2002, "what did Imomi say about oil?")
            telegram.wait_for_sync(lambda: telegram.texts(2002), timeout=10)
            time.sleep(0.5)
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=20)
    shown = output(tmp_path)
    assert "Serving telegram, slack" in shown, shown[-2000:]
    assert "DEBUG" in shown  # the most talkative level really was on
    assert_no_secret(shown)


# ----- errors in flight -------------------------------------------------------------------------------


def test_a_failing_slack_call_is_logged_without_the_token(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with FakeSlack(bot_token=SLACK_TOKEN) as fake:
        settings = Settings(
            _env_file=None,
            BRIEFBOT_DB_PATH=tmp_path / "e.db",
            BRIEFBOT_ARTICLES_DIR=SEED_DIR,
            SLACK_BOT_TOKEN=SLACK_TOKEN,
            SLACK_SIGNING_SECRET=SIGNING_SECRET,
            SLACK_API_BASE_URL=fake.base_url,
        )
        store = Store.open(settings.db_path)
        adapter = SlackAdapter(BriefingService(store, settings), settings)
        client: WebClient = build_client(settings)
        fake.fail_next("chat.postMessage", status=500, times=10)
        with caplog.at_level(logging.DEBUG):
            reply = adapter.service.ask_in_chat(User("slack", "U1"), "c", "what did Imomi say about oil?")
            with pytest.raises(Exception) as failed:  # whatever the client raises must not hold the token
                adapter.post(client, reply, "C0001", "U1", thread_ts=None)
            logging.getLogger("handlers.slack").error("failed", exc_info=failed.value)
        store.close()
    assert_no_secret(str(failed.value) + repr(failed.value))
    assert_no_secret(caplog.text)
    assert_no_secret("\n".join(str(r.__dict__) for r in caplog.records))
