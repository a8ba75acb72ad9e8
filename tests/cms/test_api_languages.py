"""The API in English and French: `locale` on the page API and on our own routes."""

import pytest

from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory, PartnerFactory, translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_home(home_page):
    return translated(home_page, title="Accueil", hero_heading="Le rétablissement est possible")


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def test_page_api_filters_by_locale_and_translation_of(client, home_page, french_home):
    french = get_json(client, "/api/v3/pages/?locale=fr")["items"]
    assert [page["id"] for page in french] == [french_home.pk]
    translations = get_json(client, f"/api/v3/pages/?translation_of={home_page.pk}")["items"]
    assert [page["id"] for page in translations] == [french_home.pk]
    english = get_json(client, "/api/v3/pages/?locale=en")["items"]
    assert french_home.pk not in [page["id"] for page in english]


def test_site_settings_answer_the_french_texts_with_locale_fr(client, home_page):
    SiteSettingsFactory(
        organisation_name="CONNECT for Mental Health",
        organisation_name_fr="CONNECT pour la santé mentale",
        tagline="Peer support",
        tagline_fr="Soutien par les pairs",
        crisis_notice="Call 9-8-8.",
        crisis_notice_fr="Appelez le 9-8-8.",
    )
    french = get_json(client, "/api/v3/site-settings/?locale=fr")
    english = get_json(client, "/api/v3/site-settings/")
    assert (french["tagline"], french["crisis_notice"]["text"]) == (
        "Soutien par les pairs",
        "Appelez le 9-8-8.",
    )
    assert (english["tagline"], english["crisis_notice"]["text"]) == ("Peer support", "Call 9-8-8.")
    assert french["organisation_name"] == "CONNECT pour la santé mentale"
    assert english["organisation_name"] == "CONNECT for Mental Health"


def test_site_settings_not_yet_translated_come_in_english(client, home_page):
    SiteSettingsFactory(crisis_notice="Call 9-8-8.", crisis_notice_fr="")
    assert get_json(client, "/api/v3/site-settings/?locale=fr")["crisis_notice"]["text"] == (
        "Call 9-8-8."
    )


def test_partners_in_french_where_translated(client, french_home):
    cmha = PartnerFactory(name="CMHA")
    french = cmha.copy_for_translation(french_home.locale)
    french.name = "ACSM"
    french.save()
    PartnerFactory(name="Western University")
    names = {item["name"] for item in get_json(client, "/api/v3/partners/?locale=fr")["items"]}
    assert names == {"ACSM", "Western University"}
    names = {item["name"] for item in get_json(client, "/api/v3/partners/")["items"]}
    assert names == {"CMHA", "Western University"}


def test_summaries_in_french_take_each_pages_translation_else_the_english_page(
    client, home_page, french_home
):
    about = ContentPageFactory(parent=home_page, title="About us", slug="about")
    about.save_revision().publish()
    news = ContentPageFactory(parent=home_page, title="News", slug="news")
    news.save_revision().publish()
    translated(about, title="À propos", slug="a-propos", intro="Qui nous sommes.")
    french = get_json(client, "/api/v3/summaries/?locale=fr")["items"]
    assert {card["title"] for card in french} == {"Accueil", "À propos", "News"}
    a_propos = next(card for card in french if card["title"] == "À propos")
    assert a_propos["url"].endswith("/fr/a-propos/") and a_propos["summary"] == "Qui nous sommes."
    english = get_json(client, "/api/v3/summaries/")["items"]
    assert {card["title"] for card in english} == {"Home", "About us", "News"}
    children = get_json(client, f"/api/v3/summaries/?locale=fr&child_of={french_home.pk}")
    assert {card["title"] for card in children["items"]} == {"À propos", "News"}
    found = get_json(client, "/api/v3/summaries/?locale=fr&search=propos")["items"]
    assert [card["title"] for card in found] == ["À propos"]


@pytest.mark.parametrize(
    "route",
    [
        "/api/v3/site-settings/",
        "/api/v3/partners/",
        "/api/v3/summaries/",
        "/api/v3/events/",
        "/api/v3/events/1/",
        "/api/v3/resources/",
    ],
)
def test_unknown_locale_answers_400_naming_the_languages(client, home_page, route):
    response = client.get(f"{route}?locale=de")
    assert response.status_code == 400
    detail = response.json()["detail"]
    assert "locale" in detail and "'en'" in detail and "'fr'" in detail


def test_openapi_document_describes_the_locale_parameter(client):
    document = get_json(client, "/api/v3/openapi.json")
    for path in (
        "/api/v3/site-settings/",
        "/api/v3/partners/",
        "/api/v3/summaries/",
        "/api/v3/events/",
        "/api/v3/events/{event_id}/",
        "/api/v3/resources/",
    ):
        parameters = document["paths"][path]["get"]["parameters"]
        locale = next(parameter for parameter in parameters if parameter["name"] == "locale")
        assert "French" in locale["description"] or "Français" in locale["description"]
        assert locale["schema"]["anyOf"][0]["enum"] == ["en", "fr"]
