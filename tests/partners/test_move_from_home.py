"""CONNECT's partners move from the home app into the partners app with their ids, logos and order."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("home", "0007_help_text_for_volunteers")]


def migrate(targets=None):
    """Migrate to the targets (by default every app's latest, as the other tests expect)."""
    executor = MigrationExecutor(connection)
    targets = targets or executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# As every transactional test here: the data the migrations made is put back after it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_partners_keep_their_ids_and_details_and_new_ones_get_fresh_ids():
    apps = migrate(BEFORE)
    apps.get_model("home", "Partner").objects.create(
        id=7, name="CMHA Thames Valley", url="https://cmhatv.ca/", sort_order=2, active=False
    )

    apps = migrate()

    Partner = apps.get_model("partners", "Partner")
    moved = Partner.objects.get()
    assert (moved.id, moved.name, moved.url, moved.sort_order, moved.active) == (
        7,
        "CMHA Thames Valley",
        "https://cmhatv.ca/",
        2,
        False,
    )
    assert moved.locale.language_code == "en" and moved.translation_key  # the original, in English
    assert Partner.objects.create(name="Next partner", locale=moved.locale).id > 7
