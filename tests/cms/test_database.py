"""The database: SQLite tuned for concurrent writers, PostgreSQL from DATABASE_URL, search on either."""

import threading
import time

import pytest
from django.db import connection, connections, transaction
from wagtail.search.backends import get_search_backend

from connect_site.settings import services
from tests.home.factories import ContentPageFactory

ALIAS = "concurrent_sqlite"


@pytest.fixture
def sqlite_file_database(tmp_path, django_db_blocker):
    """A file-backed SQLite database under its own alias, configured exactly as the site's."""
    config = {"default": services.database("unused", url=f"sqlite:///{tmp_path / 'site.sqlite3'}")}
    connections.settings[ALIAS] = connections.configure_settings(config)["default"]
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE visit (id INTEGER PRIMARY KEY, who TEXT)")
        yield connections[ALIAS]
        connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


def test_sqlite_uses_wal_with_a_busy_timeout_and_immediate_transactions(sqlite_file_database):
    with sqlite_file_database.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert cursor.execute("PRAGMA busy_timeout").fetchone() == (20000,)
    assert sqlite_file_database.transaction_mode == "IMMEDIATE"


def test_concurrent_sqlite_writers_wait_for_each_other_instead_of_failing(sqlite_file_database):
    """A read-then-write transaction that meets another writer waits, rather than 'database is locked'."""
    first_is_writing, errors = threading.Event(), []

    def read_then_write(who, hold=None):
        try:
            with transaction.atomic(using=ALIAS), connections[ALIAS].cursor() as cursor:
                cursor.execute("SELECT count(*) FROM visit")
                if hold:
                    hold.set()
                    time.sleep(0.3)  # keep the write lock while the other thread tries
                cursor.execute("INSERT INTO visit (who) VALUES (%s)", [who])
        except Exception as error:  # reported below, from the main thread
            errors.append(error)
        finally:
            connections[ALIAS].close()

    first = threading.Thread(target=read_then_write, args=("first", first_is_writing))
    first.start()
    first_is_writing.wait()
    read_then_write("second")
    first.join()
    assert errors == []
    with sqlite_file_database.cursor() as cursor:
        assert cursor.execute("SELECT who FROM visit ORDER BY id").fetchall() == [
            ("first",),
            ("second",),
        ]


def test_database_url_selects_postgresql_with_health_checks():
    config = services.database("unused", url="postgres://peer:pw@db.example:5432/peer")
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert config["CONN_HEALTH_CHECKS"] is True
    assert "transaction_mode" not in config.get("OPTIONS", {})


@pytest.mark.django_db
def test_search_uses_the_databases_own_full_text_search(home_page):
    expected = {"postgresql": "PostgresSearchBackend", "sqlite": "SQLiteSearchBackend"}
    backend = get_search_backend()
    assert type(backend).__name__ == expected[connection.vendor]
    page = ContentPageFactory(parent=home_page, title="Peer support for families")
    ContentPageFactory(parent=home_page, title="Volunteer training")
    backend.add(page)
    results = backend.search("families", type(page))
    assert [result.pk for result in results] == [page.pk]
