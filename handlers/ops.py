"""``GET /healthz`` and ``GET /metrics`` on ``BRIEFBOT_METRICS_PORT``, served by a small daemon thread.

``/healthz`` answers 200 with ``{"status": "ok", ...}`` when the store answers a query, 503 otherwise,
and lists the adapters running in this process; load balancers and orchestrators probe it.
``/metrics`` is the Prometheus text exposition of ``bot.metrics``.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from bot import metrics
from bot.config import Settings
from bot.service import BriefingService

log = logging.getLogger(__name__)


class OpsServer(ThreadingHTTPServer):
    """The health and metrics endpoint of one bot process."""

    daemon_threads = True

    def __init__(self, host: str, port: int, service: BriefingService) -> None:
        super().__init__((host, port), _Handler)
        self.service = service
        self.started = time.time()

    @property
    def url(self) -> str:
        """The base URL it listens on."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}"

    def health(self) -> tuple[int, dict[str, object]]:
        """The status code and body of ``/healthz``."""
        adapters = sorted(k[0] for k, v in metrics.ADAPTER_UP._values.items() if v)
        body: dict[str, object] = {"adapters": adapters, "uptime_seconds": round(time.time() - self.started, 1)}
        try:
            body["articles"] = self.service.store.article_count()
        except Exception as error:  # the store is down or unreachable: say so, don't crash the probe
            log.warning("Health check: the store is unreachable: %r", error)
            return 503, {"status": "unavailable", "store": f"unreachable: {type(error).__name__}", **body}
        return 200, {"status": "ok", "store": "ok", **body}


class _Handler(BaseHTTPRequestHandler):
    server: OpsServer

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path == "/healthz":
            status, body = self.server.health()
            self._send(status, "application/json", json.dumps(body).encode())
        elif path == "/metrics":
            self._send(200, "text/plain; version=0.0.4; charset=utf-8", metrics.render().encode())
        else:
            self._send(404, "text/plain", b"not found\n")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Probes come every few seconds: keep them out of the log."""


def start_ops_server(service: BriefingService, settings: Settings) -> OpsServer | None:
    """Serve ``/healthz`` and ``/metrics`` on a daemon thread when ``BRIEFBOT_METRICS_PORT`` is set."""
    if settings.metrics_port is None:
        return None
    server = OpsServer(settings.metrics_host, settings.metrics_port, service)
    threading.Thread(target=server.serve_forever, name="ops-http", daemon=True).start()
    log.info("Health and metrics on %s/healthz and /metrics", server.url)
    return server
