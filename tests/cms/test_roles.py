"""Editors write and submit pages, Moderators approve, publish and manage moderation itself."""

from datetime import timedelta
from unittest import mock

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, TaskState, Workflow, WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import ContentPage
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db
MODERATORS_APPROVAL = "Moderators approval"


def page_form(action, **fields):
    """The add/edit form for a content page as the browser posts it, with one button pressed."""
    data = {
        "title": "Get involved",
        "slug": "get-involved",
        "intro": "How to volunteer with us.",
        "body": streamfield([("paragraph", rich_text("<p>We need you.</p>"))]),
        f"action-{action}": action,
        **fields,
    }
    return nested_form_data(data)


def add_page(client, parent, action, **fields):
    url = reverse("wagtailadmin_pages:add", args=("home", "contentpage", parent.pk))
    return client.post(url, page_form(action, **fields))


def edit_page(client, page, action, **fields):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, page_form(action, slug=page.slug, **fields))


def approve(client, page):
    task_state = TaskState.objects.get(workflow_state__object_id=str(page.pk), status="in_progress")
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})


def moderation_only_for(section):
    """Moderation moved from the whole tree to one section, as the docs tell a Moderator to."""
    workflow = Workflow.objects.get(name=MODERATORS_APPROVAL)
    WorkflowPage.objects.filter(workflow=workflow).delete()
    WorkflowPage.objects.create(workflow=workflow, page=section)


def test_moderators_approval_covers_the_whole_tree_from_the_start():
    workflow = Workflow.objects.get(name=MODERATORS_APPROVAL, active=True)
    assert workflow.workflow_pages.get().page == Page.get_first_root_node()
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == ["Moderators"]


def test_editor_submits_a_new_page_and_it_waits_in_the_moderators_tasks(signed_in_as, home_page):
    editor, moderator = signed_in_as("Editors"), signed_in_as("Moderators")

    assert add_page(editor, home_page, "submit").status_code == 302

    page = ContentPage.objects.get(slug="get-involved")
    assert not page.live
    assert page.current_workflow_task.name == MODERATORS_APPROVAL
    dashboard = moderator.get("/admin/").content.decode()
    assert "Awaiting your review" in dashboard and "Get involved" in dashboard
    assert approve(moderator, page).status_code == 302
    page.refresh_from_db()
    assert page.live


def test_editor_cannot_publish_a_page_even_by_posting_the_publish_button(signed_in_as, home_page):
    editor = signed_in_as("Editors")
    page = ContentPageFactory(parent=home_page, title="Old title")
    form = editor.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert 'name="action-publish"' not in form
    assert 'name="action-submit"' in form

    add_page(editor, home_page, "publish")
    edit_page(editor, page, "publish", title="New title")

    assert not ContentPage.objects.get(slug="get-involved").live
    page.refresh_from_db()
    assert page.title == "Old title" and page.has_unpublished_changes


def test_moderator_publishes_a_page_straight_away(signed_in_as, home_page):
    moderator = signed_in_as("Moderators")
    assert add_page(moderator, home_page, "publish").status_code == 302
    assert ContentPage.objects.get(slug="get-involved").live


def test_moderators_manage_workflows_and_editors_do_not(signed_in_as):
    moderator = signed_in_as("Moderators")
    assert moderator.get("/admin/workflows/list/").status_code == 200
    assert moderator.get("/admin/workflows/tasks/index/").status_code == 200
    assert signed_in_as("Editors").get("/admin/workflows/list/").status_code in (302, 403)


def test_moderation_for_one_section_leaves_the_rest_to_editors_drafts(signed_in_as, home_page):
    editor = signed_in_as("Editors")
    section = ContentPageFactory(parent=home_page, title="Programs")
    elsewhere = ContentPageFactory(parent=home_page, title="About")
    moderation_only_for(section)

    add_page(editor, section, "submit")
    edit_page(editor, elsewhere, "submit", title="About us")

    assert ContentPage.objects.get(slug="get-involved").workflow_in_progress
    elsewhere.refresh_from_db()
    assert not elsewhere.workflow_in_progress
    assert elsewhere.get_latest_revision_as_object().title == "About us"


def test_editor_schedules_a_page_that_goes_live_once_publish_scheduled_runs_after_its_time(
    signed_in_as, home_page, client
):
    editor, moderator = signed_in_as("Editors"), signed_in_as("Moderators")
    go_live = timezone.localtime() + timedelta(hours=2)
    form = editor.get(reverse("wagtailadmin_pages:add", args=("home", "contentpage", home_page.pk)))
    assert 'name="go_live_at"' in form.content.decode()

    add_page(editor, home_page, "submit", go_live_at=f"{go_live:%Y-%m-%d %H:%M}")
    page = ContentPage.objects.get(slug="get-involved")
    approve(moderator, page)
    call_command("publish_scheduled")

    page.refresh_from_db()
    assert not page.live and page.scheduled_revision is not None
    assert client.get("/en/get-involved/").status_code == 404
    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    assert client.get("/en/get-involved/").status_code == 200
    assert client.get("/en/get-involved/").status_code == 200
