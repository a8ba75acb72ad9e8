"""The list of workshops and groups comes twenty to a page, by title, however many there are."""

import re

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from programs.models.pages import PROGRAMS_PER_PAGE
from tests.cms.factories import SiteSettingsFactory
from tests.programs.factories import ProgramIndexPageFactory, ProgramPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def program_list(home_page):
    index = ProgramIndexPageFactory(parent=home_page, title="Programs", slug="programs")
    for number in range(PROGRAMS_PER_PAGE + 5):
        ProgramPageFactory(parent=index, title=f"Group {number:02d}", slug=f"group-{number:02d}")
    return index


def listed(client, query=""):
    response = client.get(f"/en/programs/{query}")
    assert response.status_code == 200
    html = response.content.decode()
    return re.findall(r"<h2><a [^>]*>(Group \d+)</a></h2>", html), html


def test_first_page_lists_twenty_by_title_and_links_to_the_next(client, program_list):
    titles, html = listed(client)
    assert titles == [f"Group {n:02d}" for n in range(PROGRAMS_PER_PAGE)]
    assert "Page 1 of 2" in html
    assert 'href="?page=2" rel="next"' in html
    assert 'rel="prev"' not in html


def test_second_page_lists_the_rest_and_links_back(client, program_list):
    titles, html = listed(client, "?page=2")
    assert titles == [f"Group {n:02d}" for n in range(PROGRAMS_PER_PAGE, PROGRAMS_PER_PAGE + 5)]
    assert 'href="?page=1" rel="prev"' in html
    assert 'rel="next"' not in html


@pytest.mark.parametrize(("query", "page"), [("?page=abc", 1), ("?page=0", 2), ("?page=99", 2)])
def test_nonsense_page_numbers_show_a_page_not_an_error(client, program_list, query, page):
    _, html = listed(client, query)
    assert f"Page {page} of 2" in html


def test_a_short_list_has_no_page_links(client, program):
    response = client.get(program.get_parent().url)
    assert "Peer support group" in response.content.decode()
    assert 'class="pagination"' not in response.content.decode()


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_remembered_entries_read_no_programs_and_show_an_edit_at_once(client, program_list):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    listed(client)
    with CaptureQueriesContext(connection) as queries:
        titles, _ = listed(client)
    assert titles[0] == "Group 00"
    assert not [query for query in queries if '"programs_programpage"."summary"' in query["sql"]]
    first = program_list.get_children().get(slug="group-00").specific
    first.title = "Group 00 (now on Tuesdays)"
    first.save_revision().publish()
    assert ">Group 00 (now on Tuesdays)</a></h2>" in listed(client)[1]
