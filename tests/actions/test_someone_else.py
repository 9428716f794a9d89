"""A parent, a sister or a friend writing hears about the person ("it is not their fault"), never "not your fault"."""

from __future__ import annotations

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
