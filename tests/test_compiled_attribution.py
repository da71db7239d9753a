"""The attribution rules ship compiled by mypyc (setup.py): the suite must test the binaries, not the sources."""

from __future__ import annotations

import importlib
from importlib.machinery import ExtensionFileLoader

import pytest

from tests.conftest import ATTRIBUTION

RULES = sorted(path.stem for path in ATTRIBUTION.glob("*.py") if path.name != "__init__.py")


@pytest.mark.parametrize("name", RULES)
def test_each_attribution_module_is_imported_from_its_compiled_build(name: str) -> None:
    module = importlib.import_module(f"bot.attribution.{name}")
    assert isinstance(module.__loader__, ExtensionFileLoader)
