"""Back up the database and uploaded files into a timestamped folder, keeping the newest few."""

import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from connect_site.backups import create_backup, prune_backups


class Command(BaseCommand):
    help = (
        "Copy the whole database (SQLite or PostgreSQL) and every uploaded file into a new "
        "backup-YYYYMMDD-HHMMSS folder, then delete the oldest backups beyond --keep."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=Path(os.environ.get("BACKUP_DIR", Path(settings.BASE_DIR) / "backups")),
            help="Folder to keep backups in (default: $BACKUP_DIR, or backups/ in the project).",
        )
        parser.add_argument(
            "--keep",
            type=int,
            default=7,
            help="How many backups to keep, newest first (default 7).",
        )

    def handle(self, *args, output_dir, keep, **options):
        if keep < 1:
            raise CommandError(
                f"--keep must be 1 or more (it was {keep}): it counts the backups to keep."
            )
        folder = create_backup(output_dir)
        self.stdout.write(self.style.SUCCESS(f"Backed up to {folder}"))
        for stale in prune_backups(output_dir, keep):
            self.stdout.write(f"Removed old backup {stale}")
