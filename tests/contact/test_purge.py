"""Expired answers are deleted as each form chose, by purge_form_submissions and publish_scheduled."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from contact.models import NewsletterSubscriber
from contact.models.pages import AnswerKeeping
from tests.contact.factories import FormPageFactory, NewsletterSubscriberFactory

pytestmark = pytest.mark.django_db


def run(command, *args):
    out = io.StringIO()
    call_command(command, *args, stdout=out)
    return out.getvalue()


def submission(page, days_old):
    made = FormSubmission.objects.create(
        page=page, form_data={"message": f"{page.slug} {days_old} days"}
    )
    FormSubmission.objects.filter(pk=made.pk).update(
        submit_time=timezone.now() - timedelta(days=days_old)
    )


@pytest.fixture
def aged(home_page):
    """Answers of 0, 29, 31, 89 and 91 days in a 30-day form, a 90-day form and an email-only one
    (answers kept before it was switched to email only), and three newsletter signups."""
    pages = [
        FormPageFactory(parent=home_page, slug="month", keep_days=30),
        FormPageFactory(parent=home_page, slug="quarter"),
        FormPageFactory(parent=home_page, slug="emailed", answers=AnswerKeeping.EMAIL_ONLY),
    ]
    for page in pages:
        for days_old in (0, 29, 31, 89, 91):
            submission(page, days_old)
    NewsletterSubscriberFactory(confirmed_at=None, signed_up_at=timezone.now())
    NewsletterSubscriberFactory(confirmed_at=None, signed_up_at=timezone.now() - timedelta(days=8))
    NewsletterSubscriberFactory(signed_up_at=timezone.now() - timedelta(days=900))


def messages_left():
    return sorted(FormSubmission.objects.values_list("form_data__message", flat=True))


KEPT = ["month 0 days", "month 29 days", "quarter 0 days", "quarter 29 days", "quarter 31 days",
        "quarter 89 days"]  # fmt: skip


def test_each_form_keeps_answers_as_long_as_it_chose_and_stale_signups_go(aged):
    output = run("purge_form_submissions")
    assert messages_left() == KEPT
    assert NewsletterSubscriber.objects.count() == 2  # the old one is confirmed, so it stays
    assert "Deleted 9 form submission(s) past their form's keeping time" in output
    assert "1 unconfirmed newsletter signup(s)" in output


def test_dry_run_prints_counts_and_deletes_nothing(aged):
    output = run("purge_form_submissions", "--dry-run")
    assert "Would delete 9 form submission(s)" in output
    assert len(messages_left()) == 15 and NewsletterSubscriber.objects.count() == 3


def test_publish_scheduled_also_deletes_expired_answers(aged):
    output = run("publish_scheduled")
    assert messages_left() == KEPT
    assert "Deleted 9 form submission(s)" in output


def test_publish_scheduled_dry_run_deletes_no_answers(aged):
    output = run("publish_scheduled", "--dryrun")
    assert "Would delete 9 form submission(s)" in output
    assert len(messages_left()) == 15
