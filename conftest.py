"""Test-wide environment: production-like settings that run over plain HTTP on localhost."""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("DJANGO_PLAIN_STATIC", "1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
