"""The replies behind /subscribe, /reschedule, /unsubscribe and /subscriptions (the service's digest commands)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.errors import BadQuestion, NotAllowed, NothingFound
from bot.models import Chat, Reply, Subscription, User
from bot.retrieval.fts import content_words
from bot.schedule import SubscriptionRequest, describe, names_a_time, parse_subscription, scheduled_instant
from bot.store.protocol import StoreProtocol
from bot.time_zones import take_zones

_IDS = re.compile(r"#?(\d+)")
# Digests asked for in words, not by command: "send me a daily digest about oil at 8am", "i'd like a morning
# briefing on the dome", "subscribe me to news on oil", "sign me up for imomi"; "stop my digests", "cancel the oil
# digest", "unsubscribe me from oil"; "what digests do i have?". Never a bare "briefing on oil", which asks for news.
_ASKING = r"(?:(?:please|ok|so|also|and|can you|could you)\s+)*"
_DIGESTS = r"(?:digests?|briefings?|subscriptions?)"
_WANTING = r"(?:i(?:'d| would) like|i want|(?:send|give|get|email) me|set up|start|(?:can|could|may) i (?:get|have))"
_ONE = r"(?:(?:a|an|my|the)\s+)?"
# "remind me every morning about oil", "send me what greenspan says every evening": a plea for something every day.
_DAILY_PLEA = r"(?:(?:send|give|email) me|remind me|notify me|alert me|keep me (?:posted|updated))"
_SUBSCRIBE = re.compile(
    rf"^{_ASKING}(?:{_WANTING}\s+)?{_ONE}(?:daily|morning|evening|nightly)\s+(?:digest|briefing)s?\b"
    rf"|^{_ASKING}{_WANTING}\s+{_ONE}(?:digest|briefing)s?\b"
    rf"|^{_ASKING}(?:subscribe(?: me)?|sign me up)(?:\s+(?:to|for))?\b"
    rf"|^{_ASKING}{_DAILY_PLEA}\b(?=.*\b(?:every|each)\s+(?:day|morning|evening|night)\b)",
    re.IGNORECASE,
)
# "another digest on gas at noon", "also a briefing on coal at 6pm": a digest asked for by a time alone.
_ANOTHER = re.compile(rf"^{_ASKING}(?:a|an|another|one more)\s+(?:daily\s+)?(?:digest|briefing)\b", re.IGNORECASE)
_UNSUBSCRIBE = re.compile(
    rf"^{_ASKING}(?:unsubscribe(?: me)?(?:\s+from)?\b(?P<rest>.*)"
    rf"|(?:stop|cancel|end|turn off|remove|drop)\s+(?:(?P<what>.*?)\s*\b{_DIGESTS}|the\s+(?P<one>.+?)\s+one)\W*)$",
    re.IGNORECASE,
)
_LIST = re.compile(
    rf"^{_ASKING}(?:(?:what|which)\s+{_DIGESTS}\s+(?:do|have)\s+i(?:\s+(?:have|got|set up))?"
    rf"|(?:list|show)(?:\s+me)?\s+my\s+{_DIGESTS}|my\s+{_DIGESTS}|what\s+am\s+i\s+subscribed\s+to)\W*$",
    re.IGNORECASE,
)
# "change it to 9pm", "move my oil digest to 7am", "make it 9pm tokyo time", "send it at 6pm instead": a digest
# moved (what follows must name a time or a zone; a number or topic before it says which digest).
_RESCHEDULE = re.compile(
    rf"^{_ASKING}(?:change|move|switch|reschedule|set|make|put|send)\s+(?:it|that|(?:my|the|this)\s+(?P<what>.*?)\s*"
    rf"{_DIGESTS}|{_DIGESTS}\s+(?P<number>#?\d+))\s+(?:to\s+|for\s+|at\s+)?(?P<when>.+?)(?:\s+instead)?\W*$",
    re.IGNORECASE,
)
_EVERY = re.compile(r"\b(?:every|each)\s+(?:day|morning|evening|night)\b", re.IGNORECASE)
# The hour a part of the day asked for without a time means ("an evening briefing"); a morning's is the default.
_PARTS_OF_DAY = {"evening": "18:00", "nightly": "21:00", "night": "21:00"}
# "stop all my digests", "unsubscribe me from everything": every one.
_WHICH = re.compile(r"^(?:(?:all|my|the|of|daily|everything|them)(?:\s+|$))*", re.IGNORECASE)


def digest_command(text: str) -> tuple[str, str] | None:
    """The digest command (subscribe, unsubscribe or subscriptions) and its arguments a message asks for in words,
    or None when it asks for none: "send me a daily digest about oil at 8am" is /subscribe about oil at 8am."""
    message = text.strip()
    if _LIST.match(message):
        return "subscriptions", ""
    if stop := _UNSUBSCRIBE.match(message):
        return "unsubscribe", _WHICH.sub("", (stop["rest"] or stop["what"] or stop["one"] or "").strip())
    if (move := _RESCHEDULE.match(message)) and (names_a_time(move["when"]) or take_zones(move["when"])[0]):
        return "reschedule", " ".join(filter(None, [move["number"] or move["what"], move["when"]]))
    if (start := _SUBSCRIBE.match(message)) or ((start := _ANOTHER.match(message)) and names_a_time(message)):
        rest = message[start.end() :]
        asked = " ".join([start[0], *(every[0] for every in _EVERY.finditer(rest))]).lower().split()
        args = _EVERY.sub(" ", rest).strip()
        part = next((hour for word, hour in _PARTS_OF_DAY.items() if word in asked), None)
        return "subscribe", f"{args} at {part}" if part and not names_a_time(args) else args
    return None


def subscribe(
    store: StoreProtocol,
    settings: Settings,
    user: User,
    chat: Chat,
    args: str,
    now: datetime,
    unheard_of: Callable[[str], bool],
) -> Reply:
    """Store the subscription ``args`` describes, then confirm it with its id and schedule.

    :param unheard_of: whether no article uses a word (``TopicReader.unheard_of``), to point out misspellings.
    """
    held = store.chat_subscriptions(chat.platform, chat.id)
    request = parse_subscription(args, _their_zone(held, user) or settings.timezone)
    if same := _same_digest(held, request):
        # "/subscribe", then "/subscribe 8am": a second digest would send every article twice.
        return Reply(f"This chat already gets that digest (#{same.id}): {describe(request)}. /subscriptions lists all.")
    wanted = Subscription(
        id=0,
        platform=chat.platform,
        chat_id=chat.id,
        user_key=user.key,
        local_time=request.local_time,
        zone=request.zone,
        topic=request.topic,
        speaker=request.speaker,
        created_at=now.astimezone(UTC).isoformat(timespec="seconds"),
    )
    stored = store.add_subscription(wanted, max_per_chat=settings.max_subscriptions_per_chat)
    if stored is None:
        raise NotAllowed(
            f"This chat already has {settings.max_subscriptions_per_chat} digest subscriptions, the most I keep "
            "for one chat. See them with /subscriptions and remove one with /unsubscribe ID."
        )
    note = _unheard_of_note(store, request, unheard_of)
    return Reply(
        f"Subscribed (#{stored.id}): {describe(request)}. The first digest comes {_first_day(stored, now)}"
        f" with the articles loaded from now on. /unsubscribe {stored.id} stops it.{note}"
    )


def _their_zone(subscriptions: list[Subscription], user: User) -> str:
    """The zone someone's digests in a chat all keep, if they agree: a new one named with no zone is in it ("a digest
    on oil at 8am london time", then "also one on gas at noon": London's noon, not the bot's default zone's)."""
    zones = {s.zone for s in subscriptions if s.user_key == user.key}
    return zones.pop() if len(zones) == 1 else ""


def _same_digest(subscriptions: list[Subscription], request: SubscriptionRequest) -> Subscription | None:
    """The chat's subscription asking for the very digest requested (same time, zone, topic and person), if any."""
    asked = (request.local_time, request.zone, request.topic.casefold(), request.speaker.casefold())
    return next(
        (s for s in subscriptions if (s.local_time, s.zone, s.topic.casefold(), s.speaker.casefold()) == asked), None
    )


def _unheard_of_note(store: StoreProtocol, request: SubscriptionRequest, unheard_of: Callable[[str], bool]) -> str:
    """A note naming the topic's words no article uses yet ("whta", "irak"): a misspelt topic would otherwise
    match nothing, day after day, without a word said. Nothing when no article is loaded at all."""
    words = content_words(request.topic)
    if not words or not store.paragraph_count():
        return ""
    unknown = [word for word in words if unheard_of(word)]
    if not unknown:
        return ""
    quoted = [f"“{word}”" for word in unknown]
    listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} or {quoted[-1]}"
    return f" No article I have so far uses {listed}: check the spelling if that is not what you meant."


def reschedule(
    store: StoreProtocol, settings: Settings, user: User, chat: Chat, args: str, now: datetime, *, is_admin: bool
) -> Reply:
    """Move a digest to the time or zone ``args`` gives: the one its number, topic or person names, else the user's
    only one in this chat. Its watermark is kept, so no article comes twice or is skipped."""
    asked = parse_subscription(args, settings.timezone)
    mine = [s for s in store.chat_subscriptions(chat.platform, chat.id) if s.user_key == user.key or is_admin]
    if number := _IDS.fullmatch(asked.topic):
        chosen = [s for s in mine if s.id == int(number[1])]
        if not chosen:
            raise NothingFound(f"You have no subscription #{number[1]} in this chat — /subscriptions lists them.")
    elif asked.topic or asked.speaker:
        chosen = _following(mine, asked.speaker or asked.topic)
        if not chosen:
            raise NothingFound(f"No digest here follows “{asked.speaker or asked.topic}” — /subscriptions lists them.")
    else:
        chosen = [s for s in mine if s.user_key == user.key]
        if not chosen:
            return Reply("You have no digest subscriptions in this chat.")
    if len(chosen) > 1:
        listed = ", ".join(f"#{s.id}" for s in chosen)
        raise BadQuestion(f"Which digest? You have {listed} here: say its number, e.g. /reschedule {chosen[0].id} 9pm.")
    (subscription,) = chosen
    # With no time, or no zone, named, the digest keeps its own.
    timed, zoned = names_a_time(args), asked.zone_named
    if not timed and not zoned:
        raise BadQuestion("Say the new time, e.g. /reschedule 9pm, or a zone, e.g. /reschedule 7:30 Asia/Tokyo.")
    updated = replace(
        subscription,
        local_time=asked.local_time if timed else subscription.local_time,
        zone=asked.zone if zoned else subscription.zone,
    )
    if not store.reschedule_subscription(updated.id, updated.local_time, updated.zone):
        raise NothingFound(f"Subscription #{subscription.id} was stopped meanwhile — /subscriptions lists them.")
    since = "the last one" if subscription.last_sent_at else "you subscribed"
    return Reply(
        f"Moved #{updated.id}: {describe(request_of(updated))}. The next digest comes {_first_day(updated, now)}"
        f" with the articles loaded since {since}."
    )


def unsubscribe(store: StoreProtocol, user: User, chat: Chat, args: str, *, is_admin: bool) -> Reply:
    """Turn off the subscriptions ``args`` names (ids, or a topic or person they follow), or all of the user's in
    this chat."""
    words = args.replace(",", " ").split()
    mine = [s for s in store.chat_subscriptions(chat.platform, chat.id) if s.user_key == user.key or is_admin]
    if not words or [w.lower() for w in words] == ["all"]:
        chosen = [s for s in mine if s.user_key == user.key]
        if not chosen:
            return Reply("You have no digest subscriptions in this chat.")
    elif following := _following(mine, args):
        chosen = following
    else:
        matches = [_IDS.fullmatch(w) for w in words]
        ids = {int(m[1]) for m in matches if m}
        if not all(matches):
            raise BadQuestion(
                "Say which digest to stop: its number (see /subscriptions) or topic, e.g. /unsubscribe 3 or"
                " /unsubscribe oil, or /unsubscribe all."
            )
        chosen = [s for s in mine if s.id in ids]
        missing = sorted(ids - {s.id for s in chosen})
        if missing:
            raise NothingFound(f"You have no subscription #{missing[0]} in this chat — /subscriptions lists them.")
    store.deactivate_subscriptions(s.id for s in chosen)
    stopped = ", ".join(f"#{s.id}" for s in chosen)
    left = len(store.chat_subscriptions(chat.platform, chat.id))
    return Reply(f"Unsubscribed {stopped}. " + (f"{left} left in this chat." if left else "No more digests here."))


def _following(subscriptions: list[Subscription], typed: str) -> list[Subscription]:
    """The subscriptions a typed topic or person names: "/unsubscribe oil" stops the digest on oil (not Imomi's
    on oil), "/unsubscribe imomi" Imomi's."""
    asked = " ".join(typed.lower().split())
    on_topic = [s for s in subscriptions if not s.speaker and s.topic.lower() == asked]
    return on_topic or [s for s in subscriptions if s.speaker.lower() == asked]


def list_subscriptions(store: StoreProtocol, user: User, chat: Chat) -> Reply:
    """The chat's subscriptions, one line each with its id and who set it up when it wasn't the asker."""
    found = store.chat_subscriptions(chat.platform, chat.id)
    if not found:
        return Reply("No digests are set up in this chat. Try /subscribe, or /subscribe energy at 7am Asia/Baku.")
    lines = [
        f"#{s.id} {describe(request_of(s))}" + ("" if s.user_key == user.key else f" (set up by {s.user_key})")
        for s in found
    ]
    return Reply("\n".join(["Daily digests in this chat:", *lines]))


def request_of(subscription: Subscription) -> SubscriptionRequest:
    """The schedule request a stored subscription was made from (for ``schedule.describe``)."""
    s = subscription
    return SubscriptionRequest(s.local_time, s.zone, s.topic, s.speaker)


def _first_day(subscription: Subscription, now: datetime) -> str:
    """ "today" when the digest time is still ahead in the subscriber's zone, else "tomorrow"."""
    s = subscription
    local_today = now.astimezone(ZoneInfo(s.zone)).date()
    return "today" if scheduled_instant(local_today, s.local_time, s.zone) >= now else "tomorrow"
