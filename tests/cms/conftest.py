"""Fixtures: the published OpenAPI document and checking responses against it; a Redis cache."""

import os
import uuid

import jsonschema
import pytest
from django.core.cache import cache, caches
from django.test import Client
from wagtail.models import Page

from connect_site.settings import services
from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory

PAGE_DETAIL = "/api/v3/pages/{page_id}/"


def closed(schema):
    """The schema with every object closed, so a key the document does not describe fails."""
    if isinstance(schema, list):
        return [closed(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    strict = {key: closed(value) for key, value in schema.items()}
    if "properties" in schema:
        strict.setdefault("additionalProperties", False)
    return strict


@pytest.fixture
def openapi(client, db):
    """/api/v3/openapi.json, as an API consumer reads it."""
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def assert_matches_page_schema(openapi):
    """Checks a v3 page as served against the schema the OpenAPI document gives for it."""
    responses = openapi["paths"][PAGE_DETAIL]["get"]["responses"]
    schema = responses["200"]["content"]["application/json"]["schema"]
    # Its $refs point into the whole document's components.
    document = closed({**schema, "components": openapi["components"]})
    return jsonschema.Draft202012Validator(document).validate


@pytest.fixture
def redis_cache(settings):
    """Django's cache pointed at the throwaway Redis server the test script started."""
    url = os.environ.get("TEST_REDIS_URL")
    if not url:
        pytest.skip("TEST_REDIS_URL is unset: run the suite with scripts/test_with_services.sh")
    settings.CACHES = services.caches(url)
    settings.CACHES["default"]["KEY_PREFIX"] = uuid.uuid4().hex  # tests on other workers share it
    caches["near"].clear()  # versions come round again once a test rolls back
    return cache


@pytest.fixture
def page(home_page):
    """A published "About us" page at /about/, the site settings already made."""
    SiteSettingsFactory()  # made on a first visit otherwise, which is itself a change
    return ContentPageFactory(parent=home_page, title="About us", slug="about")


def rename_quietly(page, title):
    """Change the database without any signal: only an answer from the cache still shows the old."""
    Page.objects.filter(pk=page.pk).update(title=title)


def visit(path, **headers):
    """What an anonymous visitor's browser gets."""
    return Client().get(path, **headers)
