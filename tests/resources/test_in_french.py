"""French-speaking visitors read the directory in French where it is translated, in English
marked as English where it is not."""

import pytest

from tests.home.factories import translated
from tests.resources.factories import (
    ResourceFactory,
    ResourceIndexPageFactory,
    translated_resource,
)
from tests.resources.test_directory_page import names_on

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(home_page):
    """The directory page and its French translation, at /fr/resources/."""
    directory = ResourceIndexPageFactory(parent=home_page)
    translated(home_page, title="Accueil")
    translated(directory, title="Ressources")
    return directory


@pytest.fixture
def council(directory):
    return translated_resource()


@pytest.fixture
def untranslated(directory):
    return ResourceFactory(
        name="Family Initiatives",
        short_description="Groups for family members.",
        description="<p>Peer support for families.</p>",
        languages=["en"],
    )


def get_html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_list_shows_the_french_texts_at_fr_and_the_english_ones_at_en(client, council):
    french = get_html(client, "/fr/resources/")
    assert ">Conseil d’habilitation</a></h3>" in french
    assert "<p>Une voix pour les clients des services de santé mentale.</p>" in french
    assert "anglais, français" in french
    english = get_html(client, "/en/resources/")
    assert ">Empowerment Council</a></h3>" in english
    assert "<p>A voice for clients of mental health services.</p>" in english
    assert "English, French" in english and "Conseil" not in english


def test_resource_page_in_french_has_the_french_name_in_its_title_and_heading(client, council):
    french = get_html(client, f"/fr/resources/{council.slug}/")
    assert "<title>Conseil d’habilitation" in french
    assert "<h1>Conseil d’habilitation</h1>" in french
    assert 'aria-current="page">Conseil d’habilitation</a>' in french
    assert '<p class="intro">Une voix pour les clients des services de santé mentale.</p>' in french
    assert (
        '<div class="rich-text"><p>Défense des droits par et pour les clients.</p></div>' in french
    )
    english = get_html(client, f"/en/resources/{council.slug}/")
    assert "<title>Empowerment Council" in english and "<h1>Empowerment Council</h1>" in english
    assert '<div class="rich-text"><p>Advocacy by and for clients.</p></div>' in english


def test_texts_not_translated_yet_are_shown_in_english_marked_as_english(client, untranslated):
    listing = get_html(client, "/fr/resources/")
    assert (
        '<a href="/fr/resources/family-initiatives/"><span lang="en">Family Initiatives</span>'
        in listing
    )
    assert '<p><span lang="en">Groups for family members.</span></p>' in listing
    page = get_html(client, "/fr/resources/family-initiatives/")
    assert '<h1><span lang="en">Family Initiatives</span></h1>' in page
    assert '<p class="intro"><span lang="en">Groups for family members.</span></p>' in page
    assert (
        '<div class="rich-text"><div lang="en"><p>Peer support for families.</p></div></div>'
        in page
    )
    assert 'lang="en"' not in get_html(client, "/en/resources/family-initiatives/").split("<h1>")[1]


def test_french_list_goes_by_the_names_french_speakers_read(client, council, untranslated):
    ResourceFactory(name="Distress Centre", name_fr="Centre de détresse")
    _, names = names_on(client, "/fr/resources/")
    assert names == ["Centre de détresse", "Conseil d’habilitation", "Family Initiatives"]
    _, names = names_on(client, "/en/resources/")
    assert names == ["Distress Centre", "Empowerment Council", "Family Initiatives"]


@pytest.mark.parametrize("prefix", ["/en/", "/fr/"])
def test_french_language_filter_lists_the_same_resources_in_both_languages(
    client, council, untranslated, prefix
):
    _, names = names_on(client, f"{prefix}resources/?language=fr")
    assert names == ["Conseil d’habilitation" if prefix == "/fr/" else "Empowerment Council"]


@pytest.mark.parametrize("prefix", ["/en/", "/fr/"])
@pytest.mark.parametrize("search", ["habilitation", "santé", "défense", "Conseil"])
def test_french_words_find_the_resource_they_describe(
    client, council, untranslated, prefix, search
):
    _, names = names_on(client, f"{prefix}resources/?search={search}")
    assert names == ["Conseil d’habilitation" if prefix == "/fr/" else "Empowerment Council"]
