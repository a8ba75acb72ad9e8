"""Queries and time per request of every route on a big generated site, in process.

    python -m benchmarks.at_scale --site /tmp/site --factor 10000

Builds the site in the folder the first time (as `benchmarks.run --site` does, and with
BENCH_DATABASE_URL on that PostgreSQL database), then asks Django's test client for each route:
queries "cold" (every cache emptied first) and "warm" (the next request; the whole-answer cache is
off throughout), then the median and 95th percentile of --requests requests of each kind, in wall
and CPU milliseconds of this process (the database server's own time shows only in wall time).
"""

import argparse
import logging
import os
import statistics
import time
from datetime import timedelta
from pathlib import Path

from benchmarks import site


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, required=True, help="the folder the site is kept in")
    parser.add_argument("--factor", type=int, default=10_000, help="when it is built here")
    parser.add_argument("--requests", type=int, default=20, help="timed requests of each kind")
    parser.add_argument("--only", default="", help="only routes whose name holds this")
    return parser.parse_args()


def search_and_date_routes():
    """The directory's search and the calendar's date ranges, which read the most rows."""
    from django.utils import timezone

    today = timezone.localdate()

    def month(day):
        first = day.replace(day=1)
        last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
        return f"start_date={first}&end_date={last}"

    return [
        ("directory search", "/en/resources/?search=peer+support"),
        ("directory search, one word", "/en/resources/?search=housing"),
        ("api v3 resources search", "/api/v3/resources/?search=peer+support"),
        ("events list, page 3", "/en/events/?page=3"),
        ("past events", "/en/events/?past=1"),
        ("api v3 events, next month", f"/api/v3/events/?{month(today + timedelta(days=30))}"),
        ("api v3 events, last month", f"/api/v3/events/?{month(today - timedelta(days=30))}"),
    ]


def request(client, path, cold):
    """(status, queries, wall ms, CPU ms) of one anonymous request."""
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if cold:
        for cache in caches.all():
            cache.clear()
    wall, cpu = time.perf_counter(), time.process_time()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, HTTP_HOST="127.0.0.1")
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return response.status_code, len(queries), wall * 1000, cpu * 1000


def measure(client, path, count):
    """Queries cold and warm, and the median and p95 times of `count` requests of each kind."""
    client.get(path, HTTP_HOST="127.0.0.1")  # renditions made, Python's own caches filled
    row = {}
    for kind, cold in (("cold", True), ("warm", False)):
        runs = [request(client, path, cold) for _ in range(count)]
        row[kind] = {
            "status": runs[0][0],
            "queries": runs[0][1],
            "wall": percentiles([run[2] for run in runs]),
            "cpu": percentiles([run[3] for run in runs]),
        }
    return row


def percentiles(values):
    cuts = statistics.quantiles(values, n=20, method="inclusive")
    return statistics.median(values), cuts[-1]


HEADER = f"{'route':<34}{'status':>7}{'queries':>9}" + "".join(
    f"{kind + ' wall ms':>22}{'CPU ms':>14}" for kind in ("cold", "warm")
)


def line(name, row):
    """One route's figures: queries cold/warm, then median / p95 of each kind."""
    queries = f"{row['cold']['queries']}/{row['warm']['queries']}"
    text = f"{name:<34}{row['cold']['status']:>7}{queries:>9}"
    for kind in ("cold", "warm"):
        wall, cpu = row[kind]["wall"], row[kind]["cpu"]
        text += f"{wall[0]:>13.1f} /{wall[1]:>7.1f}{cpu[0]:>7.1f} /{cpu[1]:>5.1f}"
    return text


def main():
    args = arguments()
    workdir = args.site.resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    os.environ.update(site.environment(workdir, 0, cached=False))
    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404 route's warnings
    from django.test import Client

    built = workdir / "built"
    if not built.exists():
        started = time.monotonic()
        site.build(args.factor)
        built.touch()
        print(f"Built at factor {args.factor:,} in {time.monotonic() - started:.0f} s.")
    routes = [
        (name, path)
        for name, path in site.page_routes() + site.api_routes() + search_and_date_routes()
        if args.only in name
    ]
    client = Client()
    print(f"{HEADER}\n(queries cold/warm; times median / p95 of {args.requests} requests)")
    for name, path in routes:
        print(line(name, measure(client, path, args.requests)), flush=True)


if __name__ == "__main__":
    main()
