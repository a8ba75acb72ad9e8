"""English and French addresses: prefixes, the browser's preference, old links, and the fallback
to English for pages not translated yet."""

import pytest
from django.core.cache import cache

from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory, translated

pytestmark = pytest.mark.django_db


@pytest.fixture
def french_home(home_page):
    return translated(home_page, hero_heading="Le rétablissement est possible")


def publish(page):
    page.save_revision().publish()
    return page


def test_bare_address_sends_visitors_to_english_by_default(client, home_page):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert "Accept-Language" in response["Vary"]


def test_bare_address_follows_the_browsers_preferred_language(client, french_home):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-CA,fr;q=0.9,en;q=0.8")
    assert response["Location"] == "/fr/"
    assert "Accept-Language" in response["Vary"]
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de,es").get("Location") == "/en/"


def test_preferred_language_redirect_is_never_kept_for_the_next_visitor(client, french_home):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr")["Location"] == "/fr/"


def test_old_addresses_move_for_good_to_english_keeping_the_query(client, home_page):
    response = client.get("/events/feed.ics?past=1&x=%C3%A9", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 301
    assert response["Location"] == "/en/events/feed.ics?past=1&x=%C3%A9"
    assert client.get("/about/")["Location"] == "/en/about/"


def test_each_prefix_serves_its_language(client, french_home):
    english = client.get("/en/").content.decode()
    french = client.get("/fr/").content.decode()
    assert '<html lang="en">' in english and "Le rétablissement" not in english
    assert '<html lang="fr">' in french and "Le rétablissement est possible" in french


def test_cached_answers_never_mix_languages(client, settings, french_home):
    settings.PEER_SUPPORT_PAGE_CACHE_TIMEOUT = 300
    cache.clear()
    for _ in range(2):  # made, then served from the cache
        assert "Le rétablissement" not in client.get("/en/").content.decode()
        assert "Le rétablissement" in client.get("/fr/").content.decode()
        assert (
            "Le rétablissement"
            not in client.get("/en/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        )


def test_untranslated_page_shows_english_marked_in_french(client, home_page, french_home):
    publish(ContentPageFactory(parent=home_page, slug="about", title="About us"))
    response = client.get("/fr/about/")
    html = response.content.decode()
    assert response.status_code == 200
    # Everything on it in English, as its lang says, under a note in French.
    assert '<html lang="en">' in html and response["Content-Language"] == "en"
    assert (
        '<p class="untranslated-notice" role="note" lang="fr">Cette page n’est pas encore '
        "traduite. La voici en anglais.</p>"
    ) in html
    assert "About us" in html and "Back to top" in html


def test_translated_page_has_no_fallback_notice(client, home_page, french_home):
    about = publish(ContentPageFactory(parent=home_page, slug="about", title="About us"))
    translated(about, title="À propos", slug="a-propos")
    html = client.get("/fr/a-propos/").content.decode()
    assert "À propos" in html
    assert "pas encore traduite" not in html
    assert '<main id="main" tabindex="-1">' in html


def test_switcher_and_hreflang_link_to_the_pages_translation(client, home_page, french_home):
    about = publish(ContentPageFactory(parent=home_page, slug="about", title="About us"))
    translated(about, title="À propos", slug="a-propos")
    html = client.get("/en/about/").content.decode()
    assert '<link rel="alternate" hreflang="en" href="/en/about/">' in html
    assert '<link rel="alternate" hreflang="fr" href="/fr/a-propos/">' in html
    switcher = html.split('<nav class="language-switcher"')[1].split("</nav>")[0]
    assert '<a href="/fr/a-propos/" hreflang="fr" lang="fr">Français</a>' in switcher
    assert (
        '<a href="/en/about/" hreflang="en" lang="en" aria-current="true">English</a>' in switcher
    )


def test_switcher_leads_to_the_french_home_when_a_page_is_not_translated(client, home_page):
    publish(ContentPageFactory(parent=home_page, slug="about", title="About us"))
    html = client.get("/en/about/").content.decode()
    assert '<a href="/fr/" hreflang="fr" lang="fr">Français</a>' in html
    assert 'hreflang="fr" href=' not in html  # no alternate for a translation that does not exist


def test_crisis_notice_in_french_when_translated_else_english_marked_as_such(client, french_home):
    settings = SiteSettingsFactory(crisis_notice="Call 9-8-8 any time.", crisis_notice_fr="")
    html = client.get("/fr/").content.decode()
    assert '<span lang="en">Call 9-8-8 any time.</span>' in html
    settings.crisis_notice_fr = "Appelez le 9-8-8 en tout temps."
    settings.save()
    html = client.get("/fr/").content.decode()
    assert "Appelez le 9-8-8 en tout temps." in html and "Call 9-8-8 any time." not in html
    assert "Call 9-8-8 any time." in client.get("/en/").content.decode()


def test_name_and_tagline_in_french_where_translated_else_marked_english(client, french_home):
    settings = SiteSettingsFactory(
        organisation_name="CONNECT for Mental Health",
        organisation_name_fr="CONNECT pour la santé mentale",
        tagline="Peer support",
        tagline_fr="",
    )
    html = client.get("/fr/").content.decode()
    assert "| CONNECT pour la santé mentale</title>" in html
    assert "<strong>CONNECT pour la santé mentale</strong>" in html  # the footer
    assert '<p class="site-header__tagline"><span lang="en">Peer support</span></p>' in html
    settings.tagline_fr = "Soutien par les pairs"
    settings.save()
    html = client.get("/fr/").content.decode()
    assert '<p class="site-header__tagline">Soutien par les pairs</p>' in html
    english = client.get("/en/").content.decode()
    assert "CONNECT for Mental Health" in english and "pour la santé" not in english


def test_not_found_page_in_french(client, french_home):
    response = client.get("/fr/nulle-part/")
    assert response.status_code == 404
    assert '<html lang="fr">' in response.content.decode()


def test_french_menu_shows_translations_and_marks_english_titles(client, home_page, french_home):
    about = publish(ContentPageFactory(parent=home_page, title="About us", show_in_menus=True))
    translated(about, title="À propos", slug="a-propos")
    publish(ContentPageFactory(parent=home_page, slug="news", title="News", show_in_menus=True))
    menu = client.get("/fr/").content.decode().split('<nav class="main-menu"')[1].split("</nav>")[0]
    assert '<a href="/fr/a-propos/">À propos</a>' in menu
    # An untranslated page is linked on the French site, which shows it in English, marked.
    assert '<a href="/fr/news/" lang="en" hreflang="en">News</a>' in menu
    news = client.get("/fr/news/").content.decode()
    assert "pas encore traduite" in news and '<html lang="en">' in news
