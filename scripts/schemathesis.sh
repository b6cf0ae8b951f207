#!/usr/bin/env bash
# Schemathesis (st run) against the API of a local server holding the sample data; exits non-zero
# on any failure. Usage: bash scripts/schemathesis.sh [PORT]  (CI: after `python3 dev.py test`).
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-8765}
address="127.0.0.1:$port"
log=$(mktemp)
export SITE_URL="http://$address" DJANGO_DEBUG=0 DJANGO_ALLOWED_HOSTS=127.0.0.1 \
  DJANGO_SECRET_KEY=${DJANGO_SECRET_KEY:-schemathesis-only-secret-key-not-for-production-0123456789} \
  DJANGO_RATELIMIT_ENABLE=0 \
  DJANGO_PLAIN_STATIC=1 DJANGO_SECURE_SSL_REDIRECT=0

# dev.py start migrates, loads the sample data and serves it; its own process group, so the
# server and the embedded PostgreSQL it holds stop together.
setsid python3 dev.py start "$address" >"$log" 2>&1 &
server=$!
trap 'kill -- -"$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -sf -o /dev/null "http://$address/api/v1/" && break
  kill -0 "$server" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done

PYTHONPATH=scripts SCHEMATHESIS_HOOKS=schemathesis_hooks \
  .venv/bin/st --config-file scripts/schemathesis.toml run \
  "http://$address/api/v1/openapi.json" --url "http://$address/api/v1" \
  --checks all --max-examples "${ST_MAX_EXAMPLES:-50}" --seed "${ST_SEED:-12}"
