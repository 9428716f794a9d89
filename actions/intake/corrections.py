"""A correction said at the summary ("non, mon mail c'est x@y.fr", "날짜는 어제예요", "actually it was last
friday"): applied to the draft, then the summary shown again, so nothing is sent that the person
corrected.

Read while the summary's question is pending (`offer` is "submit") by every action a correction may
land on, whatever the classifier made of it: yes, no, a short fact, not understood, out of scope.
What it reads: an email address or a phone number (the contact, and the way to use it), else a date
or a time in words (`when` in `answers.yml`: when the content was found) and links, an account's
handle or a platform's name (where the content is: the only one named, or the only one not said to be wrong, as in
"onlyfans not pornhub", "폰허브 말고 온리팬스"), both kept when both are told, else a way to be contacted named
without its address ("attends en fait plutôt par mail", "문자 말고 이메일로", "actually just here in the chat": the
address given before is dropped, and the new way's address asked for, so the team never uses a way the person took
back), else that the images show someone else ("c'est pas moi c'est ma pote"). Whether it is still going on is read
first ("toujours en cours : oui", "il a reposté hier": `_ongoing`), so a repost's date is not taken for when the
content was found, and a correction is never taken for the yes that sends the report; so is a link or a place taken out
("remove the discord one, that's not me": `_removed`).

Corrections, links and handles (`additions`) are read by every other action too while the summary is
pending (`RelaisAction.run`), whatever the classifier made of the message ("잠깐 링크 하나 더 있어요
https://t.me/…" is often a deepfake story or a removal question): a link joins the links given, unless
the message opens with a correction's word ("non le lien c'est …" replaces them); a handle ("le compte
c'est @fisha_lyon_69", "계정은 fisha_lyon_69예요") joins the places, as the `where` question keeps it.
A message that changes nothing is not said to have changed the report (`intake.unchanged`).
"""

from __future__ import annotations

import re
from typing import Any, Dict

from actions.facts_in_message import folded_text, platforms
from actions.intake.answers import DONE, says, text
from actions.intake.checkers import MAX_FOUND_CHARS, MAX_LINKS, MAX_PLACE_CHARS
from actions.intake.flow import show_summary, submit
from actions.intake.questions import ask
from actions.reply import Turn
from bot.cases.contact import email_in, phone_in
from bot.cases.links import links_in
from vocabulary.folding import fold

MAX_WORDS = 20
"""A longer message is a story, not a correction of one answer."""
FOUND_CHOICES = ("today", "this_week")
CONTACT_WAYS = ("none", "chat", "email", "phone")
"""Ways to be contacted (`answers.yml`), read in this order: "ne m'appelez pas, plutôt par mail" names both, and
a way refused comes with a word of calling more often than one wanted."""
NEEDS_ADDRESS = ("email", "phone")
WAY_WORDS = 6
"""A way to be contacted named in a longer message needs a word of preference (`PREFERRED`): "will they call my
mom?" names no way to be contacted."""
PREFERRED = re.compile(
    r"\b(par|plutot|seulement|juste|uniquement|by|via|instead|rather|only|just|prefer|prefere)\b|(으로|로)\s*(해|연락|부탁|주세요|요|만)|말고|만\s",
    re.I,
)
LEAD_IN = re.compile(
    r"^\s*(non|no|nope|nan|en fait|actually|in fact|sorry|pardon|desole|아니요|아뇨|아니|사실은?)[\s,.!:;-]*", re.I
)
"""Words that open a correction, left out of the answer kept ("actually it was last friday")."""
REPLACING = re.compile(r"^\s*(non|no|nope|nan|en fait|actually|in fact|아니요|아뇨|아니|사실은?)\b", re.I)
"""Words that open a link replacing the links given ("non le lien c'est …"); without them a link is added."""
WRONG_LINK = re.compile(
    r"(tromp|mauvais lien|pas le bon|le bon (lien )?(c'?est|est)|wrong (link|url|one)|the right (one|link)|"
    r"correct (one|link) is|by mistake|(lien|link|url)( \w+)? (est|is|was|etait) (faux|wrong|pas (le )?bon|incorrect)|"
    r"잘못|틀렸|틀린|이게 맞)",
    re.I,
)
"""Words anywhere in a message that say the link given before was wrong ("je me suis trompée de lien, le bon c'est
…", "링크 잘못 보냈어 이게 맞는거야"): its link replaces the links given."""
HANDLE = re.compile(r"(?<![\w@])(@?[A-Za-z0-9][A-Za-z0-9_.]*[A-Za-z0-9_])")
"""An account's handle: ASCII letters, digits, "_" and "."; one word of a message that names an account."""
ACCOUNT_WORDS = re.compile(r"(compte|pseudo|profil|account|username|user name|handle|profile|계정|아이디)", re.I)
"""Words that name an account ("le compte c'est fisha_lyon_69"): the handle is the word after them."""


def summary_pending(turn: Turn) -> bool:
    """Whether the last thing Relais asked was "shall I send it?" (read before this turn cleared it)."""
    return turn.tracker.get_slot("offer") == "submit"


def corrections(turn: Turn) -> Dict[str, Any]:
    """The intake slots the latest message corrects: {slot: new value}; empty when it corrects nothing. A date and a
    place in one message are both kept ("non c'est sur instagram, et je l'ai découvert hier")."""
    message = text(turn)
    if message.startswith("/"):
        return {}
    email = email_in(message)
    if email:
        return {"intake_contact": "email", "intake_contact_detail": email}
    stated = _ongoing(turn) or _removed(turn)
    if stated:
        return stated
    found = _found(turn, message)
    where = additions(turn) or _platform(turn, message)
    if found or where:
        return {**found, **where}
    phone = phone_in(message)
    if phone:
        return {"intake_contact": "phone", "intake_contact_detail": phone}
    return _contact_way(turn) or _someone_else(turn)


ONGOING_NAMED = re.compile(
    r"\b(toujours en cours|en cours|ongoing|still (going on|happening|going)|going on)\b|계속\s?(되|돼|진행)|진행\s?중"
)
"""The summary's "still going on?" named in a correction ("toujours en cours : oui", "still going on: yes")."""
REPOSTED = re.compile(
    r"\b(repost\w*|remis en ligne|remet en ligne|posted (it |them )?again|put (it|them) (back )?up|new account|"
    r"nouveau compte)\b|다시\s?올|또\s?올|새\s?계정|계속\s?(올라|올려|올리|퍼지|퍼져)"
)
"""Posted again, or from a new account ("il a reposté hier", "he keeps reposting"): it is still going on."""
NO_WORD = re.compile(r"\b(non|no|nope|nan|not|plus|pas)\b|아니|아뇨|안\s?해|멈췄|끝났")
"""A no after the question named ("still going on: no")."""
NEGATED_BEFORE = re.compile(r"\b(plus|pas|no longer|not|isn'?t|is not)\s+(\w+\s+)?$")
"""A negation just before it ("ce n'est plus en cours", "it's not ongoing")."""


def _ongoing(turn: Turn) -> Dict[str, Any]:
    """Whether it is still going on, corrected at the summary ("attendez, si c'est toujours en cours, il a reposté
    hier", "still going on: yes", "계속되고 있어요"): {"intake_ongoing": "yes" | "no"}; empty when the message says
    nothing of it. A repost said with a date is the repost, not when the content was found."""
    folded = folded_text(turn.tracker)
    if REPOSTED.search(folded):
        return {"intake_ongoing": "yes"}
    named = ONGOING_NAMED.search(folded)
    if not named:
        return {}
    negated = NEGATED_BEFORE.search(folded[: named.start()]) or NO_WORD.search(folded[named.end():])
    return {"intake_ongoing": "no" if negated else "yes"}


REMOVE = re.compile(
    r"\b(remove|delete|take out|drop|leave out|not that one|enleve[rz]?|retire[rz]?|supprime[rz]?|oublie[rz]?)\b"
    r"|\btake (the |that |this )?\w+ (one |link )?out\b"
    r"|빼\s?(주|줘|요|세요)|빼고|지워\s?(주|줘)|삭제해\s?(주|줘)"
)
"""Words taking a link or a place out of the report ("remove the discord one, that's not me", "enlevez le lien
reddit", "디스코드는 빼 주세요", "take the insta out")."""
LINK_WORD = re.compile(r"\b(links?|liens?|urls?)\b|링크|주소")
"""A link named as what to take out: the links only."""


def _removed(turn: Turn) -> Dict[str, Any]:
    """The links and places a message takes out of the report, naming them by a platform or a word of their address
    ("oh wait remove the discord one, that's not actually me in there"): {"intake_urls": …, "intake_places": …} without
    them; empty when the message takes nothing out."""
    folded = folded_text(turn.tracker)
    if not REMOVE.search(folded):
        return {}
    named = {value.lower() for value, _ in _platforms_named(turn, text(turn))}
    named |= {word for word in re.findall(r"[a-z0-9가-힣]{4,}", folded) if not REMOVE.fullmatch(word)}
    urls, places = list(turn.slot("intake_urls") or []), list(turn.slot("intake_places") or [])
    kept_urls = [url for url in urls if not any(word in url.lower() for word in named)]
    if LINK_WORD.search(folded):  # "take out the discord link": the link only, the platform stays a place
        if kept_urls == urls and len(urls) == 1:  # "링크 빼주세요" with one link given: that one
            kept_urls = []
        return {"intake_urls": kept_urls} if kept_urls != urls else {}
    kept_places = [place for place in places if not any(word in place.lower() for word in named)]
    if kept_urls == urls and kept_places == places:
        return {}
    return {"intake_urls": kept_urls, "intake_places": kept_places}


def _found(turn: Turn, message: str) -> Dict[str, Any]:
    """When the content was found, told in words ("hier", "avant-hier", "3일전이요"): {"intake_found": …}; empty
    when the message tells no date or time (`when` in `answers.yml`)."""
    if not says(turn, "when", max_words=MAX_WORDS):
        return {}
    for found in FOUND_CHOICES:
        if says(turn, found, max_words=MAX_WORDS):
            return {"intake_found": found}
    return {"intake_found": LEAD_IN.sub("", message)[:MAX_FOUND_CHARS] or message[:MAX_FOUND_CHARS]}


NOT_BEFORE = re.compile(
    r"\b(pas|non|not|no|nope|wasn'?t|isn'?t|aint|plutot que|instead of|rather than)\b( (sur|on|de|from|in))?\W*$"
)
"""A negation just before a platform named ("c'est pas twitter", "not pornhub"): that one is wrong."""
NOT_AFTER = re.compile(r"\s?(에서|에)?\s?(말고|아니고|아니라)")
"""A negation just after a platform named, in Korean ("폰허브 말고"): that one is wrong."""

OWN_WORDS = ("intake_situation", "intake_contact_detail")
"""Questions answered in the person's own words (what happened, an address): what they are given is their answer."""


def note_aside(turn: Turn, requested: str) -> bool:
    """A link, an email address, a platform or a date given while another question of the report is open ("actually
    wait the link is wrong, its https://…" at "were you under 18?", "email me at …", "attends non c'était avant-hier"
    at the links' question, "en fait c'est pas twitter c'est instagram" at "when did you find it?"): kept as the
    summary would keep it (`corrections`), thanked for (`intake.noted`), and the open question asked again; False,
    saying nothing, when the message gives none of them, or gives what the open question asks (its own answer)."""
    message = text(turn)
    if message.startswith("/") or requested in OWN_WORDS:
        return False
    email = email_in(message)
    changes: Dict[str, Any] = {}
    if email:
        if requested != "intake_contact":
            changes = {"intake_contact": "email", "intake_contact_detail": email}
    elif requested == "intake_where":
        changes = _found(turn, message)
    else:
        changes = (
            additions(turn)
            or _platform(turn, message)
            or ({} if requested == "intake_found" else _found(turn, message))
        )
    if not changes:
        return False
    for slot, value in changes.items():
        turn.set(slot, value)
    turn.say("intake.noted")
    return True


def _contact_way(turn: Turn) -> Dict[str, Any]:
    """A way to be contacted named without an address: {contact: way, detail: None}; empty when none is named or
    it is the way already chosen."""
    if (says(turn, "send") and not says(turn, "not_send")) or platforms(turn.tracker):
        return {}  # "oui envoie ici" sends the report; "폰허브 말고 온리팬스" names places
    if len(text(turn).split()) > WAY_WORDS and not PREFERRED.search(folded_text(turn.tracker)):
        return {}
    for way in CONTACT_WAYS:
        if says(turn, way, max_words=MAX_WORDS):
            if way in NEEDS_ADDRESS and turn.slot("intake_contact") == way:
                return {}
            return {"intake_contact": way, "intake_contact_detail": None}
    return {}


def _someone_else(turn: Turn) -> Dict[str, Any]:
    """The images show someone else ("c'est pas moi c'est ma pote", "제 친구예요"): {subject: "other"}."""
    return {"intake_subject": "other"} if says(turn, "other", max_words=MAX_WORDS) else {}


def additions(turn: Turn) -> Dict[str, Any]:
    """Links or an account's handle the latest message gives: {slot: new value}; empty when none.

    Links join `intake_urls` (`MAX_LINKS` at most), or replace them after a correction's word
    (`REPLACING`: "no the link is …") or words of a wrong link (`WRONG_LINK`); else a handle joins
    `intake_places` (`MAX_PLACE_CHARS`). A message with an email address adds nothing.
    """
    message = text(turn)
    if message.startswith("/") or email_in(message):
        return {}  # an email address is the contact (`corrections`), its domain no link
    urls = [link.url for link in links_in(message) if link.url is not None]
    if urls:
        kept = [] if REPLACING.match(message) or WRONG_LINK.search(message) else turn.slot("intake_urls")
        return {"intake_urls": list(dict.fromkeys([*(kept or []), *urls]))[:MAX_LINKS], "intake_where": DONE}
    handle = handle_in(message)
    if handle:
        places = list(turn.slot("intake_places") or [])
        return {"intake_places": list(dict.fromkeys([*places, handle[:MAX_PLACE_CHARS]])), "intake_where": DONE}
    return {}


def handle_in(message: str) -> str | None:
    """The account handle a message names: "@fisha_lyon_69" anywhere, else the first word after an
    account's name ("le compte c'est fisha_lyon_69") that has a digit, "_" or "." in it, kept as typed."""
    at = re.search(r"(?<![\w.])@([A-Za-z0-9_.]*[A-Za-z0-9_])", message)
    if at:
        return f"@{at.group(1)}"
    named = ACCOUNT_WORDS.search(message)
    if named is None:
        return None
    for word in HANDLE.findall(message[named.end() :]):
        if re.search(r"[0-9_.]", word):
            return str(word)
    return None


def _platform(turn: Turn, message: str) -> Dict[str, Any]:
    """The platform a short message names replaces the places: the only one named, or the only one of several not
    said to be wrong ("c'est pas twitter c'est instagram", "onlyfans not pornhub", "폰허브 말고 온리팬스"); when the one
    said to be wrong is among the places given, only it is replaced and the others stay."""
    if len(message.split()) > MAX_WORDS:
        return {}
    told = _platforms_named(turn, message)
    named = [value for value, wrong in told if not wrong]
    meant = list(dict.fromkeys(named))
    if len(meant) != 1:
        return {}
    wrong = {value for value, said_wrong in told if said_wrong}
    places = list(turn.slot("intake_places") or [])
    if wrong & set(places):  # "it wasnt pornhub, it was xvideos" with telegram given too: telegram stays
        kept = [place for place in places if place not in wrong and place != meant[0]]
        return {"intake_places": [*kept, meant[0][:MAX_PLACE_CHARS]], "intake_where": DONE}
    return {"intake_places": [meant[0][:MAX_PLACE_CHARS]], "intake_where": DONE}


def _platforms_named(turn: Turn, message: str) -> list[tuple[str, bool]]:
    """(platform, said to be wrong) for each platform entity of the latest message: wrong when a word of negation
    comes just before it (`NOT_BEFORE`: "pas", "not") or just after it (`NOT_AFTER`: "말고", "아니고")."""
    named = []
    for entity in (turn.tracker.latest_message or {}).get("entities") or []:
        if entity.get("entity") != "platform" or entity.get("value") is None:
            continue
        start, end = int(entity.get("start") or 0), int(entity.get("end") or 0)
        before, after = fold(message[max(0, start - 16) : start].lower()), message[end : end + 8]
        wrong = bool(NOT_BEFORE.search(before) or NOT_AFTER.match(after))
        named.append((str(entity["value"]), wrong))
    return named


def correct_summary(turn: Turn) -> bool:
    """At the summary, apply a correction and show the summary again; False when there is none."""
    return summary_pending(turn) and _apply(turn, corrections(turn))


def send_if_asked(turn: Turn) -> bool:
    """At the summary, a short message that says to send it ("그냥 보내주세요", "envoyez", "send it") sends the
    report, as the yes button would; False, saying nothing, otherwise."""
    if not (summary_pending(turn) and says(turn, "send")) or says(turn, "not_send"):
        return False
    if corrections(turn):  # "ok send it but the email is …": the corrected report is shown first, never sent as it was
        return False
    submit(turn)
    return True


def _apply(turn: Turn, changes: Dict[str, Any]) -> bool:
    """Set `changes`, say whether they changed the report (`intake.corrected`, else `intake.unchanged`)
    and show the summary again; False, saying nothing, when there are no changes."""
    if not changes:
        return False
    changed = any(turn.slot(slot) != value for slot, value in changes.items())
    for slot, value in changes.items():
        turn.set(slot, value)
    turn.say("intake.corrected" if changed else "intake.unchanged")
    if turn.slot("intake_contact") in NEEDS_ADDRESS and not turn.slot("intake_contact_detail"):
        ask(turn, "intake_contact_detail")  # its answer, an address, is a correction read here in turn
        turn.set("offer", "submit")
    else:
        show_summary(turn)
    return True
