"""Daily digest subscriptions: read "oil 8:15pm Asia/Tokyo" and work out when each digest is due.

Pure functions; the only thing read is the time zone database, through ``zoneinfo``.

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
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from functools import cache
from itertools import islice
from zoneinfo import ZoneInfo, available_timezones

from rapidfuzz import fuzz, process, utils

from bot.errors import BadQuestion

DEFAULT_TIME = time(8, 0)

_AREAS = ("Africa", "America", "Antarctica", "Asia", "Atlantic", "Australia", "Europe", "Indian", "Pacific")
# Two cities appear under two areas at the same depth; these are the canonical entries.
_CANONICAL_CITY = {"istanbul": "Europe/Istanbul", "nicosia": "Asia/Nicosia"}
_HALF_HOUR_CITY = {
    "-09:30": "Pacific/Marquesas",
    "-03:30": "America/St_Johns",
    "+03:30": "Asia/Tehran",
    "+04:30": "Asia/Kabul",
    "+05:30": "Asia/Kolkata",
    "+05:45": "Asia/Kathmandu",
    "+06:30": "Asia/Yangon",
    "+08:45": "Australia/Eucla",
    "+09:30": "Australia/Adelaide",
    "+10:30": "Australia/Lord_Howe",
    "+12:45": "Pacific/Chatham",
}
_CITY_TYPO_SCORE = 85  # below this, "china" would be offered Asia/Chita
_AREA_TYPO_SCORE = 80
_FILLER = frozenset(
    {
        "a", "about", "an", "and", "articles", "at", "briefing", "daily", "day", "digest", "digests",
        "each", "every", "for", "in", "me", "news", "of", "on", "please", "send", "stories",
        "subscribe", "the", "to", "updates",
    }
)  # fmt: skip
_SPEECH_VERBS = frozenset({"say", "says", "said", "saying", "think", "thinks", "thought", "writes", "wrote"})
_AUXILIARIES = frozenset({"is", "was", "has", "had", "does", "did", "will"})
_EDGE_PUNCT = ",.;:!?()[]{}\"'`-–—"

_WORD = re.compile(r"\S+")
_OFFSET = re.compile(r"(?<![\w/])(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?![\w:])", re.I | re.A)
_UTC_WORD = re.compile(r"(?<![\w/+-])(?:utc|gmt)(?![\w/+-])", re.I | re.A)
_AMPM = re.compile(r"(?<![\w:.])(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?m\b\.?", re.I | re.A)
_CLOCK = re.compile(r"(?<![\w:.])(\d+):(\d+)(:\d+)?(?![\w:])", re.A)
_NAMED = re.compile(r"\b(noon|midday|midnight)\b", re.I | re.A)
_AT_HOUR = re.compile(r"\bat\s+(\d{1,2})(?![\w:]|\.\d)", re.I | re.A)
_FIXED_OFFSET_ZONE = re.compile(r"Etc/GMT([+-])(\d{1,2})")


@dataclass(frozen=True)
class SubscriptionRequest:
    """A daily digest asked for: local time, IANA zone, and optionally a topic and a speaker."""

    local_time: time = DEFAULT_TIME
    zone: str = "UTC"
    topic: str = ""
    speaker: str = ""


def parse_subscription(args: str, default_zone: str) -> SubscriptionRequest:
    """The subscription described by ``args``; raises ``BadQuestion`` saying how to fix bad input.

    :param default_zone: IANA zone used when ``args`` names none; a bad one raises ``ValueError``.
    """
    fallback = _zones_by_lower_name().get(default_zone.lower())
    if fallback is None:
        raise ValueError(f"unknown default time zone {default_zone!r}")
    zones, text = _take_zones(args.replace("\u2212", "-"))
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
    return f"every day at {req.local_time:%H:%M} ({_zone_label(req.zone)}) — {what}"


def _zone_label(zone: str) -> str:
    """How a zone reads to a person: Etc/GMT-4 is shown as "UTC+4, all year" to undo the POSIX sign."""
    fixed = _FIXED_OFFSET_ZONE.fullmatch(zone)
    if fixed is None:
        return zone
    sign = "-" if fixed[1] == "+" else "+"
    return f"UTC{sign}{fixed[2]}, all year"


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


@cache
def _zones_by_lower_name() -> dict[str, str]:
    """Every IANA zone name, keyed by its lower-case form."""
    return {name.lower(): name for name in available_timezones()}


@cache
def _zones_by_city() -> dict[str, str]:
    """Zone names keyed by their lower-case city ("new york" → America/New_York)."""
    cities: dict[str, str] = {}
    # Deeper names first: America/Argentina/Cordoba is canonical, America/Cordoba an old alias.
    for name in sorted(available_timezones(), key=lambda n: (-n.count("/"), n)):
        parts = name.split("/")
        if len(parts) > 1 and parts[0] in _AREAS:
            cities.setdefault(parts[-1].replace("_", " ").lower(), name)
    return cities | {city: zone for city, zone in _CANONICAL_CITY.items() if zone in cities.values()}


@cache
def _area_names() -> tuple[str, ...]:
    """The first parts of slashed zone names: Africa, America, …, Etc, US."""
    return tuple(sorted({name.split("/")[0] for name in available_timezones() if "/" in name}))


def _unknown_zone(name: str, suggestion: str | None) -> BadQuestion:
    """The error for a zone we cannot place, with the closest real zone when there is one."""
    if suggestion:
        return BadQuestion(f"I don't know the time zone '{name}' — did you mean {suggestion}?")
    return BadQuestion(
        f"I don't know the time zone '{name}' — try a name like Asia/Tokyo or a city like Tokyo."
    )


def _closest_city(word: str, cutoff: float) -> str | None:
    """The zone of the city spelt most like ``word``, if it scores at least ``cutoff``."""
    found = process.extractOne(
        word, _zones_by_city().keys(), scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=cutoff
    )
    return _zones_by_city()[found[0]] if found else None


def _slashed_zone(word: str) -> str | None:
    """The zone meant by a slashed word such as "europe/baku", None if it is not meant as a zone."""
    exact = _zones_by_lower_name().get(word.lower())
    if exact:
        return exact
    area, _, rest = word.partition("/")
    looks_like_area = process.extractOne(
        area, _area_names(), scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=_AREA_TYPO_SCORE
    )
    if looks_like_area is None:
        return None  # "oil/gas" is a topic
    city = rest.rsplit("/", 1)[-1].replace("_", " ").lower()
    if city in _zones_by_city():
        return _zones_by_city()[city]
    suggestion = _closest_city(city, _CITY_TYPO_SCORE)
    # Etc/GMT+15 is nearest to Etc/GMT+5 by spelling but not by meaning; offer nothing there.
    if suggestion is None and area.lower() != "etc":
        whole = process.extractOne(
            word,
            list(_zones_by_lower_name().values()),
            scorer=fuzz.ratio,
            processor=utils.default_process,
            score_cutoff=_CITY_TYPO_SCORE,
        )
        suggestion = whole[0] if whole else None
    raise _unknown_zone(word, suggestion)


def _offset_zone(match: re.Match[str]) -> str:
    """The Etc zone for "UTC+4" (Etc/GMT-4: POSIX inverts the sign), or a BadQuestion saying why not."""
    sign, hours, minutes = match[1], int(match[2]), int(match[3] or 0)
    if minutes:
        example = _HALF_HOUR_CITY.get(f"{sign}{hours:02d}:{minutes:02d}", "Asia/Tokyo")
        raise BadQuestion(
            f"No zone has a fixed offset of UTC{sign}{hours:02d}:{minutes:02d} — "
            f"name your city instead, e.g. {example}."
        )
    if hours == 0:
        return "UTC"
    if hours > (14 if sign == "+" else 12):
        raise BadQuestion(f"'{match[0]}' is not a real offset — they run from UTC-12 to UTC+14.")
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"


def _cut(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, leaving a space so the words around it stay apart."""
    return f"{text[:start]} {text[end:]}"


def _take_zones(text: str) -> tuple[list[str], str]:
    """The zones named outright in ``text`` (slashed names, offsets, UTC, "Baku time"), and the rest."""
    zones: list[str] = []
    # Slashed names go first, so the "GMT-4" inside "Etc/GMT-4" is not read as an offset.
    for word in reversed(list(_WORD.finditer(text))):
        zone = _slashed_zone(word[0].strip(_EDGE_PUNCT)) if "/" in word[0] else None
        if zone:
            zones.insert(0, zone)
            text = _cut(text, word.start(), word.end())
    while offset := _OFFSET.search(text):
        zones.append(_offset_zone(offset))
        text = _cut(text, offset.start(), offset.end())
    while utc := _UTC_WORD.search(text):
        zones.append("UTC")
        text = _cut(text, utc.start(), utc.end())
    zone, text = _take_city_before_time_word(text)
    return ([*zones, zone] if zone else zones), text


def _take_city_before_time_word(text: str) -> tuple[str | None, str]:
    """The zone from "<city> time" ("New York time"), and ``text`` without it."""
    words = list(_WORD.finditer(text))
    for i, word in enumerate(words):
        if i == 0 or word[0].strip(_EDGE_PUNCT).lower() != "time":
            continue
        for n in (3, 2, 1):
            if i - n < 0:
                continue
            city = " ".join(w[0].strip(_EDGE_PUNCT) for w in words[i - n : i]).lower()
            if city in _zones_by_city():
                return _zones_by_city()[city], _cut(text, words[i - n].start(), word.end())
        near = _closest_city(words[i - 1][0], _CITY_TYPO_SCORE)
        if near:
            raise _unknown_zone(words[i - 1][0].strip(_EDGE_PUNCT), near)
    return None, text


def _take_city_after(text: str, pos: int) -> tuple[str | None, int]:
    """A city named right after the time ending at ``pos`` ("7am in Tokyo"), and where it ends."""
    words = list(islice(_WORD.finditer(text, pos), 4))  # "in" plus a city of up to three words
    said_in = bool(words) and words[0][0].lower() == "in"
    candidates = words[1:] if said_in else words
    for n in (3, 2, 1):
        if len(candidates) < n:
            continue
        city = " ".join(w[0].strip(_EDGE_PUNCT) for w in candidates[:n]).lower()
        if city in _zones_by_city():
            return _zones_by_city()[city], candidates[n - 1].end()
    if said_in and candidates:
        near = _closest_city(candidates[0][0], _CITY_TYPO_SCORE)
        if near:
            raise _unknown_zone(candidates[0][0].strip(_EDGE_PUNCT), near)
    return None, pos


def _not_a_time(raw: str) -> BadQuestion:
    """The error for something that looks like a time but is not one."""
    return BadQuestion(f"'{raw.strip()}' is not a time of day — try 07:30 or 7am.")


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
    zone, end = _take_city_after(text, match.end())
    rest = _cut(text, match.start(), end)
    again = _find_time(rest)
    if again:
        raise BadQuestion(
            f"One subscription sends one digest a day, but you gave two times: '{match[0].strip()}' "
            f"and '{again[1][0].strip()}'. Pick one, or subscribe twice."
        )
    return local_time, zone, rest


# A speaker match: (index where the phrase starts, index of "on"/the verb, the speaker's name).
_SpeakerSpan = tuple[int, int, str]


def _take_speaker(text: str) -> tuple[str, str]:
    """The speaker from "what Imomi says (about …)" or "Imomi on …", and the rest of the text."""
    words = text.split()
    bare = [w.strip(_EDGE_PUNCT).lower() for w in words]
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
                speaker = " ".join(name).strip(_EDGE_PUNCT)
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
            return start, verb, " ".join(words[start:verb]).strip(_EDGE_PUNCT)
    return None


def _tidy(text: str) -> str:
    """The topic left in ``text``: filler words and stray punctuation trimmed from both ends."""
    words = text.split()
    while words and _is_filler(words[0]):
        words.pop(0)
    while words and _is_filler(words[-1]):
        words.pop()
    return " ".join(words).strip(_EDGE_PUNCT).strip()


def _is_filler(word: str) -> bool:
    """Whether ``word`` says nothing about the topic ("news", "daily", a lone comma)."""
    bare = word.strip(_EDGE_PUNCT).lower()
    return not bare or bare in _FILLER
