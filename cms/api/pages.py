"""v2 pages and images whose listings fetch related rows for all items at once, not per item, and
what every v2 endpoint of ours shares."""

from wagtail.api.v2.serializers import PageParentField, PageSerializer, TagsField
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site


class CompactJSON:
    """JSON without the indentation Wagtail asks for: Python's C encoder only writes unindented
    JSON, and the indented kind took a seventh of a listing's time and a third of its bytes.
    The browsable API (text/html) still indents its own."""

    def get_renderer_context(self):
        context = super().get_renderer_context()
        del context["indent"]
        return context


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
        site = Site.find_for_request(self.context["request"])
        if site and instance.depth <= site.root_page.depth:
            return None
        return super().get_attribute(instance)


class PageWithTagNamesSerializer(PageSerializer):
    parent = ParentInSite(read_only=True)

    def build_property_field(self, field_name, model_class):
        field_class, kwargs = super().build_property_field(field_name, model_class)
        return (TagNames if field_class is TagsField else field_class), kwargs


class PagesWithRelationsAPIViewSet(CompactJSON, PagesAPIViewSet):
    """Wagtail's v2 pages; a page type may add prefetches for its API fields (prefetch_for_api)."""

    base_serializer_class = PageWithTagNamesSerializer

    def get_base_queryset(self):
        """The live, public pages of this site, worked out once per request: Wagtail asks three
        times, each time reading every view restriction again."""
        if not hasattr(self, "_base_queryset"):
            self._base_queryset = super().get_base_queryset()
        return self._base_queryset.all()

    def get_queryset(self):
        queryset = super().get_queryset().select_related("locale")
        prefetch = getattr(queryset.model, "prefetch_for_api", None)
        return prefetch(queryset) if prefetch else queryset
