"""Daily digests: what goes in them, when they fall due in each zone, and that each goes out once."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner

from bot.config import Settings
from bot.digest import DeliveryBlocked, DeliveryFailed, DigestRun, summarise
from bot.formatting import to_plain_text, to_slack_messages, to_telegram_html
from bot.models import Chat, User
from bot.schedule import scheduled_instant
from bot.service import BriefingService
from bot.store import Store
from handlers.cli import cli
from tests.fixtures.digests import CONSOLE, FOOTBALL, GAS, ME, OIL, Clock, Recorder

MONDAY = date(2025, 3, 3)
BAKU_8AM = datetime(2025, 3, 3, 4, 0, tzinfo=UTC)  # Asia/Baku is UTC+4 all year


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2025, 3, 3, 0, 0, tzinfo=UTC))


@pytest.fixture
def svc(store: Store, settings: Settings, clock: Clock) -> BriefingService:
    """A service over an empty store, on the test's clock."""
    return BriefingService(store, settings, clock=clock)


def subscribe(svc: BriefingService, args: str, chat: Chat = CONSOLE, user: User = ME) -> int:
    """Subscribe and return the new subscription's id, read from the acknowledgement."""
    found = re.search(r"#(\d+)", svc.subscribe(user, chat, args).text)
    assert found
    return int(found[1])


def run(svc: BriefingService, now: datetime, deliver: Recorder) -> DigestRun:
    return svc.run_digests(now, {"console": deliver})


def test_a_topic_subscription_gets_only_the_new_articles_on_its_topic(svc: BriefingService) -> None:
    subscribe(svc, "oil at 08:00 Asia/Baku")
    svc.load_text(ME, OIL)
    svc.load_text(ME, FOOTBALL)
    sent = Recorder()

    assert run(svc, BAKU_8AM, sent) == DigestRun(sent=1)

    assert sent.titles() == [["Oil prices climb as Opec agrees deeper cuts"]]
    reply = sent.sent[0][1]
    assert reply.text == "Your daily digest — articles about oil (1 new article):"
    # The summary is the lead: its first two sentences, not the whole paragraph.
    assert reply.quotes[0].text == (
        "Oil prices rose sharply on Monday after Opec agreed to cut output by a further million barrels a day."
        " Brent crude gained 4% in London trading."
    )


def test_without_a_filter_every_new_article_comes_newest_first(svc: BriefingService) -> None:
    subscribe(svc, "08:00 Asia/Baku")
    for text in (OIL, FOOTBALL, GAS):
        svc.load_text(ME, text)
    sent = Recorder()
    run(svc, BAKU_8AM, sent)
    assert [t.split()[0] for t in sent.titles()[0]] == ["Gas", "Late", "Oil"]


def test_the_digest_is_capped_and_says_how_many_more(svc: BriefingService, settings: Settings) -> None:
    svc.settings = settings.model_copy(update={"digest_limit": 2})
    svc.digests.settings = svc.settings
    subscribe(svc, "08:00 Asia/Baku")
    for text in (OIL, FOOTBALL, GAS):
        svc.load_text(ME, text)
    sent = Recorder()
    run(svc, BAKU_8AM, sent)
    reply = sent.sent[0][1]
    assert len(reply.quotes) == 2
    assert reply.text.endswith("(3 new articles):")
    assert reply.footer == "…and 1 more — type /articles to list them."


def test_an_empty_day_sends_nothing_unless_asked_to(svc: BriefingService, settings: Settings) -> None:
    subscribe(svc, "oil 08:00 Asia/Baku")
    svc.load_text(ME, FOOTBALL)
    sent = Recorder()
    assert run(svc, BAKU_8AM, sent) == DigestRun(skipped=1)
    assert sent.sent == []
    # The empty day is recorded, so later runs that day don't compose it again.
    assert run(svc, BAKU_8AM + timedelta(hours=1), sent) == DigestRun()

    svc.digests.settings = settings.model_copy(update={"digest_send_empty": True})
    tuesday = BAKU_8AM + timedelta(days=1)
    assert run(svc, tuesday, sent) == DigestRun(sent=1)
    assert sent.sent[0][1].text == "Nothing new today on oil."


def test_each_article_is_delivered_once_thanks_to_the_watermark(svc: BriefingService) -> None:
    subscribe(svc, "08:00 Asia/Baku")
    svc.load_text(ME, OIL)
    sent = Recorder()
    assert run(svc, BAKU_8AM, sent) == DigestRun(sent=1)
    assert run(svc, BAKU_8AM, sent) == DigestRun()  # the same instant again: nothing
    svc.load_text(ME, GAS)
    assert run(svc, BAKU_8AM + timedelta(hours=3), sent) == DigestRun()  # still Monday in Baku
    assert run(svc, BAKU_8AM + timedelta(days=1), sent) == DigestRun(sent=1)
    assert [t[0].split()[0] for t in sent.titles()] == ["Oil", "Gas"]


def test_after_downtime_only_todays_digest_goes_out(svc: BriefingService, clock: Clock) -> None:
    subscribe(svc, "08:00 Asia/Baku")
    svc.load_text(ME, OIL)
    sent = Recorder()
    back = BAKU_8AM + timedelta(days=3, hours=5)  # three missed mornings; back on Thursday afternoon
    assert run(svc, back, sent) == DigestRun(sent=1)
    assert run(svc, back + timedelta(minutes=1), sent) == DigestRun()


def test_a_subscription_made_after_todays_time_starts_tomorrow(svc: BriefingService, clock: Clock) -> None:
    clock.now = BAKU_8AM + timedelta(hours=2)
    reply = svc.subscribe(ME, CONSOLE, "08:00 Asia/Baku")
    assert "first digest comes tomorrow" in reply.text
    svc.load_text(ME, OIL)
    sent = Recorder()
    assert run(svc, clock.now + timedelta(minutes=5), sent) == DigestRun()
    assert run(svc, BAKU_8AM + timedelta(days=1), sent) == DigestRun(sent=1)


@pytest.mark.parametrize(
    ("zone", "at", "day", "due_utc"),
    [
        ("Asia/Baku", time(8), date(2025, 3, 10), datetime(2025, 3, 10, 4, 0, tzinfo=UTC)),
        ("Asia/Tokyo", time(7, 30), date(2025, 3, 10), datetime(2025, 3, 9, 22, 30, tzinfo=UTC)),
        # New York springs forward on 9 March 2025: 08:00 is 13:00 UTC the day before, 12:00 after.
        ("America/New_York", time(8), date(2025, 3, 8), datetime(2025, 3, 8, 13, 0, tzinfo=UTC)),
        ("America/New_York", time(8), date(2025, 3, 9), datetime(2025, 3, 9, 12, 0, tzinfo=UTC)),
        # 02:30 does not exist that day in New York; the digest comes when the clocks reach 03:00.
        ("America/New_York", time(2, 30), date(2025, 3, 9), datetime(2025, 3, 9, 7, 0, tzinfo=UTC)),
        # London falls back on 26 October 2025: 01:30 happens twice and the digest comes once, the first time.
        ("Europe/London", time(1, 30), date(2025, 10, 26), datetime(2025, 10, 26, 0, 30, tzinfo=UTC)),
    ],
)
def test_digests_fall_due_at_the_local_time_in_every_zone_and_across_dst(
    svc: BriefingService, zone: str, at: time, day: date, due_utc: datetime
) -> None:
    assert scheduled_instant(day, at, zone) == due_utc
    subscribe(svc, f"{at:%H:%M} {zone}")
    svc.load_text(ME, OIL)
    sent = Recorder()
    assert run(svc, due_utc - timedelta(seconds=1), sent) == DigestRun()
    assert run(svc, due_utc, sent) == DigestRun(sent=1)
    # An hour later (on a fall-back night, the same wall time again) nothing goes out twice.
    assert run(svc, due_utc + timedelta(hours=1), sent) == DigestRun()


def test_a_blocked_chat_turns_off_only_its_own_subscription(svc: BriefingService, store: Store) -> None:
    gone = Chat("telegram", "-100")
    blocked = subscribe(svc, "08:00 Asia/Baku", chat=gone, user=User("telegram", "7"))
    kept = subscribe(svc, "08:00 Asia/Baku", chat=Chat("telegram", "42"), user=User("telegram", "42"))
    svc.load_text(ME, OIL)
    sent = Recorder(fail={"-100": DeliveryBlocked("403 Forbidden: bot was blocked by the user")})

    assert svc.run_digests(BAKU_8AM, {"telegram": sent}) == DigestRun(sent=1, deactivated=1)

    assert [s.id for s, _ in sent.sent] == [kept]
    assert store.get_subscription(blocked).active is False  # type: ignore[union-attr]
    # The next day only the kept subscription is considered (and it has nothing new).
    assert svc.run_digests(BAKU_8AM + timedelta(days=1), {"telegram": sent}) == DigestRun(skipped=1)


def test_a_failed_delivery_is_retried_by_the_next_run(svc: BriefingService, store: Store) -> None:
    sid = subscribe(svc, "08:00 Asia/Baku")
    svc.load_text(ME, OIL)
    sent = Recorder(fail={"local": DeliveryFailed("502 Bad Gateway")})
    assert run(svc, BAKU_8AM, sent) == DigestRun(failed=1)
    assert store.digest_status(sid, MONDAY) is None  # the claim was released
    sent.fail.clear()
    assert run(svc, BAKU_8AM + timedelta(minutes=1), sent) == DigestRun(sent=1)
    assert store.digest_status(sid, MONDAY) == "sent"


def test_a_platform_without_a_deliverer_is_skipped_and_stays_due(svc: BriefingService) -> None:
    subscribe(svc, "08:00 Asia/Baku", chat=Chat("slack", "C1"), user=User("slack", "U1"))
    svc.load_text(ME, OIL)
    sent = Recorder()
    assert run(svc, BAKU_8AM, sent) == DigestRun(skipped=1)
    assert svc.run_digests(BAKU_8AM, {"slack": sent}) == DigestRun(sent=1)


def test_digest_now_previews_without_using_up_the_digest(svc: BriefingService) -> None:
    assert "No digests are set up" in svc.digest_now(ME, CONSOLE).text
    subscribe(svc, "oil 08:00 Asia/Baku")
    subscribe(svc, "gas 08:00 Asia/Baku")
    assert svc.digest_now(ME, CONSOLE).text.startswith("Nothing new since your last digest")
    for text in (OIL, FOOTBALL, GAS):
        svc.load_text(ME, text)
    preview = svc.digest_now(ME, CONSOLE)
    assert preview.text == "Today's digest so far — articles about oil; articles about gas (2 new articles):"
    assert svc.digest_now(ME, CONSOLE) == preview
    sent = Recorder()
    assert run(svc, BAKU_8AM, sent) == DigestRun(sent=2)


def test_a_speaker_subscription_quotes_what_they_said(svc: BriefingService) -> None:
    subscribe(svc, "what Imomi says 08:00 Asia/Baku")
    svc.load_text(
        ME,
        "Tajik minister backs new oil pipeline\n\n"
        "A pipeline from Azerbaijan to Tajikistan is due to carry its first oil next spring.\n\n"
        '"We are ready to buy oil from Azerbaijan for many years," Energy Minister Daler Imomi said.\n\n'
        "The project has cost more than $2bn so far.",
    )
    svc.load_text(ME, FOOTBALL)
    sent = Recorder()
    assert run(svc, BAKU_8AM, sent) == DigestRun(sent=1)
    (quote,) = sent.sent[0][1].quotes
    assert quote.text.startswith('"We are ready to buy oil')
    assert "Daler Imomi" in quote.speakers


def test_a_speaker_and_topic_subscription_gets_their_words_not_a_paragraph_only_naming_them(
    svc: BriefingService,
) -> None:
    subscribe(svc, "what Robbie Keane says about the goal 08:00 Asia/Baku")
    svc.load_text(
        ME,
        "Irish edge past Portugal\n\n"
        "Robbie Keane took his Republic record to 24 with a first-half goal which proved enough for victory."
        ' "We had more good chances. It is just a shame we did not take them."\n\n'
        "Portugal had the better of the second half.",
    )
    assert not svc.ask("robbie keane on the goal").no_match  # asked, it is offered as naming him on the goal
    assert run(svc, BAKU_8AM, Recorder()) == DigestRun(skipped=1)  # his words on it: none


def test_digest_replies_render_for_every_platform(svc: BriefingService) -> None:
    subscribe(svc, "oil 08:00 Asia/Baku")
    svc.load_text(ME, OIL)
    reply = svc.digest_now(ME, CONSOLE)
    plain = to_plain_text(reply)
    assert "Oil prices rose sharply" in plain and "— Oil prices climb as Opec agrees deeper cuts" in plain
    (html,) = to_telegram_html(reply)
    assert "<blockquote>Oil prices rose sharply" in html
    (message,) = to_slack_messages(reply)
    assert any("Opec agrees deeper cuts" in str(block) for block in message["blocks"])


def test_summaries_are_one_or_two_lead_sentences() -> None:
    assert summarise("Mr. Smith went to Washington. He spoke. Then he left.") == (
        "Mr. Smith went to Washington. He spoke."
    )
    long_first = "A" * 200 + " sentence ends here."
    assert summarise(f"{long_first} {'B' * 200} too.") == long_first


def test_acceptance_console_subscriber_in_baku_gets_the_oil_article_once(tmp_path: Path) -> None:
    db = str(tmp_path / "accept.db")
    runner = CliRunner()
    env = {"BRIEFBOT_TIMEZONE": "UTC", "BRIEFBOT_ARTICLES_DIR": str(tmp_path / "none")}
    chat = runner.invoke(cli, ["--db", db, "chat"], input="/subscribe oil at 08:00 Asia/Baku\n", env=env)
    assert "every day at 08:00 (Asia/Baku) — articles about oil" in chat.output, chat.output
    article = tmp_path / "oil.txt"
    article.write_text(OIL, encoding="utf-8")
    assert runner.invoke(cli, ["--db", db, "load", str(article)], env=env).exit_code == 0
    tomorrow_in_baku = datetime.now(UTC).astimezone(ZoneInfo("Asia/Baku")).date() + timedelta(days=1)
    at_eight = scheduled_instant(tomorrow_in_baku, time(8), "Asia/Baku").isoformat()

    preview = runner.invoke(cli, ["--db", db, "digest", "preview", "--platform", "console", "--chat", "local"], env=env)
    assert "Today's digest so far — articles about oil (1 new article):" in preview.output, preview.output

    first = runner.invoke(cli, ["--db", db, "digest", "run", "--now", at_eight], env=env)
    again = runner.invoke(cli, ["--db", db, "digest", "run", "--now", at_eight], env=env)

    assert first.exit_code == 0, first.output
    assert "— Digest #1 for console:local —" in first.output
    assert "Oil prices rose sharply on Monday" in first.output
    assert first.output.rstrip().endswith("1 sent, 0 skipped, 0 failed")
    assert again.output.strip() == "0 sent, 0 skipped, 0 failed"


def test_digest_run_rejects_a_bad_instant(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "x.db"), "digest", "run", "--now", "8am"])
    assert result.exit_code == 2
    assert "is not an ISO 8601 time" in result.output


def test_a_role_subscription_gets_only_that_role_holders_words_not_a_colleagues(svc: BriefingService) -> None:
    subscribe(svc, "what the skyward weather forecaster says about corn pollination 08:00 Asia/Baku")
    svc.load_text(
        ME,
        "Frost spares wheat\n\nJim Caddor, senior forecaster with Skyward Weather Inc, said the frost would spare"
        " the winter wheat.",
    )
    svc.load_text(
        ME,
        "Corn belt heat\n\nDale Mohrs, senior meteorologist with Skyward Weather Inc, said the heat could hurt corn"
        " pollination in the western belt.",
    )
    assert "Dale Mohrs" in svc.ask("what did the skyward weather forecaster say about corn pollination?").message
    assert run(svc, BAKU_8AM, Recorder()) == DigestRun(skipped=1)  # asked, the colleague is offered as such
