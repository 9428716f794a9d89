"""The place a person is told when they join the queue counts only the requests ahead that can still be served:
not a web-widget request whose person left the chat more than RELAIS_HANDOFF_LEFT_MINUTES ago. A Telegram request,
or a widget one whose leaving no web process recorded, always counts (its presence is unknown)."""

from __future__ import annotations

import pytest

from actions.handoff import ActionRequestHuman
from bot.staff import queue
from bot.storage.base import now
from bot.storage.db import session
from content.knowledge.formatting import wait
from content.texts import render
from tests.actions.conftest import run

FROM_THE_WIDGET = [{"event": "user", "text": "/request_human", "input_channel": "socketio"}]


def _ahead_of_the_person(url: str, left_minutes_ago: float) -> None:
    """Two people asked before: one on Telegram, one in the widget who left the chat `left_minutes_ago`."""
    with session(url) as db:
        queue.request(db, "telegram-person", "telegram", "ko", queue.Flags())
        queue.request(db, "widget-person", "socketio", "fr", queue.Flags(in_crisis=True))
        queue.mark_left(db, "widget-person", now() - left_minutes_ago * 60)


def _told(language: str) -> list[str]:
    return run(ActionRequestHuman(), "request_human", {"language": language}, events=FROM_THE_WIDGET).texts


def test_a_person_who_left_long_ago_is_not_counted(language: str, cases_db: str) -> None:
    _ahead_of_the_person(cases_db, left_minutes_ago=11)
    people = render(language, "handoff.wait.ahead", people=1, wait=wait(queue.AVERAGE_MINUTES_PER_PERSON, language))
    assert people in _told(language)


def test_a_person_who_just_left_may_come_back_and_still_counts(language: str, cases_db: str) -> None:
    _ahead_of_the_person(cases_db, left_minutes_ago=2)
    people = render(language, "handoff.wait.ahead", people=2, wait=wait(2 * queue.AVERAGE_MINUTES_PER_PERSON, language))
    assert people in _told(language)


def test_the_bound_is_a_setting(monkeypatch: pytest.MonkeyPatch, cases_db: str) -> None:
    monkeypatch.setenv("RELAIS_HANDOFF_LEFT_MINUTES", "30")
    _ahead_of_the_person(cases_db, left_minutes_ago=11)
    assert render("en", "handoff.wait.ahead", people=2, wait=wait(20, "en")) in _told("en")
    monkeypatch.setenv("RELAIS_HANDOFF_LEFT_MINUTES", "5")
    with session(cases_db) as db:
        queue.cancel(db, "review")
    assert render("en", "handoff.wait.ahead", people=1, wait=wait(10, "en")) in _told("en")


def test_alone_with_only_people_long_gone_the_person_is_next(language: str, cases_db: str) -> None:
    with session(cases_db) as db:
        queue.request(db, "widget-person", "socketio", "fr", queue.Flags())
        queue.mark_left(db, "widget-person", now() - 3600)
    assert render(language, "handoff.wait.next") in _told(language)
