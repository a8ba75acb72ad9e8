"""WCAG 2.2 A/AA in Chromium: axe-core on every public page type."""

import pytest

from tests.browser.conftest import axe_violations
from tests.browser.public_pages import PUBLIC_PAGES, visit


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_has_no_wcag_violations(public_site, page, settings, name):
    visit(page, public_site, name, settings)
    assert axe_violations(page) == []


# Every element's scrolling, transition and animation, as the browser computes them now.
MOTION = """() => {
    const motion = new Set();
    for (const element of document.querySelectorAll('*')) {
        const style = getComputedStyle(element);
        if (style.scrollBehavior === 'smooth') motion.add('smooth scrolling');
        for (const duration of [style.transitionDuration, style.animationDuration]) {
            if (duration.split(',').some(value => parseFloat(value) > 0)) motion.add(duration);
        }
    }
    return [...motion];
}"""

# What a future block's style sheet might add.
MOVING_BUTTONS = ".button { transition: background 0.3s; animation: pulse 2s infinite; }"


@pytest.mark.parametrize(
    "preference, motion",
    [("no-preference", {"smooth scrolling", "0.3s", "2s"}), ("reduce", set())],
)
def test_nothing_moves_for_visitors_who_ask_for_reduced_motion(
    public_site, page, preference, motion
):
    page.emulate_media(reduced_motion=preference)
    page.goto(public_site)
    page.add_style_tag(content=MOVING_BUTTONS)
    assert set(page.evaluate(MOTION)) == motion


def test_pages_show_the_site_icon_and_ask_for_nothing_missing(public_site, page):
    failed = []
    page.on("response", lambda response: response.ok or failed.append(response.url))
    with page.expect_request_finished(lambda request: "icon" in request.url) as icon:
        page.goto(public_site + "/en/events/")
    assert icon.value.url == public_site + "/static/cms/favicon.svg"
    assert failed == []
