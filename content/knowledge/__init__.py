"""The vetted facts Relais may state, keyed by jurisdiction and topic, each with its confidence and sources.

Transcribed from the partners' vetted legal knowledge base (audit of 2026-11-29); every fact
carries its own public source URLs. Texts in locales/ carry no figure of
their own: every article, penalty, phone number, address, date and time limit is a placeholder
filled from here, so a figure can only be wrong in one place. HIGH, MEDIUM-HIGH and MEDIUM facts
are here (MEDIUM ones worded with care); LOW and section-6 facts are only listed in `WITHHELD`,
so tests and `make content` can show they are never said.
"""

from content.knowledge.facts import CONTACTS, DATES, LAWS, TERMS, WITHHELD, Contact, Law, Penalty, contact, law

__all__ = ["CONTACTS", "DATES", "LAWS", "TERMS", "WITHHELD", "Contact", "Law", "Penalty", "contact", "law"]
