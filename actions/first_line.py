"""The line a message's own words call for before any action's answer, and whether it is the whole answer.

Whatever the classifier made of a message, some words are answered first, once: one who cannot call after a crisis
message hears there is no need to (`actions/despair.py`); one who asks whether to tell a teacher or a parent, that
it is theirs to choose (`actions/self_blame.py`); one who asks that their parents not know, that nothing here reaches
them; one in danger now, how to get help at once, or, told that the police are coming, to stay safe until they come
(`actions/danger.py`), or, asking to erase in that danger, the erasure's question alone (`actions/seen.py`); one who
means the images at the erasure's question, that nothing was erased and how to get them taken down; one who
takes back a request to erase, that nothing was erased
(`actions/intake/erase_question.py`); one afraid that someone sees this chat, how to leave and clear it
(`actions/seen.py`); one who offers to send an image or a screenshot, not to (`actions/no_images.py`); one who would
rather not say where they live, that it is fine, with general guidance
(`actions/jurisdiction.py`); one told by the police that nothing can be done, what still can be
(`actions/police_refused.py`); one who blames themself, that it is not their fault (`actions/self_blame.py`); one
who asks how long removal takes, or whether it is too late (`actions/removal_time.py`), whether anything costs
(`actions/cost.py`), does not know who did it
(`actions/unknown_author.py`), fears that school or work finds out, or the person who did it
(`actions/found_out.py`), tells of a blackmailer's money or contact (`actions/payment.py`), fears that more is posted
(`actions/posted_again.py`), or asks who to call (`actions/helplines.py`), the answer to that.

Also: one who tells after a crisis message of pills taken or a harm done, to get medical help now; one who says
after a crisis message that they are safe after all, that Relais is glad and the line stays there
(`actions/despair.py`); one in a danger told before who cannot call, to keep writing here (`DANGER_CANNOT_CALL`);
one who asks why the country is asked, why (`country.ask.again`); one who says to send a report that was stopped and
never sent, the offer to resume it.

The lines are one ordered table (`FIRST_LINES`): the first whose reading holds is said, and its `is_whole` rule tells
whether the action's own answer still follows. A message asking for a crisis line, a person or erasing
(`ALWAYS_ANSWERED`) is answered in any case.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from rasa_sdk import Tracker

from actions.cost import asks_cost, tell_cost
from actions.danger import CALLED, PARTNER, by_partner, called_for_help, current_partner_named_before, in_danger_now
from actions.danger import SLOT as DANGER_SLOT
from actions.despair import (
    CANNOT_CALL,
    CRISIS_SLOT,
    EASED,
    EASED_SLOT,
    cannot_call,
    eases_crisis,
    harm_done,
    harm_done_key,
    says_cannot_call,
)
from actions.facts_in_message import (
    asks_if_police_tell_parents,
    keeps_from_parents,
    latest_text,
    told_by_someone_else,
)
from actions.found_out import AUTHOR_NOT_TOLD, NOT_TOLD, asks_if_author_told, asks_if_school_or_work_told
from actions.helplines import asks_who_to_call
from actions.intake.erase_question import CANCELLED, ERASE_QUESTIONS, means_the_images, takes_erasing_back
from actions.jurisdiction import declines_country, likely_jurisdiction, waits_for_country
from actions.menu import MAIN_MENU, Button
from actions.no_images import NOT_NEEDED, offers_an_image
from actions.payment import (
    BLOCK_THREAT,
    BLOCKED,
    DONT_PAY,
    NO_CONTACT,
    PAID,
    asks_about_contact,
    asks_whether_to_pay,
    blocked_already,
    fears_block_threat,
    paid_already,
    tells_deadline,
)
from actions.police_refused import police_refused, police_refused_key
from actions.posted_again import answer_more_posts, fears_more_posts
from actions.removal_time import TOO_LATE, asks_if_too_late, asks_removal_time, removal_time_key
from actions.seen import erase_at_once, erases_in_danger, fears_being_seen, tell_how_to_hide
from actions.self_blame import NOT_YOUR_FAULT, WHETHER_TO_TELL, asks_whether_to_tell, blames_self
from actions.turn import Turn, about_them
from actions.unknown_author import UNKNOWN_AUTHOR, author_unknown
from bot.components.crisis_patterns import wishes_removal
from content.texts import has

ALWAYS_ANSWERED = ("crisis", "request_human", "delete_my_data")
"""Intents answered even after a line that is the whole answer: a wish to die, a person, erasing. Anything else the
message says ("i called the police, can i report the pics too?") waits: the person comes first."""

STILL_ANSWERED_AFTER_A_REFUSAL = ("ask_removal", "ask_evidence", "ask_offence")
"""Questions still answered after `report.police_refused`: removal, evidence, the law. Where else to report is the
refusal's own answer."""

SAYS_NOTHING_MORE = ("nlu_fallback", "inform", "out_of_scope", "affirm", "deny", "thank", "goodbye", "greet")
"""Intents that add nothing to a line said first: what the classifier could not place, or small talk."""


@dataclass(frozen=True)
class FirstLine:
    """One line said before an action's own answer.

    `heard(turn)`: whether the latest message calls for it; `say(turn)`: says it; `is_whole(turn)`: whether, said,
    it is the whole answer, so that the action's own answer is not said (unless the intent is `ALWAYS_ANSWERED` and
    not in `silences`, the intents this line answers instead: "dont delete it" read as erasing).
    """

    name: str
    heard: Callable[[Turn], bool]
    say: Callable[[Turn], None]
    is_whole: Callable[[Turn], bool]
    silences: tuple[str, ...] = ()


def _never(turn: Turn) -> bool:
    return False


def _always(turn: Turn) -> bool:
    return True


def _says_nothing_else(turn: Turn) -> bool:
    """The message asks nothing else (no question intent) and tells no story not heard yet."""
    intent = turn.intent or ""
    if intent.startswith("describe_"):
        return turn.situation is not None
    return intent in SAYS_NOTHING_MORE


def _says_nothing_else_but(*intents: str) -> Callable[[Turn], bool]:
    """As `_says_nothing_else`, a message of one of `intents` included: what the classifier made of words this line
    answers ("누군지 몰라요" read as distress, "dont delete it" as erasing, "선생님한테 말해야돼?" as asking for a
    person)."""
    return lambda turn: _says_nothing_else(turn) or turn.intent in intents


def in_danger(turn: Turn) -> bool:
    """Whether the latest message tells of danger now or that the police are called in that danger."""
    return in_danger_now(turn.tracker) or called_for_help(turn.tracker)


def danger_key(turn: Turn) -> str:
    """`danger.<jurisdiction>`: the emergency numbers of the country, else of the language's country (France for
    French, Korea for Korean), else `danger.other` (the numbers of several countries)."""
    place = likely_jurisdiction(turn.country, turn.language)
    key = f"danger.{place}"
    return key if place and has(turn.language, key) else "danger.other"


def tell_danger(turn: Turn) -> None:
    """The emergency numbers (`danger_key`), then, from a partner or an ex, the line for partner violence of the
    same country where there is one (`danger.partner.<jurisdiction>`)."""
    turn.say(danger_key(turn))
    if by_partner(turn.tracker):
        say_partner_line(turn)


def say_partner_line(turn: Turn) -> None:
    """The line for violence by a partner or an ex of the person's country, else of their language's, where the
    knowledge base has one (`danger.partner.<jurisdiction>`)."""
    key = f"{PARTNER}.{likely_jurisdiction(turn.country, turn.language)}"
    if has(turn.language, key):
        turn.say(key)


def keeps_it_from_parents(tracker: Tracker) -> bool:
    """The person asks that their own parents not know ("je veux pas que mes parents le sachent", "부모님 모르게",
    "if i report will my parents find out?"), and is not a parent or a friend writing about someone else."""
    return keeps_from_parents(tracker) and not told_by_someone_else(tracker)


def tell_parents_not_told(turn: Turn) -> None:
    """Nothing here reaches the person's parents (`parents.not_told`); asked about the police too, what the police
    do is not Relais' to promise (`parents.police`)."""
    turn.say("parents.police" if asks_if_police_tell_parents(turn.tracker) else "parents.not_told")


WHY_WORDS = 16
""""why do u need my country?? i just want this to stop", "pourquoi vous avez besoin de savoir ou j'habite, j'ai peur
que ca se sache" ask why in a sentence."""


def asks_why_country(turn: Turn) -> bool:
    """Whether the latest message asks, in a few words, why the country is asked while that question waits ("pourquoi
    vous voulez savoir mon pays", "why do you need to know that", "왜요?"): `why` in `actions/intake/answers.yml`."""
    from actions.intake.answers import says  # the intake's modules import the base action, which imports this one

    return waits_for_country(turn.tracker) and says(turn, "why", max_words=WHY_WORDS)


def _country_why(turn: Turn) -> None:
    from actions.intake.offers import ask_country_again  # the intake's modules import the base action

    ask_country_again(turn)


def asks_to_send_a_stopped_report(turn: Turn) -> bool:
    """Whether the latest message says to send the report ("네 보내주세요", "ok send it", "envoyez-le") while a report
    was started, stopped and not sent, and no question of it waits: it would otherwise get the menu, and the person
    would believe it sent. A question whether to pay the blackmailer ("돈 보내도 돼요?") is no such word."""
    from actions.intake.answers import says  # the intake's modules import the base action, which imports this one
    from actions.intake.flow import draft_started

    waiting = turn.tracker.get_slot("offer") in ("intake", "submit") or (turn.tracker.active_loop or {}).get("name")
    if waiting or not draft_started(turn) or asks_whether_to_pay(turn.tracker):
        return False
    return says(turn, "send") and not says(turn, "not_send")


def _offer_to_resume(turn: Turn) -> None:
    from actions.intake.flow import offer_intake  # the intake's modules import the base action

    offer_intake(turn)


def _no_story_told(turn: Turn) -> bool:
    """A story the classifier read in a message that tells none in words ("he took my phone and locked me in the
    bedroom" read as covert filming): after the emergency numbers, no story's answer is made up."""
    from actions.guidance import situation_cued  # the guidance imports the base action, which imports this module

    return (turn.intent or "").startswith("describe_") and situation_cued(turn) is None


def _decline_country(turn: Turn) -> None:
    from actions.guidance import decline_country  # the guidance imports the base action, which imports this module

    decline_country(turn)


def _blackmail(reading: Callable[[Tracker], bool]) -> Callable[[Turn], bool]:
    """A reading that counts only in a sextortion (slot `situation`)."""
    return lambda turn: turn.situation == "sextortion" and reading(turn.tracker)


def _about_them(key: str) -> Callable[[Turn], None]:
    return lambda turn: turn.say(about_them(turn, key))


PARTNER_BLACKMAIL = "situation.ack.sextortion.partner"


def _unless_at_home(key: str) -> Callable[[Turn], None]:
    """`key` (cutting contact, blocking), except to one whose blackmailer is the partner they are with or who is in a
    danger told before ("my bf who i live with…", then "should i block him?"): cutting contact with someone at home
    can put them at risk; safety before the images, and the partner-violence line, instead."""

    def say(turn: Turn) -> None:
        if current_partner_named_before(turn.tracker) or turn.tracker.get_slot(DANGER_SLOT):
            turn.say(about_them(turn, PARTNER_BLACKMAIL))
            say_partner_line(turn)
        else:
            turn.say(about_them(turn, key))

    return say


def _say(key: str, buttons: Sequence[Button] = ()) -> Callable[[Turn], None]:
    return lambda turn: turn.say(key, buttons)


def _reads(reading: Callable[[Tracker], bool]) -> Callable[[Turn], bool]:
    """A reading of the latest message (`Tracker` -> bool) as a line's `heard`."""
    return lambda turn: reading(turn.tracker)


CANNOT_CALL_LINE = FirstLine(
    "cannot_call", lambda turn: cannot_call(turn.tracker) and not in_danger(turn), _say(CANNOT_CALL),
    _always,
)
"""Before the parents' line: "i cant call anyone my parents will hear" needs no call first, parents or not."""
PARENTS_LINE = FirstLine(
    "parents", _reads(keeps_it_from_parents), tell_parents_not_told, _never,
)
"""Before the danger: "if my parents find out they will kill me" is the fear of being found out."""
DANGER_CANNOT_CALL = "danger.cannot_call"
"""In a danger told before (slot `in_danger`, its numbers said), one who cannot call ("i cant call, he'd hear me",
"is there something i can text?"); a danger told in the same message hears its numbers first."""


def tell_images_meant(turn: Turn) -> None:
    """The images meant, not this chat (`means_the_images`): nothing erased, when "shall I erase it?" waited, then how
    to get them taken down (the removal journey, after the country question where it is not known)."""
    from actions.guidance import guide  # the guidance imports the base action, which imports this module

    if turn.tracker.get_slot("offer") in ERASE_QUESTIONS:
        turn.say(CANCELLED)
    guide(turn, "removal")


def tell_crisis_eased(turn: Turn) -> None:
    """Glad the person is safe (`EASED`); the line is no longer repeated at every answer (`EASED_SLOT`)."""
    turn.set(EASED_SLOT, True)
    turn.say(EASED)


def tell_danger_cannot_call(turn: Turn) -> None:
    """No need to call or speak, keep writing here (`DANGER_CANNOT_CALL`); where the knowledge base has a number
    to text in an emergency, that number (`DANGER_CANNOT_CALL.<jurisdiction>`: France's 114, section 1.8)."""
    turn.say(DANGER_CANNOT_CALL)
    local = turn.local_key(DANGER_CANNOT_CALL)
    if has(turn.language, local):
        turn.say(local)


FIRST_LINES: tuple[FirstLine, ...] = (
    FirstLine(  # after a crisis message: "what happens with the pills tho, like 8 of them"
        "harm_done", lambda turn: bool(turn.slot(CRISIS_SLOT)) and harm_done(turn.tracker),
        lambda turn: turn.say(harm_done_key(turn.jurisdiction)), _never,
    ),
    FirstLine(  # "c'est une façon de parler, je veux juste que ça disparaisse": the removal wish is still answered
        "crisis_eased", _reads(eases_crisis), tell_crisis_eased,
        lambda turn: _says_nothing_else_but("express_distress", "crisis")(turn)
        and not wishes_removal(latest_text(turn.tracker)),
    ),
    FirstLine(
        "danger_cannot_call",
        lambda turn: bool(turn.tracker.get_slot(DANGER_SLOT)) and says_cannot_call(turn.tracker),
        tell_danger_cannot_call,
        _says_nothing_else_but("express_distress", "ask_privacy", "ask_report"),
    ),
    FirstLine(  # "he's coming, delete it now": this chat at once, whatever the classifier made of it
        "erase_in_danger", _reads(erases_in_danger), erase_at_once, _always, silences=("delete_my_data",),
    ),
    CANNOT_CALL_LINE,
    FirstLine(  # before the parents' line: "엄마한테 말할까요?" asks whether to tell
        "whether_to_tell", _reads(asks_whether_to_tell), _say(WHETHER_TO_TELL),
        _says_nothing_else_but("request_human", "ask_privacy"),
    ),
    PARENTS_LINE,
    FirstLine("called", _reads(called_for_help), _say(CALLED), _always),
    FirstLine("danger", _reads(in_danger_now), tell_danger, _no_story_told),
    FirstLine(  # "non pas la conversation, les photos" at "shall I erase it?", "i meant the pics" at "which?"
        "images_meant", _reads(means_the_images), tell_images_meant, _always, silences=("delete_my_data",),
    ),
    FirstLine(
        "erasing_taken_back", _reads(takes_erasing_back), _say(CANCELLED, MAIN_MENU),
        _says_nothing_else_but("delete_my_data", "ask_removal", "ask_privacy"), silences=("delete_my_data",),
    ),
    FirstLine("seen", _reads(fears_being_seen), tell_how_to_hide, _says_nothing_else),
    FirstLine(  # "je peux vous envoyer la photo ?" read as asking what is kept
        "no_images", _reads(offers_an_image), _say(NOT_NEEDED),
        _says_nothing_else_but("ask_privacy", "ask_evidence", "bot_challenge"),
    ),
    FirstLine("declines_country", _reads(declines_country), _decline_country, _always),
    FirstLine("resume_report", asks_to_send_a_stopped_report, _offer_to_resume, _always),
    FirstLine(  # "why do you need to know that" read as asking what is kept
        "country_why", asks_why_country, _country_why, _says_nothing_else_but("ask_privacy", "bot_challenge"),
    ),
    FirstLine(  # before the blame: "the officer said it was my fault" is the police's refusal
        "police_refused",
        _reads(police_refused),
        lambda turn: turn.say(police_refused_key(turn.jurisdiction), MAIN_MENU),
        lambda turn: (turn.intent or "") not in STILL_ANSWERED_AFTER_A_REFUSAL,
    ),
    FirstLine(
        "blames_self", lambda turn: blames_self(turn.tracker, turn.intent), _about_them(NOT_YOUR_FAULT),
        _says_nothing_else,
    ),
    FirstLine(
        "removal_time", _reads(asks_removal_time),
        lambda turn: turn.say(removal_time_key(turn.jurisdiction)),
        _says_nothing_else_but("express_distress"),  # "ça prend combien de temps en général" read as distress
    ),
    FirstLine("too_late", _reads(asks_if_too_late), _say(TOO_LATE), _says_nothing_else),
    FirstLine(  # read as asking what is kept, for a person, or as a blackmail ("돈 드나요?")
        "cost", _reads(asks_cost), tell_cost,
        _says_nothing_else_but("ask_privacy", "bot_challenge", "request_human", "describe_sextortion", "ask_removal"),
        silences=("request_human",),  # "상담 무료임?" asks about counselling, it does not ask for a person
    ),
    FirstLine(
        "unknown_author", _reads(author_unknown), _about_them(UNKNOWN_AUTHOR),
        _says_nothing_else_but("express_distress"),
    ),
    FirstLine("found_out", _reads(asks_if_school_or_work_told), _say(NOT_TOLD), _never),
    FirstLine(
        "author_told", _reads(asks_if_author_told), _say(AUTHOR_NOT_TOLD),
        _says_nothing_else_but("ask_status", "ask_privacy"),
    ),
    FirstLine("paid", _blackmail(paid_already), _about_them(PAID), _never),
    FirstLine("pay_question", _blackmail(asks_whether_to_pay), _about_them(DONT_PAY), _never),
    FirstLine("deadline", _blackmail(tells_deadline), _about_them(DONT_PAY), _never),
    FirstLine(  # its answer says what to keep first: "et si je bloque il va les publier ?" read as asking for evidence
        "block_threat", _blackmail(fears_block_threat), _unless_at_home(BLOCK_THREAT),
        _says_nothing_else_but("ask_evidence"),
    ),
    FirstLine("blocked", _blackmail(blocked_already), _unless_at_home(BLOCKED), _never),
    FirstLine("contact", _blackmail(asks_about_contact), _unless_at_home(NO_CONTACT), _never),
    FirstLine("posted_again", _reads(fears_more_posts), answer_more_posts, _always),
    FirstLine(
        "who_to_call", lambda turn: asks_who_to_call(turn.tracker) and turn.jurisdiction is not None,
        lambda turn: turn.say(turn.local_key("support")), _never,
    ),
)
"""Most pressing first; the first line heard is the only one said."""


BEFORE_A_CRISIS = ("danger_cannot_call", "cannot_call", "called", "danger")
"""The only lines said before the crisis line of a crisis message: safety now. Any other waits (the crisis line is
the very first thing said)."""


def first_line(turn: Turn, parents_line: bool = True) -> FirstLine | None:
    """The first of `FIRST_LINES` the latest message calls for, `PARENTS_LINE` left out when `parents_line` is False
    (the crisis action says it after the crisis line), and only `BEFORE_A_CRISIS` for a crisis message; None when
    none is."""
    crisis = turn.intent == "crisis"
    for line in FIRST_LINES:
        if (line is PARENTS_LINE and not parents_line) or (crisis and line.name not in BEFORE_A_CRISIS):
            continue
        if line.heard(turn):
            return line
    return None


def answers_after(line: FirstLine | None, turn: Turn) -> bool:
    """Whether the action's own answer follows `line` (said, or None): always but after a whole answer."""
    if line is None or not line.is_whole(turn):
        return True
    return turn.intent in ALWAYS_ANSWERED and turn.intent not in line.silences
