"""Engines and sessions for DATABASE_URL; every process opens the database through here."""

from __future__ import annotations

from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import load, writable_directory


def prepare(database_url: str) -> None:
    """Create the folder of a SQLite database file, so no start-up order can find it missing.

    Other databases are left alone: their server owns their storage. Raises
    bot.settings.ConfigurationError when the folder cannot be created or written, and
    sqlalchemy.exc.ArgumentError when the URL cannot be parsed.
    """
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        writable_directory(Path(url.database).parent, "DATABASE_URL")


@lru_cache(maxsize=8)
def engine(database_url: str | None = None) -> sa.engine.Engine:
    """One pooled engine per URL; SQLite gets a busy timeout because Rasa writes the same file."""
    url = database_url or load().database_url
    prepare(url)
    connect_args = {"timeout": 30} if url.startswith("sqlite") else {}
    return sa.create_engine(url, future=True, pool_pre_ping=True, connect_args=connect_args)


@contextmanager
def session(database_url: str | None = None) -> Iterator[Session]:
    """A unit of work: committed when the block ends normally, rolled back otherwise."""
    factory = sessionmaker(bind=engine(database_url), future=True, expire_on_commit=False)
    with factory() as current:
        with current.begin():
            yield current
