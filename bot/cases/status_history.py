"""A case's status and its history: the only code that changes `cases.status` after intake.

Every change is one `case_status_history` row (status, when, by whom: `staff:<username>` or
`relais`), so an analyst reads how a case moved and a supervisor can tell who moved it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.cases.models import STATUSES, Case, CaseStatus


def change(db: Session, case: Case, status: str, actor: str) -> bool:
    """Set `status` (one of STATUSES) and record it; False, and nothing written, when it is already the status.

    Raises ValueError for a status that is not one of STATUSES.
    """
    if status not in STATUSES:
        raise ValueError(f"not a case status: {status[:30]!r}")
    if case.status == status:
        return False
    case.status = status
    case.history.append(CaseStatus(status=status, by=actor))
    db.flush()
    return True
