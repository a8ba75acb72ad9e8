"""Publishing a page purges it from the CDN or caching proxy (Wagtail's frontend cache), when configured."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from connect_site.settings import services
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def caching_proxy():
    """A loopback HTTP server that records the PURGE requests it receives."""
    purged = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
            purged.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", purged
    server.shutdown()
    server.server_close()


def test_no_frontend_cache_unless_configured(monkeypatch):
    for name in (
        "FRONTEND_CACHE_PURGE_URL",
        "CLOUDFLARE_ZONE_ID",
        "AWS_CLOUDFRONT_DISTRIBUTION_ID",
    ):
        monkeypatch.delenv(name, raising=False)
    assert services.frontend_cache() == {}


def test_publishing_a_page_purges_its_url_from_the_caching_proxy(
    caching_proxy, settings, monkeypatch, home_page, django_capture_on_commit_callbacks
):
    location, purged = caching_proxy
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", location)
    settings.WAGTAILFRONTENDCACHE = services.frontend_cache()
    page = ContentPageFactory(parent=home_page, slug="drop-in-groups", live=False)
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert "/en/drop-in-groups/" in purged
