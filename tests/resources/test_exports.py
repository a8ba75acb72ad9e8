"""Exports: a spreadsheet-safe CSV and Open Referral HSDS 3.1 organizations with stable ids."""

import csv
import io
import uuid

import pytest

from resources.exports import csv_response
from resources.hsds.records import hsds_document
from resources.models import Resource
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ocab():
    return ResourceFactory(
        name="Ontario Council of Alternative Businesses",
        short_description="Supports alternative businesses.",
        description="<p>Run by consumer/survivors.</p><p>Website under development.</p>",
        website="https://example.org/",
        email="info@example.org",
        street_address="1499 Queen Street West",
        unit="Suite 203",
        city="Toronto",
        postal_code="M6R 1A3",
        service_area="Ontario",
        peer_run=True,
        last_verified="2026-03-02",
        categories=["alternative businesses", "employment"],
        languages=["en", "fr"],
        phones=[
            {"label": "Toll-free", "number": "1-866-504-1693"},
            {"label": "Office", "number": "416-633-9420", "extension": "6969"},
        ],
    )


def is_uuid(value):
    return str(uuid.UUID(value)) == value


def export(resources=None):
    return hsds_document(Resource.objects.with_details() if resources is None else resources)


def test_hsds_document_is_a_page_of_organizations():
    ResourceFactory()
    document = export()
    assert {k: v for k, v in document.items() if k != "contents"} == {
        "total_items": 1,
        "total_pages": 1,
        "page_number": 1,
        "size": 1,
        "first_page": True,
        "last_page": True,
        "empty": False,
    }
    assert export(Resource.objects.none())["empty"] is True


def test_hsds_organization_nests_its_service_location_and_phones(ocab):
    organization = export()["contents"][0]
    assert organization["id"] == str(ocab.uuid)
    assert organization["name"] == "Ontario Council of Alternative Businesses"
    assert organization["description"] == "Supports alternative businesses."
    assert organization["website"] == "https://example.org/"
    assert organization["email"] == "info@example.org"

    [service] = organization["services"]
    assert service["organization_id"] == organization["id"]
    assert service["status"] == "active"
    assert (
        service["description"]
        == "<p>Run by consumer/survivors.</p><p>Website under development.</p>"
    )
    assert str(service["assured_date"]) == "2026-03-02"
    assert [
        (p["number"], p.get("extension"), p["description"], p["type"]) for p in service["phones"]
    ] == [
        ("+18665041693", None, "Toll-free", "voice"),
        ("+14166339420", 6969, "Office", "voice"),
    ]
    assert [(lang["code"], lang["name"]) for lang in service["languages"]] == [
        ("en", "English"),
        ("fr", "French"),
    ]
    assert [area["name"] for area in service["service_areas"]] == ["Ontario"]
    terms = [a["taxonomy_term"]["code"] for a in service["attributes"]]
    assert terms == ["alternative-businesses", "employment", "peer-run"]

    [location] = organization["locations"]
    assert location["location_type"] == "physical"
    assert location["addresses"] == [
        {
            "id": location["addresses"][0]["id"],
            "location_id": location["id"],
            "address_1": "1499 Queen Street West",
            "address_2": "Suite 203",
            "city": "Toronto",
            "state_province": "ON",
            "postal_code": "M6R 1A3",
            "country": "CA",
            "address_type": "physical",
        }
    ]
    assert service["service_at_locations"][0]["location_id"] == location["id"]


def test_hsds_ids_are_uuids_unique_and_the_same_in_every_export(ocab):
    first, second = export(), export()
    assert first["contents"][0]["services"][0]["id"] == second["contents"][0]["services"][0]["id"]
    ids = []

    def collect(value):
        if isinstance(value, dict):
            ids.extend(v for k, v in value.items() if k == "id")
            for v in value.values():
                collect(v)
        elif isinstance(value, list):
            for v in value:
                collect(v)

    collect(first["contents"])
    assert all(is_uuid(i) for i in ids)
    assert len(ids) == len(set(ids)) == 16


def test_same_category_has_the_same_taxonomy_term_on_every_resource():
    ResourceFactory(categories=["family"])
    ResourceFactory(categories=["family"])
    terms = {
        org["services"][0]["attributes"][0]["taxonomy_term"]["id"] for org in export()["contents"]
    }
    assert len(terms) == 1


def test_what_a_resource_lacks_is_left_out_not_null():
    ResourceFactory(website="", email="", last_verified=None, phones=[{"number": "519-555-0100"}])
    organization = export()["contents"][0]
    [service] = organization["services"]
    assert not {"email", "website"} & set(organization)
    assert not {"email", "url", "assured_date"} & set(service)
    assert "extension" not in service["phones"][0]


def test_online_only_resource_has_no_location():
    ResourceFactory(street_address="", city="", postal_code="", service_area="")
    organization = export()["contents"][0]
    assert organization["locations"] == []
    assert organization["services"][0]["service_at_locations"] == []
    assert organization["services"][0]["service_areas"] == []


def test_csv_has_a_header_and_one_plain_text_row_per_resource(ocab):
    rows = list(
        csv.reader(io.StringIO(csv_response(Resource.objects.with_details()).content.decode()))
    )
    header, row = rows
    values = dict(zip(header, row, strict=True))
    assert values["description"] == "Run by consumer/survivors.\nWebsite under development."
    assert values["phones"] == "Toll-free: 1-866-504-1693; Office: 416-633-9420 ext. 6969"
    assert values["languages"] == "English, French"
    assert values["categories"] == "alternative businesses, employment"
    assert (values["peer_run"], values["last_verified"], values["postal_code"]) == (
        "yes",
        "2026-03-02",
        "M6R 1A3",
    )


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    ResourceFactory(name="=HYPERLINK(1)", short_description="@SUM(A1)")
    rows = list(
        csv.DictReader(io.StringIO(csv_response(Resource.objects.with_details()).content.decode()))
    )
    assert (rows[0]["name"], rows[0]["short_description"]) == ("'=HYPERLINK(1)", "'@SUM(A1)")
