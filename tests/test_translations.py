"""Every string of ours that visitors or volunteers read has its French translation, in the
catalogue that ships with the code using it, as `makemessages -l fr` run at the top of the tree
keeps them: each plugin app's own (`<app>/locale/`, in the wheel), and the project's `locale/` for
CONNECT's own (home, accounts, connect_site, templates/)."""

import os
import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command

BASE_DIR = Path(settings.BASE_DIR)
PLUGIN_APPS = ["cms", "programs", "resources", "contact", "partners"]
PROJECT = "project"
NOT_OURS = [".venv", ".git", "node_modules", "tests", "benchmarks", "static_collected", "media"]


PROJECT_LOCALE = Path(settings.LOCALE_PATHS[0])


def catalogue(owner):
    locale = PROJECT_LOCALE if owner == PROJECT else BASE_DIR / owner / "locale"
    return locale / "fr" / "LC_MESSAGES" / "django.po"


def strings_in(path):
    """(context, msgid) of each string in the catalogue at `path` (none when there is none:
    makemessages writes none for code without strings)."""
    if not path.exists():
        return set()
    return {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(path)) if not entry.obsolete}


def translated_strings(owner):
    return strings_in(catalogue(owner))


def sources(owner):
    if owner != PROJECT:
        return [BASE_DIR / owner]
    skipped = {*NOT_OURS, *PLUGIN_APPS, "locale"}
    return [path for path in BASE_DIR.iterdir() if path.name not in skipped]


@pytest.fixture
def strings_in_the_code(tmp_path, settings):
    """strings_in_the_code(owner): (context, msgid) of the strings marked for translation in
    `owner`'s templates and code now (makemessages)."""
    if shutil.which("xgettext") is None:
        pytest.skip("gettext is not installed: `make messages` installs it.")

    def made_by_makemessages(owner):
        # makemessages writes beside the sources it reads: it reads links to them in a folder of
        # the test's own, so that the catalogue it makes lands there, not over ours.
        folder = tmp_path / owner
        folder.mkdir()
        for source in sources(owner):
            (folder / source.name).symlink_to(source)
        settings.LOCALE_PATHS = [str(folder / "locale")]
        here = Path.cwd()
        os.chdir(folder)
        try:
            call_command(
                "makemessages",
                locale=["fr"],
                # It would write into any catalogue it found among the sources (an app's locale/).
                ignore_patterns=[*NOT_OURS, "locale"],
                symlinks=True,
                verbosity=0,
            )
        finally:
            os.chdir(here)
        return strings_in(folder / "locale" / "fr" / "LC_MESSAGES" / "django.po")

    return made_by_makemessages


@pytest.mark.parametrize("owner", [*PLUGIN_APPS, PROJECT])
def test_every_string_in_the_code_is_in_the_french_catalogue_it_ships_with(
    owner, strings_in_the_code
):
    missing = strings_in_the_code(owner) - translated_strings(owner)
    assert not missing, (
        f"Run makemessages -l fr and translate in {catalogue(owner).relative_to(BASE_DIR)}: "
        f"{sorted(msgid for _, msgid in missing)}"
    )


@pytest.mark.parametrize(
    "owner", [owner for owner in [*PLUGIN_APPS, PROJECT] if catalogue(owner).exists()]
)
def test_every_string_in_each_french_catalogue_is_translated_and_checked(owner):
    entries = polib.pofile(str(catalogue(owner)))
    untranslated = [entry.msgid for entry in entries.untranslated_entries()]
    fuzzy = [entry.msgid for entry in entries.fuzzy_entries()]
    assert not untranslated, f"No French yet for: {untranslated}"
    assert not fuzzy, f"Guessed (fuzzy) French to check: {fuzzy}"
