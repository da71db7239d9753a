"""Signed Slack requests for tests: events, slash commands and button presses, as Slack sends them.

Build a body (``event_body(app_mention(...))``, ``slash_command(...)``, ``block_actions(...)``),
then hand it to Bolt in-process with ``bolt_request(body, secret)`` and ``app.dispatch``, or over
HTTP with ``post(server.url, body, secret)`` to an app served by ``BoltServer``.
"""

from __future__ import annotations

import itertools
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlencode, urlsplit

from slack_bolt import App, BoltRequest
from slack_sdk.signature import SignatureVerifier

TEAM_ID = "T0001"
APP_ID = "A0001"
BOT_USER_ID = "UBOT"
FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
_ids = itertools.count(1)


def _ts() -> str:
    return f"{time.time():.6f}"


def signed_headers(
    body: str, signing_secret: str, *, content_type: str | None = None, timestamp: int | None = None
) -> dict[str, str]:
    """Headers Slack sends with ``body``: its content type and the v0 HMAC signature."""
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    signature = SignatureVerifier(signing_secret).generate_signature(timestamp=stamp, body=body) or ""
    kind = content_type or (JSON if body.startswith("{") else FORM)
    return {"content-type": kind, "x-slack-request-timestamp": stamp, "x-slack-signature": signature}


def bolt_request(body: str, signing_secret: str) -> BoltRequest:
    """A signed ``BoltRequest`` for ``app.dispatch``, as Bolt's adapters build one."""
    headers: dict[str, str | Sequence[str]] = {**signed_headers(body, signing_secret)}
    return BoltRequest(body=body, headers=headers)


def event_body(event: dict[str, Any], *, team_id: str = TEAM_ID, bot_user_id: str = BOT_USER_ID) -> str:
    """The Events API envelope around ``event``, as JSON."""
    authorization = {"enterprise_id": None, "team_id": team_id, "user_id": bot_user_id, "is_bot": True}
    return json.dumps(
        {
            "token": "verification-token",
            "team_id": team_id,
            "api_app_id": APP_ID,
            "event": {"event_ts": event.get("ts", _ts()), **event},
            "type": "event_callback",
            "event_id": f"Ev{next(_ids):08d}",
            "event_time": int(time.time()),
            "authorizations": [{**authorization, "is_enterprise_install": False}],
            "is_ext_shared_channel": False,
        }
    )


def app_mention(
    text: str, *, user: str = "U0001", channel: str = "C0001", bot_user_id: str = BOT_USER_ID
) -> dict[str, Any]:
    """An ``app_mention`` event; ``text`` follows the ``<@bot>`` mention."""
    return {
        "type": "app_mention",
        "user": user,
        "text": f"<@{bot_user_id}> {text}",
        "ts": _ts(),
        "channel": channel,
        "team": TEAM_ID,
    }


def message_im(text: str, *, user: str = "U0001", channel: str = "D0001") -> dict[str, Any]:
    """A ``message.im`` event: a direct message to the bot."""
    return {"type": "message", "channel_type": "im", "user": user, "text": text, "ts": _ts(), "channel": channel}


def file_share(file: dict[str, Any], *, text: str = "", user: str = "U0001", channel: str = "D0001") -> dict[str, Any]:
    """A ``message`` event with subtype ``file_share`` carrying a ``FakeSlack.add_file`` object."""
    return {**message_im(text, user=user, channel=channel), "subtype": "file_share", "files": [file]}


def slash_command(
    command: str,
    text: str,
    *,
    response_url: str,
    user_id: str = "U0001",
    channel_id: str = "C0001",
    team_id: str = TEAM_ID,
) -> str:
    """A slash command body, form-encoded as Slack posts it."""
    return urlencode(
        {
            "token": "verification-token",
            "team_id": team_id,
            "team_domain": "fake",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": f"user-{user_id}",
            "command": command,
            "text": text,
            "api_app_id": APP_ID,
            "response_url": response_url,
            "trigger_id": f"{next(_ids)}.trigger",
        }
    )


def block_actions(
    action_id: str,
    value: str = "",
    *,
    response_url: str,
    user_id: str = "U0001",
    channel_id: str = "C0001",
    message: dict[str, Any] | None = None,
) -> str:
    """A ``block_actions`` payload for a button press on ``message``, form-encoded."""
    message = message or {"type": "message", "text": "", "ts": _ts(), "user": BOT_USER_ID}
    action = {"action_id": action_id, "block_id": "b1", "type": "button", "value": value, "action_ts": _ts()}
    payload = {
        "type": "block_actions",
        "user": {"id": user_id, "username": f"user-{user_id}", "team_id": TEAM_ID},
        "api_app_id": APP_ID,
        "token": "verification-token",
        "container": {"type": "message", "message_ts": message["ts"], "channel_id": channel_id},
        "trigger_id": f"{next(_ids)}.trigger",
        "team": {"id": TEAM_ID, "domain": "fake"},
        "channel": {"id": channel_id, "name": "general"},
        "message": message,
        "response_url": response_url,
        "actions": [{**action, "text": {"type": "plain_text", "text": "More"}}],
    }
    return urlencode({"payload": json.dumps(payload)})


def post(url: str, body: str, signing_secret: str, *, timeout: float = 5.0) -> tuple[int, str]:
    """POST a signed body over HTTP; returns the status and the response text."""
    request = urllib.request.Request(url, body.encode(), signed_headers(body, signing_secret), method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


class BoltServer:
    """Serves a Bolt ``App`` over HTTP on ``127.0.0.1:<free port>``, every path to ``dispatch``.

    Bolt's own ``app.start()`` blocks and binds all interfaces; this runs in a thread instead.
    """

    def __init__(self, app: App) -> None:
        self.app = app
        self._server = _BoltHTTPServer(app)

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>/slack/events``."""
        return f"http://127.0.0.1:{self._server.server_address[1]}/slack/events"

    def __enter__(self) -> BoltServer:
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


class _BoltHTTPServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, app: App) -> None:
        super().__init__(("127.0.0.1", 0), _BoltHandler)
        self.app = app


class _BoltHandler(BaseHTTPRequestHandler):
    server: _BoltHTTPServer

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        request = BoltRequest(body=body, query=urlsplit(self.path).query, headers=dict(self.headers.items()))
        response = self.server.app.dispatch(request)
        self.send_response(response.status)
        for name, values in response.headers.items():
            for value in values if name.lower() != "content-length" else ():
                self.send_header(name, value)
        answer = response.body.encode()
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, format: str, *args: object) -> None:
        pass  # tests assert on responses, not on the access log
