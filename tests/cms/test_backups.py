"""`backup` and `restore`: the whole database and every upload come back, and bad arguments are refused."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.models import Page
from wagtail_factories import ImageFactory

from programs.models import Event
from tests.home.factories import ContentPageFactory, home_page_as_site_root
from tests.programs.factories import EventFactory

pytestmark = pytest.mark.django_db
# Dumps read the database from outside the test's transaction, so tests that dump commit for real.
commits = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def only_backup_in(folder):
    [backup] = folder.glob("backup-*")
    return backup


@commits
def test_restore_into_an_emptied_database_brings_back_pages_events_and_uploads(tmp_path):
    home = home_page_as_site_root(slug="home-page")
    page = ContentPageFactory(parent=home, title="Drop-in peer support")
    event = EventFactory()
    image = ImageFactory()
    image_bytes = default_storage.open(image.file.name).read()
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())

    call_command("flush", interactive=False, inhibit_post_migrate=True)  # every table empty
    default_storage.delete(image.file.name)
    assert not Page.objects.filter(pk=page.pk).exists()

    call_command("restore", only_backup_in(tmp_path), interactive=False, stdout=io.StringIO())
    assert Page.objects.get(pk=page.pk).title == "Drop-in peer support"
    assert Page.objects.get(pk=home.pk).get_children().get().pk == page.pk
    assert Event.objects.get(pk=event.pk).title == event.title
    assert default_storage.open(image.file.name).read() == image_bytes


@commits
def test_backup_folder_is_timestamped_and_holds_a_database_dump_and_media_archive(tmp_path):
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    backup = only_backup_in(tmp_path)
    assert backup.name[len("backup-") :].replace("-", "").isdigit()
    names = {path.name for path in backup.iterdir()}
    assert names in ({"database.sqlite3", "media.tar.gz"}, {"database.pgdump", "media.tar.gz"})


@commits
def test_backup_keeps_only_the_newest_backups(tmp_path):
    for stamp in ("20240101-000000", "20250101-000000", "20250601-000000"):
        (tmp_path / f"backup-{stamp}").mkdir()
    call_command("backup", output_dir=tmp_path, keep=2, stdout=io.StringIO())
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert len(kept) == 2
    assert kept[0] == "backup-20250601-000000"


@pytest.mark.parametrize("keep", [0, -3])
def test_backup_refuses_a_keep_count_below_one(tmp_path, keep):
    with pytest.raises(CommandError, match="--keep must be 1 or more"):
        call_command("backup", output_dir=tmp_path, keep=keep)
    assert not list(tmp_path.iterdir())


def test_backup_says_when_it_cannot_create_its_folder(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(CommandError, match="Cannot create"):
        call_command("backup", output_dir=blocker)


def test_restore_refuses_a_missing_folder(tmp_path):
    with pytest.raises(CommandError, match="No backup folder at"):
        call_command("restore", tmp_path / "backup-nope", interactive=False)


def test_restore_refuses_a_folder_without_a_dump_for_this_database(tmp_path):
    (tmp_path / "notes.txt").write_text("")
    with pytest.raises(CommandError, match=r"has no database\.\w+ .*found: notes.txt"):
        call_command("restore", tmp_path, interactive=False)


@commits
def test_restore_changes_nothing_unless_confirmed(tmp_path, monkeypatch):
    home = home_page_as_site_root(slug="home-page")
    call_command("backup", output_dir=tmp_path, stdout=io.StringIO())
    ContentPageFactory(parent=home, title="Added after the backup")
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Restore cancelled"):
        call_command("restore", only_backup_in(tmp_path))
    assert Page.objects.filter(title="Added after the backup").exists()
