"""Every public API route, walked with generated good and malformed parameters: never a 500.

Schemathesis reads /api/v3/openapi.json and generates requests from it; the anonymous routes are
walked with every kind of value (the visitor forms' posts with every kind of body), the token-only
ones are checked to refuse an anonymous caller.
"""

import json
from datetime import timedelta

import pytest
import schemathesis
from django.core.serializers.json import DjangoJSONEncoder
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import RequestFactory
from hypothesis import HealthCheck, settings

from cms.api.openapi import published_document
from tests.contact.factories import NewsletterPageFactory, inquiry_form
from tests.home.factories import ContentPageFactory
from tests.programs.factories import (
    EventFactory,
    EventIndexPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)

# Enough examples to hit empty, huge, negative, unicode and malformed values of each parameter,
# few enough for the whole walk to take well under two minutes.
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)


def is_public(ctx):
    return "security" not in ctx.operation.definition.raw


def is_public_read(ctx):
    return is_public(ctx) and ctx.operation.method.upper() == "GET"


def is_token_only(ctx):
    # Snippet routes take a snippet type from an empty list (no snippet is exposed): nothing to
    # generate. Wagtail's own tests cover that they need a token.
    return not is_public(ctx) and not ctx.operation.path.startswith("/api/v3/snippets/")


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Requests through the WSGI app close the database connection when they finish, as in
    production; inside a test that would drop the test's transaction (PostgreSQL). Django's own
    test client holds the connection open the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def site_content(home_page):
    ContentPageFactory(parent=home_page, title="About", slug="about")
    program = ProgramPageFactory(parent=ProgramIndexPageFactory(parent=home_page), slug="art")
    EventIndexPageFactory(parent=home_page)
    event = EventFactory(program=program, repeat="weekly")
    event.repeat_until = event.start.date() + timedelta(weeks=4)
    event.save()


# Through JSON, as clients get it: the document holds Django's lazy translated strings.
schema = schemathesis.openapi.from_dict(
    json.loads(json.dumps(published_document(RequestFactory().get("/en/")), cls=DjangoJSONEncoder))
)
schema.app = get_wsgi_application()


@schema.include(is_public_read).parametrize()
@EXAMPLES
def test_public_routes_never_answer_500(case, site_content):
    response = case.call(headers={"Host": "localhost"})
    assert response.status_code < 500, (case.as_curl_command(), response.text[:500])


@schema.include(is_token_only).parametrize()
@settings(max_examples=3, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_token_routes_refuse_anonymous_callers(case, db):
    response = case.call(headers={"Host": "localhost"})
    assert response.status_code in (400, 401, 404, 405, 422), case.as_curl_command()


def is_public_post(ctx):
    return is_public(ctx) and ctx.operation.method.upper() == "POST"


@pytest.fixture
def visitor_forms(home_page, settings):
    """A form page and the newsletter page; no rate limit, which counts the caller's address
    (REMOTE_ADDR, which schemathesis's WSGI calls do not set) and would refuse most posts."""
    settings.RATELIMIT_ENABLE = False
    NewsletterPageFactory(parent=home_page)
    return inquiry_form(home_page, slug="inquire")


@schema.include(is_public_post).parametrize()
@EXAMPLES
def test_visitor_form_posts_never_answer_500(case, visitor_forms):
    if case.path_parameters:
        case.path_parameters["page_id"] = visitor_forms.pk  # the generated ids are all 404s
    response = case.call(headers={"Host": "localhost"})
    assert response.status_code < 500, (case.as_curl_command(), response.text[:500])
