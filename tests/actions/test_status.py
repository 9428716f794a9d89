"""A reference with "delete" is an erasure request (confirmed first), not a status question."""

from __future__ import annotations

import pytest

from actions.status import ActionStatus
from content.texts import render
from tests.actions.conftest import run


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "supprimez mon dossier RL-ABCD-EFGH"),
        ("ko", "신고 RL-ABCD-EFGH 삭제해 주세요"),
        ("en", "delete my case rl abcd efgh"),
    ],
)
def test_erasure_words_ask_for_confirmation(language: str, text: str) -> None:
    outcome = run(ActionStatus(), "ask_status", {"language": language}, text=text)
    assert outcome.slot("offer") == "erase_case"
    assert render(language, "erase.confirm_case", reference="RL-ABCD-EFGH") in outcome.text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "où en est mon signalement RL-ABCD-EFGH ?"),
        ("ko", "제 신고 RL-ABCD-EFGH 처리 상황 알려 주세요"),
        ("en", "any news on RL-ABCD-EFGH?"),
    ],
)
def test_a_status_question_asks_for_the_pin(language: str, text: str) -> None:
    outcome = run(ActionStatus(), "ask_status", {"language": language}, text=text)
    assert outcome.slot("access_purpose") == "status"
    assert outcome.slot("access_reference") == "RL-ABCD-EFGH"
    assert {"event": "followup", "name": "case_access_form"} in [
        {k: e.get(k) for k in ("event", "name")} for e in outcome.events
    ]


@pytest.mark.parametrize(
    ("language", "text"),
    [("fr", "RL-ABCD-EFGH"), ("ko", "rl abcd efgh 이에요"), ("en", "it's RL-ABCD-EFGH")],
)
def test_a_reference_alone_is_a_status_question_whatever_the_ranking(language: str, text: str) -> None:
    ranking = [{"name": "ask_status", "confidence": 0.6}, {"name": "delete_my_data", "confidence": 0.4}]
    outcome = run(ActionStatus(), "ask_status", {"language": language}, text=text, intent_ranking=ranking)
    assert outcome.slot("offer") is None
    assert outcome.slot("access_purpose") == "status"
    assert render(language, "erase.confirm_case", reference="RL-ABCD-EFGH") not in outcome.text
