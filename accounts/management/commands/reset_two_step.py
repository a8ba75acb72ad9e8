"""Reset a volunteer's two-step sign-in when they lose their phone and their recovery codes."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from accounts.api_tokens import revoke_tokens
from accounts.two_step import must_use_two_step, remove_two_step


class Command(BaseCommand):
    help = (
        "Remove a volunteer's authenticator app, passkeys and recovery codes, and revoke their API "
        "tokens. They sign in with their password and, if their role needs it, set two-step "
        "sign-in up again at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The volunteer's username, as in Settings > Users.")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(
                f"There is no user called {username!r}; nothing was changed. Usernames are "
                "listed in the admin under Settings > Users."
            )
        remove_two_step(user)
        revoke_tokens([user], "reset_two_step")
        then = (
            "they will be asked to set it up again when they next sign in"
            if must_use_two_step(user)
            else "they sign in with their password alone until they set it up again"
        )
        self.stdout.write(
            f"Two-step sign-in reset for {username}: {then}. Their API tokens are revoked."
        )
