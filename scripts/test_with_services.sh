#!/usr/bin/env bash
# The whole test suite twice, on SQLite then on PostgreSQL, with real Redis and S3 (moto) servers.
# Every server is a throwaway: installed from Debian's packages if missing, started on a free
# loopback port in a temporary folder, and stopped on exit. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=.venv/bin/python
WORK=$(mktemp -d /tmp/cms-test-services.XXXXXX)
chmod 755 "$WORK"
PG_DATA="$WORK/pg"
PIDS=()

cleanup() {
    if [ -f "$PG_DATA/postmaster.pid" ]; then as_db_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null || true; fi
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    "$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

wait_for_port() {
    "$PYTHON" - "$1" <<'EOF'
import socket, sys, time
for _ in range(100):
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=0.2).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit(1)
EOF
}

install_package() {
    [ "$(id -u)" = 0 ] || return 0
    echo "Installing $1 from Debian's packages..."
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1"; } >"$WORK/apt.log" 2>&1 || true
}

# PostgreSQL refuses to run as root; the Debian package creates a `postgres` user for it.
as_db_user() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_redis() {
    command -v redis-server >/dev/null || install_package redis-server
    command -v redis-server >/dev/null || { echo "SKIPPING the Redis tests: redis-server could not be installed."; return; }
    local port; port=$(free_port)
    redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --dir "$WORK" >"$WORK/redis.log" 2>&1 &
    PIDS+=($!)
    wait_for_port "$port" && export TEST_REDIS_URL="redis://127.0.0.1:$port/0"
}

start_s3() {
    local port; port=$(free_port)
    .venv/bin/moto_server -H 127.0.0.1 -p "$port" >"$WORK/moto.log" 2>&1 &
    PIDS+=($!)
    wait_for_port "$port" && export TEST_S3_ENDPOINT_URL="http://127.0.0.1:$port"
}

prepare_browser() {
    command -v chromium >/dev/null || install_package chromium
    command -v chromium >/dev/null || echo "SKIPPING the browser tests: Chromium could not be installed."
    [ -d tests/browser/node_modules/axe-core ] || npm ci --prefix tests/browser --no-audit --no-fund --silent \
        || echo "SKIPPING the browser tests: axe-core could not be installed from npm."
}

# The W3C Nu HTML Checker (npm's vnu-jar, pinned in tests/html_checker/) runs on Java.
prepare_html_checker() {
    command -v java >/dev/null || install_package default-jre-headless
    command -v java >/dev/null || echo "SKIPPING the HTML validity test: Java could not be installed."
    [ -f tests/html_checker/node_modules/vnu-jar/build/dist/vnu.jar ] \
        || npm ci --prefix tests/html_checker --no-audit --no-fund --silent --ignore-scripts \
        || echo "SKIPPING the HTML validity test: vnu-jar could not be installed from npm."
}

# PNG renditions go through pngquant when it is there (WILLOW_OPTIMIZERS); the page weight test
# counts on it, as a deployment following docs/deploy.md does.
prepare_image_tools() {
    command -v pngquant >/dev/null || install_package pngquant
    command -v pngquant >/dev/null || echo "pngquant could not be installed: the page weight test will fail."
}

newest_initdb() {
    ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true
}

find_pg_bin() {
    local initdb; initdb=$(newest_initdb)
    [ -n "$initdb" ] || { install_package postgresql; initdb=$(newest_initdb); }
    [ -n "$initdb" ] || initdb=$(command -v initdb || true)
    [ -n "$initdb" ] && PG_BIN=$(dirname "$initdb")
}

start_postgres() {
    find_pg_bin || { echo "PostgreSQL is not installed and could not be installed."; return 1; }
    local port; port=$(free_port)
    mkdir "$PG_DATA" && { [ "$(id -u)" != 0 ] || chown postgres: "$PG_DATA"; }
    as_db_user "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log"; return 1; }
    # Durability is pointless for a throwaway cluster; skipping fsync makes the pass much faster.
    as_db_user "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" -w start \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DATA -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        >/dev/null || { cat "$PG_DATA/server.log"; return 1; }
    export PG_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/cms"
}

start_redis
start_s3
prepare_browser
prepare_html_checker
prepare_image_tools

echo "== Test suite on SQLite =="
.venv/bin/pytest "$@"

# The browser tests check what visitors and editors see, which does not depend on the database.
echo "== Test suite again on PostgreSQL (without the browser tests) =="
if start_postgres; then
    DATABASE_URL=$PG_TEST_DATABASE_URL PATH="$PG_BIN:$PATH" .venv/bin/pytest -n 2 -m "not browser" "$@"
else
    echo "SKIPPED the PostgreSQL pass: a throwaway PostgreSQL cluster could not be started (see above)."
fi
