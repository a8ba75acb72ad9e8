"""Every type of public page, as a visitor meets it, for the browser tests and the HTML checker."""

from dataclasses import dataclass

from django.test import RequestFactory

from cms.views import database_unavailable, server_error


@dataclass(frozen=True)
class PublicPage:
    """A page's address, and what the visitor does there before it is checked."""

    path: str
    status: int = 200
    submit_empty_form: bool = False
    # A view rendering a failure page that the live server cannot be made to show.
    served_by: object = None


PUBLIC_PAGES = {
    "home": PublicPage("/en/"),
    "home-fr": PublicPage("/fr/"),
    "explainer-fr-untranslated": PublicPage("/fr/what-is-peer-support/"),
    "explainer": PublicPage("/en/what-is-peer-support/"),
    "browse-safely": PublicPage("/en/browse-safely/"),
    "program-index": PublicPage("/en/programs/"),
    "program": PublicPage("/en/programs/example-peer-support-group/"),
    "events": PublicPage("/en/events/"),
    "event": PublicPage("/en/events/example-art-night/"),
    "directory": PublicPage("/en/resources/"),
    "directory-filtered": PublicPage("/en/resources/?category=family&language=fr"),
    "directory-no-results": PublicPage("/en/resources/?search=no+such+service"),
    "directory-unknown-filter": PublicPage("/en/resources/?category=no-such-category"),
    "resource": PublicPage("/en/resources/empowerment-council/"),
    "inquire": PublicPage("/en/inquire/"),
    "inquire-with-errors": PublicPage("/en/inquire/", submit_empty_form=True),
    "volunteer": PublicPage("/en/volunteer/"),
    "volunteer-with-errors": PublicPage("/en/volunteer/", submit_empty_form=True),
    "sponsorship": PublicPage("/en/sponsorship/"),
    "sponsorship-with-errors": PublicPage("/en/sponsorship/", submit_empty_form=True),
    "newsletter": PublicPage("/en/newsletter/"),
    "newsletter-with-errors": PublicPage("/en/newsletter/", submit_empty_form=True),
    "too-many-messages": PublicPage("/en/inquire/", status=429, submit_empty_form=True),
    "not-found": PublicPage("/en/no-such-page/", status=404),
    "server-error": PublicPage("/en/failure/", status=500, served_by=server_error),
    "database-down": PublicPage("/en/failure/", status=503, served_by=database_unavailable),
}


def visit(page, base_url, name, settings):
    """Open the named public page in the browser as a visitor would, checking its HTTP status."""
    public_page = PUBLIC_PAGES[name]
    settings.PEER_SUPPORT_FORM_MINIMUM_SECONDS = 0  # so an empty form shows only its own errors
    if public_page.status == 429:
        settings.PEER_SUPPORT_FORM_RATE_LIMIT = "0/h"
    if public_page.served_by:
        response = public_page.served_by(RequestFactory().get(public_page.path))
        page.route(
            base_url + public_page.path,
            lambda route: route.fulfill(
                status=response.status_code, body=response.content, content_type="text/html"
            ),
        )
    response = page.goto(base_url + public_page.path)
    if public_page.submit_empty_form:
        with page.expect_navigation() as navigation:
            page.locator("main form button[type=submit]").click()
        response = navigation.value
        assert page.locator(".form-alert").is_visible()
    assert response.status == public_page.status
