"""Events in French: the calendar, each event's page, the feeds and /api/v3/events/ show an
event's French title and description where a volunteer has written them, the English ones marked
as such where not; a translated program shows its original's events."""

import pytest
from django.core.cache import cache

from tests.cms.test_api import get_json
from tests.home.factories import translated
from tests.programs.factories import EventFactory, days_from_now

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(calendar_page, program):
    return EventFactory(
        title="Peer support evening",
        title_fr="Soirée de soutien par les pairs",
        description="<p>Bring a friend.</p>",
        description_fr="<p>Venez avec un ami.</p>",
        program=program,
        start=days_from_now(2),
        end=days_from_now(2, hour=20),
    )


def test_calendar_in_french_shows_french_titles_and_marks_english_ones(
    client, french_calendar, event
):
    EventFactory(title="Art night", start=days_from_now(3), end=days_from_now(3, hour=20))
    html = client.get("/fr/events/").content.decode()
    assert "Soirée de soutien par les pairs</a>" in html
    assert '<span lang="en">Art night</span>' in html
    english = client.get("/en/events/").content.decode()
    assert "Peer support evening</a>" in english and "Soirée" not in english


def test_event_page_in_french(client, french_calendar, event):
    html = client.get(f"/fr/events/{event.slug}/").content.decode()
    assert "<h1>Soirée de soutien par les pairs</h1>" in html
    assert "<title>Soirée de soutien par les pairs" in html
    assert "Venez avec un ami." in html and "Bring a friend." not in html


def test_event_page_links_to_the_programs_french_page_where_translated(
    client, french_calendar, event, program
):
    french_programs = translated(program.get_parent(), title="Programmes", slug="programmes")
    french_program = translated(program, title="Groupe de soutien", slug="groupe-de-soutien")
    assert french_programs.live
    html = client.get(f"/fr/events/{event.slug}/").content.decode()
    assert f'<a href="{french_program.url}">Groupe de soutien</a>' in html
    assert french_program.url.startswith("/fr/")


def test_french_translation_of_a_program_lists_its_originals_events(
    client, french_home, event, program
):
    translated(program.get_parent(), title="Programmes", slug="programmes")
    french_program = translated(program, title="Groupe de soutien", slug="groupe-de-soutien")
    html = client.get(french_program.url).content.decode()
    assert "Soirée de soutien par les pairs" in html
    feed = client.get(f"{french_program.url}feed.ics").content.decode()
    assert "SUMMARY:Soirée de soutien par les pairs" in feed


def test_french_feed_has_french_summaries_and_descriptions(client, french_calendar, event):
    feed = client.get("/fr/events/feed.ics").content.decode().replace("\r\n ", "")
    assert "SUMMARY:Soirée de soutien par les pairs" in feed
    assert "Venez avec un ami." in feed
    english = client.get("/en/events/feed.ics").content.decode()
    assert "SUMMARY:Peer support evening" in english


def test_events_api_in_french_where_translated(client, french_home, event, program):
    translated(program.get_parent(), title="Programmes", slug="programmes")
    french_program = translated(program, title="Groupe de soutien", slug="groupe-de-soutien")
    untranslated = EventFactory(title="Art night", start=days_from_now(3), end=days_from_now(3, 20))
    english = get_json(client, "/api/v3/events/")["items"]
    french = get_json(client, "/api/v3/events/?locale=fr")["items"]
    assert [item["title"] for item in english] == ["Peer support evening", "Art night"]
    assert [item["title"] for item in french] == ["Soirée de soutien par les pairs", "Art night"]
    assert french[0]["description"] == "<p>Venez avec un ami.</p>"
    assert french[0]["program"]["title"] == "Groupe de soutien"
    assert french[0]["program"]["url"].endswith(french_program.url)
    assert english[0]["program"]["title"] == program.title
    detail = get_json(client, f"/api/v3/events/{untranslated.pk}/?locale=fr")
    assert detail["title"] == "Art night"


def test_events_api_accepts_a_french_programs_id_as_a_filter(client, french_home, event, program):
    translated(program.get_parent(), title="Programmes", slug="programmes")
    translated(program, title="Groupe de soutien", slug="groupe-de-soutien")
    for item in get_json(client, "/api/v3/events/?locale=fr")["items"]:
        same = get_json(client, f"/api/v3/events/?locale=fr&program={item['program']['id']}")
        assert [each["title"] for each in same["items"]] == [item["title"]]


def test_events_api_french_and_english_answers_are_kept_apart(client, french_home, event):
    cache.clear()
    for _ in range(2):  # the second time from the cache
        assert get_json(client, "/api/v3/events/?locale=fr")["items"][0]["title"].startswith(
            "Soirée"
        )
        assert get_json(client, "/api/v3/events/")["items"][0]["title"] == "Peer support evening"


def test_untranslated_calendar_is_all_in_english_under_a_french_note(client, french_home, event):
    html = client.get("/fr/events/").content.decode()
    assert '<html lang="en">' in html
    assert '<p class="untranslated-notice" role="note" lang="fr">' in html
    assert "Peer support evening</a>" in html and "Soirée" not in html
    assert "<main" in html and 'lang="en">Peer' not in html  # nothing inside needs marking


def test_events_api_refuses_an_unknown_locale(client, calendar_page):
    response = client.get("/api/v3/events/?locale=de")
    assert response.status_code == 400
    assert "locale" in response.content.decode()


def test_french_fields_are_in_the_event_form(admin_client, event):
    html = admin_client.get(f"/admin/snippets/programs/event/edit/{event.pk}/").content.decode()
    assert 'name="title_fr"' in html and 'name="description_fr"' in html
