"""Bad API input answers 400 with a message: never a 500, never a silently ignored typo. The
server's own failures answer a logged 500, as problem+json too."""

import logging
import re
from functools import cache

from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api import APIField
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.schemas.pages import BASE_PAGE_READ_FIELDS
from wagtail.coreutils import resolve_model_string
from wagtail.documents import get_document_model
from wagtail.documents.api.v3.router import BASE_DOCUMENT_READ_FIELDS
from wagtail.images import get_image_model
from wagtail.images.api.v3.router import BASE_IMAGE_READ_FIELDS
from wagtail.models import Page

from cms.views import database_is_down

logger = logging.getLogger(__name__)
MAX_PAGINATION_VALUE = 10**9
ROUTE_PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")


class APIQueryGuardMiddleware:
    """Answers 400 to API query strings the stock API would crash on (500) or silently ignore."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith("/api/"):
            problem = query_problem(request)
            if problem:
                return problem_response(status=400, detail=problem)
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Here the route is resolved already: resolving it again cost as much as the check.
        if request.path_info.startswith("/api/v3/"):
            problem = unknown_v3_parameters(request, request.resolver_match)
            if problem:
                return problem_response(status=400, detail=problem)
        return None


def query_problem(request):
    """What is wrong with this API request's query string, in words, or None."""
    query = request.GET
    for name, values in query.lists():
        if "\x00" in name or any("\x00" in value for value in values):
            return "Query parameters must not contain NUL characters."
    if query.get("search", "").count('"') % 2:
        return 'The search has an unmatched double quote ("): add the closing quote or remove it.'
    for name in ("limit", "offset"):
        value = query.get(name)
        if value is not None and (not value.isdigit() or int(value) > MAX_PAGINATION_VALUE):
            return f"{name} must be a whole number from 0 to {MAX_PAGINATION_VALUE}."
    _, colon, port = query.get("site", "").rpartition(":")
    if colon and not port.isdigit():
        return "site must be a host name, optionally with a port number: e.g. example.org:8000."
    return None


def unknown_v3_parameters(request, match):
    """v3 ignores parameters it does not know; name them instead, so a typo is not a silent no-op."""
    path = "/" + ROUTE_PARAMETER.sub(r"{\1}", match.route)
    allowed = v3_query_parameters().get((path, request.method.lower()))
    if allowed is None:
        return None
    allowed = allowed | list_filter_fields(match.url_name, request.GET.getlist("type"))
    unknown = sorted(set(request.GET) - allowed)
    if unknown:
        return (
            f"Unknown query parameter: {', '.join(unknown)}. "
            f"This endpoint accepts: {', '.join(sorted(allowed)) or 'no parameters'}."
        )
    return None


@cache
def v3_query_parameters():
    """{(path, method): {query parameter names}}, read from the v3 OpenAPI document."""
    from wagtail.api.v3.api import api

    return {
        (path, method): {p["name"] for p in operation.get("parameters", []) if p["in"] == "query"}
        for path, operations in api.get_openapi_schema()["paths"].items()
        for method, operation in operations.items()
    }


def list_filter_fields(url_name, types):
    """Field names a v3 listing filters on (e.g. ?slug=), besides its declared parameters."""
    if url_name == "list_pages":
        model = Page
        if len(types) == 1:
            try:
                model = resolve_model_string(types[0])
            except (LookupError, ValueError):
                model = Page
        base_fields = BASE_PAGE_READ_FIELDS
    elif url_name == "list_images":
        model, base_fields = get_image_model(), BASE_IMAGE_READ_FIELDS
    elif url_name == "list_documents":
        model, base_fields = get_document_model(), BASE_DOCUMENT_READ_FIELDS
    else:
        return set()
    return set(base_fields) | {f.name for f in APIField.get_fields_for_model(model)}


def answer_bad_queries_with_400(api):
    """v3 reports invalid input as 422, fitting for a body; for a query string, 400 is the answer."""
    for exc_class in (NinjaValidationError, PydanticValidationError):
        api.add_exception_handler(exc_class, invalid_input)


def invalid_input(request, exc):
    """Wagtail's 422 problem for a body; 400 saying which query parameters are wrong for a read."""
    if isinstance(exc, NinjaValidationError):
        errors = exc.errors
    elif while_building_the_answer(exc):
        return server_fault(request, exc)
    else:  # Pydantic's own input hints mean nothing to API consumers, as Wagtail says
        errors = [{key: value for key, value in e.items() if key != "input"} for e in exc.errors()]
    if request.method not in ("GET", "HEAD"):
        return problem_response(status=422, detail="Validation failed", errors=errors)
    return problem_response(status=400, detail=invalid_query_detail(request, errors), errors=errors)


def invalid_query_detail(request, errors):
    """Which query parameters are invalid and why, e.g. "Invalid query parameter: limit (…)"."""
    reasons = []
    for error in errors:
        names = [part for part in error.get("loc", []) if part in request.GET]
        reasons.append(f"{names[-1]} ({error['msg']})" if names else error["msg"])
    if not reasons:
        return "Invalid query parameter."
    return f"Invalid query parameter: {'; '.join(reasons)}"


def while_building_the_answer(exc):
    """Whether Pydantic failed on the answer (e.g. an image's file missing from storage), which
    django-ninja validates under "response", rather than on the request."""
    return any(error["loc"][:1] == ("response",) for error in exc.errors())


def answer_server_faults_with_500(api):
    """Anything else a v3 route raises is the server's fault: a logged 500 problem, never Wagtail's
    bare HTML page (or, with DEBUG, the exception's text) in a JSON API."""
    api.add_exception_handler(Exception, server_fault)


def server_fault(request, exc):
    if database_is_down(exc):
        raise exc  # DatabaseUnavailableMiddleware answers 503: try again soon
    # With its traceback: django.request logs the 500 too, but only its address.
    logger.error("Could not answer %s", request.path, exc_info=exc)
    return problem_response(
        status=500, detail="The server failed to build this answer. The failure is logged."
    )
