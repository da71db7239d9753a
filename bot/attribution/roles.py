"""Normal forms of role phrases, so "Australia's treasurer" and "Australian Treasurer" compare equal."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Country (and common short forms) -> the demonym a role phrase uses. Cheap on purpose: the
# countries news roles are written with, not a gazetteer.
_COUNTRY_DEMONYMS: dict[str, str] = {
    "afghanistan": "afghan", "algeria": "algerian", "angola": "angolan", "argentina": "argentine",
    "armenia": "armenian", "australia": "australian", "austria": "austrian", "azerbaijan": "azerbaijani",
    "bahrain": "bahraini", "bangladesh": "bangladeshi", "belgium": "belgian", "bolivia": "bolivian",
    "brazil": "brazilian", "britain": "british", "uk": "british", "u.k.": "british",
    "united kingdom": "british", "bulgaria": "bulgarian", "canada": "canadian", "chile": "chilean",
    "china": "chinese", "colombia": "colombian", "croatia": "croatian", "cuba": "cuban", "cyprus": "cypriot",
    "czech republic": "czech", "denmark": "danish",
    "ecuador": "ecuadorean", "ecuadorian": "ecuadorean", "egypt": "egyptian", "england": "english",
    "ethiopia": "ethiopian", "fiji": "fijian", "finland": "finnish", "france": "french", "gabon": "gabonese",
    "germany": "german", "ghana": "ghanaian", "greece": "greek", "holland": "dutch", "netherlands": "dutch",
    "hungary": "hungarian", "india": "indian", "indonesia": "indonesian", "iran": "iranian", "iraq": "iraqi",
    "ireland": "irish", "israel": "israeli", "italy": "italian", "jamaica": "jamaican", "japan": "japanese",
    "jordan": "jordanian", "kazakhstan": "kazakh", "kenya": "kenyan", "korea": "korean", "kuwait": "kuwaiti",
    "lebanon": "lebanese", "libya": "libyan", "malaysia": "malaysian", "mexico": "mexican",
    "morocco": "moroccan", "new zealand": "new zealand", "nigeria": "nigerian", "norway": "norwegian",
    "oman": "omani", "pakistan": "pakistani", "peru": "peruvian", "philippines": "philippine",
    "filipino": "philippine", "poland": "polish", "portugal": "portuguese", "qatar": "qatari",
    "romania": "romanian", "russia": "russian", "saudi arabia": "saudi", "scotland": "scottish", "serbia": "serbian",
    "singapore": "singaporean", "south africa": "south african", "soviet union": "soviet",
    "ussr": "soviet", "spain": "spanish", "sweden": "swedish", "switzerland": "swiss", "syria": "syrian",
    "taiwan": "taiwanese", "tajikistan": "tajik", "tajikistani": "tajik", "thailand": "thai",
    "tunisia": "tunisian", "turkey": "turkish", "uganda": "ugandan", "ukraine": "ukrainian",
    "united arab emirates": "uae", "emirates": "uae", "united states": "us", "u.s.": "us",
    "u.s": "us", "america": "us", "american": "us", "north america": "north american",
    "south america": "south american", "latin america": "latin american", "central america": "central american",
    "uzbekistan": "uzbek", "venezuela": "venezuelan",
    "vietnam": "vietnamese", "wales": "welsh", "zambia": "zambian", "zimbabwe": "zimbabwean",
}  # fmt: skip
_DEMONYMS = frozenset(_COUNTRY_DEMONYMS.values())
# Demonyms written as a person's nationality ("American", not the "us" roles are compared by).
NATIONALITIES = frozenset({"american", *(d for d in _DEMONYMS if d.isalpha() and d != "us")})
# Demonyms that also name one person ("the Australian said"); "the British" or "the Swiss" mean a people.
PERSON_DEMONYMS = frozenset(
    {"american", *(d for d in _DEMONYMS if d.isalpha() and d.endswith(("an", "i", "ine")) and d != "philippine")}
)
# Demonym -> the country's usual name, for the possessive form ("australian" -> "australia").
_COUNTRY_OF: dict[str, str] = {}
for _country, _demonym in _COUNTRY_DEMONYMS.items():
    if "." not in _country and _country != _demonym:
        _COUNTRY_OF.setdefault(_demonym, _country)
_MULTIWORD = sorted((c for c in _COUNTRY_DEMONYMS if " " in c), key=len, reverse=True)
_MULTIWORD_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _MULTIWORD) + r")\b")
_LEADING = re.compile(r"^(?:the|a|an|its|his|her|their)\s+")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_POSSESSIVE = re.compile(r"(?<=\w)'s?$|(?<=s)'$")


@lru_cache(maxsize=4096)
def normalise_role(text: str) -> str:
    """The comparable form of a role phrase: lower case, no article, countries as demonyms.

    "Australia's Treasurer" and "the Australian treasurer" both give "australian treasurer";
    "Venezuela's vice-president" gives "venezuelan vice president"; "Valencia's president" gives
    "valencia president" (a possessive that is not a country is simply dropped).
    """
    text = _LEADING.sub("", " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:"))
    return with_demonyms(" ".join(_POSSESSIVE.sub("", word) for word in _HYPHEN.sub(" ", text).split()))


def with_demonyms(text: str) -> str:
    """Lower-case text with its countries written as the demonyms roles are compared by ("uk chancellor" →
    "british chancellor"), other words as they are."""
    text = _MULTIWORD_RE.sub(lambda m: _COUNTRY_DEMONYMS[m[0]].replace(" ", "_"), text)
    return " ".join(_COUNTRY_DEMONYMS.get(word, word).replace("_", " ") for word in text.split())


def country_forms(role: str) -> tuple[str, ...]:
    """Other ways to write a normalised role's country: "australian treasurer" -> "australia's treasurer"."""
    words = role.split(" ", 1)
    if len(words) < 2:
        return ()
    country = _COUNTRY_OF.get(words[0])
    return (f"{country}'s {words[1]}",) if country else ()


def demonym(word: str) -> str | None:
    """The demonym of a lower-case country name or demonym, or None when it names no country."""
    if word in _COUNTRY_DEMONYMS:
        return _COUNTRY_DEMONYMS[word]
    return word if word in _DEMONYMS else None


# Regions, whose names roles are not compared by, for their kin only.
_REGION_DEMONYMS = {"europe": "european", "asia": "asian", "scandinavia": "scandinavian"}


def country_kin(word: str) -> tuple[str, ...]:
    """The other one-word forms of a lower-case country or region word: its demonym ("japan" → "japanese"), a
    demonym's country ("french" → "france"), the last word of a two-word name ("south africa" / "south african":
    "africa" → "african")."""
    return _COUNTRY_KIN.get(word, ())


def _country_kin() -> dict[str, tuple[str, ...]]:
    kin: dict[str, set[str]] = {"america": {"american"}, "american": {"america"}}  # "american" is compared as "us"
    for country, name in (_COUNTRY_DEMONYMS | _REGION_DEMONYMS).items():
        *lead, last = country.split()
        *name_lead, name_last = name.split()
        if lead == name_lead and last.isalpha() and name_last.isalpha() and name != "us" and last != name_last:
            kin.setdefault(last, set()).add(name_last)
            kin.setdefault(name_last, set()).add(last)
    return {word: tuple(sorted(forms)) for word, forms in kin.items()}


_COUNTRY_KIN = _country_kin()

# Offices a country holds; "Treasurer Paul Keating" in an article about Australia is Australia's treasurer.
_NATIONAL_HEADS = frozenset({"minister", "treasurer", "president", "premier", "chancellor", "secretary"})
# Capitalised words and "U.S." and "U.K." (as Reuters writes them), among which an article's countries are looked up.
_CAPITALISED = re.compile(r"[A-Z][a-z]+|U\.S\.|U\.K\.")


def national_office(role: str) -> tuple[str, str] | None:
    """A normalised role's country (demonym) and office ("british prime minister", "japan's finance minister"),
    when it opens with a country and ends in a national office; else None."""
    first, _, office = role.partition(" ")
    country = demonym(first.removesuffix("'s"))
    if country is None or not office or office.split()[-1] not in _NATIONAL_HEADS:
        return None
    return country, office


def needs_country(role: str) -> bool:
    """True for a normalised national office written without its country ("finance minister")."""
    words = role.split()
    return words[-1] in _NATIONAL_HEADS and not any(demonym(w) for w in words[:-1])


def article_country(texts: Iterable[str]) -> str | None:
    """The demonym of the country an article is mostly about, or None when no country clearly leads."""
    counts: dict[str, int] = {}
    for text in texts:
        for word in _CAPITALISED.findall(text):
            found = demonym(word.lower())
            if found:
                counts[found] = counts.get(found, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[1] * 2 > ranked[0]):
        return None
    return max(counts, key=lambda k: counts[k])


def role_forms(texts: Iterable[str], country: str | None) -> tuple[str, ...]:
    """A person's roles to ask by: as written, normalised, with the article's country added to a bare
    national office, and with the country in possessive form ("australia's treasurer")."""
    forms: list[str] = []
    for text in texts:
        forms.extend(_forms(text, country))
    return tuple(sorted(dict.fromkeys(forms)))


@lru_cache(maxsize=4096)
def _forms(text: str, country: str | None) -> tuple[str, ...]:
    """One role's ask forms (see role_forms); cached, as the same offices recur across articles."""
    role = normalise_role(text)
    found = [text, role]
    if country and needs_country(role):
        found.append(f"{country} {role}")
    for form in found[1:]:
        found.extend(country_forms(form))
    return tuple(found)
