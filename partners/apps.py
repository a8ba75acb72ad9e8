from django.apps import AppConfig


class PartnersConfig(AppConfig):
    """Partners: organisations shown in a partners section and /api/v3/partners/."""

    name = "partners"
    # As our migrations were made: the same whatever DEFAULT_AUTO_FIELD the host site has.
    default_auto_field = "django.db.models.BigAutoField"
    needs = ["wagtail.snippets"]  # besides cms's (check cms.E001)

    def ready(self):
        from cms.caching import invalidated_by
        from partners import webhooks
        from partners.models import Partner

        webhooks.connect()
        invalidated_by(Partner)
