"""/api/v3/openapi.json: Wagtail's v3 document, made valid and complete for client generators.

- Anonymous reads: Wagtail declares them as a security scheme without the `scheme` OpenAPI
  requires, which generators crash on. Here they list no requirement: the document sets no
  global `security`, so none is needed. (The empty requirement `{}` would say the same, but
  openapi-python-client then demands an authenticated client, whose header makes every answer
  private and uncacheable.) Where a token is also accepted, the description says so.
- Unions whose members each carry a constant `type` (page details, see cms.page_schema) get a
  `discriminator`, so generated clients narrow a page to its type.
- Every operation documents its problem+json errors; `servers` is the site's address.
- An optional request body's schema loses its `default` (each property keeps its own), which
  openapi-python-client cannot give an object.
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, JsonResponse
from wagtail.api.utils import get_base_url
from wagtail.api.v3.api import api
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail

ANONYMOUS = "AllowAnonymous"
BEARER_ACCEPTED = "Anyone may call this; a bearer token (BearerTokenAuth) is accepted too."
SCHEMAS = "#/components/schemas/"
PROBLEM = "ProblemDetail"

ERRORS = {
    "400": "A query parameter is unknown or invalid: `detail` says which and why.",
    "404": "Nothing here: no such id, slug, path or token.",
    "500": "The server failed to build the answer (its fault, and logged): try again later.",
}
TOKEN_ERRORS = {
    "401": "No valid bearer token was sent: none, unknown, revoked or expired, or its user's role "
    "needs two-step sign-in and they have not set it up.",
    "403": "The token's user may not do this.",
}
BODY_ERRORS = {"422": "The body is invalid: `errors` lists what is wrong, and where."}
# Answers only some anonymous operations give, by operation id.
OPERATION_ERRORS = {
    "preview": {
        "403": "The preview token is not valid, has expired, or was withdrawn when its page was "
        "published, unpublished or deleted: `detail` says which.",
    },
}


def openapi_json(request):
    """The v3 OpenAPI document, as client generators read it."""
    if not getattr(settings, "WAGTAILAPI_DOCS_ENABLED", True):
        raise Http404
    return JsonResponse(published_document(request), encoder=DjangoJSONEncoder)


def published_document(request):
    document = api.get_openapi_schema()
    allow_anonymous_without_requirements(document)
    discriminate_unions_on_type(document)
    document_errors(document)
    drop_request_body_defaults(document)
    document["servers"] = [
        {"url": get_base_url() or request.build_absolute_uri("/").rstrip("/")},
    ]
    return document


def operations(document):
    for path_item in document["paths"].values():
        yield from path_item.values()


def allow_anonymous_without_requirements(document):
    document["components"]["securitySchemes"].pop(ANONYMOUS, None)
    for operation in operations(document):
        requirements = operation.get("security", [])
        if {ANONYMOUS: []} not in requirements:
            continue
        del operation["security"]
        if len(requirements) > 1:
            operation["description"] = (
                f"{operation.get('description', '')}\n\n{BEARER_ACCEPTED}".strip()
            )


def discriminate_unions_on_type(node, schemas=None):
    """Adds a discriminator to every `oneOf` whose members all have a required constant `type`."""
    schemas = node["components"]["schemas"] if schemas is None else schemas
    if isinstance(node, list):
        for item in node:
            discriminate_unions_on_type(item, schemas)
        return
    if not isinstance(node, dict):
        return
    if "oneOf" in node and "discriminator" not in node:
        mapping = type_mapping(node["oneOf"], schemas)
        if mapping:
            node["discriminator"] = {"propertyName": "type", "mapping": mapping}
            node["description"] = "One of these types, told apart by `type`."
    for value in node.values():
        discriminate_unions_on_type(value, schemas)


def type_mapping(members, schemas):
    """{type value: $ref} for union members that are all references with a constant `type`."""
    mapping = {}
    for member in members:
        ref = member.get("$ref", "")
        target = schemas.get(ref.removeprefix(SCHEMAS), {})
        value = target.get("properties", {}).get("type", {}).get("const")
        if value is None or "type" not in target.get("required", []):
            return None
        mapping[value] = ref
    return mapping


def document_errors(document):
    """The problem+json answers (RFC 9457) the API gives, on every operation that can give them."""
    document["components"]["schemas"][PROBLEM] = ProblemDetail.model_json_schema()
    problem = {PROBLEM_JSON: {"schema": {"$ref": SCHEMAS + PROBLEM}}}
    for operation in operations(document):
        errors = dict(ERRORS)
        if "security" in operation:
            errors.update(TOKEN_ERRORS)
        # A route that reads its own body (e.g. contact's forms) documents its own 400 for it.
        if "requestBody" in operation and "400" not in operation["responses"]:
            errors.update(BODY_ERRORS)
        errors.update(OPERATION_ERRORS.get(operation.get("operationId"), {}))
        for status, description in errors.items():
            operation["responses"].setdefault(
                status, {"description": description, "content": problem}
            )


def drop_request_body_defaults(document):
    for operation in operations(document):
        for content in operation.get("requestBody", {}).get("content", {}).values():
            content["schema"].pop("default", None)
