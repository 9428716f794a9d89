"""Catalog completeness: every message exists, non-empty, in fr, ko and en, and renders."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from bot.settings import ROOT
from content.knowledge.formatting import placeholders
from content.texts import MissingTextError, keys, raw, render

LOCALES = ("fr", "ko", "en")
RUNTIME_PARAMS = {
    "days": 30,
    "term": "",
    "fine": "",
    **dict.fromkeys(("links", "place", "given", "value", "reference", "pin", "date", "status", "line"), "x"),
    **dict.fromkeys(("people", "wait"), "x"),
    **dict.fromkeys(("when", "zone"), "x"),  # the team's next opening
    **dict.fromkeys(("id", "minutes", "asked", "taken", "name", "code", "count"), "x"),  # the console's labels
    **dict.fromkeys(("minimum", "maximum", "role", "roles"), "x"),  # the console's accounts page and notices
    **dict.fromkeys(("exit", "clear"), "x"),  # the widget's own button labels (`web.quick_exit`, `web.clear`)
}
"""Placeholders filled by the actions (days, the victim's own answers, references) or inside penalty wordings."""


def po_messages(language: str) -> dict[str, str]:
    path = Path(ROOT / "locales" / language / "LC_MESSAGES" / "relais.po")
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {str(m.id): str(m.string) for m in catalog if m.id and not m.fuzzy}


def test_every_language_has_exactly_the_same_messages() -> None:
    ids = {language: set(po_messages(language)) for language in LOCALES}
    for language in LOCALES:
        assert ids[language] == ids["en"], (
            f"{language}: missing {ids['en'] - ids[language]}, extra {ids[language] - ids['en']}"
        )


@pytest.mark.parametrize("language", LOCALES)
def test_no_message_is_empty_or_fuzzy(language: str) -> None:
    path = ROOT / "locales" / language / "LC_MESSAGES" / "relais.po"
    with path.open("rb") as handle:
        catalog = read_po(handle)
    problems = [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
    assert not problems


@pytest.mark.parametrize("language", LOCALES)
def test_compiled_catalogs_match_the_sources(language: str) -> None:
    assert keys(language) == set(po_messages(language)), "run `make catalogs`"


@pytest.mark.parametrize("language", LOCALES)
def test_every_message_renders_with_the_knowledge_placeholders(language: str) -> None:
    for key in keys(language):
        assert render(language, key, **RUNTIME_PARAMS).strip()


@pytest.mark.parametrize("language", LOCALES)
def test_placeholders_are_the_same_in_every_language(language: str) -> None:
    def names(text: str) -> set[str]:
        return {field for _, field, _, _ in string.Formatter().parse(text) if field}

    def facts(messages: dict[str, str], key: str) -> set[str]:
        """A text with a rest (`key.rest`) may order its facts by language (docs/texts.md): the whole counts."""
        core = key.removesuffix(".rest")
        if f"{core}.rest" in messages:
            return names(messages[core]) | names(messages[f"{core}.rest"])
        return names(messages[key])

    messages, english = po_messages(language), po_messages("en")
    for key in messages:
        assert facts(messages, key) == facts(english, key), key


def test_a_missing_message_is_an_error_not_a_fallback() -> None:
    with pytest.raises(MissingTextError):
        raw("fr", "no.such.message")


@pytest.mark.parametrize("language", LOCALES)
def test_catalogs_state_no_figure_of_their_own(language: str) -> None:
    """Every number a victim reads comes from the knowledge module, never from a translator."""
    for key, text in po_messages(language).items():
        without_placeholders = re.sub(r"\{[a-z_A-Z]+\}", "", text)
        assert not re.search(r"\d", without_placeholders), f"{language} {key}: {text}"


@pytest.mark.parametrize("language", LOCALES)
def test_every_figure_shown_matches_the_knowledge_module(language: str) -> None:
    allowed = {n for value in placeholders(language, raw).values() for n in re.findall(r"\d+", value)}
    allowed.add(str(RUNTIME_PARAMS["days"]))
    for key in keys(language):
        shown = set(re.findall(r"\d+", render(language, key, **RUNTIME_PARAMS)))
        assert shown <= allowed, f"{language} {key}: {shown - allowed}"


DOUBLED_WORD = re.compile(r"\b([^\W\d]{2,}) \1\b", re.IGNORECASE)
"""A word said twice in a row, as when a text writes "Bill {law}" and the law's name already starts with "Bill"."""
MEANT_TWICE = {"vous"}
"""Words French repeats on purpose ("vous vous sentez")."""


@pytest.mark.parametrize("language", LOCALES)
def test_no_word_is_doubled_around_a_placeholder(language: str) -> None:
    for key in keys(language):
        found = DOUBLED_WORD.search(render(language, key, **RUNTIME_PARAMS))
        assert found is None or found.group(1).lower() in MEANT_TWICE, (key, found and found.group(0))
