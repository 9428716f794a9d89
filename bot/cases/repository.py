"""Creating, finding and erasing cases; with bot.cases.status_history (status changes), the only code
that writes the case tables."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.cases.models import Case, CaseLink, CaseStatus, CaseUrl, ErasureJob, PinAttempt
from bot.cases.reference import hash_pin, new_pin, new_reference, pin_matches
from bot.storage import audit
from bot.storage.base import now

PIN_WINDOW_S = 15 * 60
MAX_FAILURES_PER_CASE = 5
MAX_FAILURES_PER_SENDER = 10
"""Six digits make a million PINs; five tries per quarter hour make guessing one hopeless."""


@dataclass
class CaseDraft:
    """Everything intake gathered; each field may be missing because every question can be skipped.

    Every field but `platforms` and `urls` is copied as it is into the `cases` column of the same
    name; the intake's question table (`actions/intake/questions.py`) names the field of each answer.
    """

    sender_id: str
    channel: str
    language: str
    jurisdiction: str | None = None
    situation: str | None = None
    platforms: Sequence[str] = ()
    urls: Sequence[str] = ()
    found_when: str | None = None
    subject: str | None = None
    is_minor: bool = False
    in_crisis: bool = False
    threats_ongoing: str | None = None
    consent_open_urls: bool = False
    contact_preference: str | None = None
    contact_detail: str | None = None


@dataclass
class NewCase:
    case: Case
    pin: str
    linked: list[str] = field(default_factory=list)


class Access(Enum):
    GRANTED = "granted"
    MISMATCH = "mismatch"
    LOCKED = "locked"


def url_key(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()


def sender_key(sender_id: str) -> str:
    return hashlib.sha256(sender_id.encode()).hexdigest()


def _unused_reference(db: Session) -> str:
    while True:
        reference = new_reference()
        if db.scalar(sa.select(Case.id).where(Case.reference == reference)) is None:
            return reference


def create_case(db: Session, draft: CaseDraft) -> NewCase:
    pin = new_pin()
    as_is = {f.name: getattr(draft, f.name) for f in fields(draft) if f.name not in ("platforms", "urls")}
    case = Case(
        reference=_unused_reference(db),
        pin_hash=hash_pin(pin),
        platforms="\n".join(draft.platforms) or None,
        sextortion_ongoing=draft.situation == "sextortion" and draft.threats_ongoing == "yes",
        status="received",
        **as_is,
    )
    case.urls = [CaseUrl(url=url, url_key=url_key(url)) for url in dict.fromkeys(draft.urls)]
    case.history = [CaseStatus(status="received")]
    db.add(case)
    db.flush()
    keys = [u.url_key for u in case.urls]
    others = (
        db.scalars(sa.select(Case).join(CaseUrl).where(CaseUrl.url_key.in_(keys), Case.id != case.id).distinct()).all()
        if keys
        else []
    )
    for other in others:
        db.add(CaseLink(case_id=case.id, linked_case_id=other.id))
    audit.record(db, "victim", "case_created", case.reference, urls=len(keys), linked=len(others))
    return NewCase(case, pin, [other.reference for other in others])


def linked_references(db: Session, case: Case) -> list[str]:
    """Both directions: an older case learns of a newer one naming the same link too."""
    ids = db.scalars(sa.select(CaseLink.linked_case_id).where(CaseLink.case_id == case.id)).all()
    ids += db.scalars(sa.select(CaseLink.case_id).where(CaseLink.linked_case_id == case.id)).all()
    return sorted(db.scalars(sa.select(Case.reference).where(Case.id.in_(ids))).all()) if ids else []


def find(db: Session, reference: str) -> Case | None:
    return db.scalar(sa.select(Case).where(Case.reference == reference))


def _failures(db: Session, column: sa.Column, value: str) -> int:
    since = now() - PIN_WINDOW_S
    return int(db.scalar(sa.select(sa.func.count()).where(column == value, PinAttempt.at >= since)) or 0)


def check_access(db: Session, reference: str, pin: str, sender_id: str) -> tuple[Access, Case | None]:
    """Same answer for an unknown reference as for a wrong PIN, so references cannot be probed."""
    key = sender_key(sender_id)
    if (
        _failures(db, PinAttempt.reference, reference) >= MAX_FAILURES_PER_CASE
        or _failures(db, PinAttempt.sender_key, key) >= MAX_FAILURES_PER_SENDER
    ):
        return Access.LOCKED, None
    case = find(db, reference)
    if case is not None and pin_matches(pin, case.pin_hash):
        return Access.GRANTED, case
    db.add(PinAttempt(reference=reference, sender_key=key))
    return Access.MISMATCH, None


def _delete_cases(db: Session, cases: Sequence[Case]) -> int:
    ids = [case.id for case in cases]
    if ids:
        db.execute(sa.delete(CaseLink).where(sa.or_(CaseLink.case_id.in_(ids), CaseLink.linked_case_id.in_(ids))))
    for case in cases:
        db.delete(case)
    return len(ids)


def erase_conversation(db: Session, sender_id: str) -> int:
    """Erase every case of a conversation now, and queue its tracker rows; returns the cases erased."""
    erased = _delete_cases(db, db.scalars(sa.select(Case).where(Case.sender_id == sender_id)).all())
    db.add(ErasureJob(sender_id=sender_id))
    audit.record(db, "victim", "erasure_requested", cases=erased)
    return erased


def erase_case(db: Session, case: Case) -> None:
    """Erase one case reached by reference and PIN, with the conversation it came from."""
    if case.sender_id:
        db.add(ErasureJob(sender_id=case.sender_id, during_turn=False))
    _delete_cases(db, [case])
    audit.record(db, "victim", "case_erased", cases=1)


def purge_attempts(db: Session) -> None:
    db.execute(sa.delete(PinAttempt).where(PinAttempt.at < now() - PIN_WINDOW_S))
