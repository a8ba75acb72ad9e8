"""Redirects editors make (Settings › Redirects) answer old addresses; other not-found addresses
cost no redirect lookup."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.redirects.models import Redirect

pytestmark = pytest.mark.django_db


def redirect(old_path, link):
    return Redirect.objects.create(old_path=Redirect.normalise_path(old_path), redirect_link=link)


@pytest.mark.parametrize(
    ("old_path", "visited"),
    [
        ("/en/old-about/", "/en/old-about/"),
        ("/en/old-about/", "/en/old-about/?utm_source=newsletter"),  # the path alone matches
        ("/en/groups?day=tuesday", "/en/groups?day=tuesday"),
        ("/fr/événements/", "/fr/%C3%A9v%C3%A9nements/"),
    ],
)
def test_an_old_address_redirects(client, home_page, old_path, visited):
    redirect(old_path, "/en/events/")
    response = client.get(visited)
    assert response.status_code == 301
    assert response["Location"] == "/en/events/"


def test_a_redirect_made_after_a_visit_applies_at_once(client, home_page):
    assert client.get("/en/old-about/").status_code == 404
    redirect("/en/old-about/", "/en/events/")
    assert client.get("/en/old-about/").status_code == 301
    Redirect.objects.all().delete()
    assert client.get("/en/old-about/").status_code == 404


def test_a_not_found_address_no_redirect_names_reads_neither_the_site_nor_redirects(
    client, home_page
):
    redirect("/en/old-about/", "/en/events/")
    for _ in range(2):  # the first visit makes the site's settings, which moves the version
        client.get("/en/no-such-page/")
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/en/no-such-page/").status_code == 404
    read = " ".join(query["sql"] for query in queries)
    assert "wagtailredirects_redirect" not in read and "wagtailcore_site" not in read
