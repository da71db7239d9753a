"""The store's schema as numbered migrations, applied in order and recorded in ``PRAGMA user_version``."""

from __future__ import annotations

from collections.abc import Callable

from sqlite_utils import Database


def _v1_articles(db: Database) -> None:
    """Articles, their paragraphs, the FTS5 index and load failures."""
    db.table("articles").create(
        {
            "id": int,
            "title": str,
            "source": str,
            "author": str,
            "published": str,
            "url": str,
            "category": str,
            "origin": str,
            "content_hash": str,
            "loaded_at": str,
            "loaded_by": str,
        },
        pk="id",
        not_null={"title", "content_hash", "loaded_at"},
    )
    db.table("articles").create_index(["content_hash"], unique=True)
    db.table("articles").create_index(["published"])
    db.execute("CREATE UNIQUE INDEX idx_articles_url ON articles(url) WHERE url != ''")
    db.table("paragraphs").create(
        {"id": int, "article_id": int, "position": int, "text": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"article_id", "position", "text"},
    )
    db.table("paragraphs").create_index(["article_id", "position"], unique=True)
    db.table("paragraphs").enable_fts(["text"], create_triggers=True, tokenize="porter unicode61 remove_diacritics 2")
    db.table("ingest_failures").create(
        {"id": int, "origin": str, "reason": str, "failed_at": str, "loaded_by": str}, pk="id"
    )


def _v2_people(db: Database) -> None:
    """People, the names they are asked by, and who speaks or is mentioned in which paragraph."""
    db.table("people").create({"id": int, "name": str}, pk="id", not_null={"name"})
    db.table("people").create_index(["name"], unique=True)
    db.table("person_aliases").create(
        {"person_id": int, "alias": str, "kind": str},
        pk=("person_id", "alias"),
        foreign_keys=[("person_id", "people", "id")],
    )
    db.table("person_aliases").create_index(["alias"])
    db.table("paragraph_people").create(
        {"paragraph_id": int, "person_id": int, "role": str},
        pk=("paragraph_id", "person_id", "role"),
        foreign_keys=[("paragraph_id", "paragraphs", "id"), ("person_id", "people", "id")],
    )
    db.table("paragraph_people").create_index(["person_id", "role"])


def _v3_vocabulary(db: Database) -> None:
    """A view of the FTS5 vocabulary: how many paragraphs hold each term (for term weights)."""
    db.execute("CREATE VIRTUAL TABLE paragraphs_fts_vocab USING fts5vocab(paragraphs_fts, 'row')")


def _v4_subscriptions(db: Database) -> None:
    """Digest subscriptions, and one log row per subscription and local day so each digest goes out once."""
    db.table("subscriptions").create(
        {
            "id": int,
            "platform": str,
            "chat_id": str,
            "user_key": str,
            "local_time": str,
            "zone": str,
            "topic": str,
            "speaker": str,
            "active": int,
            "created_at": str,
            "last_sent_at": str,
            "last_article_id": int,
        },
        pk="id",
        not_null={"platform", "chat_id", "user_key", "local_time", "zone", "created_at"},
        defaults={"topic": "", "speaker": "", "active": 1, "last_sent_at": "", "last_article_id": 0},
    )
    db.table("subscriptions").create_index(["platform", "chat_id"])
    # The primary key is the arbiter of "once per local day": a second claim for the same day conflicts.
    db.execute(
        "CREATE TABLE digest_log ("
        " subscription_id INTEGER NOT NULL REFERENCES subscriptions(id),"
        " local_day TEXT NOT NULL,"
        " status TEXT NOT NULL CHECK (status IN ('sending', 'sent', 'empty')),"
        " claim_token TEXT NOT NULL,"
        " claimed_at TEXT NOT NULL,"
        " sent_at TEXT NOT NULL DEFAULT '',"
        " article_count INTEGER NOT NULL DEFAULT 0,"
        " PRIMARY KEY (subscription_id, local_day))"
    )
    db.table("digest_log").create_index(["local_day"])


def _v5_feeds(db: Database) -> None:
    """Followed feeds with their polling state, and every entry already seen (per feed, by guid)."""
    db.table("feeds").create(
        {
            "id": int,
            "url": str,
            "title": str,
            "etag": str,
            "last_modified": str,
            "added_by": str,
            "added_at": str,
            "last_polled_at": str,
            "next_poll_at": str,
            "failures": int,
            "last_error": str,
        },
        pk="id",
        not_null={"url", "added_at", "next_poll_at"},
        defaults={"title": "", "failures": 0, "last_error": ""},
    )
    db.table("feeds").create_index(["url"], unique=True)
    db.table("feeds").create_index(["next_poll_at"])
    # No foreign key to articles: an admin may delete the article, and the entry must stay "seen".
    db.table("feed_items").create(
        {"feed_id": int, "guid": str, "link": str, "content_hash": str, "article_id": int, "seen_at": str},
        pk=("feed_id", "guid"),
        foreign_keys=[("feed_id", "feeds", "id")],
        not_null={"seen_at"},
    )
    db.table("feed_items").create_index(["link"])


def _v6_audit(db: Database) -> None:
    """The audit log of admin actions."""
    db.table("audit").create(
        {"id": int, "at": str, "user_key": str, "action": str, "detail": str},
        pk="id",
        not_null={"at", "user_key", "action"},
    )


def _v7_article_stems(db: Database) -> None:
    """Every article's distinct stems (title and paragraphs), written at load so answers needn't re-read stories."""
    db.execute(
        "CREATE TABLE article_stems ( article_id INTEGER PRIMARY KEY REFERENCES articles(id), stems TEXT NOT NULL)"
    )


def _v8_alias_kinds(db: Database) -> None:
    """Aliases by kind, so role look-ups read the few role aliases rather than every name."""
    db.table("person_aliases").create_index(["kind"])


def _v9_conversations(db: Database) -> None:
    """Follow-up context per conversation (``bot.store.contexts``), expiring by ``updated_at``."""
    db.execute(
        "CREATE TABLE conversations ("
        " key TEXT PRIMARY KEY,"
        " question_text TEXT NOT NULL,"
        " speaker TEXT NOT NULL DEFAULT '',"
        " topic TEXT NOT NULL DEFAULT '',"
        " shown INTEGER NOT NULL DEFAULT 0,"
        " updated_at TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX idx_conversations_updated_at ON conversations(updated_at)")


def _v10_index_without_insert_trigger(db: Database) -> None:
    """Paragraphs are indexed by ``articles.index_paragraphs`` in the same transaction, not by a trigger.

    The trigger made FTS5 indexing about four times as costly (measured: 0.58 vs 0.15 ms of CPU per article).
    The delete and update triggers stay: they are rare and keep the index right whoever changes a row.
    """
    db.execute("DROP TRIGGER IF EXISTS paragraphs_ai")


def _v11_alias_deletions(db: Database) -> None:
    """How many aliases were ever deleted, so ``people_version`` needs no COUNT(*) over every alias.

    The count read the whole alias index each time another connection committed: during a bulk load,
    on nearly every question about a person.
    """
    db.execute("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
    db.execute("INSERT INTO counters (name, value) VALUES ('alias_deletions', 0)")


def _v12_covering_person_links(db: Database) -> None:
    """Indexes that hold everything a person's links are read with, so no table row is visited for them.

    A prolific speaker's 2,440 links at 1.4M paragraphs took 14 ms to read, mostly on fetching each link's
    row and its paragraph's row (text and all) for three small numbers; from these indexes alone, 6 ms.
    The new person index starts with the old one's columns, which it replaces.
    """
    db.execute("DROP INDEX IF EXISTS idx_paragraph_people_person_id_role")
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_paragraph_people_person_role_paragraph"
        " ON paragraph_people(person_id, role, paragraph_id)"
    )
    db.execute(
        "CREATE INDEX IF NOT EXISTS idx_paragraphs_id_article_position ON paragraphs(id, article_id, position)"
    )


def _v13_context_besides(db: Database) -> None:
    """Whom a conversation's last question leaves out ("who else commented?"), so "more" still leaves them out."""
    db.execute("ALTER TABLE conversations ADD COLUMN besides TEXT NOT NULL DEFAULT ''")


MIGRATIONS: tuple[Callable[[Database], None], ...] = (
    _v1_articles,
    _v2_people,
    _v3_vocabulary,
    _v4_subscriptions,
    _v5_feeds,
    _v6_audit,
    _v7_article_stems,
    _v8_alias_kinds,
    _v9_conversations,
    _v10_index_without_insert_trigger,
    _v11_alias_deletions,
    _v12_covering_person_links,
    _v13_context_besides,
)


def migrate(db: Database) -> int:
    """Bring the schema up to date, one transaction per migration; returns the new version."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    for number, step in enumerate(MIGRATIONS[version:], start=version + 1):
        with db.atomic():
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
    return len(MIGRATIONS)
