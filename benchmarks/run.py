"""`make bench`: every public page type and API route under load, uncached then cached.

Builds a throwaway site in a temporary folder, serves it with gunicorn and production settings on
loopback, and measures each route with wrk; SQL queries and bytes are counted in-process.
"""

import argparse
import json
import logging
import os
import platform
import shutil
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import load, site

RESULTS = Path(__file__).parent / "results" / "latest.json"


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=int(os.environ.get("FACTOR", "1000")))
    parser.add_argument(
        "--seconds", type=int, default=int(os.environ.get("SECONDS_PER_ROUTE", "3"))
    )
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--passes", type=int, default=2, help="memory is read after each pass")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument(
        "--site",
        type=Path,
        help="build the site in this folder and keep it; a later run with the same folder reuses it",
    )
    return parser.parse_args()


def measure_mode(cached, workdir, route_list, args):
    """Serve the site with the page cache on or off and run wrk against every route."""
    env = site.environment(workdir, load.free_port(), cached)
    server = load.start_gunicorn(
        env, workdir / f"gunicorn-{'cached' if cached else 'uncached'}.log"
    )
    base = f"http://{env['GUNICORN_BIND']}"
    try:
        memory, results = [], {}
        for _ in range(args.passes):
            for name, path in route_list:
                load.fetch(base + path)  # warms it, and waits out the last route's queue
                results[name] = load.wrk(base + path, args.seconds, args.connections)
            memory.append(load.worker_memory(server))
        return results, memory
    finally:
        load.stop(server)


def report(data):
    """The results as a table, with each route's share of the static file's throughput."""
    static = {
        mode: data["modes"][mode]["routes"]["static file (whitenoise)"]["rps"]
        for mode in data["modes"]
    }
    header = f"{'route':<26}{'queries':>8}{'bytes':>8}" + "".join(
        f"{mode + ' r/s':>15}{'p50 ms':>8}{'p99 ms':>8}{'% static':>9}" for mode in data["modes"]
    )
    lines = [header, "-" * len(header)]
    for name, counted in data["routes"].items():
        line = f"{name:<26}{counted['uncached']['queries']:>8}{counted['uncached']['bytes']:>8}"
        for mode, result in data["modes"].items():
            timing = result["routes"][name]
            share = 100 * timing["rps"] / (static[mode] or 1)
            line += f"{timing['rps']:>15.0f}{timing['p50_ms']:>8.1f}{timing['p99_ms']:>8.1f}{share:>8.0f}%"
        lines.append(line)
    for mode, result in data["modes"].items():
        for number, workers in enumerate(result["memory"], start=1):
            peaks = ", ".join(f"{w['peak_mb']} MB (now {w['rss_mb']})" for w in workers)
            lines.append(f"{mode}, after pass {number}: worker peak RSS {peaks}")
    return "\n".join(lines)


def run(args, workdir):
    """Build the site in `workdir`, count each route's queries and bytes, then load it in both modes."""
    os.environ.update(site.environment(workdir, 0, cached=False))
    import django

    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404 route's warnings
    built = workdir / "built"
    if not built.exists():
        site.build(args.factor)
        built.touch()
    route_list = site.routes()
    data = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "factor": args.factor,
        "configuration": "postgresql, redis"
        if os.environ.get("BENCH_CACHE_URL")
        else "sqlite, local memory",
        "seconds_per_route": args.seconds,
        "connections": args.connections,
        "routes": {
            name: {
                "path": path,
                "uncached": site.queries_and_bytes(path, cached=False),
                "cached": site.queries_and_bytes(path, cached=True),
            }
            for name, path in route_list
        },
        "modes": {},
    }
    for mode, cached in (("uncached", False), ("cached", True)):
        results, memory = measure_mode(cached, workdir, route_list, args)
        data["modes"][mode] = {"routes": results, "memory": memory}
    return data


def main():
    args = arguments()
    started = time.monotonic()
    workdir = args.site or Path(tempfile.mkdtemp(prefix="cms-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    data = run(args, workdir.resolve())
    if not args.site:
        shutil.rmtree(workdir)  # kept, with gunicorn's logs, when something went wrong
    data["total_seconds"] = round(time.monotonic() - started)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, indent=2) + "\n")
    print(report(data))
    print(f"Written to {args.output} in {data['total_seconds']} s.")


if __name__ == "__main__":
    main()
