"""The official HSDS 3.1 API reference, read from ../shared/standards/hsds-3.1/ beside the
repository (its README says where it comes from), and strict validation against its schemas."""

import functools
import json
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator

OPENAPI = Path(settings.BASE_DIR).parent / "shared/standards/hsds-3.1/openapi.bundled.json"


def closed(schema):
    """The schema with additionalProperties false on every object, as the specification checks
    its own examples: a misspelt or invented property is an error, not silently allowed."""
    if isinstance(schema, dict):
        schema = {key: closed(value) for key, value in schema.items()}
        if "properties" in schema:
            schema.setdefault("additionalProperties", False)
    elif isinstance(schema, list):
        schema = [closed(value) for value in schema]
    return schema


@functools.cache
def reference():
    assert OPENAPI.exists(), f"The HSDS 3.1 API reference is missing: {OPENAPI}"
    return json.loads(OPENAPI.read_text())


@functools.cache
def component_validator(name):
    """A strict validator of the reference's schema `name` (e.g. hsds_service), its references
    to the reference's other schemas resolved within it."""
    document = closed(reference())
    schema = {"components": document["components"], "$ref": f"#/components/schemas/{name}"}
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def component_errors(name, record):
    return [
        f"{name} {record.get('id')!r} at /{'/'.join(map(str, error.absolute_path))}: "
        f"{error.message}"
        for error in component_validator(name).iter_errors(record)
    ]
