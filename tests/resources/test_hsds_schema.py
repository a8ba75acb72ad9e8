"""Every record of the HSDS export validates strictly against the official HSDS 3.1 schemas."""

import functools
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from jsonschema import Draft202012Validator

from tests.resources.factories import ResourceFactory, bare_resource
from tests.resources.hsds_standard import closed

pytestmark = pytest.mark.django_db
SCHEMAS = Path(__file__).parent / "hsds-3.1"
EXPORT = "/api/v3/resources/export/hsds/"


@functools.cache
def validator(name):
    schema = closed(json.loads((SCHEMAS / f"{name}.json").read_text()))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def schema_errors(name, record):
    return [
        f"{name} {record.get('name')!r} at /{'/'.join(map(str, error.absolute_path))}: "
        f"{error.message}"
        for error in validator(name).iter_errors(record)
    ]


def errors_in_export(client):
    response = client.get(EXPORT)
    assert response.status_code == 200
    organizations = response.json()["contents"]
    assert organizations
    errors = []
    for organization in organizations:
        errors += schema_errors("organization", organization)
        for service in organization["services"]:
            errors += schema_errors("service", service)
    return errors


def test_a_full_and_a_bare_resource_validate(client):
    ResourceFactory(
        name="Ontario Council of Alternative Businesses",
        website="https://example.org/",
        email="info@example.org",
        unit="Suite 203",
        peer_run=True,
        categories=["alternative businesses", "peer support", "OCD"],
        languages=["en", "fr"],
        phones=[
            {"label": "Toll-free", "number": "1-866-504-1693"},
            {"label": "Office", "number": "416-633-9420", "extension": "6969"},
        ],
    )
    bare_resource()
    errors = errors_in_export(client)
    assert not errors, "\n".join(errors)


def test_the_seeded_directory_validates(client):
    call_command("load_seed_content", stdout=io.StringIO())
    errors = errors_in_export(client)
    assert not errors, "\n".join(errors)
