"""The words of a risk to life (`patterns/crisis.yml`), of someone else's (`patterns/crisis_someone_else.yml`), and
the words that only sound like one: figures of speech (`patterns/figures_of_speech.yml`) and a wish that the images
be removed (`patterns/removal_wish.yml`), as pure functions without Rasa.

One source for two readers: the `CrisisGuard` component (`bot/components/crisis_guard.py`) makes such a message a
`crisis`, and the action server (`actions/safety.py`) tells whose life the message speaks of, without loading the
NLU stack.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from vocabulary.folding import fold

PATTERNS = Path(__file__).parent / "patterns" / "crisis.yml"
FIGURES = Path(__file__).parent / "patterns" / "figures_of_speech.yml"
SOMEONE_ELSE = Path(__file__).parent / "patterns" / "crisis_someone_else.yml"
REMOVAL = Path(__file__).parent / "patterns" / "removal_wish.yml"
DENIED = Path(__file__).parent / "patterns" / "crisis_denied.yml"
BLACKMAIL_TERMS = Path(__file__).parent / "patterns" / "blackmail_terms.yml"
STRIPPED = Path(__file__).parent / "patterns" / "figures_stripped.yml"
HURRIED_ERASURE = Path(__file__).parent / "patterns" / "erase_in_a_hurry.yml"
APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "`": "'"})
"""Phones type a typographic apostrophe ("don’t", "d’internet"); the patterns are written with the straight one."""


@lru_cache(maxsize=4)
def _patterns(path: Path = PATTERNS) -> list[re.Pattern[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [re.compile(pattern, re.IGNORECASE) for patterns in data.values() for pattern in patterns]


def _folded(text: str) -> str:
    """`text` folded, its apostrophes straight, and any words saying one is not in crisis (`DENIED`) or dying as a
    figure of speech (`STRIPPED`: "envie de mourir de honte") left out."""
    folded = fold(text).translate(APOSTROPHES)
    for pattern in (*_patterns(DENIED), *_patterns(STRIPPED)):
        folded = pattern.sub(" ", folded)
    return folded


def _matches(text: str, *paths: Path) -> bool:
    folded = _folded(text)
    return any(pattern.search(folded) for path in paths for pattern in _patterns(path))


def denies_crisis(text: str) -> bool:
    """Whether `text` says the writer is not in crisis ("no im not suicidal", "je suis pas suicidaire"):
    patterns/crisis_denied.yml."""
    folded = fold(text).translate(APOSTROPHES)
    return any(pattern.search(folded) for pattern in _patterns(DENIED))


def signals_crisis(text: str) -> bool:
    """Whether `text` holds an explicit sign of a risk to life in any language of patterns/crisis.yml, the writer's
    or someone else's (patterns/crisis_someone_else.yml: "shes saying she wants to kill herself").

    Raises OSError when a pattern file cannot be read and re.error when a pattern is not a regular expression.
    """
    return _matches(text, PATTERNS, SOMEONE_ELSE)


def tells_blackmail_terms(text: str) -> bool:
    """Whether `text` tells a blackmail's deadline or a payment ("he said i have until tonight", "jvais payer pour que
    ça s'arrête"): patterns/blackmail_terms.yml."""
    return _matches(text, BLACKMAIL_TERMS)


def erases_in_a_hurry(text: str) -> bool:
    """Whether `text` asks to erase as someone arrives ("he's on his way up the stairs, erase everything"):
    patterns/erase_in_a_hurry.yml."""
    return _matches(text, HURRIED_ERASURE)


def tells_of_someone_elses_crisis(text: str) -> bool:
    """Whether `text` holds words of someone else's wish to die or to harm themselves (crisis_someone_else.yml)."""
    return _matches(text, SOMEONE_ELSE)


@lru_cache(maxsize=1)
def _removal() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    data = yaml.safe_load(REMOVAL.read_text(encoding="utf-8"))
    wish = [re.compile(pattern, re.IGNORECASE) for patterns in data["wish"].values() for pattern in patterns]
    return wish, [re.compile(pattern, re.IGNORECASE) for pattern in data["unless"]]


def wishes_removal(text: str) -> bool:
    """Whether `text` wishes the images deleted or gone, naming the deletion or the images, and neither gives up nor
    says goodbye (patterns/removal_wish.yml: "그냥 지우기만 하고 싶어", "i just want the pics gone")."""
    folded = _folded(text)
    wish, unless = _removal()
    return any(p.search(folded) for p in wish) and not any(p.search(folded) for p in unless)


def figure_of_speech(text: str) -> bool:
    """Whether `text` holds a figure of speech about killing or dying (patterns/figures_of_speech.yml)."""
    return _matches(text, FIGURES)
