#!/usr/bin/env bash
# `make bench` in the production configuration: PostgreSQL and a shared Redis cache, each a
# throwaway server on loopback (scripts/services.sh). Extra arguments go to benchmarks.run; with
# `ab` first, the rest go to benchmarks.ab (two checkouts measured in turns); with `at_scale`, to
# benchmarks.at_scale (queries and time per request in process; give it a new --site folder).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/services.sh
source scripts/services.sh

start_redis
[ -n "${TEST_REDIS_URL:-}" ] || { echo "The production benchmark needs Redis, which could not be started."; exit 1; }
start_postgres || { echo "The production benchmark needs PostgreSQL, which could not be started."; exit 1; }
as_db_user "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres bench
export BENCH_DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/bench" BENCH_CACHE_URL="$TEST_REDIS_URL"
export PATH="$PG_BIN:$PATH"
if [ "${1:-}" = ab ]; then
    shift
    "$PYTHON" -m benchmarks.ab "$@"
elif [ "${1:-}" = at_scale ]; then
    shift
    "$PYTHON" -m benchmarks.at_scale "$@"
else
    "$PYTHON" -m benchmarks.run --output benchmarks/results/production.json "$@"
fi
