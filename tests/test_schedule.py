"""Digest subscriptions: reading what people type, and when each day's digest falls due."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.errors import BadQuestion
from bot.schedule import (
    DEFAULT_TIME,
    SubscriptionRequest,
    describe,
    digest_day,
    parse_subscription,
    scheduled_instant,
)

HOME = "Europe/London"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("", SubscriptionRequest(DEFAULT_TIME, HOME)),
        ("07:30 Asia/Baku", SubscriptionRequest(time(7, 30), "Asia/Baku")),
        # Baku is in Asia in the IANA database; a known city under the wrong area still finds it.
        ("07:30 Europe/Baku", SubscriptionRequest(time(7, 30), "Asia/Baku")),
        ("europe/baku", SubscriptionRequest(DEFAULT_TIME, "Asia/Baku")),
        ("america/new_york", SubscriptionRequest(DEFAULT_TIME, "America/New_York")),
        ("energy at 7am", SubscriptionRequest(time(7), HOME, topic="energy")),
        ("oil 8:15pm Asia/Tokyo", SubscriptionRequest(time(20, 15), "Asia/Tokyo", topic="oil")),
        ("what Imomi says", SubscriptionRequest(DEFAULT_TIME, HOME, speaker="Imomi")),
        ("what Imomi said about oil", SubscriptionRequest(DEFAULT_TIME, HOME, "oil", "Imomi")),
        ("Imomi on oil", SubscriptionRequest(DEFAULT_TIME, HOME, "oil", "Imomi")),
        ("Imomi on oil at 7am Asia/Tokyo", SubscriptionRequest(time(7), "Asia/Tokyo", "oil", "Imomi")),
        (
            "what the energy minister is saying about gas 6pm",
            SubscriptionRequest(time(18), HOME, "gas", "the energy minister"),
        ),
        ("7 am", SubscriptionRequest(time(7), HOME)),
        ("7 a.m. oil", SubscriptionRequest(time(7), HOME, topic="oil")),
        ("12am", SubscriptionRequest(time(0), HOME)),
        ("12pm", SubscriptionRequest(time(12), HOME)),
        ("19:00", SubscriptionRequest(time(19), HOME)),
        ("at noon", SubscriptionRequest(time(12), HOME)),
        ("midnight", SubscriptionRequest(time(0), HOME)),
        ("at 7", SubscriptionRequest(time(7), HOME)),
        ("at 19", SubscriptionRequest(time(19), HOME)),
        ("UTC+4", SubscriptionRequest(DEFAULT_TIME, "Etc/GMT-4")),
        ("GMT-5", SubscriptionRequest(DEFAULT_TIME, "Etc/GMT+5")),
        ("utc+04:00 7am", SubscriptionRequest(time(7), "Etc/GMT-4")),
        ("UTC−3", SubscriptionRequest(DEFAULT_TIME, "Etc/GMT+3")),  # a typographic minus sign
        ("GMT+0", SubscriptionRequest(DEFAULT_TIME, "UTC")),
        ("utc 7am", SubscriptionRequest(time(7), "UTC")),
        ("Etc/GMT-4", SubscriptionRequest(DEFAULT_TIME, "Etc/GMT-4")),
        ("7am Baku", SubscriptionRequest(time(7), "Asia/Baku")),
        ("8pm tokyo", SubscriptionRequest(time(20), "Asia/Tokyo")),
        ("7:30 in New York", SubscriptionRequest(time(7, 30), "America/New_York")),
        ("New York time 9am", SubscriptionRequest(time(9), "America/New_York")),
        ("oil at 6pm buenos aires", SubscriptionRequest(time(18), "America/Argentina/Buenos_Aires", "oil")),
        # Place names are news topics unless they sit where a zone goes.
        ("Baku", SubscriptionRequest(DEFAULT_TIME, HOME, topic="Baku")),
        ("news about Gaza at 7am", SubscriptionRequest(time(7), HOME, topic="Gaza")),
        ("daily digest on energy every day at 6:45", SubscriptionRequest(time(6, 45), HOME, "energy")),
        ("News on oil", SubscriptionRequest(DEFAULT_TIME, HOME, topic="oil")),
        ("oil/gas 7am", SubscriptionRequest(time(7), HOME, topic="oil/gas")),
        ("prime time", SubscriptionRequest(DEFAULT_TIME, HOME, topic="prime time")),
        (
            "oil, gas and coal; daily at 6pm London",
            SubscriptionRequest(time(18), "Europe/London", "oil, gas and coal"),
        ),
    ],
)
def test_parse_subscription(args: str, expected: SubscriptionRequest) -> None:
    assert parse_subscription(args, HOME) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("Europe/Bakuu", "I don't know the time zone “Europe/Bakuu” — did you mean Asia/Baku?"),
        ("Asia/Tokio", "I don't know the time zone “Asia/Tokio” — did you mean Asia/Tokyo?"),
        (
            "Amerca/New_Yrok 7am",
            "I don't know the time zone “Amerca/New_Yrok” — did you mean America/New_York?",
        ),
        ("7am in Bakuu", "I don't know the time zone “Bakuu” — did you mean Asia/Baku?"),
        ("Londn time", "I don't know the time zone “Londn” — did you mean Europe/London?"),
        (
            "Europe/Atlantis",
            "I don't know the time zone “Europe/Atlantis” — try a name like Asia/Tokyo or a city like Tokyo.",
        ),
        ("25:00", "“25:00” is not a time of day — try 07:30 or 7am."),
        ("oil at 7:75", "“7:75” is not a time of day — try 07:30 or 7am."),
        ("13pm", "“13pm” is not a time of day — try 07:30 or 7am."),
        ("0am", "“0am” is not a time of day — try 07:30 or 7am."),
        ("at 25", "“25” is not a time of day — try 07:30 or 7am."),
        ("7:30:00", "“7:30:00” is not a time of day — try 07:30 or 7am."),
        (
            "7am and 8pm",
            "One subscription sends one digest a day, but you gave two times: “7am” and “8pm”. "
            "Pick one, or subscribe twice.",
        ),
        ("Asia/Baku Asia/Tokyo", "You gave two time zones, Asia/Baku and Asia/Tokyo — keep just one."),
        ("UTC+4 7am Tokyo", "You gave two time zones, Etc/GMT-4 and Asia/Tokyo — keep just one."),
        ("UTC+5:30", "No zone has a fixed offset of UTC+05:30 — name your city instead, e.g. Asia/Kolkata."),
        (
            "GMT+5:45",
            "No zone has a fixed offset of UTC+05:45 — name your city instead, e.g. Asia/Kathmandu.",
        ),
        ("UTC+15", "“UTC+15” is not a real offset — they run from UTC-12 to UTC+14."),
        (
            "gas every monday",
            "Digests come every day, at a time you choose; I can't send them weekly or on set days. "
            "Try “/subscribe gas 8am”.",
        ),
        (
            "oil on fridays at 9am",
            "Digests come every day, at a time you choose; I can't send them weekly or on set days. "
            "Try “/subscribe oil at 9am”.",
        ),
    ],
)
def test_parse_subscription_explains_bad_input(args: str, message: str) -> None:
    with pytest.raises(BadQuestion) as caught:
        parse_subscription(args, HOME)
    assert caught.value.user_message == message


def test_default_zone_is_canonicalised_and_checked() -> None:
    assert parse_subscription("", "asia/tokyo").zone == "Asia/Tokyo"
    with pytest.raises(ValueError):
        parse_subscription("", "Mars/Olympus")


@pytest.mark.parametrize(
    ("req", "sentence"),
    [
        (
            SubscriptionRequest(time(7, 30), "Asia/Baku", topic="energy"),
            "every day at 07:30 (Asia/Baku) — articles about energy",
        ),
        (
            SubscriptionRequest(time(20, 15), "Asia/Tokyo", "oil", "Imomi"),
            "every day at 20:15 (Asia/Tokyo) — what Imomi says about oil",
        ),
        (SubscriptionRequest(time(6), "UTC", speaker="Imomi"), "every day at 06:00 (UTC) — what Imomi says"),
        (SubscriptionRequest(), "every day at 08:00 (UTC) — all new articles"),
        (
            SubscriptionRequest(time(7), "Etc/GMT-4"),
            "every day at 07:00 (UTC+4, all year) — all new articles",
        ),
        (
            SubscriptionRequest(time(7), "Etc/GMT+5"),
            "every day at 07:00 (UTC-5, all year) — all new articles",
        ),
    ],
)
def test_describe(req: SubscriptionRequest, sentence: str) -> None:
    assert describe(req) == sentence


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0) -> datetime:
    """An aware UTC datetime."""
    return datetime(year, month, day, hour, minute, second, tzinfo=UTC)


@pytest.mark.parametrize(
    ("day", "local_time", "zone", "instant"),
    [
        # New York springs forward 02:00 EST → 03:00 EDT: 02:30 is skipped, fires at 03:00 EDT.
        (date(2024, 3, 10), time(2, 30), "America/New_York", utc(2024, 3, 10, 7, 0)),
        (date(2024, 3, 10), time(2, 0), "America/New_York", utc(2024, 3, 10, 7, 0)),
        (date(2024, 3, 10), time(3, 0), "America/New_York", utc(2024, 3, 10, 7, 0)),
        (date(2024, 3, 10), time(1, 59), "America/New_York", utc(2024, 3, 10, 6, 59)),
        # New York falls back 02:00 EDT → 01:00 EST: 01:30 happens twice, fires at the first (EDT).
        (date(2024, 11, 3), time(1, 30), "America/New_York", utc(2024, 11, 3, 5, 30)),
        # London springs forward 01:00 GMT → 02:00 BST: 01:30 is skipped, 02:30 exists.
        (date(2024, 3, 31), time(1, 30), "Europe/London", utc(2024, 3, 31, 1, 0)),
        (date(2024, 3, 31), time(2, 30), "Europe/London", utc(2024, 3, 31, 1, 30)),
        # London falls back 02:00 BST → 01:00 GMT: 01:30 happens twice, fires at the first (BST).
        (date(2024, 10, 27), time(1, 30), "Europe/London", utc(2024, 10, 27, 0, 30)),
        # Kathmandu is UTC+05:45 all year.
        (date(2024, 6, 1), time(7, 0), "Asia/Kathmandu", utc(2024, 6, 1, 1, 15)),
        (date(2024, 1, 1), time(0, 0), "Asia/Kathmandu", utc(2023, 12, 31, 18, 15)),
        # Lord Howe Island moves by 30 minutes: 02:00 → 02:30 on 2024-10-06.
        (date(2024, 10, 6), time(2, 10), "Australia/Lord_Howe", utc(2024, 10, 5, 15, 30)),
        # Tokyo has no DST: the American change days are ordinary there.
        (date(2024, 3, 10), time(2, 30), "Asia/Tokyo", utc(2024, 3, 9, 17, 30)),
        (date(2024, 11, 3), time(1, 30), "Asia/Tokyo", utc(2024, 11, 2, 16, 30)),
        # Havana springs forward at midnight, so 00:00 itself does not exist that day.
        (date(2024, 3, 10), time(0, 0), "America/Havana", utc(2024, 3, 10, 5, 0)),
        # Samoa skipped 2011-12-30 entirely; its digest fires as the 31st begins.
        (date(2011, 12, 30), time(8, 0), "Pacific/Apia", utc(2011, 12, 30, 10, 0)),
    ],
)
def test_scheduled_instant(day: date, local_time: time, zone: str, instant: datetime) -> None:
    assert scheduled_instant(day, local_time, zone) == instant


@pytest.mark.parametrize(
    ("now", "local_time", "zone", "due"),
    [
        (utc(2024, 3, 10, 6, 59, 59), time(2, 30), "America/New_York", None),
        (utc(2024, 3, 10, 7, 0), time(2, 30), "America/New_York", date(2024, 3, 10)),
        (utc(2024, 11, 3, 5, 29), time(1, 30), "America/New_York", None),
        (utc(2024, 11, 3, 5, 30), time(1, 30), "America/New_York", date(2024, 11, 3)),
        # The second 01:30 (EST) names the same local date, so callers do not send it again.
        (utc(2024, 11, 3, 6, 30), time(1, 30), "America/New_York", date(2024, 11, 3)),
        (utc(2024, 3, 31, 0, 59), time(1, 30), "Europe/London", None),
        (utc(2024, 3, 31, 1, 0), time(1, 30), "Europe/London", date(2024, 3, 31)),
        (utc(2024, 10, 27, 0, 29), time(1, 30), "Europe/London", None),
        (utc(2024, 10, 27, 1, 30), time(1, 30), "Europe/London", date(2024, 10, 27)),
        (utc(2024, 6, 1, 1, 14), time(7, 0), "Asia/Kathmandu", None),
        (utc(2024, 6, 1, 1, 15), time(7, 0), "Asia/Kathmandu", date(2024, 6, 1)),
        # 23:55 local on 1 June, then 00:05 local on 2 June: a new day waits for its own time.
        (utc(2024, 6, 1, 18, 10), time(7, 0), "Asia/Kathmandu", date(2024, 6, 1)),
        (utc(2024, 6, 1, 18, 20), time(7, 0), "Asia/Kathmandu", None),
        (utc(2024, 7, 1, 22, 59), time(8, 0), "Asia/Tokyo", None),
        (utc(2024, 7, 1, 23, 0), time(8, 0), "Asia/Tokyo", date(2024, 7, 2)),
        # After a day's downtime only today's digest is due, never yesterday's.
        (utc(2024, 7, 3, 12, 0), time(8, 0), "Asia/Tokyo", date(2024, 7, 3)),
    ],
)
def test_digest_day(now: datetime, local_time: time, zone: str, due: date | None) -> None:
    assert digest_day(now, local_time, zone) == due


def test_digest_day_accepts_any_aware_clock() -> None:
    baku_now = datetime(2024, 7, 1, 9, 0, tzinfo=ZoneInfo("Asia/Baku"))  # 05:00 UTC
    assert digest_day(baku_now, time(9, 0), "Asia/Baku") == date(2024, 7, 1)


def test_digest_day_refuses_a_naive_clock() -> None:
    with pytest.raises(ValueError):
        digest_day(datetime(2024, 7, 1, 9, 0), time(9, 0), "UTC")


# Zones with gaps and repeats at odd hours and by odd amounts, plus fixed ones.
TRICKY_ZONES = [
    "America/New_York",
    "Europe/London",
    "Asia/Kathmandu",
    "Australia/Lord_Howe",
    "America/Havana",
    "Pacific/Apia",
    "Pacific/Chatham",
    "America/St_Johns",
    "Asia/Tokyo",
    "Etc/GMT-4",
    "UTC",
]
FRAGMENTS = [
    "7am",
    "7 am",
    "8:15pm",
    "07:30",
    "25:00",
    "13pm",
    "at",
    "at 7",
    "noon",
    "in",
    "time",
    "Tokyo",
    "New York",
    "Europe/Baku",
    "Europe/Bakuu",
    "europe/london",
    "Etc/GMT+15",
    "UTC+4",
    "GMT-5:30",
    "UTC",
    "what",
    "says",
    "said",
    "about",
    "on",
    "Imomi",
    "is",
    "oil",
    "news",
    "daily",
    "every day",
    "/",
    ":",
    "−",
    "9999999999:99",
    "a.m.",
    "oil/gas",
]
zones = st.sampled_from(TRICKY_ZONES) | st.sampled_from(sorted(available_timezones()))
instants = st.datetimes(
    min_value=datetime(1971, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)


@given(st.text() | st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=8).map(" ".join))
def test_parse_subscription_only_ever_raises_bad_question(args: str) -> None:
    try:
        req = parse_subscription(args, HOME)
    except BadQuestion as error:
        assert error.user_message
    else:
        assert req.zone in available_timezones()
        assert describe(req).startswith("every day at ")


@given(instants, st.times(), zones)
def test_digest_day_is_local_today_or_none(now: datetime, local_time: time, zone: str) -> None:
    assert digest_day(now, local_time, zone) in (now.astimezone(ZoneInfo(zone)).date(), None)


@given(
    st.dates(min_value=date(1971, 1, 2), max_value=date(2099, 12, 30)),
    st.times(),
    zones,
)
def test_digest_falls_due_exactly_at_its_instant(day: date, local_time: time, zone: str) -> None:
    tz = ZoneInfo(zone)
    instant = scheduled_instant(day, local_time, zone)
    wall = instant.astimezone(tz)
    # Either the wall time exists and this is its first occurrence, or it was skipped and this
    # is the first instant after the gap.
    asked = datetime.combine(day, local_time.replace(fold=0))
    assert wall.replace(tzinfo=None) >= asked
    earlier = (instant - timedelta(microseconds=1)).astimezone(tz)
    assert earlier.replace(tzinfo=None) < asked
    if wall.date() == day:
        assert digest_day(instant, local_time, zone) == day
    if earlier.date() == day:
        assert digest_day(instant - timedelta(microseconds=1), local_time, zone) is None
