#!/usr/bin/env bash
# Start a throwaway stock PostgreSQL 15 (Debian's package) on 127.0.0.1:$PORT and print its URL.
# Used by .ci/run to prove the suite passes on a stock server as well as on the embedded one.
set -euo pipefail
PORT=${PORT:-54315}
if [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql-15 >&2
fi
BIN=/usr/lib/postgresql/15/bin
DIR=$(mktemp -d /tmp/stockpg.XXXXXX)
chown postgres "$DIR"
su postgres -s /bin/sh -c "$BIN/initdb -D $DIR/data -A trust -U postgres >/dev/null"
su postgres -s /bin/sh -c "$BIN/pg_ctl -D $DIR/data -l $DIR/log -w -o '-k $DIR -p $PORT -c listen_addresses=127.0.0.1' start >/dev/null"
echo "$DIR" > /tmp/stockpg.dir
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
