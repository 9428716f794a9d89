"""Money already paid to a blackmailer: what to do now, once, never the sextortion's whole text again.

"Can we get the money back?" after a blackmail story used to repeat the acknowledgement word for word.
"""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionInform, ActionOutOfScope
from actions.evidence import ActionEvidence
from actions.payment import asks_whether_to_pay, paid_already
from actions.reporting import ActionRemoval
from actions.situation import ActionSituation
from content.texts import render
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
        ("ok i havent paid him", False),
        ("jlui ai deja envoyé une carte de 50", True),
        ("il m'a envoyé une carte de voeux", False),
        ("이미 50만원 보냈어요", True),
        ("어제 벌써 50만원 보냄..", True),
        ("이미 50 보냈는데", True),
        ("이미 사진 보냈어요", False),
        ("il a déjà envoyé les photos", False),
        ("he already sent the photos to my friends", False),
        ("should i send the money", False),
        ("돈 안 보내면 뿌린대", False),
    ],
)
def test_a_payment_is_told_apart_from_images_sent_or_a_demand(text: str, paid: bool) -> None:
    assert paid_already(make_tracker("describe_sextortion", {}, text=text)) is paid


SHOULD_I_PAY = {
    "fr": ["il dit qu'il supprime tout si je paie encore 200, je fais quoi ?", "est-ce que je dois payer ?",
           "je lui envoie l'argent ou pas", "j'ai pas encore payé mais je pense à payer pour que ça s'arrête"],
    "ko": ["돈 더 보내면 지워준다는데 보낼까요?", "돈 보내야 돼요?", "입금하면 안 뿌린대요",
           "그냥 보내버릴까 생각 중이에요", "그냥 보내면 끝나지 않을까요?"],
    "en": ["he says he'll delete them if i send 500 more, should i?", "should i pay him", "pay or not??",
           "i havent paid yet but i'm thinking about it just to make it stop"],
}
NOT_ABOUT_PAYING = {
    "fr": [
        "est-ce que je dois donner mon vrai nom ?",
        "je dois porter plainte ?",
        "est-ce que je dois payer un avocat ?",
        "dois-je envoyer d'autres captures à la police ?",
    ],
    "ko": ["은행에도 신고해야 하나요?", "경찰에 신고해야 할까요?", "캡처를 경찰에 보내야 하나요?"],
    "en": [
        "should i send him a message",
        "do i have to give my real name",
        "should i report it",
        "should i send it to the police?",
        "do i have to pay for a lawyer",
        "should i pay a company to remove it",
    ],
}


def test_asking_whether_to_pay_is_told_apart_from_other_questions(language: str) -> None:
    for text in SHOULD_I_PAY[language]:
        assert asks_whether_to_pay(make_tracker("describe_sextortion", {}, text=text)), text
    for text in NOT_ABOUT_PAYING[language]:
        assert not asks_whether_to_pay(make_tracker("describe_sextortion", {}, text=text)), text


@pytest.mark.parametrize("intent", ["describe_sextortion", "nlu_fallback", "ask_removal"])
def test_asked_whether_to_pay_during_a_blackmail_the_answer_is_no_at_once(language: str, intent: str) -> None:
    action = {"describe_sextortion": ActionSituation(), "nlu_fallback": ActionClarify()}.get(intent, ActionRemoval())
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    for text in SHOULD_I_PAY[language]:
        texts = run(action, intent, slots, text=text).texts
        assert texts[0] == spoken(language, "sextortion.dont_pay"), text
        assert spoken(language, "situation.ack.sextortion") not in texts
        assert spoken(language, "situation.threat") not in texts
        assert spoken(language, "clarify.text") not in texts


def test_a_parent_asking_whether_to_pay_hears_about_their_child(language: str) -> None:
    slots = {"language": language, "situation": "sextortion", "someone_else": True}
    texts = run(ActionClarify(), "nlu_fallback", slots, text=SHOULD_I_PAY[language][1]).texts
    assert texts[0] == spoken(language, "sextortion.dont_pay.other")


def test_without_a_blackmail_no_one_is_told_not_to_pay(language: str) -> None:
    texts = run(ActionClarify(), "nlu_fallback", {"language": language}, text=SHOULD_I_PAY[language][1]).texts
    assert spoken(language, "sextortion.dont_pay") not in texts


KEEPS_CALLING = {
    "fr": ["il arrête pas de m'appeler", "je dois le bloquer ?", "jdois le bloquer?"],
    "ko": ["계속 전화와요", "차단해도 돼요?", "걔가 계속 디엠함"],
    "en": ["he keeps calling me", "what if i block him"],
}
BLOCK_THREAT = {
    "fr": ["il dit que si je le bloque il poste tout", "si je l'ignore il va tout balancer sur insta"],
    "ko": ["차단하면 바로 유포한다고 해서 무서워요", "답장 안 하면 인스타에 올린대"],
    "en": ["he says he'll post one every day i don't answer", "he says if i block him he posts everything"],
}


@pytest.mark.parametrize("intent", ["describe_sextortion", "nlu_fallback", "inform"])
def test_a_blackmailer_who_keeps_calling_gets_no_contact_then_block_never_the_whole_text(
    language: str, intent: str
) -> None:
    action = {"describe_sextortion": ActionSituation(), "nlu_fallback": ActionClarify()}.get(intent, ActionInform())
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    for text in KEEPS_CALLING[language]:
        texts = run(action, intent, slots, text=text).texts
        assert texts[0] == spoken(language, "sextortion.no_contact"), text
        assert spoken(language, "situation.ack.sextortion") not in texts, text
        assert spoken(language, "clarify.text") not in texts, text
    before = run(ActionClarify(), "nlu_fallback", {"language": language}, text=KEEPS_CALLING[language][0]).texts
    assert spoken(language, "sextortion.no_contact") not in before, "no blackmail told: no blackmail's answer"


@pytest.mark.parametrize(
    "intent", ["describe_sextortion", "describe_sharing", "nlu_fallback", "ask_removal", "ask_evidence"]
)
def test_a_threat_to_post_if_blocked_is_answered_never_the_blackmails_opening_again(language: str, intent: str) -> None:
    """"et si je bloque il va les publier ?" read as asking for evidence got the whole evidence list after it: the
    answer says what to keep first."""
    action = {
        "describe_sextortion": ActionSituation(),
        "describe_sharing": ActionSituation(),
        "nlu_fallback": ActionClarify(),
        "ask_removal": ActionRemoval(),
        "ask_evidence": ActionEvidence(),
    }[intent]
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    for text in BLOCK_THREAT[language]:
        texts = run(action, intent, slots, text=text).texts
        assert texts[0] == spoken(language, "sextortion.block_threat"), text
        if intent == "ask_evidence":
            assert texts == [spoken(language, "sextortion.block_threat")], texts
        assert spoken(language, "situation.ack.sextortion") not in texts, text
        assert spoken(language, "sextortion.no_contact") not in texts, text
        assert spoken(language, "clarify.text") not in texts, text
    parent = {**slots, "someone_else": True}
    told = run(ActionClarify(), "nlu_fallback", parent, text=BLOCK_THREAT[language][0]).texts
    assert told[0] == spoken(language, "sextortion.block_threat.other")
    first = run(ActionSituation(), "describe_sextortion", {"language": language}, text=BLOCK_THREAT[language][0]).texts
    assert spoken(language, "sextortion.block_threat") not in first, "told first, the blackmail's own steps answer"


BLOCKED = {
    "fr": ["je l'ai déjà bloqué", "jlai bloqué hier"],
    "ko": ["차단했어요", "벌써 차단해 버렸어"],
    "en": ["i already blocked him", "i've blocked the account"],
}


@pytest.mark.parametrize("intent", ["nlu_fallback", "inform", "describe_sextortion"])
def test_a_blackmailer_already_blocked_hears_it_was_a_good_step_never_not_understood(
    language: str, intent: str
) -> None:
    action = {"nlu_fallback": ActionClarify(), "inform": ActionInform()}.get(intent, ActionSituation())
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    for text in BLOCKED[language]:
        texts = run(action, intent, slots, text=text).texts
        assert texts[0] == spoken(language, "sextortion.blocked"), (text, texts)
        assert spoken(language, "clarify.text") not in texts
        assert spoken(language, "situation.ack.sextortion") not in texts
    other = run(ActionClarify(), "nlu_fallback", {**slots, "situation": "sharing"}, text=BLOCKED[language][0]).texts
    assert spoken(language, "sextortion.blocked") not in other, "no blackmail told: no blackmail's answer"


DEADLINES = {
    "fr": ["il m a donné jusqua demain midi", "il m'a donné jusqu'à ce soir"],
    "ko": ["오늘 밤 12시까지래", "내일 아침까지 답장하래"],
    "en": ["he said she has 24 hours", "he said i have until tonight", "hes given me til tonight"],
}


def test_a_blackmailers_deadline_told_after_the_story_hears_no_at_once(language: str) -> None:
    """"il m a donné jusqua demain midi", "오늘 밤 12시까지래" were not understood, "he said she has 24 hours" got only
    the menu: a deadline is answered as the question whether to pay."""
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    for text in DEADLINES[language]:
        outcome = run(ActionClarify(), "nlu_fallback", slots, text=text)
        dont_pay = (render(language, "sextortion.dont_pay"), render(language, "sextortion.dont_pay.other"))
        assert outcome.texts[0] in dont_pay, text
        assert render(language, "clarify.text") not in outcome.texts
    before = run(ActionClarify(), "nlu_fallback", {"language": language}, text=DEADLINES[language][0])
    assert render(language, "sextortion.dont_pay") not in before.texts


PAID_AND_DESPAIR = {
    "fr": "je l'ai déjà payé mais je n'en peux plus, je veux juste que ça s'arrête",
    "ko": "이미 돈 보냈는데 더는 못 버티겠어요",
    "en": "i paid him already but i can't take this anymore, i just want it to stop",
}


def test_despair_beside_a_payment_hears_the_gentle_question_after_the_answer(language: str) -> None:
    """"i paid him already but i can't take this anymore" got the bank's steps and the removal journey, and nothing
    about not being able to take any more."""
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    outcome = run(ActionSituation(), "describe_sextortion", slots, text=PAID_AND_DESPAIR[language])
    assert outcome.texts[0] in (render(language, "sextortion.paid"), render(language, "sextortion.paid.other"))
    assert outcome.texts.count(render(language, "support.crisis_hint")) == 1, outcome.texts
    calm = run(ActionSituation(), "describe_sextortion", slots,
               text={"fr": "je l'ai déjà payé", "ko": "이미 돈 보냈어요", "en": "i paid him already"}[language])
    assert render(language, "support.crisis_hint") not in calm.texts
    crisis_slots = {**slots, "in_crisis": True}
    crisis = run(ActionSituation(), "describe_sextortion", crisis_slots, text=PAID_AND_DESPAIR[language])
    assert render(language, "support.crisis_hint") not in crisis.texts


STORY_AND_DESPAIR = {
    "fr": "je sais pas si je vais tenir, tout le monde va la voir, j'ai plus envie de rien",
    "ko": "영상이 퍼졌는데 너무 힘들어서 다 그만하고 싶어요",
    "en": "there's a video of me on pornhub. honestly i don't see the point anymore, everyone i know will see it",
}


def test_despair_told_in_a_story_hears_the_gentle_question(language: str) -> None:
    """"…honestly i don't see the point anymore, everyone i know will see it" got the story's answer and the menu."""
    outcome = run(ActionSituation(), "describe_sharing", {"language": language, "country": "FR"},
                  text=STORY_AND_DESPAIR[language])
    assert render(language, "support.crisis_hint") in outcome.texts, outcome.texts
    doubt = {"fr": "je vois pas l'intérêt de porter plainte", "ko": "신고해 봤자 소용없을 것 같아요",
             "en": "i don't see the point of reporting it"}[language]
    calm = run(ActionSituation(), "describe_sharing", {"language": language, "country": "FR"}, text=doubt)
    assert render(language, "support.crisis_hint") not in calm.texts


PARTNER_AT_HOME_THEN_BLOCK = {
    "fr": ("mon copain avec qui je vis veut d'autres nudes sinon il publie les anciennes", "je le bloque ?"),
    "ko": ("같이 사는 남친이 사진 더 안 보내면 예전 거 올린대요", "차단해도 돼요?"),
    "en": ("my bf who i live with wants more nudes, says if i dont send them tonight hell post the old ones",
           "should i block him?"),
}


def test_cutting_contact_is_never_advised_to_one_whose_blackmailer_lives_with_them(language: str) -> None:
    """"should i block him?" about the boyfriend she lives with got "Stop all contact… no calls, no replies"."""
    story, block = PARTNER_AT_HOME_THEN_BLOCK[language]
    events = [{"event": "user", "text": story, "parse_data": {}}]
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=block, events=events)
    assert render(language, "sextortion.no_contact") not in outcome.texts, outcome.texts
    assert outcome.texts[0] == render(language, "situation.ack.sextortion.partner"), outcome.texts
    stranger = run(ActionClarify(), "nlu_fallback", slots, text=block)
    assert stranger.texts[0] == render(language, "sextortion.no_contact"), stranger.texts
