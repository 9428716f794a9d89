"""The knowledge module: every fact sourced, and formatted per locale with Babel."""

from __future__ import annotations

import pytest

from actions.knowledge import CONTACTS, LAWS, law
from actions.knowledge.formatting import money, penalty, years
from actions.texts import raw


def spaces(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@pytest.mark.parametrize("key", sorted({**LAWS, **CONTACTS}))
def test_every_fact_names_a_source_and_an_allowed_confidence(key: str) -> None:
    fact = LAWS.get(key) or CONTACTS[key]
    assert fact.confidence in ("HIGH", "MEDIUM")
    assert fact.sources and all(source.startswith("http") for source in fact.sources)


@pytest.mark.parametrize(
    ("language", "expected"),
    [("fr", "60 000 €"), ("en", "€60,000"), ("ko", "€60,000")],
)
def test_money_is_formatted_for_the_locale(language: str, expected: str) -> None:
    assert spaces(money(60_000, "EUR", language)) == expected


@pytest.mark.parametrize(("language", "expected"), [("fr", "2 ans"), ("en", "2 years"), ("ko", "2년")])
def test_durations_are_formatted_for_the_locale(language: str, expected: str) -> None:
    assert years(2, language) == expected


def test_korean_fines_are_in_won() -> None:
    assert money(50_000_000, "KRW", "ko") == "₩50,000,000"


@pytest.mark.parametrize("language", ["fr", "ko", "en"])
def test_a_penalty_names_both_prison_and_fine(language: str) -> None:
    rendered = spaces(penalty(law("FR.sharing").penalty, language, raw))  # type: ignore[arg-type]
    assert "60" in rendered and "2" in rendered
