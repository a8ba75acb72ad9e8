"""The site in English, French and Arabic: three_languages.py, in a pytest started with
CONTENT_LANGUAGES=en,fr,ar."""

from tests.in_languages import pytest_with_languages


def test_the_site_in_english_french_and_arabic():
    result = pytest_with_languages("en,fr,ar", "tests/cms/three_languages.py")
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and "skipped" not in result.stdout, result.stdout
