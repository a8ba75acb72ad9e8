"""Two-step sign-in through the real sign-in page; its screenshots go in docs/editor-guide.md."""

from base64 import b32decode
from urllib.parse import urlparse

from django_otp.oath import totp
from playwright.sync_api import expect

from accounts.two_step import new_recovery_codes
from tests.browser.conftest import PASSWORD, admin_menu, axe_violations, field, log_in, screenshot


def type_password(page, site, user):
    page.goto(f"{site}/admin/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def type_code(page, code, button="Continue"):
    field(page, "Code").fill(code)
    page.get_by_role("button", name=button).click()


def sign_out(page, site):
    page.goto(f"{site}/admin/two-step/")
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("button", name="Sign in")).to_be_visible()


def app_code(key, later=0):
    """What the volunteer's authenticator app shows for the key they scanned or typed, now or in
    `later` periods of 30 seconds (each code works once)."""
    return f"{totp(b32decode(key.replace(' ', '')), drift=later):06d}"


def in_the_admin(page):
    return expect(admin_menu(page))


def test_moderator_sets_up_two_step_sign_in_and_signs_in_with_a_code(site, page, volunteer):
    moderator = volunteer("Moderators", with_app=False)
    type_password(page, site, moderator)
    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    page.goto(f"{site}/admin/pages/")  # nothing else is open until it is set up
    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    screenshot(page, "two-step-setup", full_page=True)

    key = page.locator(".two-step__key").inner_text()
    type_code(page, app_code(key), button="Turn on two-step sign-in")
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    recovery_codes = page.locator(".two-step__codes code").all_inner_texts()
    assert len(recovery_codes) == 10
    screenshot(page, "two-step-recovery-codes", full_page=True)
    page.get_by_role("link", name="I have kept my codes: continue").click()
    in_the_admin(page).to_be_visible()
    sign_out(page, site)

    type_password(page, site, moderator)
    expect(page.get_by_role("heading", name="Type your code")).to_be_visible()
    screenshot(page, "two-step-code")
    wrong = "000000" if app_code(key) != "000000" else "111111"
    type_code(page, wrong)
    expect(page.get_by_text("That code is not right.")).to_be_visible()
    page.wait_for_timeout(1100)  # django-otp makes the next try wait a second after a wrong one
    # The code used to set it up may still be showing, and works only once: the app's next one.
    type_code(page, app_code(key, later=1))
    in_the_admin(page).to_be_visible()
    sign_out(page, site)

    for attempt in ("first", "second"):
        type_password(page, site, moderator)
        type_code(page, recovery_codes[0])
        if attempt == "first":
            in_the_admin(page).to_be_visible()
            sign_out(page, site)
    expect(page.get_by_text("That code is not right.")).to_be_visible()


def virtual_passkey_device(page):
    """A computer with a built-in passkey maker (like Windows Hello or Touch ID) that always
    recognises its owner: Chrome DevTools Protocol's virtual authenticator."""
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    options = {
        "protocol": "ctap2",
        "transport": "internal",
        "hasResidentKey": True,
        "hasUserVerification": True,
        "isUserVerified": True,
    }
    added = devtools.send("WebAuthn.addVirtualAuthenticator", {"options": options})
    return devtools, added["authenticatorId"]


def test_moderator_adds_a_passkey_and_signs_in_with_it(site, page, volunteer, settings):
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [site]  # as PASSKEY_ORIGINS names the real site
    moderator = volunteer("Moderators")
    new_recovery_codes(moderator)  # made with the app, as ever
    devtools, authenticator = virtual_passkey_device(page)
    log_in(page, site, moderator)
    page.goto(f"{site}/admin/account/")
    page.get_by_role("tab", name="More actions").click()
    page.get_by_role("link", name="Two-step sign-in").click()
    page.get_by_role("button", name="Add a passkey").click()

    expect(page.get_by_role("heading", name="Name your new passkey")).to_be_visible()
    field(page, "Name").fill("Work laptop")
    page.get_by_role("button", name="Save the name").click()
    expect(page.get_by_text("Your passkey is called “Work laptop”.")).to_be_visible()
    screenshot(page, "two-step-passkeys", full_page=True)
    assert axe_violations(page) == []
    made = devtools.send("WebAuthn.getCredentials", {"authenticatorId": authenticator})
    assert [credential["rpId"] for credential in made["credentials"]] == [urlparse(site).hostname]
    sign_out(page, site)

    type_password(page, site, moderator)
    expect(page.get_by_role("heading", name="Use your passkey")).to_be_visible()
    expect(field(page, "Code")).to_be_visible()  # the code stays possible
    screenshot(page, "two-step-passkey-sign-in")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Use my passkey").click()
    in_the_admin(page).to_be_visible()
    expect(page).to_have_url(f"{site}/admin/")
