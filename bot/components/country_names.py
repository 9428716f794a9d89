"""The countries and cities Relais knows by name (patterns/countries.yml), without spaCy.

Read by the country extractor (`countries.py`) and by the actions, which check a `country`
value against the same codes without loading the NLU stack.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml
from babel import Locale

PATTERNS = Path(__file__).parent / "patterns" / "countries.yml"
CLDR_LANGUAGES = ("fr", "en", "ko")
MIN_KOREAN_SYLLABLES = 3
"""Korean country names of two syllables are often everyday words or word parts (가나, 말리, 이란, 오만):
CLDR's Korean names are taken from three syllables; shorter ones only where countries.yml lists them."""
_ISO_CODE = re.compile(r"^[A-Z]{2}$")
_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7af]")


@lru_cache(maxsize=1)
def entries() -> dict[str, list[str]]:
    """Every list of patterns/countries.yml by key: ISO codes, `regions`, `capitalised_only`, `words_in_capitals`."""
    data = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))
    return {key: [str(name) for name in items] for key, items in data.items()}


def _cldr_name_usable(name: str, language: str, left_out: frozenset[str]) -> bool:
    if name in left_out:
        return False
    return language != "ko" or len(_HANGUL_SYLLABLE.findall(name)) >= MIN_KOREAN_SYLLABLES


@lru_cache(maxsize=1)
def names() -> dict[str, list[str]]:
    """ISO code -> the names of that country and its cities: patterns/countries.yml, then every other country's
    name in French, English and Korean from CLDR (Babel's territory names), except the names countries.yml
    leaves out (`cldr_left_out`: "Chad", "Jersey", "Bénin"...), the codes it files under another country
    (`cldr_skip_codes`: La Réunion is France), and short Korean names (`MIN_KOREAN_SYLLABLES`)."""
    listed = {key: list(items) for key, items in entries().items() if key.isupper()}
    taken = {name.casefold() for items in listed.values() for name in items}
    left_out = frozenset(entries().get("cldr_left_out", []))
    skipped = frozenset(entries().get("cldr_skip_codes", []))
    for language in CLDR_LANGUAGES:
        for code, name in Locale(language).territories.items():
            if not _ISO_CODE.match(code) or code in skipped or name.casefold() in taken:
                continue
            if _cldr_name_usable(name, language, left_out):
                listed.setdefault(code, []).append(name)
                taken.add(name.casefold())
    return listed
