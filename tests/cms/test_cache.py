"""The shared cache: Redis when configured, menu and footer fragments renewed on change, never a 500."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from cms.models import SiteSettings
from connect_site.settings import services
from tests.cms.factories import SiteSettingsFactory
from tests.cms.loopback import unused_port
from tests.contact.factories import NewsletterPageFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


def menu_page(parent, title):
    """A published page shown in the main menu."""
    page = ContentPageFactory(parent=parent, title=title, show_in_menus=True, live=False)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def menu_html(client):
    html = client.get("/en/").content.decode()
    return html.split('<nav class="main-menu"')[1].split("</nav>")[0]


def test_no_cache_url_means_local_memory():
    assert services.caches(None)["default"]["BACKEND"].endswith("LocMemCache")


def test_cache_url_must_be_redis():
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL must start with redis://"):
        services.caches("memcached://127.0.0.1:11211")


def test_menu_stays_cached_until_a_page_is_published(client, home_page):
    SiteSettingsFactory()  # made on a first visit otherwise, which is itself a change
    first = menu_page(home_page, "Drop-in groups")
    assert "Drop-in groups" in menu_html(client)
    Page.objects.filter(pk=first.pk).update(title="Renamed quietly")
    assert "Drop-in groups" in menu_html(client)  # served from the cache
    menu_page(home_page, "Family support")
    menu = menu_html(client)
    assert "Family support" in menu and "Renamed quietly" in menu


def test_menu_is_renewed_when_a_page_is_unpublished_moved_or_deleted(client, home_page):
    groups, family, youth = (menu_page(home_page, t) for t in ("Groups", "Family", "Youth"))
    assert all(title in menu_html(client) for title in ("Groups", "Family", "Youth"))
    groups.unpublish()
    assert "Groups" not in menu_html(client)
    family.move(youth, pos="last-child")
    assert "Family" not in menu_html(client)
    youth.delete()
    assert "Youth" not in menu_html(client)


def test_menu_marks_the_current_page_on_every_page_despite_caching(client, home_page):
    groups, family = menu_page(home_page, "Groups"), menu_page(home_page, "Family")
    for page in (groups, family, groups):
        html = client.get(page.url).content.decode()
        assert f'<a href="{page.url}" aria-current="page">' in html


def test_footer_is_renewed_when_site_settings_are_saved(client, home_page):
    SiteSettingsFactory(organisation_name="CONNECT for Mental Health")
    assert "CONNECT for Mental Health" in client.get("/en/").content.decode()
    SiteSettings.objects.update(organisation_name="Changed quietly")
    assert "<strong>CONNECT for Mental Health</strong>" in client.get("/en/").content.decode()
    settings_row = SiteSettings.objects.get()
    settings_row.organisation_name = "CONNECT Peer Support"
    settings_row.save()
    assert "<strong>CONNECT Peer Support</strong>" in client.get("/en/").content.decode()


def test_footer_signup_form_carries_no_csrf_token_so_no_visitor_gets_anothers(home_page):
    """Pages are cached for everyone: the signup posts to a CSRF-exempt view (contact/views.py)."""
    NewsletterPageFactory(parent=home_page)
    html = Client().get("/en/").content.decode()
    footer = html[html.index("<footer") :]
    assert 'action="/en/newsletter-signup/"' in footer
    assert "csrfmiddlewaretoken" not in footer


def test_pages_are_cached_in_redis_and_renewed_on_publish(redis_cache, client, home_page):
    menu_page(home_page, "Drop-in groups")
    assert "Drop-in groups" in menu_html(client)
    assert redis_cache._cache.get_client().keys(f"{redis_cache.key_prefix}*fragment:main_menu*")
    menu_page(home_page, "Family support")
    assert "Family support" in menu_html(client)


def test_a_cache_that_is_down_serves_pages_uncached(settings, client, home_page, caplog):
    settings.CACHES = services.caches(f"redis://127.0.0.1:{unused_port()}/0")
    menu_page(home_page, "Drop-in groups")
    response = client.get("/en/")
    assert response.status_code == 200
    assert "Drop-in groups" in menu_html(client)
    assert "Cache unavailable, serving without it" in caplog.text


def test_every_cache_operation_answers_as_a_miss_while_redis_is_down(settings):
    settings.CACHES = services.caches(f"redis://127.0.0.1:{unused_port()}/0")
    cache.set("visits", 1)
    assert cache.get("visits", "missing") == "missing"
    assert cache.add("visits", 1) is False
    assert cache.get_many(["visits"]) == {}
    with pytest.raises(ValueError, match="not found"):
        cache.incr("visits")
    assert cache.delete("visits") is False


def test_each_host_gets_its_own_site(client, home_page, settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    other_home = ContentPageFactory(parent=home_page, title="Other site home")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    assert "Other site home" in client.get("/en/", HTTP_HOST="other.example").content.decode()
    assert "Other site home" not in client.get("/en/").content.decode()


def page_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, [
        q["sql"] for q in queries if 'FROM "wagtailcore_page"' in q["sql"]
    ]


def test_where_an_address_leads_is_found_once_until_the_content_changes(client, home_page):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    page = ContentPageFactory(parent=home_page, title="About us", slug="about")
    page_queries(client, "/en/about/")
    status, queries = page_queries(client, "/en/about/")
    assert status == 200
    assert not [sql for sql in queries if '"wagtailcore_page"."slug" =' in sql]
    page.slug = "who-we-are"
    page.save_revision().publish()
    assert page_queries(client, "/en/about/")[0] == 404
    assert page_queries(client, "/en/who-we-are/")[0] == 200
    page.unpublish()
    assert page_queries(client, "/en/who-we-are/")[0] == 404
