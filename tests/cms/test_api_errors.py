"""Bad API input answers 400 with a message saying what is wrong: never a 500, never ignored."""

import logging

import pytest
import wagtail_factories
from django.test import Client

from tests.home.factories import ContentPageFactory, PartnerFactory

PROBLEM_JSON = "application/problem+json"


@pytest.fixture
def image_without_its_file(db):
    """An image whose original file has gone from storage (renditions cannot be made)."""
    image = wagtail_factories.ImageFactory()
    image.file.storage.delete(image.file.name)
    return image


@pytest.fixture
def server_client():
    """A client that gets the server's 500 answer instead of the exception."""
    return Client(raise_request_exception=False)


@pytest.fixture
def home_with_a_content_page(home_page):
    """The home page with one content page under it."""
    ContentPageFactory(parent=home_page, slug="what-is-peer-support", title="What is peer support?")
    return home_page


@pytest.mark.parametrize(
    ("url", "detail"),
    [
        ("/api/v3/pages/?foo=1", "Unknown query parameter: foo."),
        ("/api/v3/pages/?type=home.ContentPage&sulg=x", "Unknown query parameter: sulg."),
        ("/api/v3/site-settings/?x=1", "Unknown query parameter: x. "),
        ("/api/v3/images/?bogus=1", "Unknown query parameter: bogus. "),
        ("/api/v3/documents/?bogus=1", "Unknown query parameter: bogus. "),
        ('/api/v2/pages/?search="peer support', "unmatched double quote"),
        ('/api/v3/pages/?search="peer support', "unmatched double quote"),
        ("/api/v2/pages/?search=peer%00support", "NUL characters"),
        ("/api/v3/pages/?search=peer%00support", "NUL characters"),
        ("/api/v2/pages/?slug=peer%00support", "NUL characters"),
        ("/api/v3/pages/?type=home.ContentPage&slug=peer%00support", "NUL characters"),
        ("/api/v3/pages/?sl%00ug=x", "NUL characters"),
        ("/api/v2/pages/find/?html_path=/peer%00support/", "NUL characters"),
        ("/api/v3/pages/find/?html_path=/peer%00support/", "NUL characters"),
        ("/api/v2/pages/?offset=100000000000000000000", "offset must be a whole number"),
        ("/api/v3/pages/?offset=100000000000000000000", "offset must be a whole number"),
        ("/api/v3/images/?offset=100000000000000000000", "offset must be a whole number"),
        ("/api/v3/pages/find/?html_path=/&site=example.org%3Aindex", "site must be a host name"),
        ("/api/v3/pages/?site=example.org%3A", "site must be a host name"),
        ("/api/v2/pages/?limit=abc", "limit must be a whole number"),
        ("/api/v3/pages/?limit=abc", "limit must be a whole number"),
        ("/api/v2/pages/?limit=-1", "limit must be a whole number"),
        ("/api/v3/pages/?limit=-1", "limit must be a whole number"),
        ("/api/v3/pages/?limit=101", "limit cannot be higher than 100"),
        ("/api/v3/documents/?limit=101", "limit cannot be higher than 100"),
        ("/api/v3/pages/?type=nope.Nope", "Invalid query parameter: type (Input should be"),
        ("/api/v3/pages/?child_of=abc", "Invalid query parameter: child_of ("),
        ("/api/v3/pages/{home}/?rich_text_format=bad", "rich_text_format (Input should be"),
    ],
)
def test_bad_query_answers_400_problem_saying_what_is_wrong(
    client, home_with_a_content_page, url, detail
):
    response = client.get(url.format(home=home_with_a_content_page.pk))

    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["status"] == 400
    assert problem["title"] == "Bad Request"
    assert detail in problem["detail"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/v2/pages/?foo=1", "query parameter is not an operation or a recognised field: foo"),
        (
            "/api/v2/images/?bogus=1",
            "query parameter is not an operation or a recognised field: bogus",
        ),
        ("/api/v2/pages/?limit=101", "limit cannot be higher than 100"),
        ("/api/v2/pages/?type=nope.Nope", "type doesn't exist"),
    ],
)
def test_bad_v2_query_answers_wagtails_own_400(client, home_with_a_content_page, url, message):
    response = client.get(url)

    assert response.status_code == 400
    assert response.json() == {"message": message}


def test_unknown_parameter_error_lists_what_the_endpoint_accepts(client, db):
    response = client.get("/api/v3/images/?bogus=1")

    assert response.json()["detail"] == (
        "Unknown query parameter: bogus. This endpoint accepts: "
        "height, id, limit, offset, order, search, search_operator, title, width."
    )


@pytest.mark.parametrize(
    "url",
    [
        "/api/v3/pages/?type=home.ContentPage&slug=what-is-peer-support",
        "/api/v3/pages/?slug=what-is-peer-support",
        "/api/v2/pages/?type=home.ContentPage&slug=what-is-peer-support",
        '/api/v3/pages/?search="peer"&limit=100&offset=0',
        '/api/v2/pages/?search="peer"&limit=100&offset=0',
    ],
)
def test_valid_filters_still_answer_and_filter(client, home_with_a_content_page, url):
    response = client.get(url)

    assert response.status_code == 200
    assert [item["meta"]["slug"] for item in response.json()["items"]] == ["what-is-peer-support"]


def assert_logged_server_fault(response, caplog, path):
    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM_JSON
    problem = response.json()
    assert (problem["status"], problem["title"]) == (500, "Internal Server Error")
    assert "original_images" not in problem["detail"]  # nothing of the server's files
    [record] = [r for r in caplog.records if r.name == "cms.api.errors"]
    assert record.levelno == logging.ERROR and path in record.getMessage()
    error = record.exc_info[1]
    assert "SourceImageIOError" in f"{type(error).__name__}: {error}"  # with its traceback


def test_page_whose_image_file_is_missing_is_a_logged_500_not_a_bad_query(
    server_client, home_page, image_without_its_file, caplog
):
    page = ContentPageFactory(
        parent=home_page,
        body__0__image__image__image=image_without_its_file,
        body__0__image__image__decorative=True,
        body__0__image__caption="",
    )
    path = f"/api/v3/pages/{page.pk}/"

    response = server_client.get(path)

    assert_logged_server_fault(response, caplog, path)


@pytest.mark.parametrize("route", ["/api/v3/partners/", "/api/v3/images/{image}/renditions/"])
def test_other_failures_building_an_answer_are_a_logged_500_problem(
    server_client, image_without_its_file, caplog, route
):
    PartnerFactory(logo=image_without_its_file)
    path = route.format(image=image_without_its_file.pk)

    response = server_client.get(path)

    assert_logged_server_fault(response, caplog, path)
