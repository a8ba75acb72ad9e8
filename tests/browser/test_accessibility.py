"""WCAG 2.2 A/AA in Chromium: axe-core on every public page type."""

import pytest

from tests.browser.conftest import axe_violations
from tests.browser.public_pages import PUBLIC_PAGES, visit


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_wcag_violations(public_site, page, settings, name):
    visit(page, public_site, name, settings)
    assert axe_violations(page) == []
