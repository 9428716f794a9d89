"""Where the person lives, which decides the law, the helplines and the crisis line.

Jurisdiction is not language: a Korean speaker may live in France. The country comes from
what the person wrote (the CountryExtractor's ISO codes) or from the buttons, and is asked
for only when a journey needs it and it is unknown.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from rasa_sdk import Tracker

from actions.facts_in_message import keeps_from_parents, message_says
from bot.components.country_names import names
from vocabulary.folding import fold

OTHER = "other"
JURISDICTIONS = ("FR", "KR", "GB", "US", "CA", "AU", "IE")
"""Places Relais knows by name: France and South Korea in depth; the United Kingdom (the law of
England and Wales, with a pointer for Scotland and Northern Ireland), the United States, Canada,
Australia and Ireland with their offences, services, crisis lines and child route. Every other
country is `other` and gets the honest general answer."""

TIME_ZONES = {"FR": "Europe/Paris", "KR": "Asia/Seoul", "GB": "Europe/London", "IE": "Europe/Dublin"}
"""The one time zone of each jurisdiction that has only one (IANA names). The United States, Canada and
Australia span several: their people hear the hotline's own zone, named in the text."""

LANGUAGE_COUNTRY = {"fr": "FR", "ko": "KR"}
"""While the country is unknown, the safety texts (crisis lines, child route) start with the country
whose language the person writes in: France for French, South Korea for Korean. English has no
such country: Relais supports five English-speaking jurisdictions (GB, US, CA, AU, IE) and names
them all rather than guess one."""

ASK_BUTTONS = (
    ("country.france", '/inform{"country": "FR"}'),
    ("country.korea", '/inform{"country": "KR"}'),
    ("country.other", '/inform{"country": "other"}'),
)
COUNTRY_QUESTION = "country"
"""The `offer` while the question "which country do you live in?" waits for its answer: a yes or a no typed
then ("ok", "d'accord", "네") asks it again rather than leaving it (`actions/guidance.py`, `ask_country`)."""


def jurisdiction(country: str | None) -> str | None:
    if not country:
        return None
    return country if country in JURISDICTIONS else OTHER


def likely_jurisdiction(country: str | None, language: str) -> str | None:
    """The jurisdiction of `country`, else the one the language suggests (LANGUAGE_COUNTRY), else None."""
    return jurisdiction(country) or LANGUAGE_COUNTRY.get(language)


@cache
def _known_codes() -> frozenset[str]:
    return frozenset(names()) | {OTHER}


def known_country(value: Any) -> str | None:
    """`value` if it is a country the `country` slot may hold (an ISO code of countries.yml, or `other`)."""
    return value if isinstance(value, str) and value in _known_codes() else None


CODE_ANSWER = re.compile(
    r"^\W*((yes|yeah|oui|ok|okay|ouais|네|응|예)\W+)?"
    r"((i'?m|i am|im|we'?re|we are|i live|we live|je suis|j'?habite|je vis|on est|nous sommes|on habite)\s+"
    r"(in|at|en|au|aux|a|à|dans)\s+)?((the|le|la|les)\s+)?(?P<code>[A-Za-z]{2,3})\W*(요|이요|에요|예요|입니다)?\W*$"
)
"""A country answered by its code alone, or with "I live in" ("us", "the US", "im in the us", "FR", "kr요")."""
CODE_ALIASES = {"us": "US", "usa": "US", "uk": "GB", "gb": "GB", "fr": "FR", "kr": "KR", "au": "AU", "ie": "IE"}
"""Codes read in any case: none of them is a common word in French, Korean or English. Any other ISO code
("CA", "BE", "DE") only in capitals, since "ca", "be", "de", "it", "no" and "me" are words."""


def waits_for_country(tracker: Tracker) -> bool:
    """Whether Relais' last answer asked which country the person lives in (`offer` is `COUNTRY_QUESTION`)."""
    return tracker.get_slot("offer") == COUNTRY_QUESTION


def code_answer(text: str) -> str | None:
    """The country a short answer to "which country?" gives by its code, or None (`CODE_ANSWER`, `CODE_ALIASES`)."""
    match = CODE_ANSWER.match(text.strip())
    if match is None:
        return None
    code = match.group("code")
    found = CODE_ALIASES.get(code.lower()) or (code if code.isupper() and len(code) == 2 else None)
    return known_country(found)


LIVES_IN_BEFORE = re.compile(
    r"\b(live|lives|living|based|reside|resides|residing|stay|stays|staying|moved|i'?m|im|we'?re|she'?s|he'?s|they'?re"
    r"|study|studies|studying|work|works|working"
    r"|habite|habites|habitent|habitons|habitez|vit|vis|vivent|vivons|vivez|residons|installee?s?|suis|est"
    r"|etudie|etudies|etudient|travaille|travailles|travaillent"
    r"|sommes|sont)\s+(now\s+|currently\s+|abroad\s+|maintenant\s+|actuellement\s+)?(in|at|to|a|au|aux|en|dans)\s+"
    r"(the\s+|l'|le\s+|la\s+|les\s+)?$"
)
"""Words before a place that make it where someone lives ("she lives in", "j'habite à", "I'm studying in",
"je travaille en"), on the folded text."""
LIVES_IN_AFTER = re.compile(r"^\s?(에서|에)\s?(살|거주|지내|있|유학|공부|일하|일해|학교\s?다니|회사\s?다니|직장)")
"""Words after a place that make it where someone lives, in Korean ("부산에 살아요", "프랑스에서 지내요", "일본에서 유학
중이에요")."""
HOSTED_BEFORE = re.compile(
    r"\b(site|website|server|servers|platform|app|company|hosted|based|heberg\w*|serveurs?|plateforme|societe"
    r"|entreprise)\b[^.!?,;]{0,20}\b(in|at|en|au|aux|a)\s+(the\s+|l'|le\s+|la\s+|les\s+)?$"
)
"""Words before a place that make it where a site or a company is ("a site based in Russia", "hébergé aux
États-Unis"), never where the person lives; a comma ends them ("un site porno, je suis en France")."""
HOSTED_AFTER = re.compile(r"^\s?(에\s?있는\s?)?(사이트|서버|업체|회사|플랫폼|앱)")
"""The same after a place, in Korean ("러시아 사이트", "미국 서버")."""
SHORT_ANSWER_WORDS = 4
"""A message this short, and no question, that names a country gives it, even when another was given before
("France", "no, in Korea", "아니요 한국이요"; not "한국 법으로도 처벌 가능해요?")."""


def _around(text: str, mention: dict[str, Any], before: re.Pattern[str], after: re.Pattern[str]) -> bool:
    start, end = mention.get("start"), mention.get("end")
    if not (isinstance(start, int) and isinstance(end, int)):
        return False
    return bool(before.search(fold(text[:start].lower())) or after.match(text[end:]))


def _named(tracker: Tracker) -> list[dict[str, Any]]:
    """The latest message's known countries, less those named as where a site or a company is."""
    latest = tracker.latest_message or {}
    text = str(latest.get("text") or "")
    entities = latest.get("entities") or []
    return [
        e
        for e in entities
        if e.get("entity") == "country"
        and known_country(e.get("value"))
        and not _around(text, e, HOSTED_BEFORE, HOSTED_AFTER)
    ]


def _lived_in(text: str, mentions: list[dict[str, Any]]) -> str | None:
    """The one country of `mentions` the text says someone lives in, else None."""
    lived = {str(m["value"]) for m in mentions if _around(text, m, LIVES_IN_BEFORE, LIVES_IN_AFTER)}
    return lived.pop() if len(lived) == 1 else None


def country_before_message(tracker: Tracker) -> str | None:
    """The country known before the latest message: the last `country` slot event before the latest user event
    (Rasa has already filled the slot from this message's entities), or the slot itself when the tracker holds
    no user event."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            seen_user = True
        elif seen_user and event.get("event") == "slot" and event.get("name") == "country":
            return known_country(event.get("value"))
    return None if seen_user else known_country(tracker.get_slot("country"))


def country_in_message(tracker: Tracker) -> str | None:
    """The country the latest message gives: the one known country it names; of several, the one someone lives
    in ("she lives in Busan, she's from the Philippines": KR), else none (ambiguous). A country other than the
    one given before, named in passing in a longer message ("한국 법으로도 처벌 가능해요?" from Sydney), gives
    none unless someone lives there or the country question waits. Places of sites and companies ("a site
    based in Russia") give none. While the country question waits (`waits_for_country`), a code alone answers
    it too (`code_answer`)."""
    latest = tracker.latest_message or {}
    mentions = _named(tracker)
    codes = {str(e["value"]) for e in mentions}
    text = str(latest.get("text") or "")
    if not codes:
        return code_answer(text) if waits_for_country(tracker) and not text.startswith("/") else None
    lived = _lived_in(text, mentions)
    if lived or len(codes) > 1:
        return lived
    code = codes.pop()
    before = country_before_message(tracker)
    in_passing = (len(text.split()) > SHORT_ANSWER_WORDS or "?" in text) and not waits_for_country(tracker)
    return None if before not in (None, code) and in_passing else code


def country_slot(tracker: Tracker) -> str | None:
    """The latest known country set in the conversation.

    Rasa fills the slot from any `country` entity before an action runs; a value that is not a
    known country (say an entity DIET cut from a sentence) is passed over, so it never reaches an
    answer or a case's jurisdiction column, and so is Rasa's fill from a message whose countries give none
    (`country_in_message`: several origins, a country in passing, a site's): the country known before stands.
    """
    current = tracker.get_slot("country")
    entities = (tracker.latest_message or {}).get("entities") or []
    named = any(e.get("entity") == "country" and known_country(e.get("value")) for e in entities)
    if named and country_in_message(tracker) is None:
        return country_before_message(tracker)
    if current is None or known_country(current):
        return current
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == "country" and known_country(event.get("value")):
            return str(event["value"])
    return None


DECLINES_CUES = Path(__file__).with_name("declines_country_cues.yml")


def declines_country(tracker: Tracker) -> bool:
    """Whether, the country question waiting, the latest typed message says the person would rather not say where
    they live ("i'd rather not say", "jprefere pas dire ou jhabite", "나라는 말하기 싫어요":
    `declines_country_cues.yml`) and names no country, nor parents it is kept from ("부모님한테는 말하기 싫음" is not
    wanting to tell them)."""
    return (
        waits_for_country(tracker)
        and message_says(tracker, DECLINES_CUES)
        and not country_in_message(tracker)
        and not keeps_from_parents(tracker)
    )
