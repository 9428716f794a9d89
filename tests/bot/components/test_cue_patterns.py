"""The cue patterns the featurizer and the action server share tell a threat or a demand told in passing,
in French, Korean and English, and not a story without one."""

from __future__ import annotations

import pytest

from bot.components.cue_patterns import cue_vector, cues, has_cue

THREATS = [
    "je suis en 3e et un mec de ma classe dit qu'il va la montrer à tout le monde si je lui en envoie pas d'autres",
    "누가 내 얼굴로 딥페이크 만들어서 돈 안주면 학교에 뿌린대",
    "someone made ai nudes of me and is asking for bitcoin or he'll post them",
    "my daughter is 14 and a boy says he'll share her nudes unless she sends more",
    "he says if i don't pay by friday everyone sees it",
    "사진 더 보내달라고 해요 안 보내면 올린대요",
]
NO_THREAT = [
    "je vous demande de l'aide, quelqu'un a fait un montage avec mon visage et l'a posté",
    "누가 제 얼굴을 합성해서 딥페이크 영상을 만들어 인터넷에 올렸어요",
    "someone made a deepfake porn video with my face and posted it everywhere",
    # a condition of the person's own, no demand
    "est-ce que je peux signaler si je n'ai pas le lien ? il l'a mise sur un forum",
    "링크가 없어도 신고할 수 있나요? 포럼에 올렸어요",
    # asking him to delete is the person's request, not his demand
    "전남친한테 지워달라고 해도 안지워요",
    "je lui ai demandé de les supprimer mais il refuse",
    "i asked him to delete them but he won't",
    "can i still report if i don't have the link? he posted it on a forum",
]


@pytest.mark.parametrize("text", THREATS)
def test_a_demand_told_in_passing_is_a_threat(text: str) -> None:
    assert has_cue(text, "threat")


@pytest.mark.parametrize("text", NO_THREAT)
def test_a_story_without_a_demand_is_no_threat(text: str) -> None:
    assert not has_cue(text, "threat")


def test_the_feature_and_the_check_agree() -> None:
    column = list(cues()).index("threat")
    for text in THREATS + NO_THREAT:
        assert bool(cue_vector(text)[column]) == has_cue(text, "threat")


def test_an_unknown_cue_is_an_error() -> None:
    with pytest.raises(KeyError):
        has_cue("anything", "no such cue")
