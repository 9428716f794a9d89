"""A short answer given before any question: a platform or a link is where the images are, then what happened."""

from __future__ import annotations

from actions.conversation import ActionInform
from content.texts import render
from tests.actions.conftest import run

WHERE = {"fr": "ils l'ont mis sur snap", "ko": "트위터에 올라갔대요", "en": "its on twitter"}
PLATFORM = {"fr": "snapchat", "ko": "x", "en": "x"}


def test_a_platform_named_before_any_story_asks_what_happened(language: str) -> None:
    """"its on twitter" as a first message got "links are enough" and the menu, and "ma photo nue" after it was not
    understood: what happened is asked, with its choices."""
    entities = [{"entity": "platform", "value": PLATFORM[language]}]
    outcome = run(ActionInform(), "inform", {"language": language}, text=WHERE[language], entities=entities)
    assert outcome.texts == [render(language, "inform.links_only"), render(language, "situation.ask")]
    assert outcome.payloads[0] == "/describe_sharing"
    told = run(ActionInform(), "inform", {"language": language, "situation": "sharing"}, text=WHERE[language],
               entities=entities)
    assert told.texts[0] == render(language, "inform.links_only")
    assert render(language, "situation.ask") not in told.texts
