"""/api/hsds/: the directory through the Open Referral HSDS 3.1 API, as its reference describes
(https://docs.openreferral.org/en/latest/hsds/api_reference.html), from the same records as the
HSDS export. Reads only: anonymous answers are cached and given ETags like every /api/ answer."""

import json
from functools import wraps

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from wagtail.api.v3.errors import problem_response

from resources.hsds import queries
from resources.hsds.parameters import FILTERS, PAGING, BadParameter, Parameters, read
from resources.hsds.records import (
    LOCATION_LIST_FIELDS,
    SERVICE_LIST_FIELDS,
    TAXONOMY_ID,
    hsds_location,
    hsds_organization,
    hsds_organization_fields,
    hsds_service,
    hsds_service_at_location,
    hsds_taxonomy,
    hsds_taxonomy_term,
    one_to_one,
    page_of,
    without_nulls,
)
from resources.models import Resource

HSDS_VERSION = "3.1"
# We follow no HSDS profile: the profile is HSDS itself.
PROFILE = "https://docs.openreferral.org/en/latest/hsds/overview.html"
# The HSDS 3.1 API reference these routes follow, at the commit the tests check them against.
OPENAPI_URL = (
    "https://raw.githubusercontent.com/openreferral/specification/"
    "abc731c8ac11825010e9d74a0ab61dcd48e880ec/schema/openapi.json"
)


def hsds_route(*accepted, lists=False):
    """A view answering JSON from `view(request, parameters, **kwargs)`, reading only the
    `accepted` query parameters; a list also answers POST (as the reference allows) with the
    same query parameters."""
    methods = ["GET", "HEAD", "POST"] if lists else ["GET", "HEAD"]

    def decorate(view):
        @csrf_exempt
        @wraps(view)
        def route(request, **kwargs):
            if request.method not in methods:
                return refused(methods)
            try:
                parameters = read(request.GET, accepted)
            except BadParameter as error:
                return problem_response(status=400, detail=str(error))
            return json_answer(view(request, parameters, **kwargs))

        return route

    return decorate


def refused(methods):
    response = problem_response(status=405, detail=f"Use {' or '.join(methods)}.")
    response["Allow"] = ", ".join(methods)
    return response


def json_answer(record):
    """The record as JSON, without its nulls; a 404 problem when there is none."""
    if record is None:
        return problem_response(status=404, detail="There is no record with this id.")
    return HttpResponse(
        json.dumps(without_nulls(record), cls=DjangoJSONEncoder), content_type="application/json"
    )


def paged(rows, parameters, record):
    """One page of `rows` (a queryset or a list) as the HSDS Page of their records."""
    start = (parameters.page - 1) * parameters.per_page
    total = len(rows) if isinstance(rows, list) else rows.count()
    contents = [record(row) for row in rows[start : start + parameters.per_page]]
    return page_of(contents, total, parameters.page, parameters.per_page)


@hsds_route()
def about(request, parameters):
    return {"version": HSDS_VERSION, "profile": PROFILE, "openapi_url": OPENAPI_URL}


@hsds_route(*PAGING, *FILTERS, "organization_id", "modified_after", "minimal", "full", lists=True)
def services(request, parameters):
    """The services, each as its one-to-one fields, or whole with full=true; with minimal=true,
    only what an importer needs to see which changed."""
    if parameters.minimal:
        fields = ("id", "name", "status", "last_modified")
    elif parameters.full:
        fields = None
    else:
        fields = SERVICE_LIST_FIELDS

    def record(resource):
        service = hsds_service(resource, hsds_location(resource))
        return one_to_one(service, fields) if fields else service

    return paged(queries.resources(parameters).with_details(), parameters, record)


@hsds_route()
def service(request, parameters, id):
    resource = queries.resource_by("service", id)
    return resource and hsds_service(resource, hsds_location(resource), nested=True)


@hsds_route(*PAGING, *FILTERS, "full", "full_service", lists=True)
def organizations(request, parameters):
    """The organizations, each as its one-to-one fields, or whole with full=true (their services
    whole too with full_service=true)."""

    def record(resource):
        if parameters.full or parameters.full_service:
            return hsds_organization(resource, full_service=parameters.full_service)
        return hsds_organization_fields(resource)

    return paged(queries.resources(parameters).with_details(), parameters, record)


@hsds_route("full_service")
def organization(request, parameters, id):
    resource = Resource.objects.with_details().filter(uuid=queries.as_uuid(id)).first()
    return resource and hsds_organization(resource, full_service=parameters.full_service)


@hsds_route(*PAGING, lists=True)
def taxonomies(request, parameters):
    taxonomy = hsds_taxonomy()
    wanted = parameters.search.casefold()
    found = (
        [taxonomy] if wanted in f"{taxonomy['name']} {taxonomy['description']}".casefold() else []
    )
    return paged(found, parameters, lambda record: record)


@hsds_route()
def taxonomy(request, parameters, id):
    return hsds_taxonomy() if id == TAXONOMY_ID else None


@hsds_route(*PAGING, "taxonomy_id", "top_only", "parent_id", lists=True)
def taxonomy_terms(request, parameters):
    return paged(queries.terms(parameters), parameters, lambda term: hsds_taxonomy_term(*term))


@hsds_route()
def taxonomy_term(request, parameters, id):
    found = [term for term in queries.terms(Parameters()) if hsds_taxonomy_term(*term)["id"] == id]
    return hsds_taxonomy_term(*found[0]) if found else None


@hsds_route(
    *PAGING,
    *FILTERS,
    "organization_id",
    "modified_after",
    "full",
    "postcode",
    "proximity",
    lists=True,
)
def service_at_locations(request, parameters):
    """Each service at its location: the ids, or with full=true the location's and the service's
    one-to-one fields nested."""

    def record(resource):
        location = hsds_location(resource)
        link = hsds_service_at_location(resource, location)
        if parameters.full:
            link["location"] = one_to_one(location, LOCATION_LIST_FIELDS)
            link["service"] = one_to_one(hsds_service(resource, location), SERVICE_LIST_FIELDS)
        return link

    found = queries.resources(parameters, at_a_location=True).with_details()
    return paged(found, parameters, record)


@hsds_route()
def service_at_location(request, parameters, id):
    """The HSDS 3.1 API reference answers with the service (schema service.json), holding this
    service_at_location with its location nested."""
    resource = queries.resource_by("service_at_location", id)
    return resource and hsds_service(resource, hsds_location(resource), nested=True)
