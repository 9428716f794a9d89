"""The fear that more is posted, once a story is told: each new post can be reported the same way, and hashing
(actions/posted_again.py)."""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify
from actions.offence import ActionOffence
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import run

MORE = {
    "fr": ["et s'il en poste d'autres", "il peut les reposter ?", "jai peur qu il en poste d autres"],
    "ko": ["또 올리면 어떡해요", "다시 올리면요?", "재유포하면 어떡해"],
    "en": ["what if he posts more", "what if they get posted again", "im scared hell post more"],
}
COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}


@pytest.mark.parametrize("action, intent", [(ActionOffence(), "ask_offence"), (ActionClarify(), "nlu_fallback")])
def test_after_a_story_the_fear_of_more_posts_hears_how_each_is_removed_never_the_law_again(
    language: str, action: object, intent: str
) -> None:
    slots = {"language": language, "situation": "sharing", "country": COUNTRY[language]}
    law = run(ActionOffence(), "ask_offence", slots, text="?").texts
    for text in MORE[language]:
        outcome = run(action, intent, slots, text=text)  # type: ignore[arg-type]
        assert outcome.texts[0] == render(language, "removal.again"), (text, outcome.texts)
        assert render(language, "removal.hash.minor") in outcome.texts
        assert not set(law) & set(outcome.texts), text


def test_in_korea_the_centre_that_watches_for_re_uploads_is_named(language: str) -> None:
    slots = {"language": language, "situation": "sharing", "country": "KR"}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=MORE[language][0])
    assert outcome.texts[1].startswith(render(language, "removal.KR")[:30])


def test_a_minor_hears_of_take_it_down_only(language: str) -> None:
    slots = {"language": language, "situation": "sharing", "country": "FR", "is_minor": True}
    outcome = run(ActionClarify(), "nlu_fallback", slots, text=MORE[language][0])
    assert render(language, "removal.hash.adult") not in outcome.texts
    assert render(language, "removal.hash.minor") in outcome.texts


def test_a_first_story_of_a_repost_goes_on_with_its_journey(language: str) -> None:
    outcome = run(ActionSituation(), "describe_sharing", {"language": language}, text=MORE[language][0])
    assert render(language, "removal.again") not in outcome.texts
