"""The answers in words: choices through their texts, the person's words as given, the evidence log."""

from __future__ import annotations

import re

from actions.guidance import SITUATIONS
from actions.intake.answers import DONE, SKIPPED, UNSURE
from actions.intake.corrections import send_if_asked
from actions.intake.summary import answered, contact_line, evidence_log, situation_line, where_lines, words
from actions.intake.summary import render as render_lines
from content.texts import render
from tests.actions.intake.conftest import turn_for

CREATED_AT = 1_767_225_600.0
"""2026-01-01 00:00 UTC."""


def test_skipped_done_and_empty_are_not_answers() -> None:
    assert not any(answered(value) for value in (None, "", SKIPPED, DONE, []))
    assert answered("today") and answered(["https://a.example"])


def test_a_choice_is_shown_in_words_and_free_text_as_given(language: str) -> None:
    turn = turn_for(language)
    assert words(turn, "today", ("today",)) == render(language, "intake.choice.today")
    assert words(turn, "today") == "today", "a value that is not one of the question's choices is the person's words"
    assert words(turn, SKIPPED, ("today",)) == render(language, "intake.summary.not_given")


def test_links_come_one_a_line_and_places_on_one(language: str) -> None:
    turn = turn_for(
        language, {"intake_urls": ["https://a.example/1", "https://b.example/2"], "intake_places": ["X", "Y"]}
    )
    assert where_lines(turn, "intake_where", (), "intake.choice") == [
        ("links", "\nhttps://a.example/1\nhttps://b.example/2"),
        ("places", "X, Y"),
    ]


def test_the_contact_shows_its_detail(language: str) -> None:
    turn = turn_for(language, {"intake_contact": "phone", "intake_contact_detail": "+33612345678"})
    [(name, shown)] = contact_line(turn, "intake_contact", ("phone",), "intake.choice")
    assert (name, shown) == ("contact", f"{render(language, 'intake.choice.phone')} (+33612345678)")
    assert render_lines(turn, [(name, shown)]) == [render(language, "intake.summary.contact", value=shown)]


def test_the_evidence_log_has_the_reference_the_date_and_each_link(language: str) -> None:
    turn = turn_for(language, {"intake_situation": "deepfake", "intake_found": "today"})
    lines = [("situation", "S"), ("found", "F")]
    log = evidence_log(turn, "RL-ABCD-EFGH", CREATED_AT, ["https://a.example/1"], lines).split("\n")
    assert "RL-ABCD-EFGH" in log[0] and "2026" in log[0]
    assert log[1:] == [
        render(language, "intake.summary.situation", value="S"),
        render(language, "intake.summary.found", value="F"),
        render(language, "case.log.links"),
        "https://a.example/1",
    ]


def test_the_evidence_log_without_links_says_so(language: str) -> None:
    log = evidence_log(turn_for(language), "RL-ABCD-EFGH", CREATED_AT, [], [("situation", "S"), ("found", "F")])
    assert render(language, "intake.summary.situation", value="S") not in log, "no situation given, none shown"
    assert log.endswith(render(language, "case.log.no_links"))


FIRST_PERSON = {
    "fr": r"\b(je|j'|moi|mes|mon|ma|m')",
    "ko": r"(저는|제가|저를|내가|나를|제 )",
    "en": r"\b(I|me|my|mine)\b",
}


def test_what_happened_speaks_of_the_person_shown_not_the_writer(language: str) -> None:
    """A parent's report ("my daughter was filmed") is never summarised as "I was filmed secretly"."""
    for situation in SITUATIONS:
        turn = turn_for(language, {"intake_situation": situation, "intake_subject": "other"})
        [(name, shown)] = situation_line(turn, "intake_situation", SITUATIONS, "situation")
        assert name == "situation" and shown == render(language, f"intake.summary.what.{situation}")
        assert shown != render(language, f"situation.{situation}")
        assert not re.search(FIRST_PERSON[language], shown), shown


def test_i_dont_know_where_is_shown_as_such(language: str) -> None:
    turn = turn_for(language, {"intake_where": UNSURE})
    unsure = render(language, "intake.choice.unsure")
    assert where_lines(turn, "intake_where", (), "intake.choice") == [("links", unsure), ("places", unsure)]


SEND_IT = {"fr": "ok envoyez-le", "ko": "그냥 보내주세요", "en": "just send it"}
DONT_SEND = {"fr": "ne l'envoyez pas encore", "ko": "아직 보내지 마세요", "en": "don't send it yet"}


def test_words_that_say_to_send_it_send_the_report(language: str, cases_db: object) -> None:
    turn = turn_for(language, {"offer": "submit", "intake_situation": "sharing"}, text=SEND_IT[language])
    assert send_if_asked(turn)
    assert turn.changes.get("case_ref")


def test_words_that_say_not_to_send_it_send_nothing(language: str) -> None:
    turn = turn_for(language, {"offer": "submit", "intake_situation": "sharing"}, text=DONT_SEND[language])
    assert not send_if_asked(turn)
    assert not turn.dispatcher.messages
