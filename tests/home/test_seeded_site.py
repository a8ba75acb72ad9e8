"""The seeded CONNECT site, as a visitor meets it."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(db):
    call_command("load_seed_content", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_welcome_page_shows_the_welcome_text_and_address(seeded, client):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Recovery is Possible. You are not alone.</h1>" in html
    assert "CONNECT has NO paid staff." in html
    assert "536 Queens Ave, Unit 202" in html
    assert "London, ON N6B 1Y8" in html
    assert "Volunteering opportunities and community outreach" in html
    assert "Sponsorship and fundraising" in html
    assert 'href="/en/what-is-peer-support/"' in html


def test_what_is_peer_support_quotes_opdi_with_attribution(seeded, client):
    html = client.get("/en/what-is-peer-support/").content.decode()
    assert "<blockquote>" in html
    assert "Peer Support is a naturally occurring, mutually beneficial support process" in html
    assert "<figcaption>" in html and "Ontario Peer Development Initiative (OPDI)" in html
    assert "<b>Please Note:</b>" in html


def test_self_help_page_links_footnotes_both_ways(seeded, client):
    html = client.get("/en/self-help-and-peer-support/").content.decode()
    for number in (1, 2):
        assert f'<a href="#ref-{number}" id="cite-{number}">' in html
        assert f'<li id="ref-{number}">' in html
        assert f'href="#cite-{number}"' in html
    assert "A Framework for Support" in html
    assert "Working for a Change: A Handbook for Alternative Business Development" in html


def test_explainer_pages_are_in_the_main_menu_with_breadcrumbs(seeded, client):
    html = client.get("/en/self-help-and-peer-support/").content.decode()
    menu = html.split('<nav class="main-menu"')[1].split("</nav>")[0]
    assert 'href="/en/what-is-peer-support/"' in menu
    assert 'href="/en/self-help-and-peer-support/" aria-current="page"' in menu
    crumbs = html.split('<nav class="breadcrumbs"')[1].split("</nav>")[0]
    assert '<a href="/en/">Welcome</a>' in crumbs
