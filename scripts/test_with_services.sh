#!/usr/bin/env bash
# The whole test suite twice, on SQLite then on PostgreSQL, with real Redis and S3 (moto) servers.
# Every server is a throwaway: installed from Debian's packages if missing, started on a free
# loopback port in a temporary folder, and stopped on exit. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/services.sh
source scripts/services.sh

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
    DATABASE_URL=$PG_TEST_DATABASE_URL PATH="$PG_BIN:$PATH" .venv/bin/pytest -n 2 -m "not browser and not plugins" "$@"
else
    echo "SKIPPED the PostgreSQL pass: a throwaway PostgreSQL cluster could not be started (see above)."
fi
