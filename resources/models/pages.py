"""The directory page: filters, search and one page per resource."""

from django.core.paginator import Paginator
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from django.template.loader import get_template
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyStreamBlock
from cms.caching import CachedPrivacyMixin, cached, cached_each
from cms.conf import app_settings
from cms.models import ExternalPreviewMixin
from cms.translations import shown_order
from resources.models.directory import (
    Language,
    Resource,
    UnknownFilterValue,
    categories_in_use,
    details,
)

RESOURCES_PER_PAGE = 20


class ResourceIndexPage(CachedPrivacyMixin, ExternalPreviewMixin, RoutablePageMixin, Page):
    """The resource directory, at /resources/; resources themselves are edited under Resources."""

    page_description = (
        "The directory of services and supports, with filters. A site has only one; add the "
        "resources themselves under Resource directory in the menu."
    )
    admin_icon = "search"

    intro = StreamField(
        BodyStreamBlock(),
        blank=True,
        help_text="Text above the directory: what it lists and why. Add a 'References' block "
        "if you cite sources with [1], [2].",
    )

    parent_page_types = app_settings.PARENT_PAGE_TYPES
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "resource directory page"

    @path("", name="index")
    def index(self, request):
        """The directory, filtered by ?category=, ?language= and ?search=, 20 to a page."""
        chosen = {
            name: request.GET.get(name, "").strip() for name in ("category", "language", "search")
        }
        categories, languages = cached(
            "directory-filters",
            make=lambda: (
                list(categories_in_use()),
                list(Language.objects.order_by(shown_order(Language, "name"))),
            ),
        )
        try:
            resources = Resource.objects.filtered(
                **chosen, categories=categories, languages=languages
            )
            problem = ""
        except UnknownFilterValue as error:
            resources, problem = Resource.objects.none(), f"{error} Choose one from the list above."
        page = Paginator(resources, RESOURCES_PER_PAGE).get_page(page_number(request.GET))
        context = {
            "resources": page,
            "summaries": self.summaries(request, list(page)),
            "chosen": chosen,
            "filtered": any(chosen.values()),
            "problem": problem,
            "categories": categories,
            "languages": languages,
        }
        return self.render(request, context_overrides=context)

    def summaries(self, request, resources):
        """Each resource's entry in the list, as HTML: twenty of them are most of the cost of a
        directory page, and each is the same in every listing it appears in."""

        def render(missing):
            prefetch_related_objects(missing, *details())
            template = get_template("resources/components/resource_summary.html")
            context = {"request": request, "directory_page": self}
            return [template.render({**context, "resource": resource}) for resource in missing]

        return cached_each("resource-summary", resources, lambda r: (self.pk, r.pk), render)

    @path("<slug:slug>/", name="resource")
    def resource_detail(self, request, slug):
        """One resource: how to reach it, where it is and when it was last checked."""
        resource = get_object_or_404(Resource.objects.with_details(), slug=slug)
        context = {"resource": resource, "ancestors": self.get_ancestors().filter(depth__gt=1)}
        return self.render(request, context_overrides=context, template="resources/resource.html")


def page_number(query):
    """?page= as a number from 1 up; anything else is page 1 (past the end is the last page)."""
    try:
        return max(1, int(query.get("page", "1")))
    except ValueError:
        return 1
