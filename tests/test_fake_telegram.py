"""The fake Telegram API behaves like Telegram for the real python-telegram-bot stack."""

from __future__ import annotations

import asyncio
import html
import json
import time
import urllib.request
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, Conflict, Forbidden, RetryAfter
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.formatting import to_telegram_html
from bot.models import Citation, Hit, Reply
from tests.fakes.telegram_api import FakeTelegram, parse_html

TOKEN = "123:ABC"
CHAT = 42


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A running fake that accepts only ``TOKEN``, with short long polls."""
    async with FakeTelegram(token=TOKEN, max_poll_seconds=2) as running:
        yield running


def build_app(fake: FakeTelegram) -> Application:
    """The real PTB application pointed at the fake."""
    return Application.builder().token(TOKEN).base_url(fake.base_url).base_file_url(fake.file_base_url).build()


@asynccontextmanager
async def polling(app: Application) -> AsyncIterator[Application]:
    """Run the real polling loop for the duration of the block, bounded in time."""
    async with asyncio.timeout(15), app:
        await app.start()
        assert app.updater
        await app.updater.start_polling(poll_interval=0, timeout=1)
        try:
            yield app
        finally:
            await app.updater.stop()
            await app.stop()


async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    assert update.effective_message and update.effective_message.text
    said = html.escape(update.effective_message.text)
    await update.effective_message.reply_text(f"<b>echo</b> {said}", parse_mode=ParseMode.HTML)


async def test_polling_bot_echoes_a_pushed_message_and_confirms_the_update(fake: FakeTelegram) -> None:
    app = build_app(fake)
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))
    async with polling(app):
        fake.push_message(CHAT, 7, "oil & gas", username="ana")
        assert await fake.wait_for(lambda: fake.texts(CHAT), timeout=5) == ["echo oil & gas"]
    (sent,) = fake.calls("sendMessage")
    assert sent["chat_id"] == CHAT and sent["text"] == "<b>echo</b> oil &amp; gas"
    assert fake.counts["getMe"] == 1 and fake.counts["deleteWebhook"] == 1
    # PTB's last getUpdates on stop carries the next offset, which confirms the update.
    assert fake.pending() == []


async def test_command_gets_a_bot_command_entity_so_command_handler_matches(fake: FakeTelegram) -> None:
    app = build_app(fake)

    async def ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message
        await update.effective_message.reply_text("asked: " + " ".join(context.args or []))

    app.add_handler(CommandHandler("ask", ask))
    async with polling(app):
        fake.push_message(-100, 7, "/ask@briefbot_test what about oil?", chat_type="supergroup")
        assert await fake.wait_for(lambda: fake.texts(-100)) == ["asked: what about oil?"]


async def test_bad_html_reaches_the_error_handler_as_bad_request(fake: FakeTelegram) -> None:
    app = build_app(fake)
    errors: list[object] = []

    async def bad_reply(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message
        await update.effective_message.reply_text("<blink>hi</blink>", parse_mode=ParseMode.HTML)

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        errors.append(context.error)

    app.add_handler(MessageHandler(filters.TEXT, bad_reply))
    app.add_error_handler(on_error)
    async with polling(app):
        fake.push_message(CHAT, 7, "hi")
        (error,) = await fake.wait_for(lambda: errors)
    assert isinstance(error, BadRequest)
    assert error.message == 'Can\'t parse entities: unsupported start tag "blink" at byte offset 0'
    assert fake.texts(CHAT) == []


async def test_document_is_downloaded_through_get_file(fake: FakeTelegram) -> None:
    fake.add_file("f1", b"Imomi said oil.\n", "article.txt", "text/plain")
    app = build_app(fake)
    downloads: list[bytes] = []

    async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message and update.effective_message.document
        file = await update.effective_message.document.get_file()
        downloads.append(bytes(await file.download_as_bytearray()))

    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    async with polling(app):
        fake.push_message(CHAT, 7, "please load", document="f1")
        assert await fake.wait_for(lambda: downloads) == [b"Imomi said oil.\n"]


async def test_inline_button_press_is_answered_and_edits_the_message(fake: FakeTelegram) -> None:
    app = build_app(fake)
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("More", callback_data="more")]])

    async def on_more(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query and query.data == "more"
        await query.answer()
        await query.edit_message_text("page 2")

    app.add_handler(CallbackQueryHandler(on_more))
    async with polling(app):
        fake.add_chat(CHAT)
        message = await app.bot.send_message(CHAT, "page 1", reply_markup=markup)
        fake.push_callback(CHAT, 7, message.message_id, "more")
        assert await fake.wait_for(lambda: fake.texts(CHAT) == ["page 2"])
        with pytest.raises(BadRequest, match="not modified"):
            await app.bot.edit_message_text("page 2", chat_id=CHAT, message_id=message.message_id)
    assert len(fake.calls("answerCallbackQuery")) == 1


@pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")  # PTB's own RetryAfter
async def test_errors_are_the_ones_telegram_sends(fake: FakeTelegram) -> None:
    async with build_app(fake) as app:
        with pytest.raises(BadRequest, match="Chat not found"):
            await app.bot.send_message(999, "hi")
        fake.add_chat(CHAT)
        assert (await app.bot.send_message(CHAT, "😀" * 2048)).text == "😀" * 2048
        with pytest.raises(BadRequest, match="Message is too long"):
            await app.bot.send_message(CHAT, "😀" * 2049)
        with pytest.raises(BadRequest, match="Message text is empty"):
            await app.bot.send_message(CHAT, "<b> </b>", parse_mode=ParseMode.HTML)
        fake.fail_next("sendMessage", retry_after=3)
        with pytest.raises(RetryAfter) as limited:
            await app.bot.send_message(CHAT, "hi")
        assert "Retry in 3 seconds" in str(limited.value)
        fake.block(CHAT)
        with pytest.raises(Forbidden, match="bot was blocked by the user"):
            await app.bot.send_message(CHAT, "hi")


async def test_get_updates_long_polls_wakes_on_push_and_honours_offset(fake: FakeTelegram) -> None:
    async with build_app(fake) as app:
        started = time.monotonic()
        assert await app.bot.get_updates(timeout=0.2) == ()
        assert 0.2 <= time.monotonic() - started < 1.5
        waiting = asyncio.create_task(app.bot.get_updates(timeout=2))
        await asyncio.sleep(0.1)
        fake.push_message(CHAT, 7, "one")
        fake.push_message(CHAT, 7, "two")
        first, second = await asyncio.wait_for(waiting, 1.5)
        assert first.message and first.message.text == "one"
        (again,) = await app.bot.get_updates(offset=second.update_id)  # confirms "one" only
        assert again.message and again.message.text == "two"
        assert await app.bot.get_updates(offset=second.update_id + 1) == ()
        await app.bot.set_webhook("https://example.org/hook")
        with pytest.raises(Conflict, match="webhook is active"):
            await app.bot.get_updates()


async def test_commands_round_trip_and_are_validated(fake: FakeTelegram) -> None:
    async with build_app(fake) as app:
        await app.bot.set_my_commands([("ask", "Ask who said what"), ("more", "Show more")])
        assert [c.command for c in await app.bot.get_my_commands()] == ["ask", "more"]
        with pytest.raises(BadRequest, match="Bot_command_invalid"):
            await app.bot.set_my_commands([("Ask-Me", "bad name")])
        fake.add_chat(CHAT)
        assert await app.bot.send_chat_action(CHAT, "typing")


async def test_rendered_replies_are_accepted_by_telegram_html_parsing(fake: FakeTelegram) -> None:
    tricky = 'He said "<oil> & gas" *rise* [1](2) ~x~ `y` #tag 👍🏽 𝔘 ' * 300
    hit = Hit(1, 0, tricky, 1, ("Imomi",), Citation("A & <B>", "Wire", "2022-06-10", "https://e.com/?a=1&b=2"))
    reply = Reply("Found <this> & that", (hit, hit), "footer & more")
    async with build_app(fake) as app:
        fake.add_chat(CHAT)
        for chunk in to_telegram_html(reply):
            await app.bot.send_message(CHAT, chunk, parse_mode=ParseMode.HTML)
    shown = "".join(fake.texts(CHAT))
    assert "".join(tricky.split()) in "".join(shown.split())


def test_parse_html_follows_telegram_rules() -> None:
    assert parse_html("a &amp; &lt;b&gt; &nbsp; & &#128077;") == ("a & <b> &nbsp; & 👍", [])
    text, entities = parse_html('😀<b>x<a href="https://e.com/?a=1&amp;b">y</a></b><i></i>')
    assert text == "😀xy"
    assert entities == [
        {"type": "bold", "offset": 2, "length": 2},
        {"type": "text_link", "url": "https://e.com/?a=1&b", "offset": 3, "length": 1},
    ]
    for markup, error in [
        ("1 < 2", 'Unsupported start tag "" at byte offset 2'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("<b>x", 'Can\'t find end tag corresponding to start tag "b"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ('<span class="x">y</span>', 'Tag "span" must have class "tg-spoiler" at byte offset 0'),
    ]:
        with pytest.raises(Exception, match="can't parse entities") as raised:
            parse_html(markup)
        assert str(raised.value).endswith(error)


def test_sync_use_serves_get_me_and_file_downloads() -> None:
    with FakeTelegram() as fake:
        fake.add_file("f2", b"\x00bytes", "a.bin")
        with urllib.request.urlopen(f"{fake.base_url}any:token/getMe", timeout=5) as answer:
            assert json.load(answer)["result"]["username"] == "briefbot_test"
        with urllib.request.urlopen(f"{fake.file_base_url}any:token/documents/f2/a.bin", timeout=5) as got:
            assert got.read() == b"\x00bytes"
        assert fake.wait_for_sync(lambda: fake.counts["getMe"], timeout=1) == 1
