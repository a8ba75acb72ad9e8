#!/usr/bin/env bash
# Throwaway servers for the test suite and the benchmarks, sourced by their scripts: each is
# installed from Debian's packages if missing (as root), started on a free loopback port in a
# temporary folder, and stopped on exit.
PYTHON=.venv/bin/python
WORK=$(mktemp -d /tmp/cms-services.XXXXXX)
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
    export PG_PORT=$port PG_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/cms"
}
