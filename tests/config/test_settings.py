"""Settings come from the environment; production refuses to start without its secret."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run_check(env_overrides: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    """Run manage.py in a fresh process with a controlled environment."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_refuses_to_start_without_secret_key_when_debug_is_off():
    result = run_check({"DJANGO_DEBUG": "0"}, "check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_starts_in_debug_without_secret_key():
    result = run_check({"DJANGO_DEBUG": "1"}, "check")
    assert result.returncode == 0, result.stderr


def test_deploy_check_is_clean_with_production_settings():
    env = {
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x" * 20 + "a-long-random-production-secret-key-0123456789",
        "DJANGO_ALLOWED_HOSTS": "archive.example.org",
    }
    result = run_check(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_refuses_a_weak_secret_key_in_production():
    for weak in ("changeme", "x" * 60, "django-insecure-" + "abcdefghij" * 5):
        result = run_check({"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": weak}, "check")
        assert result.returncode != 0
        assert "DJANGO_SECRET_KEY is too weak" in result.stderr


def test_hsts_preload_and_subdomains_are_opt_in_and_the_proxy_header_needs_configuring():
    code = (
        "from django.conf import settings as s; "
        "print(s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, "
        "s.SECURE_PROXY_SSL_HEADER)"
    )
    key = "k" * 20 + "a-long-random-production-secret-key-0123456789"
    base = {"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": key}
    result = run_check(base, "shell", "-c", code)
    assert result.stdout.splitlines()[-1].split() == ["3600", "False", "False", "None"]
    opted = {
        **base,
        "DJANGO_HSTS_SECONDS": "63072000",
        "DJANGO_HSTS_INCLUDE_SUBDOMAINS": "1",
        "DJANGO_HSTS_PRELOAD": "1",
        "DJANGO_BEHIND_PROXY": "1",
    }
    result = run_check(opted, "shell", "-c", code)
    assert result.stdout.splitlines()[-1].split()[:3] == ["63072000", "True", "True"]
    assert "HTTP_X_FORWARDED_PROTO" in result.stdout


def test_running_requests_are_counted_in_the_database_unless_a_pool_or_shared_cache_is_used():
    code = "from django.conf import settings as s; print(s.RATELIMIT_CONCURRENCY_COUNTER)"
    base = {"DJANGO_DEBUG": "1", "CACHE_URL": "", "DATABASE_DISABLE_SERVER_SIDE_CURSORS": ""}
    for extra, expected in [
        ({}, "database"),
        ({"CACHE_URL": "redis://cache:6379/0"}, "cache"),
        ({"DATABASE_DISABLE_SERVER_SIDE_CURSORS": "1"}, "cache"),  # PgBouncer, transaction mode
    ]:
        result = run_check({**base, **extra}, "shell", "-c", code)
        assert result.stdout.splitlines()[-1] == expected, (extra, result.stderr)
