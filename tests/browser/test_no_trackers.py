"""No trackers, as Chromium sees it: on every public page, the API docs included, everything the
browser fetches (scripts' own requests too) comes from the site itself, and no cookie is set
before a visitor sends a form."""

from urllib.parse import urlsplit

from tests.browser.public_pages import PUBLIC_PAGES, visit

VISITED_WITHOUT_SENDING = [
    name for name, page in PUBLIC_PAGES.items() if not page.submit_empty_form
]


def test_every_request_stays_on_the_site_and_no_cookie_is_set(public_site, page, settings):
    ours = urlsplit(public_site).netloc
    elsewhere = []
    page.on(
        "request",
        lambda request: urlsplit(request.url).netloc in (ours, "") or elsewhere.append(request.url),
    )
    for name in VISITED_WITHOUT_SENDING:
        visit(page, public_site, name, settings)
    page.goto(public_site + "/api/v3/docs/")
    page.get_by_text("/api/v3/pages/", exact=True).first.wait_for()  # drawn by its own script

    assert elsewhere == []
    assert page.context.cookies() == []
