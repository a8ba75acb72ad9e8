"""Other sites read the directory from /api/v3/resources/, with the page's filters, and download it."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.resources.factories import ResourceFactory, add_resources_in_bulk

pytestmark = pytest.mark.django_db
API = "/api/v3/resources/"


@pytest.fixture
def listed():
    ResourceFactory(name="Family Initiatives", categories=["family"], languages=["en"])
    ResourceFactory(
        name="Mood Disorders Association",
        short_description="Support for people with depression.",
        categories=["family", "mood disorders"],
        languages=["en", "fr"],
        phones=[{"label": "Office", "number": "416-633-9420", "extension": "6969"}],
    )
    ResourceFactory(name="Réseau francophone", categories=["advocacy"], languages=["fr"])


def names(response):
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["Family Initiatives", "Mood Disorders Association", "Réseau francophone"]),
        ({"category": "family"}, ["Family Initiatives", "Mood Disorders Association"]),
        ({"language": "fr"}, ["Mood Disorders Association", "Réseau francophone"]),
        ({"category": "family", "language": "fr"}, ["Mood Disorders Association"]),
        ({"search": "depression"}, ["Mood Disorders Association"]),
        ({"search": "depression", "category": "advocacy"}, []),
        ({"limit": 1, "offset": 1}, ["Mood Disorders Association"]),
    ],
)
def test_list_filters_searches_and_pages_like_the_directory(client, listed, query, expected):
    response = client.get(API, query)
    assert names(response) == expected
    if "limit" in query:
        assert response.json()["count"] == 3


def test_resource_detail_has_every_field(client, listed):
    data = client.get(f"{API}mood-disorders-association/").json()
    assert data == {
        "slug": "mood-disorders-association",
        "name": "Mood Disorders Association",
        "short_description": "Support for people with depression.",
        "description": "<p>Peer support for adults.</p>",
        "website": "",
        "email": "",
        "phones": [
            {
                "label": "Office",
                "number": "416-633-9420",
                "extension": "6969",
                "tel": "tel:+1-416-633-9420;ext=6969",
            }
        ],
        "address": {
            "street_address": data["address"]["street_address"],
            "unit": "",
            "city": "London",
            "province": "ON",
            "postal_code": "N6B 1Y8",
            "lines": [data["address"]["street_address"], "London, ON N6B 1Y8"],
        },
        "service_area": "London and Middlesex",
        "languages": [{"code": "en", "name": "English"}, {"code": "fr", "name": "French"}],
        "peer_run": False,
        "last_verified": data["last_verified"],
        "categories": ["family", "mood disorders"],
    }


def test_unknown_resource_is_404(client, listed):
    assert client.get(f"{API}nothing-here/").status_code == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        (
            {"category": "cooking"},
            "Invalid query parameter: category (There is no category 'cooking'.",
        ),
        ({"language": "xx"}, "language (There is no language 'xx'. Known: en, fr.)"),
        ({"limit": "abc"}, "limit must be a whole number"),
        ({"sort": "name"}, "Unknown query parameter: sort."),
        ({"search": 'say "hello'}, "unmatched double quote"),
    ],
)
@pytest.mark.parametrize("path", ["", "export/csv/", "export/hsds/"])
def test_bad_filters_answer_400_naming_the_parameter(client, listed, path, query, message):
    response = client.get(f"{API}{path}", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert message in response.json()["detail"]


def test_routes_and_filters_are_in_the_openapi_document(client):
    paths = client.get("/api/v3/openapi.json").json()["paths"]
    for path in ("", "export/csv/", "export/hsds/", "{slug}/"):
        assert f"{API}{path}" in paths
    parameters = {p["name"] for p in paths[API]["get"]["parameters"]}
    assert parameters == {"category", "language", "search", "limit", "offset"}


def test_csv_download_applies_the_filters(client, listed):
    response = client.get(f"{API}export/csv/", {"language": "fr"})
    assert response["Content-Disposition"] == 'attachment; filename="resources.csv"'
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["name"] for row in rows] == ["Mood Disorders Association", "Réseau francophone"]
    assert rows[0]["phones"] == "Office: 416-633-9420 ext. 6969"


def test_hsds_download_applies_the_filters(client, listed):
    response = client.get(f"{API}export/hsds/", {"category": "advocacy"})
    assert response["Content-Disposition"] == 'attachment; filename="resources-hsds.json"'
    assert [org["name"] for org in response.json()["contents"]] == ["Réseau francophone"]


def test_list_costs_the_same_queries_for_10_or_500_resources(
    client, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_TIMEOUT = 0  # bulk inserts send no signal, so would not renew the cache
    add_resources_in_bulk(10, start=0)
    with CaptureQueriesContext(connection) as with_10:
        client.get(API, {"category": "family", "limit": 100})
    add_resources_in_bulk(490, start=10)
    with django_assert_max_num_queries(len(with_10)):
        response = client.get(API, {"category": "family", "limit": 100})
    assert response.json()["count"] == 500
    assert len(response.json()["items"]) == 100
