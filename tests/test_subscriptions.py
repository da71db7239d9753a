"""Subscriptions in the store and the chat commands, and the digest log's exactly-once guarantees."""

from __future__ import annotations

import sqlite3
import threading
import time as wall_time
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.commands import handle
from bot.config import Settings
from bot.digest import DigestRun
from bot.errors import BadQuestion, NotAllowed, NothingFound
from bot.models import Chat, Reply, Subscription, User
from bot.service import BriefingService
from bot.store import Store
from tests.fixtures.digests import CONSOLE, ME, OIL, Clock, Recorder

MONDAY = date(2025, 3, 3)
BAKU_8AM = datetime(2025, 3, 3, 4, 0, tzinfo=UTC)
T0 = "2025-03-03T04:00:00+00:00"


def _iso(instant: datetime) -> str:
    return instant.isoformat(timespec="seconds")


@pytest.fixture
def svc(store: Store, settings: Settings) -> BriefingService:
    return BriefingService(store, settings, clock=Clock(datetime(2025, 3, 3, tzinfo=UTC)))


def _subscription(store: Store, chat_id: str = "local", user_key: str = "console:me") -> Subscription:
    wanted = Subscription(0, "console", chat_id, user_key, time(8), "Asia/Baku", created_at="2025-03-01T00:00:00+00:00")
    stored = store.add_subscription(wanted, max_per_chat=100)
    assert stored is not None
    return stored


# The store: claims, releases and the watermark


def test_a_digest_can_be_claimed_once_per_day(store: Store) -> None:
    sid = _subscription(store).id
    stale = "2025-03-03T03:50:00+00:00"
    assert store.claim_digest(sid, MONDAY, token="a", now=T0, stale_before=stale)
    assert not store.claim_digest(sid, MONDAY, token="b", now=T0, stale_before=stale)
    assert store.claim_digest(sid, MONDAY + timedelta(days=1), token="c", now=T0, stale_before=stale)
    assert store.finish_digest(sid, MONDAY, token="a", status="sent", now=T0, article_count=2, watermark=9)
    later = "2025-03-04T04:00:00+00:00"
    assert not store.claim_digest(sid, MONDAY, token="d", now=later, stale_before=later)  # sent is final
    stored = store.get_subscription(sid)
    assert stored is not None and (stored.last_article_id, stored.last_sent_at) == (9, T0)


def test_a_stale_claim_can_be_taken_over_and_the_old_holder_cannot_finish(store: Store) -> None:
    sid = _subscription(store).id
    start = BAKU_8AM
    assert store.claim_digest(sid, MONDAY, token="dead", now=_iso(start), stale_before=_iso(start))
    five = start + timedelta(minutes=5)
    assert not store.claim_digest(
        sid, MONDAY, token="new", now=_iso(five), stale_before=_iso(five - timedelta(minutes=10))
    )
    eleven = start + timedelta(minutes=11)
    assert store.claim_digest(
        sid, MONDAY, token="new", now=_iso(eleven), stale_before=_iso(eleven - timedelta(minutes=10))
    )
    assert not store.finish_digest(
        sid, MONDAY, token="dead", status="sent", now=_iso(eleven), article_count=1, watermark=5
    )
    assert store.finish_digest(sid, MONDAY, token="new", status="sent", now=_iso(eleven), article_count=1, watermark=5)


def test_a_released_claim_leaves_the_watermark_alone(store: Store) -> None:
    sid = _subscription(store).id
    assert store.claim_digest(sid, MONDAY, token="a", now=T0, stale_before=T0)
    store.release_digest(sid, MONDAY, token="a")
    assert store.digest_status(sid, MONDAY) is None
    assert store.get_subscription(sid).last_article_id == 0  # type: ignore[union-attr]


def test_the_log_refuses_a_second_row_for_the_same_day(store: Store) -> None:
    sid = _subscription(store).id
    store.db.execute(
        "INSERT INTO digest_log (subscription_id, local_day, status, claim_token, claimed_at)"
        " VALUES (?, ?, 'sent', 'x', ?)",
        [sid, "2025-03-03", T0],
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.db.execute(
            "INSERT INTO digest_log (subscription_id, local_day, status, claim_token, claimed_at)"
            " VALUES (?, ?, 'sending', 'y', ?)",
            [sid, "2025-03-03", T0],
        )


# Restarts and concurrent runs


def test_a_restart_mid_send_does_not_send_twice_until_the_claim_is_stale(svc: BriefingService, store: Store) -> None:
    svc.subscribe(ME, CONSOLE, "08:00 Asia/Baku")
    svc.load_text(ME, OIL)
    (due,) = svc.digests.due(BAKU_8AM)
    # A run claimed the digest and died before recording the send.
    assert store.claim_digest(due.subscription.id, MONDAY, token="crashed", now=_iso(BAKU_8AM), stale_before=T0)
    sent = Recorder()
    assert svc.run_digests(BAKU_8AM + timedelta(minutes=1), {"console": sent}) == DigestRun()
    assert svc.run_digests(BAKU_8AM + timedelta(minutes=9), {"console": sent}) == DigestRun()
    # Ten minutes on, the claim is taken to be dead: the digest goes out (once) rather than never.
    assert svc.run_digests(BAKU_8AM + timedelta(minutes=11), {"console": sent}) == DigestRun(sent=1)
    assert svc.run_digests(BAKU_8AM + timedelta(minutes=30), {"console": sent}) == DigestRun()
    assert len(sent.sent) == 1


def test_two_processes_running_at_once_send_each_digest_once(svc: BriefingService, settings: Settings) -> None:
    for n in range(12):
        svc.subscribe(User("console", f"u{n}"), Chat("console", f"c{n}"), "08:00 Asia/Baku")
    svc.load_text(ME, OIL)
    sent = Recorder()

    def deliver(subscription: Subscription, reply: Reply) -> None:
        wall_time.sleep(0.01)  # a slow platform widens the window in which the runs overlap
        sent(subscription, reply)

    barrier = threading.Barrier(2)
    results: list[DigestRun] = []

    def one_process() -> None:
        own = Store.open(settings.db_path)  # each process has its own connection to the file
        try:
            runner = BriefingService(own, settings)
            barrier.wait()
            results.append(runner.run_digests(BAKU_8AM, {"console": deliver}))
        finally:
            own.close()

    threads = [threading.Thread(target=one_process) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(s.chat_id for s, _ in sent.sent) == sorted(f"c{n}" for n in range(12))
    assert sum(r.sent for r in results) == 12


# The service and the chat commands


def test_subscribing_stores_first_and_acknowledges_with_id_and_schedule(svc: BriefingService, store: Store) -> None:
    reply = svc.subscribe(ME, CONSOLE, "energy at 7am Europe/Baku")
    (stored,) = store.chat_subscriptions("console", "local")
    assert reply.text.startswith(f"Subscribed (#{stored.id}): every day at 07:00 (Asia/Baku) — articles about energy.")
    assert (stored.local_time, stored.zone, stored.topic, stored.user_key) == (time(7), "Asia/Baku", "energy", ME.key)


def test_a_topic_word_no_article_uses_is_pointed_out(svc: BriefingService) -> None:
    svc.load_text(ME, OIL)
    misspelt = svc.subscribe(ME, CONSOLE, "oil and gass")
    assert misspelt.text.endswith(
        "No article I have so far uses “gass”: check the spelling if that is not what you meant."
    )
    assert "No article" not in svc.subscribe(ME, CONSOLE, "oil").text


def test_the_same_digest_asked_for_again_is_not_set_up_twice(svc: BriefingService, store: Store) -> None:
    first = svc.subscribe(ME, CONSOLE, "oil at 8am")
    (stored,) = store.chat_subscriptions("console", "local")
    again = svc.subscribe(User("console", "someone else"), CONSOLE, "Oil at 08:00")
    assert again.text.startswith(f"This chat already gets that digest (#{stored.id}): every day at 08:00")
    assert len(store.chat_subscriptions("console", "local")) == 1
    svc.subscribe(ME, CONSOLE, "oil at 9am")  # another time is another digest
    assert len(store.chat_subscriptions("console", "local")) == 2
    assert first.text.startswith("Subscribed")


def test_a_chat_has_a_limit_on_subscriptions(svc: BriefingService, settings: Settings) -> None:
    svc.settings = settings.model_copy(update={"max_subscriptions_per_chat": 2})
    svc.subscribe(ME, CONSOLE, "oil")
    svc.subscribe(ME, CONSOLE, "gas")
    with pytest.raises(NotAllowed, match="already has 2 digest subscriptions"):
        svc.subscribe(ME, CONSOLE, "coal")
    svc.subscribe(ME, Chat("console", "other"), "coal")  # another chat is not affected
    svc.unsubscribe(ME, CONSOLE, "all")
    svc.subscribe(ME, CONSOLE, "coal")  # stopped ones don't count


def test_unsubscribe_by_id_all_or_nothing_given(svc: BriefingService, store: Store) -> None:
    group, me, other = Chat("telegram", "-5", is_group=True), User("telegram", "1"), User("telegram", "2")
    for topic in ("oil", "gas", "coal"):
        svc.subscribe(me, group, topic)
    svc.subscribe(other, group, "wind")
    ids = [s.id for s in store.chat_subscriptions("telegram", "-5")]

    assert svc.unsubscribe(me, group, f"#{ids[0]}").text == f"Unsubscribed #{ids[0]}. 3 left in this chat."
    with pytest.raises(NothingFound):
        svc.unsubscribe(me, group, str(ids[3]))  # someone else's, and I am not an admin
    with pytest.raises(BadQuestion):
        svc.unsubscribe(me, group, "the oil one")
    assert svc.unsubscribe(me, group, "").text == f"Unsubscribed #{ids[1]}, #{ids[2]}. 1 left in this chat."
    assert svc.unsubscribe(me, group, "all").text == "You have no digest subscriptions in this chat."
    assert [s.user_key for s in store.chat_subscriptions("telegram", "-5")] == ["telegram:2"]


def test_unsubscribe_by_the_topic_or_person_a_digest_follows(svc: BriefingService, store: Store) -> None:
    svc.subscribe(ME, CONSOLE, "oil")
    svc.subscribe(ME, CONSOLE, "what Imomi says about oil")
    topic, person = (s.id for s in store.chat_subscriptions(CONSOLE.platform, CONSOLE.id))
    assert svc.unsubscribe(ME, CONSOLE, "Oil").text == f"Unsubscribed #{topic}. 1 left in this chat."
    assert svc.unsubscribe(ME, CONSOLE, "imomi").text == f"Unsubscribed #{person}. No more digests here."
    with pytest.raises(BadQuestion):
        svc.unsubscribe(ME, CONSOLE, "gas")


@pytest.mark.parametrize(
    ("message", "listed"),
    [
        ("send me a daily digest about oil at 8am", "every day at 08:00 (UTC) — articles about oil"),
        (
            "I'd like a morning briefing on coal every day at 7:30 Asia/Baku",
            "every day at 07:30 (Asia/Baku) — articles about coal",
        ),
        ("subscribe me to news on gas", "every day at 08:00 (UTC) — articles about gas"),
        ("sign me up for what Imomi says", "every day at 08:00 (UTC) — what Imomi says"),
        ("remind me every morning about oil news", "every day at 08:00 (UTC) — articles about oil"),
        ("send me what Imomi says every evening", "every day at 18:00 (UTC) — what Imomi says"),
        ("send me an evening briefing on gas", "every day at 18:00 (UTC) — articles about gas"),
        ("send me an evening briefing on gas at 7pm", "every day at 19:00 (UTC) — articles about gas"),
        ("can I get a digest on coal at 9pm Asia/Baku?", "every day at 21:00 (Asia/Baku) — articles about coal"),
        ("also send me a digest on gas at noon", "every day at 12:00 (UTC) — articles about gas"),
        ("also a digest on gas at noon", "every day at 12:00 (UTC) — articles about gas"),
        ("another briefing on coal at 6pm", "every day at 18:00 (UTC) — articles about coal"),
    ],
)
def test_a_digest_asked_for_in_words_is_set_up(svc: BriefingService, message: str, listed: str) -> None:
    assert handle(svc, ME, CONSOLE, message).text.startswith(f"Subscribed (#1): {listed}.")


def test_digests_are_listed_and_stopped_in_words(svc: BriefingService, store: Store) -> None:
    for topic in ("oil", "the bank of england", "gas"):
        handle(svc, ME, CONSOLE, f"/subscribe {topic}")
    assert handle(svc, ME, CONSOLE, "what digests do I have?").text.startswith("Daily digests in this chat:")
    assert handle(svc, ME, CONSOLE, "cancel my bank of england digest").text == "Unsubscribed #2. 2 left in this chat."
    assert handle(svc, ME, CONSOLE, "unsubscribe me from oil").text == "Unsubscribed #1. 1 left in this chat."
    assert handle(svc, ME, CONSOLE, "stop all my digests").text == "Unsubscribed #3. No more digests here."
    handle(svc, ME, CONSOLE, "/subscribe oil")
    assert handle(svc, ME, CONSOLE, "what am I subscribed to?").text.startswith("Daily digests in this chat:")
    assert handle(svc, ME, CONSOLE, "unsubscribe me from everything").text == "Unsubscribed #4. No more digests here."
    handle(svc, ME, CONSOLE, "/subscribe coal")
    handle(svc, ME, CONSOLE, "stop and search powers")  # a question, not a digest to stop
    assert [s.topic for s in store.chat_subscriptions(CONSOLE.platform, CONSOLE.id)] == ["coal"]


def test_a_digest_is_moved_to_another_time_or_zone_in_words_or_by_command(svc: BriefingService, store: Store) -> None:
    handle(svc, ME, CONSOLE, "/subscribe oil at 8am")
    store.claim_digest(1, date(2025, 3, 3), token="t", now="2025-03-03T08:00:00", stale_before="2025-03-03T07:50:00")
    store.finish_digest(
        1, date(2025, 3, 3), token="t", status="sent", now="2025-03-03T08:00:01", article_count=1, watermark=7
    )
    moved = handle(svc, ME, CONSOLE, "change it to 9pm").text
    assert moved == (
        "Moved #1: every day at 21:00 (UTC) — articles about oil. The next digest comes today with the articles"
        " loaded since the last one."
    )
    assert handle(svc, ME, CONSOLE, "make it 7:30 tokyo time").text.startswith(
        "Moved #1: every day at 07:30 (Asia/Tokyo)"
    )
    assert handle(svc, ME, CONSOLE, "switch it to Europe/London").text.startswith(
        "Moved #1: every day at 07:30 (Europe"
    )
    kept = store.get_subscription(1)
    assert kept is not None and kept.last_article_id == 7  # the watermark kept: no article comes twice
    handle(svc, ME, CONSOLE, "/subscribe gas")
    assert handle(svc, ME, CONSOLE, "change it to 9pm").text.startswith("Which digest? You have #1, #2 here")
    # A new digest named with no zone keeps the one the chat's digests share.
    assert handle(svc, ME, CONSOLE, "move my gas digest to 6am").text.startswith(
        "Moved #2: every day at 06:00 (Europe/London)"
    )
    assert handle(svc, ME, CONSOLE, "/reschedule 1 10pm").text.startswith(
        "Moved #1: every day at 22:00 (Europe/London)"
    )
    assert handle(svc, ME, CONSOLE, "/reschedule 9 10pm").text.startswith("You have no subscription #9 in this chat")
    assert handle(svc, ME, CONSOLE, "/reschedule 1").text.startswith("Say the new time")
    assert [s.id for s in store.chat_subscriptions(CONSOLE.platform, CONSOLE.id)] == [1, 2]


def test_a_digest_named_without_a_zone_takes_the_zone_the_askers_digests_share(svc: BriefingService) -> None:
    handle(svc, ME, CONSOLE, "send me a daily digest on oil at 8am london time")
    assert handle(svc, ME, CONSOLE, "/subscribe gas at noon").text.startswith(
        "Subscribed (#2): every day at 12:00 (Europe/London)"
    )
    handle(svc, ME, CONSOLE, "/subscribe coal at 9am Asia/Baku")
    # Digests in two zones: the bot's default zone again.
    assert handle(svc, ME, CONSOLE, "/subscribe dome").text.startswith("Subscribed (#4): every day at 08:00 (UTC)")


def test_the_one_on_a_topic_is_stopped(svc: BriefingService, store: Store) -> None:
    handle(svc, ME, CONSOLE, "/subscribe oil")
    handle(svc, ME, CONSOLE, "/subscribe gas")
    assert handle(svc, ME, CONSOLE, "stop the oil one").text == "Unsubscribed #1. 1 left in this chat."
    assert handle(svc, ME, CONSOLE, "drop the gas one").text == "Unsubscribed #2. No more digests here."


def test_a_briefing_on_a_topic_asked_as_a_question_is_no_subscription(svc: BriefingService, store: Store) -> None:
    handle(svc, ME, CONSOLE, "briefing on oil")
    handle(svc, ME, CONSOLE, "subscribers to netflix")
    handle(svc, ME, CONSOLE, "send me news on oil")
    handle(svc, ME, CONSOLE, "remind me what Imomi said about oil")
    assert store.chat_subscriptions(CONSOLE.platform, CONSOLE.id) == []


def test_the_chat_commands_list_and_correct(svc: BriefingService) -> None:
    assert "No digests are set up" in handle(svc, ME, CONSOLE, "/subscriptions").text
    wrong = handle(svc, ME, CONSOLE, "/subscribe 07:30 Europe/Bakuu")
    assert wrong.text == "I don't know the time zone “Europe/Bakuu” — did you mean Asia/Baku?"
    handle(svc, ME, CONSOLE, "/subscribe what Imomi says at 07:30 Asia/Baku")
    handle(svc, User("console", "you"), CONSOLE, "/subscribe oil")
    listing = handle(svc, ME, CONSOLE, "/subscriptions").text.splitlines()
    assert listing == [
        "Daily digests in this chat:",
        "#1 every day at 07:30 (Asia/Baku) — what Imomi says",
        "#2 every day at 08:00 (UTC) — articles about oil (set up by console:you)",
    ]
    assert "/digest — today's digest now" in handle(svc, ME, CONSOLE, "/help").text


@pytest.mark.parametrize(
    ("command", "meant"),
    [("/subscibe oil", "/subscribe"), ("/unsub", "/unsubscribe"), ("/digests", "/digest"), ("/helo", "/help")],
)
def test_a_misspelt_command_is_answered_with_the_one_meant(svc: BriefingService, command: str, meant: str) -> None:
    name = command.split()[0]
    assert handle(svc, ME, CONSOLE, command).text == (
        f"I don't know the command {name}. Did you mean {meant}? Type /help to see what I can do."
    )


def test_a_command_near_none_is_not_guessed_and_admin_commands_are_guessed_for_admins_only(
    svc: BriefingService,
) -> None:
    unknown = "I don't know the command /xyzzy. Type /help to see what I can do."
    assert handle(svc, ME, CONSOLE, "/xyzzy").text == unknown
    visitor = User("telegram", "77")
    assert "Did you mean" not in handle(svc, visitor, Chat("telegram", "77"), "/lood").text
    assert "Did you mean /load?" in handle(svc, ME, CONSOLE, "/lood").text
