"""A story told by someone else about a minor goes down the child-protection route.

A parent's long account with no question is still a story: the age in words or the words of
being a minor decide, whatever intent the classifier gave it.
"""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify, ActionOutOfScope
from actions.facts_in_message import SOMEONE_ELSE_SLOT, ages_in_text, speaks_of_minor
from actions.privacy import ActionPrivacy
from actions.reporting import ActionReport
from actions.safety import ActionCrisis, ActionMinor, ActionSupport
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import make_tracker, run
from vocabulary.folding import fold

PARENTS = {
    "fr": (
        "Bonjour, je vous écris pour ma fille de 13 ans. Elle avait envoyé une photo d'elle à un garçon "
        "de sa classe et aujourd'hui la photo circule sur un compte Instagram, tout le collège l'a vue. "
        "Elle ne veut plus sortir de sa chambre."
    ),
    "ko": (
        "안녕하세요. 중학생 딸을 둔 엄마예요. 우리 딸이 13살인데 남자애한테 보낸 사진이 "
        "인스타그램 계정에 올라갔고 반 아이들이 다 봤대요. 아이가 방에서 나오질 않아요."
    ),
    "en": (
        "Hi, I'm writing about my 13-year-old daughter. She sent a photo of herself to a boy in her class "
        "and now it has been posted on an Instagram account and the whole school has seen it. "
        "She won't leave her room."
    ),
}


@pytest.mark.parametrize("intent", ["nlu_fallback", "describe_sharing", "express_distress", "out_of_scope"])
def test_a_parents_story_takes_the_child_route_whatever_the_classifier_said(language: str, intent: str) -> None:
    action = {
        "nlu_fallback": ActionClarify(),
        "describe_sharing": ActionSituation(),
        "express_distress": ActionSupport(),
        "out_of_scope": ActionOutOfScope(),
    }[intent]
    outcome = run(action, intent, {"language": language}, text=PARENTS[language])
    assert outcome.slot("is_minor") is True
    assert render(language, "minor.intro.other") in outcome.texts
    assert render(language, "minor.never_save") in outcome.texts
    assert render(language, "clarify.text") not in outcome.text
    assert render(language, "out_of_scope.text") not in outcome.text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "j'avais 15 ans quand il a publié la vidéo, elle tourne encore"),
        ("ko", "제가 열다섯 살 때 찍힌 영상이 유포됐어요 지금도 돌아다녀요"),
        ("en", "I was 15 when he posted the video and it is still going around"),
    ],
)
def test_the_person_themselves_hears_about_their_own_protection(language: str, text: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text=text)
    assert render(language, "minor.intro") in outcome.texts
    assert outcome.slot("situation") == "sharing"


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        ("ma fille de 13 ans", [13]),
        ("oui, elle avait quinze ans", [15]),
        ("il y a 2 ans mon ex a tout publié", []),
        ("ça fait 3 ans qu'on est séparés", []),
        ("une peine de 2 ans de prison", []),
        ("my 14-year-old son", [14]),
        ("I was fifteen", [15]),
        ("it was 15 days ago", []),
        ("he asked for 15 euros", []),
        ("13살 딸", [13]),
        ("네 그때 열다섯 살이었어요", [15]),
        ("3년 전에 올라갔어요", []),
        ("un mec m'a fait croire qu'il avait 16 ans", []),
        ("he said he was 16 but he was a grown man", []),
        ("il m'a dit qu'il avait 15 ans et moi j'ai 14 ans", [14]),
        ("스물다섯 살 딸이", [25]),
        ("서른두 살이에요", [32]),
        ("스물 세 살", [23]),
    ],
)
def test_ages_need_their_unit_never_a_duration(text: str, ages: list[int]) -> None:
    assert ages_in_text(fold(text)) == ages


DURATION_ENTITY = {
    "fr": ("Je suis française mais j'habite à Montréal depuis 3 ans, mon ex a publié mes photos", "3"),
    "ko": ("캐나다에 산 지 벌써 3년째인데 전남친이 제 사진을 올렸어요", "3"),
    "en": ("I've lived in Dublin for 3 years and my ex posted my photos", "3"),
}


def test_a_duration_read_as_an_age_is_no_age(language: str) -> None:
    from actions.facts_in_message import age

    text, number = DURATION_ENTITY[language]
    start = text.index(number)
    entity = {"entity": "age", "value": number, "start": start, "end": start + len(number)}
    assert age(make_tracker("describe_sharing", {}, text=text, entities=[entity])) is None


def test_an_adult_story_stays_an_adult_story(language: str) -> None:
    text = {
        "fr": "il y a 2 ans mon ex a publié mes photos sur un site, je viens de les retrouver",
        "ko": "2년 전에 전 남친이 제 사진을 사이트에 올렸는데 이제 발견했어요",
        "en": "two years ago my ex posted my photos on a site and I only just found them",
    }[language]
    outcome = run(ActionClarify(), "nlu_fallback", {"language": language}, text=text)
    assert outcome.slot("is_minor") is None
    assert render(language, "situation.ack.sharing") in outcome.texts


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "les photos de ma fille de 14 ans circulent dans tout son collège"),
        ("ko", "우리 14살 딸 사진이 학교 단톡방에 퍼지고 있어요"),
        ("en", "my 14 year old daughter's nude photos are being shared at her school"),
        ("en", "my 15-year-old son is being blackmailed over a video"),
    ],
)
def test_a_parent_is_never_addressed_as_the_child(language: str, text: str) -> None:
    outcome = run(ActionMinor(), "report_minor", {"language": language}, text=text)
    assert render(language, "minor.intro.other") in outcome.texts
    assert render(language, "minor.intro") not in outcome.texts


AT_SCHOOL = {
    "fr": [
        "je suis au lycée et il a posté mes photos",
        "ma fille est au collège",
        "je suis en seconde",
        "mon fils est en 3e",
    ],
    "ko": ["고등학생인데 사진이 퍼졌어요", "저 중학생이에요", "고등학교 2학년이에요", "중학교 다니는데 영상이 돌아요"],
    "en": [
        "i'm in high school",
        "i am in year 10",
        "my daughter is in 8th grade",
        "my son is in grade 9",
        "i'm a high schooler",
    ],
}
NOT_AT_SCHOOL = {
    "fr": ["j'ai été au lycée avec lui", "j'étais au lycée quand il a pris les photos", "mon ex est prof au lycée"],
    "ko": ["고등학교 때 사귄 전 남친이에요", "중학교 동창이 올렸어요"],
    "en": [
        "i met him in high school",
        "i'm a high school teacher",
        "he was my year 10 teacher",
        "in 2010 i was in high school",
    ],
}


def test_a_pupil_below_university_is_read_as_a_minor(language: str) -> None:
    from actions.facts_in_message import speaks_of_minor
    from tests.actions.conftest import make_tracker

    for text in AT_SCHOOL[language]:
        assert speaks_of_minor(make_tracker("describe_sharing", {"language": language}, text=text)), text
    for text in NOT_AT_SCHOOL[language]:
        assert not speaks_of_minor(make_tracker("describe_sharing", {"language": language}, text=text)), text


def test_a_pupils_story_takes_the_child_route(language: str) -> None:
    """Whatever the classifier made of it, "at school" in a story is the child route, told to the pupil."""
    text = AT_SCHOOL[language][0]
    outcome = run(ActionSituation(), "describe_sharing", {"language": language}, text=text)
    assert outcome.slot("is_minor") is True
    assert render(language, "minor.intro") in outcome.texts and render(language, "minor.never_save") in outcome.texts


CHILDREN = {
    "fr": "j'ai 14 ans et un garçon de ma classe a publié ma photo",
    "ko": "저 14살인데 같은 반 남자애가 제 사진을 올렸어요",
    "en": "i'm 14 and a boy in my class posted my photo",
}


def test_only_the_child_is_told_to_talk_to_a_trusted_adult_a_parent_is_that_adult(language: str) -> None:
    child = run(ActionMinor(), "report_minor", {"language": language}, text=CHILDREN[language])
    parent = run(ActionMinor(), "report_minor", {"language": language}, text=PARENTS[language])
    assert render(language, "minor.trusted_adult") in child.texts
    assert render(language, "minor.trusted_adult") not in parent.texts
    for key in ("minor.other", "minor.CA", "minor.IE", "minor.GB"):
        assert render(language, "minor.trusted_adult") not in render(language, key)


AGE_LATER = {"fr": "elle a 14 ans", "ko": "14살이에요", "en": "she is 14"}


def test_a_parent_who_told_it_earlier_is_still_not_addressed_as_the_child(language: str) -> None:
    """A parent's "ma fille", "우리 딸" or "my son" is remembered (`someone_else`): when the age comes in a later
    message, the parent still hears about the person and is not told to find a trusted adult. A child's own
    story is not taken for someone else's."""
    told = run(ActionClarify(), "nlu_fallback", {"language": language}, text=PARENTS[language])
    assert told.slot(SOMEONE_ELSE_SLOT) is True
    slots = {"language": language, SOMEONE_ELSE_SLOT: True}
    later = run(ActionMinor(), "report_minor", slots, text=AGE_LATER[language])
    assert render(language, "minor.intro.other") in later.texts
    assert render(language, "minor.trusted_adult") not in later.texts
    child = run(ActionMinor(), "report_minor", {"language": language}, text=CHILDREN[language])
    assert child.slot(SOMEONE_ELSE_SLOT) is None
    assert render(language, "minor.intro") in child.texts


OWN_IMAGES = {
    "fr": [
        "mon frère a partagé mes photos sur snap",
        "mon ex et mon frère m'ont filmée",
        "ma soeur a montré une vidéo de moi",
    ],
    "ko": ["남동생이 제 사진을 단톡방에 올렸어요", "오빠 친구가 나를 몰래 찍었어", "동생이 내 영상을 퍼뜨렸어요"],
    "en": [
        "my brother shared my nudes with his friends",
        "my sister's boyfriend filmed me",
        "my stepbrother posted pics of me",
    ],
}
OTHERS_IMAGES = {
    "fr": "des photos de ma fille circulent au collège",
    "ko": "우리 딸 사진이 인스타에 올라갔어요",
    "en": "my son's pictures are on a group chat",
}


def test_a_victim_who_names_a_sibling_as_the_one_who_did_it_is_still_the_victim(language: str) -> None:
    """A brother or a sister who shared the writer's own images does not make the writer someone else's
    parent or friend: the conversation keeps speaking to the victim. A parent's words still count."""
    for text in OWN_IMAGES[language]:
        told = run(ActionClarify(), "nlu_fallback", {"language": language}, text=text)
        assert told.slot(SOMEONE_ELSE_SLOT) is None, text
    parent = run(ActionClarify(), "nlu_fallback", {"language": language}, text=OTHERS_IMAGES[language])
    assert parent.slot(SOMEONE_ELSE_SLOT) is True


ADULT_AT_SCHOOL = {
    "fr": (
        "mon ex a envoyé mes nudes à tout le monde, tout le lycée les a vues. j'ai 19 ans. est-ce que je peux "
        "porter plainte même si c'est moi qui les avais envoyées ?"
    ),
    "ko": "고등학교 때 친구들이 다 봤어요. 지금 스무 살이에요. 고소할 수 있나요?",
    "en": "he sent my nudes around and the whole high school saw them, I'm 19 now. can I report him?",
}
COUNTRIES = {"fr": "FR", "ko": "KR", "en": "GB"}
"""The classifier reads the school word ("lycée") as `report_minor` 0.94; the runner-up is the story."""
RANKING = [
    {"name": "report_minor", "confidence": 0.94},
    {"name": "describe_sharing", "confidence": 0.03},
    {"name": "ask_report", "confidence": 0.02},
]


def test_an_adult_whose_school_saw_the_images_is_answered_as_an_adult(language: str) -> None:
    """An adult age now ("j'ai 19 ans", "지금 스무 살", "I'm 19 now") beside the school that saw the images is no
    child's story: no child route, the story acknowledged, and the question asked (report) answered."""
    slots = {"language": language, "country": COUNTRIES[language]}
    outcome = run(ActionMinor(), "report_minor", slots, text=ADULT_AT_SCHOOL[language], intent_ranking=RANKING)
    assert outcome.slot("is_minor") is None
    for key in ("minor.intro", "minor.never_save", "minor.trusted_adult"):
        assert render(language, key) not in outcome.texts
    assert render(language, "situation.ack.sharing") in outcome.texts
    assert outcome.slot("situation") == "sharing"
    assert any(render(language, "report.platform") in text for text in outcome.texts), outcome.text


def test_an_adult_without_a_country_is_asked_it_for_the_journey_not_the_child_route(language: str) -> None:
    outcome = run(ActionMinor(), "report_minor", {"language": language}, text=ADULT_AT_SCHOOL[language])
    assert outcome.slot("is_minor") is None
    assert render(language, "minor.intro") not in outcome.texts
    assert outcome.slot("pending_topic") == "report"


MINOR_THEN = {
    "fr": [
        "j'ai 19 ans mais j'avais 16 ans quand il a filmé",
        "tout le lycée les a vues, j'ai 19 ans, j'avais 15 ans à l'époque",
        "j'ai 20 ans, j'étais en seconde quand il a pris les photos",
    ],
    "ko": ["지금 스무 살인데 그때 고2였어요", "저 20살이에요. 제가 열다섯 살 때 찍힌 영상이에요"],
    "en": [
        "I'm 19 now but I was 16 then",
        "the whole high school saw them, I'm 19, I was in year 11 when he filmed me",
    ],
}


def test_an_adult_who_was_a_minor_when_the_images_were_made_takes_the_child_route(language: str) -> None:
    for text in MINOR_THEN[language]:
        outcome = run(ActionMinor(), "report_minor", {"language": language}, text=text)
        assert outcome.slot("is_minor") is True, text
        assert render(language, "minor.never_save") in outcome.texts, text


ADULT_CHILD = {
    "fr": "ma fille a 19 ans et tout le lycée a vu ses photos",
    "ko": "우리 딸이 19살인데 고등학교 때 친구들이 사진을 다 봤대요",
    "en": "my daughter is 19 and the whole high school saw her photos",
}


def test_a_parent_whose_child_is_an_adult_is_not_taken_for_a_minors_parent(language: str) -> None:
    text = ADULT_CHILD[language]
    outcome = run(ActionMinor(), "report_minor", {"language": language}, text=text)
    assert outcome.slot("is_minor") is None
    assert render(language, "minor.intro.other") not in outcome.texts
    assert render(language, "minor.never_save") not in outcome.texts
    assert not speaks_of_minor(make_tracker("describe_sharing", {"language": language}, text=text))


def test_an_adult_age_told_earlier_is_remembered(language: str) -> None:
    """The age said in an earlier message counts: "tout le lycée" next is still an adult's story."""
    earlier = {"fr": "j'ai 19 ans", "ko": "저 20살이에요", "en": "I'm 19"}[language]
    later = {
        "fr": "tout le lycée les a vues",
        "ko": "고등학교 때 친구들이 다 봤어요",
        "en": "the whole high school saw them",
    }[language]
    events = [{"event": "user", "text": earlier}]
    outcome = run(ActionMinor(), "report_minor", {"language": language}, text=later, events=events)
    assert outcome.slot("is_minor") is None
    assert render(language, "minor.intro") not in outcome.texts


KEEP_FROM_PARENTS = {
    "fr": [
        "j'ai 15 ans, mon ex a mis mes photos sur snap et je veux pas que mes parents le sachent",
        "je suis en 3e, une vidéo de moi tourne, surtout pas que ma mère l'apprenne",
        "j'ai 14 ans, si mes parents l'apprennent ils vont me tuer",
        "ne dites rien à mes parents svp, j'ai 16 ans",
        "g 14 ans jveux pa ke ma mere sache",
    ],
    "ko": [
        "저 15살인데 전남친이 제 사진을 올렸어요 부모님 모르게 해결하고 싶어요",
        "중2예요 제 영상이 돌고 있는데 엄마한테 말 못하겠어요",
        "16살이에요 부모님이 알면 안 돼요",
        "고1인데 아빠한테 말할 수가 없어요",
    ],
    "en": [
        "i'm 15 and my ex posted my pics, please don't tell my parents",
        "I'm in year 10 and a video of me is going round, my parents can't know",
        "im 14, if my mum finds out she'll kill me",
        "I'm 16 and I'm scared my parents will find out",
    ],
}
PARENTS_KNOW = {
    "fr": ["j'ai 15 ans, mes parents sont au courant", "j'ai 14 ans et j'en ai parlé à ma mère"],
    "ko": ["15살이에요 부모님이 알고 계세요", "14살인데 엄마한테 말했어요"],
    "en": ["i'm 15 and I told my parents", "I'm 14, my mum knows and she's helping"],
}


def test_a_young_person_who_keeps_it_from_their_parents_is_not_sent_to_them(language: str) -> None:
    """A young person who keeps it from their parents ("je veux pas que mes parents le sachent", "부모님 모르게",
    "don't tell my parents") hears that the trusted adult need not be a parent, instead of the usual line;
    parents who already know change nothing."""
    for text in KEEP_FROM_PARENTS[language]:
        outcome = run(ActionMinor(), "report_minor", {"language": language}, text=text)
        assert render(language, "minor.trusted_adult.not_parents") in outcome.texts, text
        assert render(language, "minor.trusted_adult") not in outcome.texts, text
        assert render(language, "minor.never_save") in outcome.texts, text
    for text in PARENTS_KNOW[language]:
        outcome = run(ActionMinor(), "report_minor", {"language": language}, text=text)
        assert render(language, "minor.trusted_adult") in outcome.texts, text
        assert render(language, "minor.trusted_adult.not_parents") not in outcome.texts, text


def test_a_parent_is_never_told_they_need_not_start_with_the_parents(language: str) -> None:
    outcome = run(ActionMinor(), "report_minor", {"language": language}, text=PARENTS[language])
    assert render(language, "minor.trusted_adult.not_parents") not in outcome.texts


SECRET_ALONE = {
    "fr": ["mes darons doivent pas savoir stp", "est-ce que mes parents vont le savoir si je porte plainte ?"],
    "ko": ["엄마한텐 절대 말하면 안돼", "경찰에 신고하면 부모님한테 연락가요?"],
    "en": ["pls dont tell my parents they will kill me", "if i report it will my parents find out??"],
}


@pytest.mark.parametrize("intent", ["nlu_fallback", "express_distress", "ask_privacy", "ask_report"])
def test_asking_that_the_parents_not_know_is_answered_first_whatever_the_intent(language: str, intent: str) -> None:
    """Alone or with a question, "don't tell my parents" hears first that nothing here reaches them, and is never
    "not understood"; asked whether the police will tell them, also that this is not Relais' to promise; a parent
    writing about their child hears neither."""
    action = {
        "nlu_fallback": ActionClarify(),
        "express_distress": ActionSupport(),
        "ask_privacy": ActionPrivacy(),
        "ask_report": ActionReport(),
    }[intent]
    secret, police = SECRET_ALONE[language]
    for text, key in ((secret, "parents.not_told"), (police, "parents.police")):
        outcome = run(action, intent, {"language": language}, text=text)
        assert outcome.texts[0] == render(language, key), text
        assert render(language, "clarify.text") not in outcome.texts, text
    parent = run(action, intent, {"language": language, SOMEONE_ELSE_SLOT: True}, text=SECRET_ALONE[language][0])
    assert render(language, "parents.not_told") not in parent.texts


AGE_AGAIN = {"fr": "g 13 ans", "ko": "나 13살이야", "en": "im 13"}
AGE_AND_DEMAND = {
    "fr": "j'ai 13 ans et il me demande d'autres photos sinon il publie",
    "ko": "13살인데 사진 더 안 보내면 뿌린대요",
    "en": "im 13 and he wants more pics or he'll post them",
}


def test_an_age_told_again_after_the_child_route_is_thanked_not_answered_with_the_whole_route(language: str) -> None:
    slots = {"language": language, "country": "FR", "is_minor": True, "situation": "sharing"}
    texts = run(ActionMinor(), "report_minor", slots, text=AGE_AGAIN[language]).texts
    assert texts[0] == render(language, "minor.again")
    for key in ("minor.intro", "minor.never_save", "minor.take_it_down", "minor.FR"):
        assert render(language, key) not in texts, key


def test_a_threat_told_with_the_age_again_still_hears_not_to_pay_or_send(language: str) -> None:
    slots = {"language": language, "country": "FR", "is_minor": True, "situation": "sharing"}
    outcome = run(ActionMinor(), "report_minor", slots, text=AGE_AND_DEMAND[language])
    assert render(language, "minor.sextortion") in outcome.texts
    assert outcome.slot("situation") == "sextortion"


def test_a_minor_first_told_hears_the_whole_route(language: str) -> None:
    texts = run(ActionMinor(), "report_minor", {"language": language, "country": "FR"}, text=AGE_AGAIN[language]).texts
    assert render(language, "minor.intro") in texts and render(language, "minor.FR") in texts
    assert render(language, "minor.again") not in texts


CRISIS_AND_SECRET = {
    "fr": "jpp jveux mourir, jveux pa ke ma mere sache",
    "ko": "죽고 싶어요 부모님 모르게 해 주세요",
    "en": "i want to die, please dont tell my parents",
}


def test_a_crisis_that_keeps_it_from_the_parents_hears_the_crisis_line_first(language: str) -> None:
    slots = {"language": language, "country": "FR"}
    texts = run(ActionCrisis(), "crisis", slots, text=CRISIS_AND_SECRET[language]).texts
    assert texts[0] == render(language, "crisis.FR")
    assert texts[1] == render(language, "parents.not_told")


POLICE_AND_PARENTS = {
    "fr": ["si je porte plainte la police va appeler mes parents ?", "les flics préviennent mes parents ?"],
    "ko": ["경찰에 신고하면 부모님한테 연락가요?", "신고하면 엄마가 알게 돼요?"],
    "en": ["will the police tell my parents", "do the cops call my mom if i report"],
}


def test_asking_whether_the_police_tell_the_parents_is_answered_about_the_police(language: str) -> None:
    for text in POLICE_AND_PARENTS[language]:
        outcome = run(ActionPrivacy(), "ask_privacy", {"language": language}, text=text)
        assert outcome.texts[0] == render(language, "parents.police"), text



ADULT_NOW = {
    "fr": "une vidéo de moi a été filmée quand j'avais 15 ans et elle est en ligne, j'ai 20 ans maintenant",
    "ko": "열다섯 살 때 찍힌 영상이 돌아다녀요 지금은 스무 살이에요",
    "en": "A video of me was filmed when I was 15 and it's online. I'm 19 now",
}


def test_someone_filmed_as_a_child_who_is_an_adult_now_is_not_told_to_find_a_trusted_adult(language: str) -> None:
    """"…filmed when I was 15… I'm 19 now" heard "Please talk to an adult you trust: a parent, a teacher, a school
    nurse": the child route's protection holds, its advice to a child does not."""
    outcome = run(ActionMinor(), "report_minor", {"language": language}, text=ADULT_NOW[language])
    assert render(language, "minor.take_it_down") in outcome.texts, outcome.texts
    assert render(language, "minor.trusted_adult") not in outcome.texts
    child = {"fr": "j'ai 15 ans et une vidéo de moi circule", "ko": "저 열다섯 살인데 제 영상이 돌아다녀요",
             "en": "im 15 and a video of me is going around"}[language]
    assert render(language, "minor.trusted_adult") in run(ActionMinor(), "report_minor", {"language": language},
                                                          text=child).texts


@pytest.mark.parametrize(
    "text",
    [
        "ma fille de 25 ans s'est fait filmer en cachette dans les toilettes de son travail",
        "스물다섯 살 딸이 회사 화장실에서 몰래 촬영을 당했대요 어떻게 해야 하나요",
        "25살 딸이 회사 화장실에서 몰래 촬영을 당했어요",
        "my 25 year old daughter was secretly filmed in the toilets at her work",
    ],
)
def test_a_grown_childs_age_before_the_child_makes_no_minor(text: str) -> None:
    assert not speaks_of_minor(make_tracker("describe_hidden_filming", {}, text=text))

