from __future__ import annotations

import pytest

from bot.components.crisis_guard import signals_crisis


@pytest.mark.parametrize(
    "text",
    [
        "je veux mourir",
        "j'ai envie d'en finir avec la vie",
        "je pense au suicide depuis hier",
        "jvais me tuer si ça sort",
        "plus envie de vivre",
        "죽고 싶어요",
        "그냥 죽고싶다",
        "자살하고 싶어",
        "살고 싶지 않아요",
        "I want to die",
        "i'm going to kill myself if my parents see it",
        "thinking about suicide",
        "i dont want to live anymore",
    ],
)
def test_explicit_risk_to_life_is_recognised_in_three_languages(text: str) -> None:
    assert signals_crisis(text)


@pytest.mark.parametrize(
    "text",
    [
        "je suis morte de honte",
        "mon ex a publié mes photos",
        "사진이 유포됐어요",
        "he threatened to kill my reputation",
        "is this a crime in France?",
        "I'm dying to know how to report it",
    ],
)
def test_ordinary_distress_is_left_to_the_classifier(text: str) -> None:
    assert not signals_crisis(text)
