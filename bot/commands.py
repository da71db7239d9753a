"""The chat command set shared by every adapter: text in, ``Reply`` out.

Adapters pass each message here (``handle``) or call the service directly where the platform
gives them something text can't carry (an uploaded file, a "More" button press).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.admin_commands import audit_command, feeds_command
from bot.admin_text import counted
from bot.errors import BadQuestion, BriefingError
from bot.full_article import which_article
from bot.models import Chat, LoadReport, Reply, User
from bot.retrieval.chat_text import normalise, pictograph
from bot.service import BriefingService
from bot.subscriptions import digest_command
from bot.url_load import is_web_address


@dataclass(frozen=True)
class Command:
    """One chat command, as shown in /help and registered with the platforms."""

    name: str
    usage: str
    summary: str
    admin: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("help", "/help", "what I can do"),
    Command("ask", "/ask QUESTION", "ask about a person or a topic, e.g. /ask what did Imomi say about oil?"),
    Command("more", "/more", "more results for the last question"),
    Command("articles", "/articles [WORDS]", "recent articles with their ids"),
    Command("read", "/read [ARTICLE_ID]", "an article in full (without an id, the one the last answer quotes first)"),
    Command("subscribe", "/subscribe [TOPIC] [TIME] [ZONE]", "a daily digest, e.g. /subscribe oil at 7am Asia/Baku"),
    Command("reschedule", "/reschedule [ID | TOPIC] TIME [ZONE]", "move a daily digest, e.g. /reschedule 9pm"),
    Command("unsubscribe", "/unsubscribe [ID | TOPIC | all]", "stop daily digests"),
    Command("subscriptions", "/subscriptions", "this chat's daily digests"),
    Command("digest", "/digest", "today's digest now"),
    Command("load", "/load TEXT | URL (or attach a file)", "load an article", admin=True),
    Command("delete", "/delete ARTICLE_ID", "delete an article", admin=True),
    Command("stats", "/stats", "what the store holds", admin=True),
    Command("feeds", "/feeds add URL | remove URL|ID | list | poll", "follow RSS and Atom feeds", admin=True),
    Command("audit", "/audit [N]", "who loaded or deleted what, and when", admin=True),
)

_ADMIN_COMMANDS = frozenset(c.name for c in COMMANDS if c.admin)
# "more", "ok, more please", "show me more", "next page", "keep going", "anything else?", "is that all?": the last
# question's next page (or that there is no more).
_MORE = re.compile(
    r"^(?:(?:show|give|tell|send)(?: me)? )?(?:(?:some|any|a few|one|two|three) )?"
    r"(?:more|next|next page|next one|next ones|more results|more of them|the rest|keep going|go on|continue"
    r"|anything else|what else|anything more|what else is there|what else have you got"
    r"|is that (?:all|it|everything)|(?:is|are) there (?:any )?more)$",
    re.IGNORECASE,
)
# "show me the full article", "can i read the whole story?", "full text", "open the article": the article the last
# answer quotes first.
_FULL_ARTICLE = re.compile(
    r"^(?:(?:show|give|send|open|pull up)(?: me)? |(?:can|could|may) i (?:see|read|have) |i want to (?:read|see) "
    r"|let me (?:read|see) |read )?(?:the |that |this )?(?:(?:full|whole|entire|complete|original) )?"
    r"(?:article|story|text|piece|report)(?: in full)?(?: please)?$",
    re.IGNORECASE,
)
# "when was that?", "where did he say that?", "where's that from?", "source?", "which article?", "when?": where the
# last answer's quotes come from (not "when is it?", which asks about the thing).
_SOURCES = re.compile(
    r"^(?:(?:and|so|ok|okay) )?(?:when|(?:what|which) dates?|"
    r"(?:when (?:was|were|did)|where (?:was|were|did|is)) (?:that|this|it|those|these|he|she|they)"
    r"(?: (?:said|say|saying|published|written|reported|say that|say it|said that))?(?: that| this| it)?"
    r"|(?:where|which (?:article|story|paper|report)s?)(?:'s| is| are| was| were| did)?(?: (?:that|this|it|those"
    r"|these|they))?(?: (?:from|come from|published|reported))?"
    r"|(?:(?:what|where)(?:'s| is| are| was| were) the |any |got a |give me the |the )?(?:sources?|links?|dates?"
    r"|citations?|references?)(?: for (?:that|this|those|these|it))?"
    r")$",
    re.IGNORECASE,
)
# "where did brown say that?": where the quotes come from, when Brown is whom the last question asked about.
_SOURCES_OF = re.compile(
    r"^(?:(?:and|so|ok|okay) )?(?:when|where) did (?P<who>[\w'’.-]+(?: [\w'’.-]+){0,2}) say (?:that|this|it)$",
    re.IGNORECASE,
)
# A greeting or a plea for help sent as a message: read as a topic, "help" quoted paragraphs about aid.
HELP_WORDS = frozenset(
    {"help", "hi", "hello", "hey", "hi there", "hello there", "good morning", "good afternoon", "good evening"}
    | {"start", "commands", "menu", "what can you do"}
    # About the bot itself: "who are you?" had introduced the five people the stories record as "you".
    | {"who are you", "what are you", "what do you do", "how does this work", "how do you work", "what is this"}
)
THANKS_WORDS = frozenset(
    {"thanks", "thank you", "thank you very much", "many thanks", "thanks a lot", "thx", "cheers"}
    | {"ok thanks", "ok thank you", "great thanks", "great, thanks", "ok, thanks"}
)
# An answer acknowledged: "ok" searched, it quoted a reader's comment opening "Ok I like Robbie".
ACKNOWLEDGEMENTS = frozenset(
    {*"ok okay k cool great nice good fine sure alright wow hmm interesting noted understood perfect".split()}
    | {"ok cool", "ok great", "got it", "i see", "all right", "fair enough", "makes sense"}
)
# A question about the last answer rather than the news: "is that true?" was news on "is that true", "why?" the
# prompt to name a person or a topic. Whole messages only: "why did china shut internet cafes?" is news.
_ABOUT_THE_ANSWER = re.compile(
    r"^(?:(?:and|but|so|ok|okay|hmm|wow|really)[ ,]+)?(?:"
    r"why|why not|how come|how so|really|seriously|are you sure|is (?:that|this|it) (?:true|right|correct|so)"
    r"|why (?:is|was|did|does|would) (?:that|this|it|he|she|they)(?: (?:say|said|do|happen|think|matter))?"
    r"(?: (?:that|this|it|so))?"
    r"|what do(?:es)? (?:that|this|it) mean|what do you think|do you agree"
    r"|(?:what(?:'s| is) )?your (?:opinion|view|take)"
    r"|(?:can you )?explain(?: (?:that|this|it))?"
    r")$",
    re.IGNORECASE,
)
ABOUT_THE_ANSWER = (
    "I can't judge or explain the news myself: I quote what the articles say, each with its source. "
    "Send “more” for more of the last answer, or ask me about a person or a topic."
)


def conversation_key(user: User, chat: Chat) -> str:
    """The key of one person's conversation in one chat."""
    return f"{chat.key}/{user.key}"


def help_text(is_admin: bool) -> str:
    """The /help message, listing admin commands only to admins."""
    lines = [
        "I answer questions about the news I have loaded, quoting the paragraphs with their sources.",
        "Ask me things like “what did Imomi say about oil?”, “what did Hewitt say?” or “any news on the Dome?”.",
        "",
    ]
    lines += [f"{c.usage} — {c.summary}" for c in COMMANDS if is_admin or not c.admin]
    return "\n".join(lines)


def handle(service: BriefingService, user: User, chat: Chat, text: str) -> Reply:
    """Run a chat message: a /command or a question. ``BriefingError``s become their plain message."""
    try:
        return _dispatch(service, user, chat, text.strip())
    except BriefingError as error:
        return Reply(error.user_message, private=True)


def _dispatch(service: BriefingService, user: User, chat: Chat, text: str) -> Reply:
    conversation = conversation_key(user, chat)
    if not text.startswith("/"):
        said = text.lower().rstrip("!.?")
        if not text or said in HELP_WORDS:
            return Reply(help_text(service.is_admin(user)))
        if said in THANKS_WORDS:
            return Reply("You're welcome. Ask me anything else about the news.")
        if said in ACKNOWLEDGEMENTS or (not any(c.isalnum() for c in text) and any(map(pictograph, text))):
            # ... or a thumbs-up ("👍"): no words at all, only emoji
            return Reply("OK. Ask me anything else about the news, or send “more” for more of the last answer.")
        if _ABOUT_THE_ANSWER.match(" ".join(said.split())):
            return Reply(ABOUT_THE_ANSWER)
        if is_web_address(text):  # a link pasted alone: no question in it, and never loaded unasked
            if service.is_admin(user):
                return Reply(f"To load that page as an article, send “/load {text}”.")
            return Reply(
                "I answer from the articles loaded here and don't open links. Ask me about a person or a topic."
            )
        asked = normalise(text)
        if _MORE.match(asked):
            return service.more(conversation)
        if _SOURCES.match(asked):
            return service.sources(conversation)
        if _FULL_ARTICLE.match(asked):
            return service.read(conversation)
        if (named := _SOURCES_OF.match(asked)) and service.asked_about(conversation, named["who"]):
            return service.sources(conversation)
        if (digest := digest_command(text)) is not None:  # "send me a daily digest about oil at 8am"
            name, args = digest
            return _CHAT_ACTIONS[name](service, user, chat, args)
        return service.ask_in_chat(user, conversation, text)
    head, *rest = text[1:].split(maxsplit=1) or [""]  # "/ask\nwhat…" splits like "/ask what…"
    args = rest[0] if rest else ""
    name = head.split("@", 1)[0].lower()
    chat_action = _CHAT_ACTIONS.get(name)
    if chat_action is not None:
        return chat_action(service, user, chat, args.strip())
    action = _ACTIONS.get(name)
    if action is None:
        meant = _command_meant(name, service.is_admin(user))
        guess = f" Did you mean /{meant}?" if meant else ""
        return Reply(f"I don't know the command /{name}.{guess} Type /help to see what I can do.")
    reply = action(service, user, conversation, args.strip())
    # Admin output (audit log, statistics, feeds) is for the admin, not the whole channel.
    return replace(reply, private=True) if name in _ADMIN_COMMANDS else reply


def _command_meant(typed: str, admin: bool) -> str:
    """The command an unknown one was likely meant as: misspelt by a letter or two ("/subscibe", "/digests") or cut
    short ("/unsub"); "" when none is near. Admin commands are guessed for admins only."""
    names = [c.name for c in COMMANDS if admin or not c.admin]
    if len(typed) >= 3 and (started := [name for name in names if name.startswith(typed)]):
        return started[0]
    if len(typed) < 4:
        return ""
    nearest = process.extractOne(typed, names, scorer=OSA.distance, score_cutoff=2)
    return nearest[0] if nearest else ""


def _help(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    return Reply(help_text(service.is_admin(user)))


def _ask(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    if not args:
        raise BadQuestion("Ask me something after /ask, e.g. /ask what did Imomi say about oil?")
    return service.ask_in_chat(user, conversation, args)


def _more(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    return service.more(conversation)


def _articles(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    articles = service.recent_articles(args)
    if not articles:
        return Reply("No articles match that." if args else "No articles are loaded yet.")
    lines = [f"#{a.id} {a.title} — {a.source or 'unknown source'}, {a.published or 'undated'}" for a in articles]
    return Reply("\n".join(lines))


def _load(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    if is_web_address(args):
        return Reply(describe_load(service.load_url(user, args)))
    return Reply(describe_load(service.load_text(user, args)))


def _delete(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    service.require_admin(user, "delete articles")
    return service.delete(user, _article_number(args, "delete"))


def _article_number(args: str, command: str) -> int:
    """The article number typed after /delete or /read ("12", "#12"); a plain error for anything else."""
    if not args.lstrip("#").isdigit():
        raise BadQuestion(f"{which_article(command)}.")
    return int(args.lstrip("#"))


def _stats(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    counts = service.stats(user)
    size_mb = counts["bytes"] / 1_048_576
    return Reply(
        f"{counted(counts['articles'], 'article')}, {counted(counts['paragraphs'], 'paragraph')}, "
        f"{counted(counts['people'], 'person', 'people')}; {counted(counts['feeds'], 'feed')}, "
        f"{counted(counts['subscribers'], 'subscriber')}; {counted(counts['failures'], 'failed load')} recorded; "
        f"store size {size_mb:.1f} MB."
    )


def describe_load(report: LoadReport) -> str:
    """A short account of a load: what was added, what was already there, what failed and why."""
    lines = []
    for outcome in report.outcomes:
        if outcome.status == "loaded":
            count = f"{outcome.paragraphs} paragraph{'' if outcome.paragraphs == 1 else 's'}"
            lines.append(f"Loaded #{outcome.article_id} “{outcome.title}” ({count}).")
        elif outcome.status == "duplicate":
            lines.append(f"Duplicate {outcome.origin}: “{outcome.title}” ({outcome.reason}).")
        else:
            lines.append(f"Could not load {outcome.origin}: {outcome.reason}")
    return "\n".join(lines) or "There was nothing to load."


def _read(service: BriefingService, user: User, conversation: str, args: str) -> Reply:
    return service.read(conversation, _article_number(args, "read") if args else None)


_ACTIONS: dict[str, Callable[[BriefingService, User, str, str], Reply]] = {
    "start": _help,
    "help": _help,
    "ask": _ask,
    "more": _more,
    "articles": _articles,
    "read": _read,
    "load": _load,
    "delete": _delete,
    "stats": _stats,
    "feeds": feeds_command,
    "audit": audit_command,
}


def _subscriptions(service: BriefingService, user: User, chat: Chat, args: str) -> Reply:
    return service.subscriptions(user, chat)


def _digest(service: BriefingService, user: User, chat: Chat, args: str) -> Reply:
    return service.digest_now(user, chat)


# Digest commands act on the chat (a digest is delivered to a chat), not on one conversation.
_CHAT_ACTIONS: dict[str, Callable[[BriefingService, User, Chat, str], Reply]] = {
    "subscribe": BriefingService.subscribe,
    "reschedule": BriefingService.reschedule,
    "unsubscribe": BriefingService.unsubscribe,
    "subscriptions": _subscriptions,
    "digest": _digest,
}
