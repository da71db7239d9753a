"""The in-memory role aliases keep up with a store that is loaded, upgraded and pruned while they are in use."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.models import ArticleDraft
from bot.retrieval.aliases import RoleAliases
from bot.store import Store
from bot.store.articles import GUESSED_ROLE, INFERRED_ROLE, PersonSpeech


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh SQLite store."""
    opened = Store.open(tmp_path / "aliases.db")
    yield opened
    opened.close()


def load(store: Store, title: str, speaker: str, *aliases: tuple[str, str]) -> int:
    """Store a one-paragraph story spoken by ``speaker``, holding these (alias, kind) forms; returns its id."""
    draft = ArticleDraft(
        title=title,
        paragraphs=(f"{title}, {speaker} said.",),
        source="Wire",
        published="2025-03-01",
        url="",
        origin=f"{title}.txt",
    )
    people = PersonSpeech(aliases={speaker: aliases}, speakers=[[speaker]], mentions=[[]])
    return store.add_article(draft, loaded_by="me", people=people).article_id


def person(store: Store, name: str) -> int:
    """A stored person's id."""
    return store.people_by_alias(name)[0][0]


def test_a_role_met_again_as_written_is_no_longer_only_inferred_at_once(store: Store) -> None:
    load(store, "Oil output will rise", "Ana Lopez", ("ana lopez", "name"), ("the minister", INFERRED_ROLE))
    passing = load(store, "Gas flows rose", "Bo Chen", ("bo chen", "name"))
    roles = RoleAliases(store)
    lopez = person(store, "ana lopez")
    assert roles.inferred_holders("the minister") == {lopez}
    # A removal makes the caches read everything again, and not again for a while; an upgrade must not wait.
    store.delete_article(passing)
    store.delete_orphan_people()
    assert roles.inferred_holders("the minister") == {lopez}
    load(store, "The budget passed", "Ana Lopez", ("ana lopez", "name"), ("the minister", "role"))
    assert roles.inferred_holders("the minister") == set()
    assert roles.containing("minister") == [("the minister", lopez)]  # once, as written


def test_an_office_given_up_by_an_upgrade_no_longer_casts_doubt(store: Store) -> None:
    # Margaret Thatcher, written "British Prime Minister", is no "japanese prime minister" a story guessed; once
    # her only British office is a name, nothing written says which country's prime minister she is.
    load(
        store,
        "Trade talks",
        "Margaret Thatcher",
        ("margaret thatcher", "name"),
        ("british prime minister", "role"),
        ("japanese prime minister", GUESSED_ROLE),
    )
    load(
        store,
        "Tariffs cut",
        "Yasuhiro Nakasone",
        ("yasuhiro nakasone", "name"),
        ("japanese prime minister", GUESSED_ROLE),
    )
    roles = RoleAliases(store)
    thatcher, nakasone = person(store, "margaret thatcher"), person(store, "yasuhiro nakasone")
    assert roles.written_first("japanese prime minister", [thatcher, nakasone]) == [nakasone]
    load(store, "Budget debate", "Margaret Thatcher", ("british prime minister", "name"))
    assert roles.written_containing("british") == []
    assert roles.written_first("japanese prime minister", [thatcher, nakasone]) == [thatcher, nakasone]
