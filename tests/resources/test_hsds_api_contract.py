"""The HSDS API checked against the official HSDS 3.1 API reference, not against ourselves:
schemathesis generates requests for every operation of the reference's own OpenAPI document and
sends them through the site's whole WSGI stack (middleware, answer cache, routes), as
tests/cms/test_api_contract.py does for v3. A 200 must be as the reference describes it (status,
content type, body); the reference documents no error, so a 400 (bad parameter), 404 (unknown
id) or 405 (a method it does not name) must be a problem+json, and nothing may be a 5xx."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.resources.factories import ResourceFactory
from tests.resources.hsds_standard import reference

EXAMPLES = settings(
    max_examples=25, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
)
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]
PROBLEM_STATUSES = (400, 404, 405)

schema = schemathesis.openapi.from_dict(reference())
schema.config.update(base_url="http://localhost/api/hsds")
schema.app = get_wsgi_application()


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """As in tests/cms/test_api_contract.py: the WSGI app must not close the test's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def directory(db):
    ResourceFactory(peer_run=True, categories=["family"], phones=[{"number": "519-555-0100"}])
    ResourceFactory(street_address="", city="", postal_code="", categories=["housing"])


@schema.parametrize()
@EXAMPLES
def test_every_answer_is_as_the_hsds_reference_describes(case, directory):
    response = case.call(headers={"Host": "localhost"})
    if response.status_code in PROBLEM_STATUSES:
        problem = response.headers.get("content-type") == ["application/problem+json"]
        assert problem, (case.as_curl_command(), response.status_code, response.headers)
        return
    case.validate_response(response, checks=[*CHECKS, response_schema_conformance])
