"""A correction said at the summary is applied and the summary shown again, whichever action the
classifier chose for it; nothing is sent and nothing is declined."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Action

from actions.conversation import ActionAffirm, ActionClarify, ActionDeny, ActionInform, ActionOutOfScope
from actions.intake.questions import summary_lines
from actions.intake.summary import render as render_lines
from actions.reporting import ActionRemoval
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import Outcome, run
from tests.actions.intake.conftest import turn_for
from tests.actions.intake.test_questions import ANSWERED

AT_SUMMARY = {**ANSWERED, "offer": "submit"}
EMAIL = {
    "fr": "non, mon mail c'est x@y.fr",
    "ko": "아니요, 제 메일은 x@y.fr 이에요",
    "en": "no, my email is x@y.fr",
}
DATE_CHOICE = {"fr": "non, c'était hier", "ko": "날짜는 어제예요", "en": "no, it was yesterday"}
DATE_WORDS = {
    "fr": ("en fait c'était vendredi dernier", "c'était vendredi dernier"),
    "ko": ("사실은 지난 금요일이었어요", "지난 금요일이었어요"),
    "en": ("actually it was last friday", "it was last friday"),
}
CLASSIFIED_AS = [
    (ActionDeny(), "deny"),
    (ActionAffirm(), "affirm"),
    (ActionInform(), "inform"),
    (ActionClarify(), "nlu_fallback"),
    (ActionOutOfScope(), "out_of_scope"),
]


def shown_again(language: str, outcome: Outcome, slots: dict[str, Any]) -> None:
    """The reply is "changed", then the whole summary with the new answers, then "shall I send it?"."""
    changed = {e["name"]: e["value"] for e in outcome.events if e.get("event") == "slot"}
    corrected = turn_for(language, {**slots, **changed})
    assert outcome.texts == [
        render(language, "intake.corrected"),
        render(language, "intake.summary.title"),
        "\n".join(render_lines(corrected, summary_lines(corrected))),
        render(language, "intake.summary.confirm"),
    ]
    assert outcome.slot("offer") == "submit"


@pytest.mark.parametrize(("action", "intent"), CLASSIFIED_AS, ids=[intent for _, intent in CLASSIFIED_AS])
def test_an_email_correction_is_applied_and_shown(language: str, action: Action, intent: str) -> None:
    outcome = run(action, intent, {**AT_SUMMARY, "language": language}, text=EMAIL[language])
    assert outcome.slot("intake_contact") == "email" and outcome.slot("intake_contact_detail") == "x@y.fr"
    shown_again(language, outcome, AT_SUMMARY)
    assert "x@y.fr" in outcome.texts[2] and "jane@example.org" not in outcome.texts[2]


@pytest.mark.parametrize(("action", "intent"), CLASSIFIED_AS, ids=[intent for _, intent in CLASSIFIED_AS])
def test_a_date_correction_is_applied_and_shown(language: str, action: Action, intent: str) -> None:
    slots = {**AT_SUMMARY, "language": language, "intake_found": "earlier"}
    outcome = run(action, intent, slots, text=DATE_CHOICE[language])
    assert outcome.slot("intake_found") == "this_week"
    shown_again(language, outcome, slots)
    typed, kept = DATE_WORDS[language]
    outcome = run(action, intent, slots, text=typed)
    assert outcome.slot("intake_found") == kept
    assert render(language, "intake.summary.found", value=kept) in outcome.texts[2]


def test_a_phone_number_replaces_the_email(language: str) -> None:
    outcome = run(ActionInform(), "inform", {**AT_SUMMARY, "language": language}, text="+33 6 12 34 56 78")
    assert outcome.slot("intake_contact") == "phone" and outcome.slot("intake_contact_detail") == "+33612345678"
    shown_again(language, outcome, AT_SUMMARY)


def test_a_plain_yes_or_no_at_the_summary_is_still_an_answer(language: str) -> None:
    typed = {"fr": "non", "ko": "아니요", "en": "no"}[language]
    no = run(ActionDeny(), "deny", {**AT_SUMMARY, "language": language}, text=typed)
    assert no.texts == [render(language, "intake.not_now")]


def test_a_date_is_no_correction_when_the_summary_is_not_pending(language: str) -> None:
    outcome = run(ActionInform(), "inform", {**ANSWERED, "language": language}, text=DATE_CHOICE[language])
    assert render(language, "intake.corrected") not in outcome.text
    assert outcome.slot("intake_found") is None


PLATFORM = {"fr": "non le site c'était onlyfans", "ko": "아니 사이트는 온리팬스였어", "en": "no the site was onlyfans"}
LINK = {
    "fr": "non le lien c'est https://b.example/2",
    "ko": "아니 링크는 https://b.example/2 이에요",
    "en": "no the link is https://b.example/2",
}
ONLYFANS = [{"entity": "platform", "value": "OnlyFans"}]


@pytest.mark.parametrize(("action", "intent"), CLASSIFIED_AS, ids=[intent for _, intent in CLASSIFIED_AS])
def test_a_platform_or_a_link_replaces_where_the_content_is(language: str, action: Action, intent: str) -> None:
    slots = {**AT_SUMMARY, "language": language}
    named = run(action, intent, slots, text=PLATFORM[language], entities=ONLYFANS)
    assert named.slot("intake_places") == ["OnlyFans"] and named.slot("intake_urls") is None
    shown_again(language, named, slots)
    assert "OnlyFans" in named.texts[2] and "Instagram" not in named.texts[2]
    linked = run(action, intent, slots, text=LINK[language])
    assert linked.slot("intake_urls") == ["https://b.example/2"] and linked.slot("intake_places") is None
    shown_again(language, linked, slots)
    assert "https://b.example/2" in linked.texts[2] and "https://a.example/1" not in linked.texts[2]


WRONG_LINK = {
    "fr": "je me suis trompée de lien, le bon c'est https://b.example/2",
    "ko": "링크 잘못 보냈어 https://b.example/2 이게 맞는거야",
    "en": "sorry wrong link, the right one is https://b.example/2",
}


def test_a_link_said_to_be_the_right_one_replaces_the_wrong_one(language: str) -> None:
    slots = {**AT_SUMMARY, "language": language}
    linked = run(ActionInform(), "inform", slots, text=WRONG_LINK[language])
    assert linked.slot("intake_urls") == ["https://b.example/2"]


def entities_in(text: str, *names: tuple[str, str]) -> list[dict[str, Any]]:
    """Platform entities at the place each (typed word, value) is found in `text`, as the CRF would give them."""
    return [
        {"entity": "platform", "value": value, "start": text.index(word), "end": text.index(word) + len(word)}
        for word, value in names
    ]


NOT_THAT_ONE = {
    "fr": [("onlyfans pas pornhub", "OnlyFans"), ("attendez en fait c'est pas twitter c'est instagram", "Instagram")],
    "ko": [("폰허브 말고 온리팬스", "OnlyFans"), ("트위터 아니고 인스타예요", "Instagram")],
    "en": [
        ("onlyfans not pornhub", "OnlyFans"),
        ("wait its not twitter its instagram", "Instagram"),
        ("oh and it wasnt twitter it was his instagram", "Instagram"),
    ],
}
WORDS = {"OnlyFans": ("onlyfans", "온리팬스"), "Pornhub": ("pornhub", "폰허브"), "X": ("twitter", "트위터"),
         "Instagram": ("instagram", "인스타")}


def test_of_two_platforms_the_one_not_said_to_be_wrong_is_meant(language: str) -> None:
    """"onlyfans not pornhub", "c'est pas twitter c'est instagram": the one after or before the negation is wrong, the
    other replaces the places; two platforms with no negation are left as they were."""
    for typed, meant in NOT_THAT_ONE[language]:
        named = [(word, value) for value, words in WORDS.items() for word in words if word in typed]
        outcome = run(ActionInform(), "inform", {**AT_SUMMARY, "language": language}, text=typed,
                      entities=entities_in(typed, *named))
        assert outcome.slot("intake_places") == [meant], (typed, outcome.slot("intake_places"))
    both = "onlyfans pornhub"
    outcome = run(ActionInform(), "inform", {**AT_SUMMARY, "language": language}, text=both,
                  entities=entities_in(both, ("onlyfans", "OnlyFans"), ("pornhub", "Pornhub")))
    assert outcome.slot("intake_places") is None and render(language, "intake.corrected") not in outcome.text


DATE_AND_PLACE = {
    "fr": ("non c'est sur instagram, et je l'ai découvert hier", "instagram"),
    "ko": ("아니 인스타에 있고 어제 알았어요", "인스타"),
    "en": ("no its on instagram, and i found it yesterday", "instagram"),
}


def test_a_date_and_a_place_corrected_in_one_message_are_both_kept(language: str) -> None:
    """The report went with the date changed and the platform still "I don't know"."""
    typed, word = DATE_AND_PLACE[language]
    outcome = run(ActionInform(), "inform", {**AT_SUMMARY, "language": language}, text=typed,
                  entities=entities_in(typed, (word, "Instagram")))
    assert outcome.slot("intake_places") == ["Instagram"]
    assert outcome.slot("intake_found") == "this_week"


ONE_MORE_LINK = {
    "fr": "attends j'ai un autre lien https://t.me/deepfakeroom123",
    "ko": "잠깐 링크 하나 더 있어요 https://t.me/deepfakeroom123",
    "en": "one more link https://t.me/deepfakeroom123",
}
STORY_OR_QUESTION = [
    (ActionSituation(), "describe_deepfake"),
    (ActionRemoval(), "ask_removal"),
    *CLASSIFIED_AS,
]


@pytest.mark.parametrize(("action", "intent"), STORY_OR_QUESTION, ids=[intent for _, intent in STORY_OR_QUESTION])
def test_a_link_given_at_the_summary_joins_the_links_whatever_the_intent(
    language: str, action: Action, intent: str
) -> None:
    """ "잠깐 링크 하나 더 있어요 https://…" is often read as a deepfake story or a removal question: the link is
    still added to the report, and the summary shown again with both links, not the story's answer."""
    slots = {**AT_SUMMARY, "language": language}
    outcome = run(action, intent, slots, text=ONE_MORE_LINK[language])
    assert outcome.slot("intake_urls") == ["https://a.example/1", "https://t.me/deepfakeroom123"]
    shown_again(language, outcome, slots)
    assert "https://t.me/deepfakeroom123" in outcome.texts[2] and "https://a.example/1" in outcome.texts[2]


ACCOUNT = {
    "fr": ("…et le compte c'est fisha_lyon_69 avec un underscore", "fisha_lyon_69"),
    "ko": ("계정은 fisha_lyon_69예요", "fisha_lyon_69"),
    "en": ("the account is @fisha_lyon_69", "@fisha_lyon_69"),
}
ACCOUNT_AT = {
    "fr": "le compte c'est @fisha_lyon_69",
    "ko": "계정은 @fisha_lyon_69 이에요",
    "en": "the account is @fisha_lyon_69",
}


@pytest.mark.parametrize(("action", "intent"), STORY_OR_QUESTION, ids=[intent for _, intent in STORY_OR_QUESTION])
def test_an_account_given_at_the_summary_joins_the_places(language: str, action: Action, intent: str) -> None:
    slots = {**AT_SUMMARY, "language": language}
    typed, handle = ACCOUNT[language]
    outcome = run(action, intent, slots, text=typed)
    assert outcome.slot("intake_places") == ["Instagram", handle]
    shown_again(language, outcome, slots)
    assert handle in outcome.texts[2] and "Instagram" in outcome.texts[2]
    at = run(action, intent, slots, text=ACCOUNT_AT[language])
    assert at.slot("intake_places") == ["Instagram", "@fisha_lyon_69"]


def test_what_the_report_already_holds_is_not_said_to_be_changed(language: str) -> None:
    """A link or an account already in the report changes nothing: never "I have changed it"."""
    slots = {**AT_SUMMARY, "language": language, "intake_places": ["Instagram", "@fisha_lyon_69"]}
    for typed in (ACCOUNT_AT[language], ONE_MORE_LINK[language].replace("t.me/deepfakeroom123", "a.example/1")):
        outcome = run(ActionInform(), "inform", slots, text=typed)
        assert render(language, "intake.corrected") not in outcome.text
        assert outcome.texts[0] == render(language, "intake.unchanged")
        assert outcome.slot("offer") == "submit"


def test_a_link_or_an_account_is_no_addition_when_the_summary_is_not_pending(language: str) -> None:
    slots = {**ANSWERED, "language": language}
    for typed in (ONE_MORE_LINK[language], ACCOUNT_AT[language]):
        outcome = run(ActionSituation(), "describe_deepfake", slots, text=typed)
        assert render(language, "intake.corrected") not in outcome.text and outcome.slot("intake_urls") is None


# A way to be contacted taken back at the summary: the old address never stays behind it.

BY_PHONE = {**AT_SUMMARY, "intake_contact": "phone", "intake_contact_detail": "+33612345678"}
TO_EMAIL = {
    "fr": ["attends en fait non plutot par mail", "par mail plutôt"],
    "ko": ["문자 말고 이메일로 해 주세요", "이메일로요"],
    "en": ["wait actually email instead", "by email please"],
}
TO_CHAT = {
    "fr": ["en fait seulement ici dans le chat", "non juste ici"],
    "ko": ["그냥 여기 채팅으로만 연락해 주세요", "채팅으로만요"],
    "en": ["actually just here in the chat", "chat only"],
}
NO_WAY = {
    "fr": "attends, est-ce qu'ils vont appeler ma mère pour lui dire ?",
    "ko": "잠깐만요 혹시 엄마한테 전화 가는 건 아니죠?",
    "en": "no wait, will they call my mom about this?",
}


@pytest.mark.parametrize(("action", "intent"), CLASSIFIED_AS, ids=[intent for _, intent in CLASSIFIED_AS])
def test_a_way_to_be_contacted_taken_back_drops_the_old_address(language: str, action: Action, intent: str) -> None:
    slots = {**BY_PHONE, "language": language}
    for typed in TO_EMAIL[language]:
        outcome = run(action, intent, slots, text=typed)
        assert outcome.slot("intake_contact") == "email", typed
        assert outcome.slot("intake_contact_detail") is None, "the phone number is dropped"
        assert outcome.texts[-1] == render(language, "intake.ask.intake_contact_detail.email"), outcome.texts
        assert outcome.slot("offer") == "submit", "the address typed next is read as a correction"
    for typed in TO_CHAT[language]:
        outcome = run(action, intent, slots, text=typed)
        assert outcome.slot("intake_contact") == "chat" and outcome.slot("intake_contact_detail") is None, typed
        shown_again(language, outcome, slots)
        assert "+33612345678" not in outcome.texts[2]
    address = run(ActionInform(), "inform", {**slots, "intake_contact": "email", "intake_contact_detail": None},
                  text="x@y.fr")
    assert address.slot("intake_contact_detail") == "x@y.fr"


def test_a_question_naming_a_call_is_no_change_of_way(language: str) -> None:
    outcome = run(ActionClarify(), "nlu_fallback", {**BY_PHONE, "language": language}, text=NO_WAY[language])
    assert outcome.slot("intake_contact") is None and outcome.slot("intake_contact_detail") is None, outcome.texts


SOMEONE_ELSE = {"fr": "c'est pas moi c'est ma pote", "ko": "제가 아니라 친구예요", "en": "it's not me, it's my friend"}


def test_images_of_someone_else_said_at_the_summary_change_who_is_shown(language: str) -> None:
    slots = {**AT_SUMMARY, "language": language}
    outcome = run(ActionDeny(), "deny", slots, text=SOMEONE_ELSE[language])
    assert outcome.slot("intake_subject") == "other"
    shown_again(language, outcome, slots)


STILL_GOING_ON = {
    "fr": ("attendez, si c'est toujours en cours, il a reposté hier", "toujours en cours : oui",
           "en fait c'est fini, ce n'est plus en cours"),
    "ko": ("아직 계속되고 있어요 어제도 또 올렸어요", "진행 중이에요 계속되고 있어요",
           "이제는 계속되지 않아요 멈췄어요"),
    "en": ("wait, it is still going on, yes he keeps reposting", "still going on: yes", "it's not ongoing anymore"),
}


@pytest.mark.parametrize(("action", "intent"), CLASSIFIED_AS, ids=[intent for _, intent in CLASSIFIED_AS])
def test_whether_it_is_still_going_on_is_corrected_and_never_sends_the_report(
    language: str, action: Action, intent: str
) -> None:
    """"attendez, si c'est toujours en cours, il a reposté hier" at the summary was said to change nothing (the
    repost's date read as when the content was found), and "toujours en cours : oui" then sent the report with "No"
    in it."""
    reposted, yes, no = STILL_GOING_ON[language]
    slots = {**AT_SUMMARY, "language": language, "intake_ongoing": "no"}
    for text in (reposted, yes):
        outcome = run(action, intent, slots, text=text)
        assert outcome.slot("intake_ongoing") == "yes", (text, outcome.texts)
        assert outcome.slot("intake_found") is None, "a repost's date is no date of finding"
        shown_again(language, outcome, slots)
    stopped = run(action, intent, {**slots, "intake_ongoing": "yes"}, text=no)
    assert stopped.slot("intake_ongoing") == "no", stopped.texts


SEND_BUT_CORRECTED = {
    "fr": "ok envoyez, mais l'adresse c'est kim.q@gmail.com",
    "ko": "네 보내주세요. 근데 이메일은 kim.q@gmail.com 이에요",
    "en": "ok send it but the email is kim.q@gmail.com",
}


@pytest.mark.parametrize(("action", "intent"), CLASSIFIED_AS, ids=[intent for _, intent in CLASSIFIED_AS])
def test_send_it_with_a_correction_shows_the_corrected_report_and_sends_nothing(
    language: str, action: Action, intent: str, cases_db: str
) -> None:
    """"ok send it but the email is kim.q@gmail.com" sent the report with the old address: the team would have
    written about the abuse to someone else's inbox."""
    outcome = run(action, intent, {**AT_SUMMARY, "language": language}, text=SEND_BUT_CORRECTED[language])
    assert outcome.slot("intake_contact_detail") == "kim.q@gmail.com"
    assert outcome.slot("case_ref") is None, "nothing sent"
    shown_again(language, outcome, AT_SUMMARY)


def test_a_wrong_platform_among_several_is_replaced_and_the_others_stay(language: str) -> None:
    """"wait no it wasnt pornhub, it was xvideos" with Pornhub and Telegram given replaced both: Telegram was lost."""
    typed = {"fr": "attendez c'était pas pornhub c'était xvideos", "ko": "폰허브 말고 엑스비디오예요",
             "en": "wait no it wasnt pornhub, it was xvideos"}[language]
    words = {"fr": ("pornhub", "xvideos"), "ko": ("폰허브", "엑스비디오"), "en": ("pornhub", "xvideos")}[language]
    slots = {**AT_SUMMARY, "language": language, "intake_places": ["Pornhub", "Telegram"]}
    outcome = run(ActionInform(), "inform", slots, text=typed,
                  entities=entities_in(typed, (words[0], "Pornhub"), (words[1], "XVideos")))
    assert outcome.slot("intake_places") == ["Telegram", "XVideos"], outcome.slot("intake_places")


TAKE_OUT = {
    "fr": ("attendez, enlevez le lien discord, c'est pas moi dessus", "discord"),
    "ko": ("잠깐만요 디스코드 링크는 빼 주세요 제가 아니에요", "디스코드"),
    "en": ("oh wait remove the discord one, that's not actually me in there", "discord"),
}


@pytest.mark.parametrize(("action", "intent"), CLASSIFIED_AS, ids=[intent for _, intent in CLASSIFIED_AS])
def test_a_link_taken_out_at_the_summary_is_taken_out_and_never_sent(
    language: str, action: Action, intent: str
) -> None:
    """"oh wait remove the discord one, that's not actually me in there" got the removal steps, and "ok send it" then
    sent someone else's link in her report, the team allowed to open it."""
    typed, word = TAKE_OUT[language]
    slots = {**AT_SUMMARY, "language": language,
             "intake_urls": ["https://discord.gg/qwerty", "https://www.reddit.com/r/x/comments/abc"]}
    outcome = run(action, intent, slots, text=typed, entities=entities_in(typed, (word, "discord")))
    assert outcome.slot("intake_urls") == ["https://www.reddit.com/r/x/comments/abc"], outcome.texts
    shown_again(language, outcome, slots)
    removal = run(ActionRemoval(), "ask_removal", slots, text=typed, entities=entities_in(typed, (word, "discord")))
    assert removal.slot("intake_urls") == ["https://www.reddit.com/r/x/comments/abc"], removal.texts


FRIEND_OR_STILL_GOING = {
    "fr": ("c'est pas moi sur les photos c'est ma copine", "아니 아직 계속 올라와요"),
    "ko": ("제가 아니라 제 친구 사진이에요", "아니 아직 계속 올라와요"),
    "en": ("the pics are of my friend, not me", "no it's still going on, he keeps reposting"),
}


@pytest.mark.parametrize(
    ("action", "intent"),
    [(ActionSituation(), "describe_deepfake"), (ActionRemoval(), "ask_removal")],
    ids=["describe_deepfake", "ask_removal"],
)
def test_a_correction_read_as_a_story_or_a_question_still_corrects_the_summary(
    language: str, action: Action, intent: str
) -> None:
    """"the pics are of my friend, not me" at the summary got the deepfake's text and the report was sent with "Me";
    "아니 아직 계속 올라와요" was not understood and the report sent with "not ongoing"."""
    friend, still = FRIEND_OR_STILL_GOING[language]
    slots = {**AT_SUMMARY, "language": language, "intake_ongoing": "no"}
    other = run(action, intent, slots, text=friend)
    assert other.slot("intake_subject") == "other", other.texts
    shown_again(language, other, slots)
    going = run(action, intent, slots, text=still)
    assert going.slot("intake_ongoing") == "yes", going.texts


def test_the_link_taken_out_in_a_few_words_when_only_one_was_given(language: str) -> None:
    """"링크 빼주세요" (take the link out) at the summary got the removal steps and the link was sent."""
    typed = {"fr": "enlevez le lien svp", "ko": "링크 빼주세요", "en": "take out the link please"}[language]
    slots = {**AT_SUMMARY, "language": language, "intake_urls": ["https://discord.gg/qwerty"],
             "intake_places": ["Discord"]}
    outcome = run(ActionRemoval(), "ask_removal", slots, text=typed)
    assert outcome.slot("intake_urls") == [] and outcome.slot("intake_places") is None, outcome.texts
