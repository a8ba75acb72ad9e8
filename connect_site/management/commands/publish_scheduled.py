"""Wagtail's publish_scheduled, then the site's other timed clean-up: deleting expired form answers.

Named as Wagtail's command (connect_site comes before wagtail in INSTALLED_APPS, so this one is
found first): the cron line or timer a deployer sets up for scheduled publishing runs both.
"""

from django.core.management import call_command
from wagtail.management.commands import publish_scheduled


class Command(publish_scheduled.Command):
    help = (
        "Publish and take down what editors scheduled (Wagtail's publish_scheduled), then delete "
        "form answers past their form's keeping time (purge_form_submissions). Run it every five "
        "minutes."
    )

    def handle(self, *args, **options):
        super().handle(*args, **options)
        purge_options = {"dry_run": options["dryrun"], "verbosity": options["verbosity"]}
        call_command("purge_form_submissions", stdout=self.stdout, **purge_options)
