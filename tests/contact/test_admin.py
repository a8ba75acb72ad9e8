"""Only Form managers (and superusers) read, export and delete submissions and the mailing list."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.contrib.forms.models import FormSubmission

from tests.contact.factories import NewsletterSubscriberFactory

pytestmark = pytest.mark.django_db
SECRET = "I have been struggling since my diagnosis."


@pytest.fixture
def submission(form_page):
    return FormSubmission.objects.create(page=form_page, form_data={"message": SECRET})


@pytest.fixture
def form_manager(signed_in_as):
    return signed_in_as("Form managers")


@pytest.fixture
def editor(signed_in_as):
    return signed_in_as("Editors")


def submissions_url(page, query=""):
    return reverse("wagtailforms:list_submissions", args=[page.pk]) + query


def test_form_managers_group_is_created_by_migration_with_admin_access():
    group = Group.objects.get(name="Form managers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_newslettersubscriber", "delete_newslettersubscriber"} <= codenames


def forms_menu_shown(client):
    return "/admin/forms/" in client.get(reverse("wagtailadmin_home")).content.decode()


def test_form_manager_reads_and_exports_submissions_as_csv(form_manager, form_page, submission):
    assert forms_menu_shown(form_manager)
    assert form_page.title in form_manager.get(reverse("wagtailforms:index")).content.decode()
    assert SECRET in form_manager.get(submissions_url(form_page)).content.decode()
    csv = form_manager.get(submissions_url(form_page, "?export=csv"))
    assert csv["Content-Type"].startswith("text/csv")
    assert SECRET in b"".join(csv.streaming_content).decode()


def test_form_manager_deletes_submissions(form_manager, form_page, submission):
    url = reverse("wagtailforms:delete_submissions", args=[form_page.pk])
    form_manager.post(f"{url}?selected-submissions={submission.pk}")
    assert not FormSubmission.objects.exists()


def test_editor_who_can_edit_the_form_cannot_read_its_submissions(editor, form_page, submission):
    assert editor.get(reverse("wagtailadmin_pages:edit", args=[form_page.pk])).status_code == 200
    listing = editor.get(submissions_url(form_page))
    assert listing.status_code in (302, 403) and SECRET not in listing.content.decode()
    export = editor.get(submissions_url(form_page, "?export=csv"))
    assert export.status_code in (302, 403)
    assert form_page.title not in editor.get(reverse("wagtailforms:index")).content.decode()
    assert not forms_menu_shown(editor)
    url = reverse("wagtailforms:delete_submissions", args=[form_page.pk])
    editor.post(f"{url}?selected-submissions={submission.pk}")
    assert FormSubmission.objects.exists()


def test_superuser_reads_submissions(admin_client, form_page, submission):
    assert SECRET in admin_client.get(submissions_url(form_page)).content.decode()


def test_mailing_list_export_has_confirmed_addresses_with_unsubscribe_links(
    form_manager, newsletter_page
):
    NewsletterSubscriberFactory(email="confirmed@example.org")
    NewsletterSubscriberFactory(email="waiting@example.org", confirmed_at=None)
    listing = form_manager.get("/admin/newsletter_subscribers/").content.decode()
    assert "confirmed@example.org" in listing and "waiting@example.org" not in listing
    response = form_manager.get("/admin/newsletter_subscribers/?export=csv")
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0] == "Email,Signed up at,Confirmed at,Unsubscribe link"
    assert len(rows) == 2 and rows[1].startswith("confirmed@example.org,")
    assert f"{newsletter_page.url}unsubscribe/?token=" in rows[1]


def test_editors_cannot_see_the_mailing_list(editor):
    NewsletterSubscriberFactory(email="confirmed@example.org")
    response = editor.get("/admin/newsletter_subscribers/")
    assert "confirmed@example.org" not in response.content.decode()
