"""Every string of ours that visitors or volunteers read has its French translation."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

CATALOGUE = Path(settings.LOCALE_PATHS[0]) / "fr" / "LC_MESSAGES" / "django.po"
NOT_OURS = [".venv", ".git", "node_modules", "tests", "benchmarks", "static_collected", "media"]


@pytest.fixture
def strings_in_the_code(tmp_path, settings):
    """The strings marked for translation in our templates and code now (makemessages)."""
    if shutil.which("xgettext") is None:
        pytest.skip("gettext is not installed: `make messages` installs it.")
    # makemessages writes beside the sources it reads: it reads links to them in a folder of
    # the test's own, so that the catalogue it makes lands there, not over ours.
    for source in Path(settings.BASE_DIR).iterdir():
        if source.name not in NOT_OURS and source.name != "locale":
            (tmp_path / source.name).symlink_to(source)
    settings.LOCALE_PATHS = [str(tmp_path / "locale")]
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        call_command(
            "makemessages", locale=["fr"], ignore_patterns=NOT_OURS, symlinks=True, verbosity=0
        )
    finally:
        os.chdir(here)
    made = tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po"
    return {entry.msgid for entry in polib.pofile(str(made))}


def test_every_string_in_the_code_is_in_the_french_catalogue(strings_in_the_code):
    catalogue = {entry.msgid for entry in polib.pofile(str(CATALOGUE)) if not entry.obsolete}
    missing = strings_in_the_code - catalogue
    assert not missing, f"Run makemessages -l fr and translate: {sorted(missing)}"


def test_every_string_in_the_french_catalogue_is_translated_and_checked():
    catalogue = polib.pofile(str(CATALOGUE))
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"No French yet for: {untranslated}"
    assert not fuzzy, f"Guessed (fuzzy) French to check: {fuzzy}"
