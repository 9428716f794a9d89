"""The console as a working day, in headless Chromium: two analysts (one reading the console in Korean) and two
victims on the widget at once, and a REST conversation, against the real stack.

A new waiting person appears on the open queue page without a reload (title badge, no polling); the REST
request is not counted in the wait the widget victims are told; a report filed while waiting shows on the
card; a prepared reply is put in the box, edited, then sent; a report filed without a request for a person
is in the case inbox; axe-core finds no violation on any console page; screenshots of the queue, a
conversation and the case inbox go to var/screenshots/.
"""

from __future__ import annotations

import re

from playwright.sync_api import Browser, BrowserContext, Page, expect

from bot.services import Stack
from bot.settings import ROOT
from bot.staff import queue
from bot.storage.db import session
from bot.web.widget_session import sender as widget_sender
from content.knowledge.formatting import wait
from content.texts import render
from tests.bot.staff.conftest import PASSWORD, create_account, handoff_of
from tests.chromium import ASSISTANT_TIMEOUT_MS
from tests.conftest import Chat
from tests.e2e.test_intake import REFERENCE, open_intake, skip_to_summary
from tests.hotline_site import SCREENSHOTS, Site
from tests.web.test_phone import DESKTOP, RUN_AXE, opened
from tests.web.widget import Widget, said

AXE = ROOT / "widget" / "node_modules" / "axe-core" / "axe.min.js"
NO_RELOAD = "window.__stayed = true"
STAYED = "() => window.__stayed === true"


def _staff(browser: Browser) -> BrowserContext:
    context = browser.new_context(viewport=DESKTOP, bypass_csp=True)  # bypass: to inject axe-core
    context.set_default_timeout(ASSISTANT_TIMEOUT_MS)
    return context


def _sign_in(page: Page, base: str, username: str) -> None:
    page.goto(f"{base}/staff/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Password").press("Enter")
    expect(page).to_have_url(f"{base}/staff")


def _axe(page: Page) -> None:
    page.add_script_tag(content=AXE.read_text())
    assert page.evaluate(RUN_AXE) == [], page.url


def _ask_for_a_person(widget: Widget, language: str) -> None:
    widget.messages("bot").last.get_by_role("button", name=render(language, "button.human")).click()
    widget.expect_bot(said(language, "handoff.waiting"))


def _file_report(chat: Chat, language: str) -> str:
    """The intake, every question skipped, as the action server files it; returns the reference."""
    summary = skip_to_summary(chat, language, chat.text("/affirm"))
    assert said(language, "intake.summary.confirm") in summary
    found = REFERENCE.search(chat.text("/affirm"))
    assert found, "no reference"
    return found.group()


def test_two_analysts_and_two_victims_at_once(stack: Stack, browser: Browser, hotline: Site) -> None:
    base = f"http://{stack.settings.host}:{stack.settings.web_port}"
    ana, kim, sue = (create_account(stack, role) for role in ("analyst", "analyst", "supervisor"))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    staff_a, staff_k, victims = _staff(browser), _staff(browser), browser.new_context(viewport=DESKTOP)
    victims.set_default_timeout(ASSISTANT_TIMEOUT_MS)
    try:
        login = staff_a.new_page()
        login.goto(f"{base}/staff/login")
        _axe(login)
        queue_a = staff_a.new_page()
        _sign_in(queue_a, base, ana)
        queue_k = staff_k.new_page()
        _sign_in(queue_k, base, kim)
        queue_k.get_by_label("Console language").select_option("ko")
        queue_k.get_by_role("button", name="Change language").click()
        expect(queue_k.locator("html")).to_have_attribute("lang", "ko")
        expect(queue_k.locator("h1")).to_have_text(render("ko", "console.queue.title"))
        queue_a.evaluate(NO_RELOAD)

        with session(stack.settings.database_url) as db:  # the shared stack's earlier tests leave people waiting
            for sender in queue.senders(db, ("waiting",)):
                queue.cancel(db, sender)
        rest = Chat(stack, {"language": "en"})
        assert render("en", "handoff.unreachable") in rest.text("/request_human")
        rest_handoff = handoff_of(stack, rest.sender)
        expect(queue_a.locator(f'li[data-handoff="{rest_handoff.id}"]')).to_be_visible()
        expect(queue_a.locator("#waiting-count")).to_have_text("0")

        page_fr, page_ko = victims.new_page(), victims.new_page()
        victim_fr, victim_ko = opened(page_fr, hotline, "fr"), opened(page_ko, hotline, "ko")
        _ask_for_a_person(victim_fr, "fr")
        victim_fr.expect_bot(said("fr", "handoff.wait.next"))  # the REST request asked first, and is not counted
        handoff_fr = handoff_of(stack, widget_sender(victim_fr.session_id()))
        card_fr = queue_a.locator(f'#waiting li[data-handoff="{handoff_fr.id}"]')
        expect(card_fr).to_be_visible()
        assert queue_a.evaluate(STAYED), "the queue page was not reloaded"
        expect(queue_a).to_have_title(re.compile(r"^\(1\) "))
        expect(queue_a.locator("#waiting-count")).to_have_text("1")

        _ask_for_a_person(victim_ko, "ko")
        ahead = render("ko", "handoff.wait.ahead", people=1, wait=wait(10, "ko"))
        victim_ko.expect_bot(ahead.split("\n\n")[0])
        handoff_ko = handoff_of(stack, widget_sender(victim_ko.session_id()))
        card_ko = queue_k.locator(f'#waiting li[data-handoff="{handoff_ko.id}"]')
        expect(card_ko).to_be_visible()
        expect(card_ko).to_contain_text(render("ko", "console.no_report"))

        reporting = Chat(stack, {"language": "fr"})
        reporting.sender = widget_sender(victim_fr.session_id())
        reference = _file_report(reporting, "fr")
        expect(card_fr).to_contain_text(reference)  # the report filed while waiting, on the open page
        assert queue_a.evaluate(STAYED)
        queue_a.screenshot(path=str(SCREENSHOTS / "console-queue.png"), full_page=True)
        _axe(queue_a)
        _axe(queue_k)

        # The report went through REST with the widget's conversation, so its latest channel is REST until
        # the person writes in the widget again (Rasa pushes to the latest channel).
        before = victim_fr.messages("bot").count()
        victim_fr.say("d'accord, j'attends")
        expect(victim_fr.messages("bot")).not_to_have_count(before)
        card_fr.get_by_role("button", name="Take this conversation").click()
        expect(queue_a).to_have_url(f"{base}/staff/handoffs/{handoff_fr.id}")
        card_ko.get_by_role("button", name=render("ko", "console.queue.take")).click()
        expect(queue_k).to_have_url(f"{base}/staff/handoffs/{handoff_ko.id}")
        victim_fr.expect_bot(said("fr", "handoff.joined"))
        victim_ko.expect_bot(said("ko", "handoff.joined"))

        conversation = queue_a
        victim_fr.say("Il menace de tout publier ce soir")
        expect(conversation.locator("#messages li.from-victim .text").last).to_have_text(
            "Il menace de tout publier ce soir"
        )
        expect(conversation.locator("#messages li.from-victim time").last).not_to_be_empty()
        greeting = render("fr", "canned.greeting")
        conversation.locator('button[data-canned="canned.greeting"]').click()
        expect(conversation.get_by_label("Reply to the person")).to_have_value(greeting)
        conversation.get_by_label("Reply to the person").press("End")
        conversation.get_by_label("Reply to the person").type(" Je m'appelle Ana.")
        conversation.get_by_role("button", name="Send", exact=True).click()
        victim_fr.expect_bot(f"{greeting} Je m'appelle Ana.", author="analyst")
        expect(conversation.locator("#messages li.from-analyst .text").last).to_have_text(
            f"{greeting} Je m'appelle Ana."
        )
        conversation.screenshot(path=str(SCREENSHOTS / "console-conversation.png"), full_page=True)
        _axe(conversation)
        _axe(queue_k)

        alone = Chat(stack, {"language": "ko"})
        summary = skip_to_summary(alone, "ko", open_intake(alone, "ko"))
        assert said("ko", "intake.summary.confirm") in summary
        found = REFERENCE.search(alone.text("/affirm"))
        assert found, "no reference"
        alone_reference = found.group()
        inbox = staff_a.new_page()
        inbox.goto(f"{base}/staff/cases?without_handoff=1")
        expect(inbox.locator(f'tr[data-case="{alone_reference}"]')).to_be_visible()
        expect(inbox.locator(f'tr[data-case="{reference}"]')).to_have_count(0)
        inbox.screenshot(path=str(SCREENSHOTS / "console-case-inbox.png"), full_page=True)
        _axe(inbox)
        inbox.goto(f"{base}/staff/cases/{reference}")
        _axe(inbox)
        inbox.goto(f"{base}/staff/cases/{reference}/export")
        _axe(inbox)

        supervisor = staff_k.new_page()
        supervisor.context.clear_cookies()
        _sign_in(supervisor, base, sue)
        supervisor.goto(f"{base}/staff/accounts")
        _axe(supervisor)
    finally:
        for context in (staff_a, staff_k, victims):
            context.close()
