"""A new report's PIN, sealed for the tracker: only the web server can open it, and only for a while.

Rasa stores every bot message in its tracker, which the staff console shows and which lives in the
database. The PIN is shown to the victim once; after that only the widget's reference card needs
it, just after the report was made. So the tracker keeps it sealed (Fernet: AES-128-CBC with an
HMAC, time-stamped) under a key derived from the Rasa token, which the database does not hold, and
the web server opens it only within SEALED_PIN_MAX_AGE_S of sealing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from cryptography.fernet import Fernet, InvalidToken

SEALED_PIN_MAX_AGE_S = 15 * 60
"""Long enough for the widget to fetch the conversation after the answer (and after a reload soon
after); the widget keeps the card in its own session storage from then on."""


def _fernet(rasa_token: str) -> Fernet:
    key = hmac.new(rasa_token.encode(), b"relais case pin", hashlib.sha256).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal(pin: str, rasa_token: str) -> str:
    """An opaque ASCII token holding `pin` and the time it was sealed."""
    return _fernet(rasa_token).encrypt(pin.encode()).decode("ascii")


def unseal(sealed: object, rasa_token: str, max_age_s: int = SEALED_PIN_MAX_AGE_S) -> str | None:
    """The PIN, or None when `sealed` is not a token of ours, was altered, or is older than `max_age_s`."""
    if not isinstance(sealed, str) or not sealed.isascii():
        return None
    try:
        return _fernet(rasa_token).decrypt(sealed.encode("ascii"), ttl=max_age_s).decode()
    except (InvalidToken, UnicodeDecodeError):
        return None
