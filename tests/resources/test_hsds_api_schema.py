"""Every record of every HSDS API route validates strictly against the official HSDS 3.1 API
reference's schemas (no property it does not define, no null), as the export does."""

import io

import pytest
from django.core.management import call_command

from tests.resources.factories import ResourceFactory, bare_resource
from tests.resources.hsds_standard import component_errors, reference

pytestmark = pytest.mark.django_db
API = "/api/hsds"
# Each list (and variant), the schema of its records, and the detail route of each record with
# that route's schema, as the reference's paths name them.
LISTS = [
    ("/services", {}, "hsds_service_list", "/services/{}", "hsds_service"),
    ("/services", {"minimal": "true"}, "hsds_service_list", None, None),
    ("/services", {"full": "true"}, "hsds_service", None, None),
    ("/organizations", {}, "hsds_organization_list", "/organizations/{}", "hsds_organization"),
    ("/organizations", {"full": "true"}, "hsds_organization", None, None),
    ("/organizations", {"full_service": "true"}, "hsds_organization", None, None),
    ("/taxonomies", {}, "hsds_taxonomy", "/taxonomies/{}", "hsds_taxonomy"),
    ("/taxonomy_terms", {}, "hsds_taxonomy_term", "/taxonomy_terms/{}", "hsds_taxonomy_term"),
    (
        "/service_at_locations",
        {},
        "hsds_service_at_location_list",
        "/service_at_locations/{}",
        "hsds_service",
    ),
    ("/service_at_locations", {"full": "true"}, "hsds_service_at_location_list", None, None),
]


def nulls(value, path=""):
    """Where the value holds a null."""
    if isinstance(value, dict):
        return [p for key, each in value.items() for p in nulls(each, f"{path}/{key}")]
    if isinstance(value, list):
        return [p for index, each in enumerate(value) for p in nulls(each, f"{path}/{index}")]
    return [path] if value is None else []


def walk(client, path, query):
    """Every record of a list, page by page, each page's envelope checked against Page."""
    page_number, errors, records = 1, [], []
    while True:
        response = client.get(f"{API}{path}", {**query, "page": page_number, "per_page": 7})
        assert response.status_code == 200, response.content
        page = response.json()
        envelope = {key: value for key, value in page.items() if key != "contents"}
        errors += component_errors("Page", envelope) + nulls(envelope)
        assert set(envelope) == set(reference()["components"]["schemas"]["Page"]["properties"])
        records += page["contents"]
        if page["last_page"]:
            assert len(records) == page["total_items"]
            return records, errors
        page_number += 1


def errors_in_api(client):
    errors = []
    for path, query, schema, detail_path, detail_schema in LISTS:
        records, page_errors = walk(client, path, query)
        assert records, path
        errors += page_errors
        for record in records:
            errors += component_errors(schema, record) + nulls(record, f"{path} {record['id']}")
            if detail_path:
                response = client.get(f"{API}{detail_path.format(record['id'])}")
                assert response.status_code == 200, response.content
                answer = response.json()
                errors += component_errors(detail_schema, answer) + nulls(answer, detail_path)
    return errors


def test_every_record_of_every_route_validates_strictly(client):
    call_command("load_seed_content", stdout=io.StringIO())
    ResourceFactory(
        name="Peer Business Council",
        website="https://example.org/",
        email="info@example.org",
        unit="Suite 203",
        peer_run=True,
        categories=["alternative businesses", "peer support", "OCD"],
        languages=["en", "fr"],
        phones=[{"label": "Office", "number": "416-633-9420", "extension": "6969"}],
    )
    bare_resource()
    errors = errors_in_api(client)
    assert not errors, "\n".join(errors)
