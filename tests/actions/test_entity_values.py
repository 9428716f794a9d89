"""Slots filled from entities hold only allowed values: a known country (or `other`), a sane age."""

from __future__ import annotations

from typing import Any

import pytest

from actions.conversation import ActionInform
from actions.facts_in_message import age
from actions.jurisdiction import known_country
from actions.review import tracker
from content.texts import render
from tests.actions.conftest import run

ANYTHING = "anything at all, longer than the column"


@pytest.mark.parametrize("value", ["FR", "KR", "GB", "JP", "other"])
def test_known_countries_pass(value: str) -> None:
    assert known_country(value) == value


@pytest.mark.parametrize("value", [ANYTHING, "fr", "France", "", "XX", None, 12, ["FR"], "FR\x00"])
def test_anything_else_is_not_a_country(value: Any) -> None:
    assert known_country(value) is None


def test_an_unknown_country_entity_is_neither_kept_nor_acknowledged(language: str) -> None:
    """Rasa's from_entity mapping puts any `country` entity in the slot before the action runs."""
    out = run(
        ActionInform(),
        intent="inform",
        slots={"language": language, "country": ANYTHING},
        entities=[{"entity": "country", "value": ANYTHING}],
        events=[
            {"event": "slot", "name": "country", "value": "KR"},
            {"event": "slot", "name": "country", "value": ANYTHING},
        ],
    )
    assert out.slot("country") == "KR", "the last known country comes back"
    assert all(ANYTHING not in text for text in out.texts)
    assert render(language, "country.noted.KR") not in out.texts


def test_an_unknown_country_with_nothing_known_before_is_cleared(language: str) -> None:
    out = run(
        ActionInform(),
        intent="inform",
        slots={"language": language, "country": ANYTHING},
        entities=[{"entity": "country", "value": ANYTHING}],
    )
    assert [e["value"] for e in out.events if e.get("event") == "slot" and e.get("name") == "country"] == [None]


@pytest.mark.parametrize(
    ("value", "expected"), [("12", 12), ("12 ans", 12), ("0", None), ("999", None), ("12345", None)]
)
def test_an_age_entity_is_a_sane_age_or_nothing(value: str, expected: int | None) -> None:
    assert age(tracker("inform", {}, entities=[{"entity": "age", "value": value}])) == expected
