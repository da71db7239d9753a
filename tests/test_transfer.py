"""Moving a store between engines: export, import and export again lose nothing (counts and checksums equal)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.config import Settings
from bot.models import User
from bot.service import BriefingService
from bot.store import Store
from bot.store.postgres import PostgresStore
from bot.store.postgres.schema import MIGRATIONS
from bot.store.transfer import TransferError, export_store, import_store, store_summary
from handlers.cli import cli
from tests.conftest import CORPUS, needs_corpus
from tests.postgres import postgres_server, postgres_url  # noqa: F401  (fixtures)

# Speaker questions rank by attribution, the same on both engines; topic questions start from each engine's
# own full-text ranking (BM25 vs ts_rank_cd), so there only the gist must agree.
SPEAKER_QUESTIONS = ("what did Blair say about the election?", "what did Brown say?", "what did Howard say about tax?")
TOPIC_QUESTIONS = ("oil prices", "football transfers")


@pytest.fixture(scope="module")
def bbc_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A SQLite store holding the BBC corpus, with a subscription, a feed and audit entries."""
    if not (CORPUS / "bbc").is_dir():
        pytest.skip("../shared/corpus is not present")
    path = tmp_path_factory.mktemp("bbc") / "bbc.db"
    settings = Settings(_env_file=None, BRIEFBOT_DB_PATH=path)
    store = Store.open(path)
    service = BriefingService(store, settings)
    service.load_paths([CORPUS / "bbc"], by=User("console", "cli"))
    from bot.models import Chat

    service.subscribe(User("console", "me"), Chat("console", "local"), "oil at 7am")
    from datetime import UTC, datetime

    store.add_feed("https://example.com/rss", "Example", added_by="console:me", now=datetime(2025, 3, 3, tzinfo=UTC))
    store.record_failure("broken.html", "no text", "console:me")
    store.close()
    yield path


def _answers(service: BriefingService, questions: tuple[str, ...]) -> list[list[tuple[object, ...]]]:
    return [[(h.article_id, h.paragraph_index, h.speakers) for h in service.ask(q, limit=5).hits] for q in questions]


@needs_corpus()
def test_bbc_round_trips_sqlite_to_postgres_and_back(bbc_sqlite: Path, postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    sqlite = Store.open(bbc_sqlite)
    first = export_store(sqlite, tmp_path / "from-sqlite.jsonl")
    assert first["articles"].rows > 2000 and first["paragraphs"].rows > 9000 and first["paragraph_people"].rows

    postgres = PostgresStore.open(postgres_url, pool_size=2)
    try:
        imported = import_store(postgres, tmp_path / "from-sqlite.jsonl")
        assert {t: s.sha256 for t, s in imported.items()} == {t: s.sha256 for t, s in first.items()}
        second = export_store(postgres, tmp_path / "from-postgres.jsonl")
        assert {t: (s.rows, s.sha256) for t, s in second.items()} == {t: (s.rows, s.sha256) for t, s in first.items()}
        assert (tmp_path / "from-sqlite.jsonl").read_bytes() == (tmp_path / "from-postgres.jsonl").read_bytes()
        assert postgres.check_integrity() == []
        # The index and term counts were rebuilt: the same questions get the same answers.
        settings = Settings(_env_file=None, BRIEFBOT_DB_PATH=tmp_path / "unused.db")
        on_postgres = BriefingService(postgres, settings)  # type: ignore[arg-type]
        on_sqlite = BriefingService(sqlite, settings)
        assert _answers(on_postgres, SPEAKER_QUESTIONS) == _answers(on_sqlite, SPEAKER_QUESTIONS)
        for ours, theirs in zip(_answers(on_postgres, TOPIC_QUESTIONS), _answers(on_sqlite, TOPIC_QUESTIONS),
                                strict=True):
            assert {hit[0] for hit in ours} & {hit[0] for hit in theirs}
        terms = ["oil", "elect", "govern", "blair", "zzz"]
        assert postgres.document_frequency(terms) == sqlite.document_frequency(terms)
        with pytest.raises(TransferError):
            import_store(postgres, tmp_path / "from-sqlite.jsonl")  # not into a store that holds something
    finally:
        postgres.close()

    back = Store.open(tmp_path / "back.db")
    import_store(back, tmp_path / "from-postgres.jsonl")
    assert {t: s.sha256 for t, s in store_summary(back).items()} == {t: s.sha256 for t, s in first.items()}
    assert back.check_integrity() == []
    back.close()
    sqlite.close()


def test_cli_migrate_export_import_on_postgres(postgres_url: str, tmp_path: Path) -> None:  # noqa: F811
    runner = CliRunner()
    env = {"BRIEFBOT_DATABASE_URL": postgres_url, "BRIEFBOT_ARTICLES_DIR": str(tmp_path / "none")}
    result = runner.invoke(cli, ["migrate"], env=env)
    assert result.exit_code == 0, result.output
    assert "PostgreSQL 127.0.0.1" in result.output and f"version {len(MIGRATIONS)}" in result.output
    article = tmp_path / "a.txt"
    article.write_text("Oil deal signed\n\nThe oil deal was signed on Monday, the minister Ana Lopez said.\n")
    assert runner.invoke(cli, ["load", str(article)], env=env).exit_code == 0
    asked = runner.invoke(cli, ["ask", "--json", "oil deal"], env=env)
    assert json.loads(asked.output)["results"][0]["title"] == "Oil deal signed"
    exported = runner.invoke(cli, ["export", str(tmp_path / "out.jsonl")], env=env)
    assert exported.exit_code == 0, exported.output
    assert "articles" in exported.output and "sha256:" in exported.output
    sqlite_env = {"BRIEFBOT_DB_PATH": str(tmp_path / "copy.db"), "BRIEFBOT_ARTICLES_DIR": str(tmp_path / "none")}
    imported = runner.invoke(cli, ["import", str(tmp_path / "out.jsonl")], env=sqlite_env)
    assert imported.exit_code == 0, imported.output
    assert imported.output.splitlines()[:11] == exported.output.splitlines()[:11]  # same counts and checksums
    asked_sqlite = runner.invoke(cli, ["ask", "--json", "oil deal"], env=sqlite_env)
    # The same answer; only the score differs, as it carries each engine's own text rank.
    strip = [{k: v for k, v in r.items() if k != "score"} for r in json.loads(asked.output)["results"]]
    assert [{k: v for k, v in r.items() if k != "score"} for r in json.loads(asked_sqlite.output)["results"]] == strip
