"""Failure pages: a database that is down gets a calm 503 with the crisis line, never a traceback."""

from contextlib import contextmanager

import pytest
from django.db import DatabaseError, connection

from tests.cms.factories import SiteSettingsFactory
from tests.cms.loopback import unused_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@contextmanager
def unreachable_database():
    """Point the database settings somewhere nothing answers, keeping the real connection aside."""
    saved_settings, saved_connection = dict(connection.settings_dict), connection.connection
    connection.connection = None
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = "/no-such-folder/site.sqlite3"
    else:
        connection.settings_dict.update(HOST="127.0.0.1", PORT=unused_port())
    try:
        yield
    finally:
        connection.settings_dict.update(saved_settings)
        connection.connection = saved_connection


@pytest.fixture
def visitor(client, settings):
    settings.DEBUG = False
    settings.WAGTAIL_SITE_NAME = "CONNECT for Mental Health"
    client.raise_request_exception = False
    return client


# "/en/" fails in the page view; "/en/favicon.ico" in the redirects middleware, after the view's 404.
@pytest.mark.parametrize("path", ["/en/", "/en/favicon.ico"])
def test_database_down_shows_503_with_organisation_and_crisis_line(visitor, home_page, path):
    with unreachable_database():
        response = visitor.get(path)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "Our website is not working right now" in html
    assert "CONNECT for Mental Health" in html
    assert "Call or text 9-8-8" in html and 'href="tel:988"' in html
    assert "Traceback" not in html and "OperationalError" not in html


def test_other_database_errors_stay_a_500_with_the_sites_own_details(
    visitor, home_page, monkeypatch
):
    SiteSettingsFactory(organisation_name="CONNECT Peer Support", crisis_notice="Call 9-8-8 now.")

    def broken_query(*args, **kwargs):
        raise DatabaseError("no such column: home_homepage.colour")

    monkeypatch.setattr("home.models.HomePage.serve", broken_query, raising=False)
    response = visitor.get("/en/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry, something went wrong on our side" in html
    assert "CONNECT Peer Support" in html and "Call 9-8-8 now." in html
    assert "no such column" not in html
