"""Engines and sessions for DATABASE_URL; every process opens the database through here."""

from __future__ import annotations

import asyncio
import os
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, TypeVar

import sqlalchemy as sa
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import load, writable_directory

T = TypeVar("T")
PRIVATE_FILE = 0o600
"""The SQLite file holds conversations, contact details and staff hashes; SQLite gives its journal
and WAL files the database file's mode."""


def prepare(database_url: str) -> None:
    """Create the folder (0700) and the file (0600) of a SQLite database, so no start-up order finds
    them missing and no other account on the machine can read them.

    A file that exists already is set to 0600 if this process owns it. Other databases are left
    alone: their server owns their storage. Raises bot.settings.ConfigurationError when the folder
    cannot be created or written, and sqlalchemy.exc.ArgumentError when the URL cannot be parsed.
    """
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return
    path = Path(url.database)
    writable_directory(path.parent, "DATABASE_URL", private=True)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    if path.stat().st_uid == os.geteuid():
        path.chmod(PRIVATE_FILE)


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


def _unit(database_url: str | None, work: Callable[[Session], T]) -> T:
    with session(database_url) as db:
        return work(db)


async def in_thread(database_url: str | None, work: Callable[[Session], T]) -> T:
    """`work(db)` in one unit of work (as `session`), in a worker thread: how async code touches the database.

    The event loop that serves the widget's sockets and the console never waits on SQLite's busy
    timeout or a PostgreSQL round trip. Objects returned keep their loaded attributes
    (`expire_on_commit=False`) but must not lazy-load relationships afterwards.
    """
    return await asyncio.to_thread(_unit, database_url, work)
