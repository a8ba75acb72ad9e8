from django.db import migrations

# Editors add and edit events and save drafts; Moderators also publish them.
ROLES = {
    "Editors": ["add_event", "change_event", "delete_event", "view_event"],
    "Moderators": ["add_event", "change_event", "delete_event", "view_event", "publish_event"],
}


def give_roles_their_event_permissions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    event, _ = ContentType.objects.get_or_create(app_label="programs", model="event")
    for group_name, codenames in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission, _ = Permission.objects.get_or_create(
                content_type=event,
                codename=codename,
                defaults={"name": f"Can {codename.replace('_', ' ')}"},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(give_roles_their_event_permissions, migrations.RunPython.noop)
    ]
