"""The glossary (locales/glossary.yml) holds: no catalog uses a forbidden term, and a Korean
organisation is never named only in Hangul to a French or English reader."""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
import yaml

from bot.settings import ROOT
from tests.content.test_texts import LOCALES, po_messages

GLOSSARY = ROOT / "locales" / "glossary.yml"
STAFF_ONLY = "console."
"""The analysts' console's own labels: read by the team, whose words ("analyst") are not the person's."""


@cache
def glossary() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(GLOSSARY.read_text(encoding="utf-8"))
    return data


def uses(text: str, term: str) -> bool:
    return term.casefold() in text.casefold()


def test_every_term_and_organisation_is_named_in_every_language() -> None:
    for section in ("terms", "organisations"):
        for name, entry in glossary()[section].items():
            assert all(entry.get(language) for language in LOCALES), f"{section}.{name}"
    assert set(glossary()["forbidden"]) == set(LOCALES)


@pytest.mark.parametrize("language", LOCALES)
def test_no_catalog_uses_a_forbidden_term(language: str) -> None:
    forbidden = glossary()["forbidden"][language]
    found = [
        (key, term)
        for key, text in po_messages(language).items()
        for term in forbidden
        if uses(text, term) and not key.startswith(STAFF_ONLY)
    ]
    assert not found, "\n".join(f"{key}: «{term}» ({forbidden[term]})" for key, term in found)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_an_original_name_always_comes_with_a_readable_one(language: str) -> None:
    for name, entry in glossary()["organisations"].items():
        for key, text in po_messages(language).items():
            if entry["original"] in text:
                assert uses(text, entry[language]), f"{language} {key}: {name} only as {entry['original']}"


def test_the_check_would_catch_a_forbidden_term() -> None:
    """The matching itself: a term is found whatever its case, so the test above can fail."""
    assert uses("Analyste de la Ligne d'écoute", "ligne d'écoute") and uses("당신의 잘못", "당신")
    assert not uses("l'équipe de la hotline", "ligne d'écoute")
