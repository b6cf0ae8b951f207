"""Benchmarks against the real stack (gunicorn, HTTP, PostgreSQL): see docs/performance.md."""
