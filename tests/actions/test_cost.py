"""Whether anything costs is answered: this chat is free, and the country's services where the knowledge base says
so."""

from __future__ import annotations

import pytest

from actions.conversation import ActionClarify
from actions.cost import asks_cost
from actions.handoff import ActionRequestHuman
from actions.privacy import ActionPrivacy
from actions.reply import RelaisAction
from actions.situation import ActionSituation
from content.texts import render
from tests.actions.conftest import make_tracker, run

COST = {
    "fr": ["c'est payant votre truc ?", "c'est gratuit ?", "ça coûte combien de faire supprimer ?",
           "et est ce que ça coute qqchose de faire retirer"],
    "ko": ["이거 상담 무료에요? 돈 드나요?", "삭제 비용 드나요?", "유료인가요?", "상담 받는데 돈 들어요?"],
    "en": [
        "does this cost anything",
        "is it free?",
        "how much does removal cost",
        "is this thing free or do i have to pay",
        "does any of this cost money",
        "is the helpline free?",
        "do i have to pay for any of this",
        "is there a fee for any of this",
    ],
}
NOT_COST = {
    "fr": ["il veut que je paie 500 euros", "est-ce que je dois le payer ?", "je suis libre ce soir"],
    "ko": ["돈 안 보내면 뿌린대요", "돈 보내야 돼요?", "자유롭게 말해도 돼요?"],
    "en": ["he wants me to pay $500", "should i pay him?", "feel free to call me",
           "he wants money or it will cost me my job"],
}
COUNTRY = {"fr": "FR", "ko": "KR", "en": "GB"}


def test_asking_what_it_costs_is_told_apart_from_a_blackmailers_demand(language: str) -> None:
    for text in COST[language]:
        assert asks_cost(make_tracker("nlu_fallback", {}, text=text)), text
    for text in NOT_COST[language]:
        assert not asks_cost(make_tracker("nlu_fallback", {}, text=text)), text


@pytest.mark.parametrize(
    ("action", "intent"),
    [
        (ActionPrivacy(), "ask_privacy"),
        (ActionClarify(), "nlu_fallback"),
        (ActionRequestHuman(), "request_human"),
        (ActionSituation(), "describe_sextortion"),
    ],
)
def test_the_cost_is_answered_whatever_the_classifier_made_of_it(
    language: str, action: RelaisAction, intent: str, cases_db: str
) -> None:
    """"does this cost anything" got the privacy text, "c'est gratuit ?" "I'm an automated assistant" and "이거 상담
    무료에요? 돈 드나요?" a request for a person: free here, then the country's free services where known."""
    for country in (COUNTRY[language], "FR", "KR"):
        slots = {"language": language, "country": country}
        for text in COST[language]:
            outcome = run(action, intent, slots, text=text)
            assert outcome.texts[0] == render(language, "cost.general"), (text, outcome.texts)
            local = {"FR": "cost.FR", "KR": "cost.KR"}.get(country)
            if local:
                assert outcome.texts[1] == render(language, local)
            assert render(language, "privacy.text", days=30).split(".")[0] not in outcome.text
