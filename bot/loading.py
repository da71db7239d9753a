"""Preparing parsed articles for the store: speaker attribution and stems, in worker processes for big loads.

Attribution costs about twice what storing and indexing an article does, so a load of more than one
batch prepares the next batches in other processes, in chunks, while this one writes the current batch,
with batches queued ahead so that neither the writer nor a worker waits for the other.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import lru_cache
from itertools import chain, islice
from multiprocessing import get_context

from bot.attribution import ArticleAttribution, Person, attribute
from bot.ingest import Parsed
from bot.models import ArticleDraft
from bot.retrieval.terms import stems_of
from bot.retrieval.typed_names import normalise_name
from bot.store.articles import ALIAS_KINDS, PersonSpeech, surer

# What the store needs besides the draft: who speaks where, and the article's stems.
Prepared = tuple[PersonSpeech, str]
# Attribution (about 1 ms an article) costs about twice the writer's storing and indexing: as many workers as
# cores, the writer taking turns with them, keeps every core busy. Fewer workers left the writer waiting.
WORKERS = os.cpu_count() or 1
# Articles a worker prepares at a time: small, so every core is busy from the start of a load, and the
# writer's batches (larger, to amortise its commits) are several of them.
PREPARE_CHUNK = 200
# Batches prepared ahead of the one being written, so the writer never waits for a worker.
QUEUE_DEPTH = 2
# Workers run this much nicer than the bot: a bulk load takes whatever CPU answering questions leaves.
WORKER_NICENESS = 10
PARENT_CHECK_S = 1.0


# The same aliases ("mr blair", "prime minister") recur from article to article.
_normalised = lru_cache(maxsize=65_536)(normalise_name)


def person_speech(attribution: ArticleAttribution) -> PersonSpeech:
    """The store's record of an article's attribution: aliases, and speakers and mentions per paragraph.

    Only people some paragraph speaks or names are kept: one named only in the headline ("Classy Henman makes
    winning start") would be a person of no paragraph, answering to "henman" beside Tim Henman.
    """
    linked = {name for paragraph in attribution.paragraphs for name in (*paragraph.speakers, *paragraph.mentions)}
    aliases = {person.name: _aliases_of(person) for person in attribution.people if person.name in linked}
    return PersonSpeech(
        aliases=aliases,
        speakers=[p.speakers for p in attribution.paragraphs],
        mentions=[p.mentions for p in attribution.paragraphs],
    )


def _aliases_of(person: Person) -> tuple[tuple[str, str], ...]:
    """A person's aliases as stored, each once with its surest kind: names, roles as written, roles whose country
    was only guessed, and roles only inferred."""
    forms = (person.aliases, person.roles, person.guessed_roles, person.inferred_roles)
    kinds: dict[str, str] = {}
    for kind, written in zip(ALIAS_KINDS, forms, strict=True):
        for alias in map(_normalised, written):
            kinds.setdefault(alias, kind)
    return tuple(kinds.items())


def gather_aliases(into: dict[str, dict[str, str]], people: PersonSpeech) -> None:
    """Add one article's aliases to ``into`` (canonical name -> alias -> kind), each alias in its surest kind."""
    for name, aliases in people.aliases.items():
        known = into.setdefault(name, {})
        for alias, kind in aliases:
            if surer(kind, known.get(alias)):
                known[alias] = kind


def article_stems(draft: ArticleDraft) -> str:
    """An article's distinct stems (title and paragraphs), space-separated, as the store keeps them."""
    # One pass over the whole text stems each distinct word once per article, not once per paragraph.
    # Words never span a newline, so this is the union of the title's and every paragraph's stems.
    return " ".join(stems_of("\n".join((draft.title, *draft.paragraphs))))


def prepare(drafts: Sequence[ArticleDraft]) -> list[Prepared]:
    """Each article's attribution record and stems, in order."""
    return [(person_speech(attribute(d.paragraphs, d.title)), article_stems(d)) for d in drafts]


def prepared_batches(
    parsed: Iterable[Parsed], size: int, chunk: int = PREPARE_CHUNK
) -> Iterator[tuple[list[Parsed], list[Prepared]]]:
    """Batches of ``size`` parsed items with their drafts prepared, in order; big loads use worker processes,
    each preparing ``chunk`` items at a time."""
    items = iter(parsed)
    first, second = list(islice(items, size)), list(islice(items, size))
    if not second:
        if first:
            yield first, prepare(_drafts(first))
        return
    # spawn, not fork: the bot may be running threads (chat adapters, the digest job) when an admin loads.
    # The first batch waits about a second for the workers to start; preparing it here instead was slower
    # (a fresh process's stem cache is cold).
    with worker_pool() as pool:
        window: deque[tuple[list[Parsed], list[Future[list[Prepared]]]]] = deque()
        for batch in chain([first, second], iter(lambda: list(islice(items, size)), [])):
            chunks = (_drafts(batch[start : start + chunk]) for start in range(0, len(batch), chunk))
            window.append((batch, [pool.submit(prepare, drafts) for drafts in chunks]))
            if len(window) > QUEUE_DEPTH:
                yield _ready(*window.popleft())
        while window:
            yield _ready(*window.popleft())


def _ready(batch: list[Parsed], futures: list[Future[list[Prepared]]]) -> tuple[list[Parsed], list[Prepared]]:
    """A batch with its chunks' preparation, once every chunk is done."""
    return batch, [prepared for future in futures for prepared in future.result()]


def yield_to_answers() -> None:
    """Run this process (a load from the command line) at the workers' lower CPU priority for good.

    Beside a serving bot, a bulk load then takes the CPU that answering questions leaves: its writer, at
    normal priority, had held half the machine while 20 people asked. The workers it starts inherit the
    priority (and lower theirs again, as far as the system allows).
    """
    os.nice(WORKER_NICENESS)


def worker_pool() -> ProcessPoolExecutor:
    """Processes for preparing batches, at a lower CPU priority than the bot that starts them."""
    return ProcessPoolExecutor(
        max_workers=WORKERS,
        mp_context=get_context("spawn"),
        initializer=_start_worker,
        initargs=(os.getpid(),),
    )


def _start_worker(parent: int) -> None:
    os.nice(WORKER_NICENESS)
    threading.Thread(target=_exit_with, args=(parent,), name="exit-with-parent", daemon=True).start()


def _exit_with(parent: int) -> None:
    """End this worker once its parent is gone.

    A worker holds both ends of its task pipe, so a loader killed mid-load (SIGKILL, the OOM killer) never
    closes it: its workers waited for work forever, holding their memory.
    """
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(1)


def _drafts(batch: list[Parsed]) -> list[ArticleDraft]:
    return [item for item in batch if isinstance(item, ArticleDraft)]
