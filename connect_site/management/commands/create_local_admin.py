"""Give a local developer a way into /admin/: a superuser with a random password, printed."""

import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

PASSWORD_FILE = Path(settings.BASE_DIR) / ".local-admin-password"


class Command(BaseCommand):
    help = "Create a local 'admin' superuser with a random password (DEBUG only) and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument(
            "--username", default="admin", help="Username to create (default: admin)."
        )

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError(
                "create_local_admin is for local development only (DEBUG is off). "
                "On a server, run: python manage.py createsuperuser"
            )
        User = get_user_model()
        user = User.objects.filter(username=username).first()
        if user is None:
            password = secrets.token_urlsafe(12)
            User.objects.create_superuser(username=username, email="", password=password)
            PASSWORD_FILE.write_text(password + "\n")
            PASSWORD_FILE.chmod(0o600)
        elif PASSWORD_FILE.exists() and user.check_password(PASSWORD_FILE.read_text().strip()):
            password = PASSWORD_FILE.read_text().strip()
        else:
            self.stdout.write(
                f"Log in at http://127.0.0.1:8000/admin/ as '{username}' with the password you set "
                f"(forgotten it? python manage.py changepassword {username})."
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: http://127.0.0.1:8000/admin/  username: {username}  password: {password}"
            )
        )
