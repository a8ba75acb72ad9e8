"""Events use the same moderation as pages: the workflow on the page tree's root, if there is one.

Editors cannot publish events; with this they submit them (scheduled or not) to the Moderators.
"""

from django.db import migrations


def moderate_events_like_pages(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    on_root = WorkflowPage.objects.filter(page__depth=1, workflow__active=True).first()
    if on_root is None:
        return
    event, _ = ContentType.objects.get_or_create(app_label="programs", model="event")
    WorkflowContentType.objects.get_or_create(
        content_type=event, defaults={"workflow": on_root.workflow}
    )


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0002_editors_and_moderators_manage_events"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(moderate_events_like_pages, migrations.RunPython.noop)]
