"""Links a victim gives as evidence: found in free text, checked, and normalised for matching.

Normalising (lower-case host, no fragment, no default port, no tracking parameters) lets the
same post reported twice be recognised as the same, which is how repeat victimisation shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from vocabulary.urls import URL

MAX_URL_LENGTH = 2048
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|igshid|si|mc_\w+)$", re.IGNORECASE)
_HOST = re.compile(r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$")


@dataclass(frozen=True)
class Link:
    """One candidate from a message: `url` when usable, else the reason it is not (a text key suffix)."""

    given: str
    url: str | None = None
    problem: str | None = None


def check(candidate: str) -> Link:
    given = candidate.strip().rstrip(".,;:!?)»」】")
    if len(given) > MAX_URL_LENGTH:
        return Link(given[:80], problem="too_long")
    raw = given if re.match(r"^[a-z][a-z0-9+.-]*://", given, re.IGNORECASE) else f"https://{given}"
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError:
        return Link(given, problem="malformed")
    if parts.scheme.lower() not in ("http", "https"):
        return Link(given, problem="scheme")
    if parts.username or parts.password:
        return Link(given, problem="credentials")
    host = (parts.hostname or "").lower().rstrip(".")
    if not _HOST.match(host):
        return Link(given, problem="malformed")
    scheme = parts.scheme.lower()
    default_port = {"http": 80, "https": 443}[scheme]
    netloc = host if port in (None, default_port) else f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = parts.path if parts.path not in ("", "/") else "/"
    return Link(given, url=urlunsplit((scheme, netloc, path, query, "")))


_OTHER_SCHEME = re.compile(r"\b(?!https?:)([a-z][a-z0-9+.-]*):(//)?[^\s<>\"]+", re.IGNORECASE)
_SCHEMES_WITHOUT_SLASHES = {"javascript", "data", "mailto", "file", "tel", "sms"}


def links_in(text: str) -> list[Link]:
    """Every link-like part of a message, each checked.

    Other schemes (ftp:, javascript:) are refused whole, so "ftp://host/file" is never read as the
    web address "host/file".
    """
    others = [
        m for m in _OTHER_SCHEME.finditer(text or "") if m.group(2) or m.group(1).lower() in _SCHEMES_WITHOUT_SLASHES
    ]
    refused = [Link(m.group()[:80], problem="scheme") for m in others]
    rest = text or ""
    for match in reversed(others):
        rest = rest[: match.start()] + " " + rest[match.end() :]
    return [check(match.group()) for match in URL.finditer(rest)] + refused


def without_links(text: str) -> str:
    return re.sub(r"\s+", " ", URL.sub(" ", text or "")).strip()
