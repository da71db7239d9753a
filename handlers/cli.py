"""The ``briefbot`` command line: loading, asking, the console chat and starting the chat adapters."""

from __future__ import annotations

import json
import logging
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from bot.admin_text import counted
from bot.commands import describe_load
from bot.config import Settings, load_settings
from bot.errors import BriefingError
from bot.formatting import to_plain_text
from bot.loading import yield_to_answers
from bot.logjson import use_json_logs
from bot.models import Answer, Hit, LoadReport, User
from bot.service import BriefingService, reply_for
from bot.store import Store
from bot.store.factory import open_store
from handlers.cli_admin import audit, feeds, load_sources
from handlers.cli_digest import digest
from handlers.cli_store import evaluate_on_postgres, export_command, import_command, migrate

CLI_USER = User("console", "cli")


class Context:
    """Settings and a lazily opened service, shared by the subcommands."""

    def __init__(self, db: Path | None) -> None:
        overrides: dict[str, Any] = {"BRIEFBOT_DB_PATH": db} if db else {}
        try:
            self.settings: Settings = load_settings(**overrides)
        except BriefingError as error:
            raise click.ClickException(error.user_message) from None
        use_json_logs(self.settings.log_json)
        self._service: BriefingService | None = None

    def service(self) -> BriefingService:
        """The service over the configured store, loading the bundled articles into an empty one."""
        if self._service is None:
            store = open_store(self.settings)
            self._service = BriefingService(store, self.settings)
            self._service.load_bundled()
        return self._service


pass_context = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(path_type=Path), help="SQLite store to use (default: BRIEFBOT_DB_PATH).")
@click.version_option(package_name="briefbot")
@click.pass_context
def cli(ctx: click.Context, db: Path | None) -> None:
    """Briefbot: who said what in the news, with citations."""
    ctx.obj = Context(db)


cli.add_command(feeds)
cli.add_command(audit)
cli.add_command(digest)
cli.add_command(migrate)
cli.add_command(export_command)
cli.add_command(import_command)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--source", default="", help="Source name for articles that don't carry one.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_context
def load(ctx: Context, paths: tuple[str, ...], source: str, as_json: bool) -> None:
    """Load article files or directories (txt, md, html, json, jsonl), or web pages by http(s) address."""
    yield_to_answers()  # a serving bot beside this load answers first
    report = _run(lambda: load_sources(ctx.service(), paths, by=CLI_USER, source=source))
    if as_json:
        click.echo(json.dumps(_report_json(report), ensure_ascii=False))
    else:
        click.echo(_report_text(report))


@cli.command()
@click.argument("question")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(1, 100), help="How many paragraphs.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per question.")
@pass_context
def ask(ctx: Context, question: str, limit: int, as_json: bool) -> None:
    """Ask a question; QUESTION '-' reads one question per line from standard input."""
    service = ctx.service()
    questions = (line.rstrip("\n") for line in sys.stdin) if question == "-" else iter([question])
    for text in questions:
        if question == "-" and not text.strip():
            continue
        try:
            answer = service.ask(text, limit=limit)
        except BriefingError as error:
            answer = Answer(text, (), True, error.user_message)
        click.echo(json.dumps(answer_json(answer), ensure_ascii=False) if as_json else to_plain_text(reply_for(answer)))
        sys.stdout.flush()


@cli.command()
@pass_context
def chat(ctx: Context) -> None:
    """Chat in the console, with the same commands as Telegram and Slack."""
    _console(ctx)


@cli.command()
@pass_context
def serve(ctx: Context) -> None:
    """Start the chat adapters whose tokens are configured."""
    if not ctx.settings.enabled_adapters:
        raise click.ClickException(
            "No chat platform is configured: set TELEGRAM_BOT_TOKEN for Telegram, or SLACK_BOT_TOKEN and "
            "SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN) for Slack. `briefbot chat` talks in the console."
        )
    _serve(ctx)


@cli.command()
@pass_context
def run(ctx: Context) -> None:
    """Serve the configured chat platforms, or chat in the console when none is configured."""
    if ctx.settings.enabled_adapters:
        _serve(ctx)
    else:
        click.echo("No chat tokens are set, so I'll answer here in the console.", err=True)
        _console(ctx)


@cli.command()
@click.argument("query", required=False, default="")
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def articles(ctx: Context, query: str, limit: int, as_json: bool) -> None:
    """List recent articles with their ids, optionally those matching QUERY."""
    found = _run(lambda: ctx.service().recent_articles(query, limit))
    if as_json:
        click.echo(json.dumps([asdict(a) for a in found], ensure_ascii=False))
        return
    for a in found:
        click.echo(f"#{a.id}\t{a.published or '-'}\t{a.source or '-'}\t{a.title}")


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_context
def stats(ctx: Context, as_json: bool) -> None:
    """Show how many articles, paragraphs and people the store holds, and its size."""
    counts = _run(lambda: ctx.service().stats(CLI_USER))
    if as_json:
        click.echo(json.dumps(counts))
    else:
        for name, value in counts.items():
            click.echo(f"{name}\t{value}")


@cli.command()
@pass_context
def attribute(ctx: Context) -> None:
    """Re-run speaker attribution and stemming over every stored article."""
    done = ctx.service().reattribute()
    people = ctx.service().store.stats()["people"]
    click.echo(
        f"Re-attributed {counted(done.articles, 'article')}; {counted(people, 'person', 'people')} known; "
        f"{done.aliases_removed} outdated aliases removed or corrected."
    )


@cli.command()
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path))
@pass_context
def backup(ctx: Context, target: Path) -> None:
    """Copy the store to TARGET with SQLite's online backup API (safe while the bot runs)."""
    if target.exists():
        raise click.ClickException(f"{target} already exists; choose a new file name.")
    store = ctx.service().store
    store.backup(target)
    click.echo(f"Backed up {counted(store.stats()['articles'], 'article')} to {target}.")


@cli.command()
@pass_context
def check(ctx: Context) -> None:
    """Check the store's integrity (SQLite, the FTS index, orphans); exits non-zero on a problem."""
    problems = ctx.service().store.check_integrity()
    if problems:
        raise click.ClickException("; ".join(problems))
    click.echo("The store is whole: integrity check ok, FTS index in sync, no orphans.")


@cli.command("eval")
@click.argument("questions", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--corpus",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("../shared/corpus"),
    show_default=True,
    help="Articles to load into a temp store.",
)
@click.option("--misses", is_flag=True, help="Also list every question answered wrongly.")
@click.option(
    "--database-url",
    metavar="URL",
    help="Also evaluate on PostgreSQL, in a scratch database made (and dropped) on this server.",
)
@pass_context
def evaluate(ctx: Context, questions: Path, corpus: Path, misses: bool, database_url: str | None = None) -> None:
    """Score answers on a JSONL question set beside a plain FTS5-BM25 baseline, in one run."""
    import tempfile
    import time

    from bot.evaluation import bm25_baseline, format_table, read_questions, score, score_offers

    eval_set = read_questions(questions)
    with tempfile.TemporaryDirectory() as tmp:
        settings = ctx.settings.model_copy(update={"db_path": Path(tmp) / "eval.db"})
        service = BriefingService(Store.open(settings.db_path), settings)
        started = time.perf_counter()
        report = service.load_paths([corpus], by=CLI_USER)
        click.echo(f"Loaded {len(report.with_status('loaded'))} articles in {time.perf_counter() - started:.1f} s.")
        answers = {q.question: service.ask(q.question, limit=5) for q in eval_set}

        def answered(question: str) -> list[str]:
            return [hit.text for hit in answers[question].hits]

        briefbot, briefbot_misses = score(eval_set, answered)
        offers = score_offers(eval_set, answered, lambda q: [hit.text for hit in answers[q].alternatives])
        baseline, _ = score(eval_set, bm25_baseline(service.store))
    click.echo(format_table({"briefbot": briefbot, "BM25 baseline": baseline}))
    click.echo(offers.describe())
    if database_url:
        click.echo(evaluate_on_postgres(ctx.settings, database_url, eval_set, corpus))
    if misses:
        click.echo("\n".join(["", "Wrong first answers:", *briefbot_misses]))


def _console(ctx: Context) -> None:
    from handlers.console import ConsoleAdapter

    ConsoleAdapter(ctx.service(), sys.stdin, sys.stdout).run()


def _serve(ctx: Context) -> None:
    from handlers.serve import serve_forever

    _run(lambda: serve_forever(ctx.service(), ctx.settings))  # a bad setting (ConfigError) is one line, no traceback


def _run(action: Any) -> Any:
    """Run a core call, turning a ``BriefingError`` into a one-line CLI error."""
    try:
        return action()
    except BriefingError as error:
        raise click.ClickException(error.user_message) from None


def answer_json(answer: Answer) -> dict[str, Any]:
    """The ``briefbot ask --json`` object for one answer; ``alternatives`` go only with ``no_match``."""
    return {
        "question": answer.question,
        "no_match": answer.no_match,
        "message": answer.message,
        "results": [_hit_json(hit) for hit in answer.hits],
        "alternatives": [_hit_json(hit) for hit in answer.alternatives],
    }


def _hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "article_id": hit.article_id,
        "title": hit.citation.title,
        "source": hit.citation.source,
        "published": hit.citation.published,
        "url": hit.citation.url,
        "paragraph_index": hit.paragraph_index,
        "text": hit.text,
        "score": hit.score,
        "speakers": list(hit.speakers),
    }


def _report_json(report: LoadReport) -> dict[str, Any]:
    return {status: [asdict(o) for o in report.with_status(status)] for status in ("loaded", "duplicate", "failed")}


def _report_text(report: LoadReport) -> str:
    counts = {status: len(report.with_status(status)) for status in ("loaded", "duplicate", "failed")}
    lines = [line for line in describe_load(report).splitlines() if not line.startswith("Loaded ")]
    lines.append(f"{counts['loaded']} loaded, {counts['duplicate']} duplicates, {counts['failed']} failed.")
    return "\n".join(lines)


def main() -> None:
    """Entry point of the ``briefbot`` console script."""
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    cli()
