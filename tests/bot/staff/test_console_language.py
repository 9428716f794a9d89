"""The console's own labels in the analyst's language (fr, ko, en, from the catalogs in locales/), chosen per
account and kept across sign-ins; the login page follows the browser (console in-process)."""

from __future__ import annotations

import re
from typing import Callable

import aiohttp
from markupsafe import escape

from bot.staff import queue
from bot.storage.audit import AuditEntry
from bot.storage.db import session
from content.texts import keys, render
from tests.bot.staff.local import Local, console_test
from vocabulary.languages import SUPPORTED

PAGES = ("/staff", "/staff/cases", "/staff/handoffs/{id}")
LABELS = ("console.nav.queue", "console.nav.reports", "console.sign_out", "console.language")


def said(language: str, key: str) -> str:
    """The label as the page's HTML holds it."""
    return str(escape(render(language, key)))


def _in(language: str) -> Callable[..., None]:
    @console_test()
    async def test_the_console_speaks_the_analysts_language(local: Local) -> None:
        analyst = await local.signed_in("ana", "supervisor")
        with session(local.settings.database_url) as db:
            handoff_id = queue.request(db, "victim", "socketio", "ko", queue.Flags(is_minor=True)).id
        chosen = await analyst.post("/staff/language", language=language)
        assert chosen.status == 200 and chosen.path == "/staff"
        queue_page = chosen.text
        assert f'<html lang="{language}"' in queue_page
        assert said(language, "console.queue.take") in queue_page
        assert said(language, "console.reason.minor") in queue_page
        for path in PAGES:
            page = (await analyst.get(path.format(id=handoff_id))).text
            assert all(said(language, key) in page for key in LABELS), path
        again = local.person("ana")
        assert f'<html lang="{language}"' in (await again.login()).text, "the choice is the account's"
        with session(local.settings.database_url) as db:
            logged = db.query(AuditEntry).filter(AuditEntry.action == "console_language_set").count()
        assert logged == 1

    return test_the_console_speaks_the_analysts_language


test_the_console_in_french = _in("fr")
test_the_console_in_korean = _in("ko")
test_the_console_in_english = _in("en")


@console_test()
async def test_the_login_page_follows_the_browser_and_a_bad_choice_is_refused(local: Local) -> None:
    async with aiohttp.ClientSession() as browser:
        async with browser.get(f"{local.base}/staff/login", headers={"Accept-Language": "ko-KR,ko;q=0.9"}) as r:
            assert '<html lang="ko"' in await r.text()
    analyst = await local.signed_in("ana")
    assert (await analyst.post("/staff/language", language="de")).status == 400


def test_every_console_label_is_in_every_catalog() -> None:
    wanted = {key for key in keys("en") if key.startswith("console.")}
    assert len(wanted) > 80
    for language in SUPPORTED:
        assert {key for key in keys(language) if key.startswith("console.")} == wanted, language


def test_every_label_a_template_names_exists() -> None:
    from bot.staff.pages import _ENV

    named: set[str] = set()
    for name in _ENV.list_templates():
        source = _ENV.loader.get_source(_ENV, name)[0]  # type: ignore[union-attr]
        named |= set(re.findall(r"""t\(["'](console\.[a-z_.]+)["']""", source))
    dynamic = {"console.reason.", "console.role.", "console.from."}
    assert named and named <= {key for key in keys("en")} | dynamic
