"""Argon2id password hashes (argon2-cffi's defaults follow RFC 9106's recommended parameters)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_HASHER = PasswordHasher()
MIN_LENGTH = 12

_DUMMY = _HASHER.hash("relais-no-such-account")
"""Checked against when the username is unknown, so timing does not reveal which accounts exist."""


def hash_password(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise ValueError(f"a staff password needs at least {MIN_LENGTH} characters")
    return _HASHER.hash(password)


def verify(password: str, password_hash: str | None) -> bool:
    try:
        return _HASHER.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
