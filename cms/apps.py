from django.apps import AppConfig


class CmsConfig(AppConfig):
    """Site-wide pieces: settings, shared blocks, API wiring, seed content."""

    name = "cms"
    verbose_name = "Site"

    def ready(self):
        from cms import renditions, signals, streamfield_schema

        renditions.connect()
        signals.connect()
        streamfield_schema.register()
