"""Server-rendered console pages (Jinja2, autoescaped: a victim's `<b>` shows as text)."""

from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import Any

from aiohttp import web
from jinja2 import Environment, FileSystemLoader, select_autoescape

from bot.storage.base import now
from content import texts
from vocabulary.languages import SUPPORTED

_ENV = Environment(
    loader=FileSystemLoader(Path(__file__).with_name("templates")),
    autoescape=select_autoescape(default=True, default_for_string=True),
)
_ENV.filters["minutes_since"] = lambda at: max(0, int((now() - float(at)) // 60)) if at else 0
_ENV.filters["utc"] = lambda at: time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(float(at))) if at else ""

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
"""The app's policy, except that the console's own forms may post to itself."""
CODE_KINDS = (
    "case_status",
    "state",
    "outcome",
    "situation",
    "channel",
    "contact",
    "found",
    "answer",
    "account_state",
    "role",
)
"""Kinds of stored codes the pages show by their label (`console.<kind>.<code>` in locales/), never as is."""


def code_key(kind: str, code: str) -> str:
    """The label's message id; `.rest` ends a text's second part (docs/texts.md), so REST's is `channel.rest_api`."""
    return f"console.{kind}.{code}" + ("_api" if code == "rest" else "")


def label(language: str, kind: str, code: str | None) -> str:
    """A stored code (a case status, a handoff state, an outcome...) in words of `language`.

    Free text where a code may stand (what the person typed for "when did you find it") is shown as
    it is; None is "". Raises ValueError for a kind not in CODE_KINDS.
    """
    if kind not in CODE_KINDS:
        raise ValueError(f"not a kind of code: {kind!r}")
    if not code:
        return ""
    key = code_key(kind, str(code))
    return texts.render(language, key) if texts.has(language, key) else str(code)


def render(template: str, status: int = 200, language: str | None = None, **context: Any) -> web.Response:
    """The page in `language` (else the signed-in account's, else English): its labels are `console.*` texts
    of the catalogs in locales/, through `t(key, **params)` in the templates."""
    me = context.get("me")
    chosen = language or (me.language if me is not None else "en")
    labels = {
        "language": chosen,
        "t": functools.partial(texts.render, chosen),
        "label": functools.partial(label, chosen),
        "languages_offered": [(code, texts.render(code, f"language.endonym.{code}")) for code in SUPPORTED],
    }
    page = _ENV.get_template(template).render(**labels, **context)
    response = web.Response(text=page, status=status, content_type="text/html")
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return response
