"""While an intake question is open, an answer that fits it fills it.

Whatever the classifier made of "채팅으로만 연락해 주세요" or "seulement ici dans le chat", the
contact question takes it as "this chat"; the slot mappings (bot/domain/intake.yml, status.yml) let every
intent but crisis, erasure and a person reach this check, and those need their words
(bot/components/intent_evidence.py, tested in tests/bot/components).
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import yaml
from rasa_sdk.executor import CollectingDispatcher

import actions.evidence  # noqa: F401  (registers the evidence journey, as the action server does)
from actions.intake.form import ValidateIntakeForm
from actions.review import tracker
from bot.components.out_of_distribution import kind_of
from bot.settings import ROOT
from content.texts import render
from vocabulary.parse_keys import OOD_KEY


def validate_intake(
    slot: str, text: str, language: str, intent: str = "nlu_fallback"
) -> tuple[dict[str, Any], list[str]]:
    """Run the intake's validation as Rasa's form does after extracting `text` for `slot`: (slots set, texts said)."""
    slots = {"language": language, "requested_slot": slot, slot: text}
    conversation = tracker(intent, slots, text=text, events=[{"event": "slot", "name": slot, "value": text}])
    kind = kind_of(text)
    if kind:
        conversation.latest_message[OOD_KEY] = kind
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateIntakeForm().get_validation_events(dispatcher, conversation, {}))
    answer = {e["name"]: e["value"] for e in events if e.get("event") == "slot" and e.get("name") != "offer"}
    return answer, [str(m.get("text")) for m in dispatcher.messages]


@pytest.mark.parametrize(
    ("language", "text", "misread_as"),
    [
        ("ko", "채팅으로만 연락해 주세요", "delete_my_data"),
        ("fr", "seulement ici dans le chat", "report_minor"),
        ("en", "only here in the chat please", "request_human"),
    ],
)
def test_chat_only_answers_the_contact_question_whatever_the_classifier_said(
    language: str, text: str, misread_as: str
) -> None:
    answer, said = validate_intake("intake_contact", text, language, intent=misread_as)
    assert answer["intake_contact"] == "chat"
    assert not said


def test_only_crisis_erasure_and_a_person_leave_the_intake() -> None:
    for form_file in ("intake.yml", "status.yml"):
        domain = yaml.safe_load((ROOT / "bot" / "domain" / form_file).read_text(encoding="utf-8"))
        for name, slot in domain["slots"].items():
            for mapping in slot["mappings"]:
                if mapping["type"] == "from_text":
                    assert sorted(mapping["not_intent"]) == ["crisis", "delete_my_data", "request_human"], name


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("fr", "il m'écrit encore tous les jours", "yes"),
        ("fr", "il a arrêté", "no"),
        ("fr", "oui", "yes"),
        ("ko", "계속 연락 와요 오늘도 톡 왔어요", "yes"),
        ("ko", "요즘은 연락 없어요", "no"),
        ("ko", "아니요", "no"),
        ("en", "so kind of yes?", "yes"),
        ("en", "he stopped", "no"),
        ("en", "he keeps texting me every day", "yes"),
    ],
)
def test_whether_it_goes_on_is_read_in_the_persons_own_words(language: str, text: str, expected: str) -> None:
    """"Is it still going on?" answered in a sentence is answered, and "il a arrêté" never stops the form."""
    answer, said = validate_intake("intake_ongoing", text, language)
    assert answer == {"intake_ongoing": expected}
    assert not said


ASIDE = {
    "fr": ("au fait comment je garde des preuves sans le télécharger", "FR"),
    "ko": ("근데 증거는 어떻게 남겨요?", "KR"),
    "en": ("btw how do i keep evidence without downloading it", "GB"),
}


@pytest.mark.parametrize("slot", ["intake_where", "intake_found"])
def test_a_question_asked_in_the_middle_of_the_report_is_answered_never_saved_as_the_answer(
    language: str, slot: str
) -> None:
    question, country = ASIDE[language]
    slots = {"language": language, "country": country, "situation": "sharing", "requested_slot": slot, slot: question}
    typed = [{"event": "slot", "name": slot, "value": question}]
    conversation = tracker("ask_evidence", slots, text=question, events=typed)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateIntakeForm().get_validation_events(dispatcher, conversation, {}))
    answer = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    said = [str(m.get("text")) for m in dispatcher.messages]
    assert answer[slot] is None, "asked again"
    assert "intake_places" not in answer, "no question saved as where the content is"
    assert said[0] == render(language, "evidence.intro")


NOTED = {
    "fr": [
        ("intake_minor", "attends le lien est faux, c'est https://x.com/autrecompte/status/999",
         {"intake_urls": ["https://x.com/autrecompte/status/999"]}),
        ("intake_ongoing", "écrivez-moi à jeanne.d@example.com", {"intake_contact_detail": "jeanne.d@example.com"}),
        ("intake_where", "ca a commencé avant-hier", {"intake_found": "this_week"}),
    ],
    "ko": [
        ("intake_minor", "아 링크 잘못 보냈어요 https://t.me/somechannel/123", {"intake_urls": ["https://t.me/somechannel/123"]}),
        ("intake_subject", "메일은 minji@example.com 이에요", {"intake_contact_detail": "minji@example.com"}),
        ("intake_where", "아 아니다 3일전이요", {"intake_found": "아 아니다 3일전이요"}),
    ],
    "en": [
        ("intake_minor", "actually wait the link is wrong, its https://x.com/otheracct/status/999",
         {"intake_urls": ["https://x.com/otheracct/status/999"]}),
        ("intake_ongoing", "email me at jane.doe@example.com", {"intake_contact_detail": "jane.doe@example.com"}),
        ("intake_where", "it started last week", {"intake_found": "it started last week"}),
    ],
}


def test_a_link_an_email_or_a_date_given_for_another_question_is_kept_and_the_question_asked_again(
    language: str,
) -> None:
    """"actually wait the link is wrong, its https://…" at "were you under 18?" was "not understood" and the
    correction lost; "email me at …" too; a date at the links' question got "no link found"."""
    for slot, message, kept in NOTED[language]:
        slots = {
            "language": language, "situation": "sharing", "requested_slot": slot, slot: message,
            "intake_urls": ["https://x.com/a/status/1"], "intake_where": "done",
        }
        typed = [{"event": "slot", "name": slot, "value": message}]
        conversation = tracker("inform", slots, text=message, events=typed)
        dispatcher = CollectingDispatcher()
        events = asyncio.run(ValidateIntakeForm().get_validation_events(dispatcher, conversation, {}))
        answer = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        assert answer[slot] is None, (message, "asked again")
        for name, value in kept.items():
            assert answer[name] == value, (message, answer)
        assert dispatcher.messages[0]["text"] == render(language, "intake.noted")


FINISHED = {
    "fr": ["c'est bon", "ça suffit", "non c'est tout", "c tout", "ok envoyez"],
    "ko": ["됐어요", "이제 됐어", "없어요", "네 보내주세요"],
    "en": ["that's enough", "enough", "that's all", "yes send it"],
}


def test_being_done_at_another_link_finishes_the_list_and_never_leaves_the_form(language: str) -> None:
    """"됐어요" at "another link?" stopped the whole report: where the question offers done, it is done."""
    for message in FINISHED[language]:
        slots = {
            "language": language, "situation": "sharing", "requested_slot": "intake_where",
            "intake_where": message, "intake_urls": ["https://x.com/a/status/1"],
        }
        typed = [{"event": "slot", "name": "intake_where", "value": message}]
        conversation = tracker("deny", slots, text=message, events=typed)
        dispatcher = CollectingDispatcher()
        events = asyncio.run(ValidateIntakeForm().get_validation_events(dispatcher, conversation, {}))
        answer = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        assert answer["intake_where"] == "done", (message, answer)
        assert answer.get("requested_slot", "kept") is not None, (message, "the form goes on")


PLACE_ASIDE = {
    "fr": ("attendez en fait c'est pas twitter c'est instagram", "instagram"),
    "ko": ("아 트위터 아니고 인스타예요", "인스타"),
    "en": ("wait actually its not twitter its instagram", "instagram"),
}


def test_a_platform_corrected_at_another_question_is_kept_never_taken_as_its_answer(language: str) -> None:
    """At "when did you find it?", "attendez en fait c'est pas twitter c'est instagram" was saved as the date."""
    message, word = PLACE_ASIDE[language]
    start = message.index(word)
    entities = [{"entity": "platform", "value": "Instagram", "start": start, "end": start + len(word)}]
    slots = {
        "language": language, "situation": "sharing", "requested_slot": "intake_found", "intake_found": message,
        "intake_places": ["X"], "intake_where": "done",
    }
    typed = [{"event": "slot", "name": "intake_found", "value": message}]
    conversation = tracker("inform", slots, text=message, events=typed, entities=entities)
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ValidateIntakeForm().get_validation_events(dispatcher, conversation, {}))
    answer = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert answer["intake_found"] is None, "asked again"
    assert answer["intake_places"] == ["Instagram"]
    assert dispatcher.messages[0]["text"] == render(language, "intake.noted")
