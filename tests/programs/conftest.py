"""Fixtures for the programs tests: the calendar page (and its French translation) and a program
under the programs page."""

import pytest

from tests.home.factories import translated
from tests.programs.factories import (
    EventIndexPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)


@pytest.fixture
def calendar_page(home_page):
    return EventIndexPageFactory(parent=home_page)


@pytest.fixture
def program(home_page):
    index = ProgramIndexPageFactory(parent=home_page)
    return ProgramPageFactory(parent=index, title="Peer support group", slug="peer-support")


@pytest.fixture
def french_home(home_page):
    return translated(home_page, title="Accueil")


@pytest.fixture
def french_calendar(french_home, calendar_page):
    return translated(calendar_page, title="Événements")
