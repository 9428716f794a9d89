"""The line a message's own words call for first: one only, the most pressing, and whether the answer follows
(actions/first_line.py)."""

from __future__ import annotations

from actions.conversation import ActionClarify
from actions.first_line import FIRST_LINES
from actions.offence import ActionOffence
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import run

DANGER_AND_BLAME = {
    "fr": "il est devant ma porte il tape et c'est ma faute",
    "ko": "걔가 지금 집 앞에 와서 문 두드려요 제 잘못이에요",
    "en": "he's outside banging on the door and it's my fault",
}
BLAME_AND_HOW_LONG = {
    "fr": "c'est ma faute ? et combien de temps ça prend pour que ce soit supprimé",
    "ko": "제 잘못인가요? 삭제되는 데 얼마나 걸려요",
    "en": "is it my fault? and how long does it take to get taken down",
}


def test_each_line_has_its_own_name() -> None:
    names = [line.name for line in FIRST_LINES]
    assert len(names) == len(set(names))


def test_danger_comes_before_a_blame_and_only_the_danger_is_said_first(language: str) -> None:
    slots = {"language": language, "situation": "sharing", "country": "FR"}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=DANGER_AND_BLAME[language])
    assert outcome.texts[0] == render(language, "danger.FR")
    assert render(language, "support.not_your_fault") not in outcome.texts


def test_a_blame_asked_with_how_long_removal_takes_is_said_once_and_the_other_not_said(language: str) -> None:
    slots = {"language": language, "situation": "sharing", "country": "FR"}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=BLAME_AND_HOW_LONG[language])
    assert outcome.texts == [render(language, "support.not_your_fault")], outcome.texts


def test_a_line_that_is_not_the_whole_answer_is_followed_by_the_actions_own(language: str) -> None:
    slots = {"language": language, "situation": "sharing", "country": "FR"}
    alone = run(ActionOffence(), "ask_offence", slots, text="?")
    outcome = run(ActionOffence(), "ask_offence", slots, text=DANGER_AND_BLAME[language])
    assert outcome.texts[1:] == alone.texts


def test_a_story_with_no_words_for_a_first_line_is_answered_as_before(language: str) -> None:
    story = {"fr": "il a partagé mes photos", "ko": "걔가 제 사진을 퍼뜨렸어요", "en": "he shared my photos"}[language]
    outcome = run(ActionSituation(), "describe_sharing", {"language": language}, text=story)
    starts = {render(language, line) for line in ("support.not_your_fault", "danger.other", "danger.FR")}
    assert outcome.texts and outcome.texts[0] not in starts
