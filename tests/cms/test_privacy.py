"""Pages no view restriction applies to are remembered as such; any change that could restrict
them is seen on the very next view, and restricted pages are checked on every view."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(home_page, settings):
    settings.PEER_SUPPORT_PAGE_CACHE_TIMEOUT = (
        0  # the page itself is not cached: each view is served
    )
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    return ContentPageFactory(parent=home_page, title="About us", intro="Who we are.")


def view(client, page):
    """What an anonymous visitor gets: the page, or what Wagtail asks of them instead."""
    response = client.get(page.url)
    if response.status_code == 302:
        return "sign in"
    html = response.content.decode()
    if "/_util/authenticate_with_password/" in html:
        return "password"
    assert response.status_code == 200
    assert "Who we are." in html
    return "page"


def restrict(page, kind="password"):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, password="tea")


def restriction_reads(client, page):
    with CaptureQueriesContext(connection) as queries:
        seen = view(client, page)
    return seen, sum("wagtailcore_pageviewrestriction" in q["sql"] for q in queries)


def test_an_unrestricted_page_is_checked_once_per_content_version(client, about):
    seen, reads = restriction_reads(client, about)
    assert seen == "page" and reads >= 1
    assert restriction_reads(client, about) == ("page", 0)


def test_a_restriction_added_after_a_remembered_view_applies_at_once(client, about):
    view(client, about)
    view(client, about)
    restriction = restrict(about)
    assert view(client, about) == "password"
    restriction.delete()
    assert view(client, about) == "page"


def test_a_restriction_on_a_section_applies_at_once_to_its_pages(client, home_page, about):
    view(client, about)
    restrict(home_page, kind="login")
    assert view(client, about) == "sign in"


def test_a_page_moved_into_a_restricted_section_is_restricted_at_once(client, home_page, about):
    members = ContentPageFactory(parent=home_page, title="Members")
    restrict(members)
    view(client, about)
    about.move(members, pos="last-child")
    about.refresh_from_db()
    assert view(client, about) == "password"


def test_an_alias_is_restricted_at_once_when_its_source_is(client, home_page, about):
    elsewhere = ContentPageFactory(parent=home_page, title="Elsewhere")
    alias = about.create_alias(parent=elsewhere, update_slug="about-us-too")
    view(client, alias)
    restrict(about)
    assert view(client, alias) == "password"


def test_a_restricted_page_is_checked_on_every_view(client, about):
    restrict(about)
    view(client, about)
    assert restriction_reads(client, about) == ("password", 1)
    assert restriction_reads(client, about) == ("password", 1)
