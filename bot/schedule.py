"""Daily digest subscriptions: read "oil 8:15pm Asia/Tokyo" and work out when each digest is due.

Pure functions; the only thing read is the time zone database, through ``zoneinfo`` (zones are read in
``time_zones``).

How arguments are read:

- A time is ``07:30``, ``19:00``, ``7am``, ``8:15 pm``, ``7 a.m.``, ``noon``, ``midnight`` or
  ``at 7`` (a 24-hour hour). Without one the digest comes at 08:00.
- A zone is an IANA name in any case (``asia/tokyo``); a known city under a wrong or misspelt
  area (``Europe/Baku``) is taken as that city's zone (``Asia/Baku``). ``UTC``/``GMT`` mean UTC.
  A whole-hour offset such as ``UTC+4`` or ``GMT-5`` becomes ``Etc/GMT-4`` / ``Etc/GMT+5``
  (POSIX inverts the sign) and stays fixed all year; a half-hour offset is refused with a city
  to use instead, because no fixed-offset zone exists for it.
- A bare city name (``Tokyo``, ``New York``) is a zone only right after the time (``7am Tokyo``,
  ``7am in New York``) or before the word "time" (``Baku time``). Anywhere else it stays in the
  topic, because news topics are full of place names: "Gaza", "Moscow", "Kyiv".
- A speaker comes only from explicit phrasing: ``what Imomi says``, ``what Imomi said about oil``,
  or a capitalised name opening the request: ``Imomi on oil``, ``Imomi says …``.
- What remains is the topic, with filler ("about", "news", "daily", …) trimmed from both ends.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from bot.errors import BadQuestion
from bot.time_zones import (
    EDGE_PUNCT,
    cut,
    take_city_after,
    take_zones,
    zone_label,
    zones_by_lower_name,
)

DEFAULT_TIME = time(8, 0)

_FILLER = frozenset(
    {
        "a", "about", "an", "and", "articles", "at", "briefing", "daily", "day", "digest", "digests",
        "each", "every", "for", "in", "me", "news", "of", "on", "please", "send", "stories",
        "subscribe", "the", "to", "updates",
    }
)  # fmt: skip
_SPEECH_VERBS = frozenset({"say", "says", "said", "saying", "think", "thinks", "thought", "writes", "wrote"})
_AUXILIARIES = frozenset({"is", "was", "has", "had", "does", "did", "will"})

_AMPM = re.compile(r"(?<![\w:.])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?", re.I | re.A)
_CLOCK = re.compile(r"(?<![\w:.])(\d+):(\d+)(:\d+)?(?![\w:])", re.A)
_NAMED = re.compile(r"\b(noon|midday|midnight)\b", re.I | re.A)
_AT_HOUR = re.compile(r"\bat\s+(\d{1,2})(?![\w:]|\.\d)", re.I | re.A)
# A digest asked for weekly or on set days ("every monday", "weekly", "on fridays"): digests come every day.
_DAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WEEKLY = re.compile(
    rf"\b(?:weekly|once a week|(?:every|each|on|at)\s+(?:the\s+)?(?:{_DAYS}|week(?:end)?)s?|{_DAYS}s|weekends)\b",
    re.IGNORECASE | re.ASCII,
)


@dataclass(frozen=True)
class SubscriptionRequest:
    """A daily digest asked for: local time, IANA zone, and optionally a topic and a speaker."""

    local_time: time = DEFAULT_TIME
    zone: str = "UTC"
    topic: str = ""
    speaker: str = ""
    # Whether ``args`` named the zone (else it is the default): how it was asked, not what is asked for.
    zone_named: bool = field(default=False, compare=False)


def parse_subscription(args: str, default_zone: str) -> SubscriptionRequest:
    """The subscription described by ``args``; raises ``BadQuestion`` saying how to fix bad input.

    :param default_zone: IANA zone used when ``args`` names none; a bad one raises ``ValueError``.
    """
    fallback = zones_by_lower_name().get(default_zone.lower())
    if fallback is None:
        raise ValueError(f"unknown default time zone {default_zone!r}")
    if weekly := _WEEKLY.search(args):
        rest = _tidy(f"{args[: weekly.start()]} {args[weekly.end() :]}")
        daily = rest if names_a_time(rest) else " ".join(filter(None, [rest, "8am"]))
        raise BadQuestion(
            "Digests come every day, at a time you choose; I can't send them weekly or on set days. "
            f"Try “/subscribe {daily}”."
        )
    zones, text = take_zones(args.replace("\u2212", "-"))
    local_time, city_zone, text = _take_time(text)
    if city_zone:
        zones.append(city_zone)
    distinct = list(dict.fromkeys(zones))
    if len(distinct) > 1:
        raise BadQuestion(f"You gave two time zones, {distinct[0]} and {distinct[1]} — keep just one.")
    speaker, text = _take_speaker(text)
    return SubscriptionRequest(
        local_time=DEFAULT_TIME if local_time is None else local_time,
        zone=distinct[0] if distinct else fallback,
        topic=_tidy(text),
        speaker=speaker,
        zone_named=bool(distinct),
    )


def scheduled_instant(day: date, local_time: time, zone: str) -> datetime:
    """The aware UTC instant the digest for local ``day`` is due.

    A wall time skipped by a spring-forward gap fires at the first instant after the gap; a wall
    time that occurs twice on a fall-back day fires at its first occurrence.
    """
    tz = ZoneInfo(zone)
    wall = datetime.combine(day, local_time.replace(tzinfo=None, fold=0))
    instant = wall.replace(tzinfo=tz).astimezone(UTC)
    if instant.astimezone(tz).replace(tzinfo=None) == wall:
        return instant
    return _end_of_gap(wall, tz)


def digest_day(now_utc: datetime, local_time: time, zone: str) -> date | None:
    """The local date whose digest is due at ``now_utc`` (today's, once its time has come), else None."""
    if now_utc.tzinfo is None:
        raise ValueError("now_utc must be timezone-aware")
    today = now_utc.astimezone(ZoneInfo(zone)).date()
    return today if now_utc >= scheduled_instant(today, local_time, zone) else None


def describe(req: SubscriptionRequest) -> str:
    """A sentence for the subscriber, e.g. "every day at 07:30 (Asia/Baku) — articles about energy"."""
    if req.speaker and req.topic:
        what = f"what {req.speaker} says about {req.topic}"
    elif req.speaker:
        what = f"what {req.speaker} says"
    elif req.topic:
        what = f"articles about {req.topic}"
    else:
        what = "all new articles"
    return f"every day at {req.local_time:%H:%M} ({zone_label(req.zone)}) — {what}"


def _end_of_gap(wall: datetime, tz: ZoneInfo) -> datetime:
    """The transition instant that skips over ``wall``, found by bisection on whole seconds."""
    # Read with the offset after the jump, the wall time lands before the transition; read with
    # the offset before it, after the transition. Transitions fall on whole seconds.
    lo = int(wall.replace(tzinfo=tz, fold=1).timestamp()) - 1
    hi = int(wall.replace(tzinfo=tz, fold=0).timestamp()) + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if datetime.fromtimestamp(mid, tz).replace(tzinfo=None) >= wall:
            hi = mid
        else:
            lo = mid
    return datetime.fromtimestamp(hi, UTC)


def _not_a_time(raw: str) -> BadQuestion:
    """The error for something that looks like a time but is not one."""
    return BadQuestion(f"“{raw.strip()}” is not a time of day — try 07:30 or 7am.")


def _ampm_time(match: re.Match[str]) -> time:
    """12-hour clock: "12am" is midnight, "12pm" noon."""
    hour, minute = int(match[1]), int(match[2] or 0)
    if not 1 <= hour <= 12 or minute > 59:
        raise _not_a_time(match[0])
    return time(hour % 12 + (12 if match[3].lower() == "p" else 0), minute)


def _clock_time(match: re.Match[str]) -> time:
    """24-hour clock; anything digit-colon-digit that is not HH:MM is refused, not left in the topic."""
    # Check lengths before int(): hypothesis-sized digit runs would otherwise be slow or rejected.
    if match[3] or len(match[1]) > 2 or len(match[2]) != 2 or int(match[1]) > 23 or int(match[2]) > 59:
        raise _not_a_time(match[0])
    return time(int(match[1]), int(match[2]))


def _named_time(match: re.Match[str]) -> time:
    """Noon, midday or midnight."""
    return time(0) if match[1].lower() == "midnight" else time(12)


def _at_hour_time(match: re.Match[str]) -> time:
    """A bare hour ("at 7", "at 19") counts as a time only after "at"."""
    if int(match[1]) > 23:
        raise _not_a_time(match[1])
    return time(int(match[1]))


_TIME_FORMS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], time]], ...] = (
    (_AMPM, _ampm_time),
    (_CLOCK, _clock_time),
    (_NAMED, _named_time),
    (_AT_HOUR, _at_hour_time),
)


def names_a_time(text: str) -> bool:
    """Whether ``text`` writes a time of day (valid or not: reading it says what is wrong)."""
    return any(pattern.search(text) for pattern, _ in _TIME_FORMS)


def _find_time(text: str) -> tuple[time, re.Match[str]] | None:
    """The first time of day written in ``text``, with its match."""
    for pattern, read in _TIME_FORMS:
        match = pattern.search(text)
        if match:
            return read(match), match
    return None


def _take_time(text: str) -> tuple[time | None, str | None, str]:
    """The time of day in ``text``, a city named right after it, and the rest of the text."""
    found = _find_time(text)
    if found is None:
        return None, None, text
    local_time, match = found
    zone, end = take_city_after(text, match.end())
    rest = cut(text, match.start(), end)
    again = _find_time(rest)
    if again:
        raise BadQuestion(
            f"One subscription sends one digest a day, but you gave two times: “{match[0].strip()}” "
            f"and “{again[1][0].strip()}”. Pick one, or subscribe twice."
        )
    return local_time, zone, rest


# A speaker match: (index where the phrase starts, index of "on"/the verb, the speaker's name).
_SpeakerSpan = tuple[int, int, str]


def _take_speaker(text: str) -> tuple[str, str]:
    """The speaker from "what Imomi says (about …)" or "Imomi on …", and the rest of the text."""
    words = text.split()
    bare = [w.strip(EDGE_PUNCT).lower() for w in words]
    found = _speaker_after_what(words, bare) or _speaker_opening(words, bare)
    if found is None:
        return "", text
    first, verb, speaker = found
    rest = words[verb + 1 :]
    if rest and rest[0].lower() in ("about", "on"):
        rest = rest[1:]
    return speaker, " ".join(words[:first] + rest)


def _speaker_after_what(words: list[str], bare: list[str]) -> _SpeakerSpan | None:
    """The speaker in "what <anyone> says", where the name may be lower-case or several words."""
    for i, word in enumerate(bare):
        if word != "what":
            continue
        for verb in range(i + 2, min(i + 8, len(words))):
            if bare[verb] in _SPEECH_VERBS:
                name = words[i + 1 : verb]
                while name and name[-1].lower() in _AUXILIARIES:
                    name.pop()
                speaker = " ".join(name).strip(EDGE_PUNCT)
                if speaker:
                    return i, verb, speaker
    return None


def _speaker_opening(words: list[str], bare: list[str]) -> _SpeakerSpan | None:
    """A capitalised name opening the request, before "on" or "says": "Imomi on oil"."""
    start = next((k for k, w in enumerate(bare) if w not in _FILLER), len(words))
    for verb in range(start + 1, min(start + 4, len(words))):
        if not all(w[:1].isupper() and w.lower() not in _FILLER for w in words[start:verb]):
            return None
        if bare[verb] == "on" or bare[verb] in _SPEECH_VERBS:
            return start, verb, " ".join(words[start:verb]).strip(EDGE_PUNCT)
    return None


def _tidy(text: str) -> str:
    """The topic left in ``text``: filler words and stray punctuation trimmed from both ends."""
    words = text.split()
    while words and _is_filler(words[0]):
        words.pop(0)
    while words and _is_filler(words[-1]):
        words.pop()
    return " ".join(words).strip(EDGE_PUNCT).strip()


def _is_filler(word: str) -> bool:
    """Whether ``word`` says nothing about the topic ("news", "daily", a lone comma)."""
    bare = word.strip(EDGE_PUNCT).lower()
    return not bare or bare in _FILLER
