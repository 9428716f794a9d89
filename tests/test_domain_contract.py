"""The domain and the action server agree: every custom action the domain names is registered,
every registered action is in the domain, and the intake form asks exactly the question table, each
question's slot filled by the same mapping (any text while it is asked)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from rasa_sdk.executor import ActionExecutor

from actions.intake.questions import QUESTIONS

ROOT = Path(__file__).resolve().parents[1]
CUSTOM_PREFIXES = ("action_", "validate_")


def _domain() -> dict[str, Any]:
    merged: dict[str, Any] = {"actions": [], "forms": {}, "slots": {}}
    for path in sorted((ROOT / "bot" / "domain").glob("*.yml")):
        part = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        merged["actions"] += part.get("actions") or []
        merged["forms"].update(part.get("forms") or {})
        merged["slots"].update(part.get("slots") or {})
    return merged


def _registered() -> set[str]:
    executor = ActionExecutor()
    executor.register_package("actions")
    return set(executor.actions)


def test_the_domain_names_exactly_the_registered_actions() -> None:
    domain = _domain()
    named = {a for a in domain["actions"] if a.startswith(CUSTOM_PREFIXES)}
    forms = {f"validate_{form}" for form in domain["forms"]}
    asks = {f"action_ask_{slot}" for form in domain["forms"].values() for slot in form["required_slots"]}
    registered = _registered()
    assert named <= registered, f"in the domain, not registered: {sorted(named - registered)}"
    assert asks <= named, f"Rasa asks with an utter_ask response unless the domain names: {sorted(asks - named)}"
    unnamed = registered - named - forms
    assert not unnamed, f"registered, not in the domain: {sorted(unnamed)}"


def test_the_intake_form_asks_the_question_table_in_order() -> None:
    assert _domain()["forms"]["intake_form"]["required_slots"] == [q.slot for q in QUESTIONS]


def test_every_question_slot_takes_any_text_while_it_is_asked() -> None:
    slots = _domain()["slots"]
    for question in QUESTIONS:
        declared = slots[question.slot]
        assert declared["type"] == "text" and declared["influence_conversation"] is False, question.slot
        [mapping] = declared["mappings"]
        assert mapping["type"] == "from_text", question.slot
        assert mapping["conditions"] == [{"active_loop": "intake_form", "requested_slot": question.slot}]
        assert set(mapping["not_intent"]) == {"crisis", "delete_my_data", "request_human"}, question.slot
