"""Buttons of earlier messages on Telegram (its old inline keyboards stay on screen), against the real stack.

A yes, a no or an intake choice whose question has passed gets the current choices, never "not
understood"; a report in Telegram's formatting reaches the person with its rest folded.
"""

from __future__ import annotations

from typing import Callable

import pytest

from actions.menu import MAIN_MENU
from content.texts import render
from tests.bot.channels.person import TelegramPerson

Person = Callable[..., TelegramPerson]
LANGUAGES = ["fr", "ko", "en"]
OLD_BUTTONS = ["/affirm", "/deny", '/inform{"intake_choice": "this_week"}']


def menu(language: str) -> list[tuple[str, str | None]]:
    return [(render(language, title), payload) for title, payload in MAIN_MENU]


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_earlier_button_gets_the_current_choices_never_not_understood(person: Person, language: str) -> None:
    someone = person(language)
    someone.says("/start")
    for payload in OLD_BUTTONS:
        sent = someone.presses(someone.issued(payload))
        assert [call.text for call in sent] == [render(language, "button.stale")], payload
        assert someone.buttons(sent[-1]) == menu(language)
        assert someone.user_events()[-1]["text"] == payload, "the button reached Rasa as what it was"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_report_reaches_telegram_with_links_and_its_rest_folded(person: Person, language: str) -> None:
    someone = person(language)
    someone.says("/start")
    someone.presses(someone.issued('/inform{"country": "FR"}'))
    sent = someone.presses(someone.issued("/ask_report"))
    report = next(call for call in sent if call.text.startswith(render(language, "report.FR")))
    kinds = {entity["type"] for entity in report.params["entities"]}
    assert {"expandable_blockquote", "text_link", "code"} <= kinds
    assert render(language, "clarify.text") not in [call.text for call in sent]
