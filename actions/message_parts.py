"""Structured parts of a bot message, for channels that can show more than text (the web widget).

A text's contact placeholders (`{c_FR_crisis}`) name facts of the knowledge module; their values
become `tel:`, `sms:` and `https:` links here, so no channel ever parses numbers out of free text.
A new report's reference and PIN travel as their own part too. The parts ride in the message's
metadata (`parts`): Rasa keeps them on the bot event in the tracker, channels that do not know
them ignore them, and the widget reads them through the web server (bot/web/widget_history.py).

A long text is written as a short core (`key`, at most a phone screen) and its rest (`key.rest`).
The message's text is both, so a channel that knows no parts loses nothing; `parts.more` names
the rest, which the widget folds behind a "More" button and Telegram into an expandable quote.
"""

from __future__ import annotations

import re
from functools import cache
from string import Formatter
from typing import Any, Dict, List

from content.knowledge.facts import CONTACTS, Contact
from content.knowledge.formatting import facts_by_placeholder
from content.texts import has, raw, render

REST_SUFFIX = ".rest"
"""`key.rest`: what follows the core `key`, one tap away."""
PHONE = re.compile(r"[0-9][0-9 \-]*")
"""Digits, spaces and hyphens only: a number spelt with letters (1800RESPECT) stays text, never a guessed link."""


def contact_link(name: str, contact: Contact) -> Dict[str, str] | None:
    """{"kind": "tel"|"sms"|"web", "text": what the message shows, "href": the link}, or None."""
    value = contact.value
    if PHONE.fullmatch(value):
        digits = "".join(c for c in value if c.isdigit())
        kind = "sms" if "sms" in name or name.endswith("_text") else "tel"
        return {"kind": kind, "text": value, "href": f"{kind}:{digits}"}
    if "." in value and " " not in value:
        return {"kind": "web", "text": value, "href": value if value.startswith("https://") else f"https://{value}"}
    return None


@cache
def _contacts(language: str, key: str) -> tuple[Dict[str, str], ...]:
    facts = facts_by_placeholder()
    found: List[Dict[str, str]] = []
    for _, field, _, _ in Formatter().parse(raw(language, key)):
        fact = facts.get(field or "")
        if isinstance(fact, Contact):
            link = contact_link(str(field), fact)
            if link and link not in found:
                found.append(link)
    return tuple(found)


def _given(params: Dict[str, Any]) -> List[Dict[str, str]]:
    """Contacts passed as parameters (`line=CONTACTS["FR.crisis"].value`): a value of the knowledge module."""
    found: List[Dict[str, str]] = []
    values = {str(value) for value in params.values() if isinstance(value, str)}
    for name, contact in CONTACTS.items():
        if contact.value in values:
            link = contact_link(name, contact)
            if link and link not in found:
                found.append(link)
    return found


def rest_key(language: str, key: str) -> str | None:
    """The key of the rest of `key`'s text, or None when `key` is short enough to stand alone."""
    rest = key + REST_SUFFIX
    return rest if has(language, rest) else None


def message(language: str, key: str, params: Dict[str, Any]) -> Dict[str, Any]:
    """The text of `key` (its core, then its rest if any) and its `parts`, as `utter_message` arguments.

    Raises content.texts.MissingTextError when `key` is not in the catalog of `language`.
    """
    text = render(language, key, **params)
    rest = rest_key(language, key)
    if rest is None:
        return {"text": text, **message_parts(language, key, params)}
    more = render(language, rest, **params)
    parts = message_parts(language, key, params).get("parts", {})
    contacts = [*parts.get("contacts", [])]
    for contact in message_parts(language, rest, params).get("parts", {}).get("contacts", []):
        if contact not in contacts:
            contacts.append(contact)
    if contacts:
        parts["contacts"] = contacts
    parts["more"] = {"text": more}
    return {"text": f"{text}\n\n{more}", "parts": parts}


def message_parts(language: str, key: str, params: Dict[str, Any]) -> Dict[str, Any]:
    """The `parts` of the message `key`, as keyword arguments for `utter_message` ({} if none)."""
    parts: Dict[str, Any] = {}
    contacts: List[Dict[str, str]] = []
    for contact in [*_contacts(language, key), *_given(params)]:
        if contact not in contacts:
            contacts.append(contact)
    if contacts:
        parts["contacts"] = [dict(contact) for contact in contacts]
    if params.get("reference") and params.get("pin"):
        parts["case"] = {"reference": str(params["reference"]), "pin": str(params["pin"])}
    return {"parts": parts} if parts else {}
