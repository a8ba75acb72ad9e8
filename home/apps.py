from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The home page and general content pages."""

    name = "home"

    def ready(self):
        from cms.caching import invalidated_by
        from home.models import Partner

        invalidated_by(Partner)
