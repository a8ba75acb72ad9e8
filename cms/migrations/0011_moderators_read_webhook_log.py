"""Moderators read the webhooks' delivery log (view permission); administrators change them."""

from django.db import migrations


def let_moderators_read_webhooks(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    content_type, _ = ContentType.objects.get_or_create(app_label="cms", model="subscriber")
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_subscriber",
        defaults={"name": "Can view webhook"},
    )
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [("cms", "0010_webhooks")]

    operations = [migrations.RunPython(let_moderators_read_webhooks, migrations.RunPython.noop)]
