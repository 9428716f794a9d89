"""The one place where Relais reads its configuration from the environment.

Every process (Rasa launcher, action server, web server, tests) imports `load()` so
that a port, a path or a URL is never spelled twice.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise SystemExit(f"{name} must be a whole number, got {raw!r}") from exc


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
    retention_days: int

    @property
    def rasa_url(self) -> str:
        return f"http://{self.host}:{self.rasa_port}"

    @property
    def action_endpoint(self) -> str:
        return f"http://{self.host}:{self.actions_port}/webhook"

    @property
    def token_file(self) -> Path:
        return self.var_dir / "rasa_token"

    def rasa_token(self) -> str:
        """The HTTP API token: from RASA_TOKEN, else generated once into var/.

        There is deliberately no built-in default, so no deployment ships a known token.
        """
        from_env = os.environ.get("RASA_TOKEN", "").strip()
        if from_env:
            return from_env
        if not self.token_file.exists():
            self.var_dir.mkdir(parents=True, exist_ok=True)
            self.token_file.write_text(secrets.token_urlsafe(32))
            self.token_file.chmod(0o600)
        return self.token_file.read_text().strip()

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
        }


def load() -> Settings:
    """Read the environment now (tests change it between services)."""
    var_dir = Path(os.environ.get("RELAIS_VAR_DIR", ROOT / "var"))
    return Settings(
        host=os.environ.get("RELAIS_HOST", "127.0.0.1"),
        rasa_port=_int("RASA_PORT", 5005),
        actions_port=_int("ACTIONS_PORT", 5055),
        web_port=_int("WEB_PORT", 8000),
        database_url=os.environ.get("DATABASE_URL", f"sqlite:///{var_dir / 'relais.db'}"),
        redis_url=os.environ.get("REDIS_URL") or None,
        var_dir=var_dir,
        model_path=Path(os.environ.get("RELAIS_MODEL", ROOT / "models" / "relais.tar.gz")),
        locales_dir=ROOT / "locales",
        telegram_token=os.environ.get("TELEGRAM_TOKEN") or None,
        telegram_secret=os.environ.get("TELEGRAM_SECRET") or None,
        retention_days=_int("RELAIS_RETENTION_DAYS", 30),
    )
