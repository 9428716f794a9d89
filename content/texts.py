"""Victim-facing texts, rendered from the gettext catalogs in locales/ with Babel.

Message ids are stable keys ("greet.welcome"), not English sentences: English is one
translation among three, and a key missing from any catalog is an error, never a silent
fall-back to another language.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from babel.support import Translations

from bot.settings import load
from content.knowledge.formatting import french_spacing, placeholders
from vocabulary.languages import SUPPORTED

DOMAIN = "relais"


class MissingTextError(LookupError):
    """A message id has no translation in a language's catalog."""


@cache
def _catalog(language: str) -> Translations:
    if language not in SUPPORTED:
        raise MissingTextError(f"unsupported language {language!r}")
    catalog = Translations.load(str(load().locales_dir), [language], domain=DOMAIN)
    if not isinstance(catalog, Translations):
        raise MissingTextError(f"no compiled catalog for {language!r}; run `make catalogs`")
    return catalog


def raw(language: str, key: str) -> str:
    """The catalog text of `key`, placeholders unfilled."""
    text = _catalog(language).gettext(key)
    if text == key:
        raise MissingTextError(f"{key!r} is missing from the {language} catalog")
    return text


def render(language: str, key: str, **params: Any) -> str:
    """The text `key` in `language`; placeholders come from the knowledge base, then `params`.

    French gets its non-breaking spaces here, after the placeholders are filled, so a translator
    types ordinary spaces and a figure or a person's answer is spaced like the rest.
    """
    text = raw(language, key).format(**{**placeholders(language, raw), **params})
    return french_spacing(text) if language == "fr" else text


def keys(language: str) -> set[str]:
    """Every message id of a catalog (for the completeness test and `make content`)."""
    return {k for k in _catalog(language)._catalog if isinstance(k, str) and k}


def has(language: str, key: str) -> bool:
    return _catalog(language).gettext(key) != key
