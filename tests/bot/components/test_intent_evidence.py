"""Erasure, a report's status and a person need the person's own words."""

from __future__ import annotations

from typing import Any

import pytest
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.evidence_cues import has_evidence
from bot.components.intent_evidence import IntentEvidence


def classified(text: str, ranking: list[tuple[str, float]]) -> dict[str, Any]:
    entries = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message = Message(data={TEXT: text, INTENT: dict(entries[0]), INTENT_RANKING_KEY: entries})
    [processed] = IntentEvidence().process([message])
    return {"intent": processed.get(INTENT), "ranking": [e["name"] for e in processed.get(INTENT_RANKING_KEY)]}


@pytest.mark.parametrize(
    "text",
    [
        "supprimez toutes mes données s'il vous plaît",
        "effacez cette conversation",
        "oubliez tout ce que je vous ai raconté",
        "supprimez mon dossier RL-7K3M-Q9P2",
        "제 개인정보랑 대화 내용 전부 삭제해 주세요",
        "신고 RL-ABCD-EFGH 삭제해 주세요",
        "채팅 내역 지울 수 있어요?",
        "please delete all my data",
        "forget everything i said",
        "erase",
        "i want to use my right to erasure",
    ],
)
def test_erasure_requests_hold_their_words(text: str) -> None:
    assert has_evidence("delete_my_data", text)


@pytest.mark.parametrize(
    "text",
    [
        "채팅으로만 연락해 주세요",
        "seulement ici dans le chat",
        "How do I delete my browser history?",
        "comment effacer mon historique de navigation ?",
        "브라우저 방문 기록 삭제하는 법",
        "RL-ABCD-EFGH",
        "has my reported video been deleted yet",
        "est-ce que la vidéo que je vous ai signalée a été supprimée ?",
        "신고한 영상 삭제됐어요?",
        "how do I delete my instagram account",
        "et si je veux effacer tout ce qu'il a sur moi ?",
        "전남친이 가진 영상 다 지우고 싶어요",
        "how do I delete whatever he has of me",
        "I reported it to reddit but they won't delete it",
        "reported the account on insta, they refuse to remove it",
        "트위터는 신고해도 안지워주던데",
        "인스타에 신고했는데 안 지워줘요",
        "j'ai signalé à instagram mais ils veulent pas supprimer",
        "le site a rien supprimé malgré mon signalement",
    ],
)
def test_other_messages_never_erase(text: str) -> None:
    assert not has_evidence("delete_my_data", text)


@pytest.mark.parametrize(
    ("text", "status", "person"),
    [
        ("où en est mon signalement ?", True, False),
        ("RL-ABCD-EFGH", True, False),
        ("제 신고 처리 상황 알 수 있나요?", True, False),
        ("any update on my case", True, False),
        ("j'ai signalé la vidéo hier, ça avance ?", True, False),
        ("신고한 거 어떻게 됐어요?", True, False),
        ("is my report still pending", True, False),
        # reporting asked about, no report made: a question of how to report, never its status
        ("je peux signaler même sans le lien ?", False, False),
        ("근데 이거 진짜 내 사진도 아닌데 신고가 돼?", False, False),
        ("can i still report if i don't have the link?", False, False),
        ("seulement ici dans le chat", False, False),
        ("je veux parler à quelqu'un", False, True),
        ("je veux parler a quelqu un de vrai", False, True),
        ("quelqu un d'autre", False, False),
        ("상담원 연결해 주세요", False, True),
        ("can i talk to a real person", False, True),
        ("par téléphone", False, False),
        ("전화로 연락해 주세요", False, False),
        ("someone else", False, False),
        ("다른 사람이에요", False, False),
        ("qui je peux appeler ?", False, True),
        ("y a un numéro à appeler ?", False, True),
        ("어디에 전화하면 돼요?", False, True),
        ("전화할 수 있는 곳 있어요?", False, True),
        ("who can I call?", False, True),
        ("is there a number i can ring", False, True),
        ("by phone", False, False),
        ("non je veux pas parler à quelqu'un, je veux juste savoir si c'est un crime", False, False),
        ("nan je préfère pas en parler à quelqu'un", False, False),
        ("je veux pas en parler ici, je veux un conseiller", False, True),
        ("상담원 말고 그냥 너랑 얘기할래", False, False),
        ("109 전화하기 싫어", False, False),
        ("상담원이랑 얘기하고 싶어요", False, True),
        ("i dont want to call anyone", False, False),
        ("I don't want to talk to a person, just tell me what to do", False, False),
        ("I don't want to talk about it, can I speak to someone?", False, True),
        ("선생님한테 말해야돼?", False, False),
        ("je dois le dire à mon prof ?", False, False),
        ("should i tell my teacher", False, False),
    ],
)
def test_status_and_a_person_need_their_words(text: str, status: bool, person: bool) -> None:
    assert has_evidence("ask_status", text) is status
    assert has_evidence("request_human", text) is person


def test_intents_without_cues_always_pass() -> None:
    assert has_evidence("describe_sharing", "...")


def test_a_gated_intent_without_words_leaves_the_ranking_and_the_runner_up_stands() -> None:
    result = classified(
        "채팅으로만 연락해 주세요", [("delete_my_data", 0.94), ("inform", 0.04), ("request_human", 0.02)]
    )
    assert result["intent"] == {"name": "inform", "confidence": 0.04}
    assert result["ranking"] == ["inform"]


def test_a_gated_intent_with_its_words_is_kept() -> None:
    result = classified("please delete all my data", [("delete_my_data", 0.9), ("ask_privacy", 0.1)])
    assert result["intent"]["name"] == "delete_my_data"
    assert result["ranking"] == ["delete_my_data", "ask_privacy"]


def test_nothing_left_means_no_intent_for_the_fallback_to_replace() -> None:
    result = classified("seulement ici dans le chat", [("request_human", 1.0)])
    assert result["intent"] == {"name": None, "confidence": 0.0}


def test_buttons_are_the_persons_own_choice() -> None:
    result = classified("/delete_my_data", [("delete_my_data", 1.0)])
    assert result["intent"]["name"] == "delete_my_data"
