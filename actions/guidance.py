"""The shared shape of a guidance journey: know the jurisdiction, explain, offer next steps.

A journey asked for before the country is known is remembered in `pending_topic` and
resumed as soon as the person answers, so they never have to ask twice.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Callable, Dict

import yaml

from actions.danger import SLOT as DANGER_SLOT
from actions.danger import by_current_partner, in_danger_now, partner_named_before, threatens_if_left
from actions.facts_in_message import latest_text, message_says, speaks_of_minor
from actions.first_line import danger_key, say_partner_line
from actions.jurisdiction import (
    ASK_BUTTONS,
    COUNTRY_QUESTION,
    OTHER,
    country_in_message,
    waits_for_country,
)
from actions.menu import MAIN_MENU
from actions.payment import BLACKMAIL_KEYS, PAID, paid_already
from actions.reply import Button, Turn, about_them
from actions.safety import SUPPORT_TOPIC, child_route_for_new_country, helplines, minor_in_message
from actions.threat import threat_in_message, warn_of_threat
from bot.components.cue_patterns import has_cue
from vocabulary.folding import fold

SITUATIONS = ("sharing", "deepfake", "sextortion", "hidden_filming")
SITUATION_INTENT_PREFIX = "describe_"
QUESTIONS = {"ask_offence": "offence", "ask_evidence": "evidence", "ask_report": "report", "ask_removal": "removal"}
SECOND_INTENT_CONFIDENCE = 0.05
"""How sure NLU must be of the second half of a mixed message to act on it. The intent regression's
probabilities are flatter than DIET's were: at 0.005, 38% of messages of intents that never tell a story
ranked some `describe_*` above it; at 0.05, 5% (measured on the held-out sets, 2026-11-29)."""
CUES = Path(__file__).with_name("situation_cues.yml")
QUESTION_CUES = Path(__file__).with_name("question_cues.yml")
NO_COMPLAINT_CUES = Path(__file__).with_name("no_complaint_cues.yml")
SITUATION_BUTTONS: tuple[Button, ...] = tuple((f"situation.{s}", f"/describe_{s}") for s in SITUATIONS)

Explainer = Callable[[Turn], None]
_JOURNEYS: Dict[str, Explainer] = {}


def journey(topic: str) -> Callable[[Explainer], Explainer]:
    """Register the explainer of a topic, so a pending topic can be resumed by name."""

    def register(explainer: Explainer) -> Explainer:
        _JOURNEYS[topic] = explainer
        return explainer

    return register


@journey(SUPPORT_TOPIC)
def give_helplines(turn: Turn) -> None:
    """Who to talk to where the person lives, offered before the country was known (`helplines`)."""
    helplines(turn)


def acknowledge(turn: Turn, situation: str) -> None:
    """Say what happened is heard (to a parent or a friend, about the person: `about_them`); a threat told beside
    it gets the steps of a sextortion (`actions/threat.py`).

    A child's story leaves the steps to the child route taken next (`minor_in_message`), which gives them
    after its opening. Money already paid (`actions/payment.py`) is answered after the acknowledgement, and a
    blackmail already acknowledged is not acknowledged again when this turn answered about money or contact.
    """
    paid = situation == "sextortion" and paid_already(turn.tracker)
    turn.set("situation", situation)
    answered_blackmail = situation == "sextortion" and turn.has_said(*BLACKMAIL_KEYS)
    if not answered_blackmail:
        key = ack_key(turn, situation)
        turn.say(key)
        if key.endswith(".partner") and not in_danger_now(turn.tracker):
            say_partner_line(turn)
    if paid and not answered_blackmail:
        turn.say(about_them(turn, PAID))
    child_route_next = not turn.is_minor and speaks_of_minor(turn.tracker)
    if threat_in_message(turn) and not (child_route_next or answered_blackmail):
        warn_of_threat(turn, child=turn.is_minor)


def ack_key(turn: Turn, situation: str) -> str:
    """`situation.ack.<situation>`, about the person to a parent or a friend (`about_them`); a blackmail told in a
    danger now (`actions/danger.py`: "mon mari menace de publier… il est dans la pièce à côté", "il m'a enfermée…"),
    or made to keep the person from leaving ("menace de publier nos vidéos si je le quitte"), or by the partner the
    person is with now ("mon mari menace d'envoyer mes vidéos à ma famille"), is `.partner`: abuse, safety before
    the images, never "stop replying" to someone who lives with the person."""
    key = about_them(turn, f"situation.ack.{situation}")
    in_danger = in_danger_now(turn.tracker) or bool(turn.slot(DANGER_SLOT))
    # in a danger now, whoever threatens is near: "stop replying" is wrong whether a partner is named or not
    by_a_partner = in_danger or threatens_if_left(turn.tracker) or by_current_partner(turn.tracker)
    if key.endswith(situation) and situation == "sextortion" and by_a_partner:
        return f"{key}.partner"
    return key


@lru_cache(maxsize=2)
def _cues(path: Path = CUES) -> dict[str, re.Pattern[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {str(name): re.compile("|".join(patterns)) for name, patterns in data.items()}


def _cued(turn: Turn, path: Path) -> str | None:
    text = fold(str((turn.tracker.latest_message or {}).get("text") or "").lower())
    return next((name for name, cue in _cues(path).items() if cue.search(text)), None)


def situation_cued(turn: Turn) -> str | None:
    """The situation the words of the message tell (`situation_cues.yml`), classifier aside."""
    return _cued(turn, CUES)


def situation_in_message(turn: Turn) -> str | None:
    """The situation a message mentions besides its main intent: ranking first, then words."""
    intent = turn.ranked([SITUATION_INTENT_PREFIX + s for s in SITUATIONS], SECOND_INTENT_CONFIDENCE)
    if intent:
        return intent.removeprefix(SITUATION_INTENT_PREFIX)
    return situation_cued(turn)


def question_in_message(turn: Turn) -> str | None:
    """The journey a story asks for besides telling what happened.

    The words decide between the questions the classifier ranks (it often mixes up "report"
    and "remove"), and stand alone when it ranks none.
    """
    if refuses_complaint(turn):  # "…mais je veux pas porter plainte": what can be done without one
        return "removal"
    cued = _cued(turn, QUESTION_CUES)
    ranked = [QUESTIONS[i] for i in QUESTIONS if turn.ranked([i], SECOND_INTENT_CONFIDENCE)]
    if cued in ranked or not ranked:
        return cued
    intent = turn.ranked(list(QUESTIONS), SECOND_INTENT_CONFIDENCE)
    return QUESTIONS[intent] if intent else None


def question_asked(turn: Turn) -> str | None:
    """The journey the message's own words ask for (`question_cues.yml`: "지울수있어요?", "can i report it?"), or None;
    read when the classifier could not place a message. Not wanting a complaint asks for removal ("신고는 안할거고
    그냥 삭제만 하고싶어요")."""
    return "removal" if refuses_complaint(turn) else _cued(turn, QUESTION_CUES)


def ask_country(turn: Turn, key: str = "country.ask") -> None:
    """Ask which country the person lives in, with its buttons; the question stays open for one turn
    (`offer` `COUNTRY_QUESTION`), so an "ok" or a "no" typed next asks it again (`country.ask.again`). Asked on the
    turn before and not answered, after an answer this turn gave to something else ("should I pay?"), it is asked
    in a few words (`country.ask.short`), never the whole question again."""
    if key == "country.ask" and waits_for_country(turn.tracker) and turn.dispatcher.messages:
        key = "country.ask.short"
    turn.set("offer", COUNTRY_QUESTION)
    turn.say(key, ASK_BUTTONS)


def note_country(turn: Turn) -> bool:
    """Say which country's information follows when the message names one (the base action has set the
    `country` slot from it), with a minor's child services of that country; False if it names none."""
    if not country_in_message(turn.tracker):
        return False
    turn.say(f"country.noted.{turn.jurisdiction}")
    child_route_for_new_country(turn)
    return True


def refuses_complaint(turn: Turn) -> bool:
    """Whether the message says the person does not want to file a complaint or involve the police ("je veux pas
    porter plainte", "고소는 하기 싫어요", "i dont want to go to the police"): `no_complaint_cues.yml`."""
    return message_says(turn.tracker, NO_COMPLAINT_CUES)


def guide(turn: Turn, topic: str, needs_situation: bool = False) -> None:
    """Explain `topic` now, or ask first for what it depends on; asked again right after it was given, for the same
    country and situation, say that the steps are just above (`journey.again`) rather than all of them again.

    Reporting or removal asked by a person who does not want a complaint (`refuses_complaint`) is their choice,
    said first (`report.no_complaint`), then the removal journey, never the complaint's steps.
    """
    if turn.situation is None:
        told = situation_in_message(turn)
        if told:
            acknowledge(turn, told)
    minor_in_message(turn)
    if topic in ("report", "removal") and refuses_complaint(turn):
        turn.say("report.no_complaint")
        topic = "removal"
    if turn.jurisdiction is None:
        turn.set("pending_topic", topic)
        # Asked again right after the question: the request is heard ("please delete it", "je veux signaler"),
        # not met with the same question word for word.
        ask_country(turn, f"country.ask.for.{topic}" if waits_for_country(turn.tracker) else "country.ask")
        return
    if needs_situation and turn.situation is None:
        turn.set("pending_topic", topic)
        turn.say("situation.ask", SITUATION_BUTTONS)
        return
    turn.set("pending_topic", None)
    given = journey_signature(turn, topic)
    offered = topic == "report" and turn.tracker.get_slot("offer") == "intake"
    if offered and not has_cue(latest_text(turn.tracker), "question"):
        # "ok let's do it, report it" at "shall I prepare your report?": the offer taken up, never lost; "where do i
        # report it?" asked again is the question, its steps just above
        from actions.intake.flow import start_intake  # the intake's modules import the guidance

        start_intake(turn)
        return
    if turn.tracker.get_slot(JOURNEY_SLOT) == given:
        # asked again at once ("should i unplug it or leave it for the police?" read as reporting): the same five
        # bubbles on a phone would bury the question; the steps are just above
        turn.say("journey.again", MAIN_MENU)
        return
    _JOURNEYS[topic](turn)
    turn.set(JOURNEY_SLOT, given)
    if turn.slot("offer") is None:
        also = other_question(turn, topic)
        if also:
            turn.say(f"guidance.also.{also}", menu_with_first(also))
        else:
            turn.say("next.prompt", MAIN_MENU)


CLAUSE = re.compile(r"[^.!?\n]*[.!?\n]*")
"""A sentence or a question with its closing marks ("c'est illégal ? ", "그리고 증거는 어떻게 남겨요?")."""


def other_question(turn: Turn, topic: str) -> str | None:
    """A second journey the message asks for besides `topic`, or None: a question clause of the message names it
    (`question_cues.yml`, in a clause that holds a question: "is it illegal and how do i report it?", "이거
    처벌되나요? 그리고 증거는 어떻게 남겨요?"). Words in a sentence that asks nothing ("I already reported it") never
    count, nor a complaint the person does not want."""
    text = fold(latest_text(turn.tracker).lower())
    asked = [clause for clause in CLAUSE.findall(text) if clause.strip() and has_cue(clause, "question")]
    for name, cue in _cues(QUESTION_CUES).items():
        if name == topic or name not in _JOURNEYS or (name == "report" and refuses_complaint(turn)):
            continue
        if any(cue.search(clause) for clause in asked):
            return name
    return None


def menu_with_first(topic: str) -> tuple[Button, ...]:
    """The main menu with `topic`'s button first (the question the person also asked)."""
    first = tuple(button for button in MAIN_MENU if button[1] == f"/ask_{topic}")
    return first + tuple(button for button in MAIN_MENU if button not in first)


JOURNEY_SLOT = "journey_given"
"""The journey the previous answer gave (`journey_signature`); every action clears it (`RelaisAction.run`)."""


def journey_signature(turn: Turn, topic: str) -> str:
    """`topic`, with what its answer depends on (the country, the situation, the child route): the same signature
    twice in a row is the same answer twice."""
    return f"{topic}:{turn.jurisdiction}:{turn.situation}:{turn.is_minor}"


def take_country(turn: Turn) -> bool:
    """A country named or answered (`note_country`): the journey asked for before, else the question of what
    happened, else the menu; False, saying nothing, when the message gives no country. Given while a danger is in
    mind (`in_danger`), the emergency numbers of that country come first, never "what happened?"."""
    if not note_country(turn):
        return False
    _go_on(turn)
    return True


def decline_country(turn: Turn) -> None:
    """The person would rather not say where they live: that is fine (`country.declined`), general information
    follows, as after the "Another country" button (country `other`), and the journey goes on as after a country."""
    turn.set("country", OTHER)
    turn.say("country.declined")
    _go_on(turn)


def _go_on(turn: Turn) -> None:
    """After a country: in a danger told before, its emergency numbers, and from a partner or an ex named in this
    conversation, the line for partner violence (1800RESPECT once "we live in australia" follows "my husband…");
    then the journey asked for, what happened, or the menu."""
    in_danger = bool(turn.slot(DANGER_SLOT))
    if in_danger and not turn.has_said(danger_key(turn)):
        turn.say(danger_key(turn))
        if partner_named_before(turn.tracker):
            say_partner_line(turn)
    if resume(turn):
        return
    if turn.situation is None and not in_danger:
        turn.say("situation.ask", SITUATION_BUTTONS)
    else:
        turn.say("next.prompt", MAIN_MENU)


def explain_now(turn: Turn, topic: str) -> bool:
    """Explain `topic` at once, without the menu after it, when what it depends on is known (the jurisdiction, and
    for the offence the situation); False, saying nothing, otherwise. For a question asked while a form is open."""
    if turn.jurisdiction is None or topic not in _JOURNEYS or (topic == "offence" and turn.situation is None):
        return False
    _JOURNEYS[topic](turn)
    return True


def resume(turn: Turn) -> bool:
    """Continue the journey the person asked for before; False if there was none."""
    topic = turn.slot("pending_topic")
    if topic not in _JOURNEYS:
        return False
    guide(turn, str(topic), needs_situation=topic == "offence")
    return True
