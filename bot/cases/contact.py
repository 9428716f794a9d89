"""Contact details a victim may choose to give: an email address or a phone number, checked."""

from __future__ import annotations

import re

_EMAIL = re.compile(
    r"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}$"
)
_EMAIL_IN_TEXT = re.compile(r"[^\s<>@]+@[^\s<>@]+")
_PHONE_IN_TEXT = re.compile(r"\+?\d[\d\s.()-]{5,20}\d")


def email_in(text: str) -> str | None:
    """A valid address in the message, or None; an invalid one is reported by `looks_like_email`."""
    match = _EMAIL_IN_TEXT.search(text or "")
    if not match:
        return None
    candidate = match.group().strip(".,;:!?()<>")
    return candidate if _EMAIL.match(candidate) and ".." not in candidate else None


def looks_like_email(text: str) -> bool:
    return "@" in (text or "")


def phone_in(text: str) -> str | None:
    """International (+33..., +82...) or national numbers of 8 to 15 digits, kept as typed digits."""
    match = _PHONE_IN_TEXT.search(text or "")
    if not match:
        return None
    digits = re.sub(r"\D", "", match.group())
    if not 8 <= len(digits) <= 15:
        return None
    return ("+" if match.group().startswith("+") else "") + digits
