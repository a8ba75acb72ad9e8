"""A worker killed mid-delivery loses nothing: the real database queue, real `db_worker`
processes (as `make run` and production start them), and a receiver that verifies each notice."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from tests.cms.webhook_receiver import Receiver

ROOT = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(autouse=True)
def noon_in_toronto():
    """The real clock: the worker processes sign with it, and the receiver checks it."""
    yield


def manage(env, *args):
    return subprocess.run(  # noqa: S603 (manage.py, our own arguments)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout


def start_worker(env):
    return subprocess.Popen(  # noqa: S603 (manage.py, our own arguments)
        [sys.executable, "manage.py", "db_worker", "--backend", "webhooks", "--no-reload"]
        + ["--no-startup-delay"]
        + ["--interval", "0.2"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, seconds=90):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.2)


@pytest.fixture
def site_env(tmp_path):
    """`make run`'s settings on a database of the test's own."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "connect_site.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "WEBHOOKS_ALLOW_PRIVATE_NETWORKS": "1",
        "WEBHOOKS_TIMEOUT": "2",
    }


def test_a_worker_killed_mid_delivery_loses_nothing(site_env, tmp_path):
    manage(site_env, "migrate", "--noinput")
    with Receiver() as receiver:
        receiver.secret = manage(site_env, "webhooks", "add", receiver.url).splitlines()[-1]
        manage(site_env, "webhooks", "test", receiver.url)
        receiver.hold.clear()  # the first attempt waits for an answer...
        first = start_worker(site_env)
        try:
            wait_for(lambda: receiver.received)
        finally:
            first.send_signal(signal.SIGKILL)  # ...and its worker dies meanwhile
            first.wait()
        receiver.hold.set()

        second = start_worker(site_env)
        try:
            wait_for(lambda: delivered(tmp_path / "db.sqlite3"))
        finally:
            second.terminate()
            second.wait(timeout=30)

    assert len(receiver.received) == 2
    assert all(payload and payload["type"] == "webhook.test" for _, payload in receiver.received)
    assert len({headers["webhook-id"] for headers, _ in receiver.received}) == 1


def delivered(database):
    with closing(sqlite3.connect(database)) as connection:
        rows = connection.execute("SELECT status, attempts FROM cms_delivery").fetchall()
    return rows == [("delivered", 1)]
