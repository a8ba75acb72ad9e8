from django.apps import AppConfig


class ResourcesConfig(AppConfig):
    """The directory of organisations and services."""

    name = "resources"
    # As our migrations were made: the same whatever DEFAULT_AUTO_FIELD the host site has.
    default_auto_field = "django.db.models.BigAutoField"
    needs = ["wagtail_modeladmin"]  # besides cms's (check cms.E001)

    def ready(self):
        from cms.caching import invalidated_by
        from resources import webhooks
        from resources.models import Language, PhoneNumber, Resource, ResourceTag

        webhooks.connect()
        invalidated_by(Resource, PhoneNumber, ResourceTag, Language)
