"""Admin screens: the resource directory (wagtail-modeladmin), its languages and its downloads."""

from django.contrib import admin, messages
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register
from wagtail_modeladmin.views import IndexView

from cms.dashboard import DashboardPanel
from resources.exports import csv_response, hsds_response
from resources.models import Language, Resource
from resources.models.directory import categories_in_use


class CategoryFilter(SimpleListFilter):
    title = "category"
    parameter_name = "category"

    def lookups(self, request, model_admin):
        return [(tag.slug, tag.name) for tag in categories_in_use()]

    def queryset(self, request, queryset):
        return queryset.in_category(self.value()) if self.value() else queryset


class LanguageFilter(SimpleListFilter):
    title = "language"
    parameter_name = "language"

    def lookups(self, request, model_admin):
        return [(language.code, language.name) for language in Language.objects.all()]

    def queryset(self, request, queryset):
        return queryset.in_language(self.value()) if self.value() else queryset


class VerificationFilter(SimpleListFilter):
    title = "last checked"
    parameter_name = "checked"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Needs re-checking (over 12 months ago, or never)"),
            ("recent", "Checked in the last 12 months"),
        ]

    def queryset(self, request, queryset):
        overdue = queryset.needing_verification()
        if self.value() == "overdue":
            return overdue
        if self.value() == "recent":
            return queryset.exclude(pk__in=overdue.values("pk"))
        return queryset


class ResourceIndexView(IndexView):
    """The list, which answers a filter it does not know (e.g. an edited or old link) plainly."""

    def dispatch(self, request, *args, **kwargs):
        try:
            return super().dispatch(request, *args, **kwargs)
        except IncorrectLookupParameters:
            messages.error(request, "That filter is not one this list offers; showing them all.")
            return redirect(self.index_url)


class ResourceAdmin(ModelAdmin):
    """The directory's list: search, filter, sort by any column, inspect and edit."""

    model = Resource
    menu_label = "Resources"
    menu_icon = "list-ul"
    list_display = ("name", "service_area", "peer_run", "last_verified", "check_due")
    list_filter = (CategoryFilter, LanguageFilter, VerificationFilter, "peer_run")
    search_fields = ("name", "name_fr", "short_description", "service_area", "city")
    ordering = ("name",)
    list_per_page = 50
    inspect_view_enabled = True
    index_view_class = ResourceIndexView

    @admin.display(description="Needs re-checking")
    def check_due(self, resource):
        return "Yes" if resource.needs_verification else ""

    inspect_view_fields = (
        "name",
        "short_description",
        "name_fr",
        "short_description_fr",
        "website",
        "email",
        "phone_numbers",
        "street_address",
        "unit",
        "city",
        "province",
        "postal_code",
        "service_area",
        "languages",
        "peer_run",
        "categories",
        "last_verified",
        "updated_at",
    )


class LanguageAdmin(ModelAdmin):
    """Languages resources can be offered in; English and French come ready."""

    model = Language
    menu_label = "Languages"
    menu_icon = "globe"
    list_display = ("name", "name_fr", "code")
    search_fields = ("name", "name_fr", "code")


@modeladmin_register
class ResourceDirectoryGroup(ModelAdminGroup):
    menu_label = "Resource directory"
    menu_icon = "list-ul"
    menu_order = 210
    items = (ResourceAdmin, LanguageAdmin)


def export_view(respond):
    """An admin download of the whole directory, for anyone who may see the resources list."""

    def view(request):
        if not PermissionHelper(Resource).user_can_list(request.user):
            raise PermissionDenied
        return respond(Resource.objects.with_details())

    return view


@hooks.register("register_admin_urls")
def register_export_urls():
    return [
        path("resources/export/csv/", export_view(csv_response), name="resources_export_csv"),
        path("resources/export/hsds/", export_view(hsds_response), name="resources_export_hsds"),
    ]


class ResourcesToRecheckPanel(DashboardPanel):
    """Resources last checked over a year ago (or never), oldest first."""

    name = "resources_to_recheck"
    order = 60
    empty_text = "Every resource was checked in the last 12 months."
    all_label = "All resources needing re-checking"

    def __init__(self, request):
        super().__init__(request)
        self.due = Resource.objects.needing_verification().order_by("last_verified", "name")

    @property
    def heading(self):
        return f"Resources needing re-checking ({self.due.count()})"

    def rows(self):
        return [
            (
                resource.name,
                reverse("resources_resource_modeladmin_edit", args=[quote(resource.pk)]),
                f"last checked {resource.last_verified:%B %-d, %Y}"
                if resource.last_verified
                else "never checked",
            )
            for resource in self.due[:5]
        ]

    def all_url(self):
        return reverse("resources_resource_modeladmin_index") + "?checked=overdue"


@hooks.register("construct_homepage_panels")
def add_resources_to_recheck_panel(request, panels):
    if request.user.has_perm("resources.change_resource"):
        panels.append(ResourcesToRecheckPanel(request))
