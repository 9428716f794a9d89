"""The line a message's own words call for first: one only, the most pressing, and whether the answer follows
(actions/first_line.py)."""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionGoodbye, ActionOutOfScope
from actions.first_line import FIRST_LINES
from actions.offence import ActionOffence
from actions.privacy import ActionPrivacy
from actions.reply import RelaisAction
from actions.reporting import ActionRemoval, ActionReport
from actions.safety import ActionCrisis, ActionSupport
from actions.situation import ActionSituation
from actions.status import ActionStatus
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


DECLINES = {
    "fr": ["jprefere pas dire ou jhabite", "je préfère ne pas le dire", "c'est perso"],
    "ko": ["나라는 말하기 싫어요", "말 안 할래요", "알려주고 싶지 않아요"],
    "en": ["i'd rather not say where i live", "prefer not to say", "none of your business"],
}


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionClarify(), "nlu_fallback"), (ActionSupport(), "express_distress"), (ActionPrivacy(), "ask_privacy")],
)
def test_not_wanting_to_say_the_country_is_fine_and_general_guidance_follows(
    language: str, action: RelaisAction, intent: str
) -> None:
    """"i'd rather not say where i live" got the suicide line, "나라는 말하기 싫어요" words of comfort and the country
    question again: it is fine, the country is "another" (general guidance), and the journey goes on."""
    slots = {"language": language, "situation": "sextortion", "offer": "country"}
    for text in DECLINES[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts[0] == render(language, "country.declined"), (text, outcome.texts)
        assert outcome.slot("country") == "other", text
        assert outcome.slot("offer") != "country", text
        assert render(language, "support.crisis_hint") not in outcome.texts
    unasked = run(ActionClarify(), "nlu_fallback", {"language": language}, text=DECLINES[language][0])
    assert render(language, "country.declined") not in unasked.texts


NOT_TELLING_PARENTS = {
    "fr": "je veux pas le dire à mes parents",
    "ko": "근데 부모님한테는 말하기 싫음",
    "en": "i dont want to tell my parents",
}
WHY_THE_COUNTRY = {
    "fr": [
        "pourquoi vous voulez savoir mon pays",
        "pk vous avez besoin de ça",
        "pourquoi vous avez besoin de savoir ou j'habite, j'ai peur que ca se sache",
    ],
    "ko": ["왜 나라를 알아야 돼요?", "그건 왜요?"],
    "en": ["why do you need to know that", "what for?", "why do u need my country?? i just want this to stop"],
}


def test_not_wanting_to_tell_ones_parents_is_no_refusal_to_say_the_country(language: str) -> None:
    """A pupil at the country question: "근데 부모님한테는 말하기 싫음" led to general guidance as if the country were
    refused; it is the parents they keep it from."""
    slots = {"language": language, "situation": "sharing", "offer": "country"}
    outcome = run(ActionSupport(), "express_distress", slots, text=NOT_TELLING_PARENTS[language])
    assert render(language, "country.declined") not in outcome.texts
    assert outcome.texts[0] == render(language, "parents.not_told")
    assert outcome.slot("country") != "other"


@pytest.mark.parametrize(("action", "intent"), [(ActionPrivacy(), "ask_privacy"), (ActionClarify(), "nlu_fallback")])
def test_why_the_country_is_asked_is_answered_not_what_is_kept(
    language: str, action: RelaisAction, intent: str
) -> None:
    """"why do you need to know that" at the country question got the privacy text: it hears why (the law and the
    services depend on it) and how not to say, with the question's buttons."""
    slots = {"language": language, "situation": "sharing", "offer": "country"}
    for text in WHY_THE_COUNTRY[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts == [render(language, "country.ask.again")], (text, outcome.texts)
        assert outcome.slot("offer") == "country"
    unasked = run(ActionPrivacy(), "ask_privacy", {"language": language}, text=WHY_THE_COUNTRY[language][0])
    assert render(language, "country.ask.again") not in unasked.texts


AUTHOR_TOLD = {
    "fr": ["et si je porte plainte il va le savoir?", "il va savoir que c'est moi qui ai signalé ?"],
    "ko": ["가해자가 제가 신고한 거 알게 되나요?", "신고하면 걔가 알아요?"],
    "en": ["will he know i reported?", "will the guy find out it was me"],
}


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionStatus(), "ask_status"), (ActionPrivacy(), "ask_privacy"), (ActionReport(), "ask_report")],
)
def test_whether_the_person_who_did_it_will_know_is_answered_never_a_reference_asked(
    language: str, action: RelaisAction, intent: str
) -> None:
    """"will he know i reported?" was read as a report's status (a reference asked for, and the next message taken
    as one) or answered with what Relais keeps: nothing here is sent to that person."""
    slots = {"language": language, "situation": "sharing", "country": "FR"}
    for text in AUTHOR_TOLD[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts[0] == render(language, "found_out.author"), (text, outcome.texts)
        assert not outcome.slot("requested_slot") and outcome.slot("access_purpose") is None, text
        if intent != "ask_report":
            assert len(outcome.texts) == 1, outcome.texts


PARTNER_DANGER = {
    "fr": (
        "mon mari me menace de publier des videos de nous si je pars, il est violent, "
        "jai peur il est dans la piece a coté",
        "FR",
    ),
    "ko": ("남편이 영상 뿌린다고 협박해요 폭력적이라 무서워요 지금 옆방에 있어요", "KR"),
    "en": ("my boyfriend says he'll post the videos if i leave, he's violent and i'm scared, he's in the next room",
           "AU"),
}


def test_a_danger_from_a_partner_hears_the_line_for_partner_violence_after_the_emergency_numbers(
    language: str,
) -> None:
    text, country = PARTNER_DANGER[language]
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language, "country": country}, text=text)
    assert outcome.texts[0] == render(language, f"danger.{country}"), outcome.texts
    assert outcome.texts[1] == render(language, f"danger.partner.{country}"), outcome.texts
    stranger = {"fr": "un inconnu", "ko": "모르는 사람이", "en": "a stranger"}[language]
    alone = run(ActionClarify(), "nlu_fallback", {"language": language, "country": country}, text=f"{stranger} {text}")
    assert render(language, f"danger.partner.{country}") in alone.texts


BLOCK = {"fr": "et si je le bloque ?", "ko": "차단해도 돼요?", "en": "what if i just block him"}


def test_blocking_a_blackmailer_is_answered_with_the_steps_of_stopping_contact(language: str) -> None:
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    outcome = run(ActionOutOfScope(), "out_of_scope", slots, text=BLOCK[language])
    assert outcome.texts[0] == render(language, "sextortion.no_contact"), outcome.texts


WHAT_NOW = {"fr": "je dois faire quoi la", "ko": "이제 뭐 해야 돼요", "en": "what do i do now"}


def test_what_to_do_read_as_a_goodbye_is_answered_never_a_goodbye(language: str) -> None:
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    outcome = run(ActionGoodbye(), "goodbye", slots, text=WHAT_NOW[language])
    assert render(language, "goodbye.text") not in outcome.texts
    assert outcome.texts, "the steps of the story told"


WHETHER_TO_TELL = {
    "fr": ["je dois le dire à ma mère ?", "faut que j'en parle a mon prof ?"],
    "ko": ["선생님한테 말해야돼?", "엄마한테 말할까요?"],
    "en": ["should i tell my teacher", "do i have to tell my parents?"],
}


@pytest.mark.parametrize(
    ("action", "intent"), [(ActionPrivacy(), "ask_privacy"), (ActionClarify(), "nlu_fallback")]
)
def test_whether_to_tell_a_teacher_or_a_parent_is_theirs_to_choose_never_a_handoff(
    language: str, action: RelaisAction, intent: str
) -> None:
    """"선생님한테 말해야돼?" (a pupil) was read as asking for a person and got the handoff's text."""
    slots = {"language": language, "situation": "sharing", "is_minor": True, "country": "FR"}
    for text in WHETHER_TO_TELL[language]:
        outcome = run(action, intent, slots, text=text)
        assert outcome.texts == [render(language, "support.whether_to_tell")], (text, outcome.texts)
        assert outcome.slot("handoff_state") is None


JOURNEY_ASKED = {
    "fr": ("je peux le signaler ?", "report"),
    "ko": ("지울수있어요?", "removal"),
    "en": ("can i get it removed??", "removal"),
}


def test_a_journey_asked_in_a_message_not_understood_after_a_story_is_that_journey(language: str) -> None:
    """"지울수있어요?" after a story got "not understood"."""
    text, topic = JOURNEY_ASKED[language]
    slots = {"language": language, "situation": "sharing", "country": "FR"}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=text)
    asked = run({"report": ActionReport(), "removal": ActionRemoval()}[topic], f"ask_{topic}", slots, text=text)
    assert outcome.texts == asked.texts
    assert render(language, "clarify.text") not in outcome.texts


SHOULD_I_CALL_THE_POLICE = {"fr": "je dois appeler le 17 ?", "ko": "112에 전화하면 되나요?", "en": "should i call 101?"}


def test_whether_to_call_the_police_is_the_report_journey_never_not_understood(language: str) -> None:
    """A mother's "112에 전화하면 되나요?" after her child's blackmail was not understood."""
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=SHOULD_I_CALL_THE_POLICE[language])
    asked = run(ActionReport(), "ask_report", slots, text=SHOULD_I_CALL_THE_POLICE[language])
    assert outcome.texts == asked.texts


CRISIS_AND_MORE = {
    "fr": "je préfère pas dire où j'habite, de toute façon je veux mourir",
    "ko": "나라는 말하기 싫어요 그냥 죽고 싶어요",
    "en": "i'd rather not say where i live, i just want to die",
}


def test_the_crisis_line_comes_before_any_other_first_line(language: str) -> None:
    slots = {"language": language, "situation": "sextortion", "offer": "country"}
    outcome = run(ActionCrisis(), "crisis", slots, text=CRISIS_AND_MORE[language])
    assert render(language, "country.declined") not in outcome.texts[:1], outcome.texts
    assert outcome.texts[0].startswith(render(language, "crisis.unknown")[:20]), outcome.texts


NINTH = {
    "fr": [("je veux juste que ca soit supprimé, pas de police rien", {}, "report.no_complaint"),
           ("pk vous avez besoin de ca", {"offer": "country"}, "country.ask.again")],
    "ko": [("신고는 안할거고 그냥 삭제만 하고싶어요", {}, "report.no_complaint"),
           ("왜 필요해요?", {"offer": "country"}, "country.ask.again"),
           ("보내야돼요?", {"situation": "sextortion", "country": "KR"}, "sextortion.dont_pay"),
           ("얼마나 걸려요?", {"situation": "sharing", "country": "KR"}, "removal.time.KR")],
    "en": [("i want it deleted, nothing else, no police", {}, "report.no_complaint"),
           ("why do you need that", {"offer": "country"}, "country.ask.again"),
           ("how long does that take", {"situation": "sharing", "country": "US"}, "removal.time.US")],
}


def test_what_a_ninth_newcomer_was_not_understood_in_is_answered(language: str) -> None:
    """"i want it deleted, nothing else, no police" and "pk vous avez besoin de ca" (the country) got "not
    understood", "보내야돼요?" and "얼마나 걸려요?" the privacy text, "how long does that take" the refusal."""
    for text, slots, key in NINTH[language]:
        outcome = run(ActionClarify(), "nlu_fallback", {"language": language, **slots}, text=text)
        assert outcome.texts[0] == render(language, key), (text, outcome.texts)


SEEN = {
    "fr": ["jai peur qu il tombe sur la conversation", "il fouille mon tel"],
    "ko": ["남편이 핸드폰 볼까 봐요", "남편이 맨날 폰 검사해요"],
    "en": ["i'm scared he'll see this chat", "he checks my phone"],
}


def test_the_fear_that_someone_sees_this_chat_hears_how_to_leave_and_clear_it(language: str) -> None:
    """"i'm scared he'll see this chat" got the words for feelings: in the widget, its quick exit and clear button
    (their own labels), erasing on request and a private window; elsewhere, deleting the chat in the app."""
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    expected = render(
        language, "safety.seen.widget", exit=render(language, "web.quick_exit"), clear=render(language, "web.clear")
    )
    for text in SEEN[language]:
        widget = [{"event": "user", "text": text, "input_channel": "socketio"}]
        outcome = run(ActionClarify(), "nlu_fallback", slots, text=text, events=widget)
        assert outcome.texts == [expected], (text, outcome.texts)
        elsewhere = run(ActionClarify(), "nlu_fallback", slots, text=text)
        assert elsewhere.texts == [render(language, "safety.seen")], (text, elsewhere.texts)
        distress = run(ActionSupport(), "express_distress", slots, text=text, events=widget)
        assert distress.texts[0] == expected, (text, distress.texts)


def test_a_partners_blackmail_in_a_danger_hears_safety_before_the_images_never_stop_replying(language: str) -> None:
    """"mon mari menace de publier… il est dans la piece a coté" heard "don't pay, stop replying" after the
    emergency numbers: with someone who lives with the person, safety comes before the images."""
    text, country = PARTNER_DANGER[language]
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language, "country": country}, text=text)
    assert render(language, "situation.ack.sextortion.partner") in outcome.texts, outcome.texts
    assert render(language, "situation.ack.sextortion") not in outcome.texts
    assert render(language, "situation.threat") not in outcome.texts
    stranger = {"fr": "un inconnu me menace de publier mes photos", "ko": "모르는 사람이 사진 뿌린다고 협박해요",
                "en": "a stranger says he'll post my pics"}[language]
    calm = run(ActionSituation(), "describe_sextortion", {"language": language, "country": country}, text=stranger)
    assert render(language, "situation.ack.sextortion") in calm.texts


OFFERS_AN_IMAGE = {
    "fr": ["je peux vous envoyer la photo pour que vous voyiez de quoi je parle ?",
           "vous voulez que je vous transfère les captures d'écran des menaces ?"],
    "ko": ["사진 보내드릴까요? 보시면 아실 거예요", "캡처 보내도 돼요?"],
    "en": ["can i send you the pic so you can see what i mean?", "do you want me to send the screenshots",
           "want me to upload a screenshot of his messages so you can check it?"],
}


def test_an_offer_to_send_an_image_hears_plainly_not_to_send_it(language: str) -> None:
    """"je peux vous envoyer la photo…?" got the privacy text and "…les captures d'écran des menaces ?" a blackmail's
    steps: Relais never needs an image, and says so first, whatever the classifier made of the message."""
    slots = {"language": language, "situation": "sextortion", "country": "FR"}
    for text in OFFERS_AN_IMAGE[language]:
        for action, intent in ((ActionPrivacy(), "ask_privacy"), (ActionSituation(), "describe_sextortion"),
                               (ActionClarify(), "nlu_fallback")):
            outcome = run(action, intent, slots, text=text)
            assert outcome.texts == [render(language, "images.not_needed")], (text, intent, outcome.texts)
    police = {"fr": "je peux envoyer les captures à la police ?", "ko": "캡처를 경찰에 제출하면 되나요?",
              "en": "can i send the screenshots to the police?"}[language]
    asked = run(ActionClarify(), "nlu_fallback", slots, text=police)
    assert render(language, "images.not_needed") not in asked.texts


CURRENT_PARTNER_THREAT = {
    "fr": "mon mari a des vidéos de moi et il menace de les envoyer à ma famille",
    "ko": "남편이 제 영상 가지고 가족한테 보낸다고 협박해요",
    "en": "my husband has videos of me and threatens to send them to my family",
}


def test_a_blackmail_by_the_partner_one_is_with_is_abuse_never_stop_replying(language: str) -> None:
    """"mon mari… menace de les envoyer à ma famille" got "stop replying" (the stranger's steps) in French: a partner
    one lives with cannot be stopped replying to; an ex's blackmail keeps the steps."""
    outcome = run(ActionSituation(), "describe_sextortion", {"language": language, "country": "FR"},
                  text=CURRENT_PARTNER_THREAT[language])
    assert render(language, "situation.ack.sextortion.partner") in outcome.texts, outcome.texts
    assert render(language, "situation.ack.sextortion") not in outcome.texts
    ex = {"fr": "mon ex menace d'envoyer mes vidéos à ma famille", "ko": "전남친이 영상 가족한테 보낸다고 협박해요",
          "en": "my ex threatens to send my videos to my family"}[language]
    steps = run(ActionSituation(), "describe_sextortion", {"language": language, "country": "FR"}, text=ex)
    assert render(language, "situation.ack.sextortion") in steps.texts
    to_the_partner = {
        "fr": "un mec rencontré sur grindr veut d'autres photos sinon il envoie les anciennes à mon mari",
        "ko": "앱에서 만난 남자가 사진 더 안 보내면 남편한테 예전 사진 보낸대요",
        "en": "guy i met on grindr wants me to send more explicit ones or he'll send the old ones to my wife",
    }[language]
    stranger = run(ActionSituation(), "describe_sextortion", {"language": language, "country": "FR"},
                   text=to_the_partner)
    assert render(language, "situation.ack.sextortion") in stranger.texts, "the partner is whom they'd go to"


def test_a_request_made_while_the_country_question_waits_is_heard(language: str) -> None:
    """"please delete it" and "je veux signaler" right after "which country?" got the same question word for word."""
    waiting = {"language": language, "situation": "sharing", "offer": "country"}
    removal = run(ActionRemoval(), "ask_removal", waiting, text="?")
    assert removal.texts[0] == render(language, "country.ask.for.removal"), removal.texts
    report = run(ActionReport(), "ask_report", waiting, text="?")
    assert report.texts[0] == render(language, "country.ask.for.report")
    first = run(ActionReport(), "ask_report", {"language": language, "situation": "sharing"}, text="?")
    assert first.texts[0] == render(language, "country.ask")
