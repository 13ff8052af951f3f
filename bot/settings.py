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
TELEGRAM_API_URL = "https://api.telegram.org/bot"


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
        description="Where service requests go: 'sql' stores them in our database for the council's back office, "
        "or the dotted path of a CouncilSystems connector (bot/records/council_systems.py).",
    )
    log_level: str = Field(
        default="INFO",
        description="DEBUG, INFO, WARNING, ERROR or CRITICAL: the servers' and our own loggers' level.",
    )
    metrics_token: SecretStr = Field(
        default=SecretStr(""),
        description="Bearer token Prometheus sends to /metrics; metrics are off while empty.",
    )
    max_message_chars: int = 10_000
    webchat_session_idle_hours: int = 24

    # Limits every server process shares (counted in the database, bot/records/rate_limits.py).
    trusted_proxies: str = Field(
        default="",
        description="Comma-separated addresses or CIDRs of the proxies (nginx) in front of the servers: "
        "only their X-Forwarded-For / X-Real-IP is believed. Empty: the direct peer is the client.",
    )
    webchat_messages_per_minute: int = Field(
        default=30, ge=1, description="Messages one webchat session may send in a minute."
    )
    webchat_sessions_per_address: int = Field(
        default=20,
        ge=1,
        description="New webchat sessions one client address may start in WEBCHAT_SESSION_WINDOW_MINUTES.",
    )
    webchat_session_window_minutes: int = Field(default=10, ge=1)
    sign_in_failures_per_username: int = Field(
        default=5, ge=1, description="Console sign-in attempts that may fail per username."
    )
    sign_in_failures_per_address: int = Field(
        default=20, ge=1, description="Console sign-in attempts that may fail per client address."
    )
    sign_in_lockout_minutes: int = Field(
        default=15, ge=1, description="The window the sign-in failures are counted in."
    )
    tickets_per_conversation_per_day: int = Field(
        default=3, ge=1, description="New advisor tickets one conversation may raise in 24 hours."
    )
    tickets_per_address_per_hour: int = Field(
        default=10,
        ge=1,
        description="New advisor tickets the conversations from one client address may raise in an hour.",
    )

    # SMS (Twilio). Without an account SID and auth token the SMS webhook answers 503.
    twilio_account_sid: str = ""
    twilio_auth_token: SecretStr = Field(
        default=SecretStr(""), description="Checks X-Twilio-Signature and authenticates sends."
    )
    twilio_from_number: str = Field(
        default="", description="The council's Twilio number, in E.164."
    )
    twilio_api_url: str = Field(
        default="", description="Only for tests: a local fake instead of https://api.twilio.com."
    )
    public_base_url: str = Field(
        default="",
        description="The public https://host the webhooks are reached on (behind a proxy); signatures are checked against it.",
    )
    sms_provider: str = Field(
        default="twilio", description="'twilio' sends for real; 'log' only logs (development)."
    )
    sms_max_segments: int = Field(default=3, ge=1, le=10)

    # Telegram. Without a bot token the Telegram webhook answers 503.
    telegram_bot_token: SecretStr = Field(default=SecretStr(""))
    telegram_secret_token: SecretStr = Field(
        default=SecretStr(""),
        description="Telegram sends it in X-Telegram-Bot-Api-Secret-Token on every update.",
    )
    telegram_api_url: str = Field(
        default=TELEGRAM_API_URL, description="Bot API base URL; tests point it at a local fake."
    )

    class Config:
        env_file = PROJECT_ROOT / ".env"
        env_file_encoding = "utf-8"

    @validator("council_dir", "model_dir")
    def _resolve_relative_to_project(cls, value: Path) -> Path:  # noqa: N805 - pydantic API
        return value if value.is_absolute() else (PROJECT_ROOT / value).resolve()

    @validator("log_level")
    def _known_log_level(cls, value: str) -> str:  # noqa: N805 - pydantic API
        from bot.log_level import LEVELS

        level = value.strip().upper()
        if level not in LEVELS:
            raise ValueError(f"LOG_LEVEL must be one of {', '.join(LEVELS)}")
        return level

    @validator("trusted_proxies")
    def _valid_trusted_proxies(cls, value: str) -> str:  # noqa: N805 - pydantic API
        import ipaddress

        for entry in (part.strip() for part in value.split(",")):
            if entry:
                try:
                    ipaddress.ip_network(entry, strict=False)
                except ValueError:
                    raise ValueError(
                        f"TRUSTED_PROXIES: {entry!r} is not an address or CIDR (e.g. 10.0.0.0/8)"
                    ) from None
        return value

    @validator("sms_provider")
    def _known_sms_provider(cls, value: str) -> str:  # noqa: N805 - pydantic API
        if value not in {"twilio", "log"}:
            raise ValueError("SMS_PROVIDER must be 'twilio' or 'log'")
        return value

    @validator("council_systems")
    def _known_council_systems(cls, value: str) -> str:  # noqa: N805 - pydantic API
        from bot.records.council_systems import BUILT_IN_CONNECTORS, connector_class

        if value not in BUILT_IN_CONNECTORS:
            connector_class(value)  # raises UnknownConnector, naming the valid choices
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
            raise SettingsError(
                "SECRET_KEY is too short for production: use at least 32 characters."
            )
        if self.telegram_configured and not self.telegram_secret_configured:
            raise SettingsError(
                "TELEGRAM_SECRET_TOKEN is missing or a placeholder. Telegram webhooks cannot be trusted "
                "without it: set 1-256 characters of A-Z, a-z, 0-9, _ or - and pass the same value to setWebhook."
            )
        if self.sms_provider == "log" and self.sms_configured:
            raise SettingsError(
                "SMS_PROVIDER=log would drop residents' texts: use 'twilio' in production."
            )

    @property
    def sms_configured(self) -> bool:
        """Both Twilio credentials are set (the SMS webhook answers 503 otherwise)."""
        return bool(self.twilio_account_sid and self.twilio_auth_token.get_secret_value())

    @property
    def telegram_configured(self) -> bool:
        return bool(self.telegram_bot_token.get_secret_value())

    @property
    def telegram_secret_configured(self) -> bool:
        return (
            self.telegram_secret_token.get_secret_value().strip().lower() not in PLACEHOLDER_SECRETS
        )

    @property
    def action_server_webhook(self) -> str:
        """Where the Rasa server calls the action server (ACTION_SERVER_URL for endpoints.yml)."""
        return f"http://127.0.0.1:{self.action_server_port}/webhook"


@functools.lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, validated once; raises SettingsError if unsafe."""
    settings = Settings()
    settings.check_safe_for_environment()
    return settings
