"""/api/v3/summaries/: what a listing shows of each page (a card), in one request."""

import functools
from datetime import datetime

from django.db.models import F, IntegerField, TextField, Value
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags
from django.utils.text import Truncator
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.coreutils import resolve_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, get_page_models

from cms.api.languages import LanguageCode, LocaleQuery, answer_in
from cms.api.pages import any_of, site_pages
from cms.caching import cached, cached_each, site_url
from cms.pagination import LIMIT_MAX
from cms.renditions import RENDITION_SPECS
from cms.translations import localized

router = Router(tags=["pages"], auth=AllowAnonymous())
CARD_IMAGE = RENDITION_SPECS["small"]
SUMMARY_WORDS = 60
# The page types' own fields a card shows, first found first; then the page's search description.
SUMMARY_FIELDS = ("summary", "intro", "hero_subheading")


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
    limit: int = Field(20, ge=1, le=LIMIT_MAX, description=f"How many cards: 1 to {LIMIT_MAX}.")
    offset: int = Field(0, ge=0, description="How many cards to skip.")


@router.get(
    "/",
    response=Cards,
    url_name="page_summaries",
    operation_id="summaries_list",
    summary="Page summaries",
)
def page_summaries(request, filters: Query[CardFilters], locale: LanguageCode | None = LocaleQuery):
    """The site's live, public pages as cards: in menu order, or by relevance to a search. With
    `locale=fr`, each page's French translation where there is one, else the English page."""
    answer_in(locale)
    if filters.search:
        # Wagtail's search filters only on the fields it indexes: not on the locale's language.
        pages = listed_pages(request, filters)
        found = Page.objects.filter(pk__in=pages.values("pk")).search(filters.search)
        count, chosen = found.count(), [page.pk for page in found[window(filters)]]
    else:
        # The list's ids in menu order, kept: the count and any window of it without a query.
        ids = cached(
            "summary-ids",
            filters.type,
            filters.child_of,
            make=lambda: list(
                listed_pages(request, filters).order_by("path").values_list("pk", flat=True)
            ),
        )
        count, chosen = len(ids), ids[window(filters)]
    items = cached_each("api-card", chosen, lambda pk: (pk,), lambda pks: cards(request, pks))
    return {"count": count, "items": items}


def listed_pages(request, filters):
    """The site's pages in the answer's language, of the type and under the parent asked for."""
    pages = localized(site_pages(request), translations=Page.objects.live())
    if filters.type:
        pages = pages.type(page_type(filters.type))
    if filters.child_of is not None:
        parent = parent_page(pages, filters.child_of)
        # The children of the page and of its translations: those not translated are the
        # original's.
        family = Page.objects.filter(translation_key=parent.translation_key)
        pages = pages.filter(any_of(pages.child_of_q(each) for each in family))
    return pages


def window(filters):
    return slice(filters.offset, filters.offset + filters.limit)


def page_type(label):
    try:
        model = resolve_model_string(label)
    except (LookupError, ValueError):
        model = None
    if model is None or not issubclass(model, Page):
        raise HttpError(400, f"type: {label!r} is not a page type, e.g. home.ContentPage.")
    return model


def parent_page(pages, page_id):
    parent = pages.filter(pk=page_id).first()
    if parent is None:
        raise HttpError(400, f"child_of: there is no published page with id {page_id}.")
    return parent


def with_card_fields(pages):
    """The pages with each card field of their own type as `card_<field>`, all in one query.

    Each page type's fields are in its own table, so Wagtail's specific() reads one table per type
    among the cards. Joining every type's table instead keeps the count the same for any mix.
    """
    return pages.annotate(
        **{
            f"card_{name}": Coalesce(
                *map(F, columns),
                Value(None),
                output_field=IntegerField() if name == "image" else TextField(),
            )
            for name, columns in card_columns().items()
        }
    )


@functools.cache
def card_columns():
    """{card field: its column in each page type that has it}, worked out once: the page types
    do not change while the site runs."""
    found = {}
    for model in get_page_models():
        for field in model._meta.local_concrete_fields:
            wanted = field.name in (*SUMMARY_FIELDS, "image_alt_text", "image")
            if wanted and not isinstance(field, StreamField):  # a stream's text needs rendering
                found.setdefault(field.name, []).append(f"{lookup(model)}__{field.attname}")
    return found


def lookup(model):
    """How a query on Page reaches this page type's own table, e.g. "programpage"."""
    names = []
    while model is not Page:
        model, link = next(iter(model._meta.parents.items()))
        names.insert(0, link.related_query_name())
    return "__".join(names)


def cards(request, page_ids):
    """The cards for these pages, in order, with a fixed number of queries however many there are."""
    found = with_card_fields(Page.objects.filter(pk__in=page_ids)).in_bulk()
    pages = [found[pk] for pk in page_ids]
    image_ids = {page.card_image for page in pages if getattr(page, "card_image", None)}
    images = get_image_model().objects.prefetch_renditions(CARD_IMAGE).in_bulk(image_ids)
    return [card(request, page, images.get(getattr(page, "card_image", None))) for page in pages]


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
    for field in (*(f"card_{name}" for name in SUMMARY_FIELDS), "search_description"):
        text = strip_tags(getattr(page, field, "") or "").strip()
        if text:
            return Truncator(text).words(SUMMARY_WORDS)
    return ""


def card_image(request, page, image):
    rendition = image.get_rendition(CARD_IMAGE)
    return {
        "url": site_url(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": getattr(page, "card_image_alt_text", "") or image.default_alt_text,
    }
