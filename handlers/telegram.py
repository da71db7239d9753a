"""``TelegramAdapter``: Telegram updates in, core calls, core replies out as Telegram HTML (python-telegram-bot 22).

In a private chat every message is a question or a command. In a group the bot answers commands, messages
that @mention it (the mention is stripped) and replies to its own messages, and stays silent otherwise.
Admins are ``telegram:<numeric user id>`` entries of ``BRIEFBOT_ADMINS``, checked on the sender of each
message, so forwarding, editing or a group grants nothing. Every core call runs in a worker thread
(``asyncio.to_thread``) so a slow load never stalls the event loop; replies go out through
``handlers.telegram_send``, which paces them and retries flood control and network errors.
"""

from __future__ import annotations

import asyncio
import logging
import re
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, BotCommandScopeChat, Document, Message, Update
from telegram.constants import ChatType, MessageEntityType
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    ExtBot,
    MessageHandler,
    filters,
)

from bot import metrics
from bot.commands import COMMANDS, conversation_key, describe_load, handle
from bot.config import Settings
from bot.digest import Deliver, DigestRun
from bot.errors import BriefingError, ConfigError
from bot.ingest import SUFFIXES
from bot.models import Chat, Reply, User
from bot.service import BriefingService
from handlers.telegram_send import MORE_DATA, PacedRetrier, loop_deliverer, send_reply, standalone_deliverer
from handlers.telegram_updates import PerChatUpdates

log = logging.getLogger(__name__)

APOLOGY = "Something went wrong on our side; it has been logged."
START = ("start", "what I can do, with examples")
COMMAND_NAMES = (START[0], *(c.name for c in COMMANDS))
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]  # edits are never fetched, so never obeyed
DOCUMENT_SUFFIXES = frozenset(SUFFIXES)
DOCUMENT_HINT = "To load a file, send it with the caption /load (admins only)."
_COMMAND_PARTS = re.compile(r"\s*(\S*)(.*)", re.DOTALL)  # "/load\nTitle…": the command ends at any whitespace
_LOAD_CAPTION = re.compile(r"^/load(?:@(\w+))?(?:\s|$)", re.IGNORECASE)
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")  # what Telegram accepts as a secret_token
_NEW_MESSAGES = filters.UpdateType.MESSAGE

Context = ContextTypes.DEFAULT_TYPE


class TelegramAdapter:
    """Telegram's edge of the bot: bound-method handlers over one ``BriefingService``."""

    def __init__(
        self, service: BriefingService, settings: Settings, *, other_deliverers: Mapping[str, Deliver] | None = None
    ) -> None:
        """:param other_deliverers: other platforms' digest deliverers for the digest job to use too (Slack's
        when it runs in this process), so one job sends every digest this process can send."""
        self.service = service
        self.settings = settings
        self.other_deliverers = dict(other_deliverers or {})

    # ----- wiring ---------------------------------------------------------------------------------

    def build_application(self, *, jobs: bool = True) -> Application:
        """The PTB application on the configured Bot API server, handlers registered and jobs scheduled."""
        token = self.settings.telegram_bot_token
        if token is None or not token.get_secret_value():
            raise ConfigError("Set TELEGRAM_BOT_TOKEN to run the Telegram bot.")
        app = (
            Application.builder()
            .token(token.get_secret_value())
            .base_url(self.settings.telegram_api_base_url)
            .base_file_url(self.settings.telegram_file_base_url)
            .rate_limiter(PacedRetrier())
            .concurrent_updates(PerChatUpdates())
            .post_init(self.post_init)
            .build()
        )
        self.register(app)
        if jobs:
            self.schedule_jobs(app)
        return app

    def register(self, app: Application) -> None:
        """Add the handlers: /load first, then the other commands, documents, text and the More button."""
        app.add_handler(CommandHandler("load", self.on_load, filters=_NEW_MESSAGES))
        app.add_handler(CommandHandler([n for n in COMMAND_NAMES if n != "load"], self.on_command, _NEW_MESSAGES))
        load_caption = filters.Document.ALL & filters.CaptionRegex(_LOAD_CAPTION) & _NEW_MESSAGES
        app.add_handler(MessageHandler(load_caption, self.on_load_document))
        app.add_handler(MessageHandler(filters.COMMAND & _NEW_MESSAGES, self.on_unknown_command))
        app.add_handler(MessageHandler(filters.TEXT & _NEW_MESSAGES, self.on_text))
        app.add_handler(MessageHandler(filters.Document.ALL & filters.ChatType.PRIVATE & _NEW_MESSAGES, self.on_file))
        app.add_handler(CallbackQueryHandler(self.on_more, pattern=f"^{MORE_DATA}$"))
        app.add_error_handler(self.on_error)

    def schedule_jobs(self, app: Application) -> None:
        """Every minute: send the digests that are due (the store says which) and poll the feeds that are due."""
        assert app.job_queue, "python-telegram-bot[job-queue] is needed for digests and feeds"
        interval = self.settings.digest_interval_seconds  # BRIEFBOT_DIGEST_INTERVAL_SECONDS, a minute by default
        app.job_queue.run_repeating(self.send_due_digests, interval=interval, first=5, name="digests")
        app.job_queue.run_repeating(self.poll_feeds, interval=interval, first=10, name="feeds")

    async def post_init(self, app: Application) -> None:
        """At start-up, before any update: register the command menus."""
        await self.set_commands(app.bot)

    async def set_commands(self, bot: ExtBot) -> None:
        """The public commands for everyone; in each admin's private chat, the admin ones too."""
        public = [BotCommand(*START), *(BotCommand(c.name, c.summary) for c in COMMANDS if not c.admin)]
        everything = [BotCommand(*START), *(BotCommand(c.name, c.summary) for c in COMMANDS)]
        await bot.set_my_commands(public)
        for key in sorted(self.settings.admins):
            platform, _, user_id = key.partition(":")
            if platform != "telegram":
                continue
            try:
                await bot.set_my_commands(everything, scope=BotCommandScopeChat(int(user_id)))
            except TelegramError as error:
                # An admin who has never opened a chat with the bot has no chat to scope to yet.
                log.warning("Could not set the admin commands for %s: %s", key, error)

    # ----- messages -------------------------------------------------------------------------------

    async def on_command(self, update: Update, context: Context) -> None:
        """A known command (not /load): run it through the shared command set."""
        message = _message(update)
        name, args = command_parts(message.text or "")
        await self._answer(update, f"/{name} {args}")

    async def on_unknown_command(self, update: Update, context: Context) -> None:
        """An unknown /command: answered in private chats, and in groups only when addressed to this bot."""
        message = _message(update)
        head = (message.text or "").split(maxsplit=1)[0]
        addressee = head.partition("@")[2].lower()
        if not _is_group(message) or addressee == (context.bot.username or "").lower():
            await self._answer(update, message.text or "")

    async def on_text(self, update: Update, context: Context) -> None:
        """A plain message: a question in private; in groups only when it mentions or replies to the bot."""
        message = _message(update)
        text = message.text or ""
        if _is_group(message):
            addressed = addressed_text(message, context.bot.id, context.bot.username or "")
            if addressed is None:
                return
            text = addressed
        await self._answer(update, text)

    async def on_file(self, update: Update, context: Context) -> None:
        """A file sent in private without the /load caption: say how to load it."""
        await self._send(update, context, Reply(DOCUMENT_HINT))

    async def on_more(self, update: Update, context: Context) -> None:
        """The "More" button: the next page of the presser's last question, as a new message."""
        query = update.callback_query
        assert query is not None
        try:
            await query.answer()  # stops the button's spinner at once, whatever follows
        except BadRequest as error:
            # A press from before a restart may be too old to answer; the next page is still worth sending.
            log.info("Could not answer a callback query: %s", error)
        message = query.message
        if message is None:
            return
        user = User("telegram", str(query.from_user.id))
        chat = Chat("telegram", str(message.chat.id), is_group=message.chat.type != ChatType.PRIVATE)
        reply = await asyncio.to_thread(self._core, self.service.more, conversation_key(user, chat))
        await send_reply(context.bot, message.chat.id, reply, reply_to=message.message_id if chat.is_group else None)

    # ----- loading --------------------------------------------------------------------------------

    async def on_load(self, update: Update, context: Context) -> None:
        """/load TEXT or URL; /load as a reply to a message holding the text or a file."""
        message = _message(update)
        _, args = command_parts(message.text or "")
        source = message.reply_to_message
        if args or source is None:
            await self._answer(update, f"/load {args}")
        elif source.document is not None:
            await self._load_document(update, context, source.document)
        else:
            user = _user(update)
            text = source.text or source.caption or ""
            reply = await asyncio.to_thread(self._core, lambda: describe_load(self.service.load_text(user, text)))
            await self._send(update, context, reply)

    async def on_load_document(self, update: Update, context: Context) -> None:
        """A file sent with the caption /load."""
        message = _message(update)
        found = _LOAD_CAPTION.match(message.caption or "")
        if found and found[1] and found[1].lower() != (context.bot.username or "").lower():
            return  # "/load@otherbot" is for another bot in the group
        assert message.document is not None
        await self._load_document(update, context, message.document)

    async def _load_document(self, update: Update, context: Context, document: Document) -> None:
        """Check the sender, the file type and the size, and only then download and load the file."""
        user = _user(update)
        name = document.file_name or "upload.txt"
        limit = self.settings.max_upload_bytes
        try:
            self.service.require_admin(user, "load articles")
        except BriefingError as error:
            await self._send(update, context, Reply(error.user_message))
            return
        if Path(name).suffix.lower() not in DOCUMENT_SUFFIXES:
            kinds = ", ".join(sorted(DOCUMENT_SUFFIXES))
            await self._send(update, context, Reply(f"I can't load {name}: I read {kinds} files."))
            return
        if (document.file_size or 0) > limit:
            await self._send(update, context, Reply(too_big(name, document.file_size or 0, limit)))
            return
        telegram_file = await document.get_file()
        data = bytes(await telegram_file.download_as_bytearray())
        if len(data) > limit:  # file_size is optional in Telegram's Document
            await self._send(update, context, Reply(too_big(name, len(data), limit)))
            return
        reply = await asyncio.to_thread(self._core, lambda: describe_load(self.service.load_document(user, name, data)))
        await self._send(update, context, reply)

    # ----- errors and jobs ------------------------------------------------------------------------

    async def on_error(self, update: object, context: Context) -> None:
        """Log the failure with its traceback and the message text, then apologise in the chat."""
        message = update.effective_message if isinstance(update, Update) else None
        text = (message.text or message.caption) if message else None
        # Log the error before we do anything else, so we can see it even if something breaks.
        log.error("Telegram update failed (message %r)", text, exc_info=context.error)
        metrics.PLATFORM_ERRORS.inc(platform="telegram")
        if not isinstance(update, Update) or update.effective_chat is None:
            return
        try:
            await send_reply(context.bot, update.effective_chat.id, Reply(APOLOGY), reply_to=_quote(update))
        except TelegramError as error:
            log.warning("Could not send the apology: %s", error)

    async def send_due_digests(self, context: Context) -> None:
        """Job: send the digests that are due now (Telegram's, and those of ``other_deliverers``)."""
        await self.run_digests(context.bot)

    async def run_digests(self, bot: ExtBot, now: datetime | None = None) -> DigestRun:
        """Send the Telegram digests due at ``now`` (default: the service's clock) through ``bot``."""
        deliverers = {**self.other_deliverers, "telegram": loop_deliverer(bot, asyncio.get_running_loop())}
        run = await asyncio.to_thread(self.service.run_digests, now or self.service.clock(), deliverers)
        if run.sent or run.failed or run.deactivated:
            log.info("Digests: %s", run.summary())
        return run

    async def poll_feeds(self, context: Context) -> None:
        """Job: poll the feeds that are due (only those; most minutes this does nothing)."""
        await asyncio.to_thread(self.service.poll_due_feeds)

    # ----- helpers --------------------------------------------------------------------------------

    async def _answer(self, update: Update, text: str) -> None:
        """Run one message through the shared command set in a worker thread and send the reply."""
        message = _message(update)
        user = _user(update)
        chat = Chat("telegram", str(message.chat.id), is_group=_is_group(message))
        reply = await asyncio.to_thread(handle, self.service, user, chat, text)
        await send_reply(message.get_bot(), message.chat.id, reply, reply_to=_quote(update))

    async def _send(self, update: Update, context: Context, reply: Reply) -> None:
        await send_reply(context.bot, _message(update).chat.id, reply, reply_to=_quote(update))

    @staticmethod
    def _core(action: Callable[..., Any], *args: Any) -> Reply:
        """A core call's reply (a ``str`` result becomes one), its ``BriefingError`` as a plain reply."""
        try:
            result = action(*args)
        except BriefingError as error:
            return Reply(error.user_message, private=True)
        return result if isinstance(result, Reply) else Reply(str(result))


def command_parts(text: str) -> tuple[str, str]:
    """A command message's name (lower case, without ``@bot``) and its arguments, line breaks kept."""
    found = _COMMAND_PARTS.match(text)
    assert found is not None  # the pattern matches any text
    return found[1].lstrip("/").split("@", 1)[0].lower(), found[2].strip()


def addressed_text(message: Message, bot_id: int, bot_username: str) -> str | None:
    """A group message's text without the bot's @mention, if it mentions or replies to the bot; else None."""
    text = message.text or ""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return text
    mention = re.compile(rf"(?<!\w)@{re.escape(bot_username)}\b", re.IGNORECASE) if bot_username else None
    if mention is not None and mention.search(text):
        return re.sub(r"[ \t]{2,}", " ", mention.sub(" ", text)).strip()
    for entity, value in message.parse_entities([MessageEntityType.TEXT_MENTION]).items():
        if entity.user is not None and entity.user.id == bot_id:
            return text.replace(value, " ", 1).strip()
    return None


def too_big(name: str, size: int, limit: int) -> str:
    """The refusal for a file over the upload limit."""
    return f"{name} is {_size(size)}; I load files of up to {_size(limit)}."


def _size(count: int) -> str:
    """A byte count as people read it: "5.0 MB", "12 KB"."""
    return f"{count / 1_048_576:.1f} MB" if count >= 1_048_576 else f"{-(-count // 1024)} KB"


def webhook_options(settings: Settings, listen: str) -> dict[str, Any]:
    """``run_webhook``/``start_webhook`` arguments; refuses a webhook without a secret token."""
    url = settings.telegram_webhook_url or ""
    secret = settings.telegram_webhook_secret.get_secret_value() if settings.telegram_webhook_secret else ""
    if not secret:
        # Without it anyone who finds the URL could post updates as any user, an admin included.
        raise ConfigError("Set TELEGRAM_WEBHOOK_SECRET with TELEGRAM_WEBHOOK_URL, so forged updates are refused.")
    if not _WEBHOOK_SECRET.fullmatch(secret):
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET may use only A-Z, a-z, 0-9, _ and -, up to 256 characters.")
    return {
        "listen": listen,
        "port": settings.telegram_webhook_port,
        "url_path": urlsplit(url).path.strip("/"),
        "webhook_url": url,
        "secret_token": secret,
    }


def build_application(
    service: BriefingService, settings: Settings, *, other_deliverers: Mapping[str, Deliver] | None = None
) -> Application:
    """The Telegram application for ``service``, handlers registered and the digest and feed jobs scheduled."""
    return TelegramAdapter(service, settings, other_deliverers=other_deliverers).build_application()


def run_telegram(
    service: BriefingService,
    settings: Settings,
    *,
    listen: str = "0.0.0.0",
    other_deliverers: Mapping[str, Deliver] | None = None,
) -> None:
    """Serve Telegram until SIGINT/SIGTERM: long polling, or a webhook when TELEGRAM_WEBHOOK_URL is set.

    :param listen: the webhook server's address (put 127.0.0.1 behind a reverse proxy on the same host).
    :param other_deliverers: other platforms' digest deliverers for the minute digest job.
    """
    app = build_application(service, settings, other_deliverers=other_deliverers)
    # Signal handlers can only be installed from the main thread; elsewhere the caller stops us.
    signals: dict[str, Any] = {} if threading.current_thread() is threading.main_thread() else {"stop_signals": None}
    if settings.telegram_webhook_url:
        app.run_webhook(**webhook_options(settings, listen), allowed_updates=ALLOWED_UPDATES, **signals)
    else:
        app.run_polling(allowed_updates=ALLOWED_UPDATES, **signals)


def telegram_deliverer(settings: Settings) -> Deliver:
    """A digest ``Deliver`` for processes without a running bot (``briefbot digest run``)."""
    token = settings.telegram_bot_token
    if token is None:
        raise ConfigError("Set TELEGRAM_BOT_TOKEN to deliver Telegram digests.")
    return standalone_deliverer(
        lambda: ExtBot(
            token.get_secret_value(),
            base_url=settings.telegram_api_base_url,
            base_file_url=settings.telegram_file_base_url,
            rate_limiter=PacedRetrier(),
        )
    )


def _message(update: Update) -> Message:
    message = update.effective_message
    assert message is not None, "handlers are registered for messages only"
    return message


def _user(update: Update) -> User:
    """The sender, by stable numeric id: never a username, which its owner can change."""
    sender = update.effective_user
    return User("telegram", str(sender.id) if sender else "unknown", sender.full_name if sender else "")


def _is_group(message: Message) -> bool:
    return message.chat.type != ChatType.PRIVATE


def _quote(update: Update) -> int | None:
    """In a group, the message to reply to so the asker sees whom the answer is for; None in private."""
    message = update.effective_message
    return message.message_id if message is not None and _is_group(message) else None
