"""A fake Slack Web API on 127.0.0.1 for slack_sdk's ``WebClient``, validating as Slack does.

Modelled on slack-bolt's ``tests/mock_web_api_server``: canned answers per method, every request
recorded (``sent``) and counted (``counts``)::

    with FakeSlack() as fake:
        client = WebClient(token="xoxb-test", base_url=fake.base_url)  # base_url must end in "/"

It also serves the ``response_url`` of slash commands and actions (``/respond/<id>``, posts kept
in ``responses``) and private file downloads (``url_private``, which need the bot token).
"""

from __future__ import annotations

import contextlib
import json
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fakes.threaded import ThreadedFake, send_body

MAX_BLOCKS = 50
MAX_TEXT = 3000
MAX_MESSAGE = 40_000
DROP = 0  # a "status" for fail_next: close the connection without answering
RESPONSE_URL_USES = 5  # Slack accepts five responses per response_url
SIGN_IN_PAGE = b"<!DOCTYPE html><html><head><title>Slack</title></head><body>Sign in to Slack</body></html>"
_BLOCK_TYPES = frozenset(
    {"section", "context", "actions", "divider", "header", "image", "rich_text", "input", "file", "video"}
)


class Call(NamedTuple):
    """One Web API request: the method and its parameters (form, query or JSON body)."""

    method: str
    params: dict[str, Any]


class SlackError(Exception):
    """An ``{"ok": false}`` answer, with the messages Slack adds for ``invalid_blocks``."""

    def __init__(self, error: str, messages: list[str] | None = None) -> None:
        super().__init__(error)
        self.error, self.messages = error, messages or []

    def body(self) -> dict[str, Any]:
        """The JSON Slack sends for this error."""
        body: dict[str, Any] = {"ok": False, "error": self.error}
        return {**body, "response_metadata": {"messages": self.messages}} if self.messages else body


def utf16(text: str) -> int:
    """Length in UTF-16 code units; counting so is never laxer than Slack's character count."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def block_errors(blocks: object, pointer: str = "/blocks") -> list[str]:
    """Slack's ``invalid_blocks`` messages for a list of Block Kit blocks; empty when valid."""
    if not isinstance(blocks, list):
        return [f"[ERROR] must provide an array [json-pointer:{pointer}]"]
    errors = []
    if len(blocks) > MAX_BLOCKS:
        errors.append(f"[ERROR] no more than {MAX_BLOCKS} items allowed [json-pointer:{pointer}]")
    for index, block in enumerate(blocks):
        where = f"{pointer}/{index}"
        kind = block.get("type") if isinstance(block, dict) else None
        if kind not in _BLOCK_TYPES:
            errors.append(f"[ERROR] unsupported type: {kind} [json-pointer:{where}/type]")
        elif kind == "section":
            if "text" not in block and "fields" not in block:
                errors.append(f"[ERROR] must provide either text or fields [json-pointer:{where}]")
            if "text" in block:
                errors += _text_errors(block["text"], f"{where}/text", MAX_TEXT)
        elif kind == "context":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 10:
                errors.append(f"[ERROR] must have between 1 and 10 items [json-pointer:{where}/elements]")
            for i, element in enumerate(elements):
                if element.get("type") in ("mrkdwn", "plain_text"):
                    errors += _text_errors(element, f"{where}/elements/{i}", MAX_TEXT)
        elif kind == "actions":
            elements = block.get("elements") or []
            if not 1 <= len(elements) <= 25:
                errors.append(f"[ERROR] must have between 1 and 25 items [json-pointer:{where}/elements]")
            for i, element in enumerate(elements):
                errors += _element_errors(element, f"{where}/elements/{i}")
        elif kind == "header":
            errors += _text_errors(block.get("text"), f"{where}/text", 150, plain=True)
    return errors


def _text_errors(text: object, where: str, limit: int, *, plain: bool = False) -> list[str]:
    kinds = ("plain_text",) if plain else ("plain_text", "mrkdwn")
    if not isinstance(text, dict) or text.get("type") not in kinds:
        return [f"[ERROR] must be a valid text object [json-pointer:{where}]"]
    size = utf16(str(text.get("text", "")))
    if size == 0:
        return [f"[ERROR] must be more than 0 characters [json-pointer:{where}/text]"]
    if size > limit:
        return [f"[ERROR] must be less than {limit + 1} characters [json-pointer:{where}/text]"]
    return []


def _element_errors(element: dict[str, Any], where: str) -> list[str]:
    if element.get("type") != "button":
        return []
    errors = _text_errors(element.get("text"), f"{where}/text", 75, plain=True)
    if utf16(str(element.get("action_id", ""))) > 255:
        errors.append(f"[ERROR] must be less than 256 characters [json-pointer:{where}/action_id]")
    if utf16(str(element.get("value", ""))) > 2000:
        errors.append(f"[ERROR] must be less than 2001 characters [json-pointer:{where}/value]")
    return errors


class FakeSlack(ThreadedFake):
    """The Web API on ``127.0.0.1:<free port>``; start it with ``with``/``async with`` or ``start()``.

    :param channels: public channels the bot is in; add more with ``add_channel``.
    """

    def __init__(
        self,
        *,
        bot_token: str = "xoxb-test",
        team_id: str = "T0001",
        bot_user_id: str = "UBOT",
        channels: tuple[str, ...] = ("C0001",),
    ) -> None:
        super().__init__()
        self.bot_token, self.team_id, self.bot_user_id = bot_token, team_id, bot_user_id
        self.sent: list[Call] = []
        self.counts: Counter[str] = Counter()
        self.responses: dict[str, list[dict[str, Any]]] = {}  # response_url id → posted JSON bodies
        self.downloads: list[Call] = []  # private file downloads: path and the Authorization header sent
        self._channels: dict[str, dict[str, Any]] = {}
        self._users: set[str] = {bot_user_id}
        self._messages: dict[tuple[str, str], dict[str, Any]] = {}
        self._ephemeral: list[dict[str, Any]] = []
        self._files: dict[str, tuple[dict[str, Any], bytes]] = {}
        self._faults: dict[str, list[int]] = {}
        self._errors: dict[str, list[int]] = {}  # HTTP statuses for the next calls of a method; DROP closes the socket
        self._next_ts = 0
        for channel in channels:
            self.add_channel(channel)

    def _make_server(self) -> _Server:
        return _Server(self)

    @property
    def base_url(self) -> str:
        """What ``WebClient(base_url=...)`` takes; it ends in "/" because the client uses urljoin."""
        return f"{self.url}/api/"

    def response_url(self, response_id: str = "1") -> str:
        """A ``response_url`` whose posts land in ``responses[response_id]``."""
        return f"{self.url}/respond/{response_id}"

    # ----- what tests arrange -----------------------------------------------------------------

    def add_channel(self, channel_id: str, *, archived: bool = False, members: tuple[str, ...] = ()) -> None:
        """Make a channel known; with ``members`` only they may get ephemeral messages there."""
        with self._changed:
            self._channels[channel_id] = {"id": channel_id, "is_archived": archived, "members": set(members)}
            self._users.update(members)

    def archive(self, channel_id: str) -> None:
        """Archive a channel: posting to it then fails with ``is_archived``."""
        with self._changed:
            self._channels[channel_id]["is_archived"] = True

    def add_user(self, user_id: str) -> None:
        """Make a user known, so ``conversations.open`` can open a DM with them."""
        with self._changed:
            self._users.add(user_id)

    def add_file(self, file_id: str, content: bytes, name: str, mimetype: str = "text/plain") -> dict[str, Any]:
        """Store a file for ``files.info`` and its private download; returns Slack's file object."""
        private = f"{self.url}/files-pri/{self.team_id}-{file_id}/{name}"
        meta = {"id": file_id, "name": name, "title": name, "mimetype": mimetype, "size": len(content)}
        meta.update(url_private=private, url_private_download=f"{private}?download=1")
        with self._changed:
            self._files[file_id] = (meta, content)
        return dict(meta)

    def fail_next(self, method: str, *, retry_after: int = 1, times: int = 1, status: int = 429) -> None:
        """Answer the next ``times`` calls of ``method`` with HTTP 429 and ``Retry-After`` (or ``status``, e.g. 500)."""
        with self._changed:
            if status != 429:
                self._errors.setdefault(method, []).extend([status] * times)
                return
            self._faults.setdefault(method, []).extend([retry_after] * times)

    def drop_next(self, method: str, *, times: int = 1) -> None:
        """Close the connection of the next ``times`` calls of ``method`` without answering (nothing is done)."""
        self.fail_next(method, status=DROP, times=times)

    # ----- what tests read --------------------------------------------------------------------

    def calls(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every recorded call of ``method``, failed ones included."""
        with self._changed:
            return [c.params for c in self.sent if c.method == method]

    def messages(self, channel: str) -> list[dict[str, Any]]:
        """Messages the bot posted in a channel (as last updated), oldest first."""
        with self._changed:
            return [m for (c, _), m in self._messages.items() if c == channel]

    def ephemeral(self, user: str | None = None) -> list[dict[str, Any]]:
        """Ephemeral messages posted, optionally only those for one user."""
        with self._changed:
            return [m for m in self._ephemeral if user in (None, m["user"])]

    # ----- the API ----------------------------------------------------------------------------

    def handle(self, method: str, params: dict[str, Any], authorization: str) -> tuple[int, dict[str, Any], int]:
        """HTTP status, JSON body and Retry-After (0 for none) for one API request; records it."""
        with self._changed:
            self.counts[method] += 1
            self.sent.append(Call(method, params))
            self._changed.notify_all()
            if errors := self._errors.get(method):
                status = errors.pop(0)
                return status, {"ok": False, "error": "internal_error"} if status != DROP else {}, 0
            if faults := self._faults.get(method):
                return 429, {"ok": False, "error": "ratelimited"}, faults.pop(0)
            token = authorization.removeprefix("Bearer ").strip() or str(params.get("token") or "")
            try:
                if not token:
                    raise SlackError("not_authed")
                if token != self.bot_token:
                    raise SlackError("invalid_auth")
                answer = getattr(self, "_api_" + method.replace(".", "_").lower(), None)
                if answer is None:
                    raise SlackError("unknown_method")
                return 200, {"ok": True, **answer(params)}, 0
            except SlackError as error:
                return 200, error.body(), 0

    def respond(self, response_id: str, body: dict[str, Any]) -> tuple[int, str]:
        """Status and text answer for a post to a ``response_url``; records valid ones."""
        with self._changed:
            posted = self.responses.setdefault(response_id, [])
            if len(posted) >= RESPONSE_URL_USES:
                return 404, "expired_url"
            if not body.get("text") and not body.get("blocks"):
                return 400, "no_text"
            if "blocks" in body and block_errors(body["blocks"]):
                return 400, "invalid_blocks"
            posted.append(body)
            self._changed.notify_all()
            return 200, "ok"

    def download(self, path: str, authorization: str) -> bytes | None:
        """A private file's bytes when the bot token is given, else Slack's sign-in page."""
        with self._changed:
            meta = next((m for m, _ in self._files.values() if urlsplit(m["url_private"]).path == path), None)
            if meta is None:
                return None
            self.downloads.append(Call("download", {"path": path, "authorization": authorization}))
            self._changed.notify_all()
            if authorization != f"Bearer {self.bot_token}":
                return SIGN_IN_PAGE
            return self._files[meta["id"]][1]

    def _api_auth_test(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": "https://fake.slack.com/",
            "team": "Fake",
            "user": "briefbot",
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": "B0001",
            "is_enterprise_install": False,
        }

    def _api_chat_postmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(params)
        message = self._content(params)
        ts = self._ts()
        message.update(type="message", user=self.bot_user_id, bot_id="B0001", ts=ts)
        if params.get("thread_ts"):
            message["thread_ts"] = params["thread_ts"]
        self._messages[(channel, ts)] = message
        return {"channel": channel, "ts": ts, "message": message}

    def _api_chat_postephemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(params)
        user = str(params.get("user") or "")
        members = self._channels.get(channel, {}).get("members")
        if user not in self._users or (members and user not in members):
            raise SlackError("user_not_in_channel")
        ts = self._ts()
        self._ephemeral.append({**self._content(params), "channel": channel, "user": user, "ts": ts})
        return {"message_ts": ts}

    def _api_chat_update(self, params: dict[str, Any]) -> dict[str, Any]:
        channel = self._channel(params)
        message = self._messages.get((channel, str(params.get("ts") or "")))
        if message is None:
            raise SlackError("message_not_found")
        if message.get("user") != self.bot_user_id:
            raise SlackError("cant_update_message")
        message.pop("blocks", None)
        message.update(self._content(params), edited={"user": self.bot_user_id, "ts": self._ts()})
        return {"channel": channel, "ts": message["ts"], "text": message.get("text", ""), "message": message}

    def _api_conversations_open(self, params: dict[str, Any]) -> dict[str, Any]:
        if params.get("channel"):
            return {"channel": {"id": self._channel(params)}}
        users = [u for u in str(params.get("users") or "").split(",") if u]
        if not users:
            raise SlackError("users_list_not_supplied")
        if unknown := [u for u in users if u not in self._users]:
            raise SlackError("user_not_found", [f"[ERROR] unknown user {unknown[0]}"])
        channel_id = "D" + "".join(u.lstrip("UW") for u in users)
        if channel_id not in self._channels:
            self._channels[channel_id] = {"id": channel_id, "is_archived": False, "members": {*users}}
        return {"channel": {"id": channel_id}}

    def _api_files_info(self, params: dict[str, Any]) -> dict[str, Any]:
        found = self._files.get(str(params.get("file") or ""))
        if not found:
            raise SlackError("file_not_found")
        return {"file": found[0]}

    # ----- helpers (called with the lock held) ------------------------------------------------

    def _ts(self) -> str:
        self._next_ts += 1
        return f"{int(time.time())}.{self._next_ts:06d}"

    def _channel(self, params: dict[str, Any]) -> str:
        """The channel id a call names; a user id means the DM with that user, as in Slack."""
        channel = str(params.get("channel") or "")
        if channel[:1] in ("U", "W") and channel in self._users:
            return str(self._api_conversations_open({"users": channel})["channel"]["id"])
        if channel not in self._channels:
            raise SlackError("channel_not_found")
        if self._channels[channel]["is_archived"]:
            raise SlackError("is_archived")
        return channel

    @staticmethod
    def _content(params: dict[str, Any]) -> dict[str, Any]:
        """``text`` and ``blocks`` of a message, validated as ``chat.postMessage`` does."""
        text, blocks = params.get("text") or "", params.get("blocks")
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        if not text and not blocks and not params.get("attachments"):
            raise SlackError("no_text")
        if blocks is not None and (errors := block_errors(blocks)):
            raise SlackError("invalid_blocks", errors)
        if utf16(str(text)) > MAX_MESSAGE:
            raise SlackError("msg_too_long")
        return {"text": text, **({"blocks": blocks} if blocks else {})}


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeSlack) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def log_message(self, format: str, *args: object) -> None:
        pass  # tests read ``sent`` instead of the access log

    def _route(self) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        path = unquote(url.path)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        authorization = self.headers.get("Authorization") or ""
        if path.startswith("/respond/"):
            status, text = fake.respond(path.removeprefix("/respond/"), json.loads(body or b"{}"))
            return self._send(status, text.encode(), "text/plain")
        if path.startswith("/files-pri/"):
            content = fake.download(path, authorization)
            if content is None:
                return self._send(404, b"Not Found", "text/plain")
            kind = "text/html" if content is SIGN_IN_PAGE else "application/octet-stream"
            return self._send(200, content, kind)
        params: dict[str, Any] = dict(parse_qsl(url.query, keep_blank_values=True))
        if self.headers.get_content_type() == "application/json" and body:
            params.update(json.loads(body))
        else:
            params.update(parse_qsl(body.decode(), keep_blank_values=True))
        status, answer, retry_after = fake.handle(path.removeprefix("/api/").strip("/"), params, authorization)
        if status == DROP:
            self.close_connection = True  # no answer at all: the client sees the connection drop
            return None
        headers = {"Retry-After": str(retry_after)} if retry_after else {}
        self._send(status, json.dumps(answer).encode(), "application/json", headers)

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        # The client may have given up; there is nothing to tell it then.
        with contextlib.suppress(ConnectionError):
            send_body(self, status, body, content_type, headers)
