"""Render Rasa's endpoints.yml and credentials.yml from the settings, into var/.

Rasa reads its stores and channels from YAML files; generating them keeps DATABASE_URL,
REDIS_URL and the ports defined once, in bot/settings.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from sqlalchemy.engine import make_url

from bot.action_server import ACTION_SECRET_HEADER
from bot.settings import Settings

PRIVATE_TRACKER_STORE = "bot.rasa_server.tracker_store.PrivateSQLTrackerStore"
"""Rasa's SQL store, minus new reports' PINs; a custom store is named by module path."""


def tracker_store(database_url: str) -> dict[str, Any]:
    url = make_url(database_url)
    config: dict[str, Any] = {"type": PRIVATE_TRACKER_STORE, "dialect": url.drivername, "db": url.database}
    for key, value in (("url", url.host), ("port", url.port), ("username", url.username), ("password", url.password)):
        if value:
            config[key] = value
    return config


def lock_store(redis_url: str | None) -> dict[str, Any]:
    if not redis_url:
        return {"type": "in_memory"}
    url = make_url(redis_url)
    config: dict[str, Any] = {"type": "redis", "url": url.host or "127.0.0.1", "port": url.port or 6379}
    if url.database:
        config["db"] = int(url.database)
    if url.password:
        config["password"] = url.password
    return config


ACTION_SECRET_VARIABLE = "RELAIS_ACTION_SECRET"
"""Rasa replaces `${NAME}` in endpoints.yml with the variable's value, so the secret is never written to var/."""


def endpoints(settings: Settings) -> dict[str, Any]:
    return {
        "action_endpoint": {
            "url": settings.action_endpoint,
            "headers": {ACTION_SECRET_HEADER: f"${{{ACTION_SECRET_VARIABLE}}}"},
        },
        "tracker_store": tracker_store(settings.database_url),
        "lock_store": lock_store(settings.redis_url),
    }


TELEGRAM_CHANNEL = "bot.channels.telegram.TelegramInput"
"""Registered by module path; it reads its token from the settings, so no secret is written to var/."""


def credentials(settings: Settings) -> dict[str, Any]:
    channels: dict[str, Any] = {
        "rest": None,
        "socketio": {
            "user_message_evt": "user_uttered",
            "bot_message_evt": "bot_uttered",
            "session_persistence": True,
            "metadata_key": "metadata",
        },
    }
    if settings.telegram_token:
        channels[TELEGRAM_CHANNEL] = None
    return channels


def write(settings: Settings) -> tuple[Path, Path]:
    """Write both files and return their paths (endpoints, credentials)."""
    paths = (settings.var_path("endpoints.yml"), settings.var_path("credentials.yml"))
    for path, content in zip(paths, (endpoints(settings), credentials(settings)), strict=False):
        path.write_text(yaml.safe_dump(content, sort_keys=False))
    return paths
