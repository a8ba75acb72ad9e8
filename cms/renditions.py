"""Images' renditions: made when an image is uploaded, and described to API consumers.

API consumers get rendition URLs, sizes and alt text, never a bare id.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_save
from django_tasks import task
from ninja import Field, Schema
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from cms.caching import site_url

logger = logging.getLogger(__name__)

# Widths offered to API consumers (named as in Renditions); the middle one is the default `url`.
RENDITION_SPECS = {"small": "max-400x400", "medium": "max-800x800", "large": "max-1600x1600"}
# As Filters made once: Wagtail parses a spec string again on every call, which a list of fifty
# images' renditions notices.
RENDITION_FILTERS = [Filter(spec) for spec in RENDITION_SPECS.values()]
# The size partner logos are shown at (partners/templates/blocks/partners_block.html, the sign-in page).
LOGO_SPEC = "max-240x120"
# Every rendition the templates and the API ask for (picture blocks' srcset, program pictures,
# partner logos), made ahead so no visitor waits while one is generated.
PREGENERATED_SPECS = [
    *RENDITION_SPECS.values(),
    "width-400",
    "width-800",
    "width-1200",
    LOGO_SPEC,
]


class Rendition(Schema):
    url: str
    width: int
    height: int


class Renditions(Schema):
    small: Rendition
    medium: Rendition
    large: Rendition


class ImageRenditions(Schema):
    id: int
    title: str
    alt: str = Field(description="Empty when the image is decorative.")
    decorative: bool
    url: str
    width: int
    height: int
    renditions: Renditions
    srcset: str = Field(description="The renditions as an HTML srcset, e.g. 'url 400w, url 800w'.")


def pregenerate_renditions(images):
    """Make any of the images' renditions that do not exist yet."""
    for image in images:
        image.get_renditions(*PREGENERATED_SPECS)


@task()
def pregenerate_uploaded_renditions(image_id):
    """Make a newly uploaded image's renditions; if that fails, they are made when first shown."""
    image = get_image_model().objects.filter(pk=image_id).first()
    if image is None:  # deleted meanwhile
        return
    try:
        pregenerate_renditions([image])
    except Exception:  # whatever the image libraries raise on a file that passed Wagtail's checks
        logger.exception(
            "Could not make the renditions of image %s (%r) ahead; they will be made when first "
            "shown, if the file can be read.",
            image.pk,
            image.title,
        )


def image_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    """After an upload or a replaced file (not a save of some fields), make the renditions."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    # After the commit: replacing a file, Wagtail deletes the old renditions after saving.
    transaction.on_commit(lambda: pregenerate_uploaded_renditions.enqueue(instance.pk), robust=True)


def connect():
    post_save.connect(image_saved, sender=get_image_model(), dispatch_uid="pregenerate_renditions")


def image_representation(image, request=None):
    """The JSON for one image as used on a page (alt text is the page's, not the library's)."""
    if image is None:
        return None
    renditions = image.get_renditions(*RENDITION_FILTERS)

    def describe(rendition):
        url = site_url(request, rendition.url) if request else rendition.url
        return {"url": url, "width": rendition.width, "height": rendition.height}

    sizes = {name: describe(renditions[spec]) for name, spec in RENDITION_SPECS.items()}
    decorative = bool(getattr(image, "decorative", False))
    alt = getattr(image, "contextual_alt_text", None)
    return {
        "id": image.pk,
        "title": image.title,
        "alt": "" if decorative else (alt if alt is not None else image.default_alt_text),
        "decorative": decorative,
        **sizes["medium"],
        "renditions": sizes,
        "srcset": srcset(sizes.values()),
    }


def srcset(sizes):
    """An HTML srcset of the sizes; a small image's renditions share a width, listed once."""
    by_width = {size["width"]: size["url"] for size in sizes}
    return ", ".join(f"{url} {width}w" for width, url in by_width.items())
