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


def lock_store(redis_url: str | None, key_prefix: str | None = None) -> dict[str, Any]:
    """Rasa's in-memory lock store, or its Redis one (one conversation processed in order across replicas)."""
    if not redis_url:
        return {"type": "in_memory"}
    url = make_url(redis_url)
    config: dict[str, Any] = {"type": "redis", "url": url.host or "127.0.0.1", "port": url.port or 6379}
    if url.database:
        config["db"] = int(url.database)
    if url.password:
        config["password"] = url.password
    if key_prefix:
        config["key_prefix"] = key_prefix  # Rasa accepts letters and digits only; its keys become PREFIX:lock:...
    return config


ACTION_SECRET_VARIABLE = "RELAIS_ACTION_SECRET"
"""Rasa replaces `${NAME}` in endpoints.yml with the variable's value, so the secret is never written to var/."""
BROKER_PASSWORD_VARIABLE = "RELAIS_BROKER_PASSWORD"


def event_broker(broker_url: str | None, queue: str) -> dict[str, Any] | None:
    """Rasa's `pika` broker on RabbitMQ from amqp://user:password@host:port (password left to
    `${RELAIS_BROKER_PASSWORD}`; Rasa 3.6's broker always uses the default vhost), or None.

    Events go to a fanout exchange named after the queue, so a hotline's consumer binds its own queues too.
    """
    if not broker_url:
        return None
    url = make_url(broker_url)
    config: dict[str, Any] = {
        "type": "pika",
        "url": url.host or "127.0.0.1",
        "port": url.port or 5672,
        "username": url.username or "guest",
        "password": f"${{{BROKER_PASSWORD_VARIABLE}}}",
        "queues": [queue],
        "exchange_name": f"{queue}_exchange",
        # A turn never waits for RabbitMQ: an event the broker cannot take now is kept and sent on reconnect.
        "raise_on_failure": False,
    }
    return config


def secrets(settings: Settings) -> dict[str, str]:
    """The variables Rasa's process needs for the `${...}` placeholders of endpoints.yml."""
    values = {ACTION_SECRET_VARIABLE: settings.action_secret()}
    if settings.broker_url:
        values[BROKER_PASSWORD_VARIABLE] = make_url(settings.broker_url).password or "guest"
    return values


def endpoints(settings: Settings) -> dict[str, Any]:
    config: dict[str, Any] = {
        "action_endpoint": {
            "url": settings.action_endpoint,
            "headers": {ACTION_SECRET_HEADER: f"${{{ACTION_SECRET_VARIABLE}}}"},
        },
        "tracker_store": tracker_store(settings.database_url),
        "lock_store": lock_store(settings.redis_url, settings.redis_prefix if settings.redis_url else None),
    }
    broker = event_broker(settings.broker_url, settings.broker_queue)
    if broker:
        config["event_broker"] = broker
    return config


TELEGRAM_CHANNEL = "bot.channels.telegram.TelegramInput"
"""Registered by module path; it reads its token from the settings, so no secret is written to var/."""
REST_CHANNEL = "bot.channels.rest.GuardedRestInput"
"""Rasa's REST channel, answering HTTP 503 and a calm message when a turn fails (bot/channels/turn_failure.py)."""
SOCKETIO_CHANNEL = "bot.channels.socketio_fanout.GuardedSocketIOInput"
"""Rasa's socket.io channel, answering a calm message when a turn fails; used when REDIS_URL is unset."""
FANOUT_SOCKETIO_CHANNEL = "bot.channels.socketio_fanout.FanOutSocketIOInput"
"""The same, whose pushes reach a socket on any replica (through Redis); used when REDIS_URL is set."""


def credentials(settings: Settings) -> dict[str, Any]:
    socketio = {
        "user_message_evt": "user_uttered",
        "bot_message_evt": "bot_uttered",
        "session_persistence": True,
        "metadata_key": "metadata",
    }
    channels: dict[str, Any] = {REST_CHANNEL: None}
    channels[FANOUT_SOCKETIO_CHANNEL if settings.redis_url else SOCKETIO_CHANNEL] = socketio
    if settings.telegram_token:
        channels[TELEGRAM_CHANNEL] = None
    return channels


def write(settings: Settings) -> tuple[Path, Path]:
    """Write both files and return their paths (endpoints, credentials)."""
    paths = (settings.var_path("endpoints.yml"), settings.var_path("credentials.yml"))
    for path, content in zip(paths, (endpoints(settings), credentials(settings)), strict=False):
        path.write_text(yaml.safe_dump(content, sort_keys=False))
    return paths
