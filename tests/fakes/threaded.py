"""What the fake web APIs share: serving on ``127.0.0.1:<free port>`` in a daemon thread, and waiting.

A fake subclasses ``ThreadedFake``, builds its ``ThreadingHTTPServer`` in ``_make_server`` and keeps
its recorded state under ``self._changed``, notifying it at every request so ``wait_for`` wakes up.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Self, TypeVar

T = TypeVar("T")


class ThreadedFake:
    """A fake served in a daemon thread; start it with ``with``/``async with`` or ``start()``."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._server: ThreadingHTTPServer | None = None

    def _make_server(self) -> ThreadingHTTPServer:
        """A server bound to ``127.0.0.1:0`` whose handlers answer for this fake."""
        raise NotImplementedError

    # ----- lifecycle --------------------------------------------------------------------------

    def start(self) -> Self:
        """Serve on a free port in a daemon thread; returns ``self``."""
        self._server = self._make_server()
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._server:
            self._server.shutdown()
            self._server.server_close()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    async def __aenter__(self) -> Self:
        return self.start()

    async def __aexit__(self, *exc: object) -> None:
        await asyncio.to_thread(self.stop)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``."""
        assert self._server, "start the fake first"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    # ----- waiting ----------------------------------------------------------------------------

    def wait_for_sync(self, predicate: Callable[[], T], timeout: float = 5.0) -> T:
        """The first truthy ``predicate()``, re-checked at every request and every 20 ms, until ``timeout``."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while not (value := predicate()):
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError(f"not met within {timeout} s")
                # A short slice: the predicate may watch state the fake is never told about.
                self._changed.wait(min(remaining, 0.02))
            return value

    async def wait_for(self, predicate: Callable[[], T], timeout: float = 5.0) -> T:
        """``wait_for_sync`` for async tests: polls without blocking the event loop."""
        deadline = time.monotonic() + timeout
        while True:
            with self._changed:
                value = predicate()
            if value:
                return value
            if time.monotonic() >= deadline:
                raise TimeoutError(f"not met within {timeout} s")
            await asyncio.sleep(0.01)


def send_body(
    request: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> None:
    """Write one complete response: status, content type and length, any extra headers, the body."""
    request.send_response(status)
    request.send_header("Content-Type", content_type)
    request.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        request.send_header(name, value)
    request.end_headers()
    request.wfile.write(body)
