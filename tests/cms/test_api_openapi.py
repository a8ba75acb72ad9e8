"""/api/v3/openapi.json as client generators read it: valid, page types told apart, errors and
servers documented."""

import json

import jsonschema
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from django.test import RequestFactory
from openapi_spec_validator import validate
from wagtail.models import get_page_models

from cms import page_schema
from cms.api.openapi import published_document
from tests.home.factories import ContentPageFactory

SCHEMAS = "#/components/schemas/"
PAGE_DETAIL = "/api/v3/pages/{page_id}/"


@pytest.fixture(scope="module")
def openapi():
    """The published document, built once for this module's tests (it takes seconds)."""
    document = published_document(RequestFactory().get("/api/v3/openapi.json"))
    return json.loads(json.dumps(document, cls=DjangoJSONEncoder))


def operations(openapi):
    return [
        (f"{method.upper()} {path}", operation)
        for path, path_item in openapi["paths"].items()
        for method, operation in path_item.items()
    ]


def page_detail_union(openapi):
    response = openapi["paths"][PAGE_DETAIL]["get"]["responses"]["200"]
    return response["content"]["application/json"]["schema"]


def test_document_is_valid_openapi(openapi):
    validate(openapi)


def test_anonymous_reads_need_no_security_scheme(openapi):
    assert "AllowAnonymous" not in openapi["components"]["securitySchemes"]
    assert "security" not in openapi
    public = [name for name, operation in operations(openapi) if "security" not in operation]
    assert "GET /api/v3/pages/{page_id}/" in public
    assert "GET /api/v3/events/" in public
    assert "POST /api/v3/pages/" not in public


def test_reads_that_also_take_a_token_say_so(openapi):
    pages_detail = openapi["paths"][PAGE_DETAIL]["get"]
    events = openapi["paths"]["/api/v3/events/"]["get"]

    assert "bearer token" in pages_detail["description"]
    assert "bearer token" not in events["description"]


def test_operation_ids_name_the_thing_and_not_the_module(openapi):
    ids = {name: operation["operationId"] for name, operation in operations(openapi)}

    assert ids["GET /api/v3/partners/"] == "partners_list"
    assert ids["GET /api/v3/events/"] == "events_list"
    # django-ninja's default, <module>_api_<function>, becomes e.g. partnersApiPartners in clients.
    assert [name for name, id_ in ids.items() if "_api_" in id_] == []


def test_page_detail_is_discriminated_by_its_top_level_type(openapi):
    union = page_detail_union(openapi)
    schemas = openapi["components"]["schemas"]

    mapping = union["discriminator"]["mapping"]

    assert union["discriminator"]["propertyName"] == "type"
    assert set(mapping) == {model._meta.label for model in get_page_models()}
    for label, ref in mapping.items():
        page_type = schemas[ref.removeprefix(SCHEMAS)]
        assert page_type["properties"]["type"]["const"] == label
        assert "type" in page_type["required"]


def test_streamfield_unions_keep_their_block_discriminator(openapi):
    body = openapi["components"]["schemas"]["ContentPageSchema"]["properties"]["body"]

    assert body["items"]["discriminator"]["mapping"]["heading"] == SCHEMAS + "HeadingItem"


def test_page_detail_gives_its_type_beside_meta(client, home_page, assert_matches_page_schema):
    page = ContentPageFactory(parent=home_page)

    data = client.get(f"/api/v3/pages/{page.pk}/").json()

    assert data["type"] == data["meta"]["type"] == "home.ContentPage"
    assert_matches_page_schema(data)


def test_every_operation_documents_its_problem_answers(openapi):
    for name, operation in operations(openapi):
        responses = operation["responses"]
        expected = {"400", "404", "500"} | ({"401", "403"} if "security" in operation else set())
        assert expected <= set(responses), name
        for status in expected:
            content = responses[status]["content"]
            assert content == {
                "application/problem+json": {"schema": {"$ref": SCHEMAS + "ProblemDetail"}}
            }, name


def test_preview_documents_its_refused_tokens(openapi):
    refused = openapi["paths"]["/api/v3/preview/"]["get"]["responses"]["403"]
    assert "withdrawn" in refused["description"]
    assert refused["content"] == {
        "application/problem+json": {"schema": {"$ref": SCHEMAS + "ProblemDetail"}}
    }


@pytest.mark.parametrize(
    "path, status",
    [
        ("/api/v3/events/?limit=0", 400),
        ("/api/v3/events/?colour=blue", 400),
        ("/api/v3/resources/?offset=-1", 400),
        ("/api/v3/pages/999999/", 404),
        ("/api/v3/events/999999/", 404),
    ],
)
def test_problem_answers_match_the_documented_schema(client, home_page, openapi, path, status):
    problem = {**openapi["components"]["schemas"]["ProblemDetail"], "additionalProperties": False}

    response = client.get(path)

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    jsonschema.validate(response.json(), problem)
    assert response.json()["detail"]


def test_servers_is_the_address_the_document_was_asked_at(client, db):
    openapi = client.get("/api/v3/openapi.json", HTTP_HOST="localhost:8123").json()

    assert openapi["servers"] == [{"url": "http://localhost:8123"}]


def test_servers_is_the_configured_api_address(client, db, settings):
    settings.WAGTAILAPI_BASE_URL = "https://connectmentalhealth.ca/"

    openapi = client.get("/api/v3/openapi.json").json()

    assert openapi["servers"] == [{"url": "https://connectmentalhealth.ca"}]


def test_document_is_hidden_when_api_docs_are_turned_off(client, db, settings):
    settings.WAGTAILAPI_DOCS_ENABLED = False

    assert client.get("/api/v3/openapi.json").status_code == 404


def test_interactive_docs_read_the_published_document(client, db):
    page = client.get("/api/v3/docs/").content.decode()

    assert '"/api/v3/openapi.json"' in page


def test_page_types_must_be_registered_before_wagtail_builds_the_page_detail_union():
    with pytest.raises(ImproperlyConfigured, match="first in INSTALLED_APPS"):
        page_schema.register()
