"""Backups: a timestamped folder with a dump of the whole database and an archive of uploaded files.

SQLite is copied with its online backup API (safe while the site is serving); PostgreSQL with
pg_dump. Uploads are read through Django's storage, so local folders and S3 buckets both work.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path, PurePosixPath

from django.core.files.base import File
from django.core.files.storage import default_storage
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone

DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
MEDIA_FILE = "media.tar.gz"
FOLDER_PATTERN = "backup-*"
POSTGRES_OPTIONS = [("host", "HOST"), ("port", "PORT"), ("username", "USER")]


def create_backup(parent):
    """Write a new backup folder under `parent` and return its path."""
    folder = Path(parent) / f"backup-{timezone.now():%Y%m%d-%H%M%S}"
    try:
        folder.mkdir(parents=True)
    except FileExistsError as error:
        raise CommandError(f"{folder} already exists: wait a second and try again.") from error
    except OSError as error:
        raise CommandError(f"Cannot create {folder}: {error.strerror}.") from error
    dump_database(folder / database_file_name())
    archive_media(folder / MEDIA_FILE)
    return folder


def prune_backups(parent, keep):
    """Delete all but the newest `keep` backup folders; return the deleted ones."""
    folders = sorted(Path(parent).glob(FOLDER_PATTERN))
    stale = folders[:-keep]
    for folder in stale:
        shutil.rmtree(folder)
    return stale


def restore_backup(folder):
    """Replace the database and the uploaded files with those in a backup folder."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CommandError(f"No backup folder at {folder}.")
    dump = folder / database_file_name()
    if not dump.is_file():
        found = ", ".join(sorted(p.name for p in folder.iterdir())) or "nothing"
        raise CommandError(
            f"{folder} has no {dump.name} for this {connection.vendor} database (found: {found})."
        )
    restore_database(dump)
    restore_media(folder / MEDIA_FILE)


def database_file_name():
    """The dump's file name for the database in use; other databases are refused."""
    try:
        return DATABASE_FILES[connection.vendor]
    except KeyError:
        raise CommandError(
            f"Backups support SQLite and PostgreSQL, not {connection.vendor}."
        ) from None


def dump_database(path):
    """Copy the whole database into `path`."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    else:
        run_postgres_tool("pg_dump", "--format=custom", "--no-owner", f"--file={path}")


def restore_database(path):
    """Overwrite the database with the dump at `path`."""
    connection.close()
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        run_postgres_tool(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(path)
        )


def run_postgres_tool(tool, *args):
    """Run pg_dump or pg_restore against the configured database, with a readable error."""
    db = connection.settings_dict
    command = [tool, f"--dbname={db['NAME']}", *args]
    command += [f"--{option}={db[key]}" for option, key in POSTGRES_OPTIONS if db.get(key)]
    env = {"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {}
    try:
        result = subprocess.run(  # noqa: S603 (our own arguments, no shell)
            command, capture_output=True, text=True, env={**os.environ, **env}, check=False
        )
    except FileNotFoundError as error:
        raise CommandError(
            f"{tool} is not installed: install PostgreSQL's client tools."
        ) from error
    if result.returncode != 0:
        raise CommandError(f"{tool} failed: {result.stderr.strip()}")


def stored_files(folder=""):
    """Every file name in the default storage, walking its folders."""
    try:
        folders, files = default_storage.listdir(folder)
    except FileNotFoundError:  # a local media folder not created yet
        return
    for name in files:
        yield str(PurePosixPath(folder, name))
    for sub in folders:
        yield from stored_files(str(PurePosixPath(folder, sub)))


def archive_media(path):
    """Write every uploaded file into a gzipped tar archive at `path`."""
    with tarfile.open(path, "w:gz") as archive:
        for name in stored_files():
            info = tarfile.TarInfo(name)
            info.size = default_storage.size(name)
            with default_storage.open(name) as stored:
                archive.addfile(info, stored)


def restore_media(path):
    """Put every file in the archive back into the default storage, replacing what is there."""
    if not path.is_file():
        raise CommandError(f"The backup has no {path.name}.")
    with tarfile.open(path, "r:gz") as archive:
        for member in archive.getmembers():
            name = PurePosixPath(member.name)
            if not member.isfile() or name.is_absolute() or ".." in name.parts:
                raise CommandError(f"{path.name} holds an unsafe entry: {member.name!r}.")
            default_storage.delete(member.name)
            default_storage.save(member.name, File(archive.extractfile(member)))
