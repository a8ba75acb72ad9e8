"""The everyday tasks in docs/editor-guide.md, done in Chromium; each step's screenshot goes in the guide."""

import re

from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from cms.models import SiteSettings
from home.models import ContentPage, HomePage
from partners.models import Partner
from resources.models import Resource
from tests.accounts.factories import TOTPDeviceFactory
from tests.browser.conftest import (
    PASSWORD,
    admin_menu,
    field,
    log_in,
    screenshot,
    type_rich_text,
)

TITLE_IN_FRENCH = "Qu’est-ce que le soutien par les pairs?"
INTRO_IN_FRENCH = (
    "Comment l’Ontario Peer Development Initiative (OPDI) définit le soutien par les pairs."
)
WELCOME = "We are a peer-run charity in London, Ontario. Drop in, call or write: we are glad to hear from you."


def open_home_page_listing(page):
    admin_menu(page).get_by_role("button", name="Pages").click()
    # With translation on, the page tree names each home page's language after its title.
    page.get_by_role("dialog").get_by_role("link", name=re.compile(r"^Welcome\b")).click()


def open_home_page_editor(page):
    """Pages → the home page (called "Welcome" in the page tree) → ... → Edit."""
    open_home_page_listing(page)
    page.get_by_role("button", name="Actions").first.click()
    page.get_by_role("link", name="Edit", exact=True).click()


def publish_page(page):
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    # Wagtail's message once the page is saved ("Published" alone is already on the edit page).
    expect(page.get_by_text(re.compile(r"(has been|created and) published"))).to_be_visible()


def translate_text(page, name, text):
    """In wagtail-localize's editor: the text under this heading, Translate, then the French."""
    text_box = (
        page.get_by_role("main")
        .get_by_role("listitem")
        .filter(has=page.get_by_role("heading", name=name, exact=True))
    )
    text_box.get_by_role("button", name="Translate").click()
    text_box.get_by_role("textbox").fill(text)
    return text_box


def save_translated_text(text_box):
    text_box.get_by_role("button", name="Save").click()
    expect(text_box.get_by_text("Translated manually")).to_be_visible()


def test_moderator_changes_the_welcome_text(site, page, volunteer):
    log_in(page, site, volunteer("Moderators"))
    open_home_page_editor(page)
    type_rich_text(page.get_by_role("region", name="Intro").get_by_role("textbox"), WELCOME)
    screenshot(page, "change-welcome-text")
    publish_page(page)

    assert WELCOME in HomePage.objects.get(locale__language_code="en").intro
    page.goto(site)
    expect(page.get_by_text(WELCOME)).to_be_visible()


def test_moderator_adds_a_page(site, page, volunteer):
    log_in(page, site, volunteer("Moderators"))
    open_home_page_listing(page)
    page.get_by_role("link", name="Add child page").first.click()
    expect(page.get_by_role("heading", name="Create a page in")).to_be_visible()
    screenshot(page, "add-page-type")
    page.get_by_role("link", name=re.compile("^Content page")).click()
    field(page, "Title").fill("Our volunteers")
    page.get_by_role("region", name="Intro").get_by_role("textbox").fill(
        "Who answers the phone, and how to join them."
    )
    page.get_by_role("region", name="Body").get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Paragraph").click()
    type_rich_text(
        page.get_by_role("region", name="Body").get_by_role("textbox").last,
        "Every volunteer has lived experience and peer support training.",
    )
    screenshot(page, "add-page")
    publish_page(page)

    page.goto(f"{site}/our-volunteers/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Our volunteers")
    expect(page.get_by_text("Every volunteer has lived experience")).to_be_visible()


def test_moderator_translates_a_page(site, page, volunteer, new_context):
    log_in(page, site, volunteer("Moderators"))
    open_home_page_listing(page)
    page.get_by_role("table").get_by_role("link", name="What is Peer Support?", exact=True).click()
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Translate this page").click()
    page.get_by_role("checkbox", name="Français").check()
    screenshot(page, "translate-choose-language")
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("submitted for translation into Français")).to_be_visible()
    title = translate_text(page, "Title", TITLE_IN_FRENCH)
    save_translated_text(title)
    intro = translate_text(page, "Intro", INTRO_IN_FRENCH)
    title.evaluate("item => item.scrollIntoView()")  # both texts in sight
    screenshot(page, "translate-editor")
    save_translated_text(intro)
    page.get_by_role("button", name="Publish in Français").click()
    expect(page.get_by_text(re.compile("Published .* in Français"))).to_be_visible()

    french = ContentPage.objects.get(locale__language_code="fr", slug="what-is-peer-support")
    assert (french.title, french.live) == (TITLE_IN_FRENCH, True)
    visitor = new_context().new_page()
    visitor.goto(f"{site}/en/what-is-peer-support/")
    switcher = visitor.get_by_role("navigation", name="Language")
    switcher.get_by_role("link", name="Français").click()
    expect(visitor).to_have_url(f"{site}/fr/what-is-peer-support/")
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE_IN_FRENCH)
    expect(visitor.get_by_text(INTRO_IN_FRENCH)).to_be_visible()
    screenshot(visitor, "translate-french-page")


def test_editor_adds_a_partner_logo(site, page, volunteer, tmp_path):
    logo = tmp_path / "cmha-logo.png"
    Image.new("RGB", (480, 240), "#0b5563").save(logo)
    log_in(page, site, volunteer("Editors"))
    admin_menu(page).get_by_role("link", name="Partners").click()
    page.get_by_role("link", name="Add partner").click()
    field(page, "Name").fill("CMHA Thames Valley")
    page.get_by_role("button", name="Choose an image").click()
    chooser = page.get_by_role("dialog")
    chooser.get_by_role("tab", name="Upload").click()
    chooser.get_by_label("File").set_input_files(logo)
    # Wagtail fills the title in from the file's name; replace it only once it has.
    expect(field(chooser, "Title")).to_have_value("cmha-logo")
    field(chooser, "Title").fill("CMHA Thames Valley logo")
    screenshot(page, "add-partner-logo-upload")
    chooser.get_by_role("button", name="Upload").click()
    expect(chooser).to_be_hidden()
    field(page, "Logo alt text").fill("CMHA Thames Valley")
    field(page, "Website").fill("https://cmhatv.example.org")
    screenshot(page, "add-partner-logo")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("'CMHA Thames Valley' created", exact=False)).to_be_visible()

    assert Partner.objects.get(name="CMHA Thames Valley").logo.title == "CMHA Thames Valley logo"
    page.goto(site)
    logo_on_home_page = page.locator("section.partners").get_by_role(
        "img", name="CMHA Thames Valley"
    )
    expect(logo_on_home_page).to_be_visible()


def test_editor_reverifies_a_resource_from_the_dashboard(site, page, volunteer):
    log_in(page, site, volunteer("Editors"))
    panel = page.get_by_role("region", name="Resources needing re-checking")
    due = panel.locator("a[href*='/edit/']").first
    name = due.inner_text()
    screenshot(page, "reverify-resource-dashboard")
    due.click()
    last_verified = field(page, "Last verified")
    last_verified.fill(f"{timezone.localdate():%Y-%m-%d}")
    page.keyboard.press("Escape")
    last_verified.evaluate("box => box.scrollIntoView({block: 'center'})")
    screenshot(page, "reverify-resource")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(f"'{name}' updated", exact=False)).to_be_visible()

    assert Resource.objects.get(name=name).last_verified == timezone.localdate()
    assert name not in [r.name for r in Resource.objects.needing_verification()]


def test_administrator_turns_on_the_quick_exit(site, page, django_user_model):
    SiteSettings.objects.update(quick_exit=False)  # as on a site the seed did not set up
    admin = django_user_model.objects.create_superuser("coordinator", password=PASSWORD)
    TOTPDeviceFactory(user=admin)  # administrators sign in with a code (accounts/)
    log_in(page, site, admin)
    admin_menu(page).get_by_role("button", name="Settings").click()
    admin_menu(page).get_by_role("link", name="Site settings").click()
    switch = page.get_by_role("checkbox", name="Show the quick exit button")
    switch.check()
    switch.evaluate("box => box.scrollIntoView({block: 'center'})")
    screenshot(page, "quick-exit-settings")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("updated", exact=False)).to_be_visible()

    assert SiteSettings.objects.get().quick_exit
    page.set_viewport_size({"width": 320, "height": 480})
    page.goto(site + "/en/what-is-peer-support/")
    expect(page.get_by_role("link", name="Emergency: Leave this site")).to_be_visible()
    screenshot(page, "quick-exit-on-a-phone")
