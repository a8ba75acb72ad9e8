"""Arabic in Chromium, on a site started with CONTENT_LANGUAGES=en,fr,ar (test_right_to_left.py
runs this module in a pytest of its own with that variable set; elsewhere it is skipped): every
kind of page right to left, mirrored, WCAG 2.2 AA by axe-core, and nothing sideways at 320 px."""

import io

import pytest
from django.conf import settings
from django.core.management import call_command

from tests.browser.conftest import axe_violations, screenshot
from tests.browser.test_small_screens import PHONE, SIDEWAYS_SCROLL
from tests.cms.three_languages import ARABIC_TITLES, pages, translate_pages

pytestmark = pytest.mark.skipif(
    [code for code, _ in settings.LANGUAGES] != ["en", "fr", "ar"],
    reason="run by test_right_to_left.py with CONTENT_LANGUAGES=en,fr,ar",
)


@pytest.fixture
def arabic_site(site):
    """The seeded site with the example programs, its home page, calendar, directory and a form
    page translated into Arabic (test content)."""
    call_command("load_example_programs", stdout=io.StringIO())
    translate_pages({"ar": ARABIC_TITLES})
    return site


def test_every_kind_of_page_in_arabic_reads_right_to_left_and_passes_axe(arabic_site, page):
    for name, address in pages("ar").items():
        response = page.goto(arabic_site + address)
        assert response.status == 200, address
        if name.startswith("api"):
            continue
        assert page.locator("html").get_attribute("dir") == "rtl", address
        assert axe_violations(page) == [], address
        page.set_viewport_size(PHONE)
        assert page.evaluate(SIDEWAYS_SCROLL) == 0, address
        if name == "home":
            screenshot(page, "reflow-home-in-arabic")
        page.set_viewport_size({"width": 1280, "height": 900})


def test_the_arabic_layout_is_the_english_one_mirrored(arabic_site, page):
    edges = {}
    for language in ("en", "ar"):
        page.goto(f"{arabic_site}/{language}/")
        if language == "ar":
            screenshot(page, "home-in-arabic")
        edges[language] = page.evaluate(MIRRORED_EDGES, MIRRORED_PARTS)
    width = edges["en"].pop("page width")
    assert edges["ar"].pop("page width") == width
    assert set(edges["ar"]) == set(edges["en"]) == set(MIRRORED_PARTS)
    for part, (left, _) in edges["en"].items():
        _, ar_right = edges["ar"][part]
        # Where English starts a part, from the left, Arabic starts it from the right.
        assert abs((width - left) - ar_right) <= 1, (part, edges)


# Parts with the same words on both pages (the site's own words have no Arabic yet, the site's
# name no Arabic field): each starts at the other side.
MIRRORED_PARTS = {
    "quick exit button": ".quick-exit__button",
    "site name": ".site-header__name a",
    "first language": ".language-switcher li:first-child",
    "skip link once focused": ".skip-link",
}
# Each part's left and right edges, and the page's width.
MIRRORED_EDGES = """parts => {
    document.querySelector('.skip-link').focus();
    const edges = {'page width': document.documentElement.clientWidth};
    for (const [name, selector] of Object.entries(parts)) {
        const box = document.querySelector(selector).getBoundingClientRect();
        edges[name] = [Math.round(box.left), Math.round(box.right)];
    }
    return edges;
}"""
