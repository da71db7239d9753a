"""``SlackAdapter``: Slack mentions, DMs, ``/brief`` and the "More" button → the core; replies → Block Kit.

Start it with ``start_slack(service, settings)`` (blocks until stopped), or for tests with
``SlackRunner(...).start()`` / ``.stop()``. With ``SLACK_APP_TOKEN`` it uses Socket Mode, otherwise it
serves HTTP on ``SLACK_PORT`` at ``/slack/events``, where Bolt checks ``SLACK_SIGNING_SECRET``.

Every listener acknowledges first and answers afterwards: Bolt acknowledges events itself before
the listener runs (``process_before_response`` stays off), and ``/brief`` and the button call
``ack()`` before touching the core, so Slack's 3-second deadline never depends on the store.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from slack_bolt import Ack, App, BoltContext, BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler
from slack_sdk.http_retry.builtin_handlers import ServerErrorRetryHandler

from bot import metrics
from bot.commands import COMMANDS, describe_load, handle
from bot.config import Settings
from bot.digest import Deliver, DeliveryBlocked, DeliveryFailed
from bot.errors import BriefingError, ConfigError, NotAllowed
from bot.formatting import MORE_ACTION_ID, to_slack_messages
from bot.models import Chat, Reply, Subscription, User
from bot.service import BriefingService
from handlers.slack_files import DownloadError, download_file, too_big
from handlers.slack_http import EVENTS_PATH, SlackHTTPServer

log = logging.getLogger(__name__)

APOLOGY = "Something went wrong on our side; it has been logged."
# ``/brief WORD …`` runs ``/WORD …`` when WORD is one of these; anything else is a question.
SUBCOMMANDS = frozenset(
    {c.name for c in COMMANDS}
    | {"help", "more", "subscribe", "unsubscribe", "subscriptions", "digest", "articles"}
    | {"load", "feeds", "delete", "stats", "audit"}
)
# Errors after which a channel will never take a digest again; anything else is worth retrying.
BLOCKED_ERRORS = frozenset({"channel_not_found", "is_archived", "not_in_channel", "account_inactive"})
RESPONSE_URL_USES = 5  # Slack takes five posts per response_url
_BOT_MENTION = "<@{}>"
_LINK = re.compile(r"<((?:https?|mailto):[^|>\s]+)(?:\|[^>]*)?>")
_CHANNEL = re.compile(r"<#[A-Z0-9]+\|([^>]*)>")


class SeenEvents:
    """Event ids already taken, so Slack's retries of an event are answered once (bounded, expiring)."""

    def __init__(self, *, ttl: float = 3600.0, size: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl, self.size, self.clock = ttl, size, clock
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first_time(self, event_id: str) -> bool:
        """Whether ``event_id`` is new; it is remembered either way."""
        now = self.clock()
        with self._lock:
            while self._seen and (len(self._seen) >= self.size or next(iter(self._seen.values())) <= now):
                self._seen.popitem(last=False)
            if event_id in self._seen:
                return False
            self._seen[event_id] = now + self.ttl
            return True


def slack_to_plain(text: str, bot_user_id: str | None = None) -> str:
    """Message text as the person typed it: the bot's mention dropped, links and escapes undone."""
    if bot_user_id:
        text = text.replace(_BOT_MENTION.format(bot_user_id), " ")
    text = _LINK.sub(r"\1", text)
    text = _CHANNEL.sub(r"#\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


def slack_chat(channel_id: str) -> Chat:
    """The chat for a Slack channel id; ``D…`` ids are direct messages."""
    return Chat("slack", channel_id, is_group=not channel_id.startswith("D"))


def brief_text(text: str) -> str:
    """What ``/brief TEXT`` means to the core: ``/sub args`` for a sub-command, else the question."""
    text = slack_to_plain(text)
    word = text.split(maxsplit=1)[0].lstrip("/").lower() if text.strip() else ""
    return "/" + text.lstrip("/") if word in SUBCOMMANDS else text


def is_from_a_bot(event: dict[str, Any], bot_user_id: str | None) -> bool:
    """Whether an event was posted by a bot (this one or another): answering those risks loops."""
    return bool(
        event.get("bot_id")
        or event.get("subtype") == "bot_message"
        or not event.get("user")
        or event.get("user") == bot_user_id
    )


class SlackAdapter:
    """Turns Slack requests into core calls and core replies into Slack messages; holds the service."""

    def __init__(self, service: BriefingService, settings: Settings) -> None:
        self.service = service
        self.settings = settings
        self.seen = SeenEvents()

    def register(self, app: App) -> None:
        """Attach the listeners, the retry filter and the error handler to ``app``."""
        app.middleware(self.skip_retried_events)
        app.event("app_mention")(self.on_mention)
        app.event("message")(self.on_message)
        app.command("/brief")(self.on_brief)
        app.action(MORE_ACTION_ID)(self.on_more)
        app.error(self.on_error)

    # Listeners

    def skip_retried_events(self, body: dict[str, Any], ack: Ack, next_: Callable[[], None]) -> BoltResponse | None:
        """Acknowledge an event already taken (Slack retries with the same event_id) without running it again."""
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if isinstance(event_id, str) and not self.seen.first_time(event_id):
            log.info("Skipping Slack's repeat of event %s", event_id)
            return ack()
        next_()
        return None

    def on_mention(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """Answer "@briefbot QUESTION" in a channel, in the thread of the mention."""
        if is_from_a_bot(event, context.bot_user_id):
            return
        user = User("slack", event["user"])
        chat = Chat("slack", event["channel"], is_group=True)
        reply = handle(self.service, user, chat, slack_to_plain(event.get("text", ""), context.bot_user_id))
        self.post(client, reply, event["channel"], user.id, thread_ts=event.get("thread_ts") or event["ts"])

    def on_message(self, event: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """Answer a direct message, or load the files an admin shares there; other messages are not ours."""
        if event.get("channel_type") != "im" or is_from_a_bot(event, context.bot_user_id):
            return
        subtype = event.get("subtype")
        user = User("slack", event["user"])
        chat = Chat("slack", event["channel"])
        if event.get("files") and subtype in (None, "file_share"):
            self.load_files(client, user, chat, event["files"], thread_ts=event.get("thread_ts"))
        elif subtype is None:
            reply = handle(self.service, user, chat, slack_to_plain(event.get("text", ""), context.bot_user_id))
            self.post(client, reply, chat.id, user.id, thread_ts=event.get("thread_ts"))

    def on_brief(
        self, ack: Ack, command: dict[str, Any], body: dict[str, Any], context: BoltContext, client: WebClient
    ) -> None:
        """``/brief QUESTION`` or ``/brief SUBCOMMAND ARGS``: acknowledged at once, answered after."""
        ack()
        with self.reporting_errors(body, context, client):
            user = User("slack", command["user_id"])
            text = brief_text(command.get("text", ""))
            self.respond(context, handle(self.service, user, slack_chat(command["channel_id"]), text))

    def on_more(self, ack: Ack, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """The "More" button: the next page of the presser's last question, where the button was."""
        ack()
        with self.reporting_errors(body, context, client):
            channel = (body.get("channel") or {}).get("id") or body["container"]["channel_id"]
            user = User("slack", body["user"]["id"])
            reply = handle(self.service, user, slack_chat(channel), "/more")
            message = body.get("message") or {}
            if (body.get("container") or {}).get("is_ephemeral") or not message:
                self.respond(context, reply)
                return
            try:
                self.post(client, reply, channel, user.id, thread_ts=message.get("thread_ts"))
            except SlackApiError as error:
                # The button may sit on a /brief answer in a channel the bot has not joined.
                if error.response.get("error") not in ("not_in_channel", "channel_not_found"):
                    raise
                self.respond(context, reply)

    @contextmanager
    def reporting_errors(self, body: dict[str, Any], context: BoltContext, client: WebClient) -> Iterator[None]:
        """Hand an exception to ``on_error`` instead of letting it out of a listener that acked itself.

        Bolt resets the acknowledgement of such a listener when it raises, so Slack would see a
        timeout; events are acknowledged by Bolt itself, so their listeners may raise to ``app.error``.
        """
        try:
            yield
        except Exception as error:
            self.on_error(error, body, context, client)

    def on_error(self, error: Exception, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """Log a failed request with its traceback and text, then tell the person briefly."""
        # Log first, so the error is on record even if telling the person fails too.
        log.error("Slack request failed; text %r", request_text(body), exc_info=error)
        metrics.PLATFORM_ERRORS.inc(platform="slack")
        try:
            self.apologise(body, context, client)
        except Exception:
            log.exception("Could not tell the person about the failure")

    # Loading files

    def load_files(
        self, client: WebClient, user: User, chat: Chat, files: list[dict[str, Any]], *, thread_ts: str | None
    ) -> None:
        """Load files shared in a DM (admins only; sizes checked before anything is downloaded)."""
        try:
            self.service.require_admin(user, "load articles")
        except NotAllowed as refusal:
            self.post(client, Reply(refusal.user_message, private=True), chat.id, user.id, thread_ts=thread_ts)
            return
        lines = [self.load_file(client, user, file) for file in files]
        self.post(client, Reply("\n".join(lines)), chat.id, user.id, thread_ts=thread_ts)

    def load_file(self, client: WebClient, user: User, file: dict[str, Any]) -> str:
        """One shared file loaded (or why not), as a line of the reply."""
        if not file.get("url_private") or not isinstance(file.get("size"), int):
            # Events may carry only the file's id ("file_access": "check_file_info").
            file = client.files_info(file=file["id"])["file"]
        name = str(file.get("name") or file.get("title") or file.get("id") or "file")
        limit = self.settings.max_upload_bytes
        size = file.get("size")
        if isinstance(size, int) and size > limit:
            return f"Could not load {name}: {too_big(size, limit)}."
        try:
            data = download_file(file, token=client.token or "", api_base_url=client.base_url, limit=limit)
            return describe_load(self.service.load_document(user, name, data))
        except DownloadError as error:
            return f"Could not load {name}: {error}."
        except BriefingError as error:
            return f"Could not load {name}: {error.user_message}"

    # Replies

    def post(self, client: WebClient, reply: Reply, channel: str, user_id: str, *, thread_ts: str | None) -> None:
        """Post the reply's messages in the channel (or thread); a private reply only to ``user_id``."""
        for message in to_slack_messages(reply):
            if reply.private:
                client.chat_postEphemeral(channel=channel, user=user_id, thread_ts=thread_ts, **message)
            else:
                client.chat_postMessage(
                    channel=channel, thread_ts=thread_ts, unfurl_links=False, unfurl_media=False, **message
                )

    def respond(self, context: BoltContext, reply: Reply) -> None:
        """Answer through the request's response_url: in the channel, or only to the person if private."""
        respond = context.respond
        if respond is None:
            raise ValueError("this request has no response_url")
        messages = to_slack_messages(reply)
        if len(messages) > RESPONSE_URL_USES:
            log.warning("Reply of %d messages cut to the %d a response_url takes", len(messages), RESPONSE_URL_USES)
        for message in messages[:RESPONSE_URL_USES]:
            answer = respond(response_type="ephemeral" if reply.private else "in_channel", **message)
            if answer.status_code != 200:
                log.warning("Slack refused a response_url post: %s %s", answer.status_code, answer.body)

    def apologise(self, body: dict[str, Any], context: BoltContext, client: WebClient) -> None:
        """The short apology after a failure, only to the person who asked, where they asked."""
        sorry = Reply(APOLOGY, private=True)
        if body.get("response_url") and context.respond is not None:
            self.respond(context, sorry)
            return
        event = body.get("event") or {}
        if event.get("channel") and event.get("user") and not is_from_a_bot(event, context.bot_user_id):
            thread_ts = event.get("thread_ts") or (event.get("ts") if event.get("type") == "app_mention" else None)
            self.post(client, sorry, event["channel"], event["user"], thread_ts=thread_ts)


def request_text(body: dict[str, Any]) -> str:
    """What the person wrote in a request, for the log."""
    return str((body.get("event") or {}).get("text") or body.get("text") or body.get("actions") or "")


# Building and running the app


def build_client(settings: Settings) -> WebClient:
    """The Web API client: bot token, ``SLACK_API_BASE_URL``, retries on rate limits and dropped connections."""
    if settings.slack_bot_token is None:
        raise ConfigError("Set SLACK_BOT_TOKEN to run the Slack bot.")
    base_url = settings.slack_api_base_url
    return WebClient(
        token=settings.slack_bot_token.get_secret_value(),
        base_url=base_url if base_url.endswith("/") else base_url + "/",  # the client urljoins method names
        retry_handlers=[
            ConnectionErrorRetryHandler(max_retry_count=2),
            RateLimitErrorRetryHandler(max_retry_count=3),
            # A 500/503 is Slack's passing trouble: retried rather than costing the person their answer.
            ServerErrorRetryHandler(max_retry_count=2),
        ],
    )


def build_app(service: BriefingService, settings: Settings, client: WebClient | None = None) -> App:
    """A Bolt app with the adapter's listeners; calls ``auth.test`` once, as ``App()`` does."""
    client = client or build_client(settings)
    if not any(isinstance(h, RateLimitErrorRetryHandler) for h in client.retry_handlers):
        client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=3))
    secret = settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else ""
    socket_mode = settings.slack_app_token is not None
    if not secret and not socket_mode:
        raise ConfigError("Set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode).")
    # Socket Mode requests come over the app's own websocket and carry no signature to check.
    app = App(client=client, signing_secret=secret, request_verification_enabled=bool(secret) or not socket_mode)
    SlackAdapter(service, settings).register(app)
    return app


class SlackRunner:
    """The Slack app running in Socket Mode (``SLACK_APP_TOKEN`` set) or over HTTP, until ``stop()``."""

    def __init__(
        self,
        service: BriefingService,
        settings: Settings,
        *,
        client: WebClient | None = None,
        host: str = "0.0.0.0",
        port: int | None = None,
    ) -> None:
        self.settings = settings
        self.app = build_app(service, settings, client)
        self.host, self.port = host, settings.slack_port if port is None else port
        self.http: SlackHTTPServer | None = None
        self.socket_mode: Any = None  # slack_bolt's SocketModeHandler, imported only when used

    @property
    def mode(self) -> str:
        """``"socket"`` or ``"http"``."""
        return "socket" if self.settings.slack_app_token else "http"

    def start(self) -> None:
        """Connect (Socket Mode) or start serving (HTTP), and return."""
        if self.settings.slack_app_token is not None:
            self.socket_mode = self.socket_mode_handler()
            self.socket_mode.connect()
            log.info("Slack: connected in Socket Mode")
        else:
            self.http = SlackHTTPServer(self.app, host=self.host, port=self.port, path=EVENTS_PATH).start()
            log.info("Slack: serving %s on %s:%d", EVENTS_PATH, self.host, self.http.port)

    def socket_mode_handler(self) -> Any:
        """A (not yet connected) Socket Mode handler using the app's client and ``SLACK_APP_TOKEN``."""
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        assert self.settings.slack_app_token is not None
        return SocketModeHandler(self.app, self.settings.slack_app_token.get_secret_value())

    def stop(self) -> None:
        """Stop serving or disconnect."""
        if self.http is not None:
            self.http.stop()
            self.http = None
        if self.socket_mode is not None:
            self.socket_mode.close()
            self.socket_mode = None


def start_slack(
    service: BriefingService, settings: Settings, *, stop: threading.Event | None = None, host: str = "0.0.0.0"
) -> None:
    """Run the Slack bot until ``stop`` is set (or forever), then shut it down; HTTP mode listens on ``host``."""
    runner = SlackRunner(service, settings, host=host)
    runner.start()
    stop = stop or threading.Event()
    try:
        while not stop.wait(1.0):
            pass
    finally:
        runner.stop()


# Digests


def slack_deliverer(client: WebClient) -> Deliver:
    """``deliver(subscription, reply)`` for Slack digests, raising ``DeliveryBlocked`` or ``DeliveryFailed``."""

    def deliver(subscription: Subscription, reply: Reply) -> None:
        try:
            for message in to_slack_messages(reply):
                client.chat_postMessage(channel=subscription.chat_id, unfurl_links=False, unfurl_media=False, **message)
        except SlackApiError as error:
            code = str(error.response.get("error") or "")
            if code in BLOCKED_ERRORS:
                raise DeliveryBlocked(f"Slack {subscription.chat_id}: {code}") from error
            raise DeliveryFailed(f"Slack {subscription.chat_id}: {code or error}") from error
        except OSError as error:  # connection refused or reset, timeouts (after the client's retries)
            raise DeliveryFailed(f"Slack {subscription.chat_id}: {error}") from error

    return deliver
