"""Every module that defines Relais tables, imported together for Alembic and for tests."""

from __future__ import annotations

import importlib

MODULES = ("bot.storage.audit", "bot.cases.models", "bot.staff.models", "bot.channels.telegram_models")


def load_all() -> None:
    for module in MODULES:
        importlib.import_module(module)
