"""Bring the database to the newest schema; run before the services start (`make run`, tests).

Usage: python -m bot.storage.migrate [revision message]  (with a message: autogenerate a revision)
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.config import Config

from bot.settings import load
from bot.storage.db import prepare

MIGRATIONS = Path(__file__).with_name("migrations")


def config(database_url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["database_url"] = database_url
    return cfg


def upgrade(database_url: str | None = None) -> None:
    """Apply every migration not yet applied; raises sqlalchemy.exc.SQLAlchemyError when the
    database cannot be opened, and bot.settings.ConfigurationError when a SQLite folder cannot be made."""
    url = database_url or load().database_url
    prepare(url)
    command.upgrade(config(url), "head")


def main(argv: list[str]) -> None:
    if argv:
        command.revision(config(load().database_url), message=" ".join(argv), autogenerate=True)
    else:
        upgrade()


if __name__ == "__main__":
    main(sys.argv[1:])
