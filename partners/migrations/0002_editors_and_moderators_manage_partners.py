from django.db import migrations

PARTNER_PERMISSIONS = ["add_partner", "change_partner", "delete_partner", "view_partner"]


def let_editors_and_moderators_manage_partners(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    partner, _ = ContentType.objects.get_or_create(app_label="partners", model="partner")
    permissions = [
        Permission.objects.get_or_create(
            content_type=partner,
            codename=codename,
            defaults={"name": f"Can {codename.replace('_', ' ')}"},
        )[0]
        for codename in PARTNER_PERMISSIONS
    ]
    for name in ("Editors", "Moderators"):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("partners", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(let_editors_and_moderators_manage_partners, migrations.RunPython.noop)
    ]
