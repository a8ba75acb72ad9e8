"""v2 pages and images whose listings fetch related rows for all items at once, not per item, and
what every v2 endpoint of ours shares."""

import functools
import operator

from django.conf import settings
from django.db.models import Q, QuerySet
from rest_framework.fields import SkipField
from rest_framework.renderers import BrowsableAPIRenderer, JSONRenderer
from wagtail.api.v2.serializers import (
    DetailUrlField,
    PageLocaleField,
    PageParentField,
    PageSerializer,
    TagsField,
    get_serializer_class,
)
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from cms.caching import cached, cached_each, is_anonymous, site_for, site_url
from cms.translations import language_codes


class CompactJSONRenderer(JSONRenderer):
    """JSON without the indentation Wagtail's v2 views ask for: Python's C encoder only writes
    unindented JSON, and the indented kind took a seventh of a listing's time and a third of its
    bytes. A client may still ask for it (`Accept: application/json; indent=4`), and the browsable
    API (text/html) indents what it shows."""

    def get_indent(self, accepted_media_type, renderer_context):
        if accepted_media_type and accepted_media_type.startswith("text/html"):
            return super().get_indent(accepted_media_type, renderer_context)
        return super().get_indent(accepted_media_type, {})


class CompactJSON:
    """A v2 endpoint answering compact JSON (see CompactJSONRenderer)."""

    renderer_classes = [CompactJSONRenderer, BrowsableAPIRenderer]


class CachedListing:
    """A listing whose items are each kept (cms.caching) for the query's choice of fields and type:
    serialising twenty of them was most of a listing's time. The listing reads only its window's
    ids; the items not kept are read and serialised as Wagtail would. A search, not a queryset, is
    listed as Wagtail lists it."""

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        window = self.paginate_queryset(queryset)
        if not isinstance(window, QuerySet):
            return self.get_paginated_response(self.get_serializer(window, many=True).data)
        shape = sorted(item for item in request.GET.lists() if item[0] not in ("limit", "offset"))
        items = cached_each(
            f"api-v2-{self.model._meta.label_lower}",
            list(window.values_list("pk", flat=True)),
            lambda pk: (shape, pk),
            lambda ids: self.serialised(queryset, ids),
        )
        return self.get_paginated_response(items)

    def serialised(self, queryset, ids):
        rows = {row.pk: row for row in queryset.filter(pk__in=ids)}
        return self.get_serializer([rows[pk] for pk in ids], many=True).data


class DetailUrlInSite(DetailUrlField):
    """`meta.detail_url` against the kept site (`site_for`): Wagtail reads the site from the
    database for it on every request."""

    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return site_url(self.context["request"], path)


class LocaleCode(PageLocaleField):
    """`meta.locale` from the kept locales: Wagtail reads the page's locale for it."""

    def to_representation(self, page):
        return language_codes().get(page.locale_id) or super().to_representation(page)


class TagNames(TagsField):
    """Tag names in order, sorted here so that tags fetched with the whole listing are used: as a
    plain list (`tag_list`) when the listing prefetched one, else through the tags' manager."""

    def get_attribute(self, instance):
        listed = getattr(instance, "tag_list", None)
        return listed if listed is not None else super().get_attribute(instance).all()

    def to_representation(self, value):
        return sorted(tag.name for tag in value)


class ParentInSite(PageParentField):
    """The parent page when it is in the site; for the site's own root page, none without asking
    (Wagtail reads the parent and then asks whether the site lists it)."""

    def get_attribute(self, instance):
        site = site_for(self.context["request"])
        if site and instance.depth <= site.root_page.depth:
            return None
        return super().get_attribute(instance)

    def to_representation(self, value):
        # Wagtail's own, on our serializer rather than PageSerializer (its detail_url reads the site).
        serializer_class = get_serializer_class(
            type(value),
            ["id", "type", "detail_url", "html_url", "title"],
            meta_fields=["type", "detail_url", "html_url"],
            base=PageWithTagNamesSerializer,
        )
        return serializer_class(context=self.context).to_representation(value)


class PageWithTagNamesSerializer(PageSerializer):
    detail_url = DetailUrlInSite(read_only=True)
    locale = LocaleCode(read_only=True)
    parent = ParentInSite(read_only=True)

    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (TagNames if field_class is TagsField else field_class), kwargs


class PagesWithRelationsAPIViewSet(CompactJSON, CachedListing, PagesAPIViewSet):
    """Wagtail's v2 pages; a page type may add prefetches for its API fields (prefetch_for_api)."""

    base_serializer_class = PageWithTagNamesSerializer

    def get_base_queryset(self):
        """The live, public pages of this site, worked out once per request: Wagtail asks three
        times, each time reading every view restriction, the site and its translations again. An
        anonymous reader of the request's own site gets `site_pages`."""
        if not hasattr(self, "_base_queryset"):
            own_site = is_anonymous(self.request) and "site" not in self.request.GET
            self._base_queryset = (
                site_pages(self.request) if own_site else super().get_base_queryset()
            )
        return self._base_queryset.all()

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        prefetch = getattr(queryset.model, "prefetch_for_api", None)
        return prefetch(queryset) if prefetch else queryset


def site_pages(request):
    """The live pages of the request's site in every language that no view restriction hides:
    what Wagtail's API lists for an anonymous reader, with the site and its home pages kept."""
    site = site_for(request)
    if site is None:
        return Page.objects.none()
    homes = cached(
        "homes",
        site.pk,
        make=lambda: list(Page.objects.filter(translation_key=site.root_page.translation_key)),
        language=settings.LANGUAGE_CODE,
    )
    pages = Page.objects.live().public()
    return pages.filter(any_of(pages.descendant_of_q(home, inclusive=True) for home in homes))


def any_of(conditions):
    return functools.reduce(operator.or_, conditions, Q(pk__in=[]))
