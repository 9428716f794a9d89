"""Each checker on its own: what it fills, and what it says when it cannot use an answer."""

from __future__ import annotations

from actions.intake import checkers
from actions.intake.answers import DONE, SKIPPED, UNSURE, choice
from actions.intake.questions import BY_SLOT
from content.texts import render
from tests.actions.intake.conftest import said, turn_for


def test_links_and_places_are_noted_and_said_back(language: str) -> None:
    turn = turn_for(language, text="https://www.instagram.com/p/abc?utm_source=x and http://user:pw@bad.example/")
    answer = checkers.where(turn, "intake_where", None)
    assert answer["intake_where"] is None, "more can come until done"
    assert answer["intake_urls"] == ["https://www.instagram.com/p/abc"]
    assert render(language, "intake.link.noted", links="https://www.instagram.com/p/abc") in said(turn)


def test_done_without_links_or_places_is_a_skip(language: str) -> None:
    assert checkers.where(turn_for(language), "intake_where", DONE) == {"intake_where": SKIPPED}
    given = turn_for(language, {"intake_places": ["Telegram"]})
    assert checkers.where(given, "intake_where", DONE) == {"intake_where": DONE}


def test_a_place_without_a_link_is_its_words(language: str) -> None:
    answer = checkers.where(turn_for(language, text="Telegram"), "intake_where", None)
    assert answer["intake_places"] == ["Telegram"]


def test_a_free_answer_is_kept_in_its_words_and_cut() -> None:
    long = "x" * 500
    assert checkers.free_text(turn_for("en", text=long), "intake_found", None) == {"intake_found": "x" * 200}
    assert checkers.free_text(turn_for("en", text="hello"), "intake_found", "today") == {"intake_found": "today"}


def test_a_choice_question_asks_again_when_nothing_was_chosen(language: str) -> None:
    turn = turn_for(language, text="hmm")
    assert checkers.choice_only(turn, "intake_subject", None) == {"intake_subject": None}
    assert said(turn) == render(language, "intake.not_understood")


def test_the_situation_comes_from_the_conversation_when_not_picked(language: str) -> None:
    told = turn_for(language, {"situation": "deepfake"}, text="...")
    assert checkers.situation(told, "intake_situation", None) == {"intake_situation": "deepfake"}
    by_intent = turn_for(language, text="...", intent="describe_hidden_filming")
    assert checkers.situation(by_intent, "intake_situation", None) == {"intake_situation": "hidden_filming"}


def test_an_age_answers_the_minor_question(language: str) -> None:
    turn = turn_for(language, text="16", entities=[{"entity": "age", "value": "16"}])
    answer = checkers.minor(turn, "intake_minor", None)
    assert answer == {"intake_minor": "yes", "is_minor": True}
    assert said(turn), "the child route is said at once"


SCHOOL_THEN = {"fr": "elle était en quatrième", "ko": "고등학교 1학년 때요", "en": "I was in year 10"}


def test_a_school_year_answers_the_minor_question(language: str) -> None:
    """Asked whether the person was under the adult age when the images were made, a pupil's year says yes."""
    turn = turn_for(language, text=SCHOOL_THEN[language])
    assert checkers.minor(turn, "intake_minor", None) == {"intake_minor": "yes", "is_minor": True}
    assert render(language, "minor.never_save") in said(turn), "the child route is said at once"


AGE_ANSWERS = {
    "fr": [("oui elle a 13 ans", "yes"), ("non il a 19 ans", "no"), ("non, elle avait 15 ans", "yes")],
    "ko": [("네 13살이에요", "yes"), ("그때 고2였어요", "yes"), ("아니요 19살이었어요", "no"), ("중3 때요", "yes")],
    "en": [("yes she's 13", "yes"), ("she was 15 then", "yes"), ("no he's 19", "no"), ("no, she was 15", "yes")],
}


def test_an_age_or_a_school_year_said_with_or_without_a_yes_or_a_no_answers_the_minor_question(language: str) -> None:
    """The age decides, beside a yes or a no too; an age under the adult age or a school year takes the child route."""
    for typed, expected in AGE_ANSWERS[language]:
        turn = turn_for(language, text=typed)
        picked = choice(turn, BY_SLOT["intake_minor"].choices)
        assert checkers.minor(turn, "intake_minor", picked)["intake_minor"] == expected, typed
        assert (render(language, "minor.never_save") in said(turn)) == (expected == "yes"), typed


def test_a_yes_beside_an_adult_age_stays_a_yes(language: str) -> None:
    """An adult age beside a yes ("yes, she's 19 now") most likely is the age today; the question is about the
    time the images were made."""
    typed = {"fr": "oui elle a 19 ans maintenant", "ko": "네 지금은 19살이에요", "en": "yes she's 19 now"}[language]
    turn = turn_for(language, text=typed)
    assert checkers.minor(turn, "intake_minor", choice(turn, BY_SLOT["intake_minor"].choices))["intake_minor"] == "yes"


def test_an_email_typed_for_the_contact_answers_the_detail_too() -> None:
    turn = turn_for("fr", text="écrivez-moi à jane@example.org")
    assert checkers.contact(turn, "intake_contact", None) == {
        "intake_contact": "email",
        "intake_contact_detail": "jane@example.org",
    }


def test_an_unusable_detail_is_asked_again_with_the_reason(language: str) -> None:
    email = turn_for(language, {"intake_contact": "email"}, text="jane at example")
    assert checkers.contact_detail(email, "intake_contact_detail", None) == {"intake_contact_detail": None}
    assert said(email) == render(language, "intake.contact.invalid_email")
    phone = turn_for(language, {"intake_contact": "phone"}, text="12")
    assert checkers.contact_detail(phone, "intake_contact_detail", None) == {"intake_contact_detail": None}
    assert said(phone) == render(language, "intake.contact.invalid_phone")


NOT_A_PLACE = {
    "fr": ["hier je crois", "oui", "vendredi dernier", "je fais quoi maintenant ?", "mon ex, il s'appelle jules"],
    "ko": ["어제인 것 같아요", "네", "지난 금요일", "이제 뭐 해요?", "전남친이요"],
    "en": ["yesterday i think", "yes", "last friday", "what do i do now?", "my ex, his name is jake"],
}
DONT_KNOW = {"fr": "je ne sais pas", "ko": "모르겠어요", "en": "I don't know"}


def test_a_yes_or_a_date_is_not_a_place_and_is_asked_again_calmly(language: str) -> None:
    for typed in NOT_A_PLACE[language]:
        turn = turn_for(language, text=typed, intent="affirm" if typed in ("oui", "네", "yes") else "inform")
        answer = checkers.where(turn, "intake_where", None)
        assert answer == {"intake_where": None}, typed
        assert said(turn) == render(language, "intake.where.not_a_place"), typed


def test_i_dont_know_where_is_an_answer(language: str) -> None:
    texting = {"fr": "jsp", "ko": "몰라", "en": "idk"}[language]
    for typed in (DONT_KNOW[language], texting):
        turn = turn_for(language, text=typed)
        assert checkers.where(turn, "intake_where", None) == {"intake_where": UNSURE}, typed
        assert said(turn) == render(language, "intake.where.unknown")


def test_no_more_places_after_one_is_done(language: str) -> None:
    turn = turn_for(language, {"intake_places": ["Telegram"]}, text={"fr": "non", "ko": "아니요", "en": "no"}[language])
    assert checkers.where(turn, "intake_where", None) == {"intake_where": DONE}


def test_a_platform_named_with_a_date_is_still_a_place(language: str) -> None:
    typed = {"fr": "sur Snapchat hier", "ko": "어제 스냅챗에", "en": "on Snapchat yesterday"}[language]
    turn = turn_for(language, text=typed, entities=[{"entity": "platform", "value": "Snapchat"}])
    assert checkers.where(turn, "intake_where", None)["intake_places"] == [typed]


def test_a_number_typed_with_the_way_to_be_contacted_answers_the_detail_too(language: str) -> None:
    """"문자로만 연락 주세요 010-1234-5678" was taken as the way only, and the number asked for again."""
    typed = {"fr": "par sms au 06 12 34 56 78", "ko": "문자로만 연락 주세요 010-1234-5678",
             "en": "text me on 07700 900123"}[language]
    turn = turn_for(language, text=typed)
    picked = choice(turn, BY_SLOT["intake_contact"].choices)
    answer = checkers.contact(turn, "intake_contact", picked)
    assert answer["intake_contact"] == "phone" and answer["intake_contact_detail"], (picked, answer)


def test_a_phone_number_at_the_emails_question_changes_the_way(language: str) -> None:
    """"ah non finalement par téléphone 07 11 22 33 44" at the email's question was "not a complete email address",
    four times."""
    typed = {"fr": "ah non finalement par téléphone 07 11 22 33 44", "ko": "아 그냥 전화로 해 주세요 010-1234-5678",
             "en": "actually call me instead, 07700 900123"}[language]
    turn = turn_for(language, {"intake_contact": "email"}, text=typed)
    answer = checkers.contact_detail(turn, "intake_contact_detail", None)
    assert answer["intake_contact"] == "phone" and answer["intake_contact_detail"], answer
