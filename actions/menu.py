"""The choices offered after every answer, so the person is never left at a dead end."""

from __future__ import annotations

from typing import Tuple

Button = Tuple[str, str]
"""A button: the message id of its title, and the payload it sends back."""

OFFENCE: Button = ("button.offence", "/ask_offence")
EVIDENCE: Button = ("button.evidence", "/ask_evidence")
REPORT: Button = ("button.report", "/ask_report")
REMOVAL: Button = ("button.removal", "/ask_removal")
SUPPORT: Button = ("button.support", "/express_distress")
HUMAN: Button = ("button.human", "/request_human")

SEND: Button = ("intake.button.send", "/affirm")
NOT_NOW: Button = ("intake.button.not_now", "/deny")
"""The answers to "shall I send the report?" (and to other offers: not now)."""

MAIN_MENU: tuple[Button, ...] = (OFFENCE, EVIDENCE, REPORT, REMOVAL, SUPPORT, HUMAN)

LANGUAGES: tuple[Button, ...] = tuple(
    (f"language.endonym.{code}", f'/change_language{{"language": "{code}"}}') for code in ("fr", "ko", "en")
)
