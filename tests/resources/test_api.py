"""Other sites read the directory from /api/v3/resources/, with the page's filters, and download it."""

import csv
import io

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from resources.models import Resource
from tests.cms.factories import SiteSettingsFactory
from tests.resources.factories import ResourceFactory, translated_resource

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
        "categories": [
            {"slug": "family", "name": "family"},
            {"slug": "mood-disorders", "name": "mood disorders"},
        ],
    }


def test_every_category_and_language_returned_is_accepted_back_as_a_filter(client):
    ResourceFactory(name="Peer line", categories=["peer support", "OCD"], languages=["en"])
    ResourceFactory(name="Aide", categories=["Santé mentale"], languages=["fr"])
    items = client.get(API).json()["items"]
    for item in items:
        for parameter, values, key in (
            ("category", item["categories"], "slug"),
            ("language", item["languages"], "code"),
        ):
            for value in values:
                assert item["name"] in names(client.get(API, {parameter: value[key]}))


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
    assert parameters == {"category", "language", "search", "locale", "limit", "offset"}


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


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_remembered_items_read_no_details_and_show_an_edit_at_once(client, listed):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    client.get(API)
    with CaptureQueriesContext(connection) as queries:
        assert names(client.get(API))[1] == "Mood Disorders Association"
    read = " ".join(query["sql"] for query in queries)
    assert '"resources_phonenumber"' not in read
    assert '"resources_language"' not in read
    resource = Resource.objects.get(name="Mood Disorders Association")
    resource.phone_numbers.update(number="416-555-0100")  # .update() alone moves no version
    resource.short_description = "Peer support for depression."
    resource.save()
    item = client.get(API).json()["items"][1]
    assert item["short_description"] == "Peer support for depression."
    assert item["phones"][0]["number"] == "416-555-0100"


def test_resource_without_an_address_has_none(client, listed):
    ResourceFactory(name="Warmline", street_address="", city="", postal_code="")
    assert client.get(f"{API}warmline/").json()["address"] is None
    assert [
        item["address"] for item in client.get(API, {"search": "warmline"}).json()["items"]
    ] == [None]


@pytest.fixture
def council():
    return translated_resource()


@pytest.fixture
def family():
    """A resource not translated yet."""
    return ResourceFactory(
        name="Family Initiatives", description="<p>Peer support for families.</p>"
    )


def api_items(client, query=""):
    response = client.get(f"{API}{query}")
    assert response.status_code == 200, response.content
    return {item["slug"]: item for item in response.json()["items"]}


def test_list_answers_in_french_with_locale_fr_and_in_english_otherwise(client, council, family):
    french = api_items(client, "?locale=fr")
    assert (french["empowerment-council"]["name"], french["family-initiatives"]["name"]) == (
        "Conseil d’habilitation",
        "Family Initiatives",
    )
    assert french["empowerment-council"]["short_description"] == (
        "Une voix pour les clients des services de santé mentale."
    )
    assert french["empowerment-council"]["description"] == (
        "<p>Défense des droits par et pour les clients.</p>"
    )
    assert [language["name"] for language in french["empowerment-council"]["languages"]] == [
        "anglais",
        "français",
    ]
    assert french["family-initiatives"]["description"] == "<p>Peer support for families.</p>"
    for query in ("", "?locale=en"):
        english = api_items(client, query)["empowerment-council"]
        assert (english["name"], english["description"]) == (
            "Empowerment Council",
            "<p>Advocacy by and for clients.</p>",
        )


def test_detail_answers_in_french_with_locale_fr(client, council):
    french = client.get(f"{API}{council.slug}/?locale=fr").json()
    assert (french["name"], french["short_description"]) == (
        "Conseil d’habilitation",
        "Une voix pour les clients des services de santé mentale.",
    )
    assert client.get(f"{API}{council.slug}/").json()["name"] == "Empowerment Council"


def test_answers_stay_apart_by_language_once_both_are_remembered(client, council):
    for _ in range(2):
        assert api_items(client)["empowerment-council"]["name"] == "Empowerment Council"
        assert api_items(client, "?locale=fr")["empowerment-council"]["name"] == (
            "Conseil d’habilitation"
        )
        detail = client.get(f"{API}{council.slug}/?locale=fr").json()
        assert detail["name"] == "Conseil d’habilitation"
        assert client.get(f"{API}{council.slug}/").json()["name"] == "Empowerment Council"


@pytest.mark.parametrize("path", ["", "empowerment-council/"])
def test_unknown_locale_answers_400_naming_the_languages(client, council, path):
    response = client.get(f"{API}{path}?locale=de")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "locale" in detail and "'en'" in detail and "'fr'" in detail
