"""A fresh bot process for the benchmark: open the store, answer the first question, then the mix; report peak RSS.

Run by ``bench/measure.py``: reads a JSON list of questions on stdin, prints one JSON line after the first
answer and one at the end.
"""

from __future__ import annotations

import json
import resource
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import Settings
from bot.service import BriefingService
from bot.store import Store


def main(path: Path) -> None:
    """Answer the questions read from stdin against the store at ``path``."""
    service = BriefingService(Store.open(path), Settings(_env_file=None, db_path=path))
    questions = json.loads(sys.stdin.readline())
    first = service.ask(questions[0], limit=5)
    print(json.dumps({"hits": len(first.hits)}), flush=True)
    for _ in range(3):
        for question in questions:
            service.ask(question, limit=5)
    print(json.dumps({"peak_rss_mb": round(peak_rss_kb() / 1024, 1)}), flush=True)


def peak_rss_kb() -> int:
    """This process's peak resident set, in kB.

    Read from /proc (VmHWM: the peak of this program's own memory) rather than ``ru_maxrss``, which Linux
    carries across exec: a probe started by a benchmark holding a 100k-article corpus reported 1.9 GB.
    """
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main(Path(sys.argv[1]))
