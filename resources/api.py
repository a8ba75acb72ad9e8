"""/api/v3/resources/: the directory for other sites, with the page's filters, and its exports."""

from datetime import date

from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.rich_text import expand_db_html

from cms.api.languages import LanguageCode, LocaleQuery, answer_in
from cms.api.site_settings import Address, address_representation
from cms.caching import CachedItems
from cms.pagination import ListPagination
from resources.exports import csv_response, hsds_response
from resources.models import Resource, UnknownFilterValue
from resources.models.directory import details

router = Router(tags=["resources"], auth=AllowAnonymous())


class ResourceFilters(Schema):
    category: str = ""
    language: str = ""
    search: str = ""


class ResourcePhone(Schema):
    label: str
    number: str
    extension: str
    tel: str


class ResourceLanguage(Schema):
    code: str = Field(description="What ?language= takes, e.g. fr.")
    name: str


class ResourceCategory(Schema):
    slug: str = Field(description="What ?category= takes, e.g. peer-support.")
    name: str = Field(description="As visitors read it, e.g. peer support.")


class ResourceOut(Schema):
    slug: str
    name: str
    short_description: str
    description: str
    website: str
    email: str
    phones: list[ResourcePhone]
    address: Address | None
    service_area: str
    languages: list[ResourceLanguage]
    peer_run: bool
    last_verified: date | None
    categories: list[ResourceCategory]


def resource_representation(resource):
    """A resource as the API gives it; its details fetched already (see Resource.with_details)."""
    return {
        "slug": resource.slug,
        "name": resource.shown_text("name"),
        "short_description": resource.shown_text("short_description"),
        "description": expand_db_html(resource.shown_text("description")),
        "website": resource.website,
        "email": resource.email,
        "phones": [
            {
                "label": phone.label,
                "number": phone.number,
                "extension": phone.extension,
                "tel": phone.tel_href,
            }
            for phone in resource.phone_list
        ],
        "address": address_representation(resource) if resource.has_address else None,
        "service_area": resource.service_area,
        "languages": [
            {"code": language.code, "name": language.shown_text("name")}
            for language in resource.language_list
        ],
        "peer_run": resource.peer_run,
        "last_verified": resource.last_verified,
        "categories": [
            {"slug": category.slug, "name": category.name} for category in resource.category_list
        ],
    }


def resource_items(resources):
    """The API items of these resources, their details read at once."""
    prefetch_related_objects(resources, *details())
    return [resource_representation(resource) for resource in resources]


def filtered(filters):
    """The resources matching the filters, or a 400 naming an unknown category or language."""
    try:
        return Resource.objects.filtered(**filters.dict())
    except UnknownFilterValue as error:
        known = ", ".join(error.known) or "none yet"
        detail = f"Invalid query parameter: {error.parameter} ({error} Known: {known}.)"
        raise HttpError(400, detail) from error


@router.get(
    "/",
    response=list[ResourceOut],
    url_name="list_resources",
    operation_id="resources_list",
    summary="Resources",
)
@paginate(ListPagination)
def list_resources(
    request, filters: Query[ResourceFilters], locale: LanguageCode | None = LocaleQuery
):
    """The directory by name; ?category= (a category slug), ?language= (e.g. fr), ?search=.
    With `locale=fr`, the French names and descriptions where they are translated."""
    answer_in(locale)
    return CachedItems("api-resource", filtered(filters), resource_items)


@router.get(
    "/export/csv/",
    url_name="resources_csv",
    operation_id="resources_export_csv",
    summary="Resources as CSV",
)
def export_csv(request, filters: Query[ResourceFilters]):
    """The directory (with the same filters) as a CSV file for spreadsheets."""
    return csv_response(filtered(filters).with_details())


@router.get(
    "/export/hsds/",
    url_name="resources_hsds",
    operation_id="resources_export_hsds",
    summary="Resources as Open Referral HSDS",
)
def export_hsds(request, filters: Query[ResourceFilters]):
    """The directory (with the same filters) as Open Referral HSDS 3.1 organizations, as JSON."""
    return hsds_response(filtered(filters).with_details())


@router.get(
    "/{slug}/",
    response=ResourceOut,
    url_name="resource",
    operation_id="resources_detail",
    summary="One resource",
)
def resource_detail(request, slug: str, locale: LanguageCode | None = LocaleQuery):
    """One resource by its slug, e.g. /api/v3/resources/empowerment-council/; with `locale=fr`,
    its French name and descriptions where they are translated."""
    resource = get_object_or_404(Resource.objects.with_details(), slug=slug)
    answer_in(locale)
    return resource_representation(resource)
