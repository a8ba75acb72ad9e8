"""purge_form_submissions deletes what is past its retention, and only that."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from contact.models import NewsletterSubscriber
from tests.contact.factories import NewsletterSubscriberFactory

pytestmark = pytest.mark.django_db


def purge(*args):
    out = io.StringIO()
    call_command("purge_form_submissions", *args, stdout=out)
    return out.getvalue()


def submission(page, days_old):
    made = FormSubmission.objects.create(page=page, form_data={"message": f"{days_old} days"})
    FormSubmission.objects.filter(pk=made.pk).update(
        submit_time=timezone.now() - timedelta(days=days_old)
    )


@pytest.fixture
def aged(form_page):
    for days_old in (0, 364, 366, 800):
        submission(form_page, days_old)
    NewsletterSubscriberFactory(confirmed_at=None, signed_up_at=timezone.now())
    NewsletterSubscriberFactory(confirmed_at=None, signed_up_at=timezone.now() - timedelta(days=8))
    NewsletterSubscriberFactory(signed_up_at=timezone.now() - timedelta(days=900))


def messages_left():
    return sorted(FormSubmission.objects.values_list("form_data__message", flat=True))


def test_deletes_submissions_older_than_the_retention_and_stale_signups(aged):
    output = purge()
    assert messages_left() == ["0 days", "364 days"]
    assert NewsletterSubscriber.objects.count() == 2  # the old one is confirmed, so it stays
    assert "Deleted 2 form submission(s) older than 365 days" in output
    assert "1 unconfirmed newsletter signup(s)" in output


def test_dry_run_prints_counts_and_deletes_nothing(aged):
    output = purge("--dry-run")
    assert "Would delete 2 form submission(s)" in output
    assert len(messages_left()) == 4 and NewsletterSubscriber.objects.count() == 3


def test_days_option_and_setting_change_the_retention(aged, settings):
    purge("--days", "30")
    assert messages_left() == ["0 days"]
    settings.FORM_SUBMISSION_RETENTION_DAYS = 1000
    assert "Deleted 0 form submission(s) older than 1000 days" in purge()


@pytest.mark.parametrize("days", ["0", "-5", "a year", "1.5"])
def test_bad_days_are_refused_with_a_clear_message(aged, days):
    with pytest.raises(CommandError, match="must be a whole number of days, 1 or more"):
        purge("--days", days)
    assert len(messages_left()) == 4


def test_retention_setting_of_zero_is_refused(aged, settings):
    settings.FORM_SUBMISSION_RETENTION_DAYS = 0
    with pytest.raises(CommandError, match="must be 1 or more; nothing deleted"):
        purge()
    assert len(messages_left()) == 4
