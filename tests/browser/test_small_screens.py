"""Small screens and 400% zoom (WCAG 1.4.10 reflow): 320 CSS pixels wide, nothing scrolls sideways."""

import pytest

from tests.browser.conftest import screenshot
from tests.browser.public_pages import PUBLIC_PAGES, visit

PHONE = {"width": 320, "height": 640}
SCREENSHOTS = {"home", "event", "directory-filtered", "inquire-with-errors"}
# WCAG 1.4.12: visitors may set this spacing in their own style sheet; nothing may be cut off.
WIDER_TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
SIDEWAYS_SCROLL = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_fits_a_320_pixel_wide_screen(public_site, page, settings, name):
    page.set_viewport_size(PHONE)
    visit(page, public_site, name, settings)
    assert page.evaluate(SIDEWAYS_SCROLL) == 0
    if name in SCREENSHOTS:
        screenshot(page, f"reflow-{name}", full_page=True)

    page.add_style_tag(content=WIDER_TEXT_SPACING)
    assert page.evaluate(SIDEWAYS_SCROLL) == 0
