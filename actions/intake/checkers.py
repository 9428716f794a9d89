"""What each intake answer accepts: a checker reads the message (or the button picked) and returns
the slots it fills. A slot set to None is asked again; a checker says why before returning it.

Every checker has the same shape, `check(turn, slot, picked) -> {slot: value, ...}`: `slot` is the
question's slot, `picked` the control or choice read from a button or short typed answer
(`actions/intake/answers.py`), or None for a free answer. The question table
(`actions/intake/questions.py`) names the checker of each question.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List

from actions.danger import by_partner
from actions.facts_in_message import age, platforms, was_at_school
from actions.guidance import SITUATION_INTENT_PREFIX, SITUATIONS
from actions.intake.answers import DONE, SKIPPED, UNSURE, choice, says, text
from actions.reply import Turn
from actions.safety import minor_route
from bot.cases.contact import email_in, looks_like_email, phone_in
from bot.cases.links import links_in, without_links
from content.knowledge.facts import ADULT_AGE

MAX_LINKS = 20
MAX_PLACE_CHARS = 100
MAX_FOUND_CHARS = 200

Answer = Dict[str, Any]
Checker = Callable[[Turn, str, "str | None"], Answer]


def choice_only(turn: Turn, slot: str, picked: str | None) -> Answer:
    """One of the question's choices (a button or its typed words); anything else is asked again."""
    if picked:
        return {slot: picked}
    turn.say("intake.not_understood")
    return {slot: None}


def free_text(turn: Turn, slot: str, picked: str | None, max_chars: int = MAX_FOUND_CHARS) -> Answer:
    """A choice, or the person's own words (at most `max_chars` characters)."""
    if picked:
        return {slot: picked}
    return {slot: text(turn)[:max_chars] or None}


def situation(turn: Turn, slot: str, picked: str | None) -> Answer:
    """A situation button, else the situation the message's intent or the conversation tells."""
    if picked in SITUATIONS:
        return {slot: picked}
    intent = turn.intent or ""
    if intent.startswith(SITUATION_INTENT_PREFIX) and intent.removeprefix(SITUATION_INTENT_PREFIX) in SITUATIONS:
        return {slot: intent.removeprefix(SITUATION_INTENT_PREFIX)}
    if turn.situation:
        return {slot: turn.situation}
    turn.say("intake.not_understood")
    return {slot: None}


def where(turn: Turn, slot: str, picked: str | None) -> Answer:
    """Links and places, several per message or one per message, until "done" or `MAX_LINKS` links.

    Without a link or a platform's name, words that answer another question (yes, no, a date), a question, or a
    partner or an ex named (`actions/partner_cues.yml`) are not a place: asked again; "I don't know" is taken as
    such (`UNSURE`, said in the summary).

    Fills `intake_urls` (normalised links) and `intake_places` (platform names, or the message's
    words without links); each one noted is said back, each refused link with its reason.
    """
    urls: List[str] = list(turn.slot("intake_urls") or [])
    places: List[str] = list(turn.slot("intake_places") or [])
    if picked == DONE:
        return {slot: DONE if urls or places else SKIPPED}
    message = text(turn)
    found = links_in(message)
    if not found and not platforms(turn.tracker):
        read = choice(turn, (UNSURE, "yes", "no", "today", "this_week"))
        if read == UNSURE or (read == "no" and (urls or places)):
            if read == UNSURE:
                turn.say("intake.where.unknown")
            return {slot: DONE if urls or places else UNSURE}
        if read is not None or says(turn, "when") or message.rstrip().endswith("?") or by_partner(turn.tracker):
            # "yes", "yesterday, I think", "what do i do now?" or "my ex, his name is jake" answer another question
            # or ask one, never where the content is.
            turn.say("intake.where.not_a_place")
            return {slot: None}
    noted = []
    for link in found:
        if link.url is None:
            turn.say(f"intake.link.problem.{link.problem}", given=link.given)
        elif link.url not in urls and len(urls) < MAX_LINKS:
            urls.append(link.url)
            noted.append(link.url)
    if noted:
        turn.say("intake.link.noted", links="\n".join(noted))
    named = platforms(turn.tracker) if found else [without_links(message)]
    for place in (p[:MAX_PLACE_CHARS] for p in named if p):
        if place not in places:
            places.append(place)
            turn.say("intake.place.noted", place=place)
    finished = len(urls) >= MAX_LINKS
    return {slot: DONE if finished else None, "intake_urls": urls, "intake_places": places}


def minor(turn: Turn, slot: str, picked: str | None) -> Answer:
    """Yes, no or unsure; an age said in the message answers too, and so does a school year below university
    ("elle était en 4e", "그때 고2였어요", "I was in year 10"). A first yes takes the child route.

    An age beside a yes or a no decides ("non il a 19 ans", "no, she was 15"), except that a yes beside an adult
    age stays a yes: "yes, she's 19" most likely tells her age now, and the question is about when the images
    were made.
    """
    told = age(turn.tracker)
    if told is not None and told < ADULT_AGE and picked in (None, "no"):
        picked = "yes"
    elif told is not None and picked is None:
        picked = "no"
    elif picked is None and was_at_school(turn.tracker):
        picked = "yes"
    if picked == "yes" and not turn.is_minor:
        minor_route(turn)
        return {slot: "yes", "is_minor": True}
    return choice_only(turn, slot, picked)


def contact(turn: Turn, slot: str, picked: str | None) -> Answer:
    """A way to be contacted; an email or phone number typed here answers the detail too."""
    message = text(turn)
    email = email_in(message)
    if email:
        return {slot: "email", "intake_contact_detail": email}
    phone = phone_in(message)
    if phone and picked in (None, "phone"):  # "문자로만 연락 주세요 010-1234-5678": the way and its number at once
        return {slot: "phone", "intake_contact_detail": phone}
    return choice_only(turn, slot, picked)


def contact_detail(turn: Turn, slot: str, picked: str | None) -> Answer:
    """The email address or phone number for the way chosen, checked; asked again when unusable. The other kind
    given instead (a phone number at the email's question) changes the way with it."""
    message = text(turn)
    wanted = turn.slot("intake_contact")
    detail = email_in(message) if wanted == "email" else phone_in(message)
    if detail:
        return {slot: detail}
    other = phone_in(message) if wanted == "email" else email_in(message)
    if other:  # "ah non finalement par téléphone 07 11 22 33 44" at the email's question: the way changes with it
        return {slot: other, "intake_contact": "phone" if wanted == "email" else "email"}
    if wanted == "email" or looks_like_email(message):
        turn.say("intake.contact.invalid_email")
    else:
        turn.say("intake.contact.invalid_phone")
    return {slot: None}
