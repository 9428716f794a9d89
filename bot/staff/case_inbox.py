"""What the console reads of cases: the inbox with its filters, one case with its people and history.

Read-only: the case modules (bot.cases) and the queue (bot.staff.queue) write their tables.
Filters come from the inbox's query string and are checked here; anything unknown is ignored, so
a hand-edited URL shows more, never an error page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from bot.cases.models import STATUSES, Case, CaseStatus
from bot.staff import queue
from bot.staff.models import Handoff, Staff
from vocabulary.languages import SUPPORTED

PRIORITIES = ("crisis", "minor", "sextortion", "other")
"""Names of queue.CRISIS, MINOR, SEXTORTION and OTHER, in that order."""
PAGE_SIZE = 100
"""Cases on one inbox page, newest first; search by reference reaches any older one."""


@dataclass(frozen=True)
class Filters:
    """The inbox's filters; an empty string is "any"."""

    reference: str = ""
    status: str = ""
    language: str = ""
    priority: str = ""
    analyst: str = ""
    without_handoff: bool = False

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> Filters:
        def pick(name: str, allowed: Sequence[str]) -> str:
            value = query.get(name, "")
            return value if value in allowed else ""

        return cls(
            reference=query.get("q", "").strip().upper()[:20],
            status=pick("status", STATUSES),
            language=pick("language", SUPPORTED),
            priority=pick("priority", PRIORITIES),
            analyst=query.get("analyst", "").strip()[:80],
            without_handoff=query.get("without_handoff") == "1",
        )


def priority_of(case: Case) -> str:
    return PRIORITIES[queue.priority(queue.case_flags(case))]


@dataclass(frozen=True)
class InboxRow:
    case: Case
    priority: str
    handoffs: int
    """Requests for a person made in the case's conversation (0: the report arrived without one)."""


def _priority_clause(name: str) -> sa.ColumnElement[bool]:
    crisis, minor, sextortion = Case.in_crisis.is_(True), Case.is_minor.is_(True), Case.sextortion_ongoing.is_(True)
    if name == "crisis":
        return crisis
    if name == "minor":
        return sa.and_(~crisis, minor)
    if name == "sextortion":
        return sa.and_(~crisis, ~minor, sextortion)
    return sa.and_(~crisis, ~minor, ~sextortion)


def inbox(db: Session, filters: Filters) -> list[InboxRow]:
    """Cases matching `filters`, newest first, at most PAGE_SIZE, each with its number of handoffs."""
    handoffs = sa.select(sa.func.count(Handoff.id)).where(Handoff.case_id == Case.id).correlate(Case).scalar_subquery()
    query = sa.select(Case, handoffs).order_by(Case.created_at.desc(), Case.id.desc()).limit(PAGE_SIZE)
    if filters.reference:
        query = query.where(Case.reference.contains(filters.reference, autoescape=True))
    if filters.status:
        query = query.where(Case.status == filters.status)
    if filters.language:
        query = query.where(Case.language == filters.language)
    if filters.priority:
        query = query.where(_priority_clause(filters.priority))
    if filters.analyst:
        held_by = (
            sa.select(Handoff.id)
            .join(Staff, Staff.id == Handoff.claimed_by)
            .where(Handoff.case_id == Case.id, Staff.username == filters.analyst)
            .correlate(Case)
        )
        query = query.where(held_by.exists())
    if filters.without_handoff:
        query = query.where(handoffs == 0)
    return [InboxRow(case, priority_of(case), int(count or 0)) for case, count in db.execute(query).all()]


@dataclass
class CaseFile:
    """One case as the case page shows it."""

    case: Case
    priority: str
    history: list[CaseStatus]
    handoffs: list[tuple[Handoff, str | None]]
    """Every request for a person from this case's conversation, with the analyst who took it."""
    other_cases: list[Case] = field(default_factory=list)
    """The same person's other reports (same conversation)."""


def find(db: Session, reference: str) -> Case | None:
    return db.scalar(sa.select(Case).where(Case.reference == reference.strip().upper()[:20]))


def case_file(db: Session, case: Case) -> CaseFile:
    """Everything the case page shows; relationships are loaded here, inside the unit of work."""
    history = list(case.history)
    people = sa.or_(Handoff.case_id == case.id, *([Handoff.sender_id == case.sender_id] if case.sender_id else []))
    handoffs = [
        (handoff, username)
        for handoff, username in db.execute(
            sa.select(Handoff, Staff.username)
            .outerjoin(Staff, Staff.id == Handoff.claimed_by)
            .where(people)
            .order_by(Handoff.requested_at.desc())
        ).all()
    ]
    others: list[Case] = []
    if case.sender_id:
        others = list(
            db.scalars(
                sa.select(Case).where(Case.sender_id == case.sender_id, Case.id != case.id).order_by(Case.created_at)
            ).all()
        )
    return CaseFile(case, priority_of(case), history, handoffs, others)
