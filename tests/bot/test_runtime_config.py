from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import yaml

from bot import runtime_config
from bot.settings import load


def test_sqlite_default_becomes_rasa_sql_tracker_store() -> None:
    assert runtime_config.tracker_store("sqlite:///var/relais.db") == {
        "type": runtime_config.PRIVATE_TRACKER_STORE,
        "dialect": "sqlite",
        "db": "var/relais.db",
    }


def test_postgres_url_is_split_into_rasa_fields() -> None:
    config = runtime_config.tracker_store("postgresql://relais:s3cret@db.internal:5433/relais")
    assert config == {
        "type": runtime_config.PRIVATE_TRACKER_STORE,
        "dialect": "postgresql",
        "db": "relais",
        "url": "db.internal",
        "port": 5433,
        "username": "relais",
        "password": "s3cret",
    }


def test_lock_store_is_redis_only_when_configured() -> None:
    assert runtime_config.lock_store(None) == {"type": "in_memory"}
    assert runtime_config.lock_store("redis://127.0.0.1:6379/2") == {
        "type": "redis",
        "url": "127.0.0.1",
        "port": 6379,
        "db": 2,
    }


def test_files_are_written_into_var(tmp_path: Path) -> None:
    settings = replace(load(), var_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/x.db")
    endpoints, credentials = runtime_config.write(settings)
    assert yaml.safe_load(endpoints.read_text())["action_endpoint"]["url"] == settings.action_endpoint
    assert yaml.safe_load(credentials.read_text())["socketio"]["session_persistence"] is True
