"""Money already paid to a blackmailer: what to do now, once, never the sextortion's whole text again.

"Can we get the money back?" after a blackmail story used to repeat the acknowledgement word for word.
"""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionOutOfScope
from actions.payment import paid_already
from actions.situation import ActionSituation
from tests.actions.conftest import make_tracker, run, spoken

STORY_AND_PAYMENT = {
    "fr": "un mec menace de publier mes photos, je lui ai déjà payé 200 euros et il en redemande",
    "ko": "어떤 남자가 사진 뿌린다고 협박해서 이미 50만 원 보냈는데 또 돈을 달래요",
    "en": "a guy is threatening to post my nudes, I already paid him $200 and now he wants more",
}
MONEY_BACK = {
    "fr": "est-ce qu'on peut récupérer l'argent ?",
    "ko": "보낸 돈 돌려받을 수 있어요?",
    "en": "can we get the money back?",
}
PARENT_PAID = {
    "fr": "mon fils a fait un virement de 300 euros à un type qui le menace de publier une vidéo de lui",
    "ko": "우리 아들이 영상 뿌린다는 협박을 받고 이미 30만 원을 송금했어요",
    "en": "my son already paid a scammer who threatens to share a video of him",
}
DEMAND_ONLY = {
    "fr": "il veut 300 euros sinon il envoie mes photos à ma famille",
    "ko": "돈 안 보내면 가족한테 사진 뿌린대요",
    "en": "he wants $300 or he'll send my photos to my family",
}


def test_a_blackmail_story_with_money_already_paid_hears_what_to_do_now(language: str) -> None:
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language}, text=STORY_AND_PAYMENT[language])
    texts = outcome.texts
    ack, paid = spoken(language, "situation.ack.sextortion"), spoken(language, "sextortion.paid")
    assert ack in texts and paid in texts
    assert texts.index(ack) < texts.index(paid)


@pytest.mark.parametrize("intent", ["describe_sextortion", "nlu_fallback", "out_of_scope"])
def test_asking_for_the_money_back_never_repeats_the_blackmails_text(language: str, intent: str) -> None:
    actions = {"nlu_fallback": ActionClarify(), "out_of_scope": ActionOutOfScope()}
    action = actions.get(intent, ActionSituation())
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    outcome = run(action, intent, slots, text=MONEY_BACK[language])
    texts = outcome.texts
    assert texts[0] == spoken(language, "sextortion.paid")
    assert spoken(language, "situation.ack.sextortion") not in texts
    assert spoken(language, "situation.threat") not in texts
    assert spoken(language, "clarify.text") not in texts
    assert spoken(language, "out_of_scope.text") not in texts


def test_a_parent_hears_about_their_child(language: str) -> None:
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language}, text=PARENT_PAID[language])
    assert spoken(language, "sextortion.paid.other") in outcome.texts
    assert spoken(language, "sextortion.paid") not in outcome.texts


def test_a_demand_not_met_is_no_payment(language: str) -> None:
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language}, text=DEMAND_ONLY[language])
    assert spoken(language, "situation.ack.sextortion") in outcome.texts
    assert spoken(language, "sextortion.paid") not in outcome.texts


def test_money_back_with_no_blackmail_known_is_not_answered_as_one(language: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text=MONEY_BACK[language])
    assert spoken(language, "sextortion.paid") not in outcome.texts


@pytest.mark.parametrize(
    ("text", "paid"),
    [
        ("jai deja envoyer 300 par western union", True),
        ("j'ai envoyé 50 euros par paypal", True),
        ("I have already sent 100k to him through opay", True),
        ("i sent him 2 gift cards", True),
        ("이미 50만원 보냈어요", True),
        ("il a déjà envoyé les photos", False),
        ("he already sent the photos to my friends", False),
        ("should i send the money", False),
        ("돈 안 보내면 뿌린대", False),
    ],
)
def test_a_payment_is_told_apart_from_images_sent_or_a_demand(text: str, paid: bool) -> None:
    assert paid_already(make_tracker("describe_sextortion", {}, text=text)) is paid
