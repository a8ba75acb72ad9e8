"""Images and documents in the API: v3 routes of our own, and v2 images with renditions."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema
from ninja.pagination import paginate
from rest_framework.fields import Field
from wagtail.api.utils import get_full_url
from wagtail.api.v2.utils import get_restricted_collection_ids
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.api.v2.serializers import ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet

from cms.renditions import image_representation

images_router = Router(tags=["images"], auth=AllowAnonymous())
documents_router = Router(tags=["documents"], auth=AllowAnonymous())


class Meta(Schema):
    type: str
    detail_url: str


class Rendition(Schema):
    url: str
    width: int
    height: int


class ImageSummary(Schema):
    id: int
    title: str
    meta: Meta


class ImageDetail(ImageSummary):
    alt: str
    decorative: bool
    url: str
    width: int
    height: int
    renditions: dict[str, Rendition]


class DocumentSummary(Schema):
    id: int
    title: str
    meta: Meta


class DocumentDetail(DocumentSummary):
    download_url: str
    file_extension: str
    file_size: int | None


def visible(model, request):
    """Images or documents outside collections the visitor may not see, oldest first."""
    return model.objects.exclude(collection__in=get_restricted_collection_ids(request)).order_by(
        "id"
    )


def meta(request, obj, url_name):
    url = reverse(f"wagtailapi_v3:{url_name}", kwargs={"item_id": obj.pk})
    return {"type": obj._meta.label, "detail_url": get_full_url(request, url)}


@images_router.get("/", response=list[ImageSummary], url_name="list_images", summary="List images")
@paginate(WagtailLimitOffsetPagination)
def list_images(request):
    return [
        {"id": image.pk, "title": image.title, "meta": meta(request, image, "detail_image")}
        for image in visible(get_image_model(), request)
    ]


@images_router.get(
    "/{item_id}/", response=ImageDetail, url_name="detail_image", summary="Image detail"
)
def image_detail(request, item_id: int):
    image = get_object_or_404(visible(get_image_model(), request), pk=item_id)
    return {**image_representation(image, request), "meta": meta(request, image, "detail_image")}


@documents_router.get(
    "/", response=list[DocumentSummary], url_name="list_documents", summary="List documents"
)
@paginate(WagtailLimitOffsetPagination)
def list_documents(request):
    return [
        {"id": doc.pk, "title": doc.title, "meta": meta(request, doc, "detail_document")}
        for doc in visible(get_document_model(), request)
    ]


@documents_router.get(
    "/{item_id}/", response=DocumentDetail, url_name="detail_document", summary="Document detail"
)
def document_detail(request, item_id: int):
    document = get_object_or_404(visible(get_document_model(), request), pk=item_id)
    return {
        "id": document.pk,
        "title": document.title,
        "meta": meta(request, document, "detail_document"),
        "download_url": get_full_url(request, document.url),
        "file_extension": document.file_extension,
        "file_size": document.file_size,
    }


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
    renditions = ImageRenditionsField(read_only=True)
    alt = ImageAltField(read_only=True)


class ImagesWithRenditionsAPIViewSet(ImagesAPIViewSet):
    """v2 images, with alt text and rendition URLs alongside the original's download URL."""

    base_serializer_class = ImageWithRenditionsSerializer
    body_fields = ImagesAPIViewSet.body_fields + ["alt", "renditions"]
    listing_default_fields = ImagesAPIViewSet.listing_default_fields + ["alt"]
