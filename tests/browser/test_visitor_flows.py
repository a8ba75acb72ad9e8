"""A visitor writes to the organisation, in Chromium; a Form manager reads and exports the message."""

import csv
import io

from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from tests.browser.conftest import admin_menu, log_in, screenshot

QUESTION = "Do you run a group for family members? My brother was just diagnosed."


def fill_inquiry(page, email):
    page.get_by_label("Your name").fill("Sam")
    page.get_by_label("Email", exact=True).fill(email)
    page.get_by_label("By email").check()
    page.get_by_label("Your question").fill(QUESTION)
    page.get_by_role("button", name="Send").click()


def read_and_download_inquiries(page):
    """Forms → the inquiry form: the messages, then ⋯ → Download CSV; returns the CSV's rows."""
    admin_menu(page).get_by_role("link", name="Forms").click()
    page.get_by_role("link", name="Inquire about our services").click()
    expect(page.get_by_role("cell", name=QUESTION)).to_be_visible()
    page.get_by_role("button", name="Actions").click()
    screenshot(page, "read-inquiries")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    return list(csv.DictReader(io.StringIO(download.value.path().read_text(encoding="utf-8-sig"))))


def test_visitor_corrects_inquiry_and_form_manager_exports_it(site, page, settings, volunteer):
    settings.PEER_SUPPORT_FORM_MINIMUM_SECONDS = 0
    page.goto(f"{site}/inquire/")
    fill_inquiry(page, "sam.example.org")

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Please check your answers")
    expect(alert.get_by_role("link", name="Email")).to_be_visible()
    expect(page.get_by_label("Your name")).to_have_value("Sam")
    expect(page.get_by_label("Your question")).to_have_value(QUESTION)
    expect(page.get_by_label("By email")).to_be_checked()
    assert not FormSubmission.objects.exists()

    page.get_by_label("Email", exact=True).fill("sam@example.org")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("main").get_by_role("status")).to_contain_text(
        "Thank you for getting in touch"
    )
    assert FormSubmission.objects.get().get_data()["email"] == "sam@example.org"

    log_in(page, site, volunteer("Form managers"))
    rows = read_and_download_inquiries(page)
    assert [(row["Email"], row["Your question"]) for row in rows] == [("sam@example.org", QUESTION)]
