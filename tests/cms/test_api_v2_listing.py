"""v2 listings remember each item until the content next changes, per choice of fields and type."""

import pytest
import wagtail_factories
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("home_page")]


@pytest.fixture(autouse=True)
def site_settings():
    # Made on first view otherwise, which moves the content version on.
    SiteSettingsFactory()


def get_items(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()["items"]


def read_while(call):
    with CaptureQueriesContext(connection) as queries:
        result = call()
    return result, " ".join(query["sql"] for query in queries)


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_remembered_pages_read_no_page_fields_and_show_an_edit_at_once(client, home_page):
    page = ContentPageFactory(parent=home_page, title="About us", intro="Who we are.")
    url = "/api/v2/pages/?type=home.ContentPage&fields=intro"
    get_items(client, url)
    items, read = read_while(lambda: get_items(client, url))
    assert [item["intro"] for item in items] == ["Who we are."]
    assert '"home_contentpage"."intro"' not in read
    page.intro = "Who we are, and why."
    page.save_revision().publish()
    assert [item["intro"] for item in get_items(client, url)] == ["Who we are, and why."]


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_remembered_images_read_no_tags_or_renditions(client):
    image = wagtail_factories.ImageFactory(title="Garden")
    image.tags.add("outdoors")
    get_items(client, "/api/v2/images/?fields=tags,renditions")
    items, read = read_while(lambda: get_items(client, "/api/v2/images/?fields=tags,renditions"))
    assert items[0]["meta"]["tags"] == ["outdoors"]
    assert set(items[0]["renditions"]) == {"small", "medium", "large"}
    assert "taggit_tag" not in read
    assert "wagtailimages_rendition" not in read


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_each_choice_of_fields_and_each_endpoint_has_its_own_items(client, home_page):
    page = ContentPageFactory(parent=home_page, title="About us", intro="Who we are.")
    image = wagtail_factories.ImageFactory(title="Garden")
    image.pk = page.pk  # an image and a page with the same id
    image.save()

    pages = get_items(client, "/api/v2/pages/")
    plain = get_items(client, "/api/v2/pages/?type=home.ContentPage")
    with_intro = get_items(client, "/api/v2/pages/?type=home.ContentPage&fields=intro")
    images = get_items(client, "/api/v2/images/")

    assert (page.pk, "About us") in [(item["id"], item["title"]) for item in pages]
    assert "intro" not in plain[0]
    assert with_intro[0]["intro"] == "Who we are."
    assert [(item["id"], item["title"]) for item in images if item["id"] == page.pk] == [
        (page.pk, "Garden")
    ]


def test_search_and_paging_still_work(client, home_page):
    for title in ("Art group", "Walking group", "Choir"):
        ContentPageFactory(parent=home_page, title=title)
    titles = [item["title"] for item in get_items(client, "/api/v2/pages/?type=home.ContentPage")]
    assert titles == ["Art group", "Walking group", "Choir"]
    second = get_items(client, "/api/v2/pages/?type=home.ContentPage&limit=1&offset=1")
    assert [item["title"] for item in second] == ["Walking group"]
    found = get_items(client, "/api/v2/pages/?search=walking")
    assert [item["title"] for item in found] == ["Walking group"]
    by_title = get_items(client, "/api/v2/pages/?type=home.ContentPage&order=-title")
    assert [item["title"] for item in by_title] == ["Walking group", "Choir", "Art group"]
