"""A small web server on 127.0.0.1 for fetch tests: routes registered per test, requests recorded.

Routes are plain callables that write a whole response, so a test can serve a page, a redirect, an
error, a slow drip, a huge body or a gzip bomb. Use it as a context manager or via ``start``/``stop``.
"""

from __future__ import annotations

import contextlib
import shutil
import ssl
import subprocess
import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

from tests.fakes.threaded import send_body

Route = Callable[[BaseHTTPRequestHandler], None]


@dataclass(frozen=True)
class Seen:
    """One request the server received."""

    path: str
    headers: dict[str, str]


class FakeWebServer:
    """A threaded HTTP server bound to a free port on 127.0.0.1; HTTPS when given a TLS context."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.sni_names: list[str | None] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True
        self._scheme = "http"
        if tls is not None:
            tls.sni_callback = lambda _sock, name, _ctx: self.sni_names.append(name)
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
            self._scheme = "https"
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name="fake-web", daemon=True)

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        """The base URL, without a trailing slash."""
        return f"{self._scheme}://127.0.0.1:{self.port}"

    def start(self) -> FakeWebServer:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving and close the socket."""
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeWebServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def route(self, path: str, handler: Route) -> str:
        """Serve ``path`` with ``handler``; gives the full URL."""
        self.routes[path] = handler
        return self.url + path

    def page(
        self,
        path: str,
        body: str | bytes,
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> str:
        """Serve a fixed response at ``path``; gives the full URL."""
        return self.route(path, respond(body, status=status, content_type=content_type, headers=headers))

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        """Redirect ``path`` to ``location`` (absolute or relative); gives the full URL."""
        return self.route(path, respond(b"", status=status, headers={"Location": location}))

    def hits(self, path: str) -> list[Seen]:
        """The requests made for ``path``."""
        with self._lock:
            return [seen for seen in self.requests if seen.path == path]

    def _record(self, seen: Seen) -> None:
        with self._lock:
            self.requests.append(seen)


def _handler_for(server: FakeWebServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            server._record(Seen(self.path, {k.lower(): v for k, v in self.headers.items()}))
            route = server.routes.get(self.path, respond("Not found", status=404))
            # The client giving up first is what several tests are about.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                route(self)

        def log_message(self, format: str, *args: object) -> None:
            """Keep test output quiet."""

    return Handler


def respond(
    body: str | bytes,
    *,
    status: int = 200,
    content_type: str = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
) -> Route:
    """A route that answers with one complete response."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def handle(request: BaseHTTPRequestHandler) -> None:
        send_body(request, status, data, content_type, headers)

    return handle


def slow_drip(*, interval: float = 0.1, max_chunks: int = 300, in_headers: bool = False) -> Route:
    """A route that sends one byte every ``interval`` seconds (headers or body) for a long time."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        if in_headers:
            request.wfile.write(b"HTTP/1.1 200 OK\r\n")
            drip = b"X-Filler: " + b"a" * max_chunks
        else:
            request.send_response(200)
            request.send_header("Content-Type", "text/html; charset=utf-8")
            request.end_headers()
            drip = b"<p>" + b"a" * max_chunks
        for byte in drip:
            request.wfile.write(bytes([byte]))
            request.wfile.flush()
            time.sleep(interval)

    return handle


def huge_body(size: int, *, declare_length: bool, chunk: int = 64 * 1024) -> Route:
    """A route that streams ``size`` bytes of HTML, with or without a Content-Length header."""

    def handle(request: BaseHTTPRequestHandler) -> None:
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        if declare_length:
            request.send_header("Content-Length", str(size))
        request.end_headers()
        sent = 0
        while sent < size:
            part = min(chunk, size - sent)
            request.wfile.write(b"a" * part)
            sent += part

    return handle


def gzip_bomb(decoded_size: int, *, block: int = 1 << 20) -> Route:
    """A route whose small gzip body inflates to ``decoded_size`` NUL bytes."""
    # Compressed block by block so that building the bomb never holds it inflated.
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    parts = [packer.compress(b"\0" * min(block, decoded_size - done)) for done in range(0, decoded_size, block)]
    data = b"".join(parts) + packer.flush()
    return respond(data, content_type="text/html", headers={"Content-Encoding": "gzip"})


def conditional(body: str, *, etag: str, last_modified: str) -> Route:
    """A route that answers 304 when the request carries a matching validator."""
    full = respond(body, headers={"ETag": etag, "Last-Modified": last_modified})
    not_modified = respond(b"", status=304, headers={"ETag": etag, "Last-Modified": last_modified})

    def handle(request: BaseHTTPRequestHandler) -> None:
        fresh = request.headers.get("If-None-Match") == etag or (
            request.headers.get("If-None-Match") is None and request.headers.get("If-Modified-Since") == last_modified
        )
        (not_modified if fresh else full)(request)

    return handle


def self_signed_certificate(directory: Path, host: str) -> tuple[Path, Path] | None:
    """A certificate and key for ``host`` made with the openssl tool, or None when it is missing."""
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "1",
            "-subj",
            f"/CN={host}",
            "-addext",
            f"subjectAltName=DNS:{host}",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
        timeout=30,
    )
    return cert, key
