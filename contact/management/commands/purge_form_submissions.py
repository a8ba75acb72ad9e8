"""Delete form answers past what their form chose, and newsletter signups never confirmed."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from cms.conf import app_settings
from contact.models import NewsletterSubscriber
from contact.models.pages import expired_submissions


class Command(BaseCommand):
    help = (
        "Delete form answers older than their form's 'Days to keep the answers' (any kept answers "
        "of a form set to 'email only'), and newsletter signups not confirmed within "
        "NEWSLETTER_CONFIRMATION_DAYS. publish_scheduled runs it too."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only print what would be deleted."
        )

    def handle(self, *args, dry_run, **options):
        now = timezone.now()
        submissions = expired_submissions(now)
        signups = NewsletterSubscriber.objects.unconfirmed_before(
            now - timedelta(days=app_settings.NEWSLETTER_CONFIRMATION_DAYS)
        )
        counts = (submissions.count(), signups.count())
        verb = "Would delete" if dry_run else "Deleted"
        if not dry_run:
            submissions.delete()
            signups.delete()
        self.stdout.write(
            f"{verb} {counts[0]} form submission(s) past their form's keeping time and "
            f"{counts[1]} unconfirmed newsletter signup(s)."
        )
