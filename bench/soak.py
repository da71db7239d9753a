"""Soak (not a test): thousands of mixed chat requests through the Slack and Telegram adapters, with faults.

    .venv/bin/python bench/soak.py                     # 2,000 requests, well under 3 minutes
    .venv/bin/python bench/soak.py --requests 5000 --faults 0.1

The real Bolt app (HTTP, signed requests) and the real python-telegram-bot polling loop share one
``BriefingService`` over a fresh SQLite store, as ``briefbot serve`` runs them, and talk to FakeSlack and
FakeTelegram on 127.0.0.1. The mix: questions (DM, mention, ``/brief``), "More" pages, subscriptions and
loads by an admin. Before a share of the requests a fault is armed on the platform's send method: a 429
with Retry-After, a 500, or a dropped connection (the fake closes the socket without answering).

It reports requests, answered, lost answers (no reply at all by the end of the drain), apologies, unhandled
exceptions (log records at ERROR from ``handlers.*``) and p50/p95 latency from request to first reply.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import logging
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import Settings
from bot.models import User
from bot.service import BriefingService
from bot.store import Store
from handlers.slack import APOLOGY, SlackRunner
from handlers.telegram import ALLOWED_UPDATES, TelegramAdapter
from tests.fakes.slack_api import DROP as SLACK_DROP
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_events import app_mention, event_body, message_im, post, slash_command
from tests.fakes.telegram_api import FakeTelegram

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "articles"
CORPUS = REPO.parent / "shared" / "corpus" / "bbc" / "business"
SECRET = "soak-signing-secret"
SLACK_TOKEN = "xoxb-soak"
TELEGRAM_TOKEN = "123:SOAK"
SLACK_ADMIN = "UADMIN"
TELEGRAM_ADMIN = 1001
QUESTIONS = (
    "what did Imomi say about oil?",
    "any news on the economy?",
    "what was said about interest rates?",
    "what did the chancellor say?",
    "any news on oil prices?",
    "what did Greenspan say about the dollar?",
    "anything about jobs?",
    "what did Imomi say?",
)


class ErrorCount(logging.Handler):
    """Counts ERROR records: those from our adapters (``handlers.*``) and all the others."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.ours: Counter[str] = Counter()
        self.others: Counter[str] = Counter()
        self.samples: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        (self.ours if record.name.startswith("handlers") else self.others)[record.name] += 1
        if len(self.samples) < 5:
            self.samples.append(f"{record.name}: {record.getMessage()[:200]}")


class TimedSlack(FakeSlack):
    """FakeSlack noting when each reply lands: (channel, thread) for messages, response_url ids for responses."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.first_reply: dict[str, float] = {}
        self.apologies: set[str] = set()

    def _note(self, key: str, text: str) -> None:
        self.first_reply.setdefault(key, time.monotonic())
        if APOLOGY in text:
            self.apologies.add(key)

    def _api_chat_postmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        answer = super()._api_chat_postmessage(params)
        self._note(f"{answer['channel']}/{params.get('thread_ts') or ''}", str(params.get("text") or ""))
        return answer

    def _api_chat_postephemeral(self, params: dict[str, Any]) -> dict[str, Any]:
        answer = super()._api_chat_postephemeral(params)
        self._note(f"{params.get('channel')}/{params.get('thread_ts') or ''}", str(params.get("text") or ""))
        return answer

    def respond(self, response_id: str, body: dict[str, Any]) -> tuple[int, str]:
        status, text = super().respond(response_id, body)
        if status == 200:
            self._note(f"respond/{response_id}", str(body.get("text") or ""))
        return status, text


class TimedTelegram(FakeTelegram):
    """FakeTelegram noting when the first message lands in each chat and how many land there."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.first_reply: dict[str, float] = {}
        self.replies: Counter[str] = Counter()
        self.apologies: set[str] = set()

    def _api_sendmessage(self, params: dict[str, Any]) -> dict[str, Any]:
        answer = super()._api_sendmessage(params)
        key = str(params.get("chat_id"))
        self.first_reply.setdefault(key, time.monotonic())
        self.replies[key] += 1
        if APOLOGY in str(params.get("text") or ""):
            self.apologies.add(key)
        return answer


@dataclass
class Sent:
    """Requests sent: the key their reply will carry and when each was sent."""

    at: dict[str, float] = field(default_factory=dict)
    kinds: Counter[str] = field(default_factory=Counter)
    faults: Counter[str] = field(default_factory=Counter)


def article(n: int) -> str:
    """A distinct short article an admin loads mid-soak."""
    return (
        f"Soak report {n}\n\nHarbour master Ilse Varn{n} said the soak test number {n} went well.\n\n"
        f"Varn{n} added that the harbour would stay open through the storm season."
    )


_armed: dict[str, int] = {}
_arming = threading.Lock()


def arm_fault(
    fake: FakeSlack | FakeTelegram, method: str, share: float, rng: random.Random, sent: Sent, platform: str
) -> None:
    """Make the next call of ``method`` fail: 429 with Retry-After 1, a 500, or a dropped connection.

    About one call in ``1 / share`` fails: the next fault is armed only once that many calls have been made
    since the last, so faults hit many requests once each, as a platform's passing trouble would, instead
    of piling onto the one request that is retrying (python-telegram-bot handles one update at a time).
    """
    gap = max(1, round(1 / share))
    with _arming:
        if fake.counts[method] < _armed.get(platform, -gap) + gap:
            return
        _armed[platform] = fake.counts[method]
    kind = rng.choice(("429", "500", "drop"))
    sent.faults[f"{platform} {kind}"] += 1
    if kind == "429":
        fake.fail_next(method, retry_after=1)
    elif kind == "500":
        fake.fail_next(method, status=500)
    else:
        fake.fail_next(method, status=SLACK_DROP)  # both fakes take 0 for "drop the connection"


def slack_request(i: int, rng: random.Random, fake: TimedSlack, url: str, sent: Sent, faults: float) -> None:
    """One Slack request; its reply will be keyed by channel/thread or response_url id."""
    user = f"U{i % 97:04d}"
    ts = f"{1_700_000_000 + i}.{i % 1_000_000:06d}"
    roll = rng.random()
    if faults:
        arm_fault(fake, "chat.postMessage", faults, rng, sent, "slack")
    if roll < 0.35:  # a DM question in a thread of its own, so its reply can be told apart
        kind, key = "dm question", f"D{user[1:]}/{ts}"
        body = event_body({**message_im(rng.choice(QUESTIONS), user=user, channel=f"D{user[1:]}"), "thread_ts": ts})
    elif roll < 0.55:
        kind, key = "mention", f"C0001/{ts}"
        body = event_body({**app_mention(rng.choice(QUESTIONS), user=user), "ts": ts})
    elif roll < 0.75:
        kind, key = "/brief question", f"respond/s{i}"
        body = slash_command("/brief", rng.choice(QUESTIONS), user_id=user, response_url=fake.response_url(f"s{i}"))
    elif roll < 0.88:
        kind, key = "more", f"respond/s{i}"
        body = slash_command("/brief", "more", user_id=user, response_url=fake.response_url(f"s{i}"))
    elif roll < 0.97:
        kind, key = "subscribe", f"respond/s{i}"
        text = f"subscribe {rng.choice(['oil', 'economy', 'jobs'])} at {rng.randint(5, 9)}am UTC"
        body = slash_command(
            "/brief", text, user_id=user, channel_id=f"D{user[1:]}", response_url=fake.response_url(f"s{i}")
        )
    else:
        kind, key = "admin load", f"respond/s{i}"
        body = slash_command(
            "/brief", f"load {article(i)}", user_id=SLACK_ADMIN, response_url=fake.response_url(f"s{i}")
        )
    sent.at[f"slack:{key}"] = time.monotonic()
    sent.kinds[f"slack {kind}"] += 1
    status, _ = post(url, body, SECRET, timeout=10)
    if status != 200:
        print(f"Slack refused request {i}: {status}", file=sys.stderr)


def telegram_request(i: int, rng: random.Random, fake: TimedTelegram, sent: Sent, faults: float) -> None:
    """One Telegram update from a chat of its own (a question, then maybe /more); replies counted per chat."""
    chat = 10_000 + i
    roll = rng.random()
    if faults:
        arm_fault(fake, "sendMessage", faults, rng, sent, "telegram")
    if roll < 0.6:
        kind, texts = "question", [rng.choice(QUESTIONS)]
    elif roll < 0.8:
        kind, texts = "question + /more", [rng.choice(QUESTIONS), "/more"]
    elif roll < 0.95:
        kind, texts = "subscribe", ["/subscribe oil at 7am UTC"]
    else:
        kind, texts, chat = "admin load", [f"/load {article(100_000 + i)}"], TELEGRAM_ADMIN
    key = f"telegram:{chat}"
    sent.at.setdefault(key, time.monotonic())
    sent.kinds[f"telegram {kind}"] += 1
    expected = sent.kinds.setdefault(f"expect {key}", 0)
    sent.kinds[f"expect {key}"] = expected + len(texts)
    for text in texts:
        fake.push_message(chat, chat if chat != TELEGRAM_ADMIN else TELEGRAM_ADMIN, text)


def run_telegram(service: BriefingService, stop: threading.Event, ready: threading.Event) -> None:
    """The adapter's real application polling the fake, in this thread's own event loop, until ``stop``."""

    async def main() -> None:
        app = TelegramAdapter(service, service.settings).build_application(jobs=False)
        async with app:
            assert app.updater is not None
            await app.start()
            await app.updater.start_polling(poll_interval=0, timeout=1, allowed_updates=ALLOWED_UPDATES)
            ready.set()
            while not stop.is_set():
                await asyncio.sleep(0.05)
            await app.updater.stop()
            await app.stop()

    asyncio.run(main())


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests in all (default 2000)")
    parser.add_argument("--telegram-share", type=float, default=0.3, help="share sent through Telegram (0.3)")
    parser.add_argument("--faults", type=float, default=0.05, help="share of platform send calls that fail (0.05)")
    parser.add_argument("--workers", type=int, default=16, help="Slack requests in flight at once (16)")
    parser.add_argument("--drain", type=float, default=60.0, help="seconds to wait for the last replies (60)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    errors = ErrorCount()
    logging.getLogger().addHandler(errors)
    # Retries after injected faults are expected; keep the terminal for the summary.
    for name in ("handlers.telegram_send", "slack_sdk", "slack_bolt", "telegram", "httpx"):
        logging.getLogger(name).setLevel(logging.ERROR)

    telegram_count = round(args.requests * args.telegram_share)
    slack_count = args.requests - telegram_count
    started = time.monotonic()
    with (
        tempfile.TemporaryDirectory() as tmp,
        TimedSlack(bot_token=SLACK_TOKEN) as slack_fake,
        TimedTelegram(token=TELEGRAM_TOKEN, max_poll_seconds=1) as telegram_fake,
    ):
        for n in range(97):
            slack_fake.add_user(f"U{n:04d}")
            slack_fake.add_channel(f"D{n:04d}", members=(f"U{n:04d}",))
        slack_fake.add_user(SLACK_ADMIN)
        settings = Settings(
            _env_file=None,
            BRIEFBOT_DB_PATH=Path(tmp) / "soak.db",
            BRIEFBOT_ARTICLES_DIR=SEED,
            BRIEFBOT_ADMINS=f"slack:{SLACK_ADMIN},telegram:{TELEGRAM_ADMIN}",
            BRIEFBOT_QUESTIONS_PER_MINUTE=100_000,
            SLACK_BOT_TOKEN=SLACK_TOKEN,
            SLACK_SIGNING_SECRET=SECRET,
            SLACK_API_BASE_URL=slack_fake.base_url,
            TELEGRAM_BOT_TOKEN=TELEGRAM_TOKEN,
            TELEGRAM_API_BASE_URL=telegram_fake.base_url,
            TELEGRAM_FILE_BASE_URL=telegram_fake.file_base_url,
        )
        store = Store.open(settings.db_path)
        service = BriefingService(store, settings)
        service.load_bundled()
        if CORPUS.is_dir():
            service.load_paths(sorted(CORPUS.glob("*.txt"))[:150], by=User("console", "soak"))
        slack = SlackRunner(service, settings, host="127.0.0.1", port=0)
        slack.start()
        assert slack.http is not None
        stop, ready = threading.Event(), threading.Event()
        telegram_thread = threading.Thread(target=run_telegram, args=(service, stop, ready), daemon=True)
        telegram_thread.start()
        if not ready.wait(30):
            raise SystemExit("the Telegram application did not start")

        sent, url = Sent(), slack.http.url
        sending = time.monotonic()
        plan = ["slack"] * slack_count + ["telegram"] * telegram_count
        rng.shuffle(plan)
        counter = itertools.count()
        # At most two requests per worker wait, so Telegram updates go out spread over the run, as real
        # traffic would, rather than all at once before the Slack ones.
        slots = threading.BoundedSemaphore(args.workers * 2)
        with ThreadPoolExecutor(args.workers) as pool:
            futures = []
            for platform in plan:
                i = next(counter)
                if platform == "slack":
                    slots.acquire()
                    future = pool.submit(slack_request, i, random.Random(i), slack_fake, url, sent, args.faults)
                    future.add_done_callback(lambda _: slots.release())
                    futures.append(future)
                else:
                    telegram_request(i, rng, telegram_fake, sent, args.faults)
            for future in futures:
                future.result(timeout=60)
        sent_seconds = time.monotonic() - sending

        def answered() -> tuple[set[str], set[str]]:
            slack_done = {k for k in sent.at if k.startswith("slack:") and k[6:] in slack_fake.first_reply}
            telegram_done = {
                k
                for k in sent.at
                if k.startswith("telegram:") and telegram_fake.replies[k[9:]] >= sent.kinds[f"expect {k}"]
            }
            return slack_done, telegram_done

        deadline = time.monotonic() + args.drain
        while time.monotonic() < deadline:
            slack_done, telegram_done = answered()
            if len(slack_done) + len(telegram_done) == len(sent.at):
                break
            time.sleep(0.1)
        slack_done, telegram_done = answered()
        stop.set()
        telegram_thread.join(30)
        slack.stop()
        store_problems = store.check_integrity()
        store.close()

    def latency(key: str) -> float:
        first = slack_fake.first_reply[key[6:]] if key.startswith("slack:") else telegram_fake.first_reply[key[9:]]
        return first - sent.at[key]

    def spread(keys: set[str]) -> str:
        values = [latency(k) for k in keys]
        if not values:
            return "n/a"
        return f"{statistics.median(values) * 1000:.0f} ms / {percentile(values, 0.95) * 1000:.0f} ms"

    apologised = {f"slack:{k}" for k in slack_fake.apologies} | {f"telegram:{k}" for k in telegram_fake.apologies}
    unanswered = set(sent.at) - slack_done - telegram_done
    lost = sorted(unanswered | (apologised & set(sent.at)))
    requests = sum(v for k, v in sent.kinds.items() if not k.startswith("expect "))
    updates = sum(v for k, v in sent.kinds.items() if k.startswith("expect "))
    mix = ", ".join(f"{k}: {v}" for k, v in sorted(sent.kinds.items()) if not k.startswith("expect"))
    faults = ", ".join(f"{k}: {v}" for k, v in sorted(sent.faults.items()))
    lines = [
        f"requests           {requests} ({slack_count} Slack; {telegram_count} Telegram, {updates} updates)",
        f"mix                {mix}",
        f"faults injected    {sum(sent.faults.values())} ({faults})",
        f"answered           {len(slack_done) + len(telegram_done) - len(apologised & set(sent.at))} of {len(sent.at)}"
        " (a reply key is a Slack request, or a Telegram chat with all its replies)",
        f"lost answers       {len(lost)} ({len(unanswered)} unanswered, {len(apologised)} apologies instead)"
        + (f" e.g. {', '.join(lost[:5])}" if lost else ""),
        f"unhandled errors   {sum(errors.ours.values())} (ERROR logs from handlers.*) {dict(errors.ours) or ''}",
        f"library ERROR logs {sum(errors.others.values())} {dict(errors.others) or ''} (retried below our code)",
        f"latency p50 / p95  Slack {spread(slack_done)}; Telegram {spread(telegram_done)} (paced to 30 messages/s)",
        f"sending took       {sent_seconds:.1f} s; whole run {time.monotonic() - started:.1f} s",
        f"store check        {store_problems or 'ok'}",
    ]
    if errors.samples:
        lines.append("first errors       " + " | ".join(errors.samples))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
