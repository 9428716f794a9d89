"""A conversation that has signalled a crisis stays in that context.

The follow-ups are answered with it in mind: never "I'm not sure I understood", never "if you
ever think about ending your life, tell me"; every answer that waits for the person ends with
the crisis line and the priority handoff, and a yes asks for the person.
"""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionDeny, ActionGoodbye
from actions.reporting import ActionReport
from actions.safety import ActionCrisis, ActionSupport
from actions.situation import ActionSituation
from content.knowledge import contact
from content.texts import render
from tests.actions.conftest import run, spoken

FOLLOW_UPS = {
    "fr": "ils veulent 300 euros avant ce soir, je fais quoi",
    "ko": "오늘 밤까지 돈 30만 원 보내래요 어떻게 해요",
    "en": "they want £300 by tonight, what do I do",
}
COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}


def test_the_crisis_message_offers_a_person_first(language: str) -> None:
    outcome = run(ActionCrisis(), "crisis", {"language": language, "country": COUNTRY[language]})
    assert outcome.slot("in_crisis") is True and outcome.slot("offer") == "human"
    assert outcome.payloads[0] == "/request_human"
    assert render(language, "crisis.reminder", line="x").split("x")[0] not in outcome.text


def test_a_follow_up_the_classifier_missed_is_read_with_the_crisis_in_mind(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=FOLLOW_UPS[language])
    assert render(language, "clarify.text") not in outcome.text
    assert render(language, "situation.ack.sextortion") in outcome.texts
    line = contact(f"{COUNTRY[language]}.crisis").value
    assert outcome.texts[-1] == render(language, "crisis.reminder", line=line)
    assert outcome.messages[-1]["buttons"][0]["payload"] == "/request_human"
    assert outcome.slot("situation") == "sextortion" and outcome.slot("offer") == "human"


def test_without_a_country_the_reminder_points_back_to_the_lines_given(language: str) -> None:
    slots = {"language": language, "in_crisis": True}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text="hmm")
    assert outcome.texts == [render(language, "crisis.listening"), render(language, "crisis.reminder.unknown")]


NO_ONE_CAN_HELP = {"fr": "personne peut rien faire pour moi", "ko": "아무도 못 도와줘", "en": "no one can help me"}


def test_despair_after_a_crisis_stays_with_the_crisis_not_what_happened(language: str) -> None:
    """"No one can help me" after a crisis message: listening and the line, never "what happened?" with buttons."""
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=NO_ONE_CAN_HELP[language])
    assert outcome.texts[0] == render(language, "crisis.listening")
    assert render(language, "situation.ask") not in outcome.texts
    assert outcome.texts[-1] == render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value)


def test_support_after_a_crisis_never_pretends_it_was_not_said(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionSupport(), "express_distress", slots)
    assert render(language, "support.crisis_hint") not in outcome.texts
    assert render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value) in outcome.texts
    before = run(ActionSupport(), "express_distress", {"language": language, "country": COUNTRY[language]})
    assert render(language, "support.crisis_hint") in before.texts


@pytest.mark.parametrize("action", [ActionSituation(), ActionGoodbye()])
def test_every_answer_that_waits_for_the_person_keeps_the_line_offered(language: str, action: object) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(action, "describe_sextortion", slots)  # type: ignore[arg-type]
    assert outcome.texts[-1] == render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value)


def test_after_a_crisis_the_country_question_leaves_the_reminder_last(language: str) -> None:
    """The country question is no yes/no question: the reminder still ends the answer, and a yes asks for a person."""
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language, "in_crisis": True})
    assert render(language, "country.ask") in outcome.texts
    assert outcome.texts[-1] == render(language, "crisis.reminder.unknown")
    assert outcome.slot("offer") == "human"


def test_no_after_the_offer_of_a_person_is_respected(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True, "offer": "human"}
    outcome = run(ActionDeny(), "deny", slots)
    assert outcome.texts[0] == render(language, "handoff.declined")
    assert render(language, "clarify.text") not in outcome.text


def test_without_a_crisis_nothing_is_added(language: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text="hmm")
    assert outcome.texts == [render(language, "clarify.text")]


def test_a_yes_no_question_stays_the_last_thing_said(language: str) -> None:
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    outcome = run(ActionReport(), "ask_report", slots)
    reminder = render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value)
    assert outcome.texts[-2] == reminder
    assert outcome.slot("offer") == "intake"
    assert outcome.texts[-1] == render(language, "intake.offer")


SHORT_REPLIES = {"fr": ["ok", "non", "d'accord"], "ko": ["ㅇㅇ", "아니", "네"], "en": ["no", "ok", "yeah"]}


def test_a_short_reply_after_a_crisis_hears_relais_listen_never_the_menu(language: str) -> None:
    """"no", "ok", "ㅇㅇ" after the crisis line, with nothing asked: listening and the line, not the legal topics."""
    from actions.conversation import ActionAffirm

    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    for text in SHORT_REPLIES[language]:
        for action, intent in ((ActionAffirm(), "affirm"), (ActionDeny(), "deny")):
            outcome = run(action, intent, slots, text=text)
            assert outcome.texts[0] == render(language, "crisis.listening"), (text, outcome.texts)
            assert render(language, "next.prompt") not in outcome.texts
    plain = run(ActionDeny(), "deny", {"language": language}, text=SHORT_REPLIES[language][0])
    assert plain.texts == [render(language, "next.prompt")], "without a crisis, the menu"


CANNOT_CALL = {
    "fr": ["je peux pas appeler", "j'ai pas la force d'appeler", "jpeux pas appeler ya mes parents a coté"],
    "ko": ["전화는 못하겠어", "전화하기 무서워요", "통화는 좀 못 하겠어요 엄마가 들을까 봐"],
    "en": [
        "i cant call anyone",
        "i'm too scared to call",
        "i don't want to call",
        "i cant call anyone my parents will hear",
    ],
}


@pytest.mark.parametrize("intent", ["express_distress", "nlu_fallback", "deny", "ask_report"])
def test_after_a_crisis_one_who_cannot_call_hears_there_is_no_need_and_what_can_be_written_to(
    language: str, intent: str
) -> None:
    from actions.conversation import ActionDeny as Deny

    action = {"express_distress": ActionSupport(), "nlu_fallback": ActionClarify(), "deny": Deny()}.get(
        intent, ActionReport()
    )
    unknown = {"language": language, "in_crisis": True}
    for slots in (unknown, {**unknown, "country": COUNTRY[language]}):
        for text in CANNOT_CALL[language]:
            outcome = run(action, intent, slots, text=text)
            assert outcome.texts == [spoken(language, "crisis.cannot_call")], (text, outcome.texts)
    before = run(ActionSupport(), "express_distress", {"language": language}, text=CANNOT_CALL[language][0])
    assert spoken(language, "crisis.cannot_call") not in before.texts, "no crisis told: no crisis answer"


DESPAIR = {
    "fr": ["c'est fini pour moi", "tout est foutu", "ma vie est finie"],
    "ko": ["걍 다 끝났어", "인생 망했어", "희망이 없어요"],
    "en": ["it's all over", "my life is over", "i give up"],
}


@pytest.mark.parametrize("intent", ["goodbye", "nlu_fallback", "affirm", "deny", "inform", "out_of_scope"])
def test_despair_read_as_a_goodbye_or_nothing_is_answered_as_distress(language: str, intent: str) -> None:
    from actions.conversation import ActionAffirm, ActionInform, ActionOutOfScope

    action = {
        "goodbye": ActionGoodbye(),
        "nlu_fallback": ActionClarify(),
        "affirm": ActionAffirm(),
        "deny": ActionDeny(),
        "inform": ActionInform(),
        "out_of_scope": ActionOutOfScope(),
    }[intent]
    for text in DESPAIR[language]:
        outcome = run(action, intent, {"language": language, "country": COUNTRY[language]}, text=text)
        assert outcome.texts[0] == render(language, "support.kind"), (text, outcome.texts)
        assert render(language, "support.crisis_hint") in outcome.texts, text
        for never in ("goodbye.text", "clarify.text", "out_of_scope.text"):
            assert not any(said.startswith(render(language, never)[:30]) for said in outcome.texts), (text, never)
    farewell = {"fr": "bonne soirée", "ko": "안녕히 계세요", "en": "bye"}[language]
    bye = run(ActionGoodbye(), "goodbye", {"language": language}, text=farewell)
    assert bye.texts == [render(language, "goodbye.text")]


SOMEONE_ELSES_CRISIS = {
    "fr": "Ma fille ne veut plus aller en cours, elle dit qu'elle veut disparaître",
    "ko": "딸이 죽고 싶대요 어떡해요",
    "en": "shes saying she wants to kill herself",
}
BOTH = {
    "fr": "mon amie veut se tuer et moi aussi je veux mourir",
    "ko": "친구가 죽고 싶대요 근데 저도 죽고 싶어요",
    "en": "my friend wants to kill herself and i want to die too",
}


@pytest.mark.parametrize("country", ["FR", "KR", "GB", "US", "AU", "CA", "IE", None])
def test_someone_elses_crisis_is_answered_about_them_and_the_writers_own_about_the_writer(
    language: str, country: str | None
) -> None:
    slots = {"language": language, "country": country}
    key = f"crisis.{country}" if country else "crisis.unknown"
    told = run(ActionCrisis(), "crisis", slots, text=SOMEONE_ELSES_CRISIS[language])
    assert told.texts[0].startswith(render(language, f"{key}.other")), told.texts[0]
    assert told.slot("in_crisis") is True
    own = run(ActionCrisis(), "crisis", slots, text=BOTH[language])
    assert own.texts[0].startswith(render(language, key)), "the writer's own wish comes first"


EASED = {
    "fr": [
        "non ça va aller en fait, je vais pas faire de bêtise, j'avais juste besoin de le dire",
        "je suis pas suicidaire",
    ],
    "ko": ["죽고싶다는 건 아니고요", "이제 좀 진정됐어요", "나쁜 생각은 안 할게요"],
    "en": ["i wont do anything stupid, i just needed to say it", "im ok now honestly"],
}


@pytest.mark.parametrize("intent", ["express_distress", "deny", "nlu_fallback"])
def test_safe_after_all_is_heard_and_the_line_is_no_longer_repeated(language: str, intent: str) -> None:
    """"Je vais pas faire de bêtise" after a crisis message got the suicide line again, and "진정됐어요" three more
    reminders: it is heard once (`crisis.eased`, which says the line is still there), and later answers stop
    repeating the line until a new crisis message."""
    action = {"express_distress": ActionSupport(), "deny": ActionDeny(), "nlu_fallback": ActionClarify()}[intent]
    slots = {"language": language, "country": COUNTRY[language], "in_crisis": True}
    reminder = render(language, "crisis.reminder", line=contact(f"{COUNTRY[language]}.crisis").value)
    for text in EASED[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts[0] == render(language, "crisis.eased"), (text, outcome.texts)
        assert reminder not in outcome.texts, text
        assert outcome.slot("crisis_eased") is True
    later = run(ActionReport(), "ask_report", {**slots, "crisis_eased": True}, text=FOLLOW_UPS[language])
    assert reminder not in later.texts and render(language, "crisis.eased") not in later.texts
    again = run(ActionCrisis(), "crisis", {**slots, "crisis_eased": True})
    assert again.slot("crisis_eased") is False
    before = run(ActionSupport(), "express_distress", {"language": language}, text=EASED[language][0])
    assert render(language, "crisis.eased") not in before.texts, "no crisis told: nothing eased"


CRISIS_AND_THREAT = {
    "fr": "il dit qu'il publie ma vidéo si je paie pas. j'ai juste envie de disparaître",
    "ko": "돈 안 보내면 영상 뿌린대요. 그냥 죽고 싶어요",
    "en": "he says he'll post my video unless i pay. i just want to disappear",
}


def test_a_blackmail_told_in_a_crisis_message_hears_its_steps_after_the_crisis_line(language: str) -> None:
    """The crisis line first, then don't pay and don't send more; the blackmail is no longer forgotten."""
    slots = {"language": language, "country": COUNTRY[language]}
    outcome = run(ActionCrisis(), "crisis", slots, text=CRISIS_AND_THREAT[language])
    assert outcome.texts[0] == spoken(language, f"crisis.{COUNTRY[language]}")
    assert render(language, "situation.threat") in outcome.texts
    assert outcome.slot("situation") == "sextortion"


HARM_DONE = {
    "fr": ("mon mec a diffusé mes photos. jen peux plus, jai pris des cachets", "et les cachets ça fait quoi"),
    "ko": ("사진 다 퍼졌어요 죽고싶어요 수면제 한움큼 먹었어요", "약 너무 많이 먹었나봐요"),
    "en": ("my ex posted my pics everywhere. i cant anymore, i just took a bunch of pills",
           "what happens with the pills tho, like 8 of them"),
}


def test_pills_taken_hear_medical_help_now_after_the_crisis_line_and_later(language: str) -> None:
    """"i just took a bunch of pills" got the listening lines and "you don't have to call": medical help now, even
    feeling fine, at the emergency number the knowledge base gives, else the local one with no number (Korea)."""
    story, later = HARM_DONE[language]
    keys = (("FR", "crisis.harm_done.FR"), ("GB", "crisis.harm_done.GB"), ("KR", "crisis.harm_done.other"))
    for country, key in keys:
        slots = {"language": language, "country": country}
        outcome = run(ActionCrisis(), "crisis", slots, text=story)
        assert outcome.texts[0] == spoken(language, f"crisis.{country}"), country
        assert outcome.texts[1] == render(language, key), (country, outcome.texts)
        after = run(ActionSupport(), "express_distress", {**slots, "in_crisis": True}, text=later)
        assert after.texts[0] == render(language, key), (country, after.texts)
    calm = run(ActionCrisis(), "crisis", {"language": language, "country": "FR"}, text=CRISIS_AND_THREAT[language])
    assert render(language, "crisis.harm_done.FR") not in calm.texts


EASED_AND_REMOVAL = {
    "fr": "c'est une façon de parler, je veux juste que les photos disparaissent",
    "ko": "죽고 싶단 건 아니에요 그냥 영상 지우고 싶어요",
    "en": "no im not going to do anything, i just want the video gone",
}


def test_safe_after_all_with_a_wish_that_the_images_go_is_heard_and_the_wish_answered(language: str) -> None:
    """"c'est une façon de parler, je veux juste que ça disparaisse" after the crisis line got "Merci de me le dire"
    and nothing else: the removal wish is answered after it."""
    slots = {"language": language, "country": "FR", "situation": "sharing", "in_crisis": True}
    outcome = run(ActionSupport(), "express_distress", slots, text=EASED_AND_REMOVAL[language])
    assert outcome.texts[0] == render(language, "crisis.eased"), outcome.texts
    assert render(language, "removal.intro") in outcome.texts, outcome.texts


HARM_FOLLOW_UPS = {
    "fr": ["genre 15 doliprane", "je veux pas aller aux urgences, mes parents vont savoir"],
    "ko": ["타이레놀 20알 정도 먹었어요", "응급실은 싫어요 부모님이 알아요"],
    "en": ["like 20 tylenol", "i dont want an ambulance my parents will find out"],
}


@pytest.mark.parametrize("intent", ["nlu_fallback", "crisis", "express_distress"])
def test_how_many_were_taken_or_no_ambulance_hears_medical_help_now_again(language: str, intent: str) -> None:
    """After "i took a bunch of pills", "like 20 tylenol" was not understood and "i dont want an ambulance my parents
    will find out" got the crisis block without the medical-help line."""
    action = {"nlu_fallback": ActionClarify(), "crisis": ActionCrisis(), "express_distress": ActionSupport()}[intent]
    slots = {"language": language, "country": "GB", "in_crisis": True}
    for text in HARM_FOLLOW_UPS[language]:
        outcome = run(action, intent, slots, text=text)
        assert render(language, "crisis.harm_done.GB") in outcome.texts, (text, outcome.texts)
        assert render(language, "clarify.text") not in outcome.texts
