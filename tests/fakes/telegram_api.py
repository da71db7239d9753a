"""A fake Telegram Bot API on 127.0.0.1 for python-telegram-bot, checking requests as Telegram does.

Modelled on slack-bolt's ``tests/mock_web_api_server``: canned answers per method, every request
recorded (``sent``) and counted (``counts``). Tests push updates (``push_message``,
``push_callback``) that the bot's real polling loop fetches with ``getUpdates``::

    with FakeTelegram() as fake:  # or: async with FakeTelegram() as fake:
        builder = Application.builder().token("123:ABC")
        app = builder.base_url(fake.base_url).base_file_url(fake.file_base_url).build()

HTML in messages is parsed the way Telegram's server does (tdlib's ``parse_html``): every ``<``
starts a tag, only Telegram's tags exist, tags must balance, and ``&…;`` is an entity only for
lt, gt, amp, quot and numeric references; a stray ``&`` stays literal.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections import Counter
from email.parser import BytesParser
from email.policy import HTTP
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, NamedTuple, cast
from urllib.parse import parse_qsl, unquote, urlsplit

from tests.fakes.threaded import ThreadedFake, send_body

ChatId = int | str
MAX_TEXT = 4096
DROP = 0  # a "status" for fail_next: close the connection without answering
MAX_CAPTION = 1024
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of the message"
)
# Form values Telegram reads as strings; every other one is JSON (numbers, booleans, objects).
_STRING_PARAMS = frozenset(
    {"text", "caption", "parse_mode", "url", "data", "callback_query_id", "file_id", "document"}
    | {"secret_token", "action", "language_code", "ip_address", "inline_message_id"}
)
_TAGS = {
    "a": "text_link", "b": "bold", "strong": "bold", "i": "italic", "em": "italic",
    "u": "underline", "ins": "underline", "s": "strikethrough", "strike": "strikethrough",
    "del": "strikethrough", "code": "code", "pre": "pre", "blockquote": "blockquote",
    "tg-spoiler": "spoiler", "span": "spoiler", "tg-emoji": "custom_emoji",
}  # fmt: skip
_NAMED_ENTITIES = {"lt": "<", "gt": ">", "amp": "&", "quot": '"'}
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,4});")
_TAG_NAME = re.compile(r"[^\s>]*")
_ATTRIBUTE = re.compile(r"([a-zA-Z0-9_-]+)(?:\s*=\s*(\"[^\"]*\"|'[^']*'|[a-zA-Z0-9.\-]*))?")
_COMMAND = re.compile(r"/[a-zA-Z0-9_]{1,32}(?:@[a-zA-Z0-9_]{3,32})?")
_API_PATH = re.compile(r"/bot([^/]+)/([A-Za-z]+)")
_FILE_PATH = re.compile(r"/file/bot([^/]+)/(.+)")


class Call(NamedTuple):
    """One request the bot made: the API method as sent and its decoded parameters."""

    method: str
    params: dict[str, Any]


class ApiError(Exception):
    """A Telegram error answer: HTTP status, ``description`` and optional ``parameters``."""

    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters

    def body(self) -> dict[str, Any]:
        """The JSON Telegram sends for this error."""
        body = {"ok": False, "error_code": self.code, "description": self.description}
        return {**body, "parameters": self.parameters} if self.parameters else body


def utf16(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's limits and entity offsets."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def parse_html(markup: str) -> tuple[str, list[dict[str, Any]]]:
    """Text and entities of Telegram HTML, or ``ApiError`` 400 worded as Telegram words it."""
    out: list[str] = []
    size = 0
    entities: list[dict[str, Any]] = []
    stack: list[tuple[str, int, dict[str, Any]]] = []
    i = 0
    while i < len(markup):
        entity = _ENTITY.match(markup, i) if markup[i] == "&" else None
        decoded = _decode_entity(entity.group(1)) if entity else ""
        if entity and decoded:
            out.append(decoded)
            size, i = size + utf16(decoded), entity.end()
            continue
        if markup[i] != "<":
            out.append(markup[i])
            size, i = size + utf16(markup[i]), i + 1
            continue
        at = len(markup[:i].encode("utf-8", "surrogatepass"))
        if markup.startswith("</", i):
            end = markup.find(">", i)
            if end < 0:
                raise _parse_error(f"Unclosed end tag at byte offset {at}")
            name = markup[i + 2 : end].strip().lower()
            if not stack:
                raise _parse_error(f"Unexpected end tag at byte offset {at}")
            if name != stack[-1][0]:
                expected = stack[-1][0]
                raise _parse_error(
                    f'Unmatched end tag at byte offset {at}, expected "</{expected}>", found "</{name}>"'
                )
            _, offset, extra = stack.pop()
            if size > offset:  # Telegram drops empty entities
                entities.append({**extra, "offset": offset, "length": size - offset})
            i = end + 1
            continue
        name = cast(re.Match[str], _TAG_NAME.match(markup, i + 1)).group().lower()
        if name not in _TAGS:
            raise _parse_error(f'Unsupported start tag "{name}" at byte offset {at}')
        attributes, i = _attributes(markup, i + 1 + len(name), name, at)
        stack.append((name, size, _entity_for(name, attributes, at)))
    if stack:
        raise _parse_error(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    return "".join(out), sorted(entities, key=lambda e: (e["offset"], -e["length"]))


def _decode_entity(name: str) -> str:
    if not name.startswith("#"):
        return _NAMED_ENTITIES.get(name, "")
    code = int(name[2:], 16) if name[1] in "xX" else int(name[1:])
    return chr(code) if 0 < code < 0x110000 and not 0xD800 <= code < 0xE000 else ""


def _parse_error(detail: str) -> ApiError:
    return ApiError(400, f"Bad Request: can't parse entities: {detail}")


def _attributes(markup: str, i: int, tag: str, at: int) -> tuple[dict[str, str], int]:
    """The attributes of a start tag whose name ends at ``i``, and the index after its ``>``."""
    attributes: dict[str, str] = {}
    while True:
        while i < len(markup) and markup[i].isspace():
            i += 1
        if i >= len(markup):
            raise _parse_error(f"Unclosed start tag at byte offset {at}")
        if markup[i] == ">":
            return attributes, i + 1
        match = _ATTRIBUTE.match(markup, i)
        if not match:
            raise _parse_error(f'Empty attribute name in the tag "{tag}" at byte offset {at}')
        value = (match.group(2) or "").strip("\"'")
        attributes[match.group(1).lower()] = _ENTITY.sub(lambda m: _decode_entity(m[1]) or m[0], value)
        i = match.end()


def _entity_for(tag: str, attributes: dict[str, str], at: int) -> dict[str, Any]:
    if tag == "span" and attributes.get("class") != "tg-spoiler":
        raise _parse_error(f'Tag "span" must have class "tg-spoiler" at byte offset {at}')
    if tag == "a":
        return {"type": "text_link", "url": attributes.get("href", "")}
    if tag == "blockquote" and "expandable" in attributes:
        return {"type": "expandable_blockquote"}
    if tag == "pre" and "language" in attributes:
        return {"type": "pre", "language": attributes["language"]}
    if tag == "tg-emoji":
        return {"type": "custom_emoji", "custom_emoji_id": attributes.get("emoji-id", "")}
    return {"type": _TAGS[tag]}


def _formatted(
    raw: object, entities: object, parse_mode: object, limit: int, what: str
) -> tuple[str, list[dict[str, Any]]]:
    """Text and entities of a message text or caption, validated as Telegram does."""
    text = "" if raw is None else str(raw)
    found = list(cast(list[dict[str, Any]], entities or []))
    if str(parse_mode or "").lower() == "html":
        text, found = parse_html(text)
    stripped = text.strip()
    if not stripped and what == "message":
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16(stripped) > limit:
        raise ApiError(400, f"Bad Request: {what} is too long")
    shift = utf16(text[: len(text) - len(text.lstrip())])
    kept = [{**e, "offset": e["offset"] - shift} for e in found if e["offset"] >= shift]
    return stripped, [e for e in kept if e["offset"] < utf16(stripped)]


def _chat_key(value: object) -> ChatId:
    text = str(value)
    return int(text) if text.lstrip("-").isdigit() else text


def _json_or_text(value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        return value


class FakeTelegram(ThreadedFake):
    """The Bot API on ``127.0.0.1:<free port>``; start it with ``with``/``async with`` or ``start()``.

    :param token: the only token accepted (401 otherwise); ``None`` accepts any.
    :param max_poll_seconds: cap on a ``getUpdates`` long poll, so no test waits long.
    """

    def __init__(
        self,
        *,
        token: str | None = None,
        bot_id: int = 4242,
        bot_username: str = "briefbot_test",
        max_poll_seconds: float = 5.0,
    ) -> None:
        super().__init__()
        self.token = token
        self.max_poll_seconds = max_poll_seconds
        self.bot: dict[str, Any] = {"id": bot_id, "is_bot": True, "first_name": "Briefbot"}
        self.bot.update(username=bot_username, can_join_groups=True, can_read_all_group_messages=False)
        self.bot.update(supports_inline_queries=False)
        self.sent: list[Call] = []  # every request but getUpdates, which a polling bot repeats
        self.counts: Counter[str] = Counter()  # requests per method, getUpdates included
        self._updates: list[dict[str, Any]] = []
        self._next_id = 1
        self._poll_generation = 0
        self._stopping = False
        self._chats: dict[ChatId, dict[str, Any]] = {}
        self._blocked: set[ChatId] = set()
        self._messages: dict[tuple[ChatId, int], dict[str, Any]] = {}
        self._last_message_id: Counter[ChatId] = Counter()
        self._callbacks: dict[str, bool] = {}
        self._files: dict[str, tuple[dict[str, Any], bytes]] = {}
        self._commands: dict[str, list[dict[str, str]]] = {}
        self._webhook = ""
        self._faults: dict[str, list[int]] = {}
        self._errors: dict[str, list[int]] = {}  # HTTP statuses for the next calls of a method; DROP closes the socket

    # ----- lifecycle --------------------------------------------------------------------------

    def _make_server(self) -> _Server:
        return _Server(self)

    def stop(self) -> None:
        """End pending long polls and stop serving."""
        with self._changed:
            self._stopping = True
            self._changed.notify_all()
        super().stop()

    @property
    def base_url(self) -> str:
        """What ``Application.builder().base_url(...)`` takes: the token is appended to it."""
        return f"{self.url}/bot"

    @property
    def file_base_url(self) -> str:
        """What ``Application.builder().base_file_url(...)`` takes."""
        return f"{self.url}/file/bot"

    # ----- what tests arrange -----------------------------------------------------------------

    def add_chat(self, chat_id: ChatId, chat_type: str = "private", *, username: str | None = None) -> dict[str, Any]:
        """Make a chat known (pushing a message does this too); returns Telegram's chat object."""
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = f"User {chat_id}"
        else:
            chat["title"] = f"Chat {chat_id}"
        if username:
            chat["username"] = username
        with self._changed:
            return self._chats.setdefault(chat_id, chat)

    def block(self, chat_id: ChatId) -> None:
        """Make sends to the chat fail with 403, as after the user blocks the bot."""
        with self._changed:
            self._blocked.add(chat_id)

    def fail_next(self, method: str, *, retry_after: int = 1, times: int = 1, status: int = 429) -> None:
        """Answer the next ``times`` calls of ``method`` with 429 Too Many Requests (or ``status``, e.g. 500)."""
        with self._changed:
            if status != 429:
                self._errors.setdefault(method.lower(), []).extend([status] * times)
                return
            self._faults.setdefault(method.lower(), []).extend([retry_after] * times)

    def drop_next(self, method: str, *, times: int = 1) -> None:
        """Close the connection of the next ``times`` calls of ``method`` without answering (nothing is done)."""
        self.fail_next(method, status=DROP, times=times)

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue a raw update (its ``update_id`` is added): forwards, edits, anything ``push_message`` can't build."""
        with self._changed:
            return self._queue(update)

    def add_file(
        self, file_id: str, content: bytes, file_name: str, mime_type: str = "application/octet-stream"
    ) -> dict[str, Any]:
        """Store a file for ``getFile`` and download; returns its Document object."""
        meta = {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(content)}
        meta.update(file_name=file_name, mime_type=mime_type, file_path=f"documents/{file_id}/{file_name}")
        with self._changed:
            self._files[file_id] = (meta, content)
        return {k: v for k, v in meta.items() if k != "file_path"}

    def push_message(
        self,
        chat_id: ChatId,
        user_id: int,
        text: str,
        *,
        chat_type: str = "private",
        username: str | None = None,
        entities: list[dict[str, Any]] | None = None,
        reply_to: int | None = None,
        document: str | None = None,
    ) -> dict[str, Any]:
        """Queue a user's message as an update; returns the update.

        A text starting with a command gets its ``bot_command`` entity unless ``entities`` is
        given; with ``document`` (an ``add_file`` id) the text becomes the caption.
        """
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}
        if username:
            user["username"] = username
        command = _COMMAND.match(text)
        if entities is None:
            entities = [{"type": "bot_command", "offset": 0, "length": utf16(command[0])}] if command else []
        with self._changed:
            message = self._new_message(self.add_chat(chat_id, chat_type, username=username), user)
            if text:
                message["caption" if document else "text"] = text
            if entities:
                message["caption_entities" if document else "entities"] = entities
            if reply_to is not None:
                message["reply_to_message"] = self._reply_target(chat_id, reply_to)
            if document is not None:
                message["document"] = self.add_file(document, self._files[document][1], *self._meta(document))
            return self._queue({"message": message})

    def push_callback(self, chat_id: ChatId, user_id: int, message_id: int, data: str) -> str:
        """Queue a press of an inline button on a message; returns the callback query id."""
        with self._changed:
            query_id = str(self._take_id())
            message = self._messages.get((chat_id, message_id)) or {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": self.add_chat(chat_id),
            }
            user = {"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}
            self._callbacks[query_id] = False
            query = {"id": query_id, "from": user, "chat_instance": str(chat_id), "data": data}
            self._queue({"callback_query": {**query, "message": message}})
            return query_id

    # ----- what tests read --------------------------------------------------------------------

    def calls(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every recorded call of ``method`` (any case), failed ones included."""
        with self._changed:
            return [c.params for c in self.sent if c.method.lower() == method.lower()]

    def texts(self, chat_id: ChatId) -> list[str]:
        """Texts of the bot's delivered messages in the chat, as last edited."""
        with self._changed:
            return [
                m["text"]
                for (chat, _), m in self._messages.items()
                if chat == chat_id and m["from"]["id"] == self.bot["id"] and "text" in m
            ]

    def bot_messages(self, chat_id: ChatId) -> list[dict[str, Any]]:
        """The bot's delivered messages in the chat as Telegram holds them (ids, entities, markup, reply target)."""
        with self._changed:
            return [
                json.loads(json.dumps(m))
                for (chat, _), m in self._messages.items()
                if chat == chat_id and m["from"]["id"] == self.bot["id"]
            ]

    def commands(self, scope: dict[str, Any] | None = None, language_code: str = "") -> list[dict[str, str]]:
        """The commands set for a scope (default scope if ``None``) and language."""
        with self._changed:
            return list(self._commands.get(_commands_key(scope, language_code), []))

    def pending(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by a ``getUpdates`` offset."""
        with self._changed:
            return list(self._updates)

    # ----- the API ----------------------------------------------------------------------------

    def handle(self, token: str, method: str, params: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        """HTTP status and JSON body for one API request; records it first."""
        with self._changed:
            self.counts[method] += 1
            if method.lower() != "getupdates":
                self.sent.append(Call(method, params))
            self._changed.notify_all()
            try:
                if self.token is not None and token != self.token:
                    raise ApiError(401, "Unauthorized")
                answer = getattr(self, f"_api_{method.lower()}", None)
                if answer is None:
                    raise ApiError(404, "Not Found")
                if errors := self._errors.get(method.lower()):
                    status = errors.pop(0)
                    if status == DROP:
                        return DROP, {}
                    raise ApiError(status, HTTPStatus(status).phrase)
                if faults := self._faults.get(method.lower()):
                    retry = faults.pop(0)
                    raise ApiError(429, f"Too Many Requests: retry after {retry}", {"retry_after": retry})
                return 200, {"ok": True, "result": answer(params)}
            except ApiError as error:
                return error.code, error.body()

    def file_content(self, token: str, file_path: str) -> bytes | None:
        """The bytes served at ``/file/bot<token>/<file_path>``, or ``None`` (404)."""
        with self._changed:
            if self.token is not None and token != self.token:
                return None
            return next((c for meta, c in self._files.values() if meta["file_path"] == file_path), None)

    def _api_getme(self, params: dict[str, Any]) -> dict[str, Any]:
        return self.bot

    def _api_logout(self, params: dict[str, Any]) -> bool:
        return True

    _api_close = _api_logout

    def _api_getupdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self._webhook:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(params.get("offset") or 0)
        if offset > 0:
            self._updates = [u for u in self._updates if u["update_id"] >= offset]
        elif offset < 0:
            self._updates = self._updates[offset:]
        # A newer poll ends an older one, as Telegram does when two bot instances poll.
        self._poll_generation += 1
        generation = self._poll_generation
        self._changed.notify_all()
        deadline = time.monotonic() + min(float(params.get("timeout") or 0), self.max_poll_seconds)
        while not self._updates and not self._stopping and generation == self._poll_generation:
            if (remaining := deadline - time.monotonic()) <= 0:
                break
            self._changed.wait(remaining)
        if generation != self._poll_generation:
            raise ApiError(
                409,
                "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
            )
        return self._updates[: min(max(int(params.get("limit") or 100), 1), 100)]

    def _api_deletewebhook(self, params: dict[str, Any]) -> bool:
        if params.get("drop_pending_updates"):
            self._updates.clear()
        self._webhook = ""
        return True

    def _api_setwebhook(self, params: dict[str, Any]) -> bool:
        url = str(params.get("url") or "")
        if not url.startswith("https://"):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided for webhook")
        self._webhook = url
        return True

    def _api_getwebhookinfo(self, params: dict[str, Any]) -> dict[str, Any]:
        pending = len(self._updates)
        return {"url": self._webhook, "has_custom_certificate": False, "pending_update_count": pending}

    def _api_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        text, entities = _formatted(
            params.get("text"), params.get("entities"), params.get("parse_mode"), MAX_TEXT, "message"
        )
        return self._deliver(chat, {"text": text, "entities": entities}, params)

    def _api_senddocument(self, params: dict[str, Any]) -> dict[str, Any]:
        chat = self._chat(params)
        document = params.get("document")
        if isinstance(document, str) and document.startswith("attach://"):
            document = params.get(document.removeprefix("attach://"))
        if isinstance(document, dict):
            file_id = f"doc{self._take_id()}"
            meta = self.add_file(file_id, document["content"], document["filename"], document["mime_type"])
        elif isinstance(document, str) and document in self._files:
            meta = self.add_file(document, self._files[document][1], *self._meta(document))
        else:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        caption, entities = _formatted(
            params.get("caption"),
            params.get("caption_entities"),
            params.get("parse_mode"),
            MAX_CAPTION,
            "message caption",
        )
        content = {"document": meta, "caption": caption, "caption_entities": entities}
        return self._deliver(chat, content, params)

    def _api_sendchataction(self, params: dict[str, Any]) -> bool:
        self._chat(params)
        if not params.get("action"):
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    def _api_editmessagetext(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._own_message(params)
        text, entities = _formatted(
            params.get("text"), params.get("entities"), params.get("parse_mode"), MAX_TEXT, "message"
        )
        markup = params.get("reply_markup")
        current = (message.get("text"), message.get("entities", []), message.get("reply_markup"))
        if (text, entities, markup) == current:
            raise ApiError(400, NOT_MODIFIED)
        message.update(text=text, edit_date=int(time.time()))
        self._set(message, entities=entities, reply_markup=markup)
        return message

    def _api_editmessagereplymarkup(self, params: dict[str, Any]) -> dict[str, Any]:
        message = self._own_message(params)
        if params.get("reply_markup") == message.get("reply_markup"):
            raise ApiError(400, NOT_MODIFIED)
        self._set(message, reply_markup=params.get("reply_markup"), edit_date=int(time.time()))
        return message

    def _api_answercallbackquery(self, params: dict[str, Any]) -> bool:
        query_id = str(params.get("callback_query_id") or "")
        if self._callbacks.get(query_id) is not False:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        if len(str(params.get("text") or "")) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        self._callbacks[query_id] = True
        return True

    def _api_setmycommands(self, params: dict[str, Any]) -> bool:
        commands = params.get("commands") or []
        if len(commands) > 100:
            raise ApiError(400, "Bad Request: BOT_COMMANDS_TOO_MUCH")
        for command in commands:
            if not re.fullmatch(r"[a-z0-9_]{1,32}", str(command.get("command", ""))):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", "")).strip()) <= 256:
                raise ApiError(400, "Bad Request: BOT_COMMAND_DESCRIPTION_INVALID")
        key = _commands_key(params.get("scope"), params.get("language_code"))
        self._commands[key] = [{"command": c["command"], "description": c["description"]} for c in commands]
        return True

    def _api_getmycommands(self, params: dict[str, Any]) -> list[dict[str, str]]:
        return self._commands.get(_commands_key(params.get("scope"), params.get("language_code")), [])

    def _api_deletemycommands(self, params: dict[str, Any]) -> bool:
        self._commands.pop(_commands_key(params.get("scope"), params.get("language_code")), None)
        return True

    def _api_getfile(self, params: dict[str, Any]) -> dict[str, Any]:
        found = self._files.get(str(params.get("file_id") or ""))
        if not found:
            raise ApiError(400, "Bad Request: invalid file_id")
        meta = found[0]
        return {k: meta[k] for k in ("file_id", "file_unique_id", "file_size", "file_path")}

    # ----- state helpers (called with the lock held) ------------------------------------------

    def _take_id(self) -> int:
        self._next_id += 1
        return self._next_id - 1

    def _queue(self, update: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": self._take_id(), **update}
        self._updates.append(update)
        self._changed.notify_all()
        return update

    def _meta(self, file_id: str) -> tuple[str, str]:
        meta = self._files[file_id][0]
        return meta["file_name"], meta["mime_type"]

    def _new_message(self, chat: dict[str, Any], sender: dict[str, Any]) -> dict[str, Any]:
        self._last_message_id[chat["id"]] += 1
        message_id = self._last_message_id[chat["id"]]
        message = {"message_id": message_id, "from": sender, "chat": chat, "date": int(time.time())}
        self._messages[(chat["id"], message_id)] = message
        return message

    def _reply_target(self, chat_id: ChatId, message_id: int) -> dict[str, Any]:
        target = self._messages.get((chat_id, message_id))
        if target is None:
            raise ApiError(400, "Bad Request: message to be replied not found")
        return {k: v for k, v in target.items() if k != "reply_to_message"}

    def _chat(self, params: dict[str, Any]) -> dict[str, Any]:
        if params.get("chat_id") in (None, ""):
            raise ApiError(400, "Bad Request: chat_id is empty")
        chat = self._chats.get(_chat_key(params["chat_id"]))
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat["id"] in self._blocked:
            if chat["type"] == "private":
                raise ApiError(403, "Forbidden: bot was blocked by the user")
            raise ApiError(403, f"Forbidden: bot was kicked from the {chat['type']} chat")
        return chat

    def _own_message(self, params: dict[str, Any]) -> dict[str, Any]:
        if params.get("inline_message_id"):
            raise ApiError(400, "Bad Request: MESSAGE_ID_INVALID")
        chat = self._chat(params)
        message = self._messages.get((chat["id"], int(params.get("message_id") or 0)))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["from"]["id"] != self.bot["id"]:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _deliver(self, chat: dict[str, Any], content: dict[str, Any], params: dict[str, Any]) -> dict[str, Any]:
        reply = params.get("reply_parameters") or {}
        reply_to = reply.get("message_id") or params.get("reply_to_message_id")
        target = self._reply_target(chat["id"], int(reply_to)) if reply_to else None
        message = self._new_message(chat, self.bot)
        self._set(message, **content, reply_to_message=target, reply_markup=params.get("reply_markup"))
        return message

    @staticmethod
    def _set(message: dict[str, Any], **fields: Any) -> None:
        """Set fields; empty ones are removed, as Telegram omits empty fields."""
        for key, value in fields.items():
            if value in (None, "", []):
                message.pop(key, None)
            else:
                message[key] = value


def _commands_key(scope: object, language_code: object) -> str:
    return json.dumps(scope or {"type": "default"}, sort_keys=True) + "|" + str(language_code or "")


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, fake: FakeTelegram) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.fake = fake

    def handle_error(self, request: object, client_address: object) -> None:
        # A client that gave up on a long poll closed its socket; that is not an error here.
        pass


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        self._route()

    def do_POST(self) -> None:
        self._route()

    def log_message(self, format: str, *args: object) -> None:
        pass  # the test output stays readable; tests read ``sent`` instead

    def _route(self) -> None:
        url = urlsplit(self.path)
        path = unquote(url.path)  # PTB percent-encodes file paths, the ":" of the token included
        if api := _API_PATH.fullmatch(path):
            status, body = self.server.fake.handle(api[1], api[2], self._params(url.query))
            if status == DROP:
                self.close_connection = True  # no answer at all: the client sees the connection drop
                return
            self._send(status, json.dumps(body).encode(), "application/json")
        elif (download := _FILE_PATH.fullmatch(path)) and (
            content := self.server.fake.file_content(download[1], download[2])
        ) is not None:
            self._send(200, content, "application/octet-stream")
        else:
            self._send(404, json.dumps(ApiError(404, "Not Found").body()).encode(), "application/json")

    def _params(self, query: str) -> dict[str, Any]:
        form = dict(parse_qsl(query, keep_blank_values=True))
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        kind = self.headers.get_content_type()
        if kind == "application/json" and body:
            return {**form, **json.loads(body)}
        files: dict[str, Any] = {}
        if kind == "application/x-www-form-urlencoded":
            form.update(parse_qsl(body.decode(), keep_blank_values=True))
        elif kind == "multipart/form-data":
            head = f"Content-Type: {self.headers['Content-Type']}\r\n\r\n".encode()
            parsed = BytesParser(policy=HTTP).parsebytes(head + body)
            for part in parsed.iter_parts():
                name = str(part.get_param("name", header="content-disposition"))
                content = cast(bytes, part.get_payload(decode=True))
                if part.get_filename():
                    files[name] = {"filename": part.get_filename(), "content": content}
                    files[name]["mime_type"] = part.get_content_type()
                else:
                    form[name] = content.decode()
        decoded = {k: v if k in _STRING_PARAMS else _json_or_text(v) for k, v in form.items()}
        return {**decoded, **files}

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        # The bot may have stopped waiting (a cancelled long poll).
        with contextlib.suppress(ConnectionError):
            send_body(self, status, body, content_type)
