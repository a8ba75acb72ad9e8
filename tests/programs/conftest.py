"""Fixtures for the programs tests: the calendar page and a program under the programs page."""

import pytest

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
