"""Two real ``briefbot serve`` processes on one PostgreSQL database, Slack in HTTP mode on each.

Signed Slack requests go to either replica over HTTP; both talk to one fake Slack Web API. The
test proves what a load balancer in front of them needs: a question answered by replica A is
continued by "/brief more" on replica B, and digests due at the same minute go out exactly once
between the two.
"""

from __future__ import annotations

import re
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any, TypeVar

from bot.config import Settings
from bot.models import ArticleDraft, Subscription
from bot.service import BriefingService
from bot.store.postgres import PostgresStore
from tests.conftest import SEED_DIR
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_events import post, slash_command
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)
from tests.serving import briefbot, can_connect, free_port

SECRET = "signing-secret"
TOKEN = "xoxb-test"
DIGESTS = 300  # subscriptions due at the same minute
TAJIK = "any news on Tajikistan?"  # several one-paragraph pages from the bundled article
NO_CONTEXT = "There is no earlier question"
T = TypeVar("T")


def wait_for(predicate: Callable[[], T], timeout: float, what: str) -> T:
    """The first truthy value of ``predicate``, polled until ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def seed(url: str, tmp_path: Path) -> list[int]:
    """The bundled article, ``DIGESTS`` Slack subscriptions due at 00:00 UTC, then one new article for them."""
    settings = Settings(_env_file=None, BRIEFBOT_DB_PATH=tmp_path / "unused.db", BRIEFBOT_ARTICLES_DIR=SEED_DIR)
    store = PostgresStore.open(url, pool_size=2)
    try:
        BriefingService(store, settings).load_bundled()  # before serving, so no replica loads it
        created = (datetime.now(UTC) - timedelta(days=2)).isoformat(timespec="seconds")
        ids = []
        for i in range(DIGESTS):
            added = store.add_subscription(
                Subscription(
                    id=0,
                    platform="slack",
                    chat_id=f"CD{i:04d}",
                    user_key=f"slack:U{i:04d}",
                    local_time=clock_time(0, 0),
                    zone="UTC",
                    created_at=created,
                ),
                max_per_chat=10,
            )
            assert added is not None
            ids.append(added.id)
        store.add_article(
            ArticleDraft(title="Oil rises", paragraphs=("Oil prices rose on Monday, traders said.",), source="Wire"),
            loaded_by="test",
        )
        return ids
    finally:
        store.close()


@contextmanager
def replica(name: str, url: str, fake: FakeSlack, tmp_path: Path) -> Iterator[str]:
    """``briefbot serve`` in a subprocess, Slack only, in HTTP mode on 127.0.0.1; gives its events URL."""
    port = free_port()
    settings = {
        "BRIEFBOT_DATABASE_URL": url,
        "BRIEFBOT_DATABASE_POOL_SIZE": "4",
        "BRIEFBOT_DB_PATH": str(tmp_path / f"{name}.db"),  # unused: the store is PostgreSQL
        "BRIEFBOT_PAGE_SIZE": "1",
        "BRIEFBOT_DIGEST_INTERVAL_SECONDS": "0.5",
        "SLACK_BOT_TOKEN": TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_BASE_URL": fake.base_url,
        "SLACK_HOST": "127.0.0.1",
        "SLACK_PORT": str(port),
    }
    log = tmp_path / f"{name}.log"
    # Killed by ``briefbot`` only if it outlives SIGTERM by 15 s.
    with briefbot(tmp_path, "serve", log=log.name, kill_wait=5, **settings) as process:
        try:
            wait_for(lambda: process.poll() is not None or can_connect(port), 30, f"replica {name} to listen")
            assert process.poll() is None, f"replica {name} exited:\n{log.read_text()}"
            yield f"http://127.0.0.1:{port}/slack/events"
        finally:
            process.send_signal(signal.SIGTERM)
            with suppress(subprocess.TimeoutExpired):
                process.wait(timeout=15)


def quotes(message: dict[str, Any]) -> list[str]:
    """The quoted paragraphs of a reply's blocks."""
    found = [str(b["text"]["text"]) for b in message.get("blocks", []) if "text" in b]
    return [line for text in found for line in text.splitlines() if line.startswith(">")]


def ask(fake: FakeSlack, events_url: str, text: str, response_id: str, user: str = "U0001") -> dict[str, Any]:
    """``/brief TEXT`` from ``user`` to one replica; gives the reply posted to the response URL."""
    body = slash_command("/brief", text, response_url=fake.response_url(response_id), user_id=user)
    status, _ = post(events_url, body, SECRET)
    assert status == 200
    (reply,) = wait_for(lambda: fake.responses.get(response_id), 15, f"the reply to {text!r}")
    return reply


def test_two_serve_replicas_share_conversations_and_send_each_digest_once(
    postgres_url: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    ids = seed(postgres_url, tmp_path)
    channels = [f"CD{i:04d}" for i in range(DIGESTS)]
    with FakeSlack(bot_token=TOKEN) as fake:
        for user in ("U0001", "U0002"):
            fake.add_user(user)
        for channel in channels:
            fake.add_channel(channel)
        with replica("a", postgres_url, fake, tmp_path) as a, replica("b", postgres_url, fake, tmp_path) as b:
            # (a) A answers, B continues the same conversation, then A again: three different pages.
            first = ask(fake, a, TAJIK, "a1")
            second = ask(fake, b, "more", "b1")
            third = ask(fake, a, "more", "a2")
            pages = [quotes(first), quotes(second), quotes(third)]
            assert all(pages), pages
            assert NO_CONTEXT not in str(second) and NO_CONTEXT not in str(third)
            assert len({tuple(p) for p in pages}) == 3, "each 'more' shows the next page, wherever it is served"
            # Context belongs to the person: someone who asked nothing gets nothing to continue, on either replica.
            assert NO_CONTEXT in str(ask(fake, b, "more", "b2", user="U0002"))

            # (b) Every due digest, exactly once between the two replicas.
            def delivered() -> Counter[str]:
                return Counter(
                    str(c.get("channel"))
                    for c in fake.calls("chat.postMessage")
                    if str(c.get("channel")).startswith("CD")
                )

            wait_for(lambda: len(delivered()) == DIGESTS, 40, f"{DIGESTS} digests")
            time.sleep(1.5)  # three more rounds on each replica: nothing may go out again
            sent = delivered()
        logs = {name: (tmp_path / f"{name}.log").read_text() for name in ("a", "b")}
    twice = [channel for channel, n in sent.items() if n > 1]
    assert not twice, f"sent twice: {twice[:10]}"
    assert sorted(sent) == channels
    assert "failed, will retry" not in logs["a"] + logs["b"]
    store = PostgresStore.open(postgres_url, pool_size=1, migrate_schema=False)
    try:
        today = datetime.now(UTC).date()
        assert {store.digest_status(i, today) for i in ids} == {"sent"}
    finally:
        store.close()
    per_replica = {n: sum(map(int, re.findall(r"Digests: (\d+) sent", log))) for n, log in logs.items()}
    print("digests sent per replica:", per_replica)
    assert sum(per_replica.values()) == DIGESTS
