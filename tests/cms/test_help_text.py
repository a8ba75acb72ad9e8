"""Every field and block a volunteer fills in says what to put there."""

# Checked: each editable field of our apps' models, with help text on the field or on its FieldPanel,
# and each block inside our StreamFields (a description, or help text). Left out, as Wagtail already
# explains them or nobody types them: fields Wagtail's own models define (title, slug, the promote
# tab's fields) unless one of our panels shows them; the go-live and expiry times in Wagtail's
# scheduling dialog; the insides of Wagtail's own composite blocks (the image block's alt text);
# links to a parent (ParentalKey); tag links; and the content version, which no one edits.

from django.apps import apps
from modelcluster.fields import ParentalKey
from taggit.models import ItemBase
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.admin.panels.model_utils import get_edit_handler
from wagtail.fields import StreamField
from wagtail.models import Page

from cms.models import ContentVersion
from partners.models import Partner

OUR_APPS = ("cms", "home", "programs", "resources", "contact")
PLAIN_CONTAINERS = (blocks.StructBlock, blocks.StreamBlock, blocks.ListBlock)


def ours(cls):
    return cls.__module__.split(".")[0] in OUR_APPS


def field_panels(panel):
    """The FieldPanels inside a panel, except those of Wagtail's scheduling dialog."""
    if isinstance(panel, FieldPanel):
        yield panel
    if not isinstance(panel, PublishingPanel):
        for child in getattr(panel, "children", []):
            yield from field_panels(child)


def panel_help_texts(model):
    handler = model.get_edit_handler() if issubclass(model, Page) else get_edit_handler(model)
    return {panel.field_name: panel.help_text for panel in field_panels(handler)}


def defined_by_a_library(model, name):
    return any(
        any(field.name == name for field in base._meta.local_fields + base._meta.local_many_to_many)
        for base in model.__mro__[1:]
        if hasattr(base, "_meta") and not ours(base)
    )


def edited_models():
    for app in OUR_APPS:
        for model in apps.get_app_config(app).get_models():
            if model is not ContentVersion and not issubclass(model, ItemBase):
                yield model


def fields_without_help(model):
    shown = panel_help_texts(model)
    for field in model._meta.get_fields():
        if not getattr(field, "editable", False) or field.auto_created:
            continue
        if isinstance(field, ParentalKey):
            continue
        if defined_by_a_library(model, field.name) and field.name not in shown:
            continue
        if not (field.help_text or shown.get(field.name)):
            yield f"{model._meta.label}.{field.name}"


def blocks_without_help(block, path):
    """Blocks under this one with neither a description nor help text, as dotted paths."""
    if isinstance(block, blocks.ListBlock):
        yield from blocks_without_help(block.child_block, f"{path}[]")
    for name, child in getattr(block, "child_blocks", {}).items():
        if not (child.get_description() or getattr(child.meta, "help_text", None)):
            yield f"{path}.{name}"
        if ours(type(child)) or type(child) in PLAIN_CONTAINERS:
            yield from blocks_without_help(child, f"{path}.{name}")


def stream_fields():
    for model in edited_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                yield f"{model._meta.label}.{field.name}", field.stream_block


def test_every_field_a_volunteer_fills_in_has_help_text():
    missing = [label for model in edited_models() for label in fields_without_help(model)]
    assert missing == []


def test_every_block_in_our_stream_fields_has_a_description_or_help_text():
    missing = [
        label for path, block in stream_fields() for label in blocks_without_help(block, path)
    ]
    assert missing == []


def test_the_checks_name_a_field_and_a_block_without_help_text():
    field = Partner._meta.get_field("name")
    saved, field.help_text = field.help_text, ""
    try:
        assert list(fields_without_help(Partner)) == ["partners.Partner.name"]
    finally:
        field.help_text = saved
    stream = blocks.StreamBlock([("quote", blocks.StructBlock([("words", blocks.CharBlock())]))])
    assert list(blocks_without_help(stream, "body")) == ["body.quote", "body.quote.words"]
