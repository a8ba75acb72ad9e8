"""Page details that say their type at the top level, so a client can tell them apart.

Wagtail's page detail is a union of page types told apart by `meta.type`, a nested property that
OpenAPI's `discriminator` cannot name. Each page type's read schema is registered again here with
a required top-level `type`, equal to `meta.type`; the document then maps it (cms.api.openapi).
"""

import sys
from dataclasses import replace
from typing import Literal

from django.core.exceptions import ImproperlyConfigured
from wagtail.models import get_page_models


def register():
    """Give every page type's read schema its `type`, before Wagtail builds the detail union."""
    # Wagtail builds the union once, when wagtail.api.v3.routers.pages is first imported (by an
    # app's ready(), after ours as 'cms' is listed first).
    if "wagtail.api.v3.routers.pages" in sys.modules:
        raise ImproperlyConfigured("List 'cms' first in INSTALLED_APPS to type page details.")
    # Imported only now: importing the registry builds every page type's schema, which must
    # come after the typed StreamFields are registered (cms.streamfield_schema).
    from wagtail.api.v3.registry import registry
    from wagtail.api.v3.schemas import read_generator

    for model in get_page_models():
        registration = registry.get(model._meta.label)
        schema = registration.read_schema
        typed = read_generator.extend_schema(
            schema, schema.__name__, {"type": page_type_field(model._meta.label)}
        )
        registry.register(replace(registration, read_schema=typed))


def page_type_field(label):
    """A required `type` property whose only value is the page type's label."""

    def resolve(obj):
        return label

    return Literal[label], ..., staticmethod(resolve)
