"""Page weight on an old phone: the seeded home page is light, and no page needs JavaScript (the
quick exit's small script only adds its keyboard shortcut)."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from benchmarks.management.commands.load_scale_content import plan
from benchmarks.scale.home import ensure_partners, partner_names
from benchmarks.scale.images import draw_logo, ensure_images
from benchmarks.site import page_routes
from cms.caching import move_version_on
from cms.models import SiteSettings

pytestmark = pytest.mark.django_db
MOBILE_WIDTH = 412  # CSS pixels, one device pixel each: an old phone
HOME_HTML_LIMIT = 30_000
WHOLE_PAGE_LIMIT = 300_000
QUICK_EXIT_SCRIPT = '<script src="/static/cms/quick_exit.js" defer></script>'
QUICK_EXIT_SCRIPT_LIMIT = 4_000  # bytes, uncompressed


@pytest.fixture
def seeded_site():
    """The seed with a little generated content around it: partners' logos, pictures, events."""
    call_command("load_seed_content", stdout=io.StringIO())
    call_command("load_scale_content", "--factor", "2", stdout=io.StringIO())


@pytest.fixture
def many_partners(seeded_site):
    """As many partners, with logos, as the home page lists at factor 1,000 (the most it has)."""
    names = partner_names(plan(1000)["partners"])
    logos, _ = ensure_images([f"Logo: {name}" for name in names], draw_logo)
    ensure_partners(names, logos)
    move_version_on()  # bulk-created


def chosen_image(tag):
    """The file a browser MOBILE_WIDTH wide fetches for an <img>: the smallest that fills it."""
    srcset = re.search(r'srcset="([^"]+)"', tag)
    if not srcset:
        return re.search(r'src="([^"]+)"', tag)[1]
    candidates = sorted((int(width), url) for url, width in re.findall(r"(\S+) (\d+)w", srcset[1]))
    return next((url for width, url in candidates if width >= MOBILE_WIDTH), candidates[-1][1])


def size_of(url):
    """Bytes of a stylesheet or script (from the apps' static folders) or an uploaded image or
    rendition."""
    if url.startswith(settings.STATIC_URL):
        return Path(finders.find(url.removeprefix(settings.STATIC_URL))).stat().st_size
    return default_storage.size(url.removeprefix(settings.MEDIA_URL))


def test_home_page_html_and_everything_it_loads_are_light(many_partners):
    html = Client().get("/en/").content.decode()
    assert len(html.encode()) < HOME_HTML_LIMIT
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(r'<script src="([^"]+)"', html)
    images = {chosen_image(tag) for tag in re.findall(r"<img [^>]+>", html)}
    assert stylesheets and len(images) >= plan(1000)["partners"]
    total = len(html.encode()) + sum(size_of(url) for url in [*stylesheets, *scripts, *images])
    assert total < WHOLE_PAGE_LIMIT, (
        f"{total} bytes (is pngquant installed? PNG renditions need it): {stylesheets, images}"
    )


def every_page():
    """Every page type, as `make bench` visits them, and every live page."""
    paths = [path for _, path in page_routes()]
    return paths + [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]


def test_no_page_needs_javascript(seeded_site):
    SiteSettings.objects.update(quick_exit=False)
    for path in every_page():
        html = Client().get(path).content.decode()
        assert "<html" in html and "<script" not in html, path


def test_the_quick_exit_adds_one_small_deferred_script_and_nothing_else(seeded_site):
    assert SiteSettings.objects.get().quick_exit  # the seed turns it on
    for path in every_page():
        html = Client().get(path).content.decode()
        assert html.count("<script") == 1 and QUICK_EXIT_SCRIPT in html, path
    assert size_of("/static/cms/quick_exit.js") < QUICK_EXIT_SCRIPT_LIMIT
