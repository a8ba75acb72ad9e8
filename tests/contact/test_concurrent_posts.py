"""Fifty visitors sending a form at the same moment to a running server, through its page or
through the API: all fifty are stored, each once."""

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings

VISITORS = 50
THANKS = "Thank you for getting in touch."
# Django's threaded WSGI server (what runserver uses), with a listen backlog like production
# servers have: runserver's own backlog of 10 would refuse connections before Django sees them.
SERVER = """
import sys
from django.core.servers.basehttp import WSGIServer, run
from django.core.wsgi import get_wsgi_application

class Server(WSGIServer):
    request_queue_size = 128

run("127.0.0.1", int(sys.argv[1]), get_wsgi_application(), threading=True, server_cls=Server)
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(*args, env):
    subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=300,
    )


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return urllib.request.urlopen(url, timeout=5).status  # noqa: S310 (our own server)
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


@pytest.fixture
def running_site(tmp_path):
    """The seeded site served by a real, threaded server on a free loopback port."""
    port = free_port()
    database = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "connect_site.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "FORM_RATE_LIMIT": "1000/m",  # all fifty come from one address here
    }
    manage("migrate", "--noinput", env=env)
    manage("load_seed_content", "--port", str(port), env=env)
    server = subprocess.Popen(  # noqa: S603 (our own server script)
        [sys.executable, "-c", SERVER, str(port)],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/")
        yield f"http://127.0.0.1:{port}", database
    finally:
        os.kill(server.pid, signal.SIGTERM)
        server.wait(timeout=10)


def open_form(url):
    """The form's hidden fields, as a browser gets them (no cookie: the page is the same for all)."""
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own server)
        html = response.read().decode()
        assert "Set-Cookie" not in response.headers
    return dict(re.findall(r'name="(form_started)" value="([^"]+)"', html))


def send(url, hidden, number):
    answers = {
        **hidden,
        "homepage": "",
        "your_name": f"Visitor {number}",
        "email": f"visitor{number}@example.org",
        "how_should_we_reply": "By email",
        "your_question": f"Question number {number}",
    }
    data = urllib.parse.urlencode(answers).encode()
    request = urllib.request.Request(url, data=data)  # noqa: S310 (our own server)
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (our own server)
        return response.status, THANKS in response.read().decode()


def stored_questions(database):
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        questions = db.execute(
            "SELECT json_extract(form_data, '$.your_question') FROM wagtailforms_formsubmission"
        ).fetchall()
    return sorted(question for (question,) in questions)


def test_fifty_concurrent_posts_are_all_stored(running_site):
    base_url, database = running_site
    url = f"{base_url}/en/inquire/"
    hidden = open_form(url)
    time.sleep(settings.PEER_SUPPORT_FORM_MINIMUM_SECONDS)  # as a person would, reading the form

    with ThreadPoolExecutor(max_workers=VISITORS) as pool:
        results = list(pool.map(lambda n: send(url, hidden, n), range(VISITORS)))

    assert results == [(200, True)] * VISITORS
    assert stored_questions(database) == sorted(f"Question number {n}" for n in range(VISITORS))


def read_json(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (our own server)
        assert "Set-Cookie" not in response.headers
        return json.load(response)


def send_json(url, token, number):
    answers = {
        "your_name": f"Visitor {number}",
        "email": f"visitor{number}@example.org",
        "how_should_we_reply": "By email",
        "your_question": f"Question number {number}",
    }
    data = json.dumps({"answers": answers, "token": token, "honeypot": ""}).encode()
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 (our own server)
    with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (our own server)
        return response.status, json.load(response)["receipt"]


def test_fifty_concurrent_api_posts_are_each_stored_once(running_site):
    base_url, database = running_site
    pages = read_json(f"{base_url}/api/v3/pages/?type=contact.FormPage&slug=inquire")
    form = read_json(f"{base_url}/api/v3/forms/{pages['items'][0]['id']}/")
    time.sleep(settings.PEER_SUPPORT_FORM_MINIMUM_SECONDS)  # as a person would, filling it in
    url, token = base_url + form["submit_url"], form["protection"]["token"]

    with ThreadPoolExecutor(max_workers=VISITORS) as pool:
        results = list(pool.map(lambda n: send_json(url, token, n), range(VISITORS)))

    assert [status for status, _receipt in results] == [201] * VISITORS
    assert len({receipt for _status, receipt in results}) == VISITORS
    assert stored_questions(database) == sorted(f"Question number {n}" for n in range(VISITORS))
