"""The typed StreamField schema in /api/v3/openapi.json, checked against what pages really give."""

import json
from importlib import import_module
from importlib.util import find_spec

import jsonschema
import pytest
import wagtail_factories
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django.core.serializers.json import DjangoJSONEncoder
from pydantic import TypeAdapter
from wagtail import blocks
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page, Site, get_page_models

from cms import streamfield_schema
from tests.programs.factories import EventFactory

# A schema says what a value is through one of these; pydantic writes `Any` as none of them.
TYPING_KEYWORDS = {"type", "$ref", "anyOf", "oneOf", "allOf", "const", "enum"}


def api_streamfields(model):
    """The names of the StreamFields a page type gives in the API."""
    names = {field.name for field in APIField.get_fields_for_model(model)}
    return [
        f.name for f in model._meta.get_fields() if isinstance(f, StreamField) and f.name in names
    ]


STREAMFIELD_PAGE_TYPES = [model for model in get_page_models() if api_streamfields(model)]


def page_factories():
    """Every app's page factories (tests/<app>/factories.py), by page type."""
    modules = [
        import_module(f"tests.{app.label}.factories")
        for app in apps.get_app_configs()
        if find_spec(f"tests.{app.label}") and find_spec(f"tests.{app.label}.factories")
    ]
    return {
        obj._meta.model: obj
        for module in modules
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, wagtail_factories.PageFactory)
    }


def build_page(model, site_root, factories, **params):
    """A page of the type where the tree allows it on the site, its ancestors built as needed."""
    assert model in factories, f"Add a factory for {model._meta.label} to tests/<app>/factories.py"
    allowed = model.allowed_parent_page_models()
    if type(site_root) in allowed:
        return factories[model](parent=site_root, **params)
    if Page not in allowed:
        return factories[model](parent=build_page(allowed[0], site_root, factories), **params)
    page = factories[model](parent=Page.get_first_root_node(), **params)
    Site.objects.filter(is_default_site=True).update(root_page=page)
    return page


def untyped_places(schema, components, path="", seen=None):
    """Where a JSON schema (following $refs into components) leaves a value untyped."""
    seen = set() if seen is None else seen
    if not TYPING_KEYWORDS & schema.keys():
        return [path or "(top)"]
    ref = schema.get("$ref", "").removeprefix("#/components/schemas/")
    if ref:
        if ref in seen:
            return []
        seen.add(ref)
        return untyped_places(components[ref], components, ref, seen)
    children = [(f"{path}.{name}", s) for name, s in schema.get("properties", {}).items()]
    children += [(f"{path}[]", schema["items"])] if "items" in schema else []
    extra = schema.get("additionalProperties", False)
    children += [(f"{path}{{}}", {} if extra is True else extra)] if extra is not False else []
    for keyword in ("anyOf", "oneOf", "allOf"):
        children += [(f"{path}|{i}", s) for i, s in enumerate(schema.get(keyword, []))]
    return [place for p, s in children for place in untyped_places(s, components, p, seen)]


@pytest.mark.parametrize("model", STREAMFIELD_PAGE_TYPES, ids=lambda model: model._meta.label)
def test_page_with_every_block_matches_the_published_schema(
    client, home_page, assert_matches_page_schema, model
):
    EventFactory()  # so the Upcoming events block lists one
    params = {
        f"{field}__{i}": block_name
        for field in api_streamfields(model)
        for i, block_name in enumerate(model._meta.get_field(field).stream_block.child_blocks)
    }
    page = build_page(model, home_page, page_factories(), **params)

    response = client.get(f"/api/v3/pages/{page.pk}/")

    assert response.status_code == 200, response.content
    data = response.json()
    for field in api_streamfields(model):
        stream_block = model._meta.get_field(field).stream_block
        assert [block["type"] for block in data[field]] == list(stream_block.child_blocks)
    assert_matches_page_schema(data)


@pytest.mark.parametrize("model", STREAMFIELD_PAGE_TYPES, ids=lambda model: model._meta.label)
def test_every_block_of_every_stream_is_typed(openapi, model):
    components = openapi["components"]["schemas"]
    page_schema = components[f"{model._meta.object_name}Schema"]
    for field in api_streamfields(model):
        stream = page_schema["properties"][field]
        assert "oneOf" in stream["items"] or "$ref" in stream["items"]
        assert untyped_places(stream, components, field) == []


class OwnOutputBlock(blocks.StructBlock):
    """A block that shapes its own API output but declares no schema for it."""

    text = blocks.CharBlock()

    def get_api_representation(self, value, context=None):
        return {"shout": value["text"].upper()}


def json_schema_of(block):
    """A block's API value schema, laid out as in the OpenAPI document."""
    annotation = streamfield_schema.BlockSchemas().value(block, "Test")
    adapter = TypeAdapter(annotation)
    schema = adapter.json_schema(mode="serialization", ref_template="#/components/schemas/{model}")
    return {**schema, "components": {"schemas": schema.pop("$defs", {})}}


def untyped_in(schema):
    return untyped_places(schema, schema["components"]["schemas"])


def test_block_with_its_own_api_output_and_no_declared_schema_is_reported():
    stream = blocks.StreamBlock([("own", OwnOutputBlock())])

    schema = json_schema_of(stream)

    assert untyped_in(schema) == ["OwnItem.value"]


def test_block_with_its_own_api_output_is_typed_by_its_declared_schema():
    class DeclaredBlock(OwnOutputBlock):
        api_schema = dict[str, str]

    schema = json_schema_of(DeclaredBlock())

    assert schema["additionalProperties"] == {"type": "string"}
    assert untyped_in(schema) == []


def test_declared_schema_that_leaves_values_untyped_is_reported():
    class LooseBlock(OwnOutputBlock):
        api_schema = dict

    assert untyped_in(json_schema_of(LooseBlock())) == ["{}"]


CHOICES = [("tea", "Tea"), ("coffee", "Coffee")]


def plain_blocks():
    """A struct of Wagtail's own blocks, as a developer might add them: (name, block, value)."""
    return [
        ("char", blocks.CharBlock(), "Drop-in"),
        ("text", blocks.TextBlock(required=False), ""),
        ("email", blocks.EmailBlock(), "hello@example.org"),
        ("url", blocks.URLBlock(required=False), None),
        ("rich", blocks.RichTextBlock(), "<p>Welcome</p>"),
        ("html", blocks.RawHTMLBlock(), "<b>Welcome</b>"),
        ("code", blocks.RegexBlock(regex=r"^\d+$", required=False), "42"),
        ("number", blocks.IntegerBlock(required=False), None),
        ("price", blocks.FloatBlock(), 2.5),
        ("free", blocks.BooleanBlock(required=False), True),
        ("day", blocks.DateBlock(), "2026-11-23"),
        ("time", blocks.TimeBlock(), "18:30:00"),
        ("at", blocks.DateTimeBlock(), "2026-11-23T18:30:00Z"),
        ("drink", blocks.ChoiceBlock(choices=CHOICES), "tea"),
        ("drinks", blocks.MultipleChoiceBlock(choices=CHOICES), ["tea", "coffee"]),
        ("page", blocks.PageChooserBlock(required=False), None),
        ("tags", blocks.ListBlock(blocks.CharBlock()), ["peer", "support"]),
        (
            "inner",
            blocks.StructBlock([("note", blocks.CharBlock())]),
            {"note": "Bring a friend"},
        ),
        (
            "stream",
            blocks.StreamBlock([("word", blocks.CharBlock()), ("count", blocks.IntegerBlock())]),
            [{"type": "word", "value": "hi", "id": "1"}, {"type": "count", "value": 3, "id": "2"}],
        ),
    ]


def test_plain_wagtail_blocks_are_typed_from_their_definitions(db):
    block = blocks.StructBlock([(name, child) for name, child, _ in plain_blocks()])
    value = block.to_python({name: raw for name, _, raw in plain_blocks()})
    output = json.loads(json.dumps(block.get_api_representation(value), cls=DjangoJSONEncoder))

    schema = json_schema_of(block)

    assert untyped_in(schema) == []
    jsonschema.validate(output, schema)
    output["drink"] = "juice"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(output, schema)


def test_plain_wagtail_blocks_left_empty_match_their_schema(db):
    optional = [
        (name, child)
        for name, child, _ in plain_blocks()
        if isinstance(child, blocks.FieldBlock) and not child.required
    ]
    block = blocks.StructBlock(optional)
    output = block.get_api_representation(block.to_python({}))

    jsonschema.validate(output, json_schema_of(block))


def test_typed_streamfields_must_be_registered_before_wagtail_builds_page_schemas():
    with pytest.raises(ImproperlyConfigured, match="first in INSTALLED_APPS"):
        streamfield_schema.register()
