"""Settings: embedded defaults for a newcomer, and refusal of unsafe production values."""

from __future__ import annotations

import pytest

from bot.settings import Environment, Settings, SettingsError


def test_the_defaults_run_the_demo_council_on_sqlite():
    settings = Settings(_env_file=None)
    assert settings.database_url.startswith("sqlite:///")
    assert settings.council_dir.name == "example"


def test_production_refuses_the_placeholder_secret():
    settings = Settings(_env_file=None, environment=Environment.PRODUCTION)
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        settings.check_safe_for_environment()


def test_production_refuses_a_short_secret():
    settings = Settings(
        _env_file=None, environment=Environment.PRODUCTION, secret_key="short-but-not-placeholder"
    )
    with pytest.raises(SettingsError, match="too short"):
        settings.check_safe_for_environment()


def test_production_accepts_a_long_random_secret():
    settings = Settings(_env_file=None, environment=Environment.PRODUCTION, secret_key="x" * 48)
    settings.check_safe_for_environment()


def test_the_secret_is_never_printed():
    settings = Settings(_env_file=None, secret_key="super-secret-value-123")
    assert "super-secret-value-123" not in repr(settings)
    assert "super-secret-value-123" not in str(settings.dict())


def test_settings_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path}/x.db")
    monkeypatch.setenv("RASA_PORT", "6005")
    settings = Settings(_env_file=None)
    assert settings.database_url.endswith("/x.db") and settings.rasa_port == 6005


def test_an_unknown_council_systems_value_fails_at_start_up(monkeypatch):
    monkeypatch.setenv("COUNCIL_SYSTEMS", "ftp")
    with pytest.raises(ValueError, match="COUNCIL_SYSTEMS"):
        Settings(_env_file=None)


def test_trusted_proxies_that_are_not_addresses_fail_at_start_up(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1, nginx.internal")
    with pytest.raises(ValueError, match="TRUSTED_PROXIES"):
        Settings(_env_file=None)


def test_trusted_proxies_take_addresses_and_networks(monkeypatch):
    monkeypatch.setenv("TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8, ::1")
    assert Settings(_env_file=None).trusted_proxies == "127.0.0.1, 10.0.0.0/8, ::1"
