"""The core imports no chat platform library; adapters live in ``handlers/``."""

from __future__ import annotations

import ast

import pytest

from tests.conftest import REPO

PLATFORM_MODULES = ("telegram", "slack_bolt", "slack_sdk", "handlers")


@pytest.mark.parametrize("path", sorted((REPO / "bot").rglob("*.py")), ids=lambda p: str(p.relative_to(REPO)))
def test_core_module_imports_no_adapter_or_platform_library(path: object) -> None:
    tree = ast.parse(path.read_text())  # type: ignore[attr-defined]
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert not imported & set(PLATFORM_MODULES)
