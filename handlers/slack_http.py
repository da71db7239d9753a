"""A small threaded HTTP server for a Bolt ``App``: Events API, slash commands and interactivity on one path.

Bolt's own ``app.start()`` is a single-threaded development server that blocks and binds every
interface; this one answers requests concurrently (a slow request never holds up Slack's 3-second
acknowledgement of another), binds the host it is given, caps request sizes, and can be stopped.
Signature checks, stale timestamps and ``url_verification`` are Bolt's, in ``app.dispatch``.
"""

from __future__ import annotations

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from slack_bolt import App, BoltRequest

log = logging.getLogger(__name__)

EVENTS_PATH = "/slack/events"
MAX_BODY_BYTES = 2 * 1024 * 1024  # Slack's payloads are far smaller; anything bigger is not Slack
READ_TIMEOUT = 15.0  # seconds a client may take to send its request


class SlackHTTPServer:
    """Serves ``app`` at ``path`` on ``host:port`` (port 0 picks a free one) from a background thread."""

    def __init__(self, app: App, *, host: str = "0.0.0.0", port: int = 3000, path: str = EVENTS_PATH) -> None:
        self._server = _Server(app, host, port, path)
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        """The port actually bound."""
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The events URL, e.g. ``http://127.0.0.1:3000/slack/events``."""
        host = str(self._server.server_address[0])
        return f"http://{'127.0.0.1' if host == '0.0.0.0' else host}:{self.port}{self._server.path}"

    def start(self) -> SlackHTTPServer:
        """Serve in a daemon thread; returns ``self``."""
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.2,), name="slack-http", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        """Stop serving and release the port."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(timeout)
        self._server.server_close()

    def __enter__(self) -> SlackHTTPServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, app: App, host: str, port: int, path: str) -> None:
        self.app, self.path = app, path
        super().__init__((host, port), _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    timeout = READ_TIMEOUT

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != self.server.path:
            return self._send(404, b"Not Found")
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            return self._send(411, b"Length Required")
        if int(length) > MAX_BODY_BYTES:
            return self._send(413, b"Payload Too Large")
        body = self.rfile.read(int(length)).decode("utf-8", errors="replace")
        headers = {name.lower(): value for name, value in self.headers.items()}
        try:
            # Bolt parses the body before it checks the signature: junk must not reach the listeners.
            request = BoltRequest(body=body, query=url.query, headers=headers)
        except ValueError:
            return self._send(400, b"Bad Request")
        response = self.server.app.dispatch(request)
        answer = (response.body or "").encode()
        self.send_response(response.status)
        for name, values in response.headers.items():
            if name.lower() != "content-length":
                for value in values:
                    self.send_header(name, value)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def do_GET(self) -> None:
        self._send(404, b"Not Found")

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        log.debug("%s " + format, self.address_string(), *args)
