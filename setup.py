"""Builds the attribution rules, run on every paragraph of every load, as C extensions with mypyc.

Compiled, attribution costs about two thirds of its pure-Python time (an article: 0.97 -> 0.66 ms of CPU).
Everything else is metadata in pyproject.toml. The sources stay the truth: `make` rebuilds the binaries
whenever they change (an editable install keeps them beside the sources, and Python prefers them).
"""

from pathlib import Path

from mypyc.build import mypycify
from setuptools import setup

# __init__.py stays Python: it only re-exports, and keeps the package importable for tools that read it.
RULES = sorted(str(path) for path in Path("bot/attribution").glob("*.py") if path.name != "__init__.py")

# bot/ is a namespace package: without explicit package bases mypy would name these "attribution.*".
setup(ext_modules=mypycify(["--explicit-package-bases", *RULES], group_name="bot.attribution.rules"))
