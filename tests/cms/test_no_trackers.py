"""No trackers: no public page makes a visitor's browser fetch anything from another site, and none
sets a cookie before the visitor sends a form. Links a visitor chooses to follow (the quick exit,
social links, partners' sites, a video's own page) are navigation, not loading, and are allowed.

tests/browser/test_no_trackers.py watches what Chromium itself fetches, scripts included.
"""

import io
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.test import Client

from cms.models import SiteSettings
from programs.models import Event, ProgramPage
from resources.models import Resource
from tests.home.factories import ContentPageFactory, PartnerFactory
from tests.resources.factories import ResourceFactory

pytestmark = pytest.mark.django_db

# Every kind of public page, by name; add each language's addresses here once French lands.
PUBLIC_PAGES = {
    "home": lambda: "/en/",
    "content page with pictures and a video": lambda: "/en/pictures-and-videos/",
    "explainer": lambda: "/en/what-is-peer-support/",
    "browse safely": lambda: "/en/browse-safely/",
    "program list": lambda: "/en/programs/",
    "program": lambda: ProgramPage.objects.live().first().url,
    "program feed": lambda: ProgramPage.objects.live().first().url + "feed.ics",
    "events": lambda: "/en/events/",
    "past events": lambda: "/en/events/?past=1",
    "event": lambda: f"/en/events/{Event.objects.first().slug}/",
    "event file": lambda: f"/en/events/{Event.objects.first().slug}/event.ics",
    "events feed": lambda: "/en/events/feed.ics",
    "directory": lambda: "/en/resources/",
    "directory filtered": lambda: "/en/resources/?category=family&language=fr",
    "resource": lambda: f"/en/resources/{Resource.objects.exclude(website='').get().slug}/",
    "inquire": lambda: "/en/inquire/",
    "volunteer": lambda: "/en/volunteer/",
    "sponsorship": lambda: "/en/sponsorship/",
    "newsletter": lambda: "/en/newsletter/",
    "not found": lambda: "/en/no-such-page/",
    "API docs": lambda: "/api/v3/docs/",
}
OUR_HOSTS = {"testserver"}
# Attributes whose address the browser fetches by itself, on any element but a link.
FETCHED = {"src", "href", "action", "formaction", "data", "poster", "background", "manifest"}
CSS_ADDRESS = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")
HEADER_ADDRESS = re.compile(r"""(?:https?:)?//[^\s,;'"<>]+""")
LINK = re.compile(r'<a [^>]*href="(https://[^"]+)"')
CSP_KEYWORDS = re.compile(r"^('[a-z-]+'|data:|blob:)$")


class FetchedAddresses(HTMLParser):
    """Every address in an HTML page that the browser loads without the visitor choosing to."""

    def __init__(self):
        super().__init__()
        self.found = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.in_style = tag == "style"
        for name, value in attrs.items():
            if not value:
                continue
            if name in ("srcset", "imagesrcset"):
                self.found += [part.split()[0] for part in value.split(",") if part.strip()]
            elif name == "ping":  # a link's tracking beacon
                self.found += value.split()
            elif name == "style":
                self.handle_css(value)
            elif name in FETCHED and tag not in ("a", "area"):
                self.found.append(value)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh":
            self.found += re.findall(r"url\s*=\s*['\"]?([^'\"\s]+)", attrs.get("content", ""), re.I)

    def handle_data(self, data):
        if self.in_style:
            self.handle_css(data)

    def handle_css(self, css):
        self.found += [address for pair in CSS_ADDRESS.findall(css) for address in pair if address]


def is_foreign(address):
    parts = urlsplit(address.strip())
    return bool(parts.netloc) and parts.hostname not in OUR_HOSTS


def foreign_in_headers(response):
    """Other sites named in the answer's headers: Link preloads, CSP report addresses..."""
    found = [
        f"{name}: {address}"
        for name, value in response.items()
        for address in HEADER_ADDRESS.findall(value)
        if is_foreign(address)
    ]
    policy = response.get("Content-Security-Policy", "")
    for directive in filter(None, (part.split() for part in policy.split(";"))):
        found += [
            f"CSP {directive[0]}: {source}"
            for source in directive[1:]
            if not CSP_KEYWORDS.match(source)
        ]
    return found


def trackers_on(response):
    """What on this answer would reach another site, or set a cookie, unasked."""
    problems = foreign_in_headers(response)
    if response.cookies:
        problems.append(f"sets cookies: {sorted(response.cookies)}")
    if response["Content-Type"].startswith("text/html"):
        parser = FetchedAddresses()
        parser.feed(response.content.decode())
        problems += [f"loads {address}" for address in parser.found if is_foreign(address)]
    return problems


@pytest.fixture
def whole_site(home_page):
    """The seeded site with example programs and everything that links elsewhere: pictures, a
    video, partners with logos, a resource's website and social links."""
    call_command("load_seed_content", stdout=io.StringIO())
    call_command("load_example_programs", stdout=io.StringIO())
    ContentPageFactory(
        parent=home_page.get_site().root_page,
        slug="pictures-and-videos",
        body__0="image",
        body__1="embed",
        body__2="quote",
        body__3="call_to_action",
    )
    PartnerFactory.create_batch(2)
    ResourceFactory(website="https://www.opdi.org/", phones=[{"number": "519-555-0100"}])
    settings = SiteSettings.objects.get()
    settings.social_links = [("link", {"platform": "facebook", "url": "https://facebook.com/c"})]
    settings.save()


def test_no_public_page_loads_anything_from_another_site_or_sets_a_cookie(whole_site):
    client = Client()
    problems, links = {}, set()
    for name, path in PUBLIC_PAGES.items():
        response = client.get(path())
        assert response.status_code in (200, 404), (name, response.status_code)
        if found := trackers_on(response):
            problems[name] = found
        links |= {urlsplit(a).hostname for a in LINK.findall(response.content.decode())}
    assert problems == {}
    assert client.cookies == {}
    # The walk met links to other sites, and let them be.
    assert {"weather.gc.ca", "facebook.com", "www.youtube.com", "www.opdi.org"} <= links


def test_the_walk_would_catch_a_tracker():
    """What the walk looks for, shown on a page that has all of it."""
    html = """
        <link rel="preconnect" href="https://fonts.googleapis.com">
        <img src="/media/ok.png" srcset="/media/a.png 1x, https://cdn.example.com/b.png 2x">
        <iframe src="https://www.youtube.com/embed/x"></iframe>
        <div style="background: url('//pixel.example.net/p.gif')"></div>
        <style>@import "https://example.org/a.css";</style>
        <meta http-equiv="refresh" content="0; url=https://example.org/">
        <a href="https://weather.gc.ca/" ping="https://track.example.com/ping">Leave</a>
        <form action="https://forms.example.com/"></form>
    """
    parser = FetchedAddresses()
    parser.feed(html)
    assert [address for address in parser.found if is_foreign(address)] == [
        "https://fonts.googleapis.com",
        "https://cdn.example.com/b.png",
        "https://www.youtube.com/embed/x",
        "//pixel.example.net/p.gif",
        "https://example.org/a.css",
        "https://example.org/",
        "https://track.example.com/ping",
        "https://forms.example.com/",
    ]
