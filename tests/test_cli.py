"""The ``briefbot`` command line, end to end in a subprocess against a temp store."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.loading import WORKER_NICENESS
from handlers.cli import cli
from tests.conftest import CORPUS, REPO, needs_corpus

OIL_PARAGRAPH = "Imomi stated that Tajikistan is interested"


def briefbot(
    *args: str, db: Path, stdin: str = "", env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    """Run the real console script's module in a fresh process."""
    clean_env = {
        k: v for k, v in os.environ.items() if not k.startswith(("BRIEFBOT_", "TELEGRAM_", "SLACK_"))
    }
    return subprocess.run(
        [sys.executable, "-c", "from handlers.cli import main; main()", "--db", str(db), *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**clean_env, **(env or {})},
        timeout=timeout,
    )


def test_ask_json_on_a_fresh_store_answers_from_the_bundled_article(tmp_path: Path) -> None:
    done = briefbot("ask", "--json", "what did Imomi say about oil?", db=tmp_path / "b.db")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["question"] == "what did Imomi say about oil?" and answer["no_match"] is False
    first = answer["results"][0]
    assert first["text"].startswith(OIL_PARAGRAPH)
    assert {
        "article_id",
        "title",
        "source",
        "published",
        "url",
        "paragraph_index",
        "text",
        "score",
        "speakers",
    } <= set(first)
    assert first["source"] == "Azernews" and first["published"] == "2022-06-10" and first["title"]


def test_ask_json_offers_the_nearest_paragraphs_apart_from_the_results(tmp_path: Path) -> None:
    done = briefbot("ask", "--json", "what did khalafov say about the caspian transport tariffs?", db=tmp_path / "n.db")
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["no_match"] is True and answer["results"] == []
    assert "may not answer your question" in answer["message"]
    assert [a["text"][:40] for a in answer["alternatives"]] == ["The deputy minister underlined that work"]
    assert answer["alternatives"][0]["speakers"] == ["Khalaf Khalafov"] and answer["alternatives"][0]["source"]


def test_a_load_from_the_command_line_runs_below_a_serving_bots_priority(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Harbour plan\n\nThe council approved the harbour plan.\n", encoding="utf-8")
    script = (
        "import os, sys\nfrom handlers.cli import main\nbefore = os.nice(0)\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\nprint('niceness', before, os.nice(0))"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, "--db", str(tmp_path / "n.db"), "load", str(folder)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "loaded" in done.stdout
    before, after = map(int, done.stdout.rsplit("niceness", 1)[1].split())
    assert after == min(before + WORKER_NICENESS, 19)


def test_ask_from_stdin_answers_each_line_as_it_arrives(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from handlers.cli import main; main()",
            "--db",
            str(tmp_path / "p.db"),
            "ask",
            "--json",
            "-",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    assert process.stdin and process.stdout
    try:
        for question in ("what did Imomi say about oil?", 'NEAR("oil" * AND ) OR col:x'):
            process.stdin.write(question + "\n")
            process.stdin.flush()
            line = process.stdout.readline()  # answered before the next line is written: no buffering
            assert json.loads(line)["question"] == question
        process.stdin.close()
        assert process.wait(timeout=30) == 0
    finally:
        process.kill()


def test_chat_answers_piped_input_and_exits_cleanly(tmp_path: Path) -> None:
    done = briefbot("chat", db=tmp_path / "c.db", stdin="what did Imomi say about oil?\n/more\n")
    assert done.returncode == 0, done.stderr
    assert OIL_PARAGRAPH in done.stdout and "Azernews" in done.stdout


def test_run_without_tokens_chats_in_the_console(tmp_path: Path) -> None:
    done = briefbot("run", db=tmp_path / "r.db", stdin="what did Imomi say about oil?\n")
    assert done.returncode == 0, done.stderr
    assert "console" in done.stderr and OIL_PARAGRAPH in done.stdout


def test_the_console_is_left_by_quit_typed_as_people_do(tmp_path: Path) -> None:
    done = briefbot("run", db=tmp_path / "r.db", stdin="Quit\nwhat did Imomi say about oil?\n")
    assert done.returncode == 0, done.stderr
    assert OIL_PARAGRAPH not in done.stdout and "nothing about" not in done.stdout


def test_load_reports_loaded_duplicates_and_failures(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Grain deal\n\nWheat exports rose, the minister said.")
    (folder / "b.txt").write_text("Grain deal again\n\nWheat exports rose, the minister said.")
    (folder / "c.txt").write_bytes(b"\x00\x01")
    done = briefbot("load", "--json", str(folder), db=tmp_path / "l.db")
    report = json.loads(done.stdout)
    assert [len(report[k]) for k in ("loaded", "duplicate", "failed")] == [1, 1, 1]
    assert report["duplicate"][0]["origin"].endswith("b.txt")
    assert "binary" in report["failed"][0]["reason"]
    text = briefbot("load", str(folder), db=tmp_path / "l.db")
    assert "0 loaded, 2 duplicates, 1 failed." in text.stdout and "b.txt" in text.stdout


def test_bad_setting_stops_with_one_line_naming_it(tmp_path: Path) -> None:
    done = briefbot("stats", db=tmp_path / "s.db", env={"BRIEFBOT_ADMINS": "telegram:@someone"})
    assert done.returncode != 0
    assert done.stderr.strip().count("\n") == 0 and "BRIEFBOT_ADMINS" in done.stderr


def test_serve_without_tokens_says_what_to_set(tmp_path: Path) -> None:
    done = briefbot("serve", db=tmp_path / "v.db")
    assert done.returncode != 0 and "TELEGRAM_BOT_TOKEN" in done.stderr and "SLACK_BOT_TOKEN" in done.stderr


def test_articles_and_stats(tmp_path: Path) -> None:
    runner = CliRunner()
    db = str(tmp_path / "r.db")
    listed = runner.invoke(cli, ["--db", db, "articles", "--json"])
    assert listed.exit_code == 0 and json.loads(listed.output)[0]["source"] == "Azernews"
    counts = json.loads(runner.invoke(cli, ["--db", db, "stats", "--json"]).output)
    assert counts["articles"] == 1 and counts["paragraphs"] == 10


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_and_is_in_the_readme(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and result.output.strip()
    assert f"briefbot {command}" in (REPO / "README.md").read_text()


@needs_corpus()
def test_loading_the_bbc_corpus_reports_duplicates_by_name_and_no_failures(tmp_path: Path) -> None:
    done = briefbot("load", "--json", str(CORPUS / "bbc"), db=tmp_path / "bbc.db", timeout=300)
    report = json.loads(done.stdout)
    assert report["failed"] == []
    assert len(report["loaded"]) + len(report["duplicate"]) == 2225
    assert all(d["origin"].endswith(".txt") and "same" in d["reason"] for d in report["duplicate"])


def test_every_setting_is_documented_in_env_example_and_readme() -> None:
    from bot.config import Settings

    example = (REPO / ".env.example").read_text()
    readme = (REPO / "README.md").read_text()
    for field in Settings.model_fields.values():
        assert f"{field.alias}=" in example and f"`{field.alias}`" in readme, field.alias


def test_attribute_rebuilds_speaker_links_and_stored_stems(tmp_path: Path) -> None:
    db = tmp_path / "b.db"
    assert briefbot("ask", "what did Imomi say about oil?", db=db).returncode == 0
    store = sqlite3.connect(db)
    stems = "SELECT article_id, stems FROM article_stems"
    fresh = {article_id: set(words.split()) for article_id, words in store.execute(stems)}
    links = store.execute("SELECT COUNT(*) FROM paragraph_people").fetchone()[0]
    aliases = "SELECT person_id, alias, kind FROM person_aliases ORDER BY 1, 2"
    fresh_aliases = store.execute(aliases).fetchall()
    with store:  # what an older version of the rules would have left behind
        store.execute("UPDATE article_stems SET stems = 'stale'")
        store.execute("DELETE FROM paragraph_people")
        store.execute("INSERT INTO person_aliases SELECT id, 'the president', 'role' FROM people LIMIT 1")
        store.execute("UPDATE person_aliases SET kind = 'inferred role' WHERE kind = 'role'")
    done = briefbot("attribute", db=db)
    assert done.returncode == 0, done.stderr
    assert "Re-attributed 1 article; " in done.stdout
    roles = sum(kind == "role" for _, _, kind in fresh_aliases)
    assert f"; {1 + roles} outdated aliases removed or corrected." in done.stdout
    assert {article_id: set(words.split()) for article_id, words in store.execute(stems)} == fresh
    assert store.execute("SELECT COUNT(*) FROM paragraph_people").fetchone()[0] == links > 0
    assert store.execute(aliases).fetchall() == fresh_aliases
    assert any(kind == "role" for _, _, kind in fresh_aliases)  # the kinds put back were there to put back
    store.close()
