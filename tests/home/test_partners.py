"""The home page and /api/v3/partners/ show active partners, in display order."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from partners.models import Partner
from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import PartnerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partners_section(home_page):
    home_page.body = [("partners", {"heading": "CONNECT Partners"})]
    home_page.save_revision().publish()
    return home_page


def test_active_partners_show_in_display_order_with_linked_logos(client, partners_section):
    second = PartnerFactory(name="Second Partner", sort_order=2)
    first = PartnerFactory(name="First Partner", sort_order=1, logo_alt_text="First's logo")
    PartnerFactory(name="Hidden Partner", active=False)
    html = client.get("/en/").content.decode()
    assert "<h2>CONNECT Partners</h2>" in html
    assert html.index('alt="First&#x27;s logo"') < html.index('alt="Second Partner"')
    assert "Hidden Partner" not in html
    for partner in (first, second):
        assert f'<a href="{partner.url}" rel="noopener">' in html


def test_partner_without_logo_or_website_shows_its_name(client, partners_section):
    PartnerFactory(name="Plain Partner", logo=None, url="")
    html = client.get("/en/").content.decode()
    assert '<span class="partners__name">Plain Partner</span>' in html
    assert 'rel="noopener"' not in html


def test_section_is_left_out_while_no_partner_is_active(client, partners_section):
    PartnerFactory(active=False)
    assert "CONNECT Partners" not in client.get("/en/").content.decode()


def test_api_lists_active_partners_in_order_with_logo_renditions(client, db):
    later = PartnerFactory(name="Later", sort_order=5, logo=None)
    first = PartnerFactory(name="First", sort_order=1)
    PartnerFactory(name="Inactive", active=False)
    response = client.get("/api/v3/partners/")
    assert response.status_code == 200
    assert response.json()["count"] == 2
    data = response.json()["items"]
    assert [partner["name"] for partner in data] == ["First", "Later"]
    assert data[0]["url"] == first.url and data[0]["description"] == first.description
    logo = data[0]["logo"]
    assert logo["alt"] == "First"  # defaults to the partner's name
    assert set(logo["renditions"]) == {"small", "medium", "large"}
    assert logo["url"].startswith("http://localhost/media/images/")
    assert data[1]["logo"] is None and later.logo is None


def test_api_partners_page_through_with_limit_and_offset(client, db):
    for order in range(3):
        PartnerFactory(name=f"Partner {order}", sort_order=order)
    page = client.get("/api/v3/partners/", {"limit": 2, "offset": 1}).json()
    assert page["count"] == 3
    assert [partner["name"] for partner in page["items"]] == ["Partner 1", "Partner 2"]


def test_api_partners_refuse_a_limit_over_the_maximum_like_every_list(client, db):
    response = client.get("/api/v3/partners/", {"limit": 101})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "limit cannot be higher than 100"


def test_api_partners_route_and_its_maximum_are_in_the_openapi_document(client, db):
    operation = client.get("/api/v3/openapi.json").json()["paths"]["/api/v3/partners/"]["get"]
    (limit,) = [parameter for parameter in operation["parameters"] if parameter["name"] == "limit"]
    assert limit["schema"]["maximum"] == 100
    assert "1 to 100" in limit["description"]


def test_api_partners_rejects_unknown_query_parameters(client, db):
    response = client.get("/api/v3/partners/?colour=red")
    assert response.status_code == 400
    assert "colour" in response.content.decode()


def test_volunteer_adds_a_partner_in_the_admin_and_it_is_listed(admin_client, db):
    add = admin_client.post(
        "/admin/snippets/partners/partner/add/",
        {
            "name": "CMHA Ontario",
            "url": "https://ontario.cmha.ca/",
            "sort_order": "1",
            "active": "on",
        },
    )
    assert add.status_code == 302
    partner = Partner.objects.get()
    assert (partner.name, partner.logo_alt, partner.active) == (
        "CMHA Ontario",
        "CMHA Ontario",
        True,
    )
    listing = admin_client.get("/admin/snippets/partners/partner/?active=true")
    assert "CMHA Ontario" in listing.content.decode()


def test_partner_with_a_bad_website_is_refused_with_a_message(admin_client, db):
    response = admin_client.post(
        "/admin/snippets/partners/partner/add/", {"name": "Somewhere", "url": "not a web address"}
    )
    assert "Enter a valid URL." in response.content.decode()
    assert not Partner.objects.exists()


def test_home_page_api_gives_the_partners_section_with_its_partners(client, partners_section):
    PartnerFactory(name="Library", sort_order=2)
    PartnerFactory(name="Hospital", sort_order=1)
    PartnerFactory(name="Gone", active=False)
    page = client.get(f"/api/v3/pages/{partners_section.pk}/").json()
    (section,) = [block for block in page["body"] if block["type"] == "partners"]
    assert section["value"]["heading"] == "CONNECT Partners"
    assert [partner["name"] for partner in section["value"]["partners"]] == ["Hospital", "Library"]


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_cached_section_reads_no_partners_and_shows_an_edit_at_once(client, partners_section):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    partner = PartnerFactory(name="Western University")
    client.get("/en/")
    with CaptureQueriesContext(connection) as queries:
        assert "Western University" in client.get("/en/").content.decode()
    assert not [query for query in queries if "partners_partner" in query["sql"]]
    partner.name = "Western University Counselling"
    partner.logo = None
    partner.save()
    assert "Western University Counselling" in client.get("/en/").content.decode()


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
@pytest.mark.parametrize("address", ["/api/v3/partners/", "/api/v2/pages/{page}/"])
def test_api_reads_partners_once_and_shows_an_edit_at_once(client, partners_section, address):
    SiteSettingsFactory()
    partner = PartnerFactory(name="Western University")
    address = address.format(page=partners_section.pk)
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        assert "Western University" in client.get(address).content.decode()
    assert not [query for query in queries if "partners_partner" in query["sql"]]
    partner.active = False
    partner.save()
    assert "Western University" not in client.get(address).content.decode()
