from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Volunteers' admin accounts: two-step sign-in with an app, passkeys and recovery codes."""

    name = "accounts"

    def ready(self):
        from accounts import api_tokens

        api_tokens.connect()
