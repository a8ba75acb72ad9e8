"""load_seed_content builds the CONNECT site once and never duplicates or overwrites it."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Locale, Page, Site

from cms.models import SiteSettings
from home.models import ContentPage, HomePage
from programs.models import Event, EventIndexPage, ProgramIndexPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_data(settings):
    """The CONNECT seed as data, for a test to change before seed_file() writes it."""
    return json.loads((settings.BASE_DIR / "connect_site/seed/connect.json").read_text())


@pytest.fixture
def seed_file(tmp_path, seed_data):
    """Writes seed_data, as the test changed it, to a file; returns the file's path."""

    def write():
        path = tmp_path / "seed.json"
        path.write_text(json.dumps(seed_data))
        return str(path)

    return write


def load(*args):
    out = io.StringIO()
    call_command("load_seed_content", *args, stdout=out)
    return out.getvalue()


def test_builds_home_explainers_and_settings_on_a_new_install():
    load()
    home = HomePage.objects.get(locale__language_code="en")
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific == home
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert home.hero_heading == "Recovery is Possible. You are not alone."
    assert home.live and not home.has_unpublished_changes
    assert set(home.get_children().values_list("slug", flat=True)) == {
        "what-is-peer-support",
        "self-help-and-peer-support",
        "programs",
        "events",
        "inquire",
        "volunteer",
        "sponsorship",
        "newsletter",
        "resources",
        "browse-safely",
    }
    assert not Page.objects.filter(depth=2).exact_type(Page).exists()  # placeholder gone
    settings = SiteSettings.for_site(site)
    assert settings.organisation_name == "CONNECT for Mental Health Inc."
    assert settings.address_lines == ["536 Queens Ave, Unit 202", "London, ON N6B 1Y8"]
    assert "9-8-8" in settings.crisis_notice


def test_quick_exit_is_on_for_connect_and_links_to_the_browse_safely_page():
    load()
    settings = SiteSettings.objects.get()
    assert settings.quick_exit and settings.quick_exit_url.startswith("https://")
    advice = ContentPage.objects.get(slug="browse-safely")
    assert settings.browse_safely_page.specific == advice and advice.live
    assert not advice.show_in_menus
    headings = [block.value["text"] for block in advice.body if block.block_type == "heading"]
    assert headings[:3] == ["Leave this site quickly", "Browse privately", "Clear your history"]
    text = " ".join(str(block.value) for block in advice.body)
    for browser in ("Chrome", "Safari", "Firefox", "Edge", "Samsung Internet"):
        assert browser in text


def test_a_volunteers_choice_to_turn_the_quick_exit_off_is_kept():
    load()
    SiteSettings.objects.update(quick_exit=False, browse_safely_page=None)
    load()
    settings = SiteSettings.objects.get()
    assert not settings.quick_exit and settings.browse_safely_page is None


def test_settings_naming_a_missing_page_are_rejected(seed_data, seed_file):
    seed_data["site_settings"]["browse_safely_page_slug"] = "no-such-page"
    with pytest.raises(CommandError, match="does not exist: no-such-page"):
        load("--data", seed_file())
    assert not SiteSettings.objects.filter(organisation_name__startswith="CONNECT").exists()


def test_explainer_blocks_are_stored_not_silently_dropped():
    load()
    opdi = ContentPage.objects.get(slug="what-is-peer-support")
    assert [block.block_type for block in opdi.body] == ["paragraph", "quote", "paragraph"]
    assert opdi.body[1].value["attribution"] == "Ontario Peer Development Initiative (OPDI)"
    cmha = ContentPage.objects.get(slug="self-help-and-peer-support")
    references = next(block for block in cmha.body if block.block_type == "references")
    assert len(references.value["references"]) == 2
    home = HomePage.objects.get(locale__language_code="en")
    call_to_action = home.body[0]
    assert call_to_action.block_type == "call_to_action"
    assert call_to_action.value["page"].specific == opdi


def test_second_run_duplicates_nothing_and_keeps_editors_changes():
    load()
    home = HomePage.objects.get(locale__language_code="en")
    home.hero_heading = "Edited by a volunteer"
    home.save_revision().publish()
    settings = SiteSettings.for_site(Site.objects.get())
    settings.tagline = "Edited tagline"
    settings.save()
    page_count = Page.objects.count()

    output = load()

    assert Page.objects.count() == page_count
    assert HomePage.objects.get(locale__language_code="en").hero_heading == "Edited by a volunteer"
    assert SiteSettings.objects.get().tagline == "Edited tagline"
    assert "left as it is" in output


def test_deleted_explainer_is_recreated_on_the_next_run():
    load()
    ContentPage.objects.get(slug="what-is-peer-support").delete()
    load()
    assert ContentPage.objects.filter(slug="what-is-peer-support").count() == 1


def test_missing_data_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="Seed file not found"):
        load("--data", str(tmp_path / "nope.json"))
    assert not HomePage.objects.exists()


def test_invalid_json_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CommandError, match="is not valid JSON"):
        load("--data", str(bad))


def test_file_without_required_sections_is_rejected(tmp_path):
    partial = tmp_path / "partial.json"
    partial.write_text(json.dumps({"pages": []}))
    with pytest.raises(CommandError, match="lacks: home_page, site_settings"):
        load("--data", str(partial))


def test_invalid_content_rolls_back_everything(seed_data, seed_file):
    seed_data["site_settings"]["postal_code"] = "12345"
    with pytest.raises(CommandError, match="site settings is not valid"):
        load("--data", seed_file())
    assert not HomePage.objects.exists()


def test_port_out_of_range_is_rejected():
    with pytest.raises(CommandError, match="--port must be between 1 and 65535"):
        load("--port", "70000")


def test_unknown_block_type_is_rejected_not_dropped(seed_data, seed_file):
    seed_data["pages"][0]["body"].append({"type": "carousel", "value": {}})
    with pytest.raises(CommandError, match="unknown block type: 'carousel'"):
        load("--data", seed_file())
    assert not ContentPage.objects.exists()


def test_programs_and_events_pages_are_in_the_menu_and_the_calendar_is_empty(client):
    load()
    for model, url in ((ProgramIndexPage, "/en/programs/"), (EventIndexPage, "/en/events/")):
        page = model.objects.get()
        assert page.live and page.show_in_menus and page.url == url
    assert not Event.objects.exists()
    home = HomePage.objects.get(locale__language_code="en")
    upcoming = next(block for block in home.body if block.block_type == "upcoming_events")
    assert upcoming.value["heading"] == "Upcoming Events"
    links = {
        block.value["label"]: block.value["page"].specific
        for block in home.body
        if block.block_type == "call_to_action"
    }
    assert links["See our calendar"] == EventIndexPage.objects.get()
    page = client.get("/en/").content.decode()
    assert "<h2>Upcoming Events</h2>" in page
    assert "There are no upcoming events at this time." in page


def test_unknown_page_type_is_rejected(seed_data, seed_file):
    seed_data["pages"].append({"type": "home.Gallery", "title": "Photos", "slug": "photos"})
    with pytest.raises(CommandError, match="unknown page type: 'home.Gallery'"):
        load("--data", seed_file())
    assert not HomePage.objects.exists()


def test_welcome_page_and_crisis_notice_in_french_marked_for_review(client):
    load()
    english = HomePage.objects.get(locale__language_code="en")
    french = english.get_translation(Locale.objects.get(language_code="fr")).specific
    assert french.live and french.url == "/fr/"
    assert french.hero_heading == "Le rétablissement est possible. Vous n’êtes pas seul."
    assert french.body[0].value["label"] == "Qu’est-ce que le soutien par les pairs?"
    assert french.workflow_in_progress  # in moderation until a native speaker approves it
    html = client.get("/fr/").content.decode()
    assert "Le rétablissement est possible" in html
    assert "En crise ou vous pensez au suicide? Appelez ou textez le 9-8-8" in html


def test_second_run_keeps_the_french_welcome_page_as_editors_left_it():
    load()
    french = HomePage.objects.get(locale__language_code="fr")
    french.hero_heading = "Revu par une bénévole"
    french.save_revision().publish()
    assert "Home page in 'fr' exists; left as it is." in load()
    assert HomePage.objects.get(locale__language_code="fr").hero_heading == "Revu par une bénévole"
