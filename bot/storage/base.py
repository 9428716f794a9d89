"""The declarative base every Relais table shares, so one Alembic history covers them all."""

from __future__ import annotations

import time

import sqlalchemy as sa
from sqlalchemy.orm import declarative_base

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Named constraints, so migrations can alter them on PostgreSQL and SQLite alike."""

Base = declarative_base(metadata=sa.MetaData(naming_convention=NAMING))


def now() -> float:
    """Seconds since the epoch: the unit Rasa's own `events.timestamp` uses, so times compare directly."""
    return time.time()
