"""The one place where Relais reads its configuration from the environment.

Every process (Rasa launcher, action server, web server, tests) imports `load()` so
that a port, a path or a URL is never spelled twice.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

ROOT = Path(__file__).resolve().parent.parent
TELEGRAM_API_URL = "https://api.telegram.org/bot"
TELEGRAM_MODES = ("webhook", "polling")


class ConfigurationError(SystemExit):
    """A setting cannot be used as given; the message is one line that says what to do.

    A `SystemExit`, so a process that cannot start prints that line and exits with status 1,
    never a traceback.
    """


PRIVATE_FOLDER = 0o700
"""var/ holds conversations, contact details and staff hashes (SQLite), the Rasa token and Rasa's config."""


def writable_directory(path: Path, variable: str, private: bool = False) -> Path:
    """Create `path` (and its parents) if needed and check that this process can write there.

    With `private`, the folder is made (or, if this process owns it, set to) owner-only, 0700.
    Returns `path`. Raises ConfigurationError naming `variable` when it cannot be created or written.
    """
    advice = f"point {variable} to a writable folder"
    try:
        path.mkdir(parents=True, exist_ok=True, **({"mode": PRIVATE_FOLDER} if private else {}))
        if private and path.stat().st_uid == os.geteuid():
            path.chmod(PRIVATE_FOLDER)  # a folder made by an older Relais, or before the umask applied
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ConfigurationError(f"{variable}: cannot create the folder {path} ({reason}); {advice}") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise ConfigurationError(f"{variable}: the folder {path} is not writable; {advice}")
    return path


def _int(name: str, default: int, low: int = 1, high: int | None = None) -> int:
    """A whole number from the environment, within [low, high]; raises ConfigurationError otherwise."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError as exc:
        raise ConfigurationError(f"{name} must be a whole number, got {raw!r}") from exc
    if value < low or (high is not None and value > high):
        bounds = f"from {low} to {high}" if high is not None else f"at least {low}"
        raise ConfigurationError(f"{name} must be {bounds}, got {value}")
    return value


def _port(name: str, default: int) -> int:
    return _int(name, default, 1, 65535)


def _timezone() -> str:
    """RELAIS_TIMEZONE, an IANA zone name this machine knows (e.g. Europe/Paris, Asia/Seoul)."""
    name = os.environ.get("RELAIS_TIMEZONE", "").strip() or "Europe/Paris"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigurationError(f"RELAIS_TIMEZONE must be a time zone such as Europe/Paris, got {name!r}") from exc
    return name


@dataclass(frozen=True)
class Settings:
    """Resolved configuration; see the README's configuration table."""

    host: str
    rasa_port: int
    actions_port: int
    web_port: int
    database_url: str
    redis_url: str | None
    var_dir: Path
    model_path: Path
    locales_dir: Path
    telegram_token: str | None
    telegram_secret: str | None
    telegram_api_url: str
    telegram_mode: str
    retention_days: int
    widget_origins: tuple[str, ...]
    opening_hours: str
    timezone: str
    staff_session_minutes: int
    staff_session_max_hours: int
    """A staff session ends this long after sign-in, however active (the idle timeout alone never ends
    a session whose conversation page polls every second)."""
    staff_https: bool
    staff_rasa_timeout: int
    """Seconds the console waits for Rasa before it tells the analyst and rolls back."""
    handoff_silence_minutes: int
    """A waiting request for a person expires after this long without a word from the person."""
    handoff_left_minutes: int
    """A waiting web-widget request whose person left the chat this long ago is no longer counted in the queue
    position told to the others (bot/staff/queue.py `ahead_of`); the console still lists it, marked as left."""
    rasa_max_body_bytes: int
    """The largest request body Rasa's HTTP server accepts (Sanic's REQUEST_MAX_SIZE; Sanic's own default is 100 MB)."""
    edge_rate_messages: int
    """Messages one widget socket or Telegram chat may send in a burst (bot/edges/flood.py)..."""
    edge_rate_seconds: int
    """...and the seconds in which that many more are allowed, at an even pace."""
    actions_host: str = "127.0.0.1"
    """Where the action server listens (RELAIS_ACTIONS_HOST). It trusts the tracker it is sent, so by default
    only Rasa on this machine reaches it, whatever RELAIS_HOST says; every call also carries `action_secret()`.
    In a container it is the pod's private address (0.0.0.0), never a public one."""
    rasa_upstream: str | None = None
    """RELAIS_RASA_URL: where the web server and the console reach Rasa when it is not this machine's
    RASA_PORT, e.g. the load balancer in front of several replicas (http://rasa:5005)."""
    actions_upstream: str | None = None
    """RELAIS_ACTIONS_URL: where Rasa reaches the action servers when they are not on this machine's
    ACTIONS_PORT, e.g. their load balancer (http://actions:5055)."""
    broker_url: str | None = None
    """RELAIS_BROKER_URL (amqp://user:password@host:5672/vhost): Rasa publishes every tracker event to
    RabbitMQ (Rasa's `pika` event broker); unset, no broker."""
    broker_queue: str = "relais_events"
    """RELAIS_BROKER_QUEUE: the queue the broker declares and fills, for the hotline's own consumer."""
    redis_prefix: str = "relais"
    """RELAIS_REDIS_PREFIX: the prefix of Relais' keys and channels in Redis (lock store, socket.io fan-out),
    so several hotlines or test runs can share one Redis."""
    lock_lifetime_s: int = 60
    """RELAIS_LOCK_LIFETIME_S: how long a conversation's lock (Rasa's ticket lock, TICKET_LOCK_LIFETIME) is
    held at most; a replica that dies mid-turn blocks its conversation this long at worst, and a message
    queued longer than this behind its conversation's lock is dropped by Rasa."""

    @property
    def rasa_url(self) -> str:
        return self.rasa_upstream or f"http://{self.host}:{self.rasa_port}"

    @property
    def allowed_origins(self) -> frozenset[str]:
        """Pages that may use the widget: the web server's own page and RELAIS_WIDGET_ORIGINS."""
        own = {f"http://{self.host}:{self.web_port}"}
        if self.host == "127.0.0.1":
            own.add(f"http://localhost:{self.web_port}")
        return frozenset(own | set(self.widget_origins))

    @property
    def action_endpoint(self) -> str:
        base = self.actions_upstream or f"http://{self.actions_host}:{self.actions_port}"
        return f"{base}/webhook"

    def action_secret(self) -> str:
        """The shared secret Rasa sends the action server on every call (64 hex digits).

        Derived from the Rasa token, so there is nothing more to configure or to store.
        """
        return hmac.new(self.rasa_token().encode(), b"relais action server", hashlib.sha256).hexdigest()

    def var_path(self, name: str) -> Path:
        """The path of a generated file in RELAIS_VAR_DIR, creating the folder (0700) first.

        Every writer of `var/` goes through here, so no order of start-up can find it missing.
        Raises ConfigurationError when the folder cannot be created or written.
        """
        return writable_directory(self.var_dir, "RELAIS_VAR_DIR", private=True) / name

    @property
    def token_file(self) -> Path:
        return self.var_path("rasa_token")

    def rasa_token(self) -> str:
        """The HTTP API token: from RASA_TOKEN, else generated once into var/.

        There is deliberately no built-in default, so no deployment ships a known token.
        """
        from_env = os.environ.get("RASA_TOKEN", "").strip()
        if from_env:
            return from_env
        token_file = self.token_file
        if not token_file.exists():
            token_file.write_text(secrets.token_urlsafe(32))
            token_file.chmod(0o600)
        return token_file.read_text().strip()

    def as_env(self) -> dict[str, str]:
        """The environment that makes a child process `load()` these same settings."""
        return {
            "RELAIS_HOST": self.host,
            "RASA_PORT": str(self.rasa_port),
            "ACTIONS_PORT": str(self.actions_port),
            "WEB_PORT": str(self.web_port),
            "DATABASE_URL": self.database_url,
            "RELAIS_VAR_DIR": str(self.var_dir),
            "RELAIS_MODEL": str(self.model_path),
            "RELAIS_RETENTION_DAYS": str(self.retention_days),
            "RASA_TOKEN": self.rasa_token(),
            **({"REDIS_URL": self.redis_url} if self.redis_url else {}),
            **({"RELAIS_WIDGET_ORIGINS": ",".join(self.widget_origins)} if self.widget_origins else {}),
            **self._telegram_env(),
            "RELAIS_OPENING_HOURS": self.opening_hours,
            "RELAIS_TIMEZONE": self.timezone,
            "RELAIS_STAFF_SESSION_MINUTES": str(self.staff_session_minutes),
            "RELAIS_STAFF_SESSION_MAX_HOURS": str(self.staff_session_max_hours),
            "RELAIS_STAFF_HTTPS": "1" if self.staff_https else "0",
            "RELAIS_STAFF_RASA_TIMEOUT": str(self.staff_rasa_timeout),
            "RELAIS_HANDOFF_SILENCE_MINUTES": str(self.handoff_silence_minutes),
            "RELAIS_HANDOFF_LEFT_MINUTES": str(self.handoff_left_minutes),
            "RELAIS_RASA_MAX_BODY_BYTES": str(self.rasa_max_body_bytes),
            "RELAIS_EDGE_RATE_MESSAGES": str(self.edge_rate_messages),
            "RELAIS_EDGE_RATE_SECONDS": str(self.edge_rate_seconds),
            "RELAIS_ACTIONS_HOST": self.actions_host,
            **({"RELAIS_RASA_URL": self.rasa_upstream} if self.rasa_upstream else {}),
            **({"RELAIS_ACTIONS_URL": self.actions_upstream} if self.actions_upstream else {}),
            **({"RELAIS_BROKER_URL": self.broker_url} if self.broker_url else {}),
            "RELAIS_BROKER_QUEUE": self.broker_queue,
            "RELAIS_REDIS_PREFIX": self.redis_prefix,
            "RELAIS_LOCK_LIFETIME_S": str(self.lock_lifetime_s),
        }

    def _telegram_env(self) -> dict[str, str]:
        present = {"TELEGRAM_TOKEN": self.telegram_token, "TELEGRAM_SECRET": self.telegram_secret}
        env = {name: value for name, value in present.items() if value}
        return {**env, "TELEGRAM_API_URL": self.telegram_api_url, "TELEGRAM_MODE": self.telegram_mode}


def _database_url(var_dir: Path) -> str:
    """DATABASE_URL, checked to be a URL SQLAlchemy can read; defaults to SQLite in RELAIS_VAR_DIR."""
    url = os.environ.get("DATABASE_URL", "").strip() or f"sqlite:///{var_dir / 'relais.db'}"
    try:
        make_url(url)
    except ArgumentError as exc:
        raise ConfigurationError(
            "DATABASE_URL must look like postgresql://user:password@host:5432/db or sqlite:////path/relais.db"
        ) from exc
    return url


def _telegram_mode() -> str:
    mode = os.environ.get("TELEGRAM_MODE", "").strip().lower() or TELEGRAM_MODES[0]
    if mode not in TELEGRAM_MODES:
        raise ConfigurationError(f"TELEGRAM_MODE must be one of {', '.join(TELEGRAM_MODES)}, got {mode!r}")
    return mode


def _origins(name: str) -> tuple[str, ...]:
    """A comma-separated list of page origins (scheme://host[:port]), as browsers send them."""
    origins: list[str] = []
    for raw in filter(None, (item.strip() for item in os.environ.get(name, "").split(","))):
        parts = urlsplit(raw.lower())
        try:
            port = parts.port
        except ValueError:
            port = -1
        if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/") or port == -1:
            raise ConfigurationError(f"{name} takes origins such as https://www.example.org, got {raw!r}")
        default_port = {"http": 80, "https": 443}[parts.scheme]
        origins.append(f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port and port != default_port else ""))
    return tuple(origins)


def load() -> Settings:
    """Read the environment now (tests change it between services)."""
    var_dir = Path(os.environ.get("RELAIS_VAR_DIR", ROOT / "var"))
    return Settings(
        host=os.environ.get("RELAIS_HOST", "127.0.0.1"),
        rasa_port=_port("RASA_PORT", 5005),
        actions_port=_port("ACTIONS_PORT", 5055),
        web_port=_port("WEB_PORT", 8000),
        database_url=_database_url(var_dir),
        redis_url=os.environ.get("REDIS_URL") or None,
        var_dir=var_dir,
        model_path=Path(os.environ.get("RELAIS_MODEL", ROOT / "models" / "relais.tar.gz")),
        locales_dir=ROOT / "locales",
        telegram_token=os.environ.get("TELEGRAM_TOKEN") or None,
        telegram_secret=os.environ.get("TELEGRAM_SECRET") or None,
        telegram_api_url=os.environ.get("TELEGRAM_API_URL", "").strip() or TELEGRAM_API_URL,
        telegram_mode=_telegram_mode(),
        retention_days=_int("RELAIS_RETENTION_DAYS", 30),
        widget_origins=_origins("RELAIS_WIDGET_ORIGINS"),
        opening_hours=os.environ.get("RELAIS_OPENING_HOURS", "").strip() or "mon-fri 09:00-18:00",
        timezone=_timezone(),
        staff_session_minutes=_int("RELAIS_STAFF_SESSION_MINUTES", 30),
        staff_session_max_hours=_int("RELAIS_STAFF_SESSION_MAX_HOURS", 12, 1, 24 * 7),
        staff_https=os.environ.get("RELAIS_STAFF_HTTPS", "").strip().lower() in ("1", "true", "yes"),
        staff_rasa_timeout=_int("RELAIS_STAFF_RASA_TIMEOUT", 10),
        handoff_silence_minutes=_int("RELAIS_HANDOFF_SILENCE_MINUTES", 30, 1, 24 * 60),
        handoff_left_minutes=_int("RELAIS_HANDOFF_LEFT_MINUTES", 10, 1, 24 * 60),
        rasa_max_body_bytes=_int("RELAIS_RASA_MAX_BODY_BYTES", 64 * 1024, 16 * 1024),
        edge_rate_messages=_int("RELAIS_EDGE_RATE_MESSAGES", 8, 1, 1000),
        edge_rate_seconds=_int("RELAIS_EDGE_RATE_SECONDS", 10, 1, 3600),
        actions_host=os.environ.get("RELAIS_ACTIONS_HOST", "").strip() or "127.0.0.1",
        rasa_upstream=_base_url("RELAIS_RASA_URL"),
        actions_upstream=_base_url("RELAIS_ACTIONS_URL"),
        broker_url=os.environ.get("RELAIS_BROKER_URL", "").strip() or None,
        broker_queue=os.environ.get("RELAIS_BROKER_QUEUE", "").strip() or "relais_events",
        redis_prefix=os.environ.get("RELAIS_REDIS_PREFIX", "").strip() or "relais",
        lock_lifetime_s=_int("RELAIS_LOCK_LIFETIME_S", 60, 5, 3600),
    )


def _base_url(name: str) -> str | None:
    """An http(s) URL without a path, such as http://rasa:5005 (trailing slash dropped); None when unset."""
    raw = os.environ.get(name, "").strip().rstrip("/")
    if not raw:
        return None
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path:
        raise ConfigurationError(f"{name} takes a URL such as http://rasa:5005, got {raw!r}")
    return raw
