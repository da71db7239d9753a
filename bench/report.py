"""``bench/RESULTS.md``: the benchmark's numbers as Markdown tables, with the issue's targets beside them."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ENGINES = (
    ("briefbot (warm)", "briefbot"),
    ("briefbot (cold: first pass, empty caches)", "briefbot_cold"),
    ("raw FTS5, terms AND-ed", "fts5_and"),
    ("raw FTS5, terms OR-ed", "fts5_or"),
    ("tantivy, terms OR-ed", "tantivy_or"),
)


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _ratio(slow: float, fast: float) -> str:
    return f"{slow / fast:.1f}×" if fast else "–"


_SIZE_HEADING = re.compile(r"## [\d,]+ articles · ")


def size_section(r: dict[str, Any]) -> list[str]:
    """The tables for one corpus size."""
    b, lat, st, cc = r["build"], r["latency"], r["startup"], r["concurrent"]
    ours, raw_or = lat["briefbot"], lat["fts5_or"]
    lines = [
        f"## {r['size']:,} articles · {b['paragraphs']:,} paragraphs · {b['people']:,} people",
        "",
        f"Load average when measuring began: {b.get('load_average', '?')} (2 cores; other sessions share the machine).",
        "",
        _row("ingest (service load path: parse-free drafts → attribution → batched store + FTS5)", "value"),
        _row("---", "---"),
        _row("articles/s (target ≥ 1,000)", f"{b['articles_per_s']:,}"),
        _row("paragraphs/s", f"{b['paragraphs_per_s']:,}"),
        _row("seconds", b["ingest_seconds"]),
        _row("store size on disk", f"{b['store_mb']:,} MB"),
        _row(
            "tantivy index build, paragraphs/s",
            f"{r['tantivy_build_paragraphs_per_s']:,}"
            if r["tantivy_build_paragraphs_per_s"]
            else "(index reused from an earlier run)",
        ),
        *([_row("note", b["note"])] if b.get("note") else []),
        "",
        f"Answer latency over {r['questions']} questions × 3 passes (answered: {lat['answered']}), milliseconds:",
        "",
        _row("system", "p50", "p95", "p99"),
        _row("---", "---", "---", "---"),
        *(_row(label, lat[key]["p50"], lat[key]["p95"], lat[key]["p99"]) for label, key in ENGINES),
        _row(
            "raw FTS5 OR ÷ briefbot (target ≥ 4× at p95)",
            _ratio(raw_or["p50"], ours["p50"]),
            _ratio(raw_or["p95"], ours["p95"]),
            _ratio(raw_or["p99"], ours["p99"]),
        ),
        "",
        "briefbot per question kind (warm), milliseconds:",
        "",
        _row("kind", "p50", "p95", "p99"),
        _row("---", "---", "---", "---"),
        *(_row(kind, v["p50"], v["p95"], v["p99"]) for kind, v in lat["per_kind"].items()),
        "",
        *_role_rows(r.get("roles")),
        _row("concurrency and process", "value"),
        _row("---", "---"),
        *_concurrency_rows(cc),
        _row("start-up to first answer, fresh process (target ≤ 1.5 s)", f"{st['first_answer_s']} s"),
        _row("peak RSS of that process answering the mix 3× (target ≤ 400 MB)", f"{st['peak_rss_mb']} MB"),
        "",
    ]
    return lines


def _role_rows(roles: dict[str, Any] | None) -> list[str]:
    """Questions by a role many people hold, measured apart from the mix (none in results from before them)."""
    if not roles:
        return []
    ours, cold, raw_or = roles["briefbot"], roles["briefbot_cold"], roles["fts5_or"]
    asked = "; ".join(f"“{text}”" for text in roles["questions"])
    return [
        f"Questions by the roles the most people hold, not part of the mix above (answered: {roles['answered']}):"
        f" {asked}. Milliseconds, 3 passes:",
        "",
        _row("system", "p50", "p95", "p99"),
        _row("---", "---", "---", "---"),
        _row("briefbot, warm", ours["p50"], ours["p95"], ours["p99"]),
        _row("briefbot, cold", cold["p50"], cold["p95"], cold["p99"]),
        _row("raw FTS5 OR (same terms)", raw_or["p50"], raw_or["p95"], raw_or["p99"]),
        "",
    ]


def _concurrency_rows(cc: dict[str, Any]) -> list[str]:
    """Askers in the serving process while another process loads; older results had one flat-out run."""
    if "paced" not in cc:
        return [_row("concurrent askers", "(not measured with this version of the benchmark; run again)")]
    paced, flat = cc["paced"], cc["flat_out"]
    return [
        _row(
            f"{cc['askers']} askers (threads of one process, caches warm), each pausing ~{cc['pause_s']} s between"
            " questions, while `briefbot load` runs in another process: answers/s",
            paced["answers_per_s"],
        ),
        _row("… p50 / p95 / p99 ms (target p95 ≤ 150)", f"{paced['p50']} / {paced['p95']} / {paced['p99']}"),
        _row("… errors (target 0)", paced["errors"]),
        _row("… articles loaded meanwhile, articles/s", f"{paced['ingested']:,}, {paced['ingest_per_s']}"),
        _row(f"the same {cc['askers']} askers with no pause (throughput ceiling): answers/s", flat["answers_per_s"]),
        _row("… p50 / p95 / p99 ms", f"{flat['p50']} / {flat['p95']} / {flat['p99']}"),
        _row("… errors", flat["errors"]),
        _row("… articles loaded meanwhile, articles/s", f"{flat['ingested']:,}, {flat['ingest_per_s']}"),
    ]


def write_results(path: Path, machine: dict[str, str], quality: list[str], results: dict[str, Any]) -> None:
    """Rewrite the results file with every size measured so far."""
    lines = [
        "# Scale benchmark results",
        "",
        f"Written by `bench/run.py` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC. Corpus: `bench/scale_corpus.py`"
        " (BBC paragraphs recombined, names, places and dates substituted).",
        "",
        _row("machine", ""),
        _row("---", "---"),
        *(_row(k, v) for k, v in machine.items()),
        "",
        "Answer quality on the dev set, from `briefbot eval ../shared/eval/dev.jsonl` in the same run:",
        "",
        _row("system", "questions", "precision@1", "recall@3", "MRR@5", "no-answer accuracy"),
        _row("---", "---", "---", "---", "---", "---"),
        *quality,
        "",
    ]
    for size in sorted(results, key=int):
        lines += size_section(results[size])
    kept = _other_sections(path.read_text(encoding="utf-8")) if path.exists() else []
    path.write_text("\n".join([*lines, *kept]), encoding="utf-8")


def _other_sections(text: str) -> list[str]:
    """The sections other benchmarks wrote (soak, PostgreSQL, probes), kept when the size tables are rewritten."""
    kept: list[str] = []
    keeping = False
    for line in text.splitlines():
        if line.startswith("## "):
            keeping = not _SIZE_HEADING.match(line)
        if keeping:
            kept.append(line)
    return kept
