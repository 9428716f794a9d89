"""The report intake over REST, with the real model, action server and database, in three languages."""

from __future__ import annotations

import json
import re
import time
from typing import Any

import pytest
import requests
import sqlalchemy as sa

from bot.cases.models import Case, CaseLink
from bot.cases.repository import PIN_WINDOW_S
from bot.rasa_server.tracker_store import PIN_MASK
from bot.services import Stack
from bot.staff.models import Handoff
from bot.storage.db import session
from bot.web.widget_session import SENDER_PREFIX
from bot.web.widget_session import sender as widget_sender
from content.knowledge.formatting import wait
from content.texts import render
from tests.conftest import Chat

pytestmark = pytest.mark.e2e

LANGUAGES = ("fr", "ko", "en")
REFERENCE = re.compile(r"RL-[0-9A-Z]{4}-[0-9A-Z]{4}")
PIN = re.compile(r"(?<!\d)\d{6}(?!\d)")
TYPED = {
    "fr": {
        "report": "je veux signaler mon ex, il a publié mes photos intimes",
        "country": "je vis en France",
        "yes": "oui",
        "no": "non",
        "done": "c'est tout",
        "found": "hier soir",
        "self": "c'est moi",
        "stop": "arrête, je continuerai plus tard",
        "email": "par mail",
        "minor": "oui, elle avait quinze ans",
        "status": "je voudrais savoir où en est mon signalement {reference}",
        "erase": "supprimez toutes mes données s'il vous plaît",
        "erase_case": "supprimez mon dossier {reference}",
        "erase_report": "supprimez mon signalement",
    },
    "ko": {
        "report": "전 남자친구가 제 사진을 인터넷에 올렸어요. 신고하고 싶어요",
        "country": "한국에 살아요",
        "yes": "네",
        "no": "아니요",
        "done": "더 없어요",
        "found": "어제 저녁에요",
        "self": "저예요",
        "stop": "그만할게요 나중에 할게요",
        "email": "이메일로요",
        "minor": "네 그때 열다섯 살이었어요",
        "status": "제 신고 {reference} 처리 상황 알 수 있을까요?",
        "erase": "제 개인정보랑 대화 내용 전부 삭제해 주세요",
        "erase_case": "신고 {reference} 삭제해 주세요",
        "erase_report": "제 신고 삭제해 주세요",
    },
    "en": {
        "report": "I want to report my ex, he posted my nudes online",
        "country": "I live in the UK",
        "yes": "yes",
        "no": "no",
        "done": "that's all",
        "found": "yesterday evening",
        "self": "it's me",
        "stop": "stop, I'll finish later",
        "email": "by email",
        "minor": "yes she was fifteen",
        "status": "what's the status of my report {reference}?",
        "erase": "please delete all my data",
        "erase_case": "delete my case {reference}",
        "erase_report": "erase my report",
    },
}


def said(language: str, key: str, **params: Any) -> str:
    return render(language, key, **params)


def button(choice: str) -> str:
    return f'/inform{{"intake_choice": "{choice}"}}'


def cases(stack: Stack, **where: Any) -> list[Case]:
    with session(stack.settings.database_url) as db:
        query = sa.select(Case).where(*(getattr(Case, k) == v for k, v in where.items()))
        found = list(db.scalars(query).all())
        for case in found:
            _ = list(case.urls)
        return found


def open_intake(chat: Chat, language: str) -> str:
    """From a first message to the first question; returns everything said on the way."""
    said_so_far = chat.text(TYPED[language]["report"]) + chat.text(TYPED[language]["country"])
    assert said(language, "intake.offer") in said_so_far
    return said_so_far + chat.text(TYPED[language]["yes"])


def skip_to_summary(chat: Chat, language: str, first: str) -> str:
    answer = first
    for _ in range(12):
        if said(language, "intake.summary.confirm") in answer:
            return answer
        answer = chat.text(button("skip"))
    raise AssertionError(f"no summary after skipping everything: {answer}")


def created(language: str, answer: str) -> tuple[str, str]:
    assert said(language, "case.log.intro") in answer
    reference = REFERENCE.search(answer)
    pin = PIN.search(answer)
    assert reference and pin, answer
    return reference.group(), pin.group()


@pytest.mark.parametrize("language", LANGUAGES)
def test_from_i_want_to_report_this_to_a_reference(stack: Stack, language: str) -> None:
    chat, typed = Chat(stack), TYPED[language]
    # A widget conversation (driven over REST here): the widget's reference card reads only those.
    chat.sender = widget_sender(chat.sender)
    first = open_intake(chat, language)
    assert said(language, "intake.start") in first
    assert said(language, "intake.ask.intake_where") in first, "the situation told at the start is not asked again"
    noted = chat.text("https://www.Example.com/post/42?utm_source=share et https://sns.example.org/v/7")
    assert "https://www.example.com/post/42" in noted and "utm_source" not in noted
    assert said(language, "intake.ask.intake_where.more") in noted
    assert said(language, "intake.ask.intake_found") in chat.text(typed["done"])
    assert said(language, "intake.ask.intake_ongoing") in chat.text(typed["found"])
    assert said(language, "intake.ask.intake_subject") in chat.text(typed["no"])
    assert said(language, "intake.ask.intake_minor") in chat.text(typed["self"])
    assert said(language, "intake.ask.intake_consent") in chat.text(typed["no"])
    assert said(language, "intake.ask.intake_contact") in chat.text(typed["yes"])
    assert said(language, "intake.ask.intake_contact_detail.email") in chat.text(typed["email"])
    summary = chat.text("victime.test@example.org")
    assert said(language, "intake.summary.title") in summary
    assert "victime.test@example.org" in summary and "https://sns.example.org/v/7" in summary
    reference, pin = created(language, chat.text(typed["yes"]))
    [case] = cases(stack, reference=reference)
    assert case.sender_id == chat.sender and case.language == language and case.situation == "sharing"
    assert [u.url for u in case.urls] == ["https://www.example.com/post/42", "https://sns.example.org/v/7"]
    assert (case.contact_preference, case.contact_detail) == ("email", "victime.test@example.org")
    assert case.consent_open_urls and not case.is_minor and case.threats_ongoing == "no"
    assert case.jurisdiction == {"fr": "FR", "ko": "KR", "en": "GB"}[language]
    assert pin not in case.pin_hash
    assert chat.slot("case_ref") == reference
    said_once_only(stack, chat, reference, pin)


def said_once_only(stack: Stack, chat: Chat, reference: str, pin: str) -> None:
    """The PIN reached the person (above) but neither the tracker, which the console shows, nor Rasa's API
    has it; the widget's reference card still gets it, from the sealed copy, just after the report."""
    bot_events = [e for e in chat.tracker()["events"] if e.get("event") == "bot"]
    [announced] = [e for e in bot_events if ((e.get("metadata") or {}).get("parts") or {}).get("case")]
    assert reference in announced["text"]
    assert PIN_MASK in announced["text"] and not any(
        re.search(rf"(?<!\d){pin}(?!\d)", json.dumps(e, ensure_ascii=False)) for e in bot_events
    )
    assert "pin" not in announced["metadata"]["parts"]["case"]
    origin = f"http://{stack.settings.host}:{stack.settings.web_port}"
    session_id = chat.sender.removeprefix(SENDER_PREFIX)
    answer = requests.post(f"{origin}/api/conversation", data=session_id, headers={"Origin": origin}, timeout=30)
    cards = [entry["case"] for entry in answer.json()["entries"] if "case" in entry]
    assert cards == [{"reference": reference, "pin": pin}]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_can_be_skipped_and_why_is_answered(stack: Stack, language: str) -> None:
    chat = Chat(stack, {"language": language})
    chat.say('/inform{"country": "FR"}')
    assert said(language, "intake.offer.human") in chat.text("/request_human")
    first = chat.text("/affirm")
    assert said(language, "intake.ask.intake_situation") in first
    why = chat.text(button("why"))
    assert said(language, "intake.why.intake_situation") in why
    assert said(language, "intake.ask.intake_situation") in why
    summary = skip_to_summary(chat, language, chat.text(button("skip")))
    assert said(language, "intake.summary.not_given") in summary
    reference, _ = created(language, chat.text("/affirm"))
    [case] = cases(stack, reference=reference)
    assert (case.situation, case.urls, case.contact_preference, case.found_when) == (None, [], None, None)


@pytest.mark.parametrize("language", LANGUAGES)
def test_stopping_midway_keeps_the_answers_and_resumes_where_it_stopped(stack: Stack, language: str) -> None:
    chat, typed = Chat(stack), TYPED[language]
    open_intake(chat, language)
    chat.say("https://videos.example.net/watch/123")
    stopped = chat.text(typed["stop"])
    assert said(language, "intake.stopped") in stopped
    assert chat.tracker()["active_loop"] in ({}, None) or not chat.tracker()["active_loop"].get("name")
    assert said(language, "intake.offer.resume") in chat.text(typed["report"])
    resumed = chat.text(typed["yes"])
    assert said(language, "intake.ask.intake_where.more") in resumed
    summary = skip_to_summary(chat, language, chat.text(button("done")))
    assert "https://videos.example.net/watch/123" in summary
    reference, _ = created(language, chat.text("/affirm"))
    assert [u.url for u in cases(stack, reference=reference)[0].urls] == ["https://videos.example.net/watch/123"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_bad_links_and_a_bad_email_are_explained_and_nothing_is_lost(stack: Stack, language: str) -> None:
    chat = Chat(stack, {"language": language})
    chat.say('/inform{"country": "KR"}')
    chat.say("/request_human")
    chat.say("/affirm")
    chat.say(button("sextortion"))
    answer = chat.text("ftp://files.example.org/a.jpg https://user:secret@site.example.com/x")
    assert said(language, "intake.link.problem.scheme", given="ftp://files.example.org/a.jpg") in answer
    assert said(language, "intake.link.problem.credentials", given="https://user:secret@site.example.com/x") in answer
    assert said(language, "intake.ask.intake_where") in answer
    chat.say("https://site.example.com/x")
    chat.say(button("done"))
    chat.say(button("today"))
    chat.say(button("yes"))
    chat.say(button("self"))
    chat.say(button("no"))
    chat.say(button("yes"))
    chat.say(button("email"))
    invalid = chat.text("jane@")
    assert said(language, "intake.contact.invalid_email") in invalid
    assert said(language, "intake.ask.intake_contact_detail.email") in invalid
    assert said(language, "intake.summary.title") in chat.text("jane@example.org")
    answer = chat.text("/affirm")
    assert said(language, "case.priority") in answer, "ongoing sextortion is a priority"
    reference, _ = created(language, answer)
    [case] = cases(stack, reference=reference)
    assert [u.url for u in case.urls] == ["https://site.example.com/x"]
    assert case.sextortion_ongoing and case.contact_detail == "jane@example.org"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_minor_flags_the_case_and_takes_the_child_protection_route(stack: Stack, language: str) -> None:
    chat = Chat(stack, {"language": language})
    chat.say('/inform{"country": "FR"}')
    chat.say("/request_human")
    chat.say("/affirm")
    for answer in (button("sharing"), button("skip"), button("skip"), button("skip"), button("other")):
        chat.say(answer)
    minor = chat.text(TYPED[language]["minor"])
    assert said(language, "minor.never_save") in minor
    assert chat.slot("is_minor") is True
    summary = skip_to_summary(chat, language, minor)
    assert said(language, "intake.choice.yes") in summary
    answer = chat.text("/affirm")
    assert said(language, "case.priority") in answer
    reference, _ = created(language, answer)
    assert cases(stack, reference=reference)[0].is_minor


PARENT = {
    "fr": "Bonjour, je vous écris au sujet de ma fille.",
    "ko": "안녕하세요, 우리 딸 일 때문에 연락드려요.",
    "en": "Hello, I'm writing about my son.",
}
SITUATIONS = ("sharing", "deepfake", "sextortion", "hidden_filming")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_parent_is_asked_what_happened_to_their_child_not_to_them(stack: Stack, language: str) -> None:
    """Told earlier that the person writes about their child, the situation question and its buttons speak
    of that person ("their images were shared"), not in the first person ("my images")."""
    chat = Chat(stack, {"language": language})
    chat.say('/inform{"country": "FR"}')
    chat.say(PARENT[language])
    chat.say("/request_human")
    replies = chat.say("/affirm")
    asked = "\n".join(r.get("text", "") for r in replies)
    assert said(language, "intake.ask.intake_situation.other") in asked
    titles = [b["title"] for r in replies for b in r.get("buttons") or []]
    assert titles[: len(SITUATIONS)] == [said(language, f"situation.{s}.other") for s in SITUATIONS]
    assert not {said(language, f"situation.{s}") for s in SITUATIONS} & set(titles)
    chat.say(button("hidden_filming"))
    assert chat.slot("intake_situation") == "hidden_filming"


MINOR_ANSWERS = {
    "fr": [("oui elle a 13 ans", "yes"), ("non il a 19 ans", "no"), ("non, elle avait 15 ans", "yes")],
    "ko": [("네 13살이에요", "yes"), ("그때 고2였어요", "yes")],
    "en": [("yes she's 13", "yes"), ("she was 15 then", "yes"), ("no, she was 15", "yes")],
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_age_or_a_school_year_answers_whether_the_person_was_under_age(stack: Stack, language: str) -> None:
    """At "was the person under 18 when the images were made?", an age (with or without a yes or a no) or a
    school year is the answer: under 18 takes the child route, 18 or over goes on to the next question."""
    for typed, expected in MINOR_ANSWERS[language]:
        chat = Chat(stack, {"language": language})
        chat.say('/inform{"country": "FR"}')
        chat.say("/request_human")
        chat.say("/affirm")
        for answer in (button("sharing"), button("skip"), button("skip"), button("skip")):
            chat.say(answer)
        assert said(language, "intake.ask.intake_minor") in chat.text(button("other"))
        answer = chat.text(typed)
        assert chat.slot("intake_minor") == expected, (typed, answer)
        assert said(language, "intake.not_understood") not in answer, typed
        if expected == "yes":
            assert said(language, "minor.never_save") in answer and chat.slot("is_minor") is True, typed
        else:
            assert said(language, "intake.ask.intake_contact") in answer and not chat.slot("is_minor"), typed


def at_summary(stack: Stack, language: str, url: str) -> Chat:
    """A new conversation at its report's summary (a deepfake at `url`, every other question skipped)."""
    chat = Chat(stack, {"language": language})
    chat.say('/inform{"country": "GB"}')
    chat.say("/request_human")
    chat.say("/affirm")
    chat.say(button("deepfake"))
    chat.say(url)
    summary = skip_to_summary(chat, language, chat.text(button("done")))
    assert url in summary
    return chat


def report_link(stack: Stack, language: str, url: str) -> tuple[Chat, str, str]:
    chat = at_summary(stack, language, url)
    reference, pin = created(language, chat.text("/affirm"))
    return chat, reference, pin


SEND_IT = {"fr": "ok envoyez-le", "ko": "그냥 보내주세요", "en": "just send it"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_typing_send_it_at_the_summary_sends_the_report(stack: Stack, language: str) -> None:
    chat = at_summary(stack, language, f"https://send.example.com/{language}")
    reference, _ = created(language, chat.text(SEND_IT[language]))
    assert cases(stack, reference=reference)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_same_link_reported_twice_links_the_cases_silently(stack: Stack, language: str) -> None:
    url = f"https://fakes.example.com/{language}/clip"
    _, first, _ = report_link(stack, language, url)
    second_chat, second, _ = report_link(stack, language, url)
    assert first not in " ".join(str(e.get("text")) for e in second_chat.tracker()["events"] if e["event"] == "bot")
    [older], [newer] = cases(stack, reference=first), cases(stack, reference=second)
    with session(stack.settings.database_url) as db:
        links = db.execute(sa.select(CaseLink.case_id, CaseLink.linked_case_id)).all()
    assert (newer.id, older.id) in [tuple(link) for link in links]


@pytest.mark.parametrize("language", LANGUAGES)
def test_status_with_the_right_pin_and_not_with_a_wrong_one(stack: Stack, language: str) -> None:
    _, reference, pin = report_link(stack, language, f"https://status.example.com/{language}")
    later = Chat(stack, {"language": language})
    asked = later.text(TYPED[language]["status"].format(reference=reference.lower()))
    assert said(language, "status.ask_pin") in asked
    wrong = "000000" if pin != "000000" else "111111"
    assert said(language, "status.mismatch") in later.text(wrong)
    status = said(language, "status.name.received")
    assert said(language, "status.result", reference=reference, status=status) in later.text(pin)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_reference_and_its_pin_in_one_message_give_the_status(stack: Stack, language: str) -> None:
    _, reference, pin = report_link(stack, language, f"https://together.example.com/{language}")
    later = Chat(stack, {"language": language})
    asked = later.text(TYPED[language]["status"].format(reference=reference) + f" PIN {pin}")
    status = said(language, "status.name.received")
    assert said(language, "status.result", reference=reference, status=status) in asked
    assert said(language, "status.ask_pin") not in asked


def test_wrong_pins_are_rate_limited(stack: Stack) -> None:
    _, reference, pin = report_link(stack, "en", "https://ratelimit.example.com/x")
    guesser = Chat(stack, {"language": "en"})
    guesser.say(TYPED["en"]["status"].format(reference=reference))
    answers = [guesser.text(f"{n:06d}") for n in range(5) if f"{n:06d}" != pin]
    assert said("en", "status.mismatch") in answers[0]
    locked = said("en", "status.locked", wait=wait(PIN_WINDOW_S // 60, "en"))
    assert locked in guesser.text(f"status of my report {reference}") + guesser.text(pin)


def event_rows(stack: Stack, sender: str) -> int:
    engine = sa.create_engine(stack.settings.database_url)
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT count(*) FROM events WHERE sender_id = :s"), {"s": sender}).scalar()
    engine.dispose()
    return int(rows or 0)


def wait_until_erased(stack: Stack, sender: str) -> None:
    deadline = time.monotonic() + 20
    while event_rows(stack, sender) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert event_rows(stack, sender) == 0


@pytest.mark.parametrize("language", LANGUAGES)
def test_delete_my_data_erases_the_conversation_and_its_cases(stack: Stack, language: str) -> None:
    chat, reference, _ = report_link(stack, language, f"https://erase.example.com/{language}")
    asked = chat.text(TYPED[language]["erase"])
    assert said(language, "erase.confirm") in asked
    assert said(language, "erase.done") in chat.text(TYPED[language]["yes"])
    assert cases(stack, reference=reference) == []
    with session(stack.settings.database_url) as db:
        assert db.scalars(sa.select(Handoff.id).where(Handoff.sender_id == chat.sender)).all() == []
    wait_until_erased(stack, chat.sender)
    time.sleep(2)
    assert event_rows(stack, chat.sender) == 0, "Rasa wrote nothing back after the erasure"
    assert chat.slot("case_ref") is None, "writing again starts a conversation from nothing"


ERASE_AGAIN = {"fr": "oui effacez tout", "ko": "ㅇㅇ 지워주세요", "en": "yes delete it all"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_words_of_erasing_answering_shall_i_erase_erase(stack: Stack, language: str) -> None:
    chat, reference, _ = report_link(stack, language, f"https://again.example.com/{language}")
    assert said(language, "erase.confirm") in chat.text(TYPED[language]["erase"])
    assert said(language, "erase.done") in chat.text(ERASE_AGAIN[language])
    assert cases(stack, reference=reference) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_no_keeps_everything(stack: Stack, language: str) -> None:
    chat, reference, _ = report_link(stack, language, f"https://keep.example.com/{language}")
    chat.say(TYPED[language]["erase"])
    assert said(language, "erase.cancelled") in chat.text(TYPED[language]["no"])
    assert cases(stack, reference=reference) and event_rows(stack, chat.sender)


KEEP_THE_REPORT = {
    "fr": "vous pouvez effacer la conversation mais garder mon signalement ?",
    "ko": "신고는 남기고 대화만 지워 주세요",
    "en": "can you delete this chat but keep my report?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_erasing_the_chat_but_keeping_the_report_says_they_go_together_and_keeps_both(
    stack: Stack, language: str
) -> None:
    chat, reference, _ = report_link(stack, language, f"https://keepreport.example.com/{language}")
    asked = chat.text(KEEP_THE_REPORT[language])
    assert said(language, "erase.keep_report") in asked, asked
    assert said(language, "erase.cancelled") in chat.text(TYPED[language]["no"])
    assert cases(stack, reference=reference) and event_rows(stack, chat.sender)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_case_is_erased_from_another_conversation_with_its_pin(stack: Stack, language: str) -> None:
    first, reference, pin = report_link(stack, language, f"https://other.example.com/{language}")
    later = Chat(stack, {"language": language})
    asked = later.text(TYPED[language]["erase_case"].format(reference=reference))
    assert said(language, "erase.case_pin", reference=reference) in asked
    assert said(language, "status.ask_pin") in asked, "the PIN is asked for, and the next message read as one"
    assert said(language, "erase.confirm_verified", reference=reference) in later.text(pin)
    assert cases(stack, reference=reference) != [], "nothing is erased before the yes"
    assert said(language, "erase.verified_done", reference=reference) in later.text(TYPED[language]["yes"])
    assert cases(stack, reference=reference) == []
    wait_until_erased(stack, first.sender)
    wait_until_erased(stack, later.sender)


@pytest.mark.parametrize("language", LANGUAGES)
def test_erase_my_report_after_its_status_erases_that_report_this_conversation_and_its_own(
    stack: Stack, language: str
) -> None:
    first, reference, pin = report_link(stack, language, f"https://checked.example.com/{language}")
    later = Chat(stack, {"language": language})
    status = said(language, "status.name.received")
    checked = later.text(TYPED[language]["status"].format(reference=reference) + f" PIN {pin}")
    assert said(language, "status.result", reference=reference, status=status) in checked
    asked = later.text(TYPED[language]["erase_report"])
    assert said(language, "erase.confirm_verified", reference=reference) in asked
    assert said(language, "erase.confirm") not in asked, "the question names the report, not only this conversation"
    assert said(language, "erase.verified_done", reference=reference) in later.text(TYPED[language]["yes"])
    assert cases(stack, reference=reference) == []
    wait_until_erased(stack, first.sender)
    wait_until_erased(stack, later.sender)


DELETE_IT = {"fr": "ok en fait je veux le supprimer", "ko": "그거 지워 주세요", "en": "actually i want to delete it"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_delete_it_right_after_a_status_check_asks_about_that_report(stack: Stack, language: str) -> None:
    _, reference, pin = report_link(stack, language, f"https://deleteit.example.com/{language}")
    later = Chat(stack, {"language": language})
    later.say(TYPED[language]["status"].format(reference=reference) + f" PIN {pin}")
    asked = later.text(DELETE_IT[language])
    assert said(language, "erase.confirm_verified", reference=reference) in asked, asked
    assert said(language, "erase.cancelled") in later.text(TYPED[language]["no"])
    assert cases(stack, reference=reference)


CORRECTION = {
    "fr": "non, mon mail c'est x@y.fr",
    "ko": "아니요, 제 메일은 x@y.fr 이에요",
    "en": "no, my email is x@y.fr",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_correction_at_the_summary_is_applied_and_shown_again(stack: Stack, language: str) -> None:
    chat = at_summary(stack, language, f"https://corrected.example.com/{language}")
    corrected = chat.text(CORRECTION[language])
    assert said(language, "intake.corrected") in corrected and "x@y.fr" in corrected
    assert said(language, "intake.summary.confirm") in corrected and said(language, "intake.not_now") not in corrected
    reference, _ = created(language, chat.text(TYPED[language]["yes"]))
    [case] = cases(stack, reference=reference)
    assert (case.contact_preference, case.contact_detail) == ("email", "x@y.fr")


ONE_MORE_LINK = {
    "fr": "attends j'ai un autre lien https://t.me/deepfakeroom123",
    "ko": "잠깐 링크 하나 더 있어요 https://t.me/deepfakeroom123",
    "en": "one more link https://t.me/deepfakeroom123",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_given_at_the_summary_is_in_the_saved_case(stack: Stack, language: str) -> None:
    """Whatever the classifier makes of it (often a deepfake story or a removal question), a link given at
    the summary joins the report's links, the summary is shown again, and the case is saved with it."""
    first = f"https://first.example.com/{language}"
    chat = at_summary(stack, language, first)
    added = chat.text(ONE_MORE_LINK[language])
    assert said(language, "intake.corrected") in added and "https://t.me/deepfakeroom123" in added
    assert said(language, "intake.summary.confirm") in added and said(language, "intake.not_now") not in added
    reference, _ = created(language, chat.text(TYPED[language]["yes"]))
    [case] = cases(stack, reference=reference)
    assert [u.url for u in case.urls] == [first, "https://t.me/deepfakeroom123"]


ONE_WORD_SELF = {"fr": "moi", "ko": "저요", "en": "me"}
IMAGES_GONE = {
    "fr": "je veux juste que ces photos disparaissent pour toujours",
    "ko": "이 사진들 그냥 다 사라졌으면 좋겠어",
    "en": "i just want these pics to disappear forever",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_one_word_me_answers_whose_images_and_is_never_a_crisis(stack: Stack, language: str) -> None:
    """A lone "me" at "is the person shown you?" is the answer, not a crisis line that drops the report; a wish for
    the images to vanish for ever is not a crisis either."""
    chat, typed = Chat(stack), TYPED[language]
    open_intake(chat, language)
    chat.text("https://www.example.com/post/42")
    chat.text(typed["done"])
    chat.text(typed["found"])
    assert said(language, "intake.ask.intake_subject") in chat.text(typed["no"])
    answer = chat.text(ONE_WORD_SELF[language])
    assert said(language, "intake.ask.intake_minor") in answer, answer
    assert chat.slot("intake_subject") == "self" and not chat.slot("in_crisis"), answer
    fresh = Chat(stack)
    gone = fresh.text(IMAGES_GONE[language])
    assert fresh.tracker()["latest_message"]["intent"]["name"] != "crisis", gone
    assert not fresh.slot("in_crisis"), gone


STILL_GOING = {
    "fr": ("il a arrêté", "no"),
    "ko": ("계속 연락 와요 오늘도 톡 왔어요", "yes"),
    "en": ("he keeps texting me every day", "yes"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_whether_it_goes_on_is_answered_in_a_sentence(stack: Stack, language: str) -> None:
    """ "Is it still going on?" answered in the person's own words is taken, and the next question follows."""
    chat, typed = Chat(stack), TYPED[language]
    open_intake(chat, language)
    chat.text(typed["done"])
    assert said(language, "intake.ask.intake_ongoing") in chat.text(typed["found"])
    text, expected = STILL_GOING[language]
    answer = chat.text(text)
    assert said(language, "intake.ask.intake_subject") in answer
    assert said(language, "intake.stopped") not in answer
    assert chat.slot("intake_ongoing") == expected


WHERE_IS_IT = {
    "fr": "où en est mon signalement ?",
    "ko": "제 신고 처리 상황 알 수 있나요?",
    "en": "any update on my report?",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_about_the_report_just_sent_asks_only_for_its_pin(stack: Stack, language: str) -> None:
    """The reference was given in this very chat: it is not asked again, only the PIN, and then the status."""
    chat = Chat(stack, {"language": language})
    chat.say('/inform{"country": "FR"}')
    chat.say("/request_human")
    chat.say("/affirm")
    skip_to_summary(chat, language, chat.text(button("skip")))
    reference, pin = created(language, chat.text("/affirm"))
    asked = chat.text(WHERE_IS_IT[language])
    assert said(language, "status.ask_pin") in asked
    assert said(language, "status.ask_reference") not in asked
    assert reference in chat.text(pin)


ASIDE = {
    "fr": "au fait comment je garde des preuves sans le télécharger",
    "ko": "근데 증거는 어떻게 남겨요?",
    "en": "btw how do i keep evidence without downloading it",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_question_asked_during_the_report_is_answered_and_the_report_goes_on(stack: Stack, language: str) -> None:
    chat = Chat(stack)
    first = open_intake(chat, language)
    assert said(language, "intake.ask.intake_where") in first
    answer = chat.text(ASIDE[language])
    assert said(language, "evidence.intro") in answer, answer
    assert said(language, "intake.place.noted", place=ASIDE[language]) not in answer
    assert said(language, "intake.ask.intake_where") in answer, "the report's question is asked again"
    assert not chat.slot("intake_places")


TO_EMAIL_INSTEAD = {
    "fr": "attends en fait non plutot par mail",
    "ko": "문자 말고 이메일로 해 주세요",
    "en": "wait actually email instead",
}
NOT_ME = {"fr": "c'est pas moi c'est ma pote", "ko": "제가 아니라 친구예요", "en": "it's not me, it's my friend"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_way_to_be_contacted_taken_back_at_the_summary_never_keeps_the_old_number(
    stack: Stack, language: str
) -> None:
    """A phone number given, then "email instead": the number is dropped, the address asked for and kept; "it's
    not me, it's my friend" changes who the images show. The saved case holds only what the person last said."""
    chat = at_summary(stack, language, f"https://contact-way.example.com/{language}")
    assert "+33612345678" in chat.text("+33 6 12 34 56 78")
    asked = chat.text(TO_EMAIL_INSTEAD[language])
    assert said(language, "intake.ask.intake_contact_detail.email") in asked, asked
    shown = chat.text("x@y.fr")
    assert "x@y.fr" in shown and "+33612345678" not in shown, shown
    assert said(language, "intake.summary.confirm") in chat.text(NOT_ME[language])
    reference, _ = created(language, chat.text(TYPED[language]["yes"]))
    [case] = cases(stack, reference=reference)
    assert (case.contact_preference, case.contact_detail, case.subject) == ("email", "x@y.fr", "other")


DO_IT_FOR_ME = {"fr": "tu peux le faire pour moi ?", "ko": "대신 해 주실 수 있어요?", "en": "can you do it for me"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_offer_of_a_report_taken_up_in_own_words_starts_it(stack: Stack, language: str) -> None:
    chat = Chat(stack)
    offered = chat.text(TYPED[language]["report"]) + chat.text(TYPED[language]["country"])
    assert said(language, "intake.offer") in offered
    started = chat.text(DO_IT_FOR_ME[language])
    assert said(language, "intake.start") in started, started
    assert said(language, "clarify.text") not in started
