"""Danger right now (violence threatened or done, the abuser at home tonight) is answered first, whatever the intent."""

from __future__ import annotations

import pytest

from actions.conversation import ActionAffirm, ActionClarify, ActionGoodbye, ActionInform, ActionOutOfScope
from actions.danger import in_danger_now
from actions.reporting import ActionReport
from actions.safety import ActionMinor, ActionSupport
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import make_tracker, run

DANGER = {
    "fr": [
        "mon compagnon la filmait sous la douche. Il est à la maison ce soir, qu'est-ce que je dois faire ?",
        "il menace de me tuer si je porte plainte",
        "mon ex m'a dit qu'il allait me tuer et balancer mes photos partout",
        "j'ai peur qu'il me frappe quand il verra que j'ai parlé",
        "ma fille est en danger",
        "mon ex est devant ma porte, il veut entrer, j'ai peur",
        "il a encore les clés, il peut revenir ce soir",
        "mon mari menace de diffuser nos vidéos, il est dans la maison là",
        "y a quelqu'un devant ma porte, j'ai peur",
        "il est là chez moi il a bu",
        "mon ex s'est pointé à mon travail",
        "il m'attend à la sortie du lycée",
        "il me suit dans la rue là",
        "il est rentré à la maison, il a bu, j'ai peur",
        "il est dans le salon là",
        "je peux pas appeler il va m'entendre",
        "je peux pas parler il est à côté. il a mes photos et il me menace",
        "il est venu devant chez moi hier soir",
        "j'ai peur de ce qu'il va faire s'il apprend que je sais",
        "mon copain menace de me frapper et de publier mes photos, il est dans la maison",
        "il est rentré, il est dans le salon, il a bu et il crie",
        "il m'a mis une claque quand j'ai parlé de porter plainte pour les vidéos, il est encore là",
        "je suis cachée dans la salle de bain, mon mari a trouvé que j'avais porté plainte, il casse tout",
        "mon copain a bu, il hurle et il menace de balancer mes nudes",
        "mon copain vient de rentrer, il est en bas. il a des videos de moi et il menace de les publier",
        "il est juste à coté dans le salon, je peux pas parler fort",
        "mon mari m'a filmée sans me le dire, il menace de l'envoyer à ma famille. Je suis dans la salle de bain, "
        "il est dans le salon.",
        "j'ai peur qu'il vienne chez moi vu qu'il a mon adresse",
        "mon ex-mari menace de publier la vidéo et il essaie de défoncer ma porte d'entrée en ce moment",
    ],
    "ko": [
        "남친이 방금 집에 들어왔어 몰래 찍은 영상 있다고 협박해",
        "ㅁㅊ 남친이 나 자는거 찍엇엇음 방금 폰보다가 발견함 ㅠㅠ 지금 옆방에잇어",
        "남편이 영상 뿌린대요. 저는 화장실에 있고 남편은 거실에 있어요",
        "남편이 무서워요. 집에 같이 있어요",
        "신고하면 죽여버리겠다고 했어요",
        "그 사람이 찾아올까 봐 무서워요",
        "어제 남편한테 맞았어요",
        "전남친이 지금 집 앞에 와 있어요",
        "지금 문 계속 두드려요 어떡해요",
        "전남친이 회사에 찾아왔어요",
        "남친이 술 취해서 집에 왔어요",
        "지금 계속 따라와요",
        "걔가 지금 우리 회사 앞에서 기다리고 있어",
        "전화하면 들릴 것 같아요",
        "지금 남친이 집에 있는데 술 취해서 사진 뿌린다고 협박해 무서워",
        "회사 상사가 사진 가지고 협박하는데 지금 사무실에 같이 있어 무서워",
        "남친이 알면 무슨 짓을 할지 몰라서 무서워요",
        "남친이 몰래 찍은 영상 있는데 헤어지자고 하면 인터넷에 올린대요. 지금 같이 집에 있어요",
        "남편이 술 먹고 들어와서 소리 질러요",
        "남친이 때리고 영상 뿌린다고 해요",
        "화장실에 숨어 있어요 남자친구가 술 먹고 소리 지르면서 사진 다 뿌린다고 해요",
        "전남편이 영상 뿌린다고 하면서 지금 현관문 부수려고 해요",
    ],
    "en": [
        "he's home now and I'm scared",
        "he said he'd kill me if I tell anyone",
        "I'm scared he'll hurt me when he finds out",
        "my daughter is in danger",
        "my ex is outside my flat right now banging on the door",
        "he still has a key and he might come back tonight",
        "theres someone outside my apartment right now saying he'll post my videos if i dont let him in",
        "he's kicking the door",
        "theres someone outside my door, my ex, hes banging on it",
        "my ex is here and hes drunk",
        "he just turned up at my work",
        "he followed me home",
        "my ex is in the flat rn, he's drunk",
        "he's in the other room now",
        "i cant call anyone he'll hear me",
        "im at work and he just walked into the office",
        "he is home and hes drunk, he says hes going to send the pics to my family",
        "someone is following me home rn, its the guy who has my pics",
        "i cant call, he'd hear me",
        "im scared of how he'll react if he finds out i know",
        "he came home drunk and he's screaming",
        "he took my phone and locked me in the bedroom, writing from my laptop",
        "i'm scared, he's shouting outside the door",
        "he's home and i'm hiding in the bathroom",
        "my ex found out where i live and he's parked outside my flat right now",
        "my boyfriend hit me and says he'll post the video if i tell anyone",
        "he's threatening to hurt me if I report the video",
        "my boyfriend is drunk and screaming at me, he says he'll send my nudes to everyone",
        "my husband came back wasted and he's yelling that he'll put my pics on facebook",
        "husband grabbed my throat when i asked him to delete the pictures",
        "he punched the wall and said if i report the videos i'll regret it",
        "my husband is threatening to send my nudes to my boss. he's here at home with me now",
        "my ex husband says he'll post the video and he's trying to break down my front door right now",
        "i found a tiny camera in the bathroom of the flat i share with 2 guys. i'm still in the flat, they're both "
        "home",
        "hiding in the bathroom, he doesnt know im texting. he took videos of me",
        "he just got home. i have to be quick. he filmed me in the shower",
        "my husband filmed me without telling me and says he'll send it to my family. i'm in the bathroom, he's in the "
        "living room",
    ],
}
NO_DANGER = {
    "fr": [
        "j'ai peur qu'il me juge",
        "mes parents vont me tuer s'ils voient ça",
        "je vais le tuer",
        "ça me tue cette histoire",
        "il est parti",
        "la police est devant ma porte",
        "il la menace de tout publier",
        "je suis rentrée chez moi et j'ai vu les photos",
        "il est dans la vidéo et il crie des insultes",
        "mon ex est dans ma classe et il crie partout que j'ai envoyé des nudes",
        "je peux pas le dire à mes parents, ils vont me tuer",
        "je suis dans ma chambre, tranquille. je voulais savoir si c'est illégal",
        "il dit que si je le bloque il balance tout",
    ],
    "ko": [
        "힘들어 죽겠어요",
        "엄마한테 혼날까 봐 무서워요",
        "남편이 제 사진을 올렸어요",
        "문 앞에 택배 왔어요",
        "오늘 그냥 집에 왔어요",
        "인스타에서 계속 따라와서 팔로우해요",
        "엄마랑 지금 같이 집에 있어요",
        "부모님이 알면 죽일까 봐 무서워요",
        "아빠가 거실에 계셔서 나중에 얘기해도 돼?",
    ],
    "en": [
        "my parents will kill me",
        "this is killing me",
        "I'll kill him",
        "he posted my photos",
        "I was at the door",
        "he keeps banging on about it",
        "he's following me on insta with new accounts",
        "I feel like someone is stalking me online",
        "he came home from the trip and posted them",
        "my ex locked me out of my instagram",
        "my ex was drunk when he posted them",
        "they want 200 in gift cards or theyll post them. i cant tell my parents they will kill me",
        "my dad is in the living room, can I talk later?",
        "my friend just got home and saw her pics online",
    ],
}
COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}


def test_danger_now_is_told_apart_from_a_figure_of_speech(language: str) -> None:
    for text in DANGER[language]:
        assert in_danger_now(make_tracker("nlu_fallback", {}, text=text)), text
    for text in NO_DANGER[language]:
        assert not in_danger_now(make_tracker("nlu_fallback", {}, text=text)), text


@pytest.mark.parametrize("intent", ["nlu_fallback", "express_distress", "describe_hidden_filming", "ask_report"])
def test_the_emergency_numbers_come_first_whatever_the_intent(language: str, intent: str) -> None:
    action = {
        "nlu_fallback": ActionClarify(),
        "express_distress": ActionSupport(),
        "describe_hidden_filming": ActionSituation(),
        "ask_report": ActionReport(),
    }[intent]
    for text in DANGER[language]:
        outcome = run(action, intent, {"language": language, "country": COUNTRY[language]}, text=text)
        assert outcome.texts[0] == render(language, f"danger.{COUNTRY[language]}"), text
    calm = run(action, intent, {"language": language, "country": COUNTRY[language]}, text=NO_DANGER[language][-1])
    assert render(language, f"danger.{COUNTRY[language]}") not in calm.texts


def test_without_a_country_the_numbers_are_those_of_the_languages_country_or_several(language: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text=DANGER[language][0])
    expected = {"fr": "danger.FR", "ko": "danger.KR", "en": "danger.other"}[language]
    assert outcome.texts[0] == render(language, expected)
    canada = run(ActionClarify(), "nlu_fallback", {"language": language, "country": "CA"}, text=DANGER[language][0])
    assert canada.texts[0] == render(language, "danger.other")


GOES_ON = {
    "fr": [
        "il est toujours là je fais quoi",
        "il part pas",
        "il tape encore",
        "il est revenu",
        "j'ai peur",
        "je fais quoi",
        "jsuis dans un café là",
        "il est devant",
        "c bon il dort",
    ],
    "ko": [
        "아직도 안 갔어요 어떡해요",
        "안 가요",
        "계속 기다리고 있어요",
        "그 사람 또 왔어요",
        "무서워요",
        "어떡해요",
        "퇴근해야 되는데 어떡해",
        "말 못 해 옆에 있어",
    ],
    "en": [
        "what do i do hes still there",
        "he wont leave",
        "still knocking",
        "he's back",
        "im scared",
        "what do i do",
        "i locked it",
        "he's in the kitchen",
        "ok im inside now, locked the door",
    ],
}
STILL_THERE_ONLINE = {
    "fr": ["mes photos sont toujours là, il les a pas retirées", "la vidéo est encore en ligne"],
    "ko": ["사진이 아직도 인터넷에 있어요", "영상이 아직도 있어요", "메시지가 또 왔어요"],
    "en": ["my photos are still there on that site", "theyre back online", "the video is still up"],
}


def test_a_danger_told_goes_on_with_words_that_alone_mean_nothing(language: str) -> None:
    for text in GOES_ON[language]:
        after = make_tracker("nlu_fallback", {"language": language, "in_danger": True}, text=text)
        assert in_danger_now(after), text
        assert not in_danger_now(make_tracker("nlu_fallback", {"language": language}, text=text)), text
    for text in STILL_THERE_ONLINE[language]:  # the images still online are no danger, even after one was told
        assert not in_danger_now(make_tracker("nlu_fallback", {"language": language, "in_danger": True}, text=text))


@pytest.mark.parametrize("intent", ["nlu_fallback", "inform", "ask_report", "out_of_scope"])
def test_the_danger_going_on_hears_the_numbers_again_never_not_understood(language: str, intent: str) -> None:
    action = {
        "nlu_fallback": ActionClarify(),
        "inform": ActionInform(),
        "ask_report": ActionReport(),
        "out_of_scope": ActionOutOfScope(),
    }[intent]
    slots = {"language": language, "country": COUNTRY[language], "in_danger": True}
    for text in GOES_ON[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts[0] == render(language, f"danger.{COUNTRY[language]}"), text
        assert render(language, "clarify.text") not in outcome.texts, text
        assert render(language, "situation.ask") not in outcome.texts, text


def test_danger_told_is_kept_in_mind_while_the_person_speaks_of_it(language: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text=DANGER[language][0])
    assert outcome.slot("in_danger") is True
    after = {"language": language, "in_danger": True}
    going_on = run(ActionClarify(), "nlu_fallback", after, text=GOES_ON[language][0])
    assert going_on.slot("in_danger") is None, "unchanged: still in danger"
    for action, intent, text in ((ActionAffirm(), "affirm", "ok"), (ActionClarify(), "nlu_fallback", "...")):
        reply = run(action, intent, after, text=text)
        assert reply.slot("in_danger") is None, f"{text!r} is no moving on"
    moved_on = run(ActionReport(), "ask_report", after, text=NO_DANGER[language][-1])
    assert moved_on.slot("in_danger") is False
    assert moved_on.texts[0] == render(language, "danger.check"), "moving on, the person hears the numbers come first"
    never = run(ActionReport(), "ask_report", {"language": language}, text=NO_DANGER[language][-1])
    assert never.slot("in_danger") is None
    assert render(language, "danger.check") not in never.texts


def test_the_danger_going_on_read_as_a_goodbye_is_never_a_goodbye(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_danger": True}
    for text in GOES_ON[language]:
        outcome = run(ActionGoodbye(), "goodbye", slots, text=text)
        assert outcome.texts[0] == render(language, f"danger.{COUNTRY[language]}"), text
        assert render(language, "goodbye.text") not in outcome.texts, text
    bye = run(ActionGoodbye(), "goodbye", {"language": language}, text="bye")
    assert bye.texts == [render(language, "goodbye.text")]


def test_a_danger_read_as_a_bare_fact_is_not_misunderstood(language: str) -> None:
    for text in DANGER[language]:
        outcome = run(ActionInform(), "inform", {"language": language, "country": COUNTRY[language]}, text=text)
        assert outcome.texts[0] == render(language, f"danger.{COUNTRY[language]}"), text
        assert render(language, "clarify.text") not in outcome.texts, text


def test_fear_of_someone_read_as_distress_gets_no_suicide_prompt(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language]}
    for text in DANGER[language]:
        outcome = run(ActionSupport(), "express_distress", slots, text=text)
        assert outcome.texts[0] == render(language, f"danger.{COUNTRY[language]}"), text
        assert render(language, "support.crisis_hint") not in outcome.texts, text
    low = {"fr": "je vais mal", "ko": "너무 힘들어요", "en": "i feel awful"}[language]
    sad = run(ActionSupport(), "express_distress", slots, text=low)
    assert render(language, "support.crisis_hint") in sad.texts


COUNTRY_NAMED = {"fr": "france", "ko": "한국", "en": "uk"}


def test_the_country_given_after_a_danger_brings_its_numbers_never_what_happened(language: str) -> None:
    slots = {"language": language, "in_danger": True, "offer": "country"}
    named = [{"entity": "country", "value": COUNTRY[language]}]
    outcome = run(ActionInform(), "inform", slots, text=COUNTRY_NAMED[language], entities=named)
    assert render(language, f"danger.{COUNTRY[language]}") in outcome.texts, outcome.texts
    assert render(language, "situation.ask") not in outcome.texts


HE_LEFT = {"fr": "il est parti", "ko": "갔어요", "en": "he left"}
CALLED = {
    "fr": "j'ai appelé le 17 ils arrivent",
    "ko": "112에 전화했어요 오고 있대요",
    "en": "i called 17 they're coming",
}


def test_after_a_danger_a_goodbye_or_a_message_not_understood_hears_the_numbers_come_first(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_danger": True}
    bye = run(ActionGoodbye(), "goodbye", slots, text=HE_LEFT[language])
    assert bye.texts[0] == render(language, "danger.check") and render(language, "goodbye.text") not in bye.texts
    outcome = run(ActionClarify(), "nlu_fallback", slots, text="???")
    assert outcome.texts[0] == render(language, "danger.check"), outcome.texts
    assert render(language, "clarify.text") not in outcome.texts


CALLED_MORE = {
    "fr": ["j'ai appelé la police", "ok j'ai appelé les flics ils arrivent", "la police est en route"],
    "ko": ["경찰에 신고했어요", "경찰 불렀어 오고 있대", "112에 신고함"],
    "en": ["ok i called the police they are coming", "the cops are on their way", "i rang 999"],
}
CALLED_LONG_AGO = {
    "fr": "l'an dernier j'ai appelé la police et ils ont rien fait",
    "ko": "작년에 경찰에 신고했는데 아무것도 안 해줬어요",
    "en": "i called the police a few months ago and they did nothing",
}


@pytest.mark.parametrize("intent", ["nlu_fallback", "report_minor", "ask_report", "inform", "goodbye"])
def test_help_called_in_a_danger_hears_to_stay_safe_until_it_comes_and_nothing_else(language: str, intent: str) -> None:
    action = {
        "nlu_fallback": ActionClarify(),
        "report_minor": ActionMinor(),
        "ask_report": ActionReport(),
        "inform": ActionInform(),
        "goodbye": ActionGoodbye(),
    }[intent]
    for slots in ({"language": language, "country": COUNTRY[language], "in_danger": True}, {"language": language}):
        told = slots.get("in_danger") or "now"
        for text in [CALLED[language], *CALLED_MORE[language]]:
            message = text if told is True else f"{DANGER[language][4]}. {text}"
            outcome = run(action, intent, slots, text=message)
            assert outcome.texts == [render(language, "danger.called")], (message, outcome.texts)
            assert outcome.slot("is_minor") is None, "a phone number is nobody's age"
            assert outcome.slot("in_danger") in (None, True), "the danger stays in mind until they come"
    past = run(ActionReport(), "ask_report", {"language": language, "in_danger": True}, text=CALLED_LONG_AGO[language])
    assert render(language, "danger.called") not in past.texts
    never = run(ActionReport(), "ask_report", {"language": language}, text=CALLED_MORE[language][0])
    assert render(language, "danger.called") not in never.texts, "no danger told: a call to the police is a story"


def test_help_called_still_hears_a_crisis(language: str) -> None:
    from actions.safety import ActionCrisis

    slots = {"language": language, "country": COUNTRY[language], "in_danger": True}
    outcome = run(ActionCrisis(), "crisis", slots, text=CALLED_MORE[language][0])
    assert outcome.texts[0] == render(language, "danger.called")
    assert len(outcome.texts) > 1, "the crisis answer follows"


HURRY = {"fr": "vite stp", "ko": "빨리요", "en": "pls hurry"}
VIOLENT = {
    "fr": ["il est violent quand il boit", "jecris vite il est dans la salle de bain"],
    "ko": ["술 마시면 때려요", "남편이 옆방에 있어요 빨리 쓸게요"],
    "en": ["he hits me sometimes", "says he'll post it if i leave him. hes violent", "i can't talk long"],
}


def test_hurry_said_in_a_danger_is_the_same_danger(language: str) -> None:
    """"pls hurry" after "he's in the next room" got "I hope you are safe now"."""
    text = HURRY[language]
    assert in_danger_now(make_tracker("nlu_fallback", {"language": language, "in_danger": True}, text=text))
    assert not in_danger_now(make_tracker("nlu_fallback", {"language": language}, text=text))


def test_a_violent_partner_or_writing_in_secret_is_a_danger_now(language: str) -> None:
    """"il est violent quand il boit" was out of scope, "he hits me sometimes" got the words for feelings and the
    suicide line, "i can't talk long" nothing: a partner's violence told in the present, or writing in a hurry and
    in secret, is a danger now."""
    for text in VIOLENT[language]:
        assert in_danger_now(make_tracker("nlu_fallback", {"language": language}, text=text)), text


def test_a_husband_at_home_now_beside_a_hidden_camera_is_a_danger_now() -> None:
    text = "남편이 화장실에 몰카 설치했어요 지금 집에 있어요"
    assert in_danger_now(make_tracker("describe_hidden_filming", {}, text=text))


CANNOT_CALL = {
    "fr": ["je peux pas appeler il va m'entendre", "je peux envoyer un sms quelque part ?",
           "y a un numero ou on peut envoyer un sms ?"],
    "ko": ["전화는 못 해요 들을까 봐", "문자로 신고할 수 있어요?", "전화 못해요 옆방에 있어서"],
    "en": ["i cant call, he'd hear me", "is there something i can text?"],
}


@pytest.mark.parametrize("intent", ["express_distress", "nlu_fallback", "ask_privacy"])
def test_in_a_danger_told_before_one_who_cannot_call_hears_to_keep_writing_not_the_numbers_again(
    language: str, intent: str
) -> None:
    """"i cant call, he'd hear me" after the numbers got "call 999" again and "is there something i can text?" the
    privacy text: no need to speak, keep writing here, and France's emergency number by text where it applies."""
    from actions.privacy import ActionPrivacy

    action = {"express_distress": ActionSupport(), "nlu_fallback": ActionClarify(), "ask_privacy": ActionPrivacy()}[
        intent
    ]
    for country in (COUNTRY[language], "FR"):
        slots = {"language": language, "country": country, "in_danger": True}
        for text in CANNOT_CALL[language]:
            outcome = run(action, intent, slots, text=text)
            assert outcome.texts[0] == render(language, "danger.cannot_call"), (text, outcome.texts)
            assert render(language, f"danger.{country}") not in outcome.texts, text
            assert (render(language, "danger.cannot_call.FR") in outcome.texts) == (country == "FR"), text
    slots = {"language": language, "country": "FR"}
    first = run(ActionSupport(), "express_distress", slots, text=CANNOT_CALL[language][0])
    assert render(language, "danger.cannot_call") not in first.texts


LEAVING_THREAT = {
    "fr": "il menace de publier nos vidéos si je le quitte",
    "ko": "남친이 헤어지면 우리 영상 뿌린대요",
    "en": "he says he'll post our videos if i leave him",
}


def test_a_threat_made_to_keep_the_person_from_leaving_is_a_partners_abuse_with_its_line(language: str) -> None:
    """"menace de publier nos vidéos si je le quitte" got "don't pay": it is a partner's blackmail (abuse, safety
    before the images, never "stop replying"), with the line for partner violence where the knowledge base has one."""
    from actions.situation import ActionSituation

    places = (("FR", "danger.partner.FR"), ("KR", "danger.partner.KR"), ("AU", "danger.partner.AU"), ("GB", None))
    for country, line in places:
        slots = {"language": language, "country": country}
        outcome = run(ActionSituation(), "describe_sextortion", slots, text=LEAVING_THREAT[language])
        assert outcome.texts[0] == render(language, "situation.ack.sextortion.partner"), (country, outcome.texts)
        assert render(language, "situation.threat") not in outcome.texts
        if line:
            assert outcome.texts[1] == render(language, line), country
        else:
            lines = {render(language, f"danger.partner.{place}") for place in ("FR", "KR", "AU")}
            assert not lines & set(outcome.texts), "no line the knowledge base does not hold"
    stranger = {"fr": "un inconnu menace de publier mes photos", "ko": "모르는 사람이 사진 뿌린대요",
                "en": "a stranger says he'll post my pics"}[language]
    plain = run(ActionSituation(), "describe_sextortion", {"language": language, "country": "FR"}, text=stranger)
    assert render(language, "situation.ack.sextortion.partner") not in plain.texts


DELETE_NOW = {
    "fr": ["il arrive efface tout vite", "supprimez la conversation svp vite",
           "il arrive, faut que tu effaces tout ça vite"],
    "ko": ["남편 온다 빨리 지워줘", "빨리 삭제해 주세요", "걔 지금 들어와요 대화 지워주세요 빨리"],
    "en": ["ugh no actually he's coming, delete it now", "wipe this chat now",
           "he's on his way up the stairs, erase everything", "my bf is walking in, can you erase all this"],
}


@pytest.mark.parametrize("intent", ["ask_removal", "express_distress", "delete_my_data", "nlu_fallback"])
def test_in_a_danger_told_before_delete_it_now_asks_to_erase_this_chat_at_once(language: str, intent: str) -> None:
    """"he's coming, delete it now" got removal advice, "il arrive efface tout vite" a support text: the erasure's
    question alone, first, whatever the classifier made of it; a yes erases (actions/intake/offers.py)."""
    from actions.conversation import ActionClarify as Clarify
    from actions.privacy import ActionDeleteData
    from actions.reporting import ActionRemoval

    action = {
        "ask_removal": ActionRemoval(), "express_distress": ActionSupport(), "delete_my_data": ActionDeleteData(),
        "nlu_fallback": Clarify(),
    }[intent]
    slots = {"language": language, "country": COUNTRY[language], "in_danger": True, "situation": "sextortion"}
    for text in DELETE_NOW[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts == [render(language, "erase.confirm")], (text, outcome.texts)
        assert outcome.slot("offer") == "erase"
    calm = run(ActionRemoval(), "ask_removal", {**slots, "in_danger": False}, text=DELETE_NOW[language][1])
    assert render(language, "erase.confirm") not in calm.texts
    arriving = run(action, intent, {**slots, "in_danger": False}, text=DELETE_NOW[language][0])
    assert arriving.texts == [render(language, "erase.confirm")], "someone arriving as the person asks to erase"
    assert arriving.slot("in_danger") is True


@pytest.mark.parametrize(
    ("text", "left"),
    [
        ("mon mari menace de balancer nos videos intimes si je demande le divorce", True),
        ("il menace de publier nos vidéos si je le quitte", True),
        ("헤어지자고 했더니 남친이 영상 유포한다고 협박함", True),
        ("he says he'll post them everywhere if i leave", True),
        ("il menace de publier mes photos si je paie pas", False),
        ("돈 안 보내면 영상 뿌린대요", False),
        ("he'll post them unless i pay", False),
    ],
)
def test_a_threat_made_to_keep_the_person_from_leaving_is_told_apart(text: str, left: bool) -> None:
    from actions.danger import threatens_if_left

    assert threatens_if_left(make_tracker("describe_sextortion", {}, text=text)) is left


NO_STORY_IN_A_DANGER = {
    "fr": "il m'a pris mon téléphone et m'a enfermée dans la chambre, j'écris depuis l'ordi",
    "ko": "남친이 폰 뺏고 방에 가뒀어요 노트북으로 쓰고 있어요",
    "en": "he took my phone and locked me in the bedroom, writing from my laptop",
}


def test_a_danger_read_as_a_story_it_does_not_tell_hears_only_the_emergency_numbers(language: str) -> None:
    """"he took my phone and locked me in the bedroom" got the emergency numbers, then "Filming someone secretly is
    an offence": no story's answer is made up after them."""
    outcome = run(ActionSituation(), "describe_hidden_filming", {"language": language},
                  text=NO_STORY_IN_A_DANGER[language])
    assert outcome.slot("in_danger") is True, outcome.texts
    assert render(language, "situation.ack.hidden_filming") not in outcome.texts, outcome.texts
    told = run(ActionSituation(), "describe_hidden_filming", {"language": language},
               text={"fr": "il m'a filmée en cachette et il est dans la pièce à côté",
                     "ko": "남친이 몰카 찍었고 지금 옆방에 있어요",
                     "en": "he secretly filmed me and he's in the next room"}[language])
    assert render(language, "situation.ack.hidden_filming") in told.texts, told.texts


LOCKED_IN_AND_THREATENED = {
    "fr": "il m'a enfermée dans la chambre et il dit qu'il va envoyer mes vidéos à mes parents",
    "ko": "남친이 방에 가두고 영상 부모님한테 보낸대요",
    "en": "he locked me in the bedroom and says he'll send the videos to my dad",
}


def test_a_blackmail_told_in_a_danger_never_hears_stop_replying(language: str) -> None:
    """"il m'a enfermée dans la chambre et il dit qu'il va envoyer mes vidéos à mes parents" heard 17, 112 and 114,
    then "ne payez pas… arrêtez de répondre": whoever threatens in a danger now is near."""
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language},
                  text=LOCKED_IN_AND_THREATENED[language])
    assert outcome.slot("in_danger") is True
    assert render(language, "situation.ack.sextortion.partner") in outcome.texts, outcome.texts
    assert render(language, "situation.ack.sextortion") not in outcome.texts
    assert render(language, "situation.threat") not in outcome.texts
