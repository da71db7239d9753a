"""Time zones named in a subscription: IANA names (misspelt ones mended or refused with a suggestion), UTC
offsets, "UTC", "<city> time", and a city right after the time ("7am in Tokyo")."""

from __future__ import annotations

import re
from functools import cache
from itertools import islice
from zoneinfo import available_timezones

from rapidfuzz import fuzz, process, utils

from bot.errors import BadQuestion

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
EDGE_PUNCT = ",.;:!?()[]{}\"'`-–—"
WORD = re.compile(r"\S+")
_OFFSET = re.compile(r"(?<![\w/])(?:utc|gmt)\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?(?![\w:])", re.I | re.A)
_UTC_WORD = re.compile(r"(?<![\w/+-])(?:utc|gmt)(?![\w/+-])", re.I | re.A)
_FIXED_OFFSET_ZONE = re.compile(r"Etc/GMT([+-])(\d{1,2})")


def zone_label(zone: str) -> str:
    """How a zone reads to a person: Etc/GMT-4 is shown as "UTC+4, all year" to undo the POSIX sign."""
    fixed = _FIXED_OFFSET_ZONE.fullmatch(zone)
    if fixed is None:
        return zone
    sign = "-" if fixed[1] == "+" else "+"
    return f"UTC{sign}{fixed[2]}, all year"


@cache
def zones_by_lower_name() -> dict[str, str]:
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
        return BadQuestion(f"I don't know the time zone “{name}” — did you mean {suggestion}?")
    return BadQuestion(f"I don't know the time zone “{name}” — try a name like Asia/Tokyo or a city like Tokyo.")


def _closest_city(word: str, cutoff: float) -> str | None:
    """The zone of the city spelt most like ``word``, if it scores at least ``cutoff``."""
    found = process.extractOne(
        word, _zones_by_city().keys(), scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=cutoff
    )
    return _zones_by_city()[found[0]] if found else None


def _slashed_zone(word: str) -> str | None:
    """The zone meant by a slashed word such as "europe/baku", None if it is not meant as a zone."""
    exact = zones_by_lower_name().get(word.lower())
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
            list(zones_by_lower_name().values()),
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
        raise BadQuestion(f"“{match[0]}” is not a real offset — they run from UTC-12 to UTC+14.")
    return f"Etc/GMT{'-' if sign == '+' else '+'}{hours}"


def cut(text: str, start: int, end: int) -> str:
    """``text`` without ``text[start:end]``, leaving a space so the words around it stay apart."""
    return f"{text[:start]} {text[end:]}"


def take_zones(text: str) -> tuple[list[str], str]:
    """The zones named outright in ``text`` (slashed names, offsets, UTC, "Baku time"), and the rest."""
    zones: list[str] = []
    # Slashed names go first, so the "GMT-4" inside "Etc/GMT-4" is not read as an offset.
    for word in reversed(list(WORD.finditer(text))):
        zone = _slashed_zone(word[0].strip(EDGE_PUNCT)) if "/" in word[0] else None
        if zone:
            zones.insert(0, zone)
            text = cut(text, word.start(), word.end())
    while offset := _OFFSET.search(text):
        zones.append(_offset_zone(offset))
        text = cut(text, offset.start(), offset.end())
    while utc := _UTC_WORD.search(text):
        zones.append("UTC")
        text = cut(text, utc.start(), utc.end())
    zone, text = _take_city_before_time_word(text)
    return ([*zones, zone] if zone else zones), text


def _take_city_before_time_word(text: str) -> tuple[str | None, str]:
    """The zone from "<city> time" ("New York time"), and ``text`` without it."""
    words = list(WORD.finditer(text))
    for i, word in enumerate(words):
        if i == 0 or word[0].strip(EDGE_PUNCT).lower() != "time":
            continue
        for n in (3, 2, 1):
            if i - n < 0:
                continue
            city = " ".join(w[0].strip(EDGE_PUNCT) for w in words[i - n : i]).lower()
            if city in _zones_by_city():
                return _zones_by_city()[city], cut(text, words[i - n].start(), word.end())
        near = _closest_city(words[i - 1][0], _CITY_TYPO_SCORE)
        if near:
            raise _unknown_zone(words[i - 1][0].strip(EDGE_PUNCT), near)
    return None, text


def take_city_after(text: str, pos: int) -> tuple[str | None, int]:
    """A city named right after the time ending at ``pos`` ("7am in Tokyo"), and where it ends."""
    words = list(islice(WORD.finditer(text, pos), 4))  # "in" plus a city of up to three words
    said_in = bool(words) and words[0][0].lower() == "in"
    candidates = words[1:] if said_in else words
    for n in (3, 2, 1):
        if len(candidates) < n:
            continue
        city = " ".join(w[0].strip(EDGE_PUNCT) for w in candidates[:n]).lower()
        if city in _zones_by_city():
            return _zones_by_city()[city], candidates[n - 1].end()
    if said_in and candidates:
        near = _closest_city(candidates[0][0], _CITY_TYPO_SCORE)
        if near:
            raise _unknown_zone(candidates[0][0].strip(EDGE_PUNCT), near)
    return None, pos
