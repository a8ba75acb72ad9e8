"""Configuration comes from the environment, and production refuses unsafe defaults."""

import os
import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from connect_site.settings.base import env_bool, env_int, env_list


def import_production_settings(show="s.DEBUG, s.DATABASES", **env):
    """Import connect_site.settings.production in a fresh interpreter with exactly these variables set."""
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    return subprocess.run(  # noqa: S603 (our own interpreter and code)
        [sys.executable, "-c", f"import connect_site.settings.production as s; print({show})"],
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    result = import_production_settings(ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "Set the SECRET_KEY environment variable" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = import_production_settings(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_production_reads_database_url_and_keeps_debug_off():
    result = import_production_settings(
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="example.org",
        DATABASE_URL="postgres://peer:pw@db.example:5432/peer",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False ")
    assert "'ENGINE': 'django.db.backends.postgresql'" in result.stdout
    assert "'HOST': 'db.example'" in result.stdout
    assert "journal_mode" not in result.stdout  # SQLite's options only for SQLite


def test_sqlite_runs_in_wal_mode_with_a_busy_timeout():
    result = import_production_settings(
        SECRET_KEY="x" * 50, ALLOWED_HOSTS="example.org", DATABASE_URL=""
    )
    assert "'init_command': 'PRAGMA journal_mode=WAL" in result.stdout
    assert "'timeout': 20" in result.stdout


@pytest.mark.parametrize(("raw", "expected"), [("true", True), ("0", False), ("", False)])
def test_env_bool_reads_yes_and_no(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG") is expected


def test_env_bool_rejects_anything_else(monkeypatch):
    monkeypatch.setenv("DEBUG_FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG_FLAG must be true or false"):
        env_bool("DEBUG_FLAG")


def test_env_list_splits_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("HOSTS", "a.example, b.example,,")
    assert env_list("HOSTS") == ["a.example", "b.example"]


def test_env_int_reads_whole_numbers_and_names_the_variable_otherwise(monkeypatch):
    assert env_int("UNSET_NUMBER", 365) == 365
    monkeypatch.setenv("RETENTION", "30")
    assert env_int("RETENTION", 365) == 30
    monkeypatch.setenv("RETENTION", "a year")
    with pytest.raises(ImproperlyConfigured, match="RETENTION must be a whole number"):
        env_int("RETENTION", 365)


def test_whitenoise_follows_security_middleware():
    from django.conf import settings

    middleware = settings.MIDDLEWARE
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == (
        middleware.index("django.middleware.security.SecurityMiddleware") + 1
    )
