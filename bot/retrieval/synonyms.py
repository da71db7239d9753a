"""Words news English uses for one another: "jobs" / employment, "maize" / corn, "talks" / negotiations.

Porter relates a word's forms, never two words, and the related words learnt from the archive (expansion.py) are
co-occurrences ("jobs" → cut, workforce), too loose to stand for a word. No maintained package ships an English
thesaurus offline (the WordNet ones fetch their data at run time), so this is a short list of strict synonyms:
words for the same thing in either direction, none with a common other sense ("charge", "fine", "stocks" and "row"
are left out; a strike is the walkout news mostly means). The topic reader keeps those the archive uses, as for a
word's kin.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.retrieval.terms import stem

_GROUPS = (
    "job employment",
    "unemployment joblessness",
    "company firm",
    "takeover acquisition",
    "bankrupt insolvent",
    "bankruptcy insolvency",
    "recession downturn slump",
    "wage salary",
    "inexpensive cheap",
    "expensive costly",
    "tax levy",
    "forecast predict prediction projection",
    "buy purchase acquire",
    "sell offload",
    "rise increase hike surge soar",
    "decline fall plunge tumble",
    "reduce reduction cut slash",
    "deficit shortfall",
    "output production",
    "petrol gasoline",
    "maize corn",
    "customer client",
    "worker employee",
    "sack dismiss",
    "layoff redundancy",
    "walkout stoppage strike",
    "agreement accord pact",
    "talks negotiations",
    "ban prohibit prohibition",
    "law legislation",
    "jail prison imprison",
    "probe investigation inquiry",
    "murder killing homicide",
    "soldier troop",
    "lawmaker legislator",
    "protest demonstration",
    "car automobile",
    "lorry truck",
    "plane aircraft airplane aeroplane",
    "film movie",
    "tv television",
    "phone telephone",
    "internet web",
    "computer pc",
    "award prize",
    "doctor physician",
    "illness disease sickness",
    "holiday vacation",
    "child kid",
    "rich wealthy affluent",
    "quit resign resignation",
    "oil petroleum crude",
    "nuclear atomic",
    "disaster catastrophe",
    "father dad",
    "mother mum mom",
    "teenager teen",
    "lawyer attorney",
    "quake earthquake",
    "fraud scam",
    "alcohol booze",
    "gambling betting",
    "glut oversupply",
    "shareholder stockholder",
    "reform overhaul",
    "dollar greenback",
    "singer vocalist",
    "pensioner retiree",
    "immigrant migrant",
    "immigration migration",
    "pound sterling",
    "farm agriculture",
    "cash money",
    "football soccer",
    "mobile cellphone",
    "ship vessel",
    "gun firearm",
    "win victory",
    "rail railway",
    "jobless unemployed",
    "baby infant",
    "marriage wedding",
    "death fatality",
    "arrest detain",
    "ambassador envoy",
    "ceasefire truce",
    "blast explosion",
    "gay homosexual",
    "stake shareholding",
    "rebel insurgent",
    "aid assistance",
)


def _by_stem() -> dict[str, frozenset[str]]:
    """Each listed word's stem → the stems of the other words of its groups."""
    found: dict[str, set[str]] = {}
    for group in _GROUPS:
        stems = {stem(word) for word in group.split()}
        for one in stems:
            found.setdefault(one, set()).update(stems - {one})
    return {one: frozenset(others) for one, others in found.items()}


_SYNONYMS = _by_stem()


def synonyms_of(word: str) -> frozenset[str]:
    """The stems of a word's strict synonyms ("aircraft" → plane, airplan, aeroplan), none for most words."""
    return _SYNONYMS.get(stem(word), frozenset())


def synonym_stand_ins(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The stems of a word's synonyms, as candidates standing for its stem: "jobs" → employ, "maize" → corn."""
    return {other: (stem(word),) for word in words for other in sorted(synonyms_of(word))}
