from django.db import migrations

MODELS = ["resource", "language"]
ACTIONS = ["add", "change", "delete", "view"]


def let_editors_manage_the_directory(apps, schema_editor):
    """Volunteers in Wagtail's Editors and Moderators groups keep the directory up to date."""
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    permissions = []
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="resources", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            permissions.append(permission)
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("resources", "0002_english_and_french"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(let_editors_manage_the_directory, migrations.RunPython.noop)
    ]
