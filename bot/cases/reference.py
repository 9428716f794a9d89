"""Case references (RL-XXXX-XXXX, Crockford base32) and the PIN that guards them.

Crockford's alphabet has no I, L, O or U, so a reference read aloud or copied by hand survives
the usual confusions; lookups fold those letters back to the digits they resemble.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "RL"
PIN_DIGITS = 6
_PBKDF2_ROUNDS = 200_000
_FOLD = str.maketrans({"I": "1", "L": "1", "O": "0"})
_IN_TEXT = re.compile(r"\bRL[\s_-]*([0-9A-Z]{4})[\s_-]*([0-9A-Z]{4})\b", re.IGNORECASE)
_PIN_IN_TEXT = re.compile(rf"(?<!\d)(\d[\s-]?){{{PIN_DIGITS - 1}}}\d(?!\d)")


def new_reference() -> str:
    body = "".join(secrets.choice(ALPHABET) for _ in range(8))
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def reference_in(text: str) -> str | None:
    """The reference a person typed, in canonical form, whatever their spacing and case."""
    match = _IN_TEXT.search(text or "")
    if not match:
        return None
    body = (match.group(1) + match.group(2)).upper().translate(_FOLD)
    if any(char not in ALPHABET for char in body):
        return None
    return f"{PREFIX}-{body[:4]}-{body[4:]}"


def new_pin() -> str:
    return "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))


def pin_in(text: str) -> str | None:
    """The PIN a person typed (6 digits, spaces or dashes allowed), never digits of a reference beside it."""
    match = _PIN_IN_TEXT.search(_IN_TEXT.sub(" ", text or ""))
    return re.sub(r"\D", "", match.group()) if match else None


def hash_pin(pin: str) -> str:
    """Salted and slow, so a copy of the database does not hand out every PIN at once."""
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), salt, _PBKDF2_ROUNDS)
    return f"pbkdf2_sha256${_PBKDF2_ROUNDS}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    scheme, rounds, salt, expected = stored.split("$")
    if scheme != "pbkdf2_sha256":
        return False
    digest = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), int(rounds))
    return hmac.compare_digest(digest.hex(), expected)
