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
    channel = yaml.safe_load(credentials.read_text())[runtime_config.SOCKETIO_CHANNEL]
    assert channel["session_persistence"] is True


def test_the_lock_store_takes_the_deployment_key_prefix() -> None:
    assert runtime_config.lock_store("redis://127.0.0.1:6379/2", "relaisprod")["key_prefix"] == "relaisprod"


def test_no_broker_by_default_and_rabbitmq_when_configured(tmp_path: Path) -> None:
    settings = replace(load(), var_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/x.db", broker_url=None)
    assert "event_broker" not in runtime_config.endpoints(settings)
    broker = runtime_config.event_broker("amqp://relais:pw@mq.internal:5673", "relais_events")
    assert broker == {
        "type": "pika",
        "url": "mq.internal",
        "port": 5673,
        "username": "relais",
        "password": "${RELAIS_BROKER_PASSWORD}",
        "queues": ["relais_events"],
        "exchange_name": "relais_events_exchange",
        "raise_on_failure": False,
    }


def test_the_broker_password_reaches_rasa_through_the_environment_only(tmp_path: Path) -> None:
    settings = replace(
        load(), var_dir=tmp_path, database_url=f"sqlite:///{tmp_path}/x.db", broker_url="amqp://relais:pw@mq:5672"
    )
    endpoints, _ = runtime_config.write(settings)
    assert "pw" not in yaml.safe_load(endpoints.read_text())["event_broker"]["password"]
    assert runtime_config.secrets(settings)[runtime_config.BROKER_PASSWORD_VARIABLE] == "pw"


def test_socketio_fans_out_through_redis_only_when_redis_is_set(tmp_path: Path) -> None:
    alone = replace(load(), var_dir=tmp_path, redis_url=None)
    replicated = replace(alone, redis_url="redis://127.0.0.1:6379/0")
    assert runtime_config.SOCKETIO_CHANNEL in runtime_config.credentials(alone)
    fanned = runtime_config.credentials(replicated)
    assert runtime_config.SOCKETIO_CHANNEL not in fanned
    assert (
        fanned[runtime_config.FANOUT_SOCKETIO_CHANNEL]
        == runtime_config.credentials(alone)[runtime_config.SOCKETIO_CHANNEL]
    )


def test_rest_and_socketio_are_relais_guarded_channels(tmp_path: Path) -> None:
    """Rasa's own channels answer nothing when a turn fails; Relais' say turn.failed (bot/channels/turn_failure.py)."""
    for redis_url in (None, "redis://127.0.0.1:6379/0"):
        channels = runtime_config.credentials(replace(load(), var_dir=tmp_path, redis_url=redis_url))
        assert runtime_config.REST_CHANNEL in channels
        assert not {"rest", "socketio"} & set(channels)


def test_replicas_reach_the_action_servers_through_their_balancer(tmp_path: Path) -> None:
    settings = replace(load(), var_dir=tmp_path, actions_upstream="http://actions:5055")
    assert runtime_config.endpoints(settings)["action_endpoint"]["url"] == "http://actions:5055/webhook"
