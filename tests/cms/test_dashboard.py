"""Volunteers' roles, and the dashboard panels that show each of them what needs doing."""

import json
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.forms.models import FormSubmission

from tests.contact.factories import FormPageFactory
from tests.programs.factories import EventFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db


def permissions(group):
    return set(
        Group.objects.get(name=group).permissions.values_list("content_type__app_label", "codename")
    )


def test_editors_manage_events_partners_and_resources_and_moderators_also_publish():
    manage = {
        (app, f"{action}_{model}")
        for app, model in [
            ("programs", "event"),
            ("partners", "partner"),
            ("resources", "resource"),
        ]
        for action in ("add", "change", "delete", "view")
    }
    assert manage <= permissions("Editors")
    assert manage | {("programs", "publish_event")} <= permissions("Moderators")
    assert ("programs", "publish_event") not in permissions("Editors")


def test_editor_dashboard_shows_upcoming_events_and_resources_to_recheck(signed_in_as, home_page):
    event = EventFactory(title="Art night")
    EventFactory(title="Walk", status="cancelled")
    EventFactory(title="Draft idea", live=False)
    ResourceFactory(name="Never checked", last_verified=None)
    ResourceFactory(name="Checked long ago", last_verified=date.today() - timedelta(days=400))
    ResourceFactory(name="Checked lately", last_verified=date.today())
    client = signed_in_as("Editors")

    html = client.get("/admin/").content.decode()

    assert "Upcoming events" in html
    assert f'href="/admin/snippets/programs/event/edit/{event.pk}/">Art night</a>' in html
    assert "(cancelled)" in html
    assert "Draft idea" not in html
    assert "Resources needing re-checking (2)" in html
    assert "Never checked</a>: never checked" in html
    assert "Checked long ago</a>: last checked" in html
    assert "Checked lately" not in html
    assert 'href="/admin/resources/resource/?checked=overdue"' in html
    assert "New messages" not in html  # what people write is for Form managers only


def test_empty_panels_say_so_plainly(signed_in_as, home_page):
    client = signed_in_as("Editors")
    html = client.get("/admin/").content.decode()
    assert "No events are coming up. Add one under Events." in html
    assert "Every resource was checked in the last 12 months." in html


def test_form_managers_see_how_many_new_messages_each_form_has(signed_in_as, home_page):
    form = FormPageFactory(parent=home_page, title="Inquire about our services")
    for days_ago in (1, 2, 30):
        submission = FormSubmission.objects.create(page=form, form_data=json.dumps({"a": "b"}))
        FormSubmission.objects.filter(pk=submission.pk).update(
            submit_time=submission.submit_time - timedelta(days=days_ago)
        )
    client = signed_in_as("Form managers")

    html = client.get("/admin/").content.decode()

    assert "New messages (last 14 days)" in html
    assert f'href="/admin/forms/submissions/{form.pk}/">Inquire about our services</a>' in html
    assert "2 new messages" in html
    assert "Upcoming events" not in html
