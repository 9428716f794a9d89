"""The countries and cities Relais knows by name (patterns/countries.yml), without spaCy.

Read by the country extractor (`countries.py`) and by the actions, which check a `country`
value against the same codes without loading the NLU stack.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

PATTERNS = Path(__file__).parent / "patterns" / "countries.yml"


@lru_cache(maxsize=1)
def entries() -> dict[str, list[str]]:
    """Every list of patterns/countries.yml by key: ISO codes, `regions`, `capitalised_only`, `words_in_capitals`."""
    data = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))
    return {key: [str(name) for name in items] for key, items in data.items()}


def names() -> dict[str, list[str]]:
    """ISO code -> the names of that country and its cities (patterns/countries.yml)."""
    return {key: items for key, items in entries().items() if key.isupper()}
