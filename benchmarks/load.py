"""Gunicorn under load: start and stop it, drive it with wrk, read its workers' memory."""

import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

WRK_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env, log_path):
    """Gunicorn with the project's own gunicorn.conf.py; returns once it answers."""
    server = subprocess.Popen(  # noqa: S603
        [".venv/bin/gunicorn", "--config", "gunicorn.conf.py", "connect_site.wsgi"],
        env=env,
        stdout=log_path.open("w"),
        stderr=subprocess.STDOUT,
    )
    host, port = env["GUNICORN_BIND"].split(":")
    for _ in range(300):
        try:
            socket.create_connection((host, int(port)), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError(f"gunicorn did not start; see {log_path}")


def stop(server):
    server.send_signal(signal.SIGQUIT)  # gunicorn's quick shutdown
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def fetch(url):
    """One plain request, to warm a route before it is measured; the status code."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (loopback only)
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def wrk(url, seconds, connections):
    """Requests per second and p50/p99 latency (ms) at `connections` concurrent connections."""
    output = subprocess.run(  # noqa: S603
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", "--latency", url],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    latency = {
        percent: float(value) * WRK_UNITS_MS[unit]
        for percent, value, unit in re.findall(
            r"^\s+(50|99)%\s+([\d.]+)(us|ms|s|m)\s*$", output, re.M
        )
    }
    if len(latency) < 2:
        raise RuntimeError(f"wrk measured nothing at {url}:\n{output}")
    errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": round(latency["50"], 2),
        "p99_ms": round(latency["99"], 2),
        "socket_errors": errors.group(1) if errors else "",
    }


def worker_memory(server):
    """Peak and current resident memory (MB) of each of gunicorn's worker processes."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    workers = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        kb = dict(re.findall(r"^(VmHWM|VmRSS):\s+(\d+) kB", status, re.M))
        workers.append(
            {
                "pid": int(pid),
                "peak_mb": int(kb["VmHWM"]) // 1024,
                "rss_mb": int(kb["VmRSS"]) // 1024,
            }
        )
    return workers
