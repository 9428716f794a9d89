"""Cue files: YAML lists of regular expressions, by language, read once.

Many of Relais' readings are "does the message hold one of these words?" (danger now, a payment, a question
about a language, keeping a report). Their words live in YAML files beside the module that reads them, as
`{language: [pattern, ...]}`; this module turns such a file into one compiled pattern.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml


@cache
def any_of(path: Path) -> re.Pattern[str]:
    """One pattern matching wherever any pattern of any list of the YAML file at `path` matches.

    Raises OSError when the file cannot be read and re.error when a pattern is not a regular expression.
    """
    data: dict[str, list[str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return re.compile("|".join(pattern for patterns in data.values() for pattern in patterns))
