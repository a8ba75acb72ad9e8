"""/api/hsds/: the directory through the HSDS 3.1 API, the same records as the HSDS export."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from resources.hsds.records import PEER_RUN, TAXONOMY_ID, child_id, term_id
from resources.models import Resource
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db
API = "/api/hsds"


@pytest.fixture
def directory():
    """Three resources: two in London, one online only; one run by peers."""
    return {
        "council": ResourceFactory(
            name="Alternative Businesses Council",
            postal_code="N6A 3K7",
            peer_run=True,
            categories=["employment"],
            phones=[{"label": "Office", "number": "519-555-0100", "extension": "12"}],
        ),
        "family": ResourceFactory(
            name="Family Outreach", postal_code="n6b1y8", categories=["family"]
        ),
        "online": ResourceFactory(
            name="Online Warm Line",
            street_address="",
            city="",
            postal_code="",
            categories=["family"],
        ),
    }


def get(client, path, status=200, **query):
    response = client.get(f"{API}{path}", query)
    assert response.status_code == status, response.content
    return response.json()


def names(client, path, **query):
    page = get(client, path, **query)
    return [record.get("name") or record["id"] for record in page["contents"]]


def service_id(resource):
    return child_id(resource, "service")


def test_root_names_the_version_profile_and_the_official_openapi_document(client):
    about = get(client, "/")
    assert about["version"] == "3.1"
    assert about["profile"].startswith("https://docs.openreferral.org/")
    assert about["openapi_url"].startswith(
        "https://raw.githubusercontent.com/openreferral/specification/"
    )
    assert about["openapi_url"].endswith("/schema/openapi.json")


def test_services_are_a_page_of_one_to_one_fields(client, directory):
    page = get(client, "/services")
    assert {key: value for key, value in page.items() if key != "contents"} == {
        "total_items": 3,
        "total_pages": 1,
        "page_number": 1,
        "size": 3,
        "first_page": True,
        "last_page": True,
        "empty": False,
    }
    first = page["contents"][0]
    assert first["id"] == service_id(directory["council"])
    assert first["organization_id"] == str(directory["council"].uuid)
    assert set(first) == {
        "id", "organization_id", "name", "description", "status", "assured_date", "last_modified"
    }  # fmt: skip


def test_full_and_minimal_services(client, directory):
    full = get(client, "/services", full="true")["contents"][0]
    assert full["phones"][0]["number"] == "+15195550100"
    assert full["phones"][0]["extension"] == 12
    assert [a["taxonomy_term"]["code"] for a in full["attributes"]] == ["employment", "peer-run"]
    minimal = get(client, "/services", minimal="true")["contents"][0]
    assert set(minimal) == {"id", "name", "status", "last_modified"}


def test_pages_of_the_list(client, directory):
    page = get(client, "/services", page=2, per_page=2)
    assert (page["total_items"], page["total_pages"], page["page_number"], page["size"]) == (
        3, 2, 2, 1
    )  # fmt: skip
    assert (page["first_page"], page["last_page"], page["empty"]) == (False, True, False)
    beyond = get(client, "/services", page=3, per_page=2)
    assert (beyond["contents"], beyond["empty"], beyond["last_page"]) == ([], True, True)


def test_a_service_is_the_exports_record_with_its_organization_and_location(client, directory):
    export = client.get("/api/v3/resources/export/hsds/").json()["contents"]
    for organization in export:
        [exported] = organization["services"]
        served = get(client, f"/services/{exported['id']}")
        assert served.pop("organization") == {
            key: organization[key] for key in organization if key not in ("services", "locations")
        }
        for link in served["service_at_locations"]:
            assert [link.pop("location")] == organization["locations"]
        assert served == exported


def test_an_organization_with_its_services_whole_is_the_exports_record(client, directory):
    export = client.get("/api/v3/resources/export/hsds/").json()["contents"]
    for organization in export:
        assert get(client, f"/organizations/{organization['id']}", full_service="true") == (
            organization
        )
        simple = get(client, f"/organizations/{organization['id']}")
        assert set(simple["services"][0]) < set(organization["services"][0])
        assert simple["locations"] == organization["locations"]


def test_organizations_list_their_one_to_one_fields_or_everything(client, directory):
    listed = get(client, "/organizations")["contents"]
    assert [o["name"] for o in listed] == [
        "Alternative Businesses Council", "Family Outreach", "Online Warm Line"
    ]  # fmt: skip
    assert not {"services", "locations"} & set(listed[0])
    full = get(client, "/organizations", full="true")["contents"][0]
    assert full["services"][0]["id"] == service_id(directory["council"])
    assert "phones" not in full["services"][0]
    assert (
        "phones" in get(client, "/organizations", full_service="true")["contents"][0]["services"][0]
    )


def test_ids_stay_the_same_from_answer_to_answer(client, directory):
    first = get(client, "/services", full="true")
    directory["family"].save()
    second = get(client, "/services", full="true")
    assert [s["id"] for s in first["contents"]] == [s["id"] for s in second["contents"]]
    assert first["contents"][0] == second["contents"][0]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"search": "warm line"}, ["Online Warm Line"]),
        ({"taxonomy_term_id": term_id("family")}, ["Family Outreach", "Online Warm Line"]),
        ({"taxonomy_term_id": term_id(PEER_RUN[0])}, ["Alternative Businesses Council"]),
        ({"taxonomy_term_id": term_id("family"), "search": "outreach"}, ["Family Outreach"]),
        ({"taxonomy_term_id": str(uuid.uuid4())}, []),
        (
            {"taxonomy_id": TAXONOMY_ID},
            ["Alternative Businesses Council", "Family Outreach", "Online Warm Line"],
        ),  # fmt: skip
        ({"taxonomy_id": str(uuid.uuid4())}, []),
    ],
)
def test_services_filters_combine_as_and(client, directory, query, expected):
    assert names(client, "/services", **query) == expected
    assert names(client, "/organizations", **query) == expected


def test_services_of_an_organization_and_modified_after(client, directory):
    council = str(directory["council"].uuid)
    assert names(client, "/services", organization_id=council) == ["Alternative Businesses Council"]
    Resource.objects.filter(pk=directory["family"].pk).update(
        updated_at=timezone.now() - timedelta(days=10)
    )
    since = (timezone.now() - timedelta(days=1)).date().isoformat()
    assert names(client, "/services", modified_after=since) == [
        "Alternative Businesses Council", "Online Warm Line"
    ]  # fmt: skip
    assert names(client, "/services", modified_after=since, organization_id=council) == [
        "Alternative Businesses Council"
    ]


def service_at_location_names(client, **query):
    page = get(client, "/service_at_locations", full="true", **query)
    return [link["service"]["name"] for link in page["contents"]]


def test_service_at_locations_are_each_service_at_its_address(client, directory):
    links = get(client, "/service_at_locations")["contents"]
    council = directory["council"]
    assert links[0] == {
        "id": child_id(council, "service_at_location"),
        "service_id": service_id(council),
        "location_id": child_id(council, "location"),
    }
    assert len(links) == 2  # the online warm line has no address
    full = get(client, "/service_at_locations", full="true")["contents"][0]
    assert full["location"]["location_type"] == "physical"
    assert full["service"]["id"] == service_id(council)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"postcode": "n6a3k7"}, ["Alternative Businesses Council"]),
        ({"postcode": "N6B 1Y8"}, ["Family Outreach"]),
        ({"postcode": "N6A"}, ["Alternative Businesses Council"]),
        ({"postcode": "N6A 3K7", "proximity": "5000"}, ["Alternative Businesses Council"]),
        ({"postcode": "K1A 0B1"}, []),
        ({"postcode": "N6B1Y8", "taxonomy_term_id": term_id("employment")}, []),
    ],
)
def test_service_at_locations_by_postcode(client, directory, query, expected):
    assert service_at_location_names(client, **query) == expected


def test_a_service_at_location_is_its_service_with_the_location_nested(client, directory):
    council = directory["council"]
    answer = get(client, f"/service_at_locations/{child_id(council, 'service_at_location')}")
    assert answer["id"] == service_id(council)
    assert answer["service_at_locations"][0]["location"]["id"] == child_id(council, "location")


def test_one_taxonomy_whose_terms_are_the_categories_and_peer_run(client, directory):
    [taxonomy] = get(client, "/taxonomies")["contents"]
    assert taxonomy["id"] == TAXONOMY_ID
    assert get(client, f"/taxonomies/{TAXONOMY_ID}") == taxonomy
    assert get(client, "/taxonomies", search="nothing like it")["contents"] == []
    terms = get(client, "/taxonomy_terms")["contents"]
    assert [t["code"] for t in terms] == ["employment", "family", "peer-run"]
    assert {t["taxonomy_id"] for t in terms} == {TAXONOMY_ID}
    assert get(client, f"/taxonomy_terms/{term_id('family')}") == terms[1]
    assert names(client, "/taxonomy_terms", search="fam") == ["family"]
    assert len(names(client, "/taxonomy_terms", taxonomy_id=TAXONOMY_ID, top_only="true")) == 3
    assert names(client, "/taxonomy_terms", taxonomy_id=str(uuid.uuid4())) == []
    assert names(client, "/taxonomy_terms", parent_id=term_id("family")) == []


@pytest.mark.parametrize(
    "path",
    [
        "/services/{}",
        "/organizations/{}",
        "/taxonomies/{}",
        "/taxonomy_terms/{}",
        "/service_at_locations/{}",
    ],
)
@pytest.mark.parametrize("unknown", ["6f1c2a0e-3b7d-4c1e-9a52-0d8e4b7f9c31", "not-an-id"])
def test_unknown_ids_are_404_problems(client, directory, path, unknown):
    response = client.get(API + path.format(unknown))
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_an_online_services_id_is_no_service_at_location(client, directory):
    online = directory["online"]
    response = client.get(f"{API}/service_at_locations/{child_id(online, 'service_at_location')}")
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("path", "query", "message"),
    [
        ("/services", "colour=blue", "Unknown query parameter: colour"),
        ("/services", "postcode=N6A", "Unknown query parameter: postcode"),
        ("/", "page=1", "accepts: no parameters"),
        ("/services/{service}", "full=true", "Unknown query parameter: full"),
        ("/services", "page=0", "page must be a whole number from 1"),
        ("/services", "page=two", "page must be a whole number from 1"),
        ("/services", "page=²", "page must be a whole number from 1"),
        ("/services", "per_page=1001", "per_page must be a whole number from 1 to 1000"),
        ("/services", "per_page=" + "9" * 5000, "per_page must be a whole number"),
        ("/services", "page=1&page=2", "page is given more than once"),
        ("/services", "modified_after=yesterday", "modified_after must be a date"),
        ("/services", "modified_after=2026-02-30", "modified_after must be a date"),
        ("/services", "modified_after=0001-01-01T00:00:00%2B14:00", "modified_after must be"),
        ("/services", "full=maybe", "full must be true or false"),
        ("/services", "minimal=", "minimal must be true or false"),
        ("/services", "taxonomy_term_id=family", "taxonomy_term_id must be an HSDS id"),
        ("/services", "organization_id=42", "organization_id must be an HSDS id"),
        ("/services", "format=ndjson", "format: only json"),
        ("/organizations", "full_service=yes", "full_service must be true or false"),
        ("/taxonomy_terms", "parent_id=x", "parent_id must be an HSDS id"),
        ("/taxonomy_terms", "top_only=2", "top_only must be true or false"),
        ("/service_at_locations", "proximity=5000", "give postcode too"),
        ("/service_at_locations", "postcode=N6A&proximity=near", "proximity must be a distance"),
        ("/service_at_locations", "postcode=N6A&proximity=-1", "proximity must be a distance"),
        ("/service_at_locations", "postcode=N6A&proximity=nan", "proximity must be a distance"),
        ("/services", 'search="unbalanced', "unmatched double quote"),
    ],
)
def test_bad_parameters_are_400_problems_saying_what_is_wrong(
    client, directory, path, query, message
):
    address = API + path.format(service=service_id(directory["council"]))
    response = client.get(f"{address}?{query}")
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert message in response.json()["detail"]


def test_lists_answer_post_as_get_and_details_refuse_it(client, directory):
    posted = client.post(f"{API}/services?per_page=1")
    assert posted.status_code == 200
    assert posted.json() == get(client, "/services", per_page=1)
    refused = client.post(f"{API}/services/{service_id(directory['council'])}")
    assert (refused.status_code, refused["Allow"]) == (405, "GET, HEAD")
    assert refused["Content-Type"] == "application/problem+json"
    assert client.delete(f"{API}/services").status_code == 405


def test_answers_are_cached_with_etags_like_every_api_route(client, directory):
    response = client.get(f"{API}/services")
    assert "public" in response["Cache-Control"] and "max-age" in response["Cache-Control"]
    again = client.get(f"{API}/services", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    directory["family"].save()
    changed = client.get(f"{API}/services", HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200


def test_a_new_resource_is_found_by_its_ids_at_once(client, directory):
    get(client, f"/services/{service_id(directory['council'])}")
    added = ResourceFactory(name="New Drop-in")
    assert get(client, f"/services/{service_id(added)}")["name"] == "New Drop-in"
    link = get(client, f"/service_at_locations/{child_id(added, 'service_at_location')}")
    assert link["id"] == service_id(added)


def test_head_answers_like_get_without_a_body(client, directory):
    response = client.head(f"{API}/services")
    assert response.status_code == 200
    assert response.content == b""
    assert response["ETag"] == client.get(f"{API}/services")["ETag"]
