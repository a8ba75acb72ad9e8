"""Arabic in Chromium: right_to_left.py, in a pytest started with CONTENT_LANGUAGES=en,fr,ar."""

from tests.in_languages import pytest_with_languages


def test_arabic_pages_in_chromium():
    result = pytest_with_languages("en,fr,ar", "tests/browser/right_to_left.py")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout
