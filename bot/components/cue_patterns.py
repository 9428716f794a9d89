"""The cues of `patterns/cues.yml` (a threat, a fabricated image, covert filming, a child, a question and
its subject) as pure functions without Rasa.

One source for two readers: the `CueFeaturizer` component (`bot/components/cue_featurizer.py`) turns
them into features for the intent classifier, and the action server (`actions/threat.py`) checks a
message for a threat with the same patterns, without loading the NLU stack.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Dict, List

import numpy as np
import yaml

from bot.components.evidence_cues import normalise

PATTERNS = Path(__file__).parent / "patterns" / "cues.yml"
DEFAULT_WEIGHT = 0.2
"""A present cue's value. E5 vectors have unit length (a component is about 0.05), so a cue at 1.0 would
outweigh the sentence; 0.1 to 0.3 gave the same real-message accuracy within two messages, 0.2 is the
middle (docs/understanding.md)."""


@lru_cache(maxsize=1)
def cues() -> Dict[str, tuple[re.Pattern[str], ...]]:
    """Each cue's name and compiled patterns, in the file's order (the feature's column order)."""
    data: Dict[str, List[str]] = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))
    return {name: tuple(re.compile(pattern) for pattern in patterns) for name, patterns in data.items()}


def has_cue(text: str, name: str) -> bool:
    """Whether one of cue `name`'s patterns matches the folded `text`; KeyError for an unknown cue."""
    folded = normalise(text)
    return any(pattern.search(folded) for pattern in cues()[name])


def cue_vector(text: str, weight: float = DEFAULT_WEIGHT) -> np.ndarray:
    """Float32 array of shape (number of cues,): `weight` where a cue's pattern matches `text`, else 0."""
    folded = normalise(text)
    return np.array(
        [weight if any(p.search(folded) for p in patterns) else 0.0 for patterns in cues().values()],
        dtype=np.float32,
    )
