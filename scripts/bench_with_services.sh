#!/usr/bin/env bash
# `make bench` in the production configuration: PostgreSQL and a shared Redis cache, each a
# throwaway server on loopback (scripts/services.sh). Extra arguments go to benchmarks.run.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/services.sh
source scripts/services.sh

start_redis
[ -n "${TEST_REDIS_URL:-}" ] || { echo "The production benchmark needs Redis, which could not be started."; exit 1; }
start_postgres || { echo "The production benchmark needs PostgreSQL, which could not be started."; exit 1; }
as_db_user "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench
BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench" BENCH_CACHE_URL="$TEST_REDIS_URL" \
    PATH="$PG_BIN:$PATH" "$PYTHON" -m benchmarks.run --output benchmarks/results/production.json "$@"
