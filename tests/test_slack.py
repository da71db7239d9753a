"""The Slack adapter end to end: the real Bolt app served on 127.0.0.1, signed requests POSTed over
HTTP, every Web API call answered and recorded by the fake Slack API, a real SQLite store per test."""

from __future__ import annotations

import io
import json
import logging
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import time as clock_time
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient

from bot.config import Settings
from bot.digest import DeliveryBlocked, DeliveryFailed
from bot.formatting import MORE_ACTION_ID
from bot.models import Reply, Subscription, User
from bot.service import BriefingService
from bot.store import Store
from handlers.delivery import build_deliverers
from handlers.slack import (
    APOLOGY,
    SeenEvents,
    SlackRunner,
    brief_text,
    slack_deliverer,
    slack_to_plain,
    start_slack,
)
from handlers.slack_files import may_send_token
from tests.conftest import SEED_DIR
from tests.fakes.slack_api import MAX_BLOCKS, MAX_TEXT, FakeSlack, block_errors, utf16
from tests.fakes.slack_events import (
    app_mention,
    block_actions,
    event_body,
    file_share,
    message_im,
    signed_headers,
    slash_command,
)
from tests.serving import free_port

SECRET = "signing-secret"
TOKEN = "xoxb-test"
ADMIN = "UADMIN"
OIL = "what did Imomi say about oil?"
OIL_PARAGRAPH = "particularly in the *oil* industry sector"
MAX_UPLOAD = 64 * 1024
ARTICLE = (
    "Harbour pilots strike\n\n"
    'Port director Mara Velk said the <!channel> strike & "walkout" at the <harbour> would end soon.\n\n'
    "Velk added that the pilots want better pay."
)


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """The fake Slack Web API with the users the tests speak as."""
    with FakeSlack(bot_token=TOKEN) as running:
        for user in ("U0001", "U0002", ADMIN):
            running.add_user(user)
        yield running


def slack_settings(tmp_path: Path, fake: FakeSlack, **extra: Any) -> Settings:
    """Settings for a fresh store whose Slack client talks to the fake."""
    values: dict[str, Any] = {
        "BRIEFBOT_DB_PATH": tmp_path / "t.db",
        "BRIEFBOT_ARTICLES_DIR": SEED_DIR,
        "BRIEFBOT_ADMINS": f"slack:{ADMIN}",
        "BRIEFBOT_MAX_UPLOAD_BYTES": MAX_UPLOAD,
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_BASE_URL": fake.base_url,
        **extra,
    }
    return Settings(_env_file=None, **values)


@pytest.fixture
def settings(tmp_path: Path, fake: FakeSlack) -> Settings:
    """Settings pointing at the fake, with one Slack admin."""
    return slack_settings(tmp_path, fake)


@pytest.fixture
def service(settings: Settings) -> Iterator[BriefingService]:
    """A service over a fresh store holding the bundled article."""
    store = Store.open(settings.db_path)
    svc = BriefingService(store, settings)
    svc.load_bundled()
    yield svc
    store.close()


@pytest.fixture
def slack(service: BriefingService, settings: Settings) -> Iterator[SlackRunner]:
    """The real Bolt app served over HTTP on a free 127.0.0.1 port."""
    runner = SlackRunner(service, settings, host="127.0.0.1", port=0)
    runner.start()
    yield runner
    runner.stop()


def url_of(runner: SlackRunner) -> str:
    assert runner.http is not None
    return runner.http.url


def send(
    runner: SlackRunner,
    body: str,
    *,
    secret: str = SECRET,
    timestamp: int | None = None,
    headers: dict[str, str] | None = None,
    signed: bool = True,
) -> tuple[int, str]:
    """POST a body to the app as Slack would; returns the status and the response text."""
    sent = signed_headers(body, secret, timestamp=timestamp)
    if not signed:
        sent = {"content-type": sent["content-type"]}
    request = urllib.request.Request(url_of(runner), body.encode(), {**sent, **(headers or {})}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=5) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def open_dm(fake: FakeSlack, user: str = "U0001") -> str:
    """The DM channel id with ``user``, as Slack would have it."""
    return WebClient(token=TOKEN, base_url=fake.base_url).conversations_open(users=user)["channel"]["id"]


def texts(message: dict[str, Any]) -> list[str]:
    """Every mrkdwn text in a posted message's blocks."""
    found = []
    for block in message.get("blocks", []):
        if "text" in block:
            found.append(block["text"]["text"])
        found += [e.get("text", "") for e in block.get("elements", []) if isinstance(e.get("text"), str)]
    return found


def assert_valid(message: dict[str, Any]) -> None:
    """Within Slack's limits: at most 50 blocks, sections of at most 3000 characters, a text fallback."""
    blocks = message["blocks"]
    assert block_errors(blocks) == [] and len(blocks) <= MAX_BLOCKS
    assert all(utf16(t) <= MAX_TEXT for t in texts(message))
    assert 0 < utf16(message["text"]) <= MAX_TEXT


# Conversations


def test_dm_question_is_answered_with_the_oil_paragraph_and_its_citation(fake: FakeSlack, slack: SlackRunner) -> None:
    dm = open_dm(fake)
    assert send(slack, event_body(message_im(OIL, channel=dm)))[0] == 200
    (answer,) = fake.wait_for_sync(lambda: fake.messages(dm))
    assert_valid(answer)
    shown = "\n".join(texts(answer))
    assert OIL_PARAGRAPH in shown
    assert "Sodik Imomi" in shown and "Azernews" in shown and "2022-06-10" in shown  # the citation
    assert answer["blocks"][-1]["type"] == "context"
    assert "thread_ts" not in answer


def test_a_no_match_offers_the_nearest_paragraphs_with_their_citations(fake: FakeSlack, slack: SlackRunner) -> None:
    dm = open_dm(fake)
    question = "what did khalafov say about the caspian transport tariffs?"
    assert send(slack, event_body(message_im(question, channel=dm)))[0] == 200
    (answer,) = fake.wait_for_sync(lambda: fake.messages(dm))
    assert_valid(answer)
    shown = "\n".join(texts(answer))
    assert "no paragraph where Khalaf Khalafov speaks about the caspian transport tariffs" in shown
    assert "may not answer your question" in shown
    assert "The deputy minister underlined that work is underway" in shown and "Azernews" in shown


def test_mention_is_answered_in_its_thread_within_two_seconds(fake: FakeSlack, slack: SlackRunner) -> None:
    event = app_mention(OIL)
    started = time.monotonic()
    assert send(slack, event_body(event))[0] == 200
    (answer,) = fake.wait_for_sync(lambda: fake.messages("C0001"), timeout=2)
    assert time.monotonic() - started < 2
    assert answer["thread_ts"] == event["ts"]
    assert OIL_PARAGRAPH in "\n".join(texts(answer))


def test_slash_command_is_acknowledged_at_once_then_answered(fake: FakeSlack, slack: SlackRunner) -> None:
    started = time.monotonic()
    status, _ = send(slack, slash_command("/brief", OIL, response_url=fake.response_url("r1")))
    assert status == 200 and time.monotonic() - started < 3
    (answer,) = fake.wait_for_sync(lambda: fake.responses.get("r1"))
    assert answer["response_type"] == "in_channel"
    assert OIL_PARAGRAPH in "\n".join(texts(answer))


def test_slash_sub_commands_reach_the_core(fake: FakeSlack, slack: SlackRunner) -> None:
    send(slack, slash_command("/brief", "help", response_url=fake.response_url("h")))
    (answer,) = fake.wait_for_sync(lambda: fake.responses.get("h"))
    assert "/more" in answer["text"] and "/load" not in answer["text"]  # admin commands only for admins
    send(slack, slash_command("/brief", "articles", response_url=fake.response_url("a")))
    (answer,) = fake.wait_for_sync(lambda: fake.responses.get("a"))
    assert answer["text"].startswith("#1 Azerbaijani Deputy Foreign Minister")


def test_more_button_pages_in_the_same_thread(fake: FakeSlack, slack: SlackRunner) -> None:
    event = app_mention("any news on Tajikistan?")
    send(slack, event_body(event))
    (first,) = fake.wait_for_sync(lambda: fake.messages("C0001"))
    assert first["blocks"][-1]["elements"][0]["action_id"] == MORE_ACTION_ID
    press = block_actions(MORE_ACTION_ID, response_url=fake.response_url("m"), message=first)
    assert send(slack, press)[0] == 200
    first_page, second = fake.wait_for_sync(lambda: len(fake.messages("C0001")) == 2 and fake.messages("C0001"))
    assert second["thread_ts"] == event["ts"]
    quotes = [t for t in texts(second) if t.startswith(">")]
    assert quotes and not set(quotes) & set(texts(first_page))
    assert fake.responses.get("m") is None


def test_more_after_a_slash_answer_in_a_channel_the_bot_is_not_in_uses_the_response_url(
    fake: FakeSlack, slack: SlackRunner
) -> None:
    send(
        slack, slash_command("/brief", "any news on Tajikistan?", channel_id="C0777", response_url=fake.response_url())
    )
    (first,) = fake.wait_for_sync(lambda: fake.responses.get("1"))
    message = {"type": "message", "ts": "1.000001", "text": first["text"], "blocks": first["blocks"]}
    press = block_actions(MORE_ACTION_ID, response_url=fake.response_url("m"), channel_id="C0777", message=message)
    assert send(slack, press)[0] == 200
    (second,) = fake.wait_for_sync(lambda: fake.responses.get("m"))
    assert second["response_type"] == "in_channel" and any(t.startswith(">") for t in texts(second))
    assert fake.calls("chat.postMessage")[0]["channel"] == "C0777"  # tried first, refused: not a member


def test_deliverers_include_slack_when_its_token_is_set(settings: Settings, fake: FakeSlack) -> None:
    deliver = build_deliverers(settings, io.StringIO())["slack"]
    deliver(subscription("C0001"), Reply("Your digest"))
    assert [m["text"] for m in fake.messages("C0001")] == ["Your digest"]


# Admin loading


def test_admin_loads_pasted_text_which_is_then_answered_with_escaped_mrkdwn(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    send(slack, slash_command("/brief", f"load {ARTICLE}", user_id=ADMIN, response_url=fake.response_url("l")))
    (loaded,) = fake.wait_for_sync(lambda: fake.responses.get("l"))
    assert loaded["text"].startswith("Loaded #2 “Harbour pilots strike”")
    send(slack, event_body(app_mention("what did Velk say about the strike?")))
    (answer,) = fake.wait_for_sync(lambda: fake.messages("C0001"))
    assert_valid(answer)
    quote = next(t for t in texts(answer) if t.startswith(">"))
    assert 'the &lt;!channel&gt; *strike* &amp; "walkout" at the &lt;harbour&gt; would' in quote
    assert "<!channel>" not in json.dumps(answer)


def test_non_admin_load_is_refused_ephemerally_and_nothing_is_stored(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    send(slack, slash_command("/brief", f"load {ARTICLE}", user_id="U0002", response_url=fake.response_url("l")))
    (refusal,) = fake.wait_for_sync(lambda: fake.responses.get("l"))
    assert refusal["response_type"] == "ephemeral"
    assert refusal["text"] == "Sorry, only admins can load articles."
    assert service.store.article_count() == 1


def test_file_shared_by_an_admin_is_downloaded_with_the_token_and_loaded(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    dm = open_dm(fake, ADMIN)
    file = fake.add_file("F1", ARTICLE.encode(), "harbour.txt")
    send(slack, event_body(file_share(file, user=ADMIN, channel=dm)))
    (reply,) = fake.wait_for_sync(lambda: fake.messages(dm))
    assert reply["text"].startswith("Loaded #2 “Harbour pilots strike”")
    (download,) = fake.downloads
    assert download.params["authorization"] == f"Bearer {TOKEN}"
    assert service.store.article_count() == 2


def test_a_file_event_carrying_only_the_id_is_looked_up_first(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    dm = open_dm(fake, ADMIN)
    fake.add_file("F2", ARTICLE.encode(), "harbour.txt")
    send(slack, event_body(file_share({"id": "F2", "file_access": "check_file_info"}, user=ADMIN, channel=dm)))
    (reply,) = fake.wait_for_sync(lambda: fake.messages(dm))
    assert reply["text"].startswith("Loaded #2") and fake.counts["files.info"] == 1


def test_oversize_file_is_refused_before_any_download(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    dm = open_dm(fake, ADMIN)
    file = fake.add_file("F1", b"x" * (MAX_UPLOAD + 1), "big.txt")
    send(slack, event_body(file_share(file, user=ADMIN, channel=dm)))
    (reply,) = fake.wait_for_sync(lambda: fake.messages(dm))
    assert reply["text"] == "Could not load big.txt: it is 0.1 MB and I take files up to 0.1 MB."
    assert fake.downloads == [] and service.store.article_count() == 1


def test_file_shared_by_a_non_admin_is_refused_and_never_downloaded(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    dm = open_dm(fake, "U0002")
    file = fake.add_file("F1", ARTICLE.encode(), "harbour.txt")
    send(slack, event_body(file_share(file, user="U0002", channel=dm)))
    (refusal,) = fake.wait_for_sync(lambda: fake.ephemeral("U0002"))
    assert refusal["text"] == "Sorry, only admins can load articles." and refusal["channel"] == dm
    assert fake.downloads == [] and fake.messages(dm) == [] and service.store.article_count() == 1


def test_the_token_is_never_sent_to_a_host_other_than_slack(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    dm = open_dm(fake, ADMIN)
    with FakeSlack(bot_token=TOKEN) as elsewhere:  # another port: another host as far as the token goes
        file = elsewhere.add_file("F1", ARTICLE.encode(), "harbour.txt")
        send(slack, event_body(file_share(file, user=ADMIN, channel=dm)))
        (reply,) = fake.wait_for_sync(lambda: fake.messages(dm))
        assert "is not on Slack" in reply["text"] and elsewhere.downloads == []
    assert may_send_token("https://files.slack.com/files-pri/T1-F1/a.txt", "https://slack.com/api/")
    assert not may_send_token("http://files.slack.com/files-pri/T1-F1/a.txt", "https://slack.com/api/")
    assert not may_send_token("https://files.slack.com.evil.example/a.txt", "https://slack.com/api/")


# Robustness


def test_bad_signature_stale_and_unsigned_requests_are_refused_with_no_side_effect(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    admin_load = slash_command("/brief", f"load {ARTICLE}", user_id=ADMIN, response_url=fake.response_url("x"))
    for body in (event_body(app_mention(OIL)), admin_load):
        assert send(slack, body, secret="wrong")[0] == 401
        assert send(slack, body, timestamp=int(time.time()) - 10 * 60)[0] == 401
        assert send(slack, body, signed=False)[0] == 401
    assert send(slack, "{not json", headers={"content-type": "application/json"})[0] == 400
    time.sleep(0.2)  # nothing is running in the background either
    assert {c.method for c in fake.sent} <= {"auth.test"}
    assert fake.responses == {} and service.store.article_count() == 1


def test_a_retried_event_is_answered_once(fake: FakeSlack, slack: SlackRunner) -> None:
    dm = open_dm(fake)
    body = event_body(message_im(OIL, channel=dm))
    assert send(slack, body)[0] == 200
    retry = {"x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout"}
    assert send(slack, body, headers=retry)[0] == 200
    send(slack, event_body(message_im("/help", channel=dm)))  # a new event: answered
    fake.wait_for_sync(lambda: len(fake.messages(dm)) >= 2)
    time.sleep(0.3)
    assert len(fake.messages(dm)) == 2


def test_the_bots_own_messages_and_other_bots_are_ignored(fake: FakeSlack, slack: SlackRunner) -> None:
    dm = open_dm(fake)
    own = {**message_im(OIL, user="UBOT", channel=dm), "bot_id": "B0001"}
    other = {**message_im(OIL, channel=dm), "subtype": "bot_message", "bot_id": "B0999"}
    other.pop("user")
    for event in (own, other):
        assert send(slack, event_body(event))[0] == 200
    send(slack, event_body(message_im("/help", channel=dm)))
    fake.wait_for_sync(lambda: fake.messages(dm))
    time.sleep(0.3)
    assert len(fake.calls("chat.postMessage")) == 1


def test_a_core_failure_is_logged_and_apologised_for_and_serving_goes_on(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService, caplog: pytest.LogCaptureFixture
) -> None:
    dm = open_dm(fake)
    service.store.close()
    with caplog.at_level(logging.ERROR, logger="handlers.slack"):
        send(slack, event_body(message_im(OIL, channel=dm)))
        (apology,) = fake.wait_for_sync(lambda: fake.ephemeral("U0001"))
    assert apology["text"] == APOLOGY and apology["channel"] == dm
    (record,) = [r for r in caplog.records if r.name == "handlers.slack"]
    assert OIL in record.getMessage() and record.exc_info is not None
    started = time.monotonic()
    assert send(slack, slash_command("/brief", OIL, response_url=fake.response_url("r")))[0] == 200
    assert time.monotonic() - started < 1  # the acknowledgement survives the failure after it
    (sorry,) = fake.wait_for_sync(lambda: fake.responses.get("r"))
    assert sorry == {**sorry, "text": APOLOGY, "response_type": "ephemeral"}
    send(slack, event_body(message_im("/help", channel=dm)))  # the app still answers
    (help_reply,) = fake.wait_for_sync(lambda: fake.messages(dm))
    assert "/more" in help_reply["text"]


def test_a_rate_limited_post_is_retried_after_retry_after(fake: FakeSlack, slack: SlackRunner) -> None:
    dm = open_dm(fake)
    fake.fail_next("chat.postMessage", retry_after=1)
    send(slack, event_body(message_im(OIL, channel=dm)))
    (answer,) = fake.wait_for_sync(lambda: fake.messages(dm), timeout=6)
    assert OIL_PARAGRAPH in "\n".join(texts(answer))
    assert fake.counts["chat.postMessage"] == 2


def test_a_long_answer_is_split_across_messages_within_slacks_limits(
    fake: FakeSlack, slack: SlackRunner, service: BriefingService
) -> None:
    sentence = "Zorba Quist said copper mine number {} would reopen once the copper strike ended."
    service.load_text(User("slack", ADMIN), "Copper news\n\n" + " ".join(map(sentence.format, range(2000))))
    dm = open_dm(fake)
    send(slack, event_body(message_im("what did Quist say about copper?", channel=dm)))
    # A 2000-sentence story takes well under a second to answer alone, many times that on a busy machine.
    messages = fake.wait_for_sync(lambda: len(fake.messages(dm)) >= 3 and fake.messages(dm), timeout=30.0)
    for message in messages:
        assert_valid(message)
    shown = " ".join(t.removeprefix("> ") for m in messages for t in texts(m) if t.startswith(">"))
    assert "mine number 0 would" in shown and "mine number 1999 would" in shown


# Running, Socket Mode and digests


def test_start_slack_serves_until_stopped(fake: FakeSlack, tmp_path: Path) -> None:
    port = free_port()
    settings = slack_settings(tmp_path, fake, SLACK_PORT=port)
    store = Store.open(settings.db_path)
    service = BriefingService(store, settings)
    service.load_bundled()
    stop = threading.Event()
    thread = threading.Thread(target=start_slack, args=(service, settings), kwargs={"stop": stop, "host": "127.0.0.1"})
    thread.start()
    try:
        dm = open_dm(fake)
        body = event_body(message_im(OIL, channel=dm)).encode()
        url = f"http://127.0.0.1:{port}/slack/events"
        request = urllib.request.Request(url, body, signed_headers(body.decode(), SECRET), method="POST")
        deadline = time.monotonic() + 5
        while True:  # until the server has bound its port
            try:
                with urllib.request.urlopen(request, timeout=5) as answer:
                    assert answer.status == 200
                break
            except urllib.error.URLError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        assert fake.wait_for_sync(lambda: fake.messages(dm))
    finally:
        stop.set()
        thread.join(5)
        store.close()
    assert not thread.is_alive()


def test_socket_mode_is_chosen_with_an_app_token(fake: FakeSlack, tmp_path: Path) -> None:
    settings = slack_settings(tmp_path, fake, SLACK_APP_TOKEN="xapp-1-test", SLACK_SIGNING_SECRET="")
    store = Store.open(settings.db_path)
    runner = SlackRunner(BriefingService(store, settings), settings)
    handler = runner.socket_mode_handler()
    try:
        assert runner.mode == "socket" and handler.app_token == "xapp-1-test"
        assert handler.client.web_client.base_url == fake.base_url  # apps.connections.open goes to SLACK_API_BASE_URL
    finally:
        handler.close()
        store.close()


def subscription(channel: str) -> Subscription:
    return Subscription(1, "slack", channel, "slack:U0001", clock_time(7), "UTC")


def test_digest_delivery_posts_and_tells_blocked_from_failed(fake: FakeSlack) -> None:
    deliver = slack_deliverer(WebClient(token=TOKEN, base_url=fake.base_url))
    deliver(subscription("C0001"), Reply("Your digest"))
    assert [m["text"] for m in fake.messages("C0001")] == ["Your digest"]
    fake.add_channel("C0002")
    fake.archive("C0002")
    for channel in ("C0002", "C9999"):
        with pytest.raises(DeliveryBlocked):
            deliver(subscription(channel), Reply("Your digest"))
    dead = WebClient(token=TOKEN, base_url=f"http://127.0.0.1:{free_port()}/api/", retry_handlers=[])
    with pytest.raises(DeliveryFailed):
        slack_deliverer(dead)(subscription("C0001"), Reply("Your digest"))


# The small pieces


def test_text_from_slack_becomes_what_the_person_typed() -> None:
    assert slack_to_plain("<@UBOT> what about &lt;oil&gt; &amp; gas?", "UBOT") == "what about <oil> & gas?"
    assert slack_to_plain("load <https://example.com/a?b=1&amp;c=2|example.com/a>") == (
        "load https://example.com/a?b=1&c=2"
    )
    assert brief_text("load https://example.com/a") == "/load https://example.com/a"
    assert brief_text("Feeds list") == "/Feeds list"
    assert brief_text("") == ""
    assert brief_text(OIL) == OIL


def test_seen_events_are_bounded_and_expire() -> None:
    now = [0.0]
    seen = SeenEvents(ttl=10, size=3, clock=lambda: now[0])
    assert seen.first_time("a") and not seen.first_time("a")
    for event_id in "bcd":
        assert seen.first_time(event_id)
    assert seen.first_time("a")  # pushed out by the bound
    now[0] = 11
    assert seen.first_time("d")  # expired
