"""A message that asks two things ("is it illegal? and how do I keep proof?") gets the first answered and the second
named, its button first, never the plain "what next?" as if it had not been asked."""

from __future__ import annotations

import pytest

from actions.evidence import ActionEvidence
from actions.offence import ActionOffence
from actions.reporting import ActionRemoval
from tests.actions.conftest import run, spoken

KNOWN = {"country": "FR", "situation": "sharing"}


@pytest.mark.parametrize(
    ("language", "text", "also"),
    [
        ("fr", "c'est illégal ce qu'il a fait ? et comment je garde des preuves ?", "evidence"),
        ("ko", "전 남친이 제 영상을 올렸어요. 이거 처벌되나요? 그리고 증거는 어떻게 남겨요?", "evidence"),
        ("en", "is it illegal what he did and what proof should i keep?", "evidence"),
    ],
)
def test_the_second_question_is_named_with_its_button_first(language: str, text: str, also: str) -> None:
    outcome = run(ActionOffence(), "ask_offence", {**KNOWN, "language": language}, text=text)
    assert outcome.texts[-1] == spoken(language, f"guidance.also.{also}")
    assert outcome.payloads[0] == f"/ask_{also}"
    assert spoken(language, "next.prompt") not in outcome.texts


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "comment garder des preuves ? c'est illégal ce qu'il fait ?"),
        ("ko", "증거는 어떻게 남겨요? 이거 범죄 맞나요?"),
        ("en", "what screenshots should i keep? is it even illegal?"),
    ],
)
def test_whichever_comes_first_the_other_is_named(language: str, text: str) -> None:
    outcome = run(ActionEvidence(), "ask_evidence", {**KNOWN, "language": language}, text=text)
    assert outcome.texts[-1] == spoken(language, "guidance.also.offence")
    assert outcome.payloads[0] == "/ask_offence"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # what the person did or what happened, in a sentence that asks nothing, is no second question
        ("fr", "j'ai déjà porté plainte. comment je fais retirer la vidéo ?"),
        ("ko", "경찰에 이미 신고했어요. 영상은 어떻게 지워요?"),
        ("en", "i already reported him to the police. how do i get the video taken down?"),
        # one question
        ("fr", "comment je fais retirer la vidéo ?"),
        ("ko", "영상 어떻게 지워요?"),
        ("en", "how do i get the video taken down?"),
    ],
)
def test_a_word_outside_a_question_asks_nothing(language: str, text: str) -> None:
    outcome = run(ActionRemoval(), "ask_removal", {**KNOWN, "language": language}, text=text)
    assert not any(t.startswith(spoken(language, "guidance.also.report")[:12]) for t in outcome.texts)
    assert outcome.texts[-1] == spoken(language, "next.prompt")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "c'est illégal ? je veux pas porter plainte, comment la faire retirer ?"),
        ("ko", "이거 불법이에요? 고소는 안 할 거예요, 어떻게 지워요?"),
        ("en", "is this illegal? i dont want to go to the police, how do i get it removed?"),
    ],
)
def test_a_complaint_refused_is_never_offered_as_the_other_question(language: str, text: str) -> None:
    outcome = run(ActionOffence(), "ask_offence", {**KNOWN, "language": language}, text=text)
    assert outcome.texts[-1] == spoken(language, "guidance.also.removal")
    assert "/ask_report" != outcome.payloads[0]
