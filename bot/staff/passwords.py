"""Argon2id password hashes (argon2-cffi's defaults follow RFC 9106's recommended parameters), for
passwords that are not easy to guess.

A staff password must have MIN_LENGTH characters and score at least MIN_STRENGTH with zxcvbn
(Dropbox's estimator, as the maintained zxcvbn package ships it): its dictionaries include the 30,000
most common leaked passwords, names and English words, and it also sees keyboard walks, repeats,
sequences and dates, so "passwordpassword" or "qwertyuiop123" is refused although long enough.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

_HASHER = PasswordHasher()
MIN_LENGTH = 12
MIN_STRENGTH = 3
"""zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more."""
STRENGTH_CHECKED_CHARS = 72
"""zxcvbn refuses longer input (its time grows with the length); a password this long is judged on its start."""

_DUMMY = _HASHER.hash("relais-no-such-account")
"""Checked against when the username is unknown, so timing does not reveal which accounts exist."""


class PasswordRefusedError(ValueError):
    """A password refused, in words for the person choosing it; `key` and `params` give the console's own words
    (`console.accounts.*` in locales/) in the supervisor's language."""

    def __init__(self, message: str, key: str, **params: object) -> None:
        super().__init__(message)
        self.key, self.params = key, params


def easy_to_guess(password: str) -> bool:
    """Whether `password` is a common password or a guessable pattern (zxcvbn score under MIN_STRENGTH)."""
    return int(zxcvbn(password[:STRENGTH_CHECKED_CHARS])["score"]) < MIN_STRENGTH


def hash_password(password: str) -> str:
    """Raises PasswordRefusedError (a ValueError) when the password is too short or easy to guess."""
    if len(password) < MIN_LENGTH:
        raise PasswordRefusedError(
            f"a staff password needs at least {MIN_LENGTH} characters", "console.accounts.too_short", minimum=MIN_LENGTH
        )
    if easy_to_guess(password):
        raise PasswordRefusedError(
            "that password is too easy to guess (a common password, a word or name, or a simple pattern); "
            "try a few unrelated words",
            "console.accounts.guessable",
        )
    return _HASHER.hash(password)


def verify(password: str, password_hash: str | None) -> bool:
    try:
        return _HASHER.verify(password_hash or _DUMMY, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False
