"""Document frequencies: exact in a small archive; in a large one, common terms survive a little growth."""

from __future__ import annotations

from bot.store.stats import COMMON, GROWTH_KEPT, LARGE, FrequencyCache


class Index:
    """Frequencies a test can change, counting the look-ups the cache makes."""

    def __init__(self, frequencies: dict[str, int]) -> None:
        self.frequencies = frequencies
        self.looked_up: list[str] = []

    def lookup(self, term: str) -> int | None:
        self.looked_up.append(term)
        return self.frequencies.get(term)


def test_a_small_archive_reads_every_frequency_afresh_after_any_change() -> None:
    index, cache = Index({"oil": 5, "gas": 2}), FrequencyCache()
    assert cache.get(["oil", "gas", "zzz"], (100, 900), index.lookup) == {"oil": 5, "gas": 2}
    assert cache.get(["oil"], (100, 900), index.lookup) == {"oil": 5}
    assert index.looked_up == ["oil", "gas", "zzz"]
    index.frequencies["oil"] = 6
    assert cache.get(["oil"], (101, 910), index.lookup) == {"oil": 6}


def test_a_large_archive_keeps_common_terms_until_it_grows_by_a_tenth_but_rare_ones_only_while_unchanged() -> None:
    size = LARGE * 2
    index, cache = Index({"said": COMMON * 40, "dome": 3}), FrequencyCache()
    assert cache.get(["said", "dome"], (size, 1), index.lookup) == {"said": COMMON * 40, "dome": 3}
    index.frequencies.update(said=COMMON * 41, dome=30)  # a load adds a story about the Dome
    grown = (size + 1_000, 2)
    assert cache.get(["said", "dome"], grown, index.lookup) == {"said": COMMON * 40, "dome": 30}
    assert index.looked_up == ["said", "dome", "dome"]
    beyond = (int(size * GROWTH_KEPT) + 1, 3)
    assert cache.get(["said"], beyond, index.lookup) == {"said": COMMON * 41}
