"""Benchmark (not a test): compose 10,000 digests over the BBC corpus, then deliver them at 30 messages/s.

    .venv/bin/python bench/digests.py [--subscriptions 10000] [--deliver 900]

1. Loads ../shared/corpus/bbc into a temp store in three batches, making a third of the
   subscriptions before each, so subscribers have different watermarks (mixed zones, times,
   topics, speakers). Target: composing and rendering (Telegram HTML) every digest in under 10 s.
2. Delivers the first ``--deliver`` digests to a fake platform on 127.0.0.1 that allows 30
   messages/s (a token bucket; 429 with retry_after beyond it), paced by ``bot.ratelimit`` as an
   adapter would. Target: a send rate of at least 90% of the limit and no 429s.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from datetime import time as clock_time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import Settings
from bot.digest import DigestComposer, DigestRunner, digest_reply
from bot.formatting import to_telegram_html
from bot.models import Subscription, User
from bot.ratelimit import ChatRateLimiter, TokenBucket
from bot.retrieval import Retriever
from bot.service import BriefingService
from bot.store import Store

CORPUS = Path(__file__).resolve().parents[1].parent / "shared/corpus/bbc"
PLATFORM_RATE = 30.0  # messages a second, as Telegram allows a bot overall
BATCHES = (("business", "entertainment"), ("politics", "sport"), ("tech",))
ZONES = (
    "Asia/Baku", "Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney", "America/Los_Angeles",
    "Europe/Berlin", "Asia/Kolkata", "America/Sao_Paulo", "Africa/Lagos", "Pacific/Auckland", "UTC",
)  # fmt: skip
TOPICS = (
    "oil", "economy", "interest rates", "football", "rugby", "tennis", "film", "music", "election", "tax",
    "immigration", "mobile phones", "broadband", "video games", "china", "euro", "jobs", "shares", "airline",
    "iraq", "olympics", "oscars", "security", "virus", "pensions",
)  # fmt: skip
SPEAKERS = (("Blair", ""), ("Brown", ""), ("Howard", ""), ("Wenger", ""), ("Brown", "tax"), ("Blair", "iraq"))


def make_subscriptions(store: Store, count: int, rng: random.Random, offset: int) -> None:
    """``count`` subscriptions: mostly topics, some speakers, some everything; each in its own chat."""
    for n in range(offset, offset + count):
        kind = rng.random()
        if kind < 0.7:
            speaker, topic = "", rng.choice(TOPICS)
        elif kind < 0.9:
            speaker, topic = rng.choice(SPEAKERS)
        else:
            speaker, topic = "", ""
        wanted = Subscription(
            0, "telegram", str(100_000 + n), f"telegram:{100_000 + n}", clock_time(rng.randrange(24), 0),
            rng.choice(ZONES), topic, speaker, created_at="2025-01-01T00:00:00+00:00",
        )  # fmt: skip
        store.add_subscription(wanted, max_per_chat=10)


class FakePlatform(BaseHTTPRequestHandler):
    """``POST /sendMessage``: 200 while the platform's bucket has a token, else 429 with retry_after."""

    bucket: TokenBucket
    counts: dict[str, int]
    lock = threading.Lock()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        allowed = self.bucket.try_acquire()
        with self.lock:
            self.counts["ok" if allowed else "429"] += 1
        body = {"ok": True} if allowed else {"ok": False, "error_code": 429, "parameters": {"retry_after": 1}}
        data = json.dumps(body).encode()
        self.send_response(200 if allowed else 429)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the benchmark's output to its figures."""


def deliver_all(messages: list[tuple[str, str]], port: int) -> tuple[float, int]:
    """Send (chat, html) messages paced by the client limiter; returns seconds taken and 429s seen."""
    limiter = ChatRateLimiter(TokenBucket(PLATFORM_RATE, capacity=1), per_chat_rate=20 / 60, per_chat_burst=20)
    conn = http.client.HTTPConnection("127.0.0.1", port)
    rejected = 0
    started = time.perf_counter()
    for chat, html in messages:
        while True:
            limiter.acquire(chat)
            body = json.dumps({"chat_id": chat, "text": html, "parse_mode": "HTML"})
            conn.request("POST", "/sendMessage", body, {"Content-Type": "application/json"})
            response = conn.getresponse()
            payload = json.loads(response.read())
            if response.status != 429:
                break
            rejected += 1  # honour retry_after, as the adapters must
            time.sleep(payload["parameters"]["retry_after"])
    conn.close()
    return time.perf_counter() - started, rejected


def main() -> None:
    """Run both parts and print their figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscriptions", type=int, default=10_000)
    parser.add_argument("--deliver", type=int, default=900, help="digests to deliver (30 s at 30 messages/s)")
    args = parser.parse_args()
    rng = random.Random(9)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, BRIEFBOT_DB_PATH=Path(tmp) / "bench.db")
        store = Store.open(settings.db_path)
        service = BriefingService(store, settings)
        started = time.perf_counter()
        for batch, folders in enumerate(BATCHES):
            share = args.subscriptions // len(BATCHES) + (batch < args.subscriptions % len(BATCHES))
            make_subscriptions(store, share, rng, offset=batch * args.subscriptions)
            service.load_paths([CORPUS / folder for folder in folders], by=User("console", "bench"), source="BBC")
        print(f"setup: {store.article_count():,} articles, {args.subscriptions:,} subscriptions "
              f"in {time.perf_counter() - started:.1f} s")  # fmt: skip

        subscriptions = store.active_subscriptions()
        started = time.perf_counter()
        due = DigestRunner(store, service.retriever, settings).due(datetime(2025, 3, 3, 23, 59, tzinfo=UTC))
        due_seconds = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        composer = DigestComposer(store, Retriever(store), store.latest_article_id())
        messages: list[tuple[str, str]] = []
        items = 0
        for subscription in subscriptions:
            digest = composer.compose(subscription)
            reply = digest_reply(digest, settings.digest_limit, send_empty=False)
            items += len(digest.items)
            if reply is not None:
                messages += [(subscription.chat_id, html) for html in to_telegram_html(reply)]
        compose_seconds, compose_cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"compose: {len(subscriptions):,} digests ({items:,} items, {len(messages):,} Telegram messages) "
              f"in {compose_seconds:.2f} s, {compose_cpu:.2f} s CPU (target < 10 s); "
              f"due() over all of them: {due_seconds:.2f} s, {len(due):,} due")  # fmt: skip

        FakePlatform.bucket = TokenBucket(PLATFORM_RATE)
        FakePlatform.counts = {"ok": 0, "429": 0}
        server = ThreadingHTTPServer(("127.0.0.1", 0), FakePlatform)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        to_send = messages[: args.deliver]
        seconds, rejected = deliver_all(to_send, server.server_address[1])
        server.shutdown()
        rate = len(to_send) / seconds
        print(f"deliver: {len(to_send):,} messages in {seconds:.1f} s = {rate:.1f}/s, "
              f"{100 * rate / PLATFORM_RATE:.1f}% of the {PLATFORM_RATE:.0f}/s limit (target >= 90%); "
              f"429s: {rejected} client-seen, {FakePlatform.counts['429']} server-sent (target 0)")  # fmt: skip
        store.close()


if __name__ == "__main__":
    main()
