from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate


class ConnectSiteConfig(AppConfig):
    """CONNECT's site: settings, URLs, API registration, its seed and example content."""

    name = "connect_site"
    verbose_name = "CONNECT's site"

    def ready(self):
        # Sent for apps with models, which this one has none of: after Wagtail's own migrations.
        post_migrate.connect(add_content_locales, sender=self.apps.get_app_config("wagtailcore"))


def add_content_locales(using, apps, **kwargs):
    """A Wagtail locale for each of the site's languages (CONTENT_LANGUAGES), so that editors can
    translate pages into it: a language added later gets its own at the next `migrate`."""
    locales = apps.get_model("wagtailcore", "Locale").objects.using(using)
    for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES:
        locales.get_or_create(language_code=code)
