"""Normal forms of role phrases, so "Australia's treasurer" and "Australian Treasurer" compare equal."""

from __future__ import annotations

import re

# Country (and common short forms) -> the demonym a role phrase uses. Cheap on purpose: the
# countries news roles are written with, not a gazetteer.
_COUNTRY_DEMONYMS: dict[str, str] = {
    "afghanistan": "afghan", "algeria": "algerian", "angola": "angolan", "argentina": "argentine",
    "armenia": "armenian", "australia": "australian", "austria": "austrian", "azerbaijan": "azerbaijani",
    "bahrain": "bahraini", "bangladesh": "bangladeshi", "belgium": "belgian", "bolivia": "bolivian",
    "brazil": "brazilian", "britain": "british", "uk": "british", "u.k.": "british",
    "united kingdom": "british", "bulgaria": "bulgarian", "canada": "canadian", "chile": "chilean",
    "china": "chinese", "colombia": "colombian", "cuba": "cuban", "cyprus": "cypriot", "denmark": "danish",
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
    "romania": "romanian", "russia": "russian", "saudi arabia": "saudi", "scotland": "scottish",
    "singapore": "singaporean", "south africa": "south african", "soviet union": "soviet",
    "ussr": "soviet", "spain": "spanish", "sweden": "swedish", "switzerland": "swiss", "syria": "syrian",
    "taiwan": "taiwanese", "tajikistan": "tajik", "tajikistani": "tajik", "thailand": "thai",
    "tunisia": "tunisian", "turkey": "turkish", "uganda": "ugandan", "ukraine": "ukrainian",
    "united arab emirates": "uae", "emirates": "uae", "united states": "us", "u.s.": "us",
    "u.s": "us", "america": "us", "american": "us", "uzbekistan": "uzbek", "venezuela": "venezuelan",
    "vietnam": "vietnamese", "wales": "welsh", "zambia": "zambian", "zimbabwe": "zimbabwean",
}  # fmt: skip
_MULTIWORD = sorted((c for c in _COUNTRY_DEMONYMS if " " in c), key=len, reverse=True)
_MULTIWORD_RE = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in _MULTIWORD) + r")\b")
_LEADING = re.compile(r"^(?:the|a|an|its|his|her|their)\s+")
_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_POSSESSIVE = re.compile(r"(?<=\w)'s?$|(?<=s)'$")


def normalise_role(text: str) -> str:
    """The comparable form of a role phrase: lower case, no article, countries as demonyms.

    "Australia's Treasurer" and "the Australian treasurer" both give "australian treasurer";
    "Venezuela's vice-president" gives "venezuelan vice president"; "Valencia's president" gives
    "valencia president" (a possessive that is not a country is simply dropped).
    """
    text = _LEADING.sub("", " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:"))
    text = _HYPHEN.sub(" ", text)
    text = _MULTIWORD_RE.sub(lambda m: _COUNTRY_DEMONYMS[m[0]].replace(" ", "_"), text)
    words = []
    for word in text.split():
        bare = _POSSESSIVE.sub("", word)
        words.append(_COUNTRY_DEMONYMS.get(bare, bare).replace("_", " "))
    return " ".join(words)


def country_forms(role: str) -> tuple[str, ...]:
    """Other ways to write a normalised role's country: "australian treasurer" -> "australia's treasurer"."""
    words = role.split(" ", 1)
    if len(words) < 2:
        return ()
    countries = [c for c, d in _COUNTRY_DEMONYMS.items() if d == words[0] and "." not in c and c != d]
    return tuple(f"{c}'s {words[1]}" for c in countries[:1])


def demonym(word: str) -> str | None:
    """The demonym of a lower-case country name or demonym, or None when it names no country."""
    if word in _COUNTRY_DEMONYMS:
        return _COUNTRY_DEMONYMS[word]
    return word if word in _DEMONYMS else None


_DEMONYMS = frozenset(_COUNTRY_DEMONYMS.values())
