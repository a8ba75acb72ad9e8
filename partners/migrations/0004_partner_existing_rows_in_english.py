from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    """Partners made before translation are the originals, in the default language."""

    dependencies = [("partners", "0003_partner_translatable_fields")]

    operations = [BootstrapTranslatableModel("partners.Partner")]
