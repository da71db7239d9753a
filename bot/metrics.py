"""Process metrics in the Prometheus text format: module-level counters the service and adapters increment.

Hand-written (no client library): a few counters and one histogram are all the bot needs. Each
replica exposes its own numbers on ``GET /metrics`` (``handlers/ops.py``); Prometheus sums them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

_LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def _labels(names: tuple[str, ...], values: tuple[str, ...]) -> str:
    if not names:
        return ""
    escaped = (v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") for v in values)
    return "{" + ",".join(f'{n}="{v}"' for n, v in zip(names, escaped, strict=True)) + "}"


class Counter:
    """A monotonically increasing count, optionally split by labels."""

    kind = "counter"

    def __init__(self, name: str, help_text: str, labels: tuple[str, ...] = ()) -> None:
        self.name, self.help, self.label_names = name, help_text, labels
        self._values: dict[tuple[str, ...], float] = {}
        self._lock = threading.Lock()

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        """Add ``amount`` to the count for these label values."""
        key = tuple(labels.get(n, "") for n in self.label_names)
        with self._lock:
            self._values[key] = self._values.get(key, 0.0) + amount

    def value(self, **labels: str) -> float:
        """The current count for these label values."""
        with self._lock:
            return self._values.get(tuple(labels.get(n, "") for n in self.label_names), 0.0)

    def samples(self) -> Iterator[str]:
        """Exposition lines."""
        with self._lock:
            items = sorted(self._values.items()) or ([((), 0.0)] if not self.label_names else [])
        for key, value in items:
            yield f"{self.name}_total{_labels(self.label_names, key)} {value:g}"


class Gauge(Counter):
    """A value that goes up and down (e.g. whether an adapter is running)."""

    kind = "gauge"

    def set(self, value: float, **labels: str) -> None:
        """Set the value for these label values."""
        with self._lock:
            self._values[tuple(labels.get(n, "") for n in self.label_names)] = value

    def samples(self) -> Iterator[str]:
        """Exposition lines."""
        with self._lock:
            items = sorted(self._values.items())
        for key, value in items:
            yield f"{self.name}{_labels(self.label_names, key)} {value:g}"


class Histogram:
    """Observed durations in cumulative buckets, with their sum and count."""

    kind = "histogram"

    def __init__(self, name: str, help_text: str, buckets: tuple[float, ...] = _LATENCY_BUCKETS) -> None:
        self.name, self.help, self.buckets = name, help_text, buckets
        self._counts = [0] * len(buckets)
        self._sum = 0.0
        self._count = 0
        self._lock = threading.Lock()

    def observe(self, value: float) -> None:
        """Record one observation."""
        with self._lock:
            self._sum += value
            self._count += 1
            for i, bound in enumerate(self.buckets):
                if value <= bound:
                    self._counts[i] += 1

    @contextmanager
    def time(self) -> Iterator[None]:
        """Observe how long the block takes."""
        started = time.perf_counter()
        try:
            yield
        finally:
            self.observe(time.perf_counter() - started)

    def samples(self) -> Iterator[str]:
        """Exposition lines."""
        with self._lock:
            counts, total, count = list(self._counts), self._sum, self._count
        for bound, n in zip(self.buckets, counts, strict=True):
            yield f'{self.name}_bucket{{le="{bound:g}"}} {n}'
        yield f'{self.name}_bucket{{le="+Inf"}} {count}'
        yield f"{self.name}_sum {total:g}"
        yield f"{self.name}_count {count}"


QUESTIONS = Counter("briefbot_questions", "Questions answered (chat and command line).")
ANSWER_SECONDS = Histogram("briefbot_answer_seconds", "Time to answer one question, in seconds.")
LOADS = Counter("briefbot_loads", "Articles offered for loading, by outcome.", ("status",))
DIGESTS = Counter("briefbot_digests", "Digest deliveries, by outcome (sent, failed, deactivated).", ("status",))
PLATFORM_ERRORS = Counter("briefbot_platform_errors", "Errors reported by a chat platform adapter.", ("platform",))
ADAPTER_UP = Gauge("briefbot_adapter_up", "1 while a chat adapter runs in this process.", ("platform",))

REGISTRY: tuple[Counter | Histogram, ...] = (QUESTIONS, ANSWER_SECONDS, LOADS, DIGESTS, PLATFORM_ERRORS, ADAPTER_UP)


def render() -> str:
    """Every metric in the Prometheus text exposition format (version 0.0.4)."""
    lines: list[str] = []
    for metric in REGISTRY:
        lines.append(f"# HELP {metric.name} {metric.help}")
        lines.append(f"# TYPE {metric.name} {metric.kind}")
        lines.extend(metric.samples())
    return "\n".join(lines) + "\n"
