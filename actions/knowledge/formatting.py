"""Knowledge facts as text placeholders, with numbers, money and durations formatted by Babel.

Every catalog text is rendered with these placeholders available: `{c_FR_crisis}` is a
contact, `{law_KR_deepfake}` a citation, `{penalty_FR_sharing}` a penalty in words.
"""

from __future__ import annotations

from functools import cache
from typing import Callable

from babel import Locale
from babel.numbers import format_decimal, parse_pattern
from babel.units import format_unit

from actions.knowledge.facts import ADULT_AGE, CONTACTS, LAWS, Penalty

Lookup = Callable[[str, str], str]
"""(language, message id) -> the catalog's text."""


def money(amount: int, currency: str, language: str) -> str:
    """60 000 €, €60,000, ₩50,000,000: the locale's currency pattern without decimals."""
    locale = Locale.parse(language)
    pattern = parse_pattern(locale.currency_formats["standard"].pattern)
    pattern.frac_prec = (0, 0)
    return pattern.apply(amount, locale, currency=currency, currency_digits=False)


def years(count: int, language: str) -> str:
    return format_unit(count, "duration-year", locale=language, length="long")


def penalty(value: Penalty, language: str, lookup: Lookup) -> str:
    params = {"years": years(value.years, language)}
    if value.fine is not None and value.currency is not None:
        params["fine"] = money(value.fine, value.currency, language)
    return lookup(language, f"penalty.{value.kind}").format(**params)


@cache
def _cached(language: str, lookup: Lookup) -> tuple[tuple[str, str], ...]:
    params = {f"c_{key.replace('.', '_')}": c.value for key, c in CONTACTS.items()}
    for key, item in LAWS.items():
        name = key.replace(".", "_")
        params[f"law_{name}"] = item.citation
        if item.penalty is not None:
            params[f"penalty_{name}"] = penalty(item.penalty, language, lookup)
    params["adult_age"] = format_decimal(ADULT_AGE, locale=language)
    return tuple(params.items())


def placeholders(language: str, lookup: Lookup) -> dict[str, str]:
    """Every knowledge placeholder for `language`; `lookup` reads penalty wordings."""
    return dict(_cached(language, lookup))
