from django.db import migrations

LANGUAGES = [("en", "English"), ("fr", "French")]


def add_languages(apps, schema_editor):
    Language = apps.get_model("resources", "Language")
    for code, name in LANGUAGES:
        Language.objects.get_or_create(code=code, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("resources", "0001_initial")]

    operations = [migrations.RunPython(add_languages, migrations.RunPython.noop)]
