"""Delete form submissions older than the retention period, and newsletter signups never confirmed."""

from argparse import ArgumentTypeError
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from wagtail.contrib.forms.models import FormSubmission

from contact.models import NewsletterSubscriber


def positive_days(value):
    """argparse type: a whole number of days, at least 1."""
    if not value.isdigit() or int(value) < 1:
        raise ArgumentTypeError(f"must be a whole number of days, 1 or more, not {value!r}")
    return int(value)


class Command(BaseCommand):
    help = (
        "Delete form submissions older than FORM_SUBMISSION_RETENTION_DAYS (or --days), and "
        "newsletter signups not confirmed within NEWSLETTER_CONFIRMATION_DAYS. Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=positive_days,
            default=None,
            help="Keep submissions this many days "
            f"(default: FORM_SUBMISSION_RETENTION_DAYS, now {settings.FORM_SUBMISSION_RETENTION_DAYS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only print what would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        days = days or settings.FORM_SUBMISSION_RETENTION_DAYS
        if days < 1:
            raise CommandError("FORM_SUBMISSION_RETENTION_DAYS must be 1 or more; nothing deleted.")
        now = timezone.now()
        submissions = FormSubmission.objects.filter(submit_time__lt=now - timedelta(days=days))
        signups = NewsletterSubscriber.objects.unconfirmed_before(
            now - timedelta(days=settings.NEWSLETTER_CONFIRMATION_DAYS)
        )
        counts = (submissions.count(), signups.count())
        verb = "Would delete" if dry_run else "Deleted"
        if not dry_run:
            submissions.delete()
            signups.delete()
        self.stdout.write(
            f"{verb} {counts[0]} form submission(s) older than {days} days and "
            f"{counts[1]} unconfirmed newsletter signup(s)."
        )
