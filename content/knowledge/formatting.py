"""Knowledge facts as text placeholders, with money, durations and dates written the way each language does.

Every catalog text is rendered with these placeholders available: `{c_FR_crisis}` is a
contact, `{law_KR_deepfake}` a citation, `{penalty_FR_sharing}` a penalty in words,
`{date_US_removal}` a date and `{term_US_removal}` a time limit.

A wait reads in hours from an hour up ("3 hours and 10 minutes", "3시간 10분", never "190 minutes"),
and French text gets its non-breaking spaces before ? ! ; : and inside « » (`french_spacing`).

Money reads as a native reader of a legal text expects it: French "60 000 €", "50 millions de
wons", English "€60,000", "£5,000", "$5,000" (the currency's own country's English, so Canadian
dollars read "$"), "50 million won", Korean "5천만 원", "6만 유로" (counted in 만 and 억, never
"₩50,000,000").
"""

from __future__ import annotations

import datetime
import re
from functools import cache
from typing import Callable

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_timezone_name
from babel.lists import format_list
from babel.numbers import format_compact_decimal, format_decimal, parse_pattern
from babel.units import format_unit

from content.knowledge.facts import (
    ADULT_AGE,
    CONTACTS,
    DATES,
    LAWS,
    TERMS,
    Contact,
    Date,
    Fact,
    Penalty,
    Term,
    TimeUnit,
)

Lookup = Callable[[str, str], str]
"""(language, message id) -> the catalog's text."""

CURRENCY_COUNTRY = {"GBP": "GB", "USD": "US", "CAD": "CA", "AUD": "AU"}
"""Currencies written with the conventions of their own country's variant of the language."""

KOREAN_CURRENCY = {"KRW": "원", "EUR": "유로", "USD": "달러", "GBP": "파운드", "CAD": "캐나다 달러", "AUD": "호주 달러"}
"""How a Korean legal text names each currency after the amount."""

WON = {"fr": ("{amount} de wons", "{amount} wons"), "en": ("{amount} won", "{amount} won")}
"""Won in French and English legal prose: "50 millions de wons", "50 million won" (never "₩")."""

_KOREAN_GROUPS = ((100_000_000, "억"), (10_000, "만"), (1, ""))


def _korean_group(value: int) -> str:
    """1..9999 as Korean legal texts write it: 5000 -> "5천", 4500 -> "4,500"."""
    if value % 1000 == 0:
        return f"{value // 1000}천"
    return format_decimal(value, locale="ko")


def korean_amount(amount: int) -> str:
    """A whole amount counted in 억 and 만: 50,000,000 -> "5천만", 45,000 -> "4만 5천", 0 -> "0"."""
    if amount == 0:
        return "0"
    parts = []
    for size, name in _KOREAN_GROUPS:
        group, amount = divmod(amount, size)
        if group:
            parts.append(_korean_group(group) + name)
    return " ".join(parts)


def _locale(language: str, currency: str) -> Locale:
    country = CURRENCY_COUNTRY.get(currency)
    if country:
        try:
            return Locale.parse(f"{language}_{country}")
        except UnknownLocaleError:
            pass
    return Locale.parse(language)


def money(amount: int, currency: str, language: str) -> str:
    """`amount` whole units of `currency` (ISO 4217) for a reader of `language` (fr, ko, en).

    French and English use the locale's currency pattern without decimals, and name the won in
    words; Korean counts in 만/억 and names the currency after the number. KeyError for a
    currency Korean has no name for, or for won in a language other than fr, ko, en.
    """
    if language == "ko":
        return f"{korean_amount(amount)} {KOREAN_CURRENCY[currency]}"
    if currency == "KRW":
        millions, whole = WON[language]
        if amount % 1_000_000 == 0:
            return millions.format(amount=format_compact_decimal(amount, format_type="long", locale=language))
        return whole.format(amount=format_decimal(amount, locale=language))
    locale = _locale(language, currency)
    pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    pattern.frac_prec = (0, 0)
    return pattern.apply(amount, locale, currency=currency, currency_digits=False)


def duration(count: int, unit: TimeUnit, language: str) -> str:
    """2 ans, 6개월, 48 hours: a count of years, months or hours in words of `language`."""
    return format_unit(count, f"duration-{unit}", locale=language, length="long")


LIST_STYLE = {"en": "standard"}
"""How a wait's hours and minutes are joined: "3 hours and 10 minutes"; French and Korean use the
unit list ("3 heures et 10 minutes", "3시간 10분", where the standard list would say "3시간 및 10분")."""


def wait(minutes: int, language: str) -> str:
    """An estimated wait of `minutes` (>= 0), exact, in hours and minutes from an hour up.

    45 -> "45 minutes" / "45분"; 60 -> "1 hour" / "1 heure" / "1시간"; 190 -> "3 hours and 10 minutes",
    "3 heures et 10 minutes", "3시간 10분". ValueError for a negative wait.
    """
    if minutes < 0:
        raise ValueError(f"a wait cannot be negative: {minutes}")
    hours, rest = divmod(minutes, 60)
    parts = [format_unit(hours, "duration-hour", locale=language, length="long")] if hours else []
    if rest or not hours:
        parts.append(format_unit(rest, "duration-minute", locale=language, length="long"))
    return format_list(parts, style=LIST_STYLE.get(language, "unit"), locale=language)  # type: ignore[arg-type]


_FRENCH_SPACES = (
    (re.compile(r" ([?!;])"), "\u202f\\1"),
    (re.compile(r" :"), "\u00a0:"),
    (re.compile(r"« "), "«\u00a0"),
    (re.compile(r" »"), "\u00a0»"),
)


def french_spacing(text: str) -> str:
    """French typography: a narrow no-break space before ? ! ; and a no-break space before : and
    inside « », so a phone never wraps a lone "?" or ":" onto a line of its own."""
    for pattern, replacement in _FRENCH_SPACES:
        text = pattern.sub(replacement, text)
    return text


def day(value: datetime.date, language: str) -> str:
    """19 mai 2026, 2026년 5월 19일, May 19, 2026."""
    return format_date(value, format="long", locale=language)


def moment(value: datetime.datetime, language: str) -> tuple[str, str]:
    """A day and time in `value`'s own time zone, and that zone's name, as a reader of `language` writes them:
    ("mardi 1 décembre 2026 09:00", "heure normale d’Europe centrale"), ("Tuesday, December 1, 2026 9:00 AM", ...)."""
    date = format_date(value, format="full", locale=language)
    clock = format_time(value, "short", tzinfo=value.tzinfo, locale=language)
    return f"{date} {clock}", get_timezone_name(value, "long", locale=language)


KOREAN_ACTS = {
    "성폭력처벌법": {"en": "Sexual Violence Punishment Act", "fr": "loi coréenne sur les violences sexuelles"},
    "청소년성보호법": {"en": "Youth Sex Protection Act", "fr": "loi coréenne sur la protection sexuelle des mineurs"},
}
"""Korean acts as a French or English reader can name them; the Hangul citation stays beside it."""
FRENCH_CODES = {"du Code pénal": "프랑스 형법", "du Code de procédure pénale": "프랑스 형사소송법"}
"""French codes as a Korean legal text names them."""
_KOREAN_ARTICLE = re.compile(r"(?P<act>\S+) 제(?P<article>\d+)조(?:의(?P<sub>\d+))?(?: 제(?P<paragraph>\d+)항)?$")
_FRENCH_ARTICLE = re.compile(r"^art\. (?P<article>[\d-]+) (?P<code>du Code .+)$")


def citation(text: str, language: str) -> str:
    """A citation a reader of `language` can read, the original kept where it is foreign.

    "성폭력처벌법 제14조 제2항" -> en "Sexual Violence Punishment Act, art. 14(2) / 성폭력처벌법 제14조 제2항",
    fr "loi coréenne sur les violences sexuelles, art. 14, al. 2 / 성폭력처벌법 제14조 제2항";
    "art. 226-2-1 du Code pénal" -> ko "프랑스 형법 제226-2-1조". Anything else is returned as it is.
    """
    korean = _KOREAN_ARTICLE.match(text)
    if korean and language in ("en", "fr") and korean["act"] in KOREAN_ACTS:
        article = korean["article"] + (f"-{korean['sub']}" if korean["sub"] else "")
        paragraph = korean["paragraph"]
        if language == "en":
            where = f"art. {article}" + (f"({paragraph})" if paragraph else "")
        else:
            where = f"art. {article}" + (f", al. {paragraph}" if paragraph else "")
        return f"{KOREAN_ACTS[korean['act']][language]}, {where} / {text}"
    french = _FRENCH_ARTICLE.match(text)
    if french and language == "ko" and french["code"] in FRENCH_CODES:
        return f"{FRENCH_CODES[french['code']]} 제{french['article']}조"
    return text


def penalty(value: Penalty, language: str, lookup: Lookup) -> str:
    """The penalty in words, from the catalog's `penalty.<kind>` with its term and fine filled in."""
    params = {"term": duration(value.term, value.unit, language)}
    if value.fine is not None and value.currency is not None:
        params["fine"] = money(value.fine, value.currency, language)
    return lookup(language, f"penalty.{value.kind}").format(**params)


def facts_by_placeholder() -> dict[str, Fact]:
    """Which fact each placeholder shows: {"c_FR_crisis": Contact(...), "penalty_FR_sharing": Law(...)}."""
    found: dict[str, Fact] = {}
    for key, item in CONTACTS.items():
        found[f"c_{key.replace('.', '_')}"] = item
    for key, law in LAWS.items():
        name = key.replace(".", "_")
        found[f"law_{name}"] = law
        if law.penalty is not None:
            found[f"penalty_{name}"] = law
    for key, date in DATES.items():
        found[f"date_{key.replace('.', '_')}"] = date
    for key, term in TERMS.items():
        found[f"term_{key.replace('.', '_')}"] = term
    return found


def _text(name: str, fact: Fact, language: str, lookup: Lookup) -> str:
    if isinstance(fact, Contact):
        return fact.value
    if isinstance(fact, Date):
        return day(fact.value, language)
    if isinstance(fact, Term):
        return duration(fact.count, fact.unit, language)
    if name.startswith("penalty_") and fact.penalty is not None:
        return penalty(fact.penalty, language, lookup)
    return citation(fact.citation, language)


@cache
def _cached(language: str, lookup: Lookup) -> tuple[tuple[str, str], ...]:
    params = {name: _text(name, fact, language, lookup) for name, fact in facts_by_placeholder().items()}
    params["adult_age"] = format_decimal(ADULT_AGE, locale=language)
    return tuple(params.items())


def placeholders(language: str, lookup: Lookup) -> dict[str, str]:
    """Every knowledge placeholder for `language`; `lookup` reads penalty wordings."""
    return dict(_cached(language, lookup))
