"""The vetted facts Relais may state, keyed by jurisdiction and topic, each with its sources.

Transcribed from ../shared/knowledge/legal_facts.md. Texts in locales/ carry no figure of
their own: every article, penalty, phone number and address is a placeholder filled from
here, so a figure can only be wrong in one place, and only HIGH or MEDIUM facts are here.
"""

from actions.knowledge.facts import CONTACTS, LAWS, Contact, Law, Penalty, contact, law

__all__ = ["CONTACTS", "LAWS", "Contact", "Law", "Penalty", "contact", "law"]
