"""Keyboard only: every control reachable with Tab in page order, focus always visible."""

import pytest

# Numbers every control a Tab should reach, in page order (one stop per group of radio buttons),
# and notes how each looks before anything has focus.
NUMBER_THE_CONTROLS = """() => {
    const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]';
    const radioGroups = new Set();
    let count = 0;
    const unfocused = [];
    for (const element of document.querySelectorAll(selector)) {
        if (element.tabIndex < 0 || element.disabled || !element.checkVisibility()) continue;
        if (element.type === 'radio') {
            if (radioGroups.has(element.name)) continue;
            radioGroups.add(element.name);
        }
        element.dataset.tabStop = count++;
        const style = getComputedStyle(element);
        unfocused.push(style.outlineStyle + style.outlineWidth + style.boxShadow);
    }
    return unfocused;
}"""

# Which numbered control has focus, whether it is on screen, and how it looks now.
FOCUSED = """() => {
    const element = document.activeElement;
    if (!element || element.dataset.tabStop === undefined) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
        stop: Number(element.dataset.tabStop),
        html: element.outerHTML.slice(0, 80),
        onScreen: box.bottom > 0 && box.top < window.innerHeight,
        look: style.outlineStyle + style.outlineWidth + style.boxShadow,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    };
}"""


def tab_through(page):
    """Press Tab until focus leaves the page's controls; each control focused, in order."""
    stops = []
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None or (stops and focused["stop"] == stops[0]["stop"]):
            return stops
        stops.append(focused)
    raise AssertionError("Tab never left the page's controls")


@pytest.mark.parametrize("path", ["/en/", "/en/inquire/", "/en/resources/"])
def test_tab_reaches_every_control_in_order_with_visible_focus(public_site, page, path):
    page.emulate_media(reduced_motion="reduce")  # scroll at once, so focus is on screen right away
    page.goto(public_site + path)
    unfocused = page.evaluate(NUMBER_THE_CONTROLS)

    stops = tab_through(page)

    assert [stop["stop"] for stop in stops] == list(range(len(unfocused)))
    for stop in stops:
        assert stop["onScreen"], f"focused but off screen: {stop['html']}"
        assert stop["outline"], f"no focus outline: {stop['html']}"
        assert stop["look"] != unfocused[stop["stop"]], f"looks the same focused: {stop['html']}"


def test_skip_link_is_first_visible_when_focused_and_moves_focus_to_main(public_site, page):
    page.goto(public_site + "/en/events/")
    skip_link = page.locator(".skip-link")
    assert skip_link.bounding_box()["y"] < 0

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip_link.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null")


def test_after_a_failed_send_focus_goes_to_the_errors_which_lead_to_each_field(
    public_site, page, settings
):
    settings.PEER_SUPPORT_FORM_MINIMUM_SECONDS = 0
    page.goto(public_site + "/en/inquire/")
    page.locator("#id_email").fill("not an address")
    page.locator("main form button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.title().startswith("Please check your answers – Inquire about our services")
    assert page.evaluate("document.activeElement.className") == "form-alert"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_email"
    page.keyboard.press("Enter")

    email = page.locator("#id_email")
    assert page.evaluate("document.activeElement.id") == "id_email"
    assert email.get_attribute("aria-invalid") == "true"
    assert email.input_value() == "not an address"
    described_by = email.get_attribute("aria-describedby").split()
    messages = [page.locator(f"#{id}").inner_text() for id in described_by]
    assert "Please enter an email address, like name@example.com." in messages
