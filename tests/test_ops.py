"""Operations: /healthz and /metrics over HTTP on 127.0.0.1, the metrics the service counts, JSON log lines."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from bot import metrics
from bot.config import Settings
from bot.logjson import JsonFormatter
from bot.service import BriefingService
from handlers.ops import OpsServer, start_ops_server


@pytest.fixture
def ops(service: BriefingService, settings: Settings) -> Iterator[OpsServer]:
    server = start_ops_server(service, settings.model_copy(update={"metrics_port": 0}))
    assert server is not None
    yield server
    server.shutdown()
    server.server_close()


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


def test_off_unless_a_port_is_set(service: BriefingService, settings: Settings) -> None:
    assert settings.metrics_port is None and start_ops_server(service, settings) is None


def test_healthz_reports_the_store(ops: OpsServer, service: BriefingService) -> None:
    status, kind, body = get(f"{ops.url}/healthz")
    assert (status, kind) == (200, "application/json")
    health = json.loads(body)
    assert health["status"] == "ok" and health["articles"] == service.store.article_count()
    service.store.close()  # the store goes away: the probe says so instead of failing
    status, _, body = get(f"{ops.url}/healthz")
    assert status == 503 and json.loads(body)["status"] == "unavailable"
    assert get(f"{ops.url}/nope")[0] == 404


def test_metrics_count_questions_loads_and_digests(ops: OpsServer, service: BriefingService) -> None:
    before = metrics.QUESTIONS.value()
    service.ask("what did anyone say about oil?")
    assert metrics.QUESTIONS.value() == before + 1
    status, kind, body = get(f"{ops.url}/metrics")
    assert status == 200 and kind.startswith("text/plain; version=0.0.4")
    assert f"briefbot_questions_total {before + 1:g}" in body
    assert "# TYPE briefbot_answer_seconds histogram" in body
    assert 'briefbot_answer_seconds_bucket{le="+Inf"}' in body
    assert 'briefbot_loads_total{status="loaded"}' in body  # the seed article
    for line in body.splitlines():
        assert line.startswith("#") or len(line.rsplit(" ", 1)) == 2


def test_json_log_lines() -> None:
    record = logging.LogRecord("bot.digest", logging.WARNING, __file__, 1, "Digest %s failed", (7,), None)
    record.chat = "telegram:42"
    line = json.loads(JsonFormatter().format(record))
    assert (line["level"], line["logger"], line["message"], line["chat"]) == (
        "WARNING", "bot.digest", "Digest 7 failed", "telegram:42")
    try:
        raise ValueError("boom")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    assert "ValueError: boom" in json.loads(JsonFormatter().format(record))["exception"]
