"""``briefbot serve``: run every configured chat adapter in one process until SIGINT/SIGTERM.

Telegram runs on the main thread (python-telegram-bot installs its signal handlers there and shuts
down gracefully on SIGINT/SIGTERM) and its job queue sends every due digest this process can send
(Slack's too) and polls the due feeds, each minute. Slack, when configured as well, runs beside it
in a thread that is stopped when Telegram stops. Without Telegram, Slack runs on the main thread and
a plain thread does the minute's digests and feeds.
"""

from __future__ import annotations

import importlib
import logging
import signal
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from types import ModuleType
from typing import Any

from bot import metrics
from bot.config import Settings
from bot.digest import Deliver
from bot.errors import ConfigError
from bot.logjson import use_json_logs
from bot.service import BriefingService
from handlers.ops import start_ops_server

log = logging.getLogger(__name__)

MINUTE = 60.0
SLACK_STOP_SECONDS = 10.0
# These log every request URL, and a Bot API URL holds the bot's token.
_URL_LOGGERS = ("httpx", "httpcore")


def serve_forever(service: BriefingService, settings: Settings) -> None:
    """Serve the configured platforms until stopped; raises ``ConfigError`` when none can run."""
    _configure_logging(settings)
    use_json_logs(settings.log_json)
    enabled = settings.enabled_adapters
    slack = _slack_module() if "slack" in enabled else None
    running = [name for name in enabled if name != "slack" or slack is not None]
    if not running:
        raise ConfigError("No chat adapter can run: set TELEGRAM_BOT_TOKEN, or the Slack settings.")
    mode = "webhook" if settings.telegram_webhook_url else "long polling"
    telegram_mode = (
        f" (Telegram by {mode} via {_host(settings.telegram_api_base_url)})" if "telegram" in running else ""
    )
    log.info("Serving %s%s", ", ".join(running), telegram_mode)
    start_ops_server(service, settings)  # /healthz and /metrics when BRIEFBOT_METRICS_PORT is set
    threading.Thread(target=service.warm_up, name="warm-up", daemon=True).start()
    for name in running:
        metrics.ADAPTER_UP.set(1, platform=name)
    stop = threading.Event()
    deliverers: dict[str, Deliver] = {}
    if slack is not None:
        deliverers["slack"] = slack.slack_deliverer(slack.build_client(settings))
    if "telegram" not in running:
        assert slack is not None
        _stop_on_signals(stop)
        interval = settings.digest_interval_seconds
        threading.Thread(
            target=every_minute,
            args=(service, deliverers, stop),
            kwargs={"interval": interval},
            name="minutely",
            daemon=True,
        ).start()
        with refused_tokens_named():
            slack.start_slack(service, settings, stop=stop, host=settings.slack_host)
        return
    from handlers.telegram import run_telegram

    slack_thread = None
    if slack is not None:
        slack_thread = threading.Thread(
            target=slack.start_slack,
            args=(service, settings),
            kwargs={"stop": stop, "host": settings.slack_host},
            name="slack",
            daemon=True,
        )
        slack_thread.start()
    try:
        with refused_tokens_named():
            run_telegram(service, settings, other_deliverers=deliverers)
    finally:
        stop.set()
        if slack_thread is not None:
            slack_thread.join(SLACK_STOP_SECONDS)


@contextmanager
def refused_tokens_named() -> Iterator[None]:
    """Turn a platform's refusal of our token into a ``ConfigError`` naming the setting, never the token.

    python-telegram-bot writes the rejected token itself into ``InvalidToken``, and Bolt's failed
    ``auth.test`` is a traceback; both become one line an operator can act on.
    """
    try:
        yield
    except Exception as error:
        kind = f"{type(error).__module__}.{type(error).__name__}"
        if kind == "telegram.error.InvalidToken":
            raise ConfigError("Telegram refused TELEGRAM_BOT_TOKEN: check the token (it is not shown here).") from None
        if kind == "slack_bolt.error.BoltError" and "auth.test" in str(error):
            raise ConfigError("Slack refused SLACK_BOT_TOKEN (auth.test failed): check the token.") from None
        raise


def every_minute(
    service: BriefingService, deliverers: Mapping[str, Deliver], stop: threading.Event, *, interval: float = MINUTE
) -> None:
    """Until ``stop``: each ``interval`` seconds (a minute) send the due digests and poll the due feeds."""
    while not stop.wait(interval):
        try:
            run = service.run_digests(service.clock(), deliverers)
            if run.sent or run.failed or run.deactivated:
                log.info("Digests: %s", run.summary())
            service.poll_due_feeds()
        except Exception:
            # A bad minute must not end digests and feeds for good: log it and try again next minute.
            log.exception("The minute's digests and feeds failed")


def _slack_module() -> ModuleType | None:
    """``handlers.slack`` if it has what serving needs, else None (logged)."""
    try:
        module = importlib.import_module("handlers.slack")
    except ModuleNotFoundError as error:
        if error.name != "handlers.slack":
            raise
        module = None
    if module is None or not all(hasattr(module, n) for n in ("start_slack", "slack_deliverer", "build_client")):
        log.error("SLACK_BOT_TOKEN is set but this build's handlers.slack cannot be served; Slack is off.")
        return None
    return module


def _stop_on_signals(stop: threading.Event) -> None:
    """Set ``stop`` on SIGINT or SIGTERM (main thread only), for a graceful shutdown."""

    def handler(signum: int, frame: Any) -> None:
        log.info("Received %s; stopping", signal.Signals(signum).name)
        stop.set()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, handler)


def _configure_logging(settings: Settings) -> None:
    """Show our INFO logs (which adapters run) at the configured level, never a URL carrying a token."""
    root = logging.getLogger()
    root.setLevel(settings.log_level.upper())
    for name in _URL_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
    # APScheduler logs every run of the minute jobs at INFO.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    secrets = [
        secret.get_secret_value()
        for secret in (
            settings.telegram_bot_token,
            settings.telegram_webhook_secret,
            settings.slack_bot_token,
            settings.slack_app_token,
            settings.slack_signing_secret,
        )
        if secret is not None and secret.get_secret_value()
    ]
    for handler in root.handlers:
        handler.addFilter(Redact(secrets))


class Redact(logging.Filter):
    """Replaces secrets in log messages (python-telegram-bot logs its API URL, token included, at DEBUG)."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self.secrets = sorted(secrets, key=len, reverse=True)

    def filter(self, record: logging.LogRecord) -> bool:
        """Always keep the record, with every secret in its message replaced."""
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
            for secret in self.secrets:
                message = message.replace(secret, "<secret>")
            record.msg, record.args = message, None
        # Tracebacks too: python-telegram-bot's InvalidToken carries the rejected token in its text.
        if record.exc_info and record.exc_info[0] is not None:
            trace = record.exc_text or logging.Formatter().formatException(record.exc_info)
            if any(secret in trace for secret in self.secrets):
                for secret in self.secrets:
                    trace = trace.replace(secret, "<secret>")
                record.exc_info, record.exc_text = None, trace  # formatters print exc_text as it is
        return True


def _host(url: str) -> str:
    """The scheme and host of a base URL: enough to say where we connect, without any path or secret."""
    scheme, _, rest = url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0].rpartition('@')[2]}"
