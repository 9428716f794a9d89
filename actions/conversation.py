"""Small talk around the journeys: greeting, menu, thanks, goodbye, language, yes and no, a short
fact given in passing, fallback.

What NLU could not place is never just "I didn't understand" when something better is known:
a correction at the report's summary changes the report (`actions/intake/corrections.py`), a
reference leads to its status, a message without words to a gentle check-in, a story told in
words the classifier missed to its journey, and after a crisis message the reply keeps it in mind.
"""

from __future__ import annotations

from actions.check_in import check_in, unusual_kind
from actions.danger import SLOT as DANGER_SLOT
from actions.danger import in_danger_now
from actions.despair import despairs
from actions.facts_in_message import mentions_links_or_platforms, speaks_of_minor
from actions.first_line import keeps_it_from_parents
from actions.found_out import NOT_TOLD
from actions.guidance import (
    SITUATION_BUTTONS,
    give_helplines,
    guide,
    question_asked,
    situation_cued,
    take_country,
)
from actions.help_question import answer_what_to_do, asks_what_to_do, names_a_language
from actions.helplines import asks_who_to_call
from actions.intake.access import start_access
from actions.intake.answers import UNSURE_WORDS, says, text
from actions.intake.corrections import correct_summary
from actions.intake.erase import erase_checked_report_if_asked
from actions.intake.offers import answer_no, answer_yes, ask_country_again, gives_places_for_report, takes_up_offer
from actions.jurisdiction import country_in_message, waits_for_country
from actions.language import asks_who_can_get_help_in, explicit_choice
from actions.menu import LANGUAGES, MAIN_MENU
from actions.payment import BLACKMAIL_KEYS
from actions.reply import RelaisAction, Turn, fixed_reply
from actions.safety import ActionSupport, minor_in_message
from actions.situation import answers_situation_question, untold_story
from actions.stale import from_button, not_understood
from bot.cases.reference import reference_in
from bot.components.cue_patterns import has_cue
from bot.settings import load


class ActionGreet(RelaisAction):
    """The first greeting carries the privacy notice; later ones just reopen the menu."""

    def name(self) -> str:
        return "action_greet"

    def respond(self, turn: Turn) -> None:
        if any(event.get("event") == "bot" for event in turn.tracker.events):
            turn.say("greet.again", MAIN_MENU)
            return
        turn.say("greet.welcome")
        turn.say("greet.privacy", days=load().retention_days)
        turn.say("menu.prompt", MAIN_MENU)


class ActionChangeLanguage(RelaisAction):
    """Confirms a switch, or offers the languages when the message named none, or says which languages Relais
    answers in when the message asks whether someone else, or a service, can use one.

    A message that names a country and no language ("en France. qu'est-ce que je peux faire ?", "한국 살아요")
    gives the country: it is taken as `action_inform` takes it, and a question of what to do is answered.
    """

    def name(self) -> str:
        return "action_change_language"

    def respond(self, turn: Turn) -> None:
        if explicit_choice(turn.tracker):
            turn.say("language.switched", MAIN_MENU)
        elif asks_who_can_get_help_in(turn.tracker):  # or a nationality: "im french but living in Seoul"
            if not (country_in_message(turn.tracker) and take_country(turn)):
                turn.say("language.available", LANGUAGES)
        elif country_in_message(turn.tracker) and not names_a_language(turn.tracker):
            if asks_what_to_do(turn.tracker):
                answer_what_to_do(turn)
            else:
                take_country(turn)
        else:
            turn.say("language.choose", LANGUAGES)


ActionBotChallenge = fixed_reply("action_bot_challenge", "bot_challenge.text", MAIN_MENU)
ActionThank = fixed_reply("action_thank", "thank.text", MAIN_MENU)


class ActionGoodbye(RelaisAction):
    """A goodbye, unless the person is in danger right now: "je fais quoi là" or "아직 안갔어" read as a goodbye
    after someone at the door gets the emergency numbers (said first by `RelaisAction.run`) and the menu, never
    "take care, come back any time"; "je dois faire quoi la", "what do i do now" read as a goodbye are asked what
    to do (`actions/help_question.py`); "he left" while the danger is in mind (`in_danger`) hears that the numbers
    come first if it comes back (`danger.check`)."""

    def name(self) -> str:
        return "action_goodbye"

    def respond(self, turn: Turn) -> None:
        if comforted(turn):  # "걍 다 끝났어" is no goodbye
            return
        if in_danger_now(turn.tracker):
            turn.say("next.prompt", MAIN_MENU)
        elif asks_what_to_do(turn.tracker):  # "je dois faire quoi la" after a blackmail is no goodbye
            answer_what_to_do(turn)
        elif turn.slot(DANGER_SLOT):  # "he left", "ok bye" after a danger: the numbers come first if it comes back
            danger_follow_up(turn)
        else:
            turn.say("goodbye.text")


class ActionOutOfScope(RelaisAction):
    """Outside what Relais does, unless the words tell a minor's story, follow a crisis message, ask what to do
    (`actions/help_question.py`: the steps of the story told, or the question of what happened) or ask for money
    paid back (answered first by `actions/payment.py`)."""

    def name(self) -> str:
        return "action_out_of_scope"

    def respond(self, turn: Turn) -> None:
        if correct_summary(turn) or comforted(turn):
            return
        if situation_cued(turn) and (speaks_of_minor(turn.tracker) or turn.slot("in_crisis")) and untold_story(turn):
            return
        if waits_for_country(turn.tracker) and take_country(turn):
            return
        if unsure_of_country(turn) or takes_up_offer(turn):
            return
        if in_danger_now(turn.tracker):  # "what do i do" at the door: the emergency numbers were the answer
            turn.say("next.prompt", MAIN_MENU)
            return
        if asks_who_to_call(turn.tracker):  # "what is the cyber crime number"
            answer_who_to_call(turn)
            return
        if asks_what_to_do(turn.tracker):
            answer_what_to_do(turn)
            return
        if turn.has_said(*BLACKMAIL_KEYS):  # "can I get my money back?" is answered by the payment's line
            turn.say("next.prompt", MAIN_MENU)
            return
        if says(turn, "unsure", max_words=UNSURE_WORDS):
            turn.say("clarify.unsure", MAIN_MENU)
            return
        turn.say("out_of_scope.text", MAIN_MENU)


class ActionClarify(RelaisAction):
    """Not understood: a reference, a message without words, a story in words, what to do, a crisis, else choices."""

    def name(self) -> str:
        return "action_clarify"

    def respond(self, turn: Turn) -> None:
        if correct_summary(turn):
            return
        if reference_in(text(turn)):
            start_access(turn, "status")
            return
        if erase_checked_report_if_asked(turn) or comforted(turn):
            return
        kind = unusual_kind(turn)
        if waits_for_country(turn.tracker) and take_country(turn):  # "us", "kr", "FR" to "which country?"
            return
        if unsure_of_country(turn) or takes_up_offer(turn) or (not kind and gives_places_for_report(turn)):
            return
        if kind:
            check_in(turn, kind)
        elif untold_story(turn) or answers_situation_question(turn):
            return
        elif turn.slot("in_crisis"):  # "no one can help me" after a crisis message: stay with the crisis
            turn.say("crisis.listening")
        elif in_danger_now(turn.tracker):  # "what do i do hes still there": the emergency numbers were the answer
            turn.say("next.prompt", MAIN_MENU)
        elif says(turn, "unsure", max_words=UNSURE_WORDS):  # "jsp", "몰라", "idk": a whole answer, not a misreading
            turn.say("clarify.unsure", MAIN_MENU)
        elif asks_who_to_call(turn.tracker):  # "what number do i call": the lines of the person's country
            answer_who_to_call(turn)
        elif asks_what_to_do(turn.tracker):
            answer_what_to_do(turn)
        elif topic := journey_asked(turn):  # "지울수있어요?" after a story, "i want it deleted, no police"
            guide(turn, topic, needs_situation=topic == "offence")
        elif answered_first(turn):
            turn.say("next.prompt", MAIN_MENU)
        elif turn.slot(DANGER_SLOT):  # "i called 17 they're coming": never "not understood" in a danger
            danger_follow_up(turn)
        else:
            turn.say("clarify.text", MAIN_MENU)


def journey_asked(turn: Turn) -> str | None:
    """The journey a message not understood asks for in its own words (`question_asked`): removal at any time, the
    others once a story is told or when the message asks ("이거 진짜 내 사진도 아닌데 신고가 돼?"); "i reported it"
    before any story is no question. None otherwise."""
    topic = question_asked(turn)
    if topic is None:
        return None
    asks = has_cue(text(turn), "question")
    return topic if topic == "removal" or turn.situation is not None or asks else None


def unsure_of_country(turn: Turn) -> bool:
    """"jsp", "몰라", "idk", or "pk vous avez besoin de ca" (why), while the country question waits: asked again,
    kindly, saying why it is asked and the way not to say (`country.ask.again`), never "not understood"; True when
    asked."""
    if not (waits_for_country(turn.tracker) and (says(turn, "unsure") or says(turn, "why"))):
        return False
    ask_country_again(turn)
    return True


def comforted(turn: Turn) -> bool:
    """Answer words of despair read as a goodbye, a yes or no, a bare fact or nothing ("걍 다 끝났어", "c'est fini pour
    moi", "it's all over": `actions/despair.py`) as distress is, unless a danger is told (its numbers answer); True
    when answered."""
    if not despairs(turn.tracker) or in_danger_now(turn.tracker) or from_button(turn):
        return False
    ActionSupport().respond(turn)
    return True


def danger_follow_up(turn: Turn) -> None:
    """A message not understood while a danger is in mind (`in_danger`): the numbers come first if it comes back
    (`danger.check`), then the menu; never "I'm not sure I understood"."""
    turn.say("danger.check")
    turn.say("next.prompt", MAIN_MENU)


def answer_who_to_call(turn: Turn) -> None:
    """The lines of the person's country (said first by `RelaisAction.run` when it is known), then the menu; the
    country question first when it is unknown (`helplines`)."""
    give_helplines(turn)
    if turn.jurisdiction is not None:
        turn.say("next.prompt", MAIN_MENU)


def answered_first(turn: Turn) -> bool:
    """Whether `RelaisAction.run` already answered the message before the action's own answer: the parents' line,
    the blackmail's answer (money or contact), that the school or work is told nothing, or the emergency numbers;
    "not understood" must not follow them."""
    return (
        keeps_it_from_parents(turn.tracker)
        or turn.has_said(*BLACKMAIL_KEYS, NOT_TOLD)
        or in_danger_now(turn.tracker)
    )


class ActionAffirm(RelaisAction):
    """A yes answers the question Relais just asked (`actions/intake/offers.py`)."""

    answers_summary = True

    def name(self) -> str:
        return "action_affirm"

    def respond(self, turn: Turn) -> None:
        if not (comforted(turn) or answers_situation_question(turn)):
            answer_yes(turn)


class ActionDeny(RelaisAction):
    """A no declines the question Relais just asked (`actions/intake/offers.py`)."""

    answers_summary = True

    def name(self) -> str:
        return "action_deny"

    def respond(self, turn: Turn) -> None:
        # "no, it's all over" is despair, not a refusal; "non, il l'a pas publiée, il me menace" tells what happened
        if not (comforted(turn) or answers_situation_question(turn)):
            answer_no(turn)


class ActionInform(RelaisAction):
    """A short factual answer (a country, an age, a link): take it in and carry on."""

    def name(self) -> str:
        return "action_inform"

    def respond(self, turn: Turn) -> None:
        if correct_summary(turn) or comforted(turn) or answers_situation_question(turn):
            return
        minor_in_message(turn)
        if take_country(turn) or unsure_of_country(turn) or takes_up_offer(turn) or gives_places_for_report(turn):
            return
        if from_button(turn):
            not_understood(turn)
        elif mentions_links_or_platforms(turn.tracker) and turn.situation is None:
            # "its on twitter", "트위터에 올라갔대요" before any story: where it is, then what happened
            turn.say("inform.links_only")
            turn.say("situation.ask", SITUATION_BUTTONS)
        elif mentions_links_or_platforms(turn.tracker):
            turn.say("inform.links_only", MAIN_MENU)
        elif asks_who_to_call(turn.tracker):  # "c quoi le numero": the lines, never "not understood" after them
            answer_who_to_call(turn)
        elif turn.is_minor or answered_first(turn):
            turn.say("next.prompt", MAIN_MENU)
        elif turn.slot(DANGER_SLOT):
            danger_follow_up(turn)
        elif says(turn, "unsure", max_words=UNSURE_WORDS):
            turn.say("clarify.unsure", MAIN_MENU)
        else:
            turn.say("clarify.text", MAIN_MENU)
