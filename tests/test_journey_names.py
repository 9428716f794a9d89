"""One name per journey in every layer: `nlu_data/<lang>/<journey>.yml`, `bot/domain/<journey>.yml`,
`bot/data/<journey>.yml` and `actions/<journey>.py` exist together, and an intent's examples, its
declaration, its rule and the action that rule runs all live under that one name."""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Action

from vocabulary.languages import SUPPORTED

ROOT = Path(__file__).resolve().parents[1]
SHARED_PARTS = {"intake", "jurisdiction"}
"""Domain and rules files that serve several journeys and answer no intent of their own: the report
form (opened from reporting, handoff and a yes) and the country slots every journey reads."""


def _yaml(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def _journeys() -> list[str]:
    return sorted(path.stem for path in (ROOT / "nlu_data" / "en").glob("*.yml"))


def _intents(journey: str) -> set[str]:
    found: set[str] = set()
    for language in SUPPORTED:
        blocks = _yaml(ROOT / "nlu_data" / language / f"{journey}.yml").get("nlu") or []
        found |= {block["intent"] for block in blocks if "intent" in block}
    return found


def _rules_by_intent() -> dict[str, list[tuple[str, str]]]:
    """intent -> [(rules file stem, action the rule runs right after it)]."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((ROOT / "bot" / "data").glob("*.yml")):
        for rule in _yaml(path).get("rules") or []:
            steps = rule["steps"]
            for step, after in zip(steps, steps[1:], strict=False):
                if "intent" in step and "action" in after:
                    found.setdefault(step["intent"], []).append((path.stem, after["action"]))
    return found


def _actions_in(module_name: str) -> set[str]:
    """Action names of the classes a module defines (or builds with `fixed_reply`), not those it imports."""
    module = importlib.import_module(module_name)
    return {
        value().name()
        for value in vars(module).values()
        if inspect.isclass(value)
        and issubclass(value, Action)
        and not inspect.isabstract(value)
        and value.__module__ in (module_name, "actions.reply")
    }


def test_every_layer_has_the_same_journeys() -> None:
    journeys = set(_journeys())
    for language in SUPPORTED:
        assert {p.stem for p in (ROOT / "nlu_data" / language).glob("*.yml")} == journeys, language
    assert {p.stem for p in (ROOT / "bot" / "domain").glob("*.yml")} == journeys | SHARED_PARTS
    assert {p.stem for p in (ROOT / "bot" / "data").glob("*.yml")} <= journeys | SHARED_PARTS
    assert {p.stem for p in (ROOT / "actions").glob("*.py")} >= journeys


@pytest.mark.parametrize("journey", _journeys())
def test_an_intent_lives_under_its_journeys_name_in_every_layer(journey: str) -> None:
    intents = _intents(journey)
    declared = set(_yaml(ROOT / "bot" / "domain" / f"{journey}.yml").get("intents") or [])
    assert declared == intents, f"bot/domain/{journey}.yml declares {sorted(declared)}, the examples {sorted(intents)}"
    rules = _rules_by_intent()
    defined = _actions_in(f"actions.{journey}")
    for intent in sorted(intents):
        assert rules.get(intent), f"no rule answers {intent}"
        for rules_file, action in rules[intent]:
            assert rules_file == journey, f"the rule for {intent} is in bot/data/{rules_file}.yml"
            assert action in defined, f"{action} (for {intent}) is not defined in actions/{journey}.py"


def test_the_shared_parts_declare_no_intent() -> None:
    for part in sorted(SHARED_PARTS):
        assert not _yaml(ROOT / "bot" / "domain" / f"{part}.yml").get("intents"), part
