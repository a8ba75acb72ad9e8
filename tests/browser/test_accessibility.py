"""WCAG 2.2 A/AA in Chromium: axe-core on every public page type."""

from tests.browser.conftest import axe_violations


def test_home_page_has_no_wcag_violations(site, page):
    page.goto(site)
    assert page.locator("h1").inner_text() == "Recovery is Possible. You are not alone."
    assert axe_violations(page) == []
