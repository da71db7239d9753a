"""Admin commands on every adapter check the platform's stable user id against BRIEFBOT_ADMINS, and nothing else.

A display name, username or real name equal to an admin's id, a message forwarded or shared from an admin,
a reply to an admin's message, an edited message and a message in a group all grant nothing; every admin
action that succeeds is in the audit log. Slack runs the real Bolt app over HTTP against FakeSlack,
Telegram the real python-telegram-bot polling loop against FakeTelegram; the console is trusted by design.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest

from bot.commands import handle
from bot.config import Settings
from bot.models import Chat, User
from bot.service import BriefingService
from bot.store import Store
from handlers.slack import SlackRunner
from handlers.telegram import ALLOWED_UPDATES, TelegramAdapter
from tests.conftest import SEED_DIR
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_events import app_mention, event_body, file_share, message_im, signed_headers, slash_command
from tests.fakes.telegram_api import FakeTelegram

SECRET = "signing-secret"
SLACK_TOKEN = "xoxb-test"
TELEGRAM_TOKEN = "123:ABC"
SLACK_ADMIN = "UADMIN"
SLACK_USER = "U0001"
TG_ADMIN = 1001
TG_USER = 2002
TG_GROUP = -100500
ANONYMOUS_ADMIN = 1087968824  # Telegram's GroupAnonymousBot, the sender of an anonymous group admin's messages
ADMINS = f"telegram:{TG_ADMIN},slack:{SLACK_ADMIN}"
ARTICLE = "Intruder news\n\nThe intruder wrote this paragraph to plant it in the store."
# Every admin command, as typed in chat; none needs the network when it is refused.
ADMIN_COMMANDS = (
    f"/load {ARTICLE}",
    "/load https://example.com/story",
    "/delete 1",
    "/feeds list",
    "/feeds add https://example.com/rss.xml",
    "/feeds remove 1",
    "/feeds poll",
    "/audit",
    "/audit 5",
    "/stats",
)
_ids = itertools.count(10_000)


def settings_for(tmp_path: Path, **extra: Any) -> Settings:
    """A fresh store's settings with one Telegram and one Slack admin."""
    return Settings(
        _env_file=None,
        BRIEFBOT_DB_PATH=tmp_path / "auth.db",
        BRIEFBOT_ARTICLES_DIR=SEED_DIR,
        BRIEFBOT_ADMINS=ADMINS,
        BRIEFBOT_QUESTIONS_PER_MINUTE=1000,
        **extra,
    )


def state(service: BriefingService) -> tuple[Any, ...]:
    """What an admin command could change: counts, articles, feeds, subscriptions and the audit log."""
    store = service.store
    return (
        store.stats()["articles"],
        store.stats()["paragraphs"],
        store.article_ids(),
        store.feeds(),
        store.active_subscriptions(),
        store.audit_entries(1000),
    )


@pytest.fixture
def service(tmp_path: Path) -> Iterator[BriefingService]:
    """A service over a fresh store holding the bundled article (loaded by the system, audited once)."""
    settings = settings_for(tmp_path)
    store = Store.open(settings.db_path)
    svc = BriefingService(store, settings)
    svc.load_bundled()
    yield svc
    store.close()


# ----- the core: only the platform-qualified id counts ---------------------------------------------


@pytest.mark.parametrize(
    "user",
    [
        User("telegram", str(TG_USER), name=str(TG_ADMIN)),
        User("telegram", str(TG_USER), name=f"telegram:{TG_ADMIN}"),
        User("slack", SLACK_USER, name=SLACK_ADMIN),
        User("slack", SLACK_USER, name=f"slack:{SLACK_ADMIN}"),
        User("slack", str(TG_ADMIN)),  # an admin's Telegram id on another platform
        User("telegram", SLACK_ADMIN),
        User("slack", SLACK_ADMIN.lower()),
        User("slack", f"{SLACK_ADMIN} "),
        User("slack", f" {SLACK_ADMIN}"),
        User("slack", f"{SLACK_ADMIN}\u200b"),
        User("telegram", f"{TG_ADMIN}\n"),
        User("telegram", f"0{TG_ADMIN}"),
        User("telegram", f"+{TG_ADMIN}"),
        User("telegram", "unknown"),
        User("slack:UADMIN", ""),
        User("", f"slack:{SLACK_ADMIN}"),
    ],
    ids=repr,
)
def test_names_lookalikes_and_other_platforms_are_not_admins(service: BriefingService, user: User) -> None:
    assert not service.is_admin(user)
    before = state(service)
    chat = Chat(user.platform, user.id, is_group=True)
    for command in ADMIN_COMMANDS:
        reply = handle(service, user, chat, command)
        assert reply.text.startswith("Sorry, only admins can"), (command, reply.text)
        assert reply.private
    assert state(service) == before


def test_the_console_is_trusted_by_design(service: BriefingService) -> None:
    console = User("console", "local")
    assert service.is_admin(console)
    assert handle(service, console, Chat("console", "local"), "/stats").text.startswith("1 article, ")


def test_an_admin_stopping_someone_elses_digest_is_audited(service: BriefingService) -> None:
    admin, member = User("slack", SLACK_ADMIN), User("slack", SLACK_USER)
    channel = Chat("slack", "C0001", is_group=True)
    assert handle(service, member, channel, "/subscribe oil at 7am UTC").text.startswith("Subscribed (#1)")
    assert handle(service, member, channel, "/subscribe gas at 8am UTC").text.startswith("Subscribed (#2)")
    assert handle(service, admin, channel, "/subscribe at 9am UTC").text.startswith("Subscribed (#3)")
    stranger = User("slack", "U0009")
    assert "no subscription #1" in handle(service, stranger, channel, "/unsubscribe 1").text
    own = handle(service, admin, channel, "/unsubscribe 3")  # an admin's own digest is not an admin action
    assert own.text.startswith("Unsubscribed #3")
    assert [e.action for e in service.audit_log(admin, 10)] == ["load"]
    assert handle(service, admin, channel, "/unsubscribe 1, 2").text.startswith("Unsubscribed #1, #2")
    newest = service.audit_log(admin, 1)[0]
    assert (newest.user_key, newest.action) == (f"slack:{SLACK_ADMIN}", "unsubscribe")
    assert newest.detail == f"#1 of slack:{SLACK_USER}, #2 of slack:{SLACK_USER} in slack:C0001"


def test_an_admin_moving_someone_elses_digest_is_audited(service: BriefingService) -> None:
    admin, member = User("slack", SLACK_ADMIN), User("slack", SLACK_USER)
    channel = Chat("slack", "C0001", is_group=True)
    assert handle(service, member, channel, "/subscribe oil at 7am UTC").text.startswith("Subscribed (#1)")
    assert "no subscription #1" in handle(service, User("slack", "U0009"), channel, "/reschedule 1 9pm").text
    assert [e.action for e in service.audit_log(admin, 10)] == ["load"]
    assert handle(service, admin, channel, "/reschedule 1 9pm").text.startswith("Moved #1: every day at 21:00")
    newest = service.audit_log(admin, 1)[0]
    assert (newest.action, newest.detail) == ("reschedule", f"#1 of slack:{SLACK_USER} in slack:C0001")


# ----- Slack ------------------------------------------------------------------------------------------


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    with FakeSlack(bot_token=SLACK_TOKEN) as running:
        for user in (SLACK_USER, SLACK_ADMIN):
            running.add_user(user)
            running.add_channel(f"D{user.lstrip('U')}", members=(user,))  # their DM with the bot
        yield running


@pytest.fixture
def slack(tmp_path: Path, fake_slack: FakeSlack) -> Iterator[tuple[SlackRunner, BriefingService]]:
    """The real Bolt app served on 127.0.0.1 over a fresh store."""
    settings = settings_for(
        tmp_path, SLACK_BOT_TOKEN=SLACK_TOKEN, SLACK_SIGNING_SECRET=SECRET, SLACK_API_BASE_URL=fake_slack.base_url
    )
    store = Store.open(settings.db_path)
    service = BriefingService(store, settings)
    service.load_bundled()
    runner = SlackRunner(service, settings, host="127.0.0.1", port=0)
    runner.start()
    yield runner, service
    runner.stop()
    store.close()


def post(runner: SlackRunner, body: str) -> int:
    """POST a signed body to the app as Slack would; returns the HTTP status."""
    assert runner.http is not None
    request = urllib.request.Request(runner.http.url, body.encode(), signed_headers(body, SECRET), method="POST")
    with urllib.request.urlopen(request, timeout=5) as answer:
        return int(answer.status)


def slash_as(text: str, response_id: str, *, user_id: str, user_name: str, channel_id: str = "C0001") -> str:
    """A ``/brief`` body whose ``user_name`` (a display handle anyone can pick) is set to ``user_name``."""
    body = dict(parse_qsl(slash_command("/brief", text, response_url="", user_id=user_id, channel_id=channel_id)))
    return urlencode({**body, "user_name": user_name, "response_url": RESPONSE_URLS[0] + response_id})


RESPONSE_URLS = [""]  # set per test to the fake's response_url prefix


def sent_to(fake: FakeSlack, user: str) -> list[str]:
    """Texts the bot sent to ``user``: ephemeral messages, and messages in their DM."""
    return [m["text"] for m in fake.ephemeral(user)] + [m["text"] for m in fake.messages(f"D{user.lstrip('U')}")]


def test_slack_user_name_equal_to_an_admin_grants_nothing(
    fake_slack: FakeSlack, slack: tuple[SlackRunner, BriefingService]
) -> None:
    runner, service = slack
    RESPONSE_URLS[0] = fake_slack.response_url("")
    before = state(service)
    commands = [c.removeprefix("/") for c in ADMIN_COMMANDS]
    for n, command in enumerate(commands):
        for name in (SLACK_ADMIN, f"slack:{SLACK_ADMIN}"):
            assert post(runner, slash_as(command, f"{n}-{name}", user_id=SLACK_USER, user_name=name)) == 200
    wanted = 2 * len(commands)
    answers = fake_slack.wait_for_sync(lambda: sum(map(len, fake_slack.responses.values())) >= wanted and fake_slack)
    refusals = [r for posted in answers.responses.values() for r in posted]
    assert len(refusals) == wanted
    assert all(r["response_type"] == "ephemeral" and r["text"].startswith("Sorry, only admins") for r in refusals)
    assert state(service) == before


def test_slack_profile_names_shares_of_an_admins_message_and_admins_files_grant_nothing(
    fake_slack: FakeSlack, slack: tuple[SlackRunner, BriefingService]
) -> None:
    runner, service = slack
    before = state(service)
    dm = "D0001"
    profile = {"display_name": SLACK_ADMIN, "real_name": f"slack:{SLACK_ADMIN}", "name": SLACK_ADMIN}
    shared = {"is_share": True, "author_id": SLACK_ADMIN, "author_subname": SLACK_ADMIN, "text": "/stats"}
    events = [
        {**message_im("/stats", user=SLACK_USER, channel=dm), "user_profile": profile},
        {**message_im("/audit", user=SLACK_USER, channel=dm), "attachments": [shared]},  # a share with a comment
        {**message_im(f"/load {ARTICLE}", user=SLACK_USER, channel=dm), "attachments": [shared]},
    ]
    file = fake_slack.add_file("F1", ARTICLE.encode(), "intruder.txt")
    events.append(file_share({**file, "user": SLACK_ADMIN}, user=SLACK_USER, channel=dm))  # the admin's file
    for event in events:
        assert post(runner, event_body(event)) == 200
    texts = fake_slack.wait_for_sync(
        lambda: len(sent_to(fake_slack, SLACK_USER)) >= len(events) and sent_to(fake_slack, SLACK_USER)
    )
    assert len(texts) == len(events)
    assert all("only admins" in t for t in texts), texts
    assert fake_slack.downloads == []  # the file was never fetched
    assert state(service) == before


def test_slack_edited_messages_and_others_messages_in_channels_are_not_obeyed(
    fake_slack: FakeSlack, slack: tuple[SlackRunner, BriefingService]
) -> None:
    runner, service = slack
    before = state(service)
    edited_by_admin = {
        "type": "message",
        "subtype": "message_changed",
        "channel": "DADMIN",
        "channel_type": "im",
        "hidden": True,
        "ts": "1700000000.000200",
        "message": {"type": "message", "user": SLACK_ADMIN, "text": f"/load {ARTICLE}", "ts": "1700000000.000100"},
        "previous_message": {"type": "message", "user": SLACK_ADMIN, "text": "hello", "ts": "1700000000.000100"},
    }
    edited_with_user = {**edited_by_admin, "user": SLACK_ADMIN}  # even if an edit named its author at the top
    channel_message = {**message_im("/delete 1", user=SLACK_ADMIN, channel="C0001"), "channel_type": "channel"}
    for event in (edited_by_admin, edited_with_user, channel_message):
        assert post(runner, event_body(event)) == 200
    # A question after them, so we know the earlier events were processed (and ignored) by now.
    assert (
        post(runner, event_body(message_im("what did Imomi say about oil?", user=SLACK_ADMIN, channel="DADMIN"))) == 200
    )
    (answer,) = fake_slack.wait_for_sync(lambda: fake_slack.messages("DADMIN"))
    assert "Imomi" in answer["text"]
    time.sleep(0.3)
    assert len(fake_slack.calls("chat.postMessage")) == 1 and fake_slack.ephemeral() == []
    assert state(service) == before


def test_slack_admin_commands_in_a_channel_from_a_member_are_refused(
    fake_slack: FakeSlack, slack: tuple[SlackRunner, BriefingService]
) -> None:
    runner, service = slack
    before = state(service)
    for command in ("/stats", "/audit", f"/load {ARTICLE}", "/delete 1"):
        assert post(runner, event_body(app_mention(command, user=SLACK_USER, channel="C0001"))) == 200
    refusals = fake_slack.wait_for_sync(
        lambda: len(fake_slack.ephemeral(SLACK_USER)) >= 4 and fake_slack.ephemeral(SLACK_USER)
    )
    assert all(r["text"].startswith("Sorry, only admins") for r in refusals)
    assert fake_slack.messages("C0001") == []  # nothing said in the channel for everyone
    assert state(service) == before


def test_slack_admin_by_id_succeeds_and_every_change_is_audited(
    fake_slack: FakeSlack, slack: tuple[SlackRunner, BriefingService]
) -> None:
    runner, service = slack
    RESPONSE_URLS[0] = fake_slack.response_url("")
    steps = [f"load {ARTICLE}", "stats", "feeds list", "feeds poll", "audit 3", "delete 2"]
    for n, text in enumerate(steps):  # one at a time: /delete needs the load done
        assert post(runner, slash_as(text, str(n), user_id=SLACK_ADMIN, user_name="someone")) == 200
        fake_slack.wait_for_sync(lambda n=n: fake_slack.responses.get(str(n)))
    said = [fake_slack.responses[str(n)][0]["text"] for n in range(len(steps))]
    assert said[0].startswith("Loaded #2 “Intruder news”")
    assert "2 articles" in said[1] and said[2].startswith("No feeds") and said[3].startswith("There are no feeds")
    assert said[5] == "Deleted article 2: Intruder news"
    entries = [(e.user_key, e.action) for e in service.store.audit_entries(10)]
    admin = f"slack:{SLACK_ADMIN}"
    assert entries == [(admin, "delete"), (admin, "feeds.poll"), (admin, "load"), ("system:bundled", "load")]


# ----- Telegram ---------------------------------------------------------------------------------------


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(token=TELEGRAM_TOKEN, max_poll_seconds=2) as running:
        yield running


@pytest.fixture
def telegram_service(tmp_path: Path, fake_telegram: FakeTelegram) -> Iterator[BriefingService]:
    settings = settings_for(
        tmp_path,
        TELEGRAM_BOT_TOKEN=TELEGRAM_TOKEN,
        TELEGRAM_API_BASE_URL=fake_telegram.base_url,
        TELEGRAM_FILE_BASE_URL=fake_telegram.file_base_url,
    )
    store = Store.open(settings.db_path)
    svc = BriefingService(store, settings)
    svc.load_bundled()
    yield svc
    store.close()


@asynccontextmanager
async def polling(service: BriefingService) -> AsyncIterator[None]:
    """The adapter's real application polling the fake for the block."""
    app = TelegramAdapter(service, service.settings).build_application(jobs=False)
    async with asyncio.timeout(40), app:
        assert app.updater is not None
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES)
        try:
            yield
        finally:
            await app.updater.stop()
            await app.stop()


def person(user_id: int, *, name: str = "", username: str | None = None) -> dict[str, Any]:
    """A Telegram ``User`` object with chosen names."""
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": name or f"User {user_id}"}
    if username is not None:
        user["username"] = username
    return user


def private_message(sender: dict[str, Any], text: str, **extra: Any) -> dict[str, Any]:
    """A private-chat message from ``sender`` (a command gets its ``bot_command`` entity)."""
    chat = {"id": sender["id"], "type": "private", "first_name": sender["first_name"]}
    message: dict[str, Any] = {"message_id": next(_ids), "date": int(time.time()), "chat": chat, "from": sender}
    message["text"] = text
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split(maxsplit=1)[0])}]
    return {**message, **extra}


async def test_telegram_names_forwards_and_replies_to_an_admin_grant_nothing(
    fake_telegram: FakeTelegram, telegram_service: BriefingService
) -> None:
    fake, service = fake_telegram, telegram_service
    before = state(service)
    admin = person(TG_ADMIN, name="The Admin", username="the_admin")
    # Each sender has their own private chat, so Telegram's per-chat pacing lets their replies go side by side.
    named_like_the_id = person(2002, name=str(TG_ADMIN), username=str(TG_ADMIN))
    named_like_the_key = person(2003, name=f"telegram:{TG_ADMIN}", username="admin")
    forwarder, replier = person(2004), person(2005)
    forwarded = {"forward_origin": {"type": "user", "sender_user": admin, "date": int(time.time()) - 60}}
    held = private_message(admin, ARTICLE)  # the admin's message holding an article
    updates = [private_message(named_like_the_id, command) for command in ADMIN_COMMANDS]
    updates += [private_message(named_like_the_key, command) for command in ADMIN_COMMANDS]
    updates += [private_message(forwarder, command, **forwarded) for command in ADMIN_COMMANDS]
    updates += [private_message(replier, command, reply_to_message=held) for command in ("/load", "/delete 1")]
    senders = [2002, 2003, 2004, 2005]
    async with polling(service):
        for sender in senders:
            fake.add_chat(sender)
        for message in updates:
            fake.push_update({"message": message})
        replies = await fake.wait_for(
            lambda: (
                sum(len(fake.texts(s)) for s in senders) >= len(updates) and [t for s in senders for t in fake.texts(s)]
            ),
            20,
        )
    assert len(replies) == len(updates)
    assert all(text.startswith("Sorry, only admins can") for text in replies), replies
    assert fake.counts["getFile"] == 0
    assert state(service) == before


async def test_telegram_edits_even_the_admins_are_never_obeyed(
    fake_telegram: FakeTelegram, telegram_service: BriefingService
) -> None:
    fake, service = fake_telegram, telegram_service
    before = state(service)
    admin = person(TG_ADMIN)
    async with polling(service):
        for command in ("/delete 1", f"/load {ARTICLE}", "/stats"):
            edited = private_message(admin, command, edit_date=int(time.time()))
            fake.push_update({"edited_message": edited})
        fake.push_message(TG_USER, TG_USER, "what did Imomi say about oil?")  # processed after the edits
        await fake.wait_for(lambda: fake.texts(TG_USER))
        await fake.wait_for(lambda: not fake.pending())
    assert fake.texts(TG_ADMIN) == [] and len(fake.calls("sendMessage")) == 1
    assert state(service) == before


async def test_telegram_groups_grant_nothing_to_members_or_anonymous_admins(
    fake_telegram: FakeTelegram, telegram_service: BriefingService
) -> None:
    fake, service = fake_telegram, telegram_service
    before = state(service)
    async with polling(service):
        fake.add_chat(TG_GROUP, "supergroup")
        for command in ("/stats", "/audit", f"/load@briefbot_test {ARTICLE}", "/delete 1", "/feeds list"):
            fake.push_message(TG_GROUP, TG_USER, command, chat_type="supergroup", username=str(TG_ADMIN))
            fake.push_message(TG_GROUP, ANONYMOUS_ADMIN, command, chat_type="supergroup")
        replies = await fake.wait_for(lambda: len(fake.texts(TG_GROUP)) >= 10 and fake.texts(TG_GROUP), 20)
    assert len(replies) == 10
    assert all(text.startswith("Sorry, only admins can") for text in replies), replies
    assert state(service) == before


async def test_telegram_admin_by_numeric_id_succeeds_and_every_change_is_audited(
    fake_telegram: FakeTelegram, telegram_service: BriefingService
) -> None:
    fake, service = fake_telegram, telegram_service
    steps = [f"/load {ARTICLE}", "/stats", "/feeds", "/feeds poll", "/audit 2", "/delete 2"]
    async with polling(service):
        for n, command in enumerate(steps, 1):  # one at a time: /delete needs the load done
            fake.push_message(TG_ADMIN, TG_ADMIN, command)
            await fake.wait_for(lambda n=n: len(fake.texts(TG_ADMIN)) >= n, 10)
    said = fake.texts(TG_ADMIN)
    assert said[0].startswith("Loaded #2 “Intruder news”")
    assert "2 articles" in said[1] and said[2].startswith("No feeds") and said[3].startswith("There are no feeds")
    assert f"telegram:{TG_ADMIN} feeds.poll" in said[4]
    assert said[5] == "Deleted article 2: Intruder news"
    entries = [(e.user_key, e.action) for e in service.store.audit_entries(10)]
    admin = f"telegram:{TG_ADMIN}"
    assert entries == [(admin, "delete"), (admin, "feeds.poll"), (admin, "load"), ("system:bundled", "load")]
    assert json.dumps(said)  # every reply was plain text Telegram accepted
