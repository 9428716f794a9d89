"""The question table: every question has its texts in every language, is asked with its buttons,
and gives the case and the summary what the table says."""

from __future__ import annotations

import pytest

from actions.facts_in_message import SOMEONE_ELSE_SLOT
from actions.guidance import SITUATIONS
from actions.intake.answers import SKIPPED
from actions.intake.questions import ASK_ACTIONS, BY_SLOT, QUESTIONS, answers_to_keep, ask, summary_lines
from actions.intake.summary import field
from actions.reply import Turn
from bot.cases.repository import CaseDraft
from content.texts import has, render
from tests.actions.intake.conftest import said, turn_for
from vocabulary.languages import SUPPORTED

ANSWERED = {
    "intake_situation": "sextortion",
    "intake_where": "done",
    "intake_urls": ["https://a.example/1"],
    "intake_places": ["Instagram"],
    "intake_found": "today",
    "intake_ongoing": "yes",
    "intake_subject": "self",
    "intake_minor": "no",
    "intake_consent": "yes",
    "intake_contact": "email",
    "intake_contact_detail": "jane@example.org",
}


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_question_has_its_texts(language: str) -> None:
    missing = []
    for question in QUESTIONS:
        keys = [f"intake.why.{question.slot}", *(f"{question.choice_texts}.{c}" for c in question.choices)]
        if question.slot not in ("intake_where", "intake_contact_detail"):
            keys += [f"intake.ask.{question.slot}", f"intake.summary.{field(question.slot)}"]
        if question.voiced:
            other = [f"{question.choice_texts}.{choice}.other" for choice in question.choices]
            keys += [f"intake.ask.{question.slot}.other", *other]
        missing += [key for key in keys if key != "intake.choice.done" and not has(language, key)]
    assert not missing


def test_every_question_has_its_ask_action() -> None:
    assert [action().name() for action in ASK_ACTIONS] == [f"action_ask_{q.slot}" for q in QUESTIONS]


def test_every_kept_answer_is_a_case_draft_field() -> None:
    fields = set(CaseDraft.__dataclass_fields__)
    assert {q.column for q in QUESTIONS if q.column} <= fields


def test_a_question_is_asked_with_its_choices_then_why_skip_stop(language: str) -> None:
    turn = turn_for(language)
    ask(turn, "intake_ongoing")
    [message] = turn.dispatcher.messages
    assert message["text"] == render(language, "intake.ask.intake_ongoing")
    titles = [button["title"] for button in message["buttons"]]
    assert titles == [
        render(language, key)
        for key in ("intake.choice.yes", "intake.choice.no", "intake.choice.unsure", "intake.button.why")
        + ("intake.button.skip", "intake.button.stop")
    ]
    assert message["buttons"][0]["payload"] == '/inform{"intake_choice": "yes"}'


def _situation_asked(turn: Turn) -> tuple[str, list[str]]:
    ask(turn, "intake_situation")
    [message] = turn.dispatcher.messages
    return message["text"], [button["title"] for button in message["buttons"]]


def _worded(language: str, suffix: str) -> tuple[str, list[str]]:
    choices = [render(language, f"situation.{s}{suffix}") for s in SITUATIONS]
    controls = [render(language, key) for key in ("intake.button.why", "intake.button.skip", "intake.button.stop")]
    return render(language, f"intake.ask.intake_situation{suffix}"), choices + controls


def test_the_situation_is_asked_about_the_other_person_to_someone_writing_for_them(language: str) -> None:
    """A parent or a friend reads "their images were shared", not "my images": when an earlier message told
    it (`someone_else`) or the subject question was answered "someone else"."""
    for slots in ({SOMEONE_ELSE_SLOT: True}, {"intake_subject": "other"}):
        assert _situation_asked(turn_for(language, slots)) == _worded(language, ".other")
    assert render(language, "situation.sharing.other") != render(language, "situation.sharing")


def test_the_situation_keeps_the_persons_own_words_unless_someone_else_is_known(language: str) -> None:
    """Nothing said about someone else, or an answer "it's me" after words that sounded like it."""
    for slots in ({}, {SOMEONE_ELSE_SLOT: True, "intake_subject": "self"}):
        assert _situation_asked(turn_for(language, slots)) == _worded(language, "")


def test_the_links_question_offers_done_once_something_is_given(language: str) -> None:
    first, more = turn_for(language), turn_for(language, {"intake_places": ["Snapchat"]})
    ask(first, "intake_where")
    ask(more, "intake_where")
    assert said(first) == render(language, "intake.ask.intake_where")
    assert said(more) == render(language, "intake.ask.intake_where.more")
    assert render(language, "intake.button.done") not in [b["title"] for b in first.dispatcher.messages[0]["buttons"]]
    assert more.dispatcher.messages[0]["buttons"][0]["title"] == render(language, "intake.button.done")


def test_the_contact_detail_is_asked_for_the_way_chosen(language: str) -> None:
    turn = turn_for(language, {"intake_contact": "phone"})
    ask(turn, "intake_contact_detail")
    assert said(turn) == render(language, "intake.ask.intake_contact_detail.phone")


def test_consent_and_a_detail_are_asked_only_when_they_apply() -> None:
    bare = turn_for("en").tracker
    assert not BY_SLOT["intake_consent"].asked(bare) and not BY_SLOT["intake_contact_detail"].asked(bare)
    full = turn_for("en", ANSWERED).tracker
    assert BY_SLOT["intake_consent"].asked(full) and BY_SLOT["intake_contact_detail"].asked(full)


def test_the_case_keeps_each_answer_as_the_table_says() -> None:
    kept = answers_to_keep(turn_for("en", ANSWERED))
    assert kept.items() >= {
        "situation": "sextortion",
        "found_when": "today",
        "threats_ongoing": "yes",
        "subject": "self",
        "is_minor": False,
        "consent_open_urls": True,
        "contact_preference": "email",
        "contact_detail": "jane@example.org",
    }.items()


def test_a_skipped_answer_is_kept_as_not_given() -> None:
    kept = answers_to_keep(turn_for("en", {"intake_found": SKIPPED, "intake_consent": SKIPPED}))
    assert kept["found_when"] is None and kept["consent_open_urls"] is False


def test_the_summary_follows_the_table(language: str) -> None:
    lines = dict(summary_lines(turn_for(language, ANSWERED)))
    order = ["situation", "links", "places", "found", "ongoing", "subject", "minor", "consent", "contact"]
    shown = iter(lines)
    assert all(name in shown for name in order), f"{order} in this order in {list(lines)}"
    assert lines["situation"] == render(language, "intake.summary.what.sextortion")
    assert lines["found"] == render(language, "intake.choice.today")
    assert lines["contact"] == f"{render(language, 'intake.choice.email')} (jane@example.org)"


def test_the_summary_leaves_out_consent_without_links(language: str) -> None:
    lines = dict(summary_lines(turn_for(language, {"intake_found": "last spring"})))
    assert "consent" not in lines
    assert lines["found"] == "last spring"
    assert lines["links"] == render(language, "intake.summary.not_given")
