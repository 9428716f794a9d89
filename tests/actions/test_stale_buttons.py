"""A button pressed after its moment gets the current choices, never "not understood" (in-process)."""

from __future__ import annotations

import pytest

from actions.conversation import ActionAffirm, ActionDeny, ActionInform
from actions.menu import MAIN_MENU
from content.texts import render
from tests.actions.conftest import run

LANGUAGES = ("fr", "ko", "en")
MENU = [payload for _, payload in MAIN_MENU]
TYPED_YES = {"fr": "oui", "ko": "네", "en": "yes"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("action", "payload"), [(ActionAffirm(), "/affirm"), (ActionDeny(), "/deny")])
def test_an_earlier_yes_or_no_button_gets_the_current_choices(language: str, action: object, payload: str) -> None:
    out = run(action, payload.strip("/"), {"language": language, "offer": None}, text=payload)  # type: ignore[arg-type]
    assert out.texts == [render(language, "button.stale")]
    assert out.payloads == MENU


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_typed_yes_with_nothing_asked_is_an_acknowledgement_with_the_current_choices(language: str) -> None:
    out = run(ActionAffirm(), "affirm", {"language": language, "offer": None}, text=TYPED_YES[language])
    assert out.texts == [render(language, "next.prompt")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_intake_choice_after_the_intake_ended_gets_the_current_choices(language: str) -> None:
    payload = '/inform{"intake_choice": "today"}'
    entities = [{"entity": "intake_choice", "value": "today"}]
    out = run(ActionInform(), "inform", {"language": language}, entities=entities, text=payload)
    assert out.texts == [render(language, "button.stale")]
    assert out.payloads == MENU
    assert render(language, "clarify.text") not in out.texts


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_yes_that_still_applies_is_acted_on(language: str) -> None:
    out = run(ActionDeny(), "deny", {"language": language, "offer": "intake"}, text="/deny")
    assert out.texts == [render(language, "intake.not_now")]
