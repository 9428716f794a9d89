"""Issue 11 over the real stack: a person is never misread into erasure, a goodbye or "I didn't understand".

Every failing input of the issue, in French, Korean and English, through the real model, rules
and action server: a form answer that fits its question fills it, a reference after "where is
my report?" asks for the PIN, deleting a browser history is no erasure, a message without words
gets a check-in, a crisis stays in mind, a language choice sticks, Hangul means Korean, and a
parent's story about their child takes the child-protection route.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from bot.services import Stack
from content.knowledge import contact
from content.texts import render
from tests.conftest import Chat

pytestmark = pytest.mark.e2e

LANGUAGES = ("fr", "ko", "en")
GREETINGS = {"fr": "Bonjour", "ko": "안녕하세요", "en": "Hello"}
HANGUL = re.compile(r"[\uac00-\ud7af]")


def said(language: str, key: str, **params: Any) -> str:
    return render(language, key, **params)


def button(choice: str) -> str:
    return f'/inform{{"intake_choice": "{choice}"}}'


def payloads(replies: list[dict[str, Any]]) -> list[str]:
    return [b["payload"] for reply in replies for b in reply.get("buttons") or []]


def joined(replies: list[dict[str, Any]]) -> str:
    return "\n".join(reply.get("text", "") for reply in replies)


def never_erasure(language: str, answer: str, chat: Chat) -> None:
    assert said(language, "erase.confirm") not in answer
    assert said(language, "erase.earlier_hint") not in answer
    assert chat.slot("offer") not in ("erase", "erase_verified")


# Item 4: nothing but a person's own words drives erasure, a status or leaving a form.

CHAT_ONLY = {
    "fr": "seulement ici dans le chat",
    "ko": "채팅으로만 연락해 주세요",
    "en": "only here in this chat please",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_chat_only_answers_the_contact_question_and_the_intake_goes_on(stack: Stack, language: str) -> None:
    chat = Chat(stack, {"language": language})
    chat.say('/inform{"country": "FR"}')
    chat.say("/request_human")
    chat.say("/affirm")
    chat.say(button("sharing"))
    asked = ""
    for _ in range(6):
        asked = chat.text(button("skip"))
        if said(language, "intake.ask.intake_contact") in asked:
            break
    assert said(language, "intake.ask.intake_contact") in asked
    answer = chat.text(CHAT_ONLY[language])
    assert said(language, "intake.summary.title") in answer, answer
    assert chat.slot("intake_contact") == "chat"
    never_erasure(language, answer, chat)
    assert said(language, "minor.never_save") not in answer and chat.slot("is_minor") is not True


STATUS = {"fr": "où en est mon signalement ?", "ko": "제 신고 처리 상황 알 수 있나요?", "en": "where is my report?"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reference_alone_after_where_is_my_report_asks_for_the_pin(stack: Stack, language: str) -> None:
    chat = Chat(stack, {"language": language})
    assert said(language, "status.ask_reference") in chat.text(STATUS[language])
    answer = chat.text("RL-7K3M-Q9P2")
    assert said(language, "status.ask_pin") in answer
    assert said(language, "erase.case_pin", reference="RL-7K3M-Q9P2") not in answer
    never_erasure(language, answer, chat)


BROWSER = {
    "fr": "Comment je supprime l'historique de mon navigateur ?",
    "ko": "인터넷 브라우저 방문 기록은 어떻게 삭제해요?",
    "en": "How do I delete my browser history?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_deleting_a_browser_history_is_no_erasure(stack: Stack, language: str) -> None:
    chat = Chat(stack, {"language": language})
    never_erasure(language, chat.text(BROWSER[language]), chat)


WHAT_HE_HOLDS = {
    "fr": "et si je veux effacer tout ce qu'il a sur moi ?",
    "ko": "전남친이 가진 영상 다 지우고 싶어요",
    "en": "how do I delete whatever he has of me",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_erasing_what_someone_else_holds_is_no_erasure_here(stack: Stack, language: str) -> None:
    chat = Chat(stack, {"language": language})
    never_erasure(language, chat.text(WHAT_HE_HOLDS[language]), chat)


# Item 5: no usable words, a gentle check-in in the conversation's language.

NO_WORDS = [
    ("...", "checkin.gentle"),
    ("??", "checkin.gentle"),
    ("asdfghjkl", "checkin.gentle"),
    ("ㅁㄴㅇㄹ", "checkin.gentle"),
    ("x", "checkin.gentle"),
    ("😭😭😭", "checkin.tears"),
    ("Necesito ayuda con mis fotos, por favor", "checkin.language"),
]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("message", "check_in"), NO_WORDS)
def test_a_message_without_words_gets_a_check_in_in_the_conversations_language(
    chat: Chat, language: str, message: str, check_in: str
) -> None:
    chat.say(GREETINGS[language])
    answer = chat.text(message)
    assert said(language, check_in) in answer
    for key in ("goodbye.text", "country.ask", "crisis.then", "minor.never_save", "situation.ack.sharing"):
        assert said(language, key) not in answer
    assert chat.slot("language") == language
    assert chat.slot("situation") is None and chat.slot("in_crisis") is not True


@pytest.mark.parametrize("language", LANGUAGES)
def test_crying_as_a_first_message_is_met_warmly_never_with_a_goodbye(stack: Stack, language: str) -> None:
    chat = Chat(stack, {"language_hint": language})
    answer = chat.text("😭😭😭")
    assert said(language, "checkin.tears") in answer
    assert said(language, "goodbye.text") not in answer


# Item 6: conversation context.

CRISIS = {
    "fr": ("j'habite à Lyon et je veux mourir", "FR", "ils veulent 300 euros avant ce soir, je fais quoi ?"),
    "ko": ("서울 사는데 그냥 죽고 싶어요", "KR", "오늘 밤까지 돈 30만 원 보내래요 어떻게 해야 돼요?"),
    "en": ("I live in London and I want to die", "GB", "they want £300 by tonight, what do I do"),
}
ASHAMED = {"fr": "j'ai tellement honte", "ko": "너무 수치스러워요", "en": "I feel so ashamed"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_a_crisis_the_follow_ups_keep_it_in_mind(chat: Chat, language: str) -> None:
    first, country, follow_up = CRISIS[language]
    line = contact(f"{country}.crisis").value
    assert line in chat.say(first)[0]["text"]
    replies = chat.say(follow_up)
    answer = joined(replies)
    assert said(language, "clarify.text") not in answer
    assert said(language, "crisis.reminder", line=line) in answer
    assert "/request_human" in payloads(replies)
    later = joined(chat.say(ASHAMED[language]))
    assert said(language, "support.crisis_hint") not in later
    assert said(language, "clarify.text") not in later
    assert line in later
    assert chat.slot("in_crisis") is True


FAREWELL = {
    "fr": ("mon ex a mis mes nudes sur un compte fisha", "je tiens plus, adieu"),
    "ko": ("전남친이 제 영상을 텔레그램에 올렸어요", "더는 못 버티겠어 안녕"),
    "en": ("my nudes got leaked on a group chat", "i cant take this anymore. bye"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_farewell_after_not_holding_on_gets_the_crisis_answer_never_a_goodbye(chat: Chat, language: str) -> None:
    story, farewell = FAREWELL[language]
    chat.say(story, language_hint=language)
    replies = chat.say(farewell)
    answer = joined(replies)
    assert said(language, "goodbye.text") not in answer
    assert said(language, "clarify.text") not in answer
    assert "/request_human" in payloads(replies)
    assert chat.slot("in_crisis") is True
    assert chat.slot("language") == language


NO_PERSON = {
    "fr": "non je veux pas parler à quelqu'un, je veux juste savoir si c'est un crime",
    "ko": "상담원 말고 그냥 너랑 얘기할래",
    "en": "i dont want to call anyone, i just want to know if this is a crime",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_refusing_a_person_never_queues_a_request_for_one(chat: Chat, language: str) -> None:
    chat.say(FAREWELL[language][0], language_hint=language)
    answer = chat.text(NO_PERSON[language])
    for key in ("handoff.unreachable", "handoff.waiting", "handoff.closed_hours"):
        assert said(language, key) not in answer
    assert chat.slot("handoff_state") != "waiting"
    assert chat.slot("language") == language


YES = {"fr": "oui", "ko": "네", "en": "yes"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_yes_after_the_crisis_message_brings_a_person(chat: Chat, language: str) -> None:
    chat.say(CRISIS[language][0])
    answer = chat.text(YES[language])
    assert said(language, "handoff.unreachable") in answer, "the REST channel: the request is kept, no wait promised"
    assert said(language, "clarify.text") not in answer
    assert chat.slot("handoff_state") == "waiting"


STICKY = [
    ("fr", "Hello", "on peut continuer en français s'il vous plaît ?", "my ex posted my photos online, what can I do"),
    ("ko", "Bonjour", "can we continue in Korean please?", "my ex posted my photos online, what can I do"),
    ("en", "안녕하세요", "can we continue in English please?", "mon ex a publié mes photos sur internet, je fais quoi"),
]


@pytest.mark.parametrize(("target", "start", "ask", "other"), STICKY)
def test_an_explicit_language_choice_sticks(chat: Chat, target: str, start: str, ask: str, other: str) -> None:
    chat.say(start)
    assert said(target, "language.switched") in chat.text(ask)
    answer = chat.text(other)
    assert chat.slot("language") == target
    assert bool(HANGUL.search(answer)) is (target == "ko"), answer


TEXTING_GREETINGS = {"fr": ("slt", "wesh"), "en": ("pls", "heyy"), "ko": ("ㅎㅇ", "ㅎㅇㅎㅇ")}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_texting_greeting_alone_is_welcomed_in_its_language(stack: Stack, language: str) -> None:
    for greeting in TEXTING_GREETINGS[language]:
        chat = Chat(stack)
        answer = chat.text(greeting)
        assert chat.slot("language") == language, (greeting, answer)
        assert bool(HANGUL.search(answer)) is (language == "ko"), answer


MIXED = "전 남친이 my photos를 올렸어 what do I do"


@pytest.mark.parametrize("start", [None, "Bonjour", "Hello"])
def test_hangul_in_a_message_means_korean(chat: Chat, start: str | None) -> None:
    if start:
        chat.say(start)
    answer = chat.text(MIXED)
    assert chat.slot("language") == "ko"
    assert HANGUL.search(answer), answer


def test_a_chosen_language_wins_over_hangul(chat: Chat) -> None:
    chat.say("Hello")
    chat.say('/change_language{"language": "en"}', language="en")
    chat.say(MIXED)
    assert chat.slot("language") == "en"


PARENTS = {
    "fr": (
        "Bonjour, je vous écris pour ma fille de 13 ans. Elle avait envoyé une photo d'elle à un garçon de sa "
        "classe et aujourd'hui la photo circule sur un compte Instagram, tout le collège l'a vue. Elle ne veut "
        "plus aller en cours et elle pleure tous les soirs."
    ),
    "ko": (
        "안녕하세요. 중학생 딸을 둔 엄마예요. 우리 딸이 13살인데 같은 반 남자애한테 보낸 사진이 인스타그램 "
        "계정에 올라갔고 반 아이들이 다 봤대요. 아이가 학교에 안 가려고 하고 매일 밤 울어요."
    ),
    "en": (
        "Hi, I'm writing about my 13-year-old daughter. She sent a photo of herself to a boy in her class and "
        "now it has been posted on an Instagram account and the whole school has seen it. She won't go to "
        "school and cries every night."
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_parents_story_about_their_child_takes_the_child_protection_route(chat: Chat, language: str) -> None:
    answer = chat.text(PARENTS[language])
    assert said(language, "minor.never_save") in answer
    assert said(language, "clarify.text") not in answer
    assert chat.slot("is_minor") is True
    assert chat.slot("language") == language


# A teenager who does not want their parents to know: another trusted adult, never "talk to a parent".

TEEN_KEEPS_IT_FROM_PARENTS = {
    "fr": "jai 15 ans et mon ex a balancé mes photos sur snap, je veux pas que mes parents le sachent",
    "ko": "저 15살인데 전남친이 제 사진을 인스타에 올렸어요 부모님 모르게 해결하고 싶어요",
    "en": "im 15 and my ex put my pics on snap, please dont tell my parents",
}


WILL_PARENTS_KNOW = {
    "fr": "est-ce que mes parents vont le savoir si je porte plainte ?",
    "ko": "경찰에 신고하면 부모님한테 연락가요?",
    "en": "if i report it will my parents find out??",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_teenager_who_keeps_it_from_their_parents_hears_of_other_adults(chat: Chat, language: str) -> None:
    answer = chat.text(TEEN_KEEPS_IT_FROM_PARENTS[language])
    assert said(language, "minor.trusted_adult.not_parents") in answer
    assert said(language, "minor.trusted_adult") not in answer
    assert said(language, "minor.never_save") in answer
    assert said(language, "parents.not_told") in answer
    assert chat.slot("is_minor") is True
    later = chat.text(WILL_PARENTS_KNOW[language])
    assert said(language, "parents.police") in later
    assert said(language, "clarify.text") not in later
    assert chat.slot("language") == language


# A friend or a parent writing hears about the person, not "it is not your fault".

FRIEND_BLACKMAILED = {
    "fr": "ma meilleure amie se fait menacer, un mec veut diffuser une vidéo d'elle si elle paie pas",
    "ko": "친구가 협박을 받고 있어요 돈 안 주면 영상 뿌린다고 한대요",
    "en": "my best friend is being blackmailed, a guy says he'll post a video of her unless she pays",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_friend_telling_her_friends_story_hears_about_her(chat: Chat, language: str) -> None:
    answer = chat.text(FRIEND_BLACKMAILED[language], language_hint=language)
    assert said(language, "situation.ack.sextortion.other") in answer
    assert said(language, "situation.ack.sextortion") not in answer
    assert chat.slot("situation") == "sextortion"
    assert chat.slot("language") == language


# Danger right now: how to get help at once comes first, whatever the classifier made of the message.

DANGER_TONIGHT = {
    "fr": (
        "ma fille de 13 ans m'a dit que mon compagnon la filmait sous la douche",
        "il est à la maison ce soir, qu'est-ce que je dois faire ?",
        "FR",
    ),
    "ko": ("남편이 제 딸을 몰래 찍었어요 딸은 열세 살이에요", "남편이 무서워요. 지금 집에 같이 있어요", "KR"),
    "en": ("my partner secretly filmed my 13 year old daughter in the shower", "he's home now and I'm scared", "other"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_danger_tonight_hears_the_emergency_numbers_first(chat: Chat, language: str) -> None:
    story, tonight, place = DANGER_TONIGHT[language]
    chat.say(story, language_hint=language)
    replies = chat.say(tonight)
    assert replies[0]["text"] == said(language, f"danger.{place}")
    assert said(language, "clarify.text") not in joined(replies)
    assert chat.slot("language") == language


# An adult whose school saw her images: the school word makes the classifier read a minor's story.

ADULT_AT_SCHOOL = {
    "fr": (
        "mon ex a envoyé mes nudes à tout le monde, tout le lycée les a vues. j'ai 19 ans. est-ce que je peux "
        "porter plainte même si c'est moi qui les avais envoyées ?"
    ),
    "ko": "전 남친이 제 사진을 뿌려서 고등학교 때 친구들이 다 봤어요. 지금 스무 살이에요. 고소할 수 있나요?",
    "en": "my ex sent my nudes to everyone, the whole high school saw them, I'm 19 now. can I report him?",
}
COUNTRIES = {"fr": "FR", "ko": "KR", "en": "GB"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_adult_whose_school_saw_her_images_is_answered_as_an_adult(chat: Chat, language: str) -> None:
    """An adult age ("j'ai 19 ans") beside "tout le lycée" is no child's story: no child route, and the question
    asked (can I report?) is answered once the country is known."""
    first = chat.text(ADULT_AT_SCHOOL[language])
    for key in ("minor.intro", "minor.never_save", "minor.trusted_adult"):
        assert said(language, key) not in first
    assert chat.slot("is_minor") is not True
    assert chat.slot("pending_topic") == "report"
    answer = chat.text(f'/inform{{"country": "{COUNTRIES[language]}"}}')
    assert said(language, "report.platform") in answer
    assert said(language, "minor.never_save") not in answer
    assert chat.slot("is_minor") is not True


# A camera found where the person undresses: the police come before any platform, so nothing is lost.

CAMERA_FOUND = {
    "fr": (
        "j'ai trouvé une petite caméra cachée dans la salle de bain de mon airbnb, je préviens le proprio ou "
        "la police ?"
    ),
    "ko": "에어비앤비 화장실에서 작은 카메라를 찾았어요. 호스트한테 말해야돼 아님 경찰 먼저?",
    "en": "found a tiny camera pointed at the shower in my airbnb. landlord first or the police?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_camera_found_hears_of_the_police_before_any_platform(chat: Chat, language: str) -> None:
    answer = chat.text(CAMERA_FOUND[language])
    if said(language, "report.platform") not in answer:  # the country first, then the answer
        answer = chat.text(f'/inform{{"country": "{COUNTRIES[language]}"}}')
    police, platform = said(language, "evidence.police_first"), said(language, "report.platform")
    assert police in answer and platform in answer, answer
    assert answer.index(police) < answer.index(platform)


# Texting style as a first message: answered in the language it is written in, never in English by default.

TEXTING = {
    "fr": "slt g un pb un keum a mes photos",
    "ko": "ㅠㅠ 전남친이 내 사진 뿌린대 어케해",
    "en": "pls help my ex says hes gonna post my pics if i dont pay him",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_texting_first_message_is_answered_in_its_language(chat: Chat, language: str) -> None:
    answer = chat.text(TEXTING[language])
    assert chat.slot("language") == language
    assert bool(HANGUL.search(answer)) is (language == "ko"), answer
    assert said(language, "clarify.text") not in answer


# Money already paid to a blackmailer: what to do now, never the blackmail's whole text again.

BLACKMAIL = {
    "fr": "un mec menace d'envoyer mes photos à ma famille si je paie pas 300 euros",
    "ko": "어떤 남자가 300만원 안 보내면 가족한테 내 사진 뿌린대요",
    "en": "a guy says he'll send my photos to my family unless I pay him $300",
}
ALREADY_PAID = {
    "fr": "j'ai déjà payé 300 euros hier, est-ce qu'on peut récupérer l'argent ?",
    "ko": "어제 이미 300만원 보냈어요. 돈 돌려받을 수 있어요?",
    "en": "I already paid him $300 yesterday, can we get the money back?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_money_already_paid_is_answered_without_repeating_the_blackmail_text(chat: Chat, language: str) -> None:
    first = chat.text(BLACKMAIL[language])
    assert said(language, "situation.ack.sextortion") in first
    if chat.slot("offer") == "country":
        chat.say(f'/inform{{"country": "{COUNTRIES[language]}"}}')
    answer = chat.text(ALREADY_PAID[language])
    assert said(language, "sextortion.paid") in answer, answer
    assert said(language, "situation.ack.sextortion") not in answer
    assert said(language, "clarify.text") not in answer


# A young person who tells their age again hears it was heard, not the whole child route again.

STORY_THEN_AGE = {
    "fr": ("un mec me fait du chantage avec mes photos, il en veut d'autres", "g 13 ans"),
    "ko": ("어떤 남자가 사진 더 안 보내면 뿌린대요", "나 13살이야"),
    "en": ("a guy is blackmailing me with my pics, he wants more", "im 13"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_age_told_twice_gets_the_child_route_once(chat: Chat, language: str) -> None:
    story, age = STORY_THEN_AGE[language]
    chat.say(story, language_hint=language)
    first = chat.text(age)
    assert said(language, "minor.intro") in first, first
    again = chat.text(age)
    assert said(language, "minor.again") in again, again
    assert said(language, "minor.intro") not in again and said(language, "minor.never_save") not in again
    assert chat.slot("is_minor") is True


# Asked whether to pay, for a promise to delete: no, at once, never the blackmail's whole text again.

SHOULD_I_PAY = {
    "fr": "il dit qu'il supprime tout si je lui envoie encore 200 euros, je paie ou pas ?",
    "ko": "돈 더 보내면 지워준다는데 보낼까요?",
    "en": "he says he'll delete them if i send 500 more, should i?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_whether_to_pay_is_answered_no_at_once(chat: Chat, language: str) -> None:
    chat.say(BLACKMAIL[language])
    if chat.slot("offer") == "country":
        chat.say(f'/inform{{"country": "{COUNTRIES[language]}"}}')
    replies = chat.say(SHOULD_I_PAY[language])
    answer = joined(replies)
    assert replies[0]["text"] == said(language, "sextortion.dont_pay"), answer
    assert said(language, "situation.ack.sextortion") not in answer
    assert said(language, "clarify.text") not in answer


KEEPS_CALLING = {"fr": "il arrête pas de m'appeler", "ko": "계속 전화와요", "en": "he keeps calling me"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blackmailer_who_keeps_calling_gets_stop_contact_then_block(chat: Chat, language: str) -> None:
    chat.say(BLACKMAIL[language])
    if chat.slot("offer") == "country":
        chat.say(f'/inform{{"country": "{COUNTRIES[language]}"}}')
    replies = chat.say(KEEPS_CALLING[language])
    answer = joined(replies)
    assert replies[0]["text"] == said(language, "sextortion.no_contact"), answer
    assert said(language, "situation.ack.sextortion") not in answer
    assert said(language, "clarify.text") not in answer


# Several countries in one message: the one the person lives in decides.

LIVES_IN = {
    "fr": ("ma copine vient du Sénégal mais elle habite à Lyon, son ex a publié ses photos", "FR"),
    "ko": ("친구는 필리핀 사람인데 지금 부산에 살아요. 전남친이 친구 사진을 올렸어요", "KR"),
    "en": ("my friend lives in busan, she's from the philippines, her ex posted her photos", "KR"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_country_someone_lives_in_decides(chat: Chat, language: str) -> None:
    story, country = LIVES_IN[language]
    chat.say(story)
    assert chat.slot("country") == country


STUDIES_IN = {
    "fr": ("je suis coréenne mais j'étudie en Belgique, mon ex a publié mes photos", "BE"),
    "ko": ("나 일본에서 유학 중인데 한국 국적이야. 전남친이 내 사진 올렸어", "JP"),
    "en": ("im korean but im studying in japan, my ex posted my pics", "JP"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_country_someone_studies_in_is_where_they_live(chat: Chat, language: str) -> None:
    story, country = STUDIES_IN[language]
    chat.say(story, language_hint=language)
    assert chat.slot("country") == country


# Asking whether someone else, or a service, can use a language chooses none for this chat.

WHO_CAN_USE_A_LANGUAGE = {
    "fr": "est-ce qu'elle peut avoir de l'aide en anglais ?",
    "ko": "영어로도 상담 돼요?",
    "en": "can she get help in french? she doesn't speak english well",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_who_can_get_help_in_a_language_chooses_none(chat: Chat, language: str) -> None:
    chat.say(GREETINGS[language])
    answer = chat.text(WHO_CAN_USE_A_LANGUAGE[language])
    assert said(language, "language.available") in answer
    assert chat.slot("chosen_language") is None
    assert chat.slot("language") == language


# Someone at the door now: the emergency numbers first, in a first message too.

AT_THE_DOOR = {
    "fr": ("mon ex est devant ma porte, il veut entrer, il menace de publier nos vidéos, j'ai peur", "FR"),
    "ko": ("전남친이 영상 뿌린다고 협박하는데 지금 집 앞에 와 있어요 무서워요", "KR"),
    "en": ("my ex is outside my flat right now banging on the door, he says he'll post our videos", "other"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_someone_at_the_door_now_hears_the_emergency_numbers_first(chat: Chat, language: str) -> None:
    message, place = AT_THE_DOOR[language]
    replies = chat.say(message, language_hint=language)
    assert replies[0]["text"] == said(language, f"danger.{place}")


# Danger told without a door: the person is inside, at work, followed; the numbers first all the same.

NO_DOOR = {
    "fr": "il est là chez moi il a bu, il menace de montrer mes photos",
    "ko": "전남친이 술 취해서 집에 찾아왔어요 사진 뿌린대요",
    "en": "my ex is here and hes drunk, he says hell show everyone my pics",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_danger_without_a_door_hears_the_emergency_numbers_first(chat: Chat, language: str) -> None:
    replies = chat.say(NO_DOOR[language], language_hint=language)
    assert replies[0]["text"] == said(language, f"danger.{AT_THE_DOOR[language][1]}"), joined(replies)
    assert chat.slot("in_danger") is True


# The danger goes on: "he's still there" is the same danger, and an answer read as a bare fact is understood.

DANGER_GOES_ON = {
    "fr": (
        "mon ex est devant ma porte, il veut entrer",
        ("il tape à la porte là", "il est toujours là je fais quoi", "j'ai peur"),
    ),
    "ko": (
        "전남친이 지금 집 앞에 와 있어요 무서워요",
        ("아직도 문 앞에 있어요 어떡해요", "계속 문 두드려요", "무서워요"),
    ),
    "en": (
        "theres someone outside my door, my ex, hes banging on it",
        ("what do i do hes still there", "he wont leave", "what do i do"),
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_danger_that_goes_on_hears_the_emergency_numbers_again_and_no_misreading(
    chat: Chat, language: str
) -> None:
    first, follow_ups = DANGER_GOES_ON[language]
    chat.say(first, language_hint=language)
    for message in follow_ups:
        replies = chat.say(message)
        answer = joined(replies)
        assert replies[0]["text"] == said(language, f"danger.{AT_THE_DOOR[language][1]}"), answer
        assert said(language, "clarify.text") not in answer, answer
        assert said(language, "situation.ask") not in answer, answer
        assert said(language, "situation.ack.sextortion") not in answer, answer


OK_THEN_STILL_THERE = {
    "fr": ("bon ok", "il est toujours là"),
    "ko": ("응", "아직 안갔어"),
    "en": ("ok", "hes still there"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_ok_after_the_numbers_keeps_the_danger_in_mind(chat: Chat, language: str) -> None:
    first, _ = DANGER_GOES_ON[language]
    chat.say(first, language_hint=language)
    ok, still = OK_THEN_STILL_THERE[language]
    chat.say(ok)
    assert chat.slot("in_danger") is True
    replies = chat.say(still)
    assert replies[0]["text"] == said(language, f"danger.{AT_THE_DOOR[language][1]}"), joined(replies)
    assert said(language, "goodbye.text") not in joined(replies)
    assert said(language, "clarify.text") not in joined(replies)


# Support asked for, the country given next: the lines of that country, never only "what happened?".

TALK_THEN_COUNTRY = {
    "fr": ("je me sens tellement mal depuis que c'est arrivé", "France", "FR"),
    "ko": ("그 일 이후로 너무 우울하고 힘들어요", "한국이요", "KR"),
    "en": ("i feel awful since it happened, i just need support", "uk", "GB"),
}
WHO_TO_CALL = {"fr": "j'appelle qui ?", "ko": "어디에 전화해야 돼요?", "en": "what number do i call"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_helplines_offered_before_the_country_come_once_it_is_given(chat: Chat, language: str) -> None:
    talk, country, code = TALK_THEN_COUNTRY[language]
    chat.say(talk, language_hint=language)
    assert chat.slot("pending_topic") == "support"
    answer = chat.text(country)
    assert chat.slot("country") == code
    assert said(language, f"support.{code}") in answer, answer
    called = chat.text(WHO_TO_CALL[language])
    assert said(language, f"support.{code}") in called, called
    assert said(language, "clarify.text") not in called


# A camera found: once the country is given, what to do (the police first), never only a menu.

CAMERA_AND_WHAT_NOW = {
    "fr": (
        "j'ai trouvé une caméra cachée dans le détecteur de fumée de ma location, je suis encore dans l'appart, "
        "je fais quoi ?"
    ),
    "ko": "모텔 화장실 환풍구에서 카메라를 발견했어요 지금 모텔이에요 어떻게 해야돼요",
    "en": (
        "found a tiny camera in the air freshener in my bathroom, my landlord is the only one with a key, "
        "what do i do"
    ),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_camera_found_then_the_country_gives_the_police_first(chat: Chat, language: str) -> None:
    first = chat.text(CAMERA_AND_WHAT_NOW[language])
    assert said(language, "out_of_scope.text") not in first
    answer = first if said(language, "evidence.police_first") in first else ""
    if not answer:
        assert chat.slot("offer") == "country", first
        answer = chat.text(f'/inform{{"country": "{COUNTRIES[language]}"}}')
    assert said(language, "evidence.police_first") in answer, answer


# Every country is a country: "Nigeria" answers "which country do you live in?".

NIGERIA = {"fr": "au Nigeria", "ko": "나이지리아요", "en": "Nigeria"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_any_country_answers_the_country_question(chat: Chat, language: str) -> None:
    chat.say(BLACKMAIL[language], language_hint=language)
    if chat.slot("offer") != "country":
        chat.say(REPORT_QUESTION[language])
    assert chat.slot("offer") == "country"
    answer = chat.text(NIGERIA[language])
    assert chat.slot("country") == "NG"
    assert said(language, "clarify.text") not in answer


REPORT_QUESTION = {"fr": "comment je signale ça ?", "ko": "어디에 신고해요?", "en": "how do i report this?"}


# A country named in passing never replaces the one the person lives in.

IN_PASSING = {
    "fr": "est-ce qu'il peut aussi être puni par la loi coréenne ?",
    "ko": "프랑스 법으로도 처벌 가능해요?",
    "en": "can i also file a complaint in india since he is indian too",
}
LIVES = {"fr": "FR", "ko": "KR", "en": "IE"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_country_named_in_passing_keeps_where_the_person_lives(chat: Chat, language: str) -> None:
    chat.say(BLACKMAIL[language], language_hint=language)
    chat.say(f'/inform{{"country": "{LIVES[language]}"}}')
    chat.say(IN_PASSING[language])
    assert chat.slot("country") == LIVES[language]


def test_korean_initial_consonants_of_a_wish_to_vanish_are_a_crisis_in_korean(chat: Chat) -> None:
    answer = chat.text("ㅈㄱ ㅅㄹㅈㄱ ㅅㅇ")
    assert chat.slot("language") == "ko"
    assert chat.slot("in_crisis") is True
    assert HANGUL.search(answer), answer


# Content still online after a report to the platform: the ways to remove it, never a reference trap.

STILL_UP = {
    "fr": ("mes photos sont toujours en ligne, je les ai signalées il y a 2 semaines", "France"),
    "ko": ("신고한 지 2주 됐는데 사진이 아직도 올라와 있어요", "한국이요"),
    "en": ("my pics are still up... i reported them 2 weeks ago", "uk"),
}
AFTER_THE_REFERENCE_QUESTION = {
    "fr": ("où en est mon signalement ?", "en fait il a remis mes photos sur un autre compte hier soir"),
    "ko": ("제 신고 어떻게 됐어요?", "근데 그 사람이 어젯밤에 다른 계정에 제 사진을 또 올렸어요"),
    "en": ("whats the status of my report", "actually he posted my pics again on another account last night"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_content_still_up_after_a_platform_report_gets_the_ways_to_remove_it(chat: Chat, language: str) -> None:
    message, country = STILL_UP[language]
    replies = chat.say(message, language_hint=language)
    answer = joined(replies)
    assert said(language, "status.still_online") in answer, answer
    assert said(language, "status.ask_reference") not in answer
    assert not (chat.tracker().get("active_loop") or {}).get("name")
    removal = joined(chat.say(country))
    assert said(language, "removal.intro") in removal, removal


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_story_told_while_a_reference_is_asked_is_answered_and_leaves_the_form(chat: Chat, language: str) -> None:
    asked, story = AFTER_THE_REFERENCE_QUESTION[language]
    assert said(language, "status.ask_reference") in joined(chat.say(asked, language_hint=language))
    answer = joined(chat.say(story))
    assert said(language, "status.bad_reference") not in answer, answer
    assert said(language, "status.ask_reference") not in answer, answer
    assert said(language, "clarify.text") not in answer, answer
    after = joined(chat.say({"fr": "je sais pas", "ko": "몰라요", "en": "idk"}[language]))
    assert said(language, "status.bad_reference") not in after, after


# Not wanting a complaint: the person's choice, and removal without one, never the complaint's steps.

NO_COMPLAINT = {
    "fr": ("mon ex a mis mes photos sur un site, je veux pas porter plainte", "France"),
    "ko": ("전남친이 제 사진을 올렸는데 고소는 하기 싫어요", "한국이요"),
    "en": ("my ex put my pics on a site but i dont want to go to the police", "uk"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_wanting_a_complaint_gets_removal_without_one(chat: Chat, language: str) -> None:
    message, country = NO_COMPLAINT[language]
    first = joined(chat.say(message, language_hint=language))
    if said(language, "report.no_complaint") not in first:
        first += joined(chat.say(country))
    answer = first if said(language, "removal.intro") in first else first + joined(chat.say(country))
    assert said(language, "report.no_complaint") in answer, answer
    assert said(language, "removal.intro") in answer, answer


FRIEND_IN_PASSING = {
    "fr": "ma pote m'a dit que ses nudes tournent sur snap, elle sait pas que je vous écris",
    "ko": "친구 사진이 단톡방에 돌아요. 친구는 제가 여기 연락한 거 몰라요",
    "en": "my best friend just told me her nudes are on reddit, she doesnt know im messaging you",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_friend_writing_in_passing_hears_about_her_friend(chat: Chat, language: str) -> None:
    answer = joined(chat.say(FRIEND_IN_PASSING[language], language_hint=language))
    assert said(language, "situation.ack.sharing.other") in answer, answer
    assert chat.slot("someone_else") is True


# Will the school or work find out: nothing here reaches them, said first.

SCHOOL_FINDS_OUT = {
    "fr": ("mon ex a mis des photos de moi sur un compte insta", "est-ce que mon lycée va être au courant ?"),
    "ko": ("전남친이 제 사진을 인스타에 올렸어요", "학교에 연락 가요?"),
    "en": ("my ex put my pics on an insta account", "will my school find out?"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_whether_the_school_will_know_hears_nothing_here_reaches_it(chat: Chat, language: str) -> None:
    story, question = SCHOOL_FINDS_OUT[language]
    chat.say(story, language_hint=language)
    replies = chat.say(question)
    assert replies[0]["text"] == said(language, "found_out.not_told"), joined(replies)
    assert said(language, "clarify.text") not in joined(replies)


# Moving on right after a danger: the numbers come first if it comes back, then the answer.

AFTER_DANGER = {
    "fr": "comment je fais pour garder des preuves ?",
    "ko": "증거는 어떻게 남겨야 해요?",
    "en": "how do i keep evidence?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_moving_on_after_a_danger_hears_the_numbers_come_first_if_it_comes_back(chat: Chat, language: str) -> None:
    chat.say(NO_DOOR[language], language_hint=language)
    replies = chat.say(AFTER_DANGER[language])
    assert replies[0]["text"] == said(language, "danger.check"), joined(replies)
    assert chat.slot("in_danger") is False


# A danger, the country, then what happens next: the country's numbers, no child route for "17", no goodbye.

DANGER_THEN = {
    "fr": ("il est rentré à la maison, il a bu, j'ai peur", "France", "j'ai appelé le 17 ils arrivent", "il est parti"),
    "ko": ("남친이 지금 거실에 있어요 술 마셨어요 무서워요", "한국", "112에 전화했어요 오고 있대요", "갔어요"),
    "en": ("my ex is in the flat rn, he's drunk", "france", "i called 17 they're coming", "he left"),
}
DANGER_COUNTRY = {"fr": "FR", "ko": "KR", "en": "FR"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_danger_then_the_country_then_the_police_called_is_followed_without_a_misreading(
    chat: Chat, language: str
) -> None:
    danger, country, called, left = DANGER_THEN[language]
    first = chat.say(danger, language_hint=language)
    assert first[0]["text"].startswith(said(language, "danger.other")[:25]), joined(first)
    answer = joined(chat.say(country))
    assert said(language, f"danger.{DANGER_COUNTRY[language]}") in answer, answer
    assert said(language, "situation.ask") not in answer
    after = chat.say(called)
    assert [reply.get("text") for reply in after] == [said(language, "danger.called")], joined(after)
    assert chat.slot("is_minor") is not True, joined(after)
    bye = joined(chat.say(left))
    assert said(language, "goodbye.text") not in bye, bye
    assert said(language, "danger.check") in bye, bye


# The police called in a danger, in words: stay safe until they come; no report's journey, no country question.

POLICE_CALLED = {
    "fr": ("il est devant chez moi il tape à la porte", "j'ai appelé la police"),
    "ko": ("전남친이 지금 집 앞에 와서 문 두드려요 무서워요", "경찰에 신고했어요"),
    "en": ("my ex is outside my flat and he's banging on the door", "ok i called the police they are coming"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_police_called_in_a_danger_is_heard_never_a_report_journey(chat: Chat, language: str) -> None:
    danger, called = POLICE_CALLED[language]
    chat.say(danger, language_hint=language)
    after = chat.say(called)
    assert [reply.get("text") for reply in after] == [said(language, "danger.called")], joined(after)
    assert chat.slot("in_danger") is True


# A blackmailer's threat to post if blocked, once the blackmail is told: its answer, not the blackmail's opening.

BLACKMAIL_THEN_BLOCK = {
    "fr": ("un mec que j'ai rencontré en ligne menace de publier mes photos si je lui paie pas 500 euros",
           "il dit que si je le bloque il balance tout"),
    "ko": ("온라인에서 만난 남자가 돈 안 보내면 영상 유포한대요", "차단하면 바로 뿌린대요"),
    "en": ("a guy i met online says he'll post my nudes unless i pay him $500",
           "he says if i block him he posts everything"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_threat_to_post_if_blocked_is_answered_not_the_blackmail_again(chat: Chat, language: str) -> None:
    story, threat = BLACKMAIL_THEN_BLOCK[language]
    chat.say(story, language_hint=language)
    replies = chat.say(threat)
    assert replies[0]["text"] == said(language, "sextortion.block_threat"), joined(replies)
    assert said(language, "situation.ack.sextortion") not in joined(replies)


NO_REFERENCE_STATUS = {
    "fr": "où en est mon signalement ? je n'ai pas de numéro de dossier",
    "ko": "제 신고 어떻게 됐어요? 접수번호 같은 건 없어요",
    "en": "where is my report? i dont have any number or anything",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_status_question_without_any_reference_is_not_asked_for_one(chat: Chat, language: str) -> None:
    answer = joined(chat.say(NO_REFERENCE_STATUS[language], language_hint=language))
    assert said(language, "status.not_given") in answer, answer
    assert said(language, "status.ask_reference") not in answer


# After a crisis: a short reply is listened to, not sent to the menu; one who cannot call hears what can be written to.

CRISIS_WORDS = {"fr": "j'ai envie de mourir", "ko": "죽고 싶어", "en": "i dont want to be here anymore"}
SHORT_AFTER = {"fr": "non", "ko": "아니", "en": "no"}
CANNOT_CALL = {"fr": "je peux pas appeler", "ko": "전화는 못하겠어", "en": "i cant call anyone"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_a_crisis_a_short_reply_is_listened_to_and_no_call_is_needed(chat: Chat, language: str) -> None:
    chat.say(CRISIS_WORDS[language], language_hint=language)
    declined = chat.say(SHORT_AFTER[language])  # a no to the person offered, or, when nobody can join, to nothing
    heard = (said(language, "handoff.declined"), said(language, "crisis.listening"))
    assert declined[0]["text"] in heard, joined(declined)
    assert said(language, "next.prompt") not in joined(declined)
    no_call = chat.say(CANNOT_CALL[language])
    expected = [said(language, "crisis.cannot_call"), said(language, "crisis.cannot_call.rest")]
    assert [reply.get("text") for reply in no_call] == expected, joined(no_call)
    assert said(language, "country.ask") not in joined(no_call)


# Despair read as a goodbye, self-blame, a figure of speech, a teacher writing about a pupil.

ALL_OVER = {"fr": "c'est fini pour moi", "ko": "걍 다 끝났어", "en": "it's all over"}
PARENTS_WILL_KILL = {
    "fr": ("j'ai 15 ans et mon ex a mis mes photos sur insta", "ma mère va me tuer si elle voit ça"),
    "ko": ("저 15살인데 전남친이 제 사진을 인스타에 올렸어요", "엄마가 알면 나 죽일 거야"),
    "en": ("im 16 and my ex posted my pics on snap", "my mum will kill me if she finds out"),
}
TEACHER = {
    "fr": "je suis prof au collège, un de mes élèves de 4e se fait menacer par quelqu'un qui a une vidéo de lui",
    "ko": "중학교 교사예요 우리 반 학생이 영상 때문에 협박을 받고 있대요",
    "en": "I'm a teacher in Leeds. A Year 10 boy in my class told me someone is blackmailing him with a video",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_despair_read_as_a_goodbye_is_met_as_distress(chat: Chat, language: str) -> None:
    replies = chat.say(ALL_OVER[language], language_hint=language)
    assert said(language, "goodbye.text") not in joined(replies), joined(replies)
    assert said(language, "support.kind") in joined(replies) or chat.slot("in_crisis"), joined(replies)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_teenager_afraid_of_a_parent_hears_nothing_reaches_them_never_the_suicide_line(
    chat: Chat, language: str
) -> None:
    story, fear = PARENTS_WILL_KILL[language]
    chat.say(story, language_hint=language)
    replies = joined(chat.say(fear))
    assert said(language, "parents.not_told") in replies, replies
    assert not chat.slot("in_crisis"), replies


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_teacher_writing_about_a_pupil_hears_about_the_pupil(chat: Chat, language: str) -> None:
    replies = joined(chat.say(TEACHER[language], language_hint=language))
    assert said(language, "minor.intro.other") in replies, replies
    assert said(language, "minor.intro") not in replies


# A blackmail, "should I pay?" (the country asked in a few words, not again whole), "I already blocked him".

BLACKMAIL_FOLLOW_UPS = {
    "fr": ("un mec rencontré sur insta veut 500 euros sinon il envoie ma vidéo à ma famille", "je dois payer ?",
           "je l'ai déjà bloqué"),
    "ko": ("인스타에서 만난 남자가 50만 원 안 보내면 영상 가족한테 보낸대요", "돈 보내야 해요?", "차단했어요"),
    "en": ("someone i met on insta wants 500 dollars or he sends my video to my family", "should i just pay",
           "i already blocked him"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blackmails_follow_ups_are_answered_and_the_country_not_asked_whole_again(chat: Chat, language: str) -> None:
    story, pay, blocked = BLACKMAIL_FOLLOW_UPS[language]
    assert said(language, "country.ask") in joined(chat.say(story, language_hint=language))
    paid = chat.say(pay)
    assert paid[0]["text"] == said(language, "sextortion.dont_pay"), joined(paid)
    assert said(language, "country.ask") not in joined(paid)
    assert paid[-1]["text"] == said(language, "country.ask.short"), joined(paid)
    done = chat.say(blocked)
    assert done[0]["text"] == said(language, "sextortion.blocked"), joined(done)
    assert said(language, "clarify.text") not in joined(done)


UNSURE = {"fr": "jsp", "ko": "몰라", "en": "idk"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_i_dont_know_is_never_not_understood(chat: Chat, language: str) -> None:
    chat.say(GREETINGS[language], language_hint=language)
    replies = chat.say(UNSURE[language])
    assert said(language, "clarify.text") not in joined(replies), joined(replies)


# "They won't delete it" about a platform is never erasing what Relais holds (a sent report was erased so).

PLATFORM_REFUSES = {
    "fr": ("mon ex a posté mes nudes sur reddit", "j'ai signalé à reddit mais ils veulent pas supprimer"),
    "ko": ("전남친이 제 사진을 트위터에 올렸어요", "트위터는 신고해도 안지워주던데"),
    "en": ("my ex posted my nudes on reddit", "I reported it to reddit but they won't delete it"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_platform_that_will_not_delete_is_never_an_erasure(chat: Chat, language: str) -> None:
    story, refused = PLATFORM_REFUSES[language]
    chat.say(story, language_hint=language)
    never_erasure(language, joined(chat.say(refused)), chat)


# Someone else's wish to die, told by a parent or a friend: the crisis answer speaks of them.

SOMEONE_ELSES_CRISIS = {
    "fr": "Ma fille ne veut plus aller en cours, elle dit qu'elle veut disparaître",
    "ko": "딸이 영상 때문에 죽고 싶대요 어떡해요",
    "en": "my friend's nudes got leaked and shes saying she wants to kill herself",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_someone_elses_crisis_is_answered_about_them(chat: Chat, language: str) -> None:
    replies = chat.say(SOMEONE_ELSES_CRISIS[language], language_hint=language)
    assert chat.slot("in_crisis") is True, joined(replies)
    assert replies[0]["text"].startswith(said(language, "crisis.unknown.other")[:40]), joined(replies)


# A follow-up after a story whose own words call for one answer first (actions/first_line.py): the answer, said
# first, for the country where the law sets one; never "not understood" nor the words of comfort for distress.

FIRST_REPLY = {
    "blames_self": {
        "fr": ("mon ex a partagé mes nudes sur snap", "c grave si c moi qui ai envoyé les photos a la base?",
               "support.not_your_fault"),
        "ko": ("전남친이 제 사진을 인스타에 올렸어요", "근데 나도 예전에 걔한테 셀카 보낸 적 있는데 내 잘못이야?",
               "support.not_your_fault"),
        "en": ("my ex shared my nudes on snap", "is it my fault i sent them?", "support.not_your_fault"),
    },
    "removal_time": {
        "fr": ("mon ex a mis ma vidéo sur un site porno, je suis en France", "combien de temps pour le retrait ?",
               "removal.time.FR"),
        "ko": ("전남친이 제 영상을 사이트에 올렸어요 한국에 살아요", "삭제되는 데 얼마나 걸려요?", "removal.time.KR"),
        "en": ("my ex posted my video on a porn site, im in the us", "how long does it take to get taken down",
               "removal.time.US"),
    },
    "unknown_author": {
        "fr": ("un compte anonyme a posté un montage de moi nue sur insta", "je sais même pas qui c'est",
               "situation.unknown_author"),
        "ko": ("지인능욕방에 제 사진이 합성돼서 올라왔대요", "걔가 누군지 몰라요", "situation.unknown_author"),
        "en": ("an anonymous account posted a fake nude of me on insta", "i dont know who it is",
               "situation.unknown_author"),
    },
    "police_refused": {
        "fr": ("mon ex a mis mes photos sur snap, je suis en france", "la police m'a dit qu'ils peuvent rien faire",
               "report.police_refused.FR"),
        "ko": ("전남친이 제 사진을 인스타에 올렸어요 한국이에요", "경찰이 해줄 수 있는 게 없대요",
               "report.police_refused"),
        "en": ("my ex posted my pics on insta, im in the uk", "the police said they cant do anything",
               "report.police_refused"),
    },
    "author_told": {
        "fr": ("mon ex a mis mes photos sur snap, je suis en france", "et si je porte plainte il va le savoir?",
               "found_out.author"),
        "ko": ("전남친이 제 사진을 인스타에 올렸어요 한국이에요", "가해자가 제가 신고한 거 알게 되나요?",
               "found_out.author"),
        "en": ("my ex posted my pics on insta, im in the uk", "will he know i reported?", "found_out.author"),
    },
    "posted_again": {
        "fr": ("mon ex a mis mes photos sur snap, je suis en france", "et si il en poste encore?", "removal.again"),
        "ko": ("전남친이 제 사진을 인스타에 올렸어요 한국이에요", "걔가 더 올리면 어케돼?", "removal.again"),
        "en": ("my ex posted my pics on insta, im in the uk", "what if he posts more", "removal.again"),
    },
    "cost": {
        "fr": ("mon ex a mis mes photos sur snap", "c'est gratuit ?", "cost.general"),
        "ko": ("전남친이 제 사진을 인스타에 올렸어요", "이거 상담 무료에요? 돈 드나요?", "cost.general"),
        "en": ("my ex posted my pics on insta", "does this cost anything", "cost.general"),
    },
    "country_why": {
        "fr": ("mon ex a mis mes photos sur snap", "pourquoi vous voulez savoir mon pays", "country.ask.again"),
        "ko": ("전남친이 제 사진을 인스타에 올렸어요", "왜 나라를 알아야 돼요?", "country.ask.again"),
        "en": ("my ex posted my pics on insta", "why do you need to know that", "country.ask.again"),
    },
    "crisis_eased": {
        "fr": ("je veux mourir, il a mis mes photos partout",
               "non ça va aller en fait, je vais pas faire de bêtise, j'avais juste besoin de le dire", "crisis.eased"),
        "ko": ("죽고 싶어요 사진이 다 퍼졌어요", "죽고싶다는 건 아니고요 이제 좀 진정됐어요", "crisis.eased"),
        "en": ("i want to die, my pics are everywhere", "im ok now honestly, i wont do anything stupid",
               "crisis.eased"),
    },
    "danger_cannot_call": {
        "fr": ("il est rentré à la maison, il a bu, il menace de balancer mes photos, j'ai peur",
               "je peux pas appeler il va m'entendre", "danger.cannot_call"),
        "ko": ("남친이 술 취해서 집에 왔어요 사진 뿌린대요 무서워요", "전화는 못 해요 들을까 봐", "danger.cannot_call"),
        "en": ("my ex is in the flat rn, he's drunk", "i cant call, he'd hear me", "danger.cannot_call"),
    },
}


@pytest.mark.parametrize("reading", sorted(FIRST_REPLY))
@pytest.mark.parametrize("language", LANGUAGES)
def test_a_follow_up_after_a_story_hears_its_own_answer_first(chat: Chat, language: str, reading: str) -> None:
    story, follow_up, key = FIRST_REPLY[reading][language]
    chat.say(story, language_hint=language)
    replies = chat.say(follow_up)
    assert replies[0]["text"] == said(language, key), joined(replies)
    assert said(language, "clarify.text") not in joined(replies)
    assert said(language, "support.crisis_hint") not in joined(replies)


# What an eighth newcomer found: a blackmail's "what do I do" read as a goodbye, not wanting to say the country read
# as a crisis, a violent partner in the next room, wanting the images deleted read as a crisis.

BLACKMAIL = {
    "fr": "qqn menace de publier mes photos si je lui envoie pas d autres",
    "ko": "누가 내 사진으로 협박해요 돈 달래요",
    "en": "someone i met on a dating app has a video of me and wants $800 in gift cards by tomorrow",
}
WHAT_NOW = {"fr": "je dois faire quoi la", "ko": "이제 뭐 해야 돼요", "en": "what do i do now"}
DECLINE = {"fr": "jprefere pas dire ou jhabite", "ko": "나라는 말하기 싫어요", "en": "i'd rather not say where i live"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_to_do_after_a_blackmail_is_never_a_goodbye(chat: Chat, language: str) -> None:
    chat.say(BLACKMAIL[language], language_hint=language)
    replies = joined(chat.say(WHAT_NOW[language]))
    assert said(language, "goodbye.text") not in replies, replies
    assert said(language, "clarify.text") not in replies, replies


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_wanting_to_say_the_country_is_fine_never_a_crisis(chat: Chat, language: str) -> None:
    assert said(language, "country.ask") in joined(chat.say(BLACKMAIL[language], language_hint=language))
    replies = chat.say(DECLINE[language])
    assert replies[0]["text"] == said(language, "country.declined"), joined(replies)
    assert not chat.slot("in_crisis"), joined(replies)
    assert chat.slot("country") == "other"
    assert said(language, "country.ask") not in joined(chat.say(WHAT_NOW[language]))


PARTNER_IN_THE_NEXT_ROOM = {
    "fr": ("mon mari me menace de publier des videos de nous si je pars, il est violent, jai peur il est dans la "
           "piece a coté", "FR"),
    "ko": ("남편이 영상 뿌린다고 협박해요 폭력적이라 무서워요 지금 옆방에 있어요 한국이에요", "KR"),
    "en": ("my boyfriend says he'll post the videos if i leave, he's violent, im scared, he's in the next room. "
           "im in melbourne", "AU"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_violent_partner_in_the_next_room_hears_the_emergency_numbers_and_the_partner_line(
    chat: Chat, language: str
) -> None:
    text, country = PARTNER_IN_THE_NEXT_ROOM[language]
    replies = chat.say(text, language_hint=language)  # no country in French: France's numbers, as for the language
    assert replies[0]["text"] == said(language, f"danger.{country}"), joined(replies)
    assert replies[1]["text"] == said(language, f"danger.partner.{country}"), joined(replies)
    assert said(language, "situation.ack.sextortion") not in joined(replies), "never 'stop replying' to a partner"
    assert said(language, "situation.threat") not in joined(replies)


ONLY_DELETE = {
    "fr": ("mon ex a mis mes photos sur snap", "la police non, je veux juste que ces photos disparaissent"),
    "ko": ("전남친이 제 사진을 인스타에 올렸어요", "경찰은 싫어 그냥 지우기만 하고 싶어"),
    "en": ("my ex posted my pics on snap", "no police, i just want the pics gone"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_wanting_the_images_deleted_is_removal_never_a_crisis(chat: Chat, language: str) -> None:
    story, wish = ONLY_DELETE[language]
    chat.say(story, language_hint=language)
    replies = joined(chat.say(wish))
    assert not chat.slot("in_crisis"), replies
    assert said(language, "clarify.text") not in replies


# What a ninth newcomer found: a wish to vanish at "shall I erase it?" erased the chat; "pls hurry" in a danger got
# "I hope you are safe now"; "i want it deleted, nothing else, no police" was not understood.

ERASE_THEN_VANISH = {
    "fr": ("mon ex a diffusé mes photos", "efface toute la conversation", "jai envie de tout effacer, de disparaitre"),
    "ko": ("전남친이 제 사진을 퍼뜨렸어요", "이 대화 다 지워주세요", "다 지우고 사라지고 싶어"),
    "en": ("my ex shared my pics", "delete this whole chat", "i want to erase it all and disappear"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wish_to_vanish_at_the_erasure_question_is_a_crisis_and_erases_nothing(chat: Chat, language: str) -> None:
    story, erase, vanish = ERASE_THEN_VANISH[language]
    chat.say(story, language_hint=language)
    assert said(language, "erase.confirm") in joined(chat.say(erase))
    replies = chat.say(vanish)
    assert chat.slot("in_crisis") is True, joined(replies)
    assert not any(reply.get("text", "").startswith(said(language, "erase.done")[:20]) for reply in replies)


DANGER_THEN_HURRY = {
    "fr": ("jai trouvé une camera cachée chez moi et il est dans la piece a coté", "vite stp"),
    "ko": ("남편이 화장실에 몰카 설치했어요 지금 집에 있어요", "빨리요"),
    "en": ("found a hidden camera in my bathroom and hes in the next room rn", "pls hurry"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_hurry_in_a_danger_is_the_same_danger_never_i_hope_you_are_safe(chat: Chat, language: str) -> None:
    story, hurry = DANGER_THEN_HURRY[language]
    first = chat.say(story, language_hint=language)
    assert any(reply.get("text", "").startswith(said(language, "danger.other")[:15]) for reply in first), joined(first)
    replies = chat.say(hurry)
    assert said(language, "danger.check") not in joined(replies), joined(replies)
    assert chat.slot("in_danger") is True


ONLY_REMOVAL = {
    "fr": "je veux juste que ca soit supprimé, pas de police rien",
    "ko": "신고는 안할거고 그냥 삭제만 하고싶어요",
    "en": "i want it deleted, nothing else, no police",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_removal_without_the_police_is_understood_as_a_first_message(chat: Chat, language: str) -> None:
    replies = chat.say(ONLY_REMOVAL[language], language_hint=language)
    assert replies[0]["text"] == said(language, "report.no_complaint"), joined(replies)


# What a tenth newcomer found: "…disparaissent et moi avec" missed as a crisis; "no im not suicidal" answered with the
# crisis line again; erasing taken back never said so; "on est a montreal" switched a French chat to English; a
# partner's violence in the present was out of scope.

AND_ME_WITH_THEM = {
    "fr": "je veux juste que ces photos disparaissent et moi avec",
    "ko": "사진이 사라지면 나도 같이 사라지고 싶어",
    "en": "i just want the pics gone and me too",
}
NOT_SUICIDAL = {
    "fr": ("j'ai envie de mourir", "non je suis pas suicidaire, je voulais dire arrêter le signalement"),
    "ko": ("죽고 싶어", "죽고 싶은 건 아니고 그냥 신고 그만하고 싶다는 뜻이에요"),
    "en": ("i want to die", "no im not suicidal i meant i want to stop the report form"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_images_gone_and_me_with_them_is_a_crisis(chat: Chat, language: str) -> None:
    replies = chat.say(AND_ME_WITH_THEM[language], language_hint=language)
    assert chat.slot("in_crisis") is True, joined(replies)


@pytest.mark.parametrize("language", LANGUAGES)
def test_saying_one_is_not_suicidal_is_not_answered_with_the_crisis_line_again(chat: Chat, language: str) -> None:
    crisis, correction = NOT_SUICIDAL[language]
    first = chat.say(crisis, language_hint=language)
    replies = chat.say(correction)
    assert first[0]["text"] not in joined(replies), joined(replies)


@pytest.mark.parametrize("language", LANGUAGES)
def test_erasing_taken_back_erases_nothing_and_says_so(chat: Chat, language: str) -> None:
    story, erase, _ = ERASE_THEN_VANISH[language]
    chat.say(story, language_hint=language)
    assert said(language, "erase.confirm") in joined(chat.say(erase))
    back = {"fr": "attends non n'efface pas", "ko": "아 잠깐 지우지 마세요", "en": "wait no dont delete it"}[language]
    replies = chat.say(back)
    assert replies[0]["text"] == said(language, "erase.cancelled"), joined(replies)


def test_a_french_chat_stays_french_when_a_city_is_given_in_shared_words(chat: Chat) -> None:
    chat.say("ma soeur de 17 ans se fait menacer par un mec qui a des photos d'elle", language_hint="fr")
    chat.say("on est a montreal")
    assert chat.slot("language") == "fr"


VIOLENT_NOW = {
    "fr": ("mon mari menace de mettre nos videos en ligne si je pars", "il est violent quand il boit"),
    "ko": ("남편이 우리 영상 올린다고 협박해요", "술 마시면 때려요"),
    "en": ("my boyfriend says he'll post our videos if i leave", "he hits me sometimes"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_partners_violence_told_in_the_present_gets_the_emergency_numbers_first(chat: Chat, language: str) -> None:
    story, violence = VIOLENT_NOW[language]
    chat.say(story, language_hint=language)
    replies = chat.say(violence)
    assert replies[0]["text"].startswith(said(language, "danger.other")[:15]), joined(replies)
    assert said(language, "out_of_scope.text") not in joined(replies)


SEEN_ON_THE_PHONE = {
    "fr": ("mon mari menace de publier nos videos", "jai peur qu il tombe sur la conversation"),
    "ko": ("남편이 우리 영상 올린다고 협박해요", "남편이 핸드폰 볼까 봐요"),
    "en": ("my boyfriend says he'll post our videos", "i'm scared he'll see this chat"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_fear_that_someone_sees_this_chat_hears_how_to_delete_it(chat: Chat, language: str) -> None:
    story, seen = SEEN_ON_THE_PHONE[language]
    chat.say(story, language_hint=language)
    replies = chat.say(seen)  # Rasa's REST channel: no widget buttons to name
    assert replies[0]["text"] == said(language, "safety.seen"), joined(replies)


DEADLINE = {"fr": "il m a donné jusqua demain midi", "ko": "오늘 밤 12시까지래", "en": "he gave me until tomorrow"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blackmailers_deadline_hears_no_at_once(chat: Chat, language: str) -> None:
    chat.say(BLACKMAIL[language], language_hint=language)
    replies = chat.say(DEADLINE[language])
    assert replies[0]["text"] == said(language, "sextortion.dont_pay"), joined(replies)
    assert said(language, "clarify.text") not in joined(replies)


# What an eleventh newcomer found: a wish to die inside a story missed, "delete it" about the images offering to erase
# the chat, a blackmail forgotten after the crisis line, a partner's threat to post if she leaves read as a stranger's.

CRISIS_IN_A_STORY = {
    "fr": [
        "un mec me menace de tout publier, j'ai déjà payé et il en redemande. jpp de cette vie franchement",
        "mon mec a diffusé mes photos. jen peux plus, jai pris des cachets",
    ],
    "ko": ["전남친이 사진 뿌린다고 협박해요 아빠가 보느니 차라리 죽는 게 나아요"],
    "en": [
        "my roommate had a hidden camera in the bathroom. i dont even want to live anymore",
        "my ex posted my pics everywhere. i cant anymore, i just took a bunch of pills",
    ],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_wish_to_die_inside_a_story_gets_the_crisis_line_first(stack: Stack, language: str) -> None:
    for text in CRISIS_IN_A_STORY[language]:
        chat = Chat(stack)
        replies = chat.say(text, language_hint=language)
        assert replies[0]["text"].startswith(said(language, "crisis.unknown").split(".")[0]), joined(replies)
        assert chat.slot("in_crisis") is True
        if "pills" in text or "cachets" in text:  # medical help now, with no number for an unknown country
            texts = [reply.get("text", "") for reply in replies]
            assert said(language, "crisis.harm_done.other") in texts[1:3], joined(replies)


CRISIS_AND_BLACKMAIL = {
    "fr": "il dit qu'il publie ma vidéo si je paie pas. j'ai juste envie de disparaître",
    "ko": "돈 안 보내면 영상 뿌린대요. 그냥 죽고 싶어요",
    "en": "he says he'll post my video unless i pay. i just want to disappear",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blackmail_told_with_a_wish_to_die_hears_its_steps_after_the_crisis_line(chat: Chat, language: str) -> None:
    replies = chat.say(CRISIS_AND_BLACKMAIL[language], language_hint=language)
    assert chat.slot("in_crisis") is True
    texts = [reply.get("text", "") for reply in replies]
    assert said(language, "situation.threat") in texts[1:], joined(replies)
    assert chat.slot("situation") == "sextortion"


DELETE_IT_AFTER_A_STORY = {
    "fr": ("mon ex a posté mes nudes sur twitter", "vous pouvez les supprimer ?"),
    "ko": ("제 사진이 트위터에 올라갔어요", "지워주세요"),
    "en": ("my ex posted my nudes on twitter", "can u just delete it for me please"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_delete_it_after_a_story_never_offers_to_erase_the_chat_unasked(chat: Chat, language: str) -> None:
    story, delete_it = DELETE_IT_AFTER_A_STORY[language]
    chat.say(story, language_hint=language)
    replies = chat.say(delete_it)
    never_erasure(language, joined(replies), chat)
    which = said(language, "erase.which") in joined(replies) and "/ask_removal" in payloads(replies)
    assert which or chat.slot("pending_topic") == "removal", joined(replies)


LEAVING = {
    "fr": "il menace de publier nos vidéos si je le quitte, je suis en france",
    "ko": "남친이 헤어지면 우리 영상 뿌린대요 한국이에요",
    "en": "he says he'll post our videos if i leave him. im in australia",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_threat_to_post_if_she_leaves_is_a_partners_abuse_with_its_line(chat: Chat, language: str) -> None:
    country = {"fr": "FR", "ko": "KR", "en": "AU"}[language]
    replies = joined(chat.say(LEAVING[language], language_hint=language))
    assert said(language, "situation.ack.sextortion.partner") in replies, replies
    assert said(language, f"danger.partner.{country}") in replies
    assert said(language, "situation.threat") not in replies


# What a twelfth newcomer found: in a danger, "he's coming, delete it now" got removal advice.

DANGER_THEN_DELETE = {
    "fr": ("il est rentré à la maison, il a bu, il menace de balancer mes photos, j'ai peur",
           "il arrive efface tout vite"),
    "ko": ("남친이 술 취해서 집에 왔어요 사진 뿌린대요 무서워요", "남편 온다 빨리 지워줘"),
    "en": ("my ex is in the flat rn, he's drunk", "ugh no actually he's coming, delete it now"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_in_a_danger_delete_it_now_asks_to_erase_this_chat_at_once(chat: Chat, language: str) -> None:
    danger, delete_now = DANGER_THEN_DELETE[language]
    chat.say(danger, language_hint=language)
    replies = chat.say(delete_now)
    assert joined(replies) == said(language, "erase.confirm"), joined(replies)
    assert chat.slot("offer") == "erase"


# What a fourteenth newcomer found: "delete it all" after a story offered to erase the chat and "no, the photos" was
# not understood; a deadline read as a crisis; a husband's blackmail answered "stop replying"; an offer to send the
# photo answered with the privacy text; platforms typed at the report offer lost; "idk" after the crisis line taken
# for a yes.

EVERYTHING_THEN_THE_PHOTOS = {
    "fr": ("un mec a mis des photos de moi nue sur un compte insta, je suis en france",
           "je veux que tout ça soit supprimé", "non pas la conversation, les photos"),
    "ko": ("남친이 내 사진을 단톡방에 올렸어 한국이야", "다 지워줘 제발", "대화 말고 사진이요"),
    "en": ("my ex posted my nudes on reddit, im in the uk", "delete everything", "no not the chat, the pics"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_delete_everything_after_a_story_asks_which_and_the_photos_get_the_removal_steps(
    chat: Chat, language: str
) -> None:
    story, everything, photos = EVERYTHING_THEN_THE_PHOTOS[language]
    chat.say(story, language_hint=language)
    replies = chat.say(everything)
    assert said(language, "erase.which") in joined(replies), joined(replies)
    never_erasure(language, joined(replies), chat)
    replies = chat.say(photos)
    assert said(language, "removal.intro") in joined(replies), joined(replies)
    never_erasure(language, joined(replies), chat)


DEADLINE_AFTER_A_BLACKMAIL = {
    "fr": ("un mec sur snap a mes nudes et dit qu'il les publie si je paie pas 500 euros, je suis en france",
           "il m'a donné jusqu'à ce soir"),
    "ko": ("인스타에서 만난 사람이 돈 안 보내면 영상 뿌린대요 한국이에요", "오늘 밤까지 보내래요"),
    "en": ("some guy on snap has my nudes and says he'll post them unless i pay $500, im in the us",
           "he said i have until tonight"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_blackmails_deadline_hears_dont_pay_never_the_suicide_line(chat: Chat, language: str) -> None:
    story, deadline = DEADLINE_AFTER_A_BLACKMAIL[language]
    chat.say(story, language_hint=language)
    replies = chat.say(deadline)
    dont_pay = (said(language, "sextortion.dont_pay"), said(language, "sextortion.dont_pay.other"))
    assert replies and replies[0].get("text") in dont_pay, joined(replies)
    assert chat.slot("in_crisis") is not True


HUSBANDS_BLACKMAIL = {
    "fr": "mon mari a des vidéos de moi et il menace de les envoyer à ma famille",
    "ko": "남편이 제 영상 가지고 가족한테 보낸다고 협박해요",
    "en": "my husband has videos of me and he's threatening to send them to my family",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_husbands_blackmail_is_abuse_and_never_stop_replying(chat: Chat, language: str) -> None:
    replies = joined(chat.say(HUSBANDS_BLACKMAIL[language], language_hint=language))
    assert said(language, "situation.ack.sextortion.partner") in replies, replies
    assert said(language, "situation.ack.sextortion") not in replies


SEND_THE_PHOTO = {
    "fr": ("mon ex a publié mes photos intimes",
           "je peux vous envoyer la photo pour que vous voyiez de quoi je parle ?"),
    "ko": ("전남친이 제 사진을 올렸어요", "사진 보내드릴까요? 보시면 아실 거예요"),
    "en": ("my ex posted my nudes", "can i send you the pic so you can see what i mean?"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_offer_to_send_the_photo_hears_plainly_not_to(chat: Chat, language: str) -> None:
    story, offer = SEND_THE_PHOTO[language]
    chat.say(story, language_hint=language)
    replies = chat.say(offer)
    assert replies and replies[0].get("text") == said(language, "images.not_needed"), joined(replies)


PLACES_AT_THE_OFFER = {
    "fr": ("mon ex a publié mes photos intimes sur insta, je suis en france", "je veux signaler",
           "insta et snap je crois"),
    "ko": ("전남친이 제 사진을 인스타에 올렸어요 한국이에요", "신고하고 싶어요", "트위터에도 있어요"),
    "en": ("my ex posted my nudes on instagram, im in the uk", "i want to report it",
           "snapchat i think, and a whatsapp group"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_platforms_typed_at_the_report_offer_start_the_report_with_them_noted(chat: Chat, language: str) -> None:
    story, report, places = PLACES_AT_THE_OFFER[language]
    chat.say(story, language_hint=language)
    chat.say(report)
    assert chat.slot("offer") == "intake"
    replies = chat.say(places)
    assert said(language, "intake.place.noted", place="instagram") in joined(replies), joined(replies)
    assert len(chat.slot("intake_places") or []) >= 2, chat.slot("intake_places")
    assert said(language, "intake.ask.intake_where.more").split("?")[0] in joined(replies)


VANISH_THEN_NOT_DYING = {
    "fr": ("depuis que la vidéo circule j'ai envie de disparaître",
           "je veux dire que tout le monde oublie, pas mourir hein", "jsp"),
    "ko": ("영상 퍼진 뒤로 그냥 사라지고 싶어요", "죽고 싶다는 게 아니라 그냥 다들 잊었으면 좋겠다는 뜻이에요",
           "잘 모르겠어요"),
    "en": ("since the video got out i just want to disappear", "i didnt mean it like that, i'm not going to die lol",
           "idk"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_dying_is_heard_once_and_i_dont_know_asks_for_no_person(chat: Chat, language: str) -> None:
    vanish, not_dying, unsure = VANISH_THEN_NOT_DYING[language]
    chat.say(vanish, language_hint=language)
    assert chat.slot("in_crisis") is True
    replies = chat.say(not_dying)
    assert said(language, "crisis.eased") in joined(replies), joined(replies)
    replies = chat.say(unsure)
    assert chat.slot("handoff_state") in (None, "none"), joined(replies)


PARTNER_DANGER_THEN_COUNTRY = {
    "fr": ("mon mari menace d'envoyer nos vidéos à mes parents si je le quitte, il est dans la pièce à côté",
           "on est en france", "FR"),
    "ko": ("남편이 헤어지면 영상 뿌린대요 지금 옆방에 있어요", "한국이에요", "KR"),
    "en": ("my husband says he'll send our videos to my family if i leave him, he's in the next room right now",
           "we live in australia", "AU"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_country_given_after_a_partners_danger_brings_the_partner_violence_line(chat: Chat, language: str) -> None:
    danger, country_answer, country = PARTNER_DANGER_THEN_COUNTRY[language]
    first = joined(chat.say(danger, language_hint=language))
    assert chat.slot("in_danger") is True
    replies = joined(chat.say(country_answer))
    assert said(language, f"danger.partner.{country}") in first + replies, first + replies
    if said(language, f"danger.{country}") in replies:
        assert said(language, f"danger.partner.{country}") in replies, replies


PAID_THEN_DESPAIR = {
    "fr": ("un mec me fait du chantage avec une vidéo, je suis en france",
           "je l'ai déjà payé mais j'en peux plus, je veux juste que ça s'arrête"),
    "ko": ("모르는 사람이 영상으로 협박해요 한국이에요", "이미 돈 보냈는데 더는 못 버티겠어요"),
    "en": ("someone is blackmailing me with a video, i'm in the US",
           "i paid him already but i can't take this anymore, i just want it to stop"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_despair_beside_a_payment_hears_the_gentle_question(chat: Chat, language: str) -> None:
    story, despair = PAID_THEN_DESPAIR[language]
    chat.say(story, language_hint=language)
    replies = joined(chat.say(despair))
    hint = said(language, "support.crisis_hint")
    assert hint in replies or said(language, "crisis.listening") in replies or chat.slot("in_crisis"), replies


FILMED_AS_A_CHILD_ADULT_NOW = {
    "fr": "une vidéo de moi a été filmée quand j'avais 15 ans et elle est en ligne, j'ai 20 ans maintenant",
    "ko": "열다섯 살 때 찍힌 영상이 인터넷에 돌아다녀요 지금은 스무 살이에요",
    "en": "A video of me was filmed when I was 15 and it's online. I'm 19 now",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_young_adult_filmed_as_a_child_is_not_told_to_find_a_trusted_adult(chat: Chat, language: str) -> None:
    replies = joined(chat.say(FILMED_AS_A_CHILD_ADULT_NOW[language], language_hint=language))
    assert said(language, "minor.trusted_adult") not in replies, replies
    assert said(language, "minor.take_it_down") in replies or chat.slot("is_minor") is not True, replies


REPORT_TWICE = {
    "fr": ("mon ex a publié mes photos intimes, je suis en france", "comment je le signale ?", "je porte plainte où ?"),
    "ko": ("전남친이 제 사진을 올렸어요 한국이에요", "신고는 어떻게 해요?", "어디에 신고해야 돼요?"),
    "en": ("my ex posted my nudes, im in the uk", "how do i report it?", "where do i report it?"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_journey_asked_again_at_once_is_not_repeated_whole(chat: Chat, language: str) -> None:
    story, report, again = REPORT_TWICE[language]
    chat.say(story, language_hint=language)
    first = joined(chat.say(report))
    assert said(language, "report.platform") in first, first
    replies = joined(chat.say(again))
    assert said(language, "report.platform") not in replies, replies
    assert said(language, "journey.again") in replies, replies


# What a fifteenth newcomer found: English ways of being in danger now were missed, "he's coming, delete this" got
# removal advice, "envie de mourir de honte" the suicide block instead of the removal asked for.

DANGER_IN_OTHER_WORDS = {
    "fr": "il est rentré, il est dans le salon, il a bu et il crie",
    "ko": "남친이 때리고 영상 뿌린다고 해요",
    "en": "he took my phone and locked me in the bedroom, writing from my laptop",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_danger_told_in_other_words_hears_the_emergency_numbers_first(chat: Chat, language: str) -> None:
    replies = chat.say(DANGER_IN_OTHER_WORDS[language], language_hint=language)
    assert chat.slot("in_danger") is True, joined(replies)
    danger = {"fr": "danger.FR", "ko": "danger.KR", "en": "danger.other"}[language]
    assert replies and replies[0].get("text") == said(language, danger), joined(replies)


COMING_DELETE_THIS = {"fr": "il arrive, efface ça", "ko": "남편 온다 이거 지워줘", "en": "he's coming, delete this"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_someone_coming_and_delete_this_asks_to_erase_at_once(chat: Chat, language: str) -> None:
    story = {"fr": "mon ex a mes photos", "ko": "전남친이 제 사진을 가지고 있어요", "en": "my ex has my pics"}[language]
    chat.say(story, language_hint=language)
    replies = chat.say(COMING_DELETE_THIS[language])
    assert joined(replies) == said(language, "erase.confirm"), joined(replies)


SHAME_AND_REMOVAL = {
    "fr": "mon ex a posté mes photos sur insta, j'ai envie de mourir de honte. comment je les fais supprimer ?",
    "ko": "전남친이 인스타에 제 사진 올렸어요 창피해서 죽을 것 같아요 어떻게 지워요?",
    "en": "my ex posted my pics on insta, i could die of embarrassment. how do i get them taken down?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_dying_of_shame_with_a_removal_question_gets_the_removal_never_the_suicide_block(
    chat: Chat, language: str
) -> None:
    replies = joined(chat.say(SHAME_AND_REMOVAL[language], language_hint=language))
    assert chat.slot("in_crisis") is not True, replies
    assert said(language, "country.ask") in replies or said(language, "removal.intro") in replies, replies


PUZZLED_AT_THE_COUNTRY = {
    "fr": ("mon ex a publié mes photos intimes", "fr", "FR"),
    "ko": ("전남친이 제 사진을 올렸어요", "kr", "KR"),
    "en": ("my ex posted my nudes", "us", "US"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_mark_at_the_country_question_keeps_it_open(chat: Chat, language: str) -> None:
    story, code, country = PUZZLED_AT_THE_COUNTRY[language]
    chat.say(story, language_hint=language)
    replies = joined(chat.say("?"))
    assert said(language, "country.ask.again") in replies, replies
    chat.say(code)
    assert chat.slot("country") == country


OPTIONS_AFTER_A_BLACKMAIL = {
    "fr": ("un mec me fait du chantage avec mes photos, je suis en france",
           "ça va, il est pas là en ce moment, je veux juste connaître mes options"),
    "ko": ("모르는 사람이 사진으로 협박해요 한국이에요", "괜찮아요 지금은 없어요 그냥 뭘 할 수 있는지 알고 싶어요"),
    "en": ("a guy is blackmailing me with my pics, im in the uk",
           "i'm fine, he isn't here right now, i just want to know my options"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_wanting_to_know_ones_options_after_a_story_gets_steps_never_only_comfort(chat: Chat, language: str) -> None:
    story, options = OPTIONS_AFTER_A_BLACKMAIL[language]
    chat.say(story, language_hint=language)
    replies = joined(chat.say(options))
    assert said(language, "support.kind") not in replies, replies
    assert said(language, "clarify.text") not in replies, replies


HOW_TO_ERASE_THIS_CHAT = {
    "fr": ("mon ex a publié mes photos", "et comment j'efface cette conversation ?"),
    "ko": ("전남친이 제 사진을 올렸어요", "이 대화도 지울 수 있어요?"),
    "en": ("my ex posted my pics", "can this chat be deleted too?"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_how_to_erase_this_chat_is_asked_to_confirm_never_the_evidence_steps(chat: Chat, language: str) -> None:
    story, erase = HOW_TO_ERASE_THIS_CHAT[language]
    chat.say(story, language_hint=language)
    replies = joined(chat.say(erase))
    assert said(language, "erase.confirm") in replies, replies
    assert said(language, "evidence.intro") not in replies and chat.slot("offer") == "erase"


TWO_QUESTIONS = {
    "fr": "mon ex a publié mes photos, je suis en france. c'est illégal ? et comment je garde des preuves ?",
    "ko": "전 남친이 제 영상을 텔레그램에 올렸어요. 한국이에요. 이거 처벌되나요? 그리고 증거는 어떻게 남겨요?",
    "en": "my ex posted my nudes, im in the uk. is that illegal? and what proof should i keep?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_second_question_in_the_message_is_named_with_its_button_first(chat: Chat, language: str) -> None:
    replies = chat.say(TWO_QUESTIONS[language], language_hint=language)
    answer = joined(replies)
    assert said(language, "guidance.also.evidence") in answer or said(language, "guidance.also.offence") in answer
    assert payloads(replies)[0] in ("/ask_evidence", "/ask_offence"), answer


FAREWELL_NOTE = {
    "fr": "Mon fils a 23 ans, il se fait faire chanter avec des photos. Il ne sort plus de sa chambre. J'ai trouvé un "
    "mot sur son bureau : pardon pour tout.",
    "ko": "아들이 사진 때문에 협박을 당했어요. 이틀째 방에서 안 나와요. 책상에 다 미안하다는 쪽지가 있었어요",
    "en": "My son is 23 and was blackmailed over some photos. He hasn't left his room in two days. I found a note on "
    "his desk that said sorry for everything.",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_farewell_note_found_is_someone_elses_crisis(chat: Chat, language: str) -> None:
    replies = chat.say(FAREWELL_NOTE[language], language_hint=language)
    assert chat.slot("in_crisis") is True, joined(replies)


PARENTS_WILL_KILL_ME = {
    "fr": "j'ai 16 ans, une fille sur insta était un faux compte, ils ont mes nudes et veulent 200 € en cartes cadeaux "
    "sinon ils postent tout à mon lycée. je peux pas le dire à mes parents, ils vont me tuer",
    "ko": "저 16살인데 인스타에서 만난 여자가 가짜 계정이었어요 제 사진 갖고 기프트카드 20만원 안 보내면 "
    "학교에 뿌린대요 부모님이 알면 죽일 거예요",
    "en": "im 16 and this girl i was talking to on insta turned out to be fake and now they have my nudes and want 200 "
    "in gift cards or theyll post them to my school. i cant tell my parents they will kill me",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_parents_who_will_kill_me_are_a_teenagers_fear_and_the_blackmail_is_answered(chat: Chat, language: str) -> None:
    replies = chat.say(PARENTS_WILL_KILL_ME[language], language_hint=language)
    answer = joined(replies)
    assert not chat.slot("in_danger"), answer
    assert chat.slot("is_minor") is True, answer
    assert said(language, "situation.threat") in answer, answer


AT_HOME_WITH_HIM = {
    "fr": "mon mari m'a filmée sans me le dire et menace de l'envoyer à ma famille si je demande le divorce. Je suis "
    "dans la salle de bain, il est dans le salon.",
    "ko": "남친이 나 자는거 몰래 찍었음 방금 폰보다가 발견함 ㅠㅠ 지금 옆방에잇어",
    "en": "i found a tiny camera in the bathroom of the flat i share with 2 guys. i'm still in the flat, they're both "
    "home",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_one_who_did_it_at_home_now_brings_the_emergency_numbers_first(chat: Chat, language: str) -> None:
    replies = chat.say(AT_HOME_WITH_HIM[language], language_hint=language)
    first = {"fr": "danger.FR", "ko": "danger.KR", "en": "danger.other"}[language]
    assert replies and replies[0].get("text") == said(language, first), joined(replies)
    assert chat.slot("in_danger"), joined(replies)


CONSENTED_THEN_SHARED = {
    "fr": ("j'étais d'accord pour qu'il filme sur le moment, c'est quand même puni ?", "france", "oui il l'a partagée"),
    "ko": ("남친이랑 사귈때 동의하고 찍은 영상인데 이것도 범죄야?", "한국", "ㅇㅇ 유포한거맞아"),
    "en": ("i agreed to him filming at the time, is it still a crime?", "uk", "yeah he shared it with his mates"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_happened_typed_after_the_offence_question_answers_it(chat: Chat, language: str) -> None:
    question, country, what_happened = CONSENTED_THEN_SHARED[language]
    chat.say(question, language_hint=language)
    chat.say(country)
    replies = joined(chat.say(what_happened))
    assert chat.slot("situation") == "sharing", replies
    assert said(language, f"offence.{chat.slot('country')}.sharing") in replies, replies
