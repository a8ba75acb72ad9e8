"""Moderators manage moderation itself: add, change and delete workflows and their tasks.

Wagtail gives its Moderators group the right to publish pages, and its default "Moderators
approval" workflow sends editors' pages to them, but not the right to change that workflow.
"""

from django.db import migrations

MODELS = ["workflow", "task"]
ACTIONS = ["add", "change", "delete"]


def let_moderators_manage_workflows(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    Group = apps.get_model("auth.Group")
    permissions = []
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model=model)
        for action in ACTIONS:
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
            permissions.append(permission)
    group, _ = Group.objects.get_or_create(name="Moderators")
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_content_version"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(let_moderators_manage_workflows, migrations.RunPython.noop)
    ]
