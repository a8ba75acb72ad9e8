"""The quick exit in Chromium, as the seed turns it on for CONNECT: the button, the Shift shortcut,
the history, screen readers, 320 px, and without JavaScript.

The neutral site is answered by the browser itself (Playwright's routing): the tests never reach
the internet, and the address stays an https one, as the settings require.
"""

import pytest
from playwright.sync_api import expect

from cms.models import SiteSettings
from tests.browser.conftest import axe_violations

NEUTRAL = "https://weather.example.org/london/"
NEUTRAL_PAGE = "<!DOCTYPE html><html lang='en'><title>Weather</title><h1>Sunny</h1></html>"
PAGE = "/en/what-is-peer-support/"
# What the page shows: its alert, its title, and which of its main parts are still visible.
SHOWN = """() => ({
    alert: document.querySelector('[role=alert]')?.textContent,
    title: document.title,
    visible: [...document.querySelectorAll('header, main, footer, .crisis-notice, .quick-exit')]
        .filter(element => element.checkVisibility()).map(element => element.tagName),
})"""


@pytest.fixture
def neutral_site(public_site):
    """The seeded site with its quick exit pointing at NEUTRAL."""
    settings = SiteSettings.objects.get()
    settings.quick_exit_url = NEUTRAL
    settings.save()
    return public_site


def answer_neutral(page):
    page.route(NEUTRAL, lambda route: route.fulfill(body=NEUTRAL_PAGE, content_type="text/html"))


def exit_button(page):
    return page.get_by_role("link", name="Emergency: Leave this site")


def test_button_replaces_the_page_so_back_does_not_return_to_it(neutral_site, page):
    answer_neutral(page)
    page.goto(neutral_site + PAGE)
    length = page.evaluate("history.length")

    exit_button(page).click()

    expect(page).to_have_title("Weather")
    assert page.url == NEUTRAL
    assert page.evaluate("history.length") == length
    page.go_back()
    assert page.url == "about:blank"


def test_page_is_blanked_at_once_while_the_neutral_site_loads(neutral_site, page):
    # "No content": the browser stays on our page, as it looks while the neutral one loads.
    page.route(NEUTRAL, lambda route: route.fulfill(status=204))
    page.goto(neutral_site + PAGE)

    exit_button(page).click()

    page.wait_for_function("document.querySelector('[role=alert]')")
    assert page.evaluate(SHOWN) == {"alert": "Loading.", "title": "Loading.", "visible": []}


def test_shift_pressed_three_times_leaves_and_says_how_many_presses_are_left(neutral_site, page):
    answer_neutral(page)
    page.goto(neutral_site + PAGE)
    status = page.locator(".quick-exit [role=status]")

    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 2 more times to leave this site.")
    assert axe_violations(page) == []  # with the presses shown on the button
    page.keyboard.press("Shift")
    expect(status).to_have_text("Shift, press 1 more time to leave this site.")
    page.keyboard.press("Shift")

    expect(page).to_have_title("Weather")
    page.go_back()
    assert page.url == "about:blank"


def test_typing_capital_letters_or_other_keys_does_not_leave(neutral_site, page, settings):
    page.goto(neutral_site + "/en/inquire/")
    name = page.get_by_role("textbox").first
    name.click()
    for key in ("Shift+A", "Shift+B", "Shift+C", "Shift+D"):  # each ends with Shift let go
        page.keyboard.press(key)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("x")
    page.keyboard.press("Shift")

    expect(page.locator(".quick-exit [role=status]")).to_have_text(
        "Shift, press 2 more times to leave this site."
    )
    assert page.url == neutral_site + "/en/inquire/"
    expect(name).to_have_value("ABCDx")


def test_without_javascript_the_link_still_leaves(neutral_site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    answer_neutral(page)
    page.goto(neutral_site + PAGE)

    exit_button(page).click()

    expect(page).to_have_title("Weather")
    context.close()


def test_on_a_phone_it_is_on_screen_above_the_crisis_notice_wherever_one_scrolls(
    neutral_site, page
):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(neutral_site + PAGE)
    button = exit_button(page)
    notice = page.locator(".crisis-notice")
    expect(button).to_be_in_viewport()
    assert (
        button.bounding_box()["y"] + button.bounding_box()["height"] <= notice.bounding_box()["y"]
    )

    page.mouse.wheel(0, 2000)
    page.wait_for_function("window.scrollY > 500")
    expect(button).to_be_in_viewport(ratio=1)
    assert page.evaluate("document.documentElement.scrollWidth <= 320")


def test_browse_safely_page_is_linked_from_the_bar(neutral_site, page):
    page.goto(neutral_site)
    page.get_by_role("link", name="Browse safely").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Browse safely")
    expect(page.get_by_role("heading", name="Clear your history")).to_be_visible()
