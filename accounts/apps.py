from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Volunteers' admin accounts: two-step sign-in with an authenticator app and recovery codes."""

    name = "accounts"
