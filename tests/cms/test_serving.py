"""Serving with gunicorn: workers sized from the CPU count, and access logs that keep searches private."""

import gc
import http.client
import os
import runpy
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings

from tests.cms.loopback import unused_port

CONFIG = Path(settings.BASE_DIR) / "gunicorn.conf.py"


def test_workers_are_two_per_core_plus_one_unless_set(monkeypatch):
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    monkeypatch.setattr("multiprocessing.cpu_count", lambda: 4)
    assert runpy.run_path(str(CONFIG))["workers"] == 9
    monkeypatch.setenv("WEB_CONCURRENCY", "3")
    assert runpy.run_path(str(CONFIG))["workers"] == 3


def test_workers_are_forked_with_what_was_loaded_frozen_from_collection():
    try:
        runpy.run_path(str(CONFIG))["pre_fork"](server=None, worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def wait_until_listening(port, server):
    for _ in range(200):
        if server.poll() is not None:
            pytest.fail(f"gunicorn stopped: {server.communicate()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    pytest.fail("gunicorn did not start")


def test_gunicorn_serves_production_settings_and_logs_paths_without_query_strings(tmp_path):
    port = unused_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "connect_site.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
    }
    command = [sys.executable, "-m", "gunicorn", "--config", str(CONFIG), "connect_site.wsgi"]
    server = subprocess.Popen(  # noqa: S603
        command, cwd=settings.BASE_DIR, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        wait_until_listening(port, server)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/search/?query=feeling+hopeless", headers={"Referer": "/?q=secret"})
        response = conn.getresponse()
        assert response.status == 301  # to HTTPS: production settings are in force
        assert (
            response.getheader("Location")
            == f"https://127.0.0.1:{port}/search/?query=feeling+hopeless"
        )
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0].decode()
    assert '"GET /search/ HTTP/1.1" 301' in log
    assert "hopeless" not in log and "secret" not in log
