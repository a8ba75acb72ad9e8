"""Typed StreamFields in the v3 OpenAPI document, generated from the block definitions.

Wagtail types a StreamField as a list of anything. Here each stream is a list of a union
discriminated on `type`, one schema per block: StructBlock children typed, ListBlocks and nested
streams walked, and a block that shapes its own API output typed by the `api_schema` it declares.
"""

import datetime
import operator
import sys
from functools import reduce
from typing import Annotated, Any, Literal

from django.core.exceptions import ImproperlyConfigured
from pydantic import Field, create_model
from pydantic_core import core_schema
from wagtail import blocks
from wagtail.api.v3.schemas.generators import read
from wagtail.fields import StreamField

# What Wagtail's own blocks give in the API once filled in (a chooser gives the chosen id).
FIELD_BLOCK_TYPES = {
    blocks.CharBlock: str,
    blocks.TextBlock: str,
    blocks.EmailBlock: str,
    blocks.URLBlock: str,
    blocks.RegexBlock: str,
    blocks.RichTextBlock: str,
    blocks.RawHTMLBlock: str,
    blocks.IntegerBlock: int,
    blocks.FloatBlock: float,
    blocks.BooleanBlock: bool,
    blocks.DateBlock: datetime.date,
    blocks.TimeBlock: datetime.time,
    blocks.DateTimeBlock: datetime.datetime,
    blocks.ChooserBlock: int,
}


class AsRepresented:
    """Typed in the OpenAPI document, passed through untouched when a page is served."""

    # The blocks' get_api_representation already made plain JSON, the same as API v2 gives;
    # validating it again would turn one stale value into a 500 for the whole page.
    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        typed = handler(source)
        return core_schema.any_schema(
            metadata={"pydantic_js_annotation_functions": [lambda _core, to_json: to_json(typed)]},
            serialization=core_schema.wrap_serializer_function_ser_schema(
                lambda value, _serialize: value, schema=typed
            ),
        )


def camel(name):
    return "".join(part.capitalize() for part in name.split("_"))


def help_text(block):
    """The help an editor sees for the block, which also explains it to API consumers."""
    field = getattr(block, "field", None)
    return str(getattr(block.meta, "help_text", None) or getattr(field, "help_text", ""))


def own_api_output(block):
    """Whether the block's get_api_representation is ours rather than Wagtail's."""
    owner = next(cls for cls in type(block).__mro__ if "get_api_representation" in vars(cls))
    return not owner.__module__.startswith("wagtail.")


class BlockSchemas:
    """Builds one schema per block definition, shared by every stream that uses the block."""

    def __init__(self):
        self.built = []  # (kind, block name or None, block, annotation)
        self.names = set()

    def stream(self, stream_block):
        """A stream's API value: a list of its blocks, told apart by `type`."""
        items = [self.item(name, child) for name, child in stream_block.child_blocks.items()]
        if len(items) == 1:
            return list[items[0]]
        return list[Annotated[reduce(operator.or_, items), Field(discriminator="type")]]

    def value(self, block, name_hint):
        """The type of one block's API value."""
        declared = getattr(block, "api_schema", None)
        if declared is not None:
            return declared
        if own_api_output(block):
            return Any  # Reported by the tests: declare `api_schema` on the block.
        if isinstance(block, blocks.StreamBlock):
            return self.stream(block)
        if isinstance(block, blocks.StructBlock):
            return self.struct(block, name_hint)
        if isinstance(block, blocks.ListBlock):
            return list[self.value(block.child_block, name_hint)]
        return self.field(block)

    def field(self, block):
        if isinstance(block, (blocks.ChoiceBlock, blocks.MultipleChoiceBlock)):
            choices = block.deconstruct()[2]["choices"]
            # Choices from a function change with the content (e.g. the directory's categories),
            # and may need tables that do not exist yet while the schema is built.
            choice = str if callable(choices) else Literal[tuple(value for value, _ in choices)]
            leaf = list[choice] if isinstance(block, blocks.MultipleChoiceBlock) else choice
        else:
            leaf = next((t for cls, t in FIELD_BLOCK_TYPES.items() if isinstance(block, cls)), Any)
        return leaf if block.required else leaf | None

    def item(self, name, block):
        """A stream member: {type, value, id}."""
        return self.once("item", name, block, lambda: self.item_model(name, block))

    def item_model(self, name, block):
        return create_model(
            self.unique(f"{camel(name)}Item"),
            __doc__=str(getattr(block.meta, "description", None) or block.label),
            type=(Literal[name], ...),
            value=(self.value(block, camel(name)), ...),
            id=(str, ...),
        )

    def struct(self, block, name_hint):
        """A StructBlock's value: one typed property per child block."""
        return self.once("struct", None, block, lambda: self.struct_model(block, name_hint))

    def struct_model(self, block, name_hint):
        is_subclass = type(block) is not blocks.StructBlock
        name = type(block).__name__ if is_subclass else f"{name_hint}Block"
        fields = {
            child_name: (
                self.value(child, name + camel(child_name)),
                Field(description=help_text(child) or None),
            )
            for child_name, child in block.child_blocks.items()
        }
        doc = (type(block).__doc__ if is_subclass else None) or str(block.label)
        return create_model(self.unique(name), __doc__=doc, **fields)

    def once(self, kind, name, block, build):
        """The schema built for an equal block before, or a new one."""
        for built_kind, built_name, built_block, annotation in self.built:
            same = type(built_block) is type(block) and built_block == block
            if built_kind == kind and built_name == name and same:
                return annotation
        annotation = build()
        self.built.append((kind, name, block, annotation))
        return annotation

    def unique(self, name):
        """A schema name no other block has taken (OpenAPI components share one namespace)."""
        candidate, number = name, 1
        while candidate in self.names:
            number += 1
            candidate = f"{name}{number}"
        self.names.add(candidate)
        return candidate


block_schemas = BlockSchemas()


def typed_streamfield_schema(generator, field):
    """Wagtail's StreamField schema (and its resolver), typed from the field's blocks."""
    _untyped, default, resolve = read.streamfield_schema(generator, field)
    typed = Annotated[block_schemas.stream(field.stream_block), AsRepresented]
    return typed, default, resolve


def register():
    """Use the typed schema for every StreamField, before Wagtail builds its page schemas."""
    # Wagtail builds them once, when wagtail.api.v3.registry is first imported (in an app's ready()).
    if "wagtail.api.v3.registry" in sys.modules:
        raise ImproperlyConfigured("List 'cms' first in INSTALLED_APPS to type StreamFields.")
    read.read_generator.register_field_schema(StreamField, typed_streamfield_schema)
