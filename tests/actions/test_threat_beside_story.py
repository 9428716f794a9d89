"""A threat or a demand told beside a deepfake or a child's story gets the steps of a sextortion.

The classifier names the deepfake or the child; the threat cue (`bot/components/patterns/cues.yml`, the
one the classifier reads) tells the threat, and the person hears not to pay, not to send more, to stop
replying and to keep the messages, and the `situation` slot says a threat is ongoing.
"""

from __future__ import annotations

from actions.safety import ActionMinor
from actions.situation import ActionSituation
from tests.actions.conftest import run, spoken

DEEPFAKE_AND_THREAT = {
    "fr": "quelqu'un a fait un montage de moi nue avec l'IA et il veut 300 euros sinon il l'envoie à mes collègues",
    "ko": "누가 내 얼굴로 딥페이크 만들어서 돈 안주면 학교에 뿌린대",
    "en": "someone made ai nudes of me and is asking for bitcoin or he'll post them",
}
CHILD_AND_THREAT = {
    "fr": (
        "je suis en 3e et un mec de ma classe a une photo de moi, il dit qu'il va la montrer à tout le monde "
        "si je lui en envoie pas d'autres"
    ),
    "ko": "중학생인데 같은 반 남자애가 제 사진을 갖고 있고 사진 더 안 보내면 반 애들한테 다 보여준대요",
    "en": "my daughter is 14 and a boy in her class has her photos, he'll share her nudes unless she sends more",
}
CHILD_DEEPFAKE_AND_THREAT = {
    "fr": "j'ai 15 ans et un garçon a fait un montage de moi nue avec l'IA, il veut de l'argent sinon il le poste",
    "ko": "저 15살인데 누가 제 얼굴로 딥페이크를 만들어서 돈 안 보내면 뿌린대요",
    "en": "I'm 15 and a boy made an ai fake nude of me, he wants money or he'll post it",
}
DEEPFAKE_ONLY = {
    "fr": "quelqu'un a fait un montage avec mon visage sur une vidéo porno et il la poste partout",
    "ko": "누가 제 얼굴을 합성해서 딥페이크 영상을 만들어 인터넷에 올렸어요",
    "en": "someone made a deepfake porn video with my face and posted it everywhere",
}


def test_a_deepfake_with_a_demand_gets_the_steps_of_a_sextortion(language: str) -> None:
    outcome = run(ActionSituation(), "describe_deepfake", {"language": language}, text=DEEPFAKE_AND_THREAT[language])
    assert outcome.texts[:2] == [spoken(language, "situation.ack.deepfake"), spoken(language, "situation.threat")]
    assert outcome.slot("situation") == "sextortion"


def test_a_child_asked_for_more_images_gets_the_child_routes_steps(language: str) -> None:
    outcome = run(ActionMinor(), "report_minor", {"language": language}, text=CHILD_AND_THREAT[language])
    texts = outcome.texts
    assert spoken(language, "minor.sextortion") in texts
    assert texts.index(spoken(language, "minor.sextortion")) < texts.index(spoken(language, "minor.never_save"))
    assert spoken(language, "situation.threat") not in texts
    assert outcome.slot("situation") == "sextortion" and outcome.slot("is_minor") is True


def test_a_childs_deepfake_with_a_demand_hears_the_steps_once_on_the_child_route(language: str) -> None:
    outcome = run(
        ActionSituation(), "describe_deepfake", {"language": language}, text=CHILD_DEEPFAKE_AND_THREAT[language]
    )
    texts = outcome.texts
    assert texts.count(spoken(language, "minor.sextortion")) == 1
    assert spoken(language, "situation.threat") not in texts
    intro = next(
        i for i, t in enumerate(texts) if t in (spoken(language, "minor.intro"), spoken(language, "minor.intro.other"))
    )
    assert intro < texts.index(spoken(language, "minor.sextortion"))
    assert outcome.slot("situation") == "sextortion"


def test_a_deepfake_without_a_threat_gets_no_such_steps(language: str) -> None:
    outcome = run(ActionSituation(), "describe_deepfake", {"language": language}, text=DEEPFAKE_ONLY[language])
    assert spoken(language, "situation.ack.deepfake") in outcome.texts
    assert spoken(language, "situation.threat") not in outcome.texts
    assert spoken(language, "minor.sextortion") not in outcome.texts
    assert outcome.slot("situation") == "deepfake"


def test_a_sextortion_acknowledged_says_the_steps_once(language: str) -> None:
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language}, text=DEEPFAKE_AND_THREAT[language])
    assert outcome.texts[0] == spoken(language, "situation.ack.sextortion")
    assert spoken(language, "situation.threat") not in outcome.texts
