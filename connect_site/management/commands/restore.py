"""Replace the database and uploaded files with those from a folder written by `backup`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from connect_site.backups import restore_backup


class Command(BaseCommand):
    help = "Restore the database and uploaded files from a backup folder. Replaces what is there."

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A backup-YYYYMMDD-HHMMSS folder.")
        parser.add_argument(
            "--noinput", action="store_false", dest="interactive", help="Do not ask to confirm."
        )

    def handle(self, *args, folder, interactive, **options):
        if interactive:
            answer = input(
                f"This replaces everything in the database and the uploaded files with the "
                f"backup in {folder}. Type 'yes' to go on: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        restore_backup(folder)
        self.stdout.write(self.style.SUCCESS(f"Restored from {folder}"))
