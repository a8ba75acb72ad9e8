from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    """Partners made before translation are the English originals."""

    dependencies = [("home", "0008_partner_translatable_fields")]

    operations = [BootstrapTranslatableModel("home.Partner")]
