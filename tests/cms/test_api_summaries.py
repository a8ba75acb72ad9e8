"""/api/v3/summaries/ gives a listing its cards in one request."""

import pytest
import wagtail_factories
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory
from tests.programs.factories import ProgramIndexPageFactory, ProgramPageFactory

pytestmark = pytest.mark.django_db
SUMMARIES = "/api/v3/summaries/"


def get_json(client, query="", status=200):
    response = client.get(f"{SUMMARIES}?{query}")
    assert response.status_code == status, response.content
    return response.json()


@pytest.fixture
def programs(home_page):
    index = ProgramIndexPageFactory(parent=home_page, intro="<p>Groups run by <b>peers</b>.</p>")
    image = wagtail_factories.ImageFactory(file__width=1200, file__height=600)
    art = ProgramPageFactory(
        parent=index,
        title="Art group",
        slug="art",
        summary="Paint together.",
        image=image,
        image_alt_text="Brushes in a jar",
    )
    walk = ProgramPageFactory(
        parent=index, title="Walking group", slug="walk", summary="Walk by the Thames."
    )
    art.save_revision().publish()
    return index, art, walk


def test_cards_carry_what_a_listing_needs(client, programs):
    index, art, _ = programs
    data = get_json(client, f"child_of={index.pk}")
    assert data["count"] == 2
    first = data["items"][0]
    assert first == {
        "id": art.pk,
        "type": "programs.ProgramPage",
        "title": "Art group",
        "url": "http://localhost/en/programs/art/",
        "summary": "Paint together.",
        "image": {
            "url": first["image"]["url"],
            "width": 400,
            "height": 200,
            "alt": "Brushes in a jar",
        },
        "first_published_at": first["first_published_at"],
        "last_published_at": first["last_published_at"],
    }
    assert first["image"]["url"].startswith("http://localhost/media/images/")
    assert first["image"]["url"].endswith(".max-400x400.jpg")
    assert first["first_published_at"] is not None


def test_rich_text_intro_becomes_plain_summary(client, programs):
    index, _, _ = programs
    (card,) = get_json(client, "type=programs.ProgramIndexPage")["items"]
    assert card["summary"] == "Groups run by peers."


def test_type_search_and_pagination(client, programs, home_page):
    ContentPageFactory(parent=home_page, title="About", intro="Who we are.")
    assert [c["title"] for c in get_json(client, "type=home.ContentPage")["items"]] == ["About"]
    assert [c["title"] for c in get_json(client, "search=thames")["items"]] == ["Walking group"]
    page = get_json(client, "type=programs.ProgramPage&limit=1&offset=1")
    assert page["count"] == 2
    assert [c["title"] for c in page["items"]] == ["Walking group"]


def test_drafts_are_not_listed(client, programs):
    _, art, _ = programs
    art.unpublish()
    assert "Art group" not in [
        c["title"] for c in get_json(client, "type=programs.ProgramPage")["items"]
    ]


@pytest.mark.parametrize(
    "query, message",
    [
        ("type=home.Gallery", "type: 'home.Gallery' is not a page type"),
        ("type=cms.SiteSettings", "type: 'cms.SiteSettings' is not a page type"),
        ("child_of=999999", "child_of: there is no published page with id 999999."),
        ("child_of=abc", "Invalid query parameter: child_of"),
        ("limit=0", "Invalid query parameter: limit"),
        ("limit=101", "Invalid query parameter: limit"),
        ("search=%22unbalanced", "The search has an unmatched double quote"),
        ("colour=red", "Unknown query parameter: colour."),
    ],
)
def test_bad_parameters_are_answered_400(client, home_page, query, message):
    assert get_json(client, query, status=400)["detail"].startswith(message)


@override_settings(PEER_SUPPORT_PAGE_CACHE_TIMEOUT=0)
def test_remembered_cards_read_no_pages_and_show_an_edit_at_once(client, programs):
    SiteSettingsFactory()  # made on first view otherwise, which moves the content version on
    index, art, _ = programs
    get_json(client, f"child_of={index.pk}")
    with CaptureQueriesContext(connection) as queries:
        assert [c["title"] for c in get_json(client, f"child_of={index.pk}")["items"]] == [
            "Art group",
            "Walking group",
        ]
    read = " ".join(query["sql"] for query in queries)
    assert '"programs_programpage"' not in read
    assert '"wagtailimages_image"' not in read
    art.summary = "Paint and talk."
    art.save_revision().publish()
    assert get_json(client, f"child_of={index.pk}")["items"][0]["summary"] == "Paint and talk."


def test_only_the_sites_routable_pages_are_listed(client, programs, home_page):
    tree_root = home_page.get_parent()
    ContentPageFactory(parent=tree_root, title="Outside any site")
    cards = get_json(client, "limit=100")["items"]
    assert {card["id"] for card in cards} == {home_page.pk, *(page.pk for page in programs)}
    assert all(card["url"] and card["type"] != "wagtailcore.Page" for card in cards)
    get_json(client, f"child_of={tree_root.pk}", status=400)


def test_every_type_and_id_returned_is_accepted_back_as_a_filter(client, programs):
    for card in get_json(client, "limit=100")["items"]:
        same_type = get_json(client, f"type={card['type']}&limit=100")["items"]
        assert card["id"] in [each["id"] for each in same_type]
        get_json(client, f"child_of={card['id']}")


def test_summaries_list_a_page_published_or_unpublished_since_the_last_answer(client, home_page):
    first = ContentPageFactory(parent=home_page, title="First")

    def titles(query=""):
        answer = get_json(client, query)
        return answer["count"], [item["title"] for item in answer["items"]]

    assert titles() == (2, ["Home", "First"])
    assert titles(f"child_of={home_page.pk}") == (1, ["First"])
    second = ContentPageFactory(parent=home_page, title="Second")
    assert titles() == (3, ["Home", "First", "Second"])
    assert titles(f"child_of={home_page.pk}&limit=1&offset=1") == (2, ["Second"])
    first.unpublish()
    assert titles() == (2, ["Home", "Second"])
    assert second.title in titles("type=home.ContentPage")[1]
