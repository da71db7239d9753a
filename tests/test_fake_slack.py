"""The fake Slack API and signed requests behave like Slack for the real slack_bolt/slack_sdk stack."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from typing import Any

import pytest
from slack_bolt import Ack, App, Respond, Say
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.formatting import MORE_ACTION_ID, to_slack_messages
from bot.models import Citation, Hit, Reply
from tests.fakes.slack_api import SIGN_IN_PAGE, FakeSlack
from tests.fakes.slack_events import (
    BoltServer,
    app_mention,
    block_actions,
    bolt_request,
    event_body,
    file_share,
    message_im,
    post,
    slash_command,
)

SECRET = "s"
TOKEN = "xoxb-test"
HIT = Hit(1, 0, "Imomi said oil & gas <prices> would *rise*.", 1, ("Imomi",), Citation("T", "W", "", ""))


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    """A running fake with the default channel and one known user."""
    with FakeSlack(bot_token=TOKEN) as running:
        running.add_user("U0001")
        yield running


def build_app(fake: FakeSlack) -> App:
    """A real Bolt app whose client talks to the fake (as STYLE prescribes: client, no token)."""
    return App(client=WebClient(token=TOKEN, base_url=fake.url + "/"), signing_secret=SECRET)


def test_mention_is_answered_with_rendered_blocks_through_dispatch(fake: FakeSlack) -> None:
    app = build_app(fake)
    assert fake.counts["auth.test"] == 1  # App() verifies its token at construction

    @app.event("app_mention")
    def on_mention(event: dict[str, Any], say: Say) -> None:
        for message in to_slack_messages(Reply("Found:", (HIT,), more=True)):
            say(**message)

    response = app.dispatch(bolt_request(event_body(app_mention("what about oil?")), SECRET))
    assert response.status == 200
    (posted,) = fake.wait_for_sync(lambda: fake.messages("C0001"))
    assert posted["blocks"][1]["text"]["text"] == "> Imomi said oil &amp; gas &lt;prices&gt; would *rise*."
    assert posted["blocks"][-1]["elements"][0]["action_id"] == MORE_ACTION_ID


def test_badly_signed_requests_are_refused(fake: FakeSlack) -> None:
    app = build_app(fake)
    body = event_body(app_mention("hi"))
    assert app.dispatch(bolt_request(body, "wrong secret")).status == 401
    assert fake.calls("chat.postMessage") == []


def test_slash_command_over_http_acks_then_responds_to_the_response_url(fake: FakeSlack) -> None:
    app = build_app(fake)

    @app.command("/brief")
    def on_brief(ack: Ack, command: dict[str, Any], respond: Respond) -> None:
        ack("Looking…")
        respond(text=f"You asked: {command['text']}", response_type="ephemeral")

    with BoltServer(app) as server:
        status, text = post(server.url, slash_command("/brief", "oil", response_url=fake.response_url("r1")), SECRET)
        assert (status, text) == (200, "Looking…")
        (reply,) = fake.wait_for_sync(lambda: fake.responses.get("r1"))
        assert reply == {"text": "You asked: oil", "response_type": "ephemeral"}
        assert post(server.url, slash_command("/brief", "x", response_url="u"), "bad")[0] == 401


def test_more_button_press_reaches_its_action_listener(fake: FakeSlack) -> None:
    app = build_app(fake)

    @app.action(MORE_ACTION_ID)
    def on_more(ack: Ack, body: dict[str, Any], say: Say) -> None:
        ack()
        say(text=f"more for {body['user']['id']}")

    body = block_actions(MORE_ACTION_ID, "", response_url=fake.response_url())
    assert app.dispatch(bolt_request(body, SECRET)).status == 200
    (posted,) = fake.wait_for_sync(lambda: fake.messages("C0001"))
    assert posted["text"] == "more for U0001"


def test_direct_message_and_file_share_download_with_the_bot_token(fake: FakeSlack) -> None:
    app = build_app(fake)
    file = fake.add_file("F1", b"Imomi said oil.", "article.txt")
    downloads: list[bytes] = []

    @app.event("message")
    def on_message(event: dict[str, Any], say: Say, client: WebClient) -> None:
        if event.get("subtype") == "file_share":
            info = client.files_info(file=event["files"][0]["id"])["file"]
            request = urllib.request.Request(info["url_private"], headers={"Authorization": f"Bearer {TOKEN}"})
            with urllib.request.urlopen(request, timeout=5) as got:
                downloads.append(got.read())
        else:
            say(text=f"echo {event['text']}")

    dm = client_open_dm(fake)
    app.dispatch(bolt_request(event_body(message_im("hello", channel=dm)), SECRET))
    app.dispatch(bolt_request(event_body(file_share(file, channel=dm)), SECRET))
    assert fake.wait_for_sync(lambda: downloads) == [b"Imomi said oil."]
    assert [m["text"] for m in fake.wait_for_sync(lambda: fake.messages(dm))] == ["echo hello"]
    with urllib.request.urlopen(file["url_private"], timeout=5) as anonymous:  # Slack's trap: a 200 HTML page
        assert anonymous.headers.get_content_type() == "text/html" and anonymous.read() == SIGN_IN_PAGE


def client_open_dm(fake: FakeSlack) -> str:
    """The DM channel id with U0001, opened through the API as an adapter would."""
    return WebClient(token=TOKEN, base_url=fake.base_url).conversations_open(users="U0001")["channel"]["id"]


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_web_api_errors_are_the_ones_slack_sends(fake: FakeSlack) -> None:
    client = WebClient(token=TOKEN, base_url=fake.base_url)
    fake.add_channel("C0002")
    fake.archive("C0002")
    cases: list[tuple[dict[str, Any], str]] = [
        ({"channel": "C9999", "text": "hi"}, "channel_not_found"),
        ({"channel": "C0002", "text": "hi"}, "is_archived"),
        ({"channel": "C0001", "blocks": [{"type": "divider"}] * 51}, "invalid_blocks"),
        ({"channel": "C0001", "blocks": [section("x" * 3001)]}, "invalid_blocks"),
        ({"channel": "C0001", "blocks": [section("")]}, "invalid_blocks"),
    ]
    for arguments, error in cases:
        with pytest.raises(SlackApiError) as failed:
            client.chat_postMessage(**arguments)
        assert failed.value.response["error"] == error
    with pytest.raises(SlackApiError, match="no_text"), pytest.warns(UserWarning):
        client.chat_postMessage(channel="C0001")
    with pytest.raises(SlackApiError, match="invalid_auth"):
        WebClient(token="xoxb-other", base_url=fake.base_url).auth_test()
    fake.fail_next("chat.postMessage", retry_after=7)
    with pytest.raises(SlackApiError) as limited:
        client.chat_postMessage(channel="C0001", text="hi")
    assert limited.value.response.status_code == 429
    assert limited.value.response.headers["Retry-After"] == "7"
    assert fake.counts["chat.postMessage"] == 7


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def test_ephemeral_update_and_files_info(fake: FakeSlack) -> None:
    client = WebClient(token=TOKEN, base_url=fake.base_url)
    fake.add_channel("C0003", members=("U0001",))
    fake.add_user("U0002")
    assert client.chat_postEphemeral(channel="C0003", user="U0001", text="only you")["message_ts"]
    with pytest.raises(SlackApiError, match="user_not_in_channel"):
        client.chat_postEphemeral(channel="C0003", user="U0002", text="not you")
    assert [m["text"] for m in fake.ephemeral("U0001")] == ["only you"]
    ts = client.chat_postMessage(channel="C0001", text="page 1")["ts"]
    client.chat_update(channel="C0001", ts=ts, text="page 2")
    assert [m["text"] for m in fake.messages("C0001")] == ["page 2"]
    with pytest.raises(SlackApiError, match="message_not_found"):
        client.chat_update(channel="C0001", ts="1.000000", text="x")
    with pytest.raises(SlackApiError, match="file_not_found"):
        client.files_info(file="F404")


def test_every_rendered_reply_is_accepted_by_chat_post_message(fake: FakeSlack) -> None:
    long = 'He said "<oil> & gas" *rise* _x_ ~y~ `z` |pipe| 👍🏽 ' * 400
    hit = Hit(1, 0, long, 1, ("Imomi",), Citation("A | <B>", "Wire", "2022-06-10", "https://e.com/?a=1&b=2"))
    client = WebClient(token=TOKEN, base_url=fake.base_url)
    messages = to_slack_messages(Reply("Lead " * 1000, (hit,) * 30, "footer", more=True))
    assert len(messages) > 1
    for message in messages:
        client.chat_postMessage(channel="C0001", **message)
    assert len(fake.messages("C0001")) == len(messages)


def test_response_url_validates_and_expires(fake: FakeSlack) -> None:
    def respond(body: dict[str, Any]) -> int:
        request = urllib.request.Request(
            fake.response_url("r9"), json.dumps(body).encode(), {"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=5) as answer:
                return answer.status
        except urllib.error.HTTPError as error:
            return error.code

    assert respond({"blocks": [section("x" * 3001)]}) == 400
    assert [respond({"text": str(i)}) for i in range(6)] == [200] * 5 + [404]


def test_url_verification_is_answered_by_bolt(fake: FakeSlack) -> None:
    body = json.dumps({"token": "t", "challenge": "abc", "type": "url_verification"})
    response = build_app(fake).dispatch(bolt_request(body, SECRET))
    assert (response.status, json.loads(response.body)) == (200, {"challenge": "abc"})
