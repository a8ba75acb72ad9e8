"""/api/v3/summaries/: what a listing shows of each page (a card), in one request."""

from datetime import datetime

from django.utils.html import strip_tags
from django.utils.text import Truncator
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.api.utils import get_full_url
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.coreutils import resolve_model_string
from wagtail.images import get_image_model
from wagtail.models import Page

from cms.renditions import RENDITION_SPECS

router = Router(tags=["pages"], auth=AllowAnonymous())
CARD_IMAGE = RENDITION_SPECS["small"]
SUMMARY_WORDS = 60


class CardImage(Schema):
    url: str
    width: int
    height: int
    alt: str


class Card(Schema):
    id: int
    type: str = Field(description="The page type, e.g. programs.ProgramPage.")
    title: str
    url: str | None = Field(description="The page on this site.")
    summary: str = Field(description="Plain text: the page's summary, intro or description.")
    image: CardImage | None
    first_published_at: datetime | None
    last_published_at: datetime | None


class Cards(Schema):
    count: int
    items: list[Card]


class CardFilters(Schema):
    type: str | None = Field(None, description="Only pages of this type, e.g. home.ContentPage.")
    child_of: int | None = Field(None, description="Only the children of this page (by id).")
    search: str | None = Field(None, description="Words to search for; best matches first.")
    limit: int = Field(20, ge=1, le=100)
    offset: int = Field(0, ge=0)


@router.get("/", response=Cards, url_name="page_summaries", summary="Page summaries")
def page_summaries(request, filters: Query[CardFilters]):
    """Live, public pages as listing cards: in menu order, or by relevance when searching."""
    pages = Page.objects.live().public()
    if filters.type:
        pages = pages.type(page_type(filters.type))
    if filters.child_of is not None:
        pages = pages.child_of(parent_page(filters.child_of))
    pages = pages.search(filters.search) if filters.search else pages.order_by("path")
    window = list(pages[filters.offset : filters.offset + filters.limit])
    return {"count": pages.count(), "items": cards(request, window)}


def page_type(label):
    try:
        model = resolve_model_string(label)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, Page):
        raise HttpError(400, f"type: {label!r} is not a page type, e.g. home.ContentPage.")
    return model


def parent_page(page_id):
    parent = Page.objects.live().public().filter(pk=page_id).first()
    if parent is None:
        raise HttpError(400, f"child_of: there is no published page with id {page_id}.")
    return parent


def cards(request, pages):
    """The cards for these pages, with a fixed number of queries however many there are."""
    chosen = Page.objects.filter(pk__in=[page.pk for page in pages])
    specific = chosen.defer_streamfields().specific().in_bulk()
    pages = [specific[page.pk] for page in pages]
    image_ids = {page.image_id for page in pages if getattr(page, "image_id", None)}
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE).in_bulk(image_ids)
    return [card(request, page, images.get(getattr(page, "image_id", None))) for page in pages]


def card(request, page, image):
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label,
        "title": page.title,
        "url": page.get_full_url(request),
        "summary": summary(page),
        "image": image and card_image(request, page, image),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
    }


def summary(page):
    """The first of the page's summary, intro or search description, as plain text."""
    for field in ("summary", "intro", "hero_subheading", "search_description"):
        text = strip_tags(getattr(page, field, "") or "").strip()
        if text:
            return Truncator(text).words(SUMMARY_WORDS)
    return ""


def card_image(request, page, image):
    rendition = image.get_rendition(CARD_IMAGE)
    return {
        "url": get_full_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(page, "image_alt_text", "") or image.default_alt_text,
    }
