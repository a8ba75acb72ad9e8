"""The "Form managers" group: the only editors who can read, export and delete form submissions.

They can sign in to the admin, edit pages (form pages among them) and see the newsletter list.
Reading submissions is granted by membership of this group (contact/wagtail_hooks.py).
"""

from django.db import migrations

GROUP = "Form managers"
SUBSCRIBER_PERMISSIONS = [
    ("view_newslettersubscriber", "Can view newsletter subscriber"),
    ("delete_newslettersubscriber", "Can delete newsletter subscriber"),
]


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    return found


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(
        permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
        *(
            permission(apps, "contact", "newslettersubscriber", codename, name)
            for codename, name in SUBSCRIBER_PERMISSIONS
        ),
    )
    root = Page.objects.filter(depth=1).first()
    if root is not None:
        change_page = permission(apps, "wagtailcore", "page", "change_page", "Can change page")
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=change_page)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contact", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
