"""A parent, a sister or a friend writing hears about the person ("it is not their fault"), never "not your fault"."""

from __future__ import annotations

from actions.facts_in_message import SOMEONE_ELSE_SLOT
from actions.offence import ActionOffence
from actions.reporting import ActionReport
from actions.safety import ActionMinor, ActionSupport
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import run

FRIEND_STORY = {
    "fr": "ma meilleure amie se fait menacer, un mec veut diffuser une vidéo d'elle",
    "ko": "친구가 협박을 받고 있어요 영상 뿌린다고 한대요",
    "en": "my best friend is being blackmailed, a guy says he'll post a video of her",
}
OWN_STORY = {
    "fr": "un mec me menace de diffuser une vidéo de moi",
    "ko": "어떤 남자가 제 영상을 뿌린다고 협박해요",
    "en": "a guy says he'll post a video of me",
}
PARENT_WORRY = {
    "fr": "ma fille pleure tout le temps depuis, je suis inquiète",
    "ko": "딸이 너무 울어서 걱정돼요",
    "en": "my daughter won't stop crying, I'm so worried",
}


def test_a_friends_story_is_heard_as_hers(language: str) -> None:
    told = run(ActionSituation(), "describe_sextortion", {"language": language}, text=FRIEND_STORY[language])
    assert render(language, "situation.ack.sextortion.other") in told.texts
    assert render(language, "situation.ack.sextortion") not in told.texts
    assert render(language, "situation.threat") not in told.texts, "the steps are said once"
    own = run(ActionSituation(), "describe_sextortion", {"language": language}, text=OWN_STORY[language])
    assert render(language, "situation.ack.sextortion") in own.texts
    assert render(language, "situation.ack.sextortion.other") not in own.texts


def test_a_parents_worry_is_met_as_a_parents(language: str) -> None:
    outcome = run(ActionSupport(), "express_distress", {"language": language}, text=PARENT_WORRY[language])
    assert render(language, "support.kind.other") in outcome.texts
    assert render(language, "support.crisis_hint.other") in outcome.texts
    assert render(language, "support.kind") not in outcome.texts
    assert render(language, "support.crisis_hint") not in outcome.texts


def test_the_law_tells_a_parent_it_is_not_their_childs_fault(language: str) -> None:
    slots = {"language": language, "country": "FR", "situation": "sharing", "someone_else": True}
    outcome = run(ActionOffence(), "ask_offence", slots, text="?")
    assert render(language, "legal.not_your_fault.own_images.other") in outcome.texts
    assert render(language, "legal.not_your_fault.own_images") not in outcome.texts


HER_IMAGES_HER_AGE = {
    "fr": "son keum il a balancé ses nudes sur snap... elle a 17 ans",
    "ko": "친구 사진을 전남친이 뿌렸대요 친구는 17살이에요",
    "en": "her ex posted her nudes on snap, she's 17",
}


def test_her_images_and_her_age_are_a_friends_story_on_the_child_route(language: str) -> None:
    told = run(ActionMinor(), "report_minor", {"language": language}, text=HER_IMAGES_HER_AGE[language])
    assert render(language, "minor.intro.other") in told.texts
    assert render(language, "minor.intro") not in told.texts


def test_a_parent_is_told_how_to_report_for_the_person_shown(language: str) -> None:
    slots = {"language": language, "country": "FR", "situation": "sharing", "someone_else": True}
    outcome = run(ActionReport(), "ask_report", slots, text="?")
    assert render(language, "report.platform.other") in outcome.texts
    assert render(language, "report.platform") not in outcome.texts
    own = run(ActionReport(), "ask_report", {"language": language, "country": "FR", "situation": "sharing"}, text="?")
    assert render(language, "report.platform") in own.texts


# Someone else's story in passing ("ma pote... ses nudes", "im writing for my friend"), and the writer's own told
# beside another person ("ma mère sait pas que je vous écris", "the father of my kids"): (intent, about someone
# else, about the writer).
IN_PASSING = {
    "fr": [
        ("describe_sharing", "ma pote m'a dit que ses nudes tournent sur snap, elle sait pas que je vous écris",
         "ma mère sait pas que je vous écris, mes photos tournent"),
        ("report_minor", "jcris pour ma pote elle a 16 ans, un mec a mis ses photos sur snap",
         "mon mari a installé une caméra dans la salle de bain, c'est le père de mes enfants"),
    ],
    "ko": [
        ("describe_sharing", "친구 사진이 단톡방에 돌아요. 친구는 제가 여기 연락한 거 몰라요",
         "엄마는 제가 연락한 거 몰라요"),
        ("report_minor", "친구 대신 연락드려요 친구가 16살인데 사진이 유포됐어요", "남편이 욕실에 카메라를 설치했어요"),
    ],
    "en": [
        ("describe_sharing", "my best friend just told me her nudes are on reddit, she doesnt know im messaging you",
         "my mum doesnt know im messaging you, my pics are out there"),
        ("report_minor", "im writing for my friend, shes 16 and a guy posted her pics on snap",
         "my husband put a camera in the bathroom, he is the father of my kids"),
    ],
}


def test_a_friends_story_told_in_passing_is_hers_and_a_mother_or_a_husband_named_is_not(language: str) -> None:
    for intent, friend, own in IN_PASSING[language]:
        action = ActionMinor() if intent == "report_minor" else ActionSituation()
        told = run(action, intent, {"language": language}, text=friend)
        assert told.slot(SOMEONE_ELSE_SLOT) is True, friend
        expected = "minor.intro.other" if intent == "report_minor" else "situation.ack.sharing.other"
        assert render(language, expected) in told.texts, friend
        mine = run(ActionSituation(), "describe_sharing", {"language": language}, text=own)
        assert mine.slot(SOMEONE_ELSE_SLOT) is None, own


A_TEACHER = {
    "fr": "je suis prof au collège, un de mes élèves de 4e se fait menacer par quelqu'un qui a une vidéo de lui",
    "ko": "중학교 교사예요 우리 반 학생이 영상 때문에 협박을 받고 있대요",
    "en": "I'm a teacher in Leeds. A Year 10 boy in my class told me someone is blackmailing him with a video",
}
A_TEACHERS_OWN_STORY = {
    "fr": "je suis prof et quelqu'un a fait un montage de moi nue qui circule au lycée",
    "ko": "저는 초등학교 교사인데 제 사진이 합성돼서 텔레그램에 돌고 있대요",
    "en": "i'm a teacher and someone made a fake nude of me that's going round the school",
}


def test_a_teacher_telling_a_pupils_story_hears_about_the_pupil_never_you(language: str) -> None:
    told = run(ActionMinor(), "report_minor", {"language": language}, text=A_TEACHER[language])
    assert told.slot(SOMEONE_ELSE_SLOT) is True
    assert render(language, "minor.intro.other") in told.texts
    assert render(language, "minor.intro") not in told.texts
    own = run(ActionSituation(), "describe_deepfake", {"language": language}, text=A_TEACHERS_OWN_STORY[language])
    assert own.slot(SOMEONE_ELSE_SLOT) is None, "a teacher may be telling her own story"


A_PARENT_INTRODUCED = {
    "fr": "Bonjour je suis maman d'une fille de 13 ans, un garçon a diffusé une photo d'elle",
    "ko": "중2 딸 둔 엄마예요 딸 사진이 단톡방에 돌았대요",
    "en": "I'm the mum of a 14 year old, a boy shared a photo of her",
}


def test_a_parent_introducing_themselves_hears_about_the_child_never_you(language: str) -> None:
    told = run(ActionMinor(), "report_minor", {"language": language}, text=A_PARENT_INTRODUCED[language])
    assert render(language, "minor.intro.other") in told.texts, told.texts
    assert render(language, "minor.intro") not in told.texts
