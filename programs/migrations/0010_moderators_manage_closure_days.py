from django.db import migrations

# A closure day cancels every event's date that day at once, with no draft or approval:
# Moderators, who publish, manage them; Editors see them.
ROLES = {
    "Editors": ["view_closure"],
    "Moderators": ["add_closure", "change_closure", "delete_closure", "view_closure"],
}


def give_roles_their_closure_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    closure, _ = ContentType.objects.get_or_create(app_label="programs", model="closure")
    for group_name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=closure,
                codename=codename,
                defaults={"name": f"Can {codename.replace('_', ' ')}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0009_changes_to_single_dates_and_closure_days"),
    ]

    operations = [
        migrations.RunPython(give_roles_their_closure_permissions, migrations.RunPython.noop)
    ]
