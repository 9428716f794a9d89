"""Databases for storage tests: a SQLite file, and a throw-away database on the machine's PostgreSQL."""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest
import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain

from bot.runtime_config import tracker_store

POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/test"


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh database, dropped afterwards; skips with the reason when PostgreSQL is absent."""
    admin = sa.create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"relais_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as connection:
            connection.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as error:
        pytest.skip(f"PostgreSQL is not reachable at 127.0.0.1:5432 ({error.orig})")
    try:
        yield f"postgresql://postgres@127.0.0.1:5432/{name}"
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@contextmanager
def database(kind: str, tmp_path: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite:///{tmp_path / 'relais.db'}"
    else:
        with postgres_database() as url:
            yield url


def store_for(url: str) -> SQLTrackerStore:
    """Rasa's own SQL tracker store on `url`, configured as the running services configure it."""
    config = tracker_store(url)
    config.pop("type")
    host = config.pop("url", None)
    return SQLTrackerStore(Domain.empty(), host=host, **config)
