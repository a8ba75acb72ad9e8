"""Images in the API: ready-sized renditions with alt text, in v3 and v2.

Wagtail's own v3 routes serve /api/v3/images/ and /api/v3/documents/; we add a renditions route
beside them rather than replace them.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from ninja import Router
from rest_framework.fields import Field
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.documents.api.v2 import views as wagtail_documents_v2
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.images.api.v3.router import get_images_queryset

from cms.api.pages import CachedListing, CompactJSON, DetailUrlInSite, TagNames
from cms.renditions import RENDITION_SPECS, ImageRenditions, image_representation

images_router = Router(tags=["images"], auth=AllowAnonymous())


@images_router.get(
    "/{image_id}/renditions/",
    response=ImageRenditions,
    url_name="image_renditions",
    operation_id="images_renditions",
    summary="Image renditions",
)
def image_renditions(request, image_id: int):
    """Ready-sized copies of an image (small, medium, large) with its alt text from the library."""
    image = get_object_or_404(get_images_queryset(request), pk=image_id)
    return image_representation(image, request)


class ImageRenditionsField(Field):
    """The image's rendition URLs and sizes, for v2 consumers."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image_representation(image, self.context["request"])["renditions"]


class ImageAltField(Field):
    """The image's default alt text from the image library."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, image):
        return image.default_alt_text


class ImageWithRenditionsSerializer(ImageSerializer):
    detail_url = DetailUrlInSite(read_only=True)
    tags = TagNames(read_only=True)
    renditions = ImageRenditionsField(read_only=True)
    alt = ImageAltField(read_only=True)


class ImagesWithRenditionsAPIViewSet(CompactJSON, CachedListing, ImagesAPIViewSet):
    """v2 images, with alt text and rendition URLs alongside the original's download URL."""

    base_serializer_class = ImageWithRenditionsSerializer
    body_fields = ImagesAPIViewSet.body_fields + ["alt", "renditions"]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + ["alt"]

    def get_queryset(self):
        """With every image's tags and renditions fetched at once, however many are listed (the
        tags as a plain list: prefetched into their manager, each image costs a queryset)."""
        renditions = RENDITION_SPECS.values()
        tags = Prefetch("tags", to_attr="tag_list")
        return super().get_queryset().prefetch_related(tags).prefetch_renditions(*renditions)


class DocumentsAPIViewSet(CompactJSON, CachedListing, wagtail_documents_v2.DocumentsAPIViewSet):
    """Wagtail's v2 documents, listed as our other v2 endpoints."""
