"""The Telegram adapter end to end: the real python-telegram-bot polling loop against FakeTelegram on 127.0.0.1.

Tests push updates as users would and assert on what the fake recorded; the fake parses HTML the way
Telegram does, so every delivered message is one Telegram would accept.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import urllib.error
import urllib.request
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from pydantic import SecretStr
from telegram import Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application

from bot.config import Settings
from bot.digest import DeliveryBlocked, DigestRun
from bot.errors import ConfigError
from bot.models import Reply, Subscription, User
from bot.service import BriefingService
from handlers.delivery import build_deliverers
from handlers.telegram import (
    ALLOWED_UPDATES,
    APOLOGY,
    TelegramAdapter,
    build_application,
    command_parts,
    telegram_deliverer,
    webhook_options,
)
from handlers.telegram_send import PacedRetrier
from tests.conftest import SEED_DIR
from tests.fakes.telegram_api import FakeTelegram, utf16
from tests.fixtures.digests import OIL
from tests.serving import free_port

TOKEN = "123:ABC"
ADMIN = 1001
USER = 2002
OTHER = 3003
GROUP = -100500
ORACLE = User("console", "test")  # loads fixtures directly into the store
OIL_PARAGRAPH = "Tajikistan is interested in learning about Azerbaijan's best practices, particularly in the oil"
HOSTILE = (
    "Walrus <b>census</b> & *counts* _under_ [ice] (floes) ~tilde~ `code` #tag <i>unclosed & &amp; &lt;x&gt; "
    "</blockquote> <a href='x'>link</a> 1 < 2 > 0 && a->b ** __ [[x]](y) ~~ ``` ## end."
)

# PTB's own RetryAfter constructor warns about its coming int → timedelta change.
pytestmark = pytest.mark.filterwarnings("ignore:.*attribute `retry_after` will be of type:DeprecationWarning")


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    """A running fake that accepts only ``TOKEN``, with short long polls."""
    async with FakeTelegram(token=TOKEN, max_poll_seconds=2) as running:
        yield running


@pytest.fixture
def settings(tmp_path: Path, fake: FakeTelegram) -> Settings:
    """Settings for a fresh store, Telegram pointed at the fake, ``ADMIN`` an admin (by numeric id)."""
    return Settings(
        _env_file=None,
        BRIEFBOT_DB_PATH=tmp_path / "t.db",
        BRIEFBOT_ARTICLES_DIR=SEED_DIR,
        BRIEFBOT_ADMINS=f"telegram:{ADMIN}",
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=fake.base_url,
        TELEGRAM_FILE_BASE_URL=fake.file_base_url,
    )


@asynccontextmanager
async def serving(
    service: BriefingService, settings: Settings | None = None
) -> AsyncIterator[tuple[TelegramAdapter, Application]]:  # type: ignore[type-arg]
    """The adapter's application running its real polling loop for the block, as run_polling would."""
    adapter = TelegramAdapter(service, settings or service.settings)
    app = adapter.build_application(jobs=False)
    async with asyncio.timeout(30), app:
        assert app.post_init and app.updater
        await app.post_init(app)
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES)
        try:
            yield adapter, app
        finally:
            await app.updater.stop()
            await app.stop()


async def replies(fake: FakeTelegram, chat: int, count: int = 1, timeout: float = 5.0) -> list[str]:
    """The bot's first ``count`` messages in the chat, once they are there."""
    return (await fake.wait_for(lambda: len(fake.texts(chat)) >= count and fake.texts(chat), timeout))[:count]


async def settled(fake: FakeTelegram) -> None:
    """Wait until every pushed update has been fetched (confirmed by the next getUpdates offset)."""
    await fake.wait_for(lambda: not fake.pending())


def load(service: BriefingService, text: str) -> None:
    assert service.load_text(ORACLE, text).outcomes[0].status == "loaded"


async def private_answer(fake: FakeTelegram, service: BriefingService, question: str) -> tuple[str, dict[str, Any]]:
    """The bot's reply to one question in a private chat: its text and the message as sent."""
    async with serving(service):
        fake.push_message(USER, USER, question)
        [answer] = await replies(fake, USER)
    [message] = fake.bot_messages(USER)
    return answer, message


# ----- questions and answers ----------------------------------------------------------------------


async def test_a_private_question_is_answered_with_the_paragraph_and_its_citation(
    fake: FakeTelegram, service: BriefingService
) -> None:
    answer, message = await private_answer(fake, service, "what did Imomi say about oil?")
    assert OIL_PARAGRAPH in answer
    assert "Sodik Imomi" in answer and "Azernews" in answer and "2022-06-10" in answer
    [sent] = fake.calls("sendMessage")
    assert sent["parse_mode"] == "HTML"
    assert {"blockquote", "italic"} <= {e["type"] for e in message["entities"]}
    assert "reply_markup" not in message  # a single result: no More button


async def test_a_no_match_offers_the_nearest_paragraphs_as_quotes_without_a_more_button(
    fake: FakeTelegram, service: BriefingService
) -> None:
    answer, message = await private_answer(fake, service, "what did khalafov say about the caspian transport tariffs?")
    assert answer.startswith("I found no paragraph where Khalaf Khalafov speaks about the caspian transport tariffs.")
    assert "may not answer your question" in answer
    assert "The deputy minister underlined that work is underway" in answer and "Azernews" in answer
    assert "blockquote" in {e["type"] for e in message["entities"]} and "reply_markup" not in message


async def test_one_chats_updates_stay_in_order_while_chats_are_served_side_by_side(
    fake: FakeTelegram, service: BriefingService
) -> None:
    others = [USER + n for n in range(1, 4)]
    async with serving(service):
        fake.push_message(USER, USER, "any news on Tajikistan?")
        fake.push_message(USER, USER, "/more")  # arrives before the question is answered
        for chat in others:
            fake.push_message(chat, chat, "what did Imomi say about oil?")
        first, second = await replies(fake, USER, 2)
        answered = [await replies(fake, chat) for chat in others]
    assert "Tajikistan" in first and "no earlier question" not in second
    assert all(OIL_PARAGRAPH in reply for [reply] in answered)


async def test_set_my_commands_at_start_up_public_for_all_and_admin_ones_in_admin_chats(
    fake: FakeTelegram, service: BriefingService
) -> None:
    fake.add_chat(ADMIN)
    async with serving(service):
        pass
    public = [c["command"] for c in fake.commands()]
    assert public[0] == "start"
    assert {"help", "ask", "more", "subscribe", "unsubscribe", "subscriptions", "digest", "articles"} <= set(public)
    assert not {"load", "feeds", "delete", "stats", "audit"} & set(public)
    admin = [c["command"] for c in fake.commands({"type": "chat", "chat_id": ADMIN})]
    assert {"load", "feeds", "delete", "stats", "audit", "ask"} <= set(admin)


async def test_the_more_button_pages_through_further_results(fake: FakeTelegram, service: BriefingService) -> None:
    async with serving(service):
        fake.push_message(USER, USER, "any news on Tajikistan?")
        [first] = await replies(fake, USER)
        message = fake.bot_messages(USER)[-1]
        [[button]] = message["reply_markup"]["inline_keyboard"]
        assert (button["text"], button["callback_data"]) == ("More", "more")
        query_id = fake.push_callback(USER, USER, message["message_id"], "more")
        second = (await replies(fake, USER, 2))[1]
        await fake.wait_for(lambda: fake.calls("answerCallbackQuery"))
    assert [c["callback_query_id"] for c in fake.calls("answerCallbackQuery")] == [query_id]
    assert second != first and "Tajikistan" in second


async def test_in_a_group_only_commands_mentions_and_replies_to_the_bot_are_answered(
    fake: FakeTelegram, service: BriefingService
) -> None:
    async with serving(service):
        fake.push_message(GROUP, USER, "what did Imomi say about oil?", chat_type="supergroup")
        fake.push_message(GROUP, USER, "/help@some_other_bot", chat_type="supergroup")
        asked = fake.push_message(GROUP, USER, "@briefbot_test what did Imomi say about oil?", chat_type="supergroup")
        [answer] = await replies(fake, GROUP)
        await settled(fake)
        bot_message = fake.bot_messages(GROUP)[0]
        fake.push_message(
            GROUP, OTHER, "what did Khalafov say?", chat_type="supergroup", reply_to=bot_message["message_id"]
        )
        fake.push_message(GROUP, OTHER, "/help@briefbot_test", chat_type="supergroup")
        texts = await replies(fake, GROUP, 3)
        await settled(fake)
        await asyncio.sleep(0.2)
    assert OIL_PARAGRAPH in answer
    assert bot_message["reply_to_message"]["message_id"] == asked["message"]["message_id"]  # quotes the asker
    assert "Khalaf" in texts[1]
    assert "/ask" in texts[2]
    assert len(fake.texts(GROUP)) == 3  # the plain message and the other bot's command got nothing


def test_command_parts_keep_line_breaks_and_drop_the_bot_name() -> None:
    assert command_parts("/load@Briefbot_test Title\n\nBody one") == ("load", "Title\n\nBody one")
    assert command_parts("/load\nTitle\n\nBody one") == ("load", "Title\n\nBody one")
    assert command_parts("/HELP") == ("help", "")


async def test_a_long_answer_is_split_into_messages_telegram_accepts(
    fake: FakeTelegram, service: BriefingService
) -> None:
    sentence = "The zeppelin inspectors counted hangars, gas cells and mooring masts across the valley. "
    load(service, "Zeppelin survey\n\n" + "\n\n".join(sentence * 30 for _ in range(3)))
    async with serving(service):
        fake.push_message(USER, USER, "any news on zeppelins?")
        await fake.wait_for(lambda: len(fake.texts(USER)) >= 2)
        await settled(fake)
        await asyncio.sleep(0.3)
    texts = fake.texts(USER)
    assert len(texts) >= 2 and all(utf16(t) <= 4096 for t in texts)
    assert sum(t.count("zeppelin inspectors") for t in texts) == 90
    assert APOLOGY not in texts


async def test_a_hostile_article_renders_without_entity_errors(fake: FakeTelegram, service: BriefingService) -> None:
    load(service, f"Walrus <census> & [report] *2024*\n\n{HOSTILE}\n\n{HOSTILE}")
    async with serving(service):
        fake.push_message(USER, USER, "any news on the walrus census?")
        [answer] = await replies(fake, USER)
    assert "</blockquote> <a href='x'>link</a> 1 < 2 > 0 && a->b" in answer  # shown as written
    assert "Walrus <census> & [report] *2024*" in answer


async def test_an_exception_in_the_core_is_apologised_for_and_the_next_update_is_served(
    fake: FakeTelegram, service: BriefingService, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = service.ask_in_chat
    calls = []

    def broken_once(user: User, conversation: str, text: str) -> Reply:
        calls.append(text)
        if len(calls) == 1:
            raise RuntimeError("disk on fire")
        return real(user, conversation, text)

    monkeypatch.setattr(service, "ask_in_chat", broken_once)
    with caplog.at_level(logging.ERROR, logger="handlers.telegram"):
        async with serving(service):
            fake.push_message(USER, USER, "what did Hewitt say?")
            fake.push_message(USER, USER, "what did Imomi say about oil?")
            texts = await replies(fake, USER, 2)
    assert texts[0] == APOLOGY and OIL_PARAGRAPH in texts[1]
    [record] = [r for r in caplog.records if r.exc_info]
    assert "what did Hewitt say?" in record.getMessage() and "disk on fire" in str(record.exc_info[1])


async def test_flood_control_is_waited_out_and_the_message_still_delivered(
    fake: FakeTelegram, service: BriefingService
) -> None:
    fake.fail_next("sendMessage", retry_after=1)
    async with serving(service):
        fake.push_message(USER, USER, "what did Imomi say about oil?")
        [answer] = await replies(fake, USER)
    assert OIL_PARAGRAPH in answer
    assert fake.counts["sendMessage"] == 2


async def test_network_errors_are_retried_with_backoff_and_bad_requests_and_long_floods_are_not() -> None:
    retrier = PacedRetrier(backoff=0.01)
    script: list[object] = [NetworkError("connection reset"), TimedOut(), {"message_id": 1}]
    calls = []

    async def call() -> object:
        calls.append(1)
        outcome = script.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    assert await retrier.process_request(call, (), {}, "sendMessage", {"chat_id": 7}, None) == {"message_id": 1}
    assert len(calls) == 3
    for error in (BadRequest("Bad Request: chat not found"), RetryAfter(3600)):
        script[:], calls[:] = [error], []
        with pytest.raises(type(error)):
            await retrier.process_request(call, (), {}, "sendMessage", {"chat_id": 7}, None)
        assert len(calls) == 1


# ----- loading --------------------------------------------------------------------------------------


async def test_an_admins_document_is_loaded_and_then_answerable(fake: FakeTelegram, service: BriefingService) -> None:
    fake.add_file("walrus", b"Walrus count\n\nThe walrus census found 4,000 walruses on the ice.", "walrus.txt")
    async with serving(service):
        fake.push_message(ADMIN, ADMIN, "/load", document="walrus")
        [loaded] = await replies(fake, ADMIN)
        fake.push_message(USER, USER, "any news on walruses?")
        [answer] = await replies(fake, USER)
    assert "Loaded #2" in loaded and "Walrus count" in loaded
    assert len(fake.calls("getFile")) == 1
    assert "4,000 walruses" in answer


async def test_load_takes_pasted_text_and_a_reply_to_a_message_holding_it(
    fake: FakeTelegram, service: BriefingService
) -> None:
    async with serving(service):
        fake.push_message(ADMIN, ADMIN, "/load\nHeron count\n\nThe heron census found 90 herons.")
        [pasted] = await replies(fake, ADMIN)
        held = fake.push_message(ADMIN, ADMIN, "Egret count\n\nThe egret census found 12 egrets.")
        await replies(fake, ADMIN, 2)  # a plain message is a question first
        fake.push_message(ADMIN, ADMIN, "/load", reply_to=held["message"]["message_id"])
        replied = (await replies(fake, ADMIN, 3))[2]
    assert "“Heron count” (1 paragraph)" in pasted
    assert "“Egret count”" in replied
    assert service.store.stats()["articles"] == 3


async def test_a_non_admin_is_refused_and_nothing_is_stored_or_downloaded(
    fake: FakeTelegram, service: BriefingService
) -> None:
    before = service.store.stats()
    fake.add_file("evil", b"Evil\n\nEvil text.", "evil.txt")
    async with serving(service):
        fake.push_message(USER, USER, "/load", document="evil")
        fake.push_message(USER, USER, "/load Evil\n\nEvil pasted text.")
        fake.push_message(GROUP, USER, "/load", chat_type="group", document="evil")
        texts = await replies(fake, USER, 2)
        [in_group] = await replies(fake, GROUP)
    assert all("only admins" in t for t in [*texts, in_group])
    assert fake.counts["getFile"] == 0
    assert service.store.stats() == before


async def test_an_oversize_document_is_refused_before_download(
    fake: FakeTelegram, service: BriefingService, settings: Settings
) -> None:
    small = settings.model_copy(update={"max_upload_bytes": 2048})
    fake.add_file("big", b"Big\n\n" + b"word " * 1000, "big.txt")
    fake.add_file("pdf", b"%PDF-1.4", "report.pdf")
    async with serving(service, small):
        fake.push_message(ADMIN, ADMIN, "/load", document="big")
        fake.push_message(ADMIN, ADMIN, "/load", document="pdf")
        too_big, wrong_kind = await replies(fake, ADMIN, 2)
    assert "big.txt is 5 KB; I load files of up to 2 KB" in too_big
    assert "report.pdf" in wrong_kind and ".txt" in wrong_kind
    assert fake.counts["getFile"] == 0
    assert service.store.stats()["articles"] == 1


async def test_edited_messages_are_ignored(fake: FakeTelegram, service: BriefingService) -> None:
    update = {
        "update_id": 99,
        "edited_message": {
            "message_id": 5,
            "date": 0,
            "edit_date": 1,
            "chat": {"id": ADMIN, "type": "private"},
            "from": {"id": ADMIN, "is_bot": False, "first_name": "A"},
            "text": "/load Edited\n\nSneaky edit.",
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        },
    }
    async with serving(service) as (_, app):
        await app.process_update(Update.de_json(update, app.bot))
    assert fake.calls("sendMessage") == []
    assert service.store.stats()["articles"] == 1


# ----- digests --------------------------------------------------------------------------------------


async def test_subscribe_creates_a_subscription(fake: FakeTelegram, service: BriefingService) -> None:
    async with serving(service):
        fake.push_message(USER, USER, "/subscribe oil at 7am UTC")
        [ack] = await replies(fake, USER)
    assert ack.startswith("Subscribed (#1)")
    [subscription] = service.store.chat_subscriptions("telegram", str(USER))
    assert (subscription.topic, subscription.local_time, subscription.user_key) == ("oil", time(7), f"telegram:{USER}")


async def test_digests_go_out_and_a_blocked_user_does_not_stop_the_others(
    fake: FakeTelegram, service: BriefingService
) -> None:
    async with serving(service) as (adapter, app):
        for chat in (USER, OTHER):
            fake.push_message(chat, chat, "/subscribe oil at 7am UTC")
        await fake.wait_for(lambda: fake.texts(USER) and fake.texts(OTHER))
        load(service, OIL)
        fake.block(OTHER)
        tomorrow = datetime.now(UTC).replace(hour=8, minute=0) + timedelta(days=1)
        run = await adapter.run_digests(app.bot, tomorrow)
        again = await adapter.run_digests(app.bot, tomorrow)
    assert run == DigestRun(sent=1, deactivated=1)
    assert again == DigestRun()  # sent once a day; the blocked chat is off
    assert "Oil prices climb" in fake.texts(USER)[-1]
    assert [s.active for s in service.store.chat_subscriptions("telegram", str(OTHER))] in ([], [False])


async def test_the_cli_deliverer_sends_and_reports_a_blocked_chat(settings: Settings, fake: FakeTelegram) -> None:
    deliver = build_deliverers(settings, io.StringIO())["telegram"]
    fake.add_chat(USER)
    fake.add_chat(OTHER)
    fake.block(OTHER)
    mine = Subscription(1, "telegram", str(USER), f"telegram:{USER}", time(7), "UTC")
    await asyncio.to_thread(deliver, mine, Reply("Your daily digest <3"))
    assert fake.texts(USER) == ["Your daily digest <3"]
    blocked = Subscription(2, "telegram", str(OTHER), f"telegram:{OTHER}", time(7), "UTC")
    with pytest.raises(DeliveryBlocked):
        await asyncio.to_thread(telegram_deliverer(settings), blocked, Reply("x"))


# ----- settings ---------------------------------------------------------------------------------------


async def test_a_webhook_needs_a_secret_token(settings: Settings) -> None:
    hooked = settings.model_copy(update={"telegram_webhook_url": "https://bot.example.com/tg/hook"})
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        webhook_options(hooked, "127.0.0.1")
    options = webhook_options(hooked.model_copy(update={"telegram_webhook_secret": SecretStr("s3cr3t")}), "127.0.0.1")
    assert options["url_path"] == "tg/hook" and options["secret_token"] == "s3cr3t"


async def test_building_without_a_token_is_a_config_error(settings: Settings, service: BriefingService) -> None:
    with pytest.raises(ConfigError, match="TELEGRAM_BOT_TOKEN"):
        build_application(service, settings.model_copy(update={"telegram_bot_token": None}))
    app = build_application(service, settings)
    assert {job.name for job in app.job_queue.jobs()} == {"digests", "feeds"}  # type: ignore[union-attr]


async def test_webhook_mode_answers_updates_carrying_the_secret_and_refuses_others(
    fake: FakeTelegram, service: BriefingService, settings: Settings
) -> None:
    port = free_port()
    hooked = settings.model_copy(
        update={
            "telegram_webhook_url": "https://bot.example.com/tg",
            "telegram_webhook_secret": SecretStr("s3cr3t"),
            "telegram_webhook_port": port,
        }
    )
    app = TelegramAdapter(service, hooked).build_application(jobs=False)
    update = fake.push_message(USER, USER, "what did Imomi say about oil?")  # nobody polls: it comes by webhook
    async with asyncio.timeout(20), app:
        assert app.updater
        await app.start()
        await app.updater.start_webhook(**webhook_options(hooked, "127.0.0.1"), allowed_updates=ALLOWED_UPDATES)
        try:
            post = _poster(f"http://127.0.0.1:{port}/tg", update)
            assert await asyncio.to_thread(post, None) == 403
            assert await asyncio.to_thread(post, "wrong") == 403
            assert await asyncio.to_thread(post, "s3cr3t") == 200
            [answer] = await replies(fake, USER)
        finally:
            await app.updater.stop()
            await app.stop()
    assert OIL_PARAGRAPH in answer and len(fake.texts(USER)) == 1
    assert fake.calls("setWebhook")[0]["secret_token"] == "s3cr3t"


def _poster(url: str, update: dict[str, Any]) -> Callable[[str | None], int]:
    def post(secret: str | None) -> int:
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        request = urllib.request.Request(url, json.dumps(update).encode(), headers)
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return int(response.status)
        except urllib.error.HTTPError as error:
            return error.code

    return post
