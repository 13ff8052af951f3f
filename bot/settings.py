"""One typed settings object read from the environment and `.env`; secrets never print."""

from __future__ import annotations

import functools
from enum import Enum
from pathlib import Path

from pydantic import BaseSettings, Field, SecretStr, validator

PROJECT_ROOT = Path(__file__).resolve().parent.parent

#: Secrets that ship in examples and docs; refused outside development and test.
PLACEHOLDER_SECRETS = frozenset({"", "change-me", "changeme", "development-only-secret", "secret"})
DEVELOPMENT_SECRET = "development-only-secret"


class Environment(str, Enum):
    """Where the assistant runs; production refuses placeholder secrets."""

    DEVELOPMENT = "development"
    TEST = "test"
    PRODUCTION = "production"


class SettingsError(RuntimeError):
    """A setting is missing or unsafe; the message says which and how to fix it."""


class Settings(BaseSettings):
    """Everything configurable, with embedded defaults that run the demo council."""

    environment: Environment = Environment.DEVELOPMENT
    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'councilbot.db'}",
        description="SQLAlchemy URL; SQLite by default, postgresql+psycopg2://... in production.",
    )
    council_dir: Path = Field(default=PROJECT_ROOT / "councils" / "example")
    secret_key: SecretStr = Field(
        default=SecretStr(DEVELOPMENT_SECRET),
        description="Keys the hashes of residents' identifiers; must be set in production.",
    )
    model_dir: Path = PROJECT_ROOT / "models"
    rasa_host: str = "127.0.0.1"
    rasa_port: int = 5005
    rasa_workers: int = Field(
        default=2, ge=1, le=16, description="Rasa server worker processes (one per CPU core)."
    )
    action_server_port: int = 5055
    council_systems: str = Field(
        default="sql",
        description="Where service requests go: 'sql' stores them in our database for the council's back office.",
    )
    log_level: str = "INFO"
    max_message_chars: int = 10_000
    webchat_session_idle_hours: int = 24

    class Config:
        env_file = PROJECT_ROOT / ".env"
        env_file_encoding = "utf-8"

    @validator("council_dir", "model_dir")
    def _resolve_relative_to_project(cls, value: Path) -> Path:  # noqa: N805 - pydantic API
        return value if value.is_absolute() else (PROJECT_ROOT / value).resolve()

    @validator("council_systems")
    def _known_council_systems(cls, value: str) -> str:  # noqa: N805 - pydantic API
        if value not in {"sql"}:
            raise ValueError("COUNCIL_SYSTEMS must be 'sql' (the only back-office connector so far)")
        return value

    def check_safe_for_environment(self) -> None:
        """Refuse to start in production with a placeholder secret or the demo database."""
        if self.environment is not Environment.PRODUCTION:
            return
        if self.secret_key.get_secret_value().strip().lower() in PLACEHOLDER_SECRETS:
            raise SettingsError(
                "SECRET_KEY is missing or a placeholder. Set a long random value "
                "(for example: python -c 'import secrets; print(secrets.token_urlsafe(48))')."
            )
        if len(self.secret_key.get_secret_value()) < 32:
            raise SettingsError("SECRET_KEY is too short for production: use at least 32 characters.")

    @property
    def action_server_webhook(self) -> str:
        """Where the Rasa server calls the action server (ACTION_SERVER_URL for endpoints.yml)."""
        return f"http://127.0.0.1:{self.action_server_port}/webhook"

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, validated once; raises SettingsError if unsafe."""
    settings = Settings()
    settings.check_safe_for_environment()
    return settings
