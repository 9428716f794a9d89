"""Alembic environment: Relais' tables only; Rasa creates and owns its `events` table."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context

from bot.storage.base import Base
from bot.storage.tables import load_all

load_all()
TARGET = Base.metadata


def include_object(obj: Any, name: str | None, kind: str, reflected: bool, compare_to: Any) -> bool:
    return not (kind == "table" and reflected and compare_to is None)


def run() -> None:
    engine = sa.create_engine(context.config.attributes["database_url"], future=True)
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=TARGET,
            include_object=include_object,
            render_as_batch=True,
            compare_type=True,
        )
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


run()
