"""Any content page can list one category's resources from the directory."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import ContentPage
from tests.home.factories import ContentPageFactory
from tests.resources.factories import ResourceFactory, ResourceIndexPageFactory

pytestmark = pytest.mark.django_db


def page_listing(home_page, category, count=2, heading="Support for families"):
    page = ContentPageFactory(parent=home_page, slug="families")
    page.body = [("resources", {"heading": heading, "category": category, "count": count})]
    page.save_revision().publish()
    return page


@pytest.fixture
def families(home_page):
    ResourceIndexPageFactory(parent=home_page)
    for name in ("Alpha Families", "Beta Families", "Gamma Families"):
        ResourceFactory(name=name, categories=["family"])
    ResourceFactory(name="Advocates", categories=["advocacy"])


def test_block_lists_the_first_resources_of_a_category_and_links_to_the_rest(
    client, home_page, families
):
    html = client.get(page_listing(home_page, "family").url).content.decode()
    assert "<h2>Support for families</h2>" in html
    assert '<a href="/en/resources/alpha-families/">Alpha Families</a>' in html
    assert "Beta Families" in html and "Gamma Families" not in html and "Advocates" not in html
    assert (
        '<a href="/en/resources/?category=family">See all 3 resources in this category</a>' in html
    )


def test_category_left_without_resources_says_so(client, home_page, families):
    html = client.get(page_listing(home_page, "no-longer-used").url).content.decode()
    assert "There are no resources in this category at this time." in html


def test_block_shows_nothing_without_a_directory_page(client, home_page):
    ResourceFactory(name="Alpha Families", categories=["family"])
    html = client.get(page_listing(home_page, "family").url).content.decode()
    assert "Support for families" not in html and "Alpha Families" not in html


def test_editors_choose_the_category_from_those_in_use(admin_client, home_page, families):
    data = nested_form_data(
        {
            "title": "Families",
            "slug": "families",
            "intro": "",
            "body": streamfield(
                [("resources", {"heading": "", "category": "family", "count": "4"})]
            ),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", home_page.pk))
    assert admin_client.post(url, data).status_code == 302
    block = ContentPage.objects.get(slug="families").body[0]
    assert (block.block_type, block.value["category"], block.value["count"]) == (
        "resources",
        "family",
        4,
    )

    data["body-0-value-category"] = "cooking"
    data["slug"] = "cooking"
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert not ContentPage.objects.filter(slug="cooking").exists()
