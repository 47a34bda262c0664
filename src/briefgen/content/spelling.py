"""British and American spellings of words common in policy English, for the glossary check."""
from __future__ import annotations

import re
from functools import lru_cache

# (British, American, endings both take): "programme"/"program" + "s"
_WORDS: tuple[tuple[str, str, str], ...] = (
    ("programme", "program", "s?"), ("centre", "center", "s?|d"), ("kilometre", "kilometer", "s?"),
    ("fibre", "fiber", "s?"), ("labour", "labor", "s?|ers?|ed|ing"), ("favour", "favor", "s?|ed|ing|able"),
    ("neighbour", "neighbor", "s?|hoods?|ing"), ("colour", "color", "s?|ed|ful"),
    ("honour", "honor", "s?|ed|ing|able"), ("behaviour", "behavior", "s?|al"), ("harbour", "harbor", "s?"),
    ("defence", "defense", "s?"), ("catalogue", "catalog", "s?"), ("ageing", "aging", ""),
    ("aluminium", "aluminum", ""), ("sulphur", "sulfur", ""), ("travelled", "traveled", ""),
    ("travelling", "traveling", ""), ("modelling", "modeling", ""), ("fulfilment", "fulfillment", ""),
    ("enrolment", "enrollment", ""),
)
# -ise (British) and -ize (American) verbs and their nouns: modernise/modernize, modernisation ...
_IZE_STEMS = ("organ", "real", "modern", "urban", "industrial", "priorit", "util", "optim", "standard",
              "stabil", "mobil", "revital", "special", "digital", "harmon", "minim", "maxim", "recogn",
              "character", "privat", "global", "liberal", "normal", "central", "decentral", "local",
              "rational", "visual", "commercial", "subsid", "summar", "categor", "legal")
_IZE_ENDINGS = "e|es|ed|ing|ation|ations|er|ers"


@lru_cache(maxsize=2)
def _patterns(variant: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern of the other variant's word, its stem, this variant's stem) for `variant`."""
    pairs = [(gb, us, ends) for gb, us, ends in _WORDS] + [(s + "is", s + "iz", _IZE_ENDINGS) for s in _IZE_STEMS]
    out = []
    for gb, us, ends in pairs:
        wrong, right = (gb, us) if variant == "en-US" else (us, gb)
        out.append((re.compile(rf"\b{wrong}(?:{ends})\b", re.IGNORECASE), wrong, right))
    return tuple(out)


def misspellings(text: str, variant: str) -> list[tuple[str, str]]:
    """Words of `text` spelt the other variant's way, with this variant's spelling: en-US
    "development programme" -> [("programme", "program")]."""
    found = []
    for pattern, wrong, right in _patterns(variant):
        for match in pattern.finditer(text):
            word = match.group(0)
            found.append((word, right + word[len(wrong):]))
    return found
