"""Shared fixtures: real SQLite stores in temp dirs and the shared corpora (read-only, outside the repo)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.service import BriefingService
from bot.store import Store
from tests.fakes.web_server import FakeWebServer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
SEED_DIR = REPO / "data" / "articles"
ATTRIBUTION = REPO / "bot" / "attribution"


def pytest_configure(config: pytest.Config) -> None:
    """Refuse to run on stale attribution binaries: Python imports them before the edited sources."""
    binaries = list(ATTRIBUTION.glob("*.so"))
    stamp = ATTRIBUTION / ".compiled"  # touched by `make` after each build (see the Makefile)
    newest_source = max(path.stat().st_mtime for path in ATTRIBUTION.glob("*.py"))
    if binaries and (not stamp.exists() or stamp.stat().st_mtime < newest_source):
        pytest.exit("bot/attribution's compiled rules are older than its sources: run `make test`.", returncode=2)


def needs_corpus() -> pytest.MarkDecorator:
    """Skip a test when the shared research corpora are not beside the repository."""
    return pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings for a store in a temp dir, reading nothing from the environment or .env."""
    return Settings(_env_file=None, BRIEFBOT_DB_PATH=tmp_path / "t.db", BRIEFBOT_ARTICLES_DIR=SEED_DIR)


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    """A fresh store."""
    opened = Store.open(settings.db_path)
    yield opened
    opened.close()


@pytest.fixture
def service(store: Store, settings: Settings) -> BriefingService:
    """A service over a fresh store holding the bundled seed article."""
    svc = BriefingService(store, settings)
    svc.load_bundled()
    return svc


@pytest.fixture
def web() -> Iterator[FakeWebServer]:
    """A web server on 127.0.0.1."""
    with FakeWebServer() as server:
        yield server
