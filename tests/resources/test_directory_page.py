"""Visitors filter, search and page through the directory, and open one resource's page."""

import html as entities
import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from resources.models import ResourceIndexPage
from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import home_page_as_site_root, translated
from tests.resources.factories import (
    ResourceFactory,
    ResourceIndexPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    return ResourceIndexPageFactory(parent=home_page)


@pytest.fixture
def listed(directory):
    """Four resources across categories and languages."""
    ResourceFactory(name="Family Initiatives", categories=["family"], languages=["en"])
    ResourceFactory(
        name="Mood Disorders Association",
        short_description="Support for people with depression and their families.",
        categories=["family", "mood disorders"],
        languages=["en", "fr"],
    )
    ResourceFactory(name="Réseau francophone", categories=["advocacy"], languages=["fr"])
    ResourceFactory(name="Empowerment Council", categories=["advocacy"], languages=["en"])


def names_on(client, url):
    """The page's HTML, and the names it lists in order (as shown, with or without a lang)."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    shown = re.findall(r'<h3><a href="[^"]*">(?:<span lang="en">)?(.*?)(?:</span>)?</a></h3>', html)
    return html, [entities.unescape(name) for name in shown]


class DirectoryPageTreeTests(WagtailPageTestCase):
    def test_directory_lives_once_under_the_home_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, set())
        home = home_page_as_site_root(slug="welcome")
        self.assertCanCreateAt(HomePage, ResourceIndexPage)
        ResourceIndexPageFactory(parent=home)
        self.assertFalse(ResourceIndexPage.can_create_at(home))

    def test_directory_and_resource_pages_are_routable_and_render(self):
        directory = ResourceIndexPageFactory(parent=home_page_as_site_root(slug="welcome"))
        resource = ResourceFactory(name="Empowerment Council")
        # Wagtail's assertPageIsRoutable does not expect the language prefix (/en/): a visit does.
        self.assertEqual(self.client.get(directory.url).status_code, 200)
        self.assertEqual(self.client.get(f"{directory.url}{resource.slug}/").status_code, 200)
        self.assertPageIsRenderable(directory)
        self.assertPageIsRenderable(directory, f"{resource.slug}/")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "",
            [
                "Empowerment Council",
                "Family Initiatives",
                "Mood Disorders Association",
                "Réseau francophone",
            ],
        ),
        ("?category=family", ["Family Initiatives", "Mood Disorders Association"]),
        ("?language=fr", ["Mood Disorders Association", "Réseau francophone"]),
        ("?category=family&language=fr", ["Mood Disorders Association"]),
        ("?category=advocacy&language=en", ["Empowerment Council"]),
        ("?search=depression", ["Mood Disorders Association"]),
        ("?search=advocacy", ["Empowerment Council", "Réseau francophone"]),
        ("?search=council&category=advocacy", ["Empowerment Council"]),
        ("?search=empower", ["Empowerment Council"]),
        ("?search=families&language=fr&category=mood-disorders", ["Mood Disorders Association"]),
    ],
)
def test_filters_and_search_combine(client, listed, query, expected):
    html, names = names_on(client, f"/en/resources/{query}")
    assert names == expected
    count = len(expected)
    assert f'<h2 id="results-heading">{count} resource{"s" if count != 1 else ""}</h2>' in html


def test_chosen_filters_stay_in_the_form(client, listed):
    html, _ = names_on(client, "/en/resources/?category=family&language=fr&search=mood")
    assert '<option value="family" selected>family</option>' in html
    assert '<option value="fr" selected>French</option>' in html
    assert 'name="search" value="mood"' in html


@pytest.mark.parametrize("prefix", ["/en/", "/fr/"])
def test_services_offered_in_french_filter_in_both_languages(client, directory, listed, prefix):
    translated(directory.get_parent().specific)
    translated(directory, title="Ressources")
    html, names = names_on(client, f"{prefix}resources/?language=fr")
    assert names == ["Mood Disorders Association", "Réseau francophone"]
    french, label = (
        ("français", "Toutes les langues") if prefix == "/fr/" else ("French", "Any language")
    )
    assert f'<option value="fr" selected>{french}</option>' in html
    assert f'<option value="">{label}</option>' in html


def test_no_results_says_so_and_offers_a_reset(client, listed):
    html, names = names_on(client, "/en/resources/?category=advocacy&search=depression")
    assert names == []
    assert "No resources match these filters." in html
    assert '<a href="/en/resources/">Clear the filters and see every resource</a>' in html


def test_unknown_category_or_language_is_explained_not_an_error(client, listed):
    html, names = names_on(client, "/en/resources/?category=nonsense")
    assert names == []
    assert "There is no category &#x27;nonsense&#x27;. Choose one from the list above." in html
    html, _ = names_on(client, "/en/resources/?language=xx")
    assert "There is no language &#x27;xx&#x27;." in html


@pytest.mark.parametrize(
    "search", ['"', 'a"b', "(", "*", "NEAR(", "a:b", "^", "-", "\x00", "x" * 500]
)
def test_search_syntax_characters_never_break_the_page(client, listed, search):
    assert client.get("/en/resources/", {"search": search}).status_code == 200


@pytest.fixture
def many(directory):
    for number in range(25):
        ResourceFactory(name=f"Group {number:02d}", categories=["family"])


@pytest.mark.parametrize(
    ("page", "first", "last"),
    [("1", "Group 00", "Group 19"), ("2", "Group 20", "Group 24"), ("0", "Group 00", "Group 19")],
)
def test_pages_of_twenty_and_out_of_range_numbers_fall_back(client, many, page, first, last):
    _, names = names_on(client, f"/en/resources/?page={page}")
    assert (names[0], names[-1]) == (first, last)


@pytest.mark.parametrize(
    ("page", "first"),
    [("99999", "Group 20"), ("abc", "Group 00"), ("-1", "Group 00"), ("1.5", "Group 00")],
)
def test_nonsense_page_numbers_show_a_page_not_an_error(client, many, page, first):
    _, names = names_on(client, f"/en/resources/?page={page}")
    assert names[0] == first


def test_page_links_keep_the_filters(client, many):
    html, _ = names_on(client, "/en/resources/?category=family&search=group")
    assert 'href="?category=family&amp;search=group&amp;page=2" rel="next"' in html
    assert "Page 1 of 2" in html


def test_resource_page_has_call_and_email_links_address_and_last_checked(client, directory):
    resource = ResourceFactory(
        name="Ontario Council of Alternative Businesses",
        email="info@example.org",
        website="https://example.org/",
        street_address="1499 Queen Street West",
        unit="Suite 203",
        city="Toronto",
        postal_code="M6R 1A3",
        last_verified="2026-03-02",
        phones=[
            {"label": "Toll-free", "number": "1-866-504-1693"},
            {"label": "Office", "number": "416-633-9420", "extension": "6969"},
        ],
    )
    html = client.get(f"/en/resources/{resource.slug}/").content.decode()
    assert "<h1>Ontario Council of Alternative Businesses</h1>" in html
    assert 'Toll-free: <a href="tel:+1-866-504-1693">1-866-504-1693</a>' in html
    assert 'Office: <a href="tel:+1-416-633-9420;ext=6969">416-633-9420</a> ext. 6969' in html
    assert '<a href="mailto:info@example.org">info@example.org</a>' in html
    assert "<address>1499 Queen Street West, Suite 203<br>Toronto, ON M6R 1A3</address>" in html
    assert '<time datetime="2026-03-02">Monday, March 2, 2026</time>' in html
    crumbs = html.split('<nav class="breadcrumbs"')[1].split("</nav>")[0]
    assert '<li><a href="/en/">Home</a></li>' in crumbs
    assert '<li><a href="/en/resources/">Resources</a></li>' in crumbs
    assert f'<a href="/en/resources/{resource.slug}/" aria-current="page">' in crumbs


def test_unchecked_resource_page_asks_visitors_to_confirm(client, directory):
    resource = ResourceFactory(last_verified=None, street_address="", city="", postal_code="")
    html = client.get(f"/en/resources/{resource.slug}/").content.decode()
    assert "Not checked yet: please confirm details with the organisation." in html
    assert "<address>" not in html


def test_unknown_resource_is_not_found(client, directory):
    assert client.get("/en/resources/no-such-resource/").status_code == 404


def test_intro_blocks_and_references_render(client, home_page):
    directory = ResourceIndexPageFactory(parent=home_page)
    directory.intro = [
        ("paragraph", "<p>Self-help helps.[1]</p>"),
        ("references", {"heading": "References", "references": ["<p>CMHA (2004)</p>"]}),
    ]
    directory.save_revision().publish()
    html = client.get("/en/resources/").content.decode()
    assert '<a href="#ref-1" id="cite-1">' in html
    assert '<li id="ref-1">' in html


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_remembered_entries_and_filters_read_nothing_and_show_an_edit_at_once(client, directory):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    resource = ResourceFactory(
        name="Distress Centre",
        languages=["en", "fr"],
        categories=["crisis"],
        phones=[{"label": "Crisis line", "number": "519-433-2023"}],
    )
    client.get("/en/resources/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/resources/").content.decode()
    assert ">Distress Centre</a></h3>" in html and 'href="tel:+1-519-433-2023"' in html
    assert "English, French" in html and "· crisis" in html
    assert not [
        q for q in queries if "resources_phonenumber" in q["sql"] or "taggit_tag" in q["sql"]
    ]
    resource.phone_numbers.all().delete()
    resource.phone_numbers.create(label="Crisis line", number="519-433-2024")
    resource.name = "Distress Centre London"
    resource.categories.add("warmline")
    resource.save()
    html = client.get("/en/resources/").content.decode()
    assert ">Distress Centre London</a></h3>" in html and 'href="tel:+1-519-433-2024"' in html
    assert '<option value="warmline">warmline</option>' in html  # the remembered filter list too
