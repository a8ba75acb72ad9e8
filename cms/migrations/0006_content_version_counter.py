from django.db import migrations, models


class Migration(migrations.Migration):
    """The content version becomes a counter: it no longer gives the API's Last-Modified."""

    dependencies = [
        ("cms", "0005_help_text_for_volunteers"),
    ]

    operations = [
        migrations.RemoveField(model_name="contentversion", name="changed_at"),
        migrations.AddField(
            model_name="contentversion",
            name="counter",
            field=models.BigIntegerField(default=0),
        ),
    ]
