"""The public API: pages with every block, find by path, site settings, images, docs."""

import re
from pathlib import Path
from unittest.mock import ANY
from urllib.parse import urlsplit

import pytest
import wagtail_factories
from django.contrib.staticfiles import finders
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction, Site

from cms.blocks import BodyStreamBlock
from home.models import ContentPage, HomePage
from tests.cms.factories import SiteSettingsFactory
from tests.home.factories import ContentPageFactory, translated

# The default site's root URL, which API links are built on.
BASE_URL = "http://localhost"

# A 2000×1000 image scaled to fit each rendition's box, as (filter spec, width, height).
RENDITIONS = {
    "small": ("max-400x400", 400, 200),
    "medium": ("max-800x800", 800, 400),
    "large": ("max-1600x1600", 1600, 800),
}


def get_json(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


def api_fields(model, data):
    """The values of a page type's api_fields in an API response."""
    return {field.name: data[field.name] for field in model.api_fields}


def make_image(**kwargs):
    return wagtail_factories.ImageFactory(file__width=2000, file__height=1000, **kwargs)


def expected_image(image, alt, decorative=False, base_url=BASE_URL):
    """The API's description of a 2000×1000 image, with absolute rendition URLs."""
    stem = Path(image.file.name).stem
    renditions = {
        name: {"url": f"{base_url}/media/images/{stem}.{spec}.jpg", "width": w, "height": h}
        for name, (spec, w, h) in RENDITIONS.items()
    }
    return {
        "id": image.pk,
        "title": image.title,
        "alt": alt,
        "decorative": decorative,
        **renditions["medium"],
        "renditions": renditions,
        "srcset": ", ".join(f"{r['url']} {r['width']}w" for r in renditions.values()),
    }


def assert_renditions_exist(image):
    specs = {rendition.filter_spec: rendition for rendition in image.renditions.all()}
    assert specs.keys() == {spec for spec, _, _ in RENDITIONS.values()}
    assert all(r.file.storage.exists(r.file.name) for r in specs.values())


def link_to(page, text):
    return f'<a linktype="page" id="{page.pk}">{text}</a>'


def every_block(target, image, api_base_url=None):
    """(block type, factory params, API value or None if the same as the params), in body order."""
    target_url = f"{api_base_url or ''}/en/about-us/"
    href = f'<a href="{target_url}">'
    return [
        ("heading", {"text": "What is peer support?", "level": "h3"}, None),
        (
            "paragraph",
            {"value": f"<p>Read {link_to(target, 'about us')} [1].</p>"},
            f"<p>Read {href}about us</a> [1].</p>",
        ),
        (
            "quote",
            {
                "text__value": f"<p>Recovery {link_to(target, 'is possible')}.</p>",
                "attribution": "A peer supporter",
                "source_url": "https://example.org/stories/",
            },
            {
                "text": f"<p>Recovery {href}is possible</a>.</p>",
                "attribution": "A peer supporter",
                "source_url": "https://example.org/stories/",
            },
        ),
        (
            "image",
            {
                "image__image": image,
                "image__alt_text": "Two people talking over coffee",
                "image__decorative": False,
                "caption": "Our drop-in space",
            },
            {
                "image": expected_image(
                    image,
                    alt="Two people talking over coffee",
                    base_url=api_base_url or BASE_URL,
                ),
                "caption": "Our drop-in space",
            },
        ),
        (
            "call_to_action",
            {"label": "About us", "page": target, "url": ""},
            {
                "label": "About us",
                "page": {"id": target.pk, "title": target.title, "url": target_url},
                "url": "",
                "href": target_url,
            },
        ),
        (
            "call_to_action",
            {"label": "Call 9-8-8", "page": None, "url": "https://988.ca/"},
            {
                "label": "Call 9-8-8",
                "page": None,
                "url": "https://988.ca/",
                "href": "https://988.ca/",
            },
        ),
        (
            "contact_card",
            {
                "purpose": "Volunteering",
                "name": "Sam",
                "email": "sam@example.org",
                "phone": "519-555-0100",
            },
            None,
        ),
        (
            "references",
            {
                "heading": "Sources",
                "references__0__value": f"<p>See {link_to(target, 'our framework')}.</p>",
                "references__1__value": "<p>CMHA (2004)</p>",
            },
            {
                "heading": "Sources",
                "references": [f"<p>See {href}our framework</a>.</p>", "<p>CMHA (2004)</p>"],
            },
        ),
        (
            "faq",
            {
                "heading": "Common questions",
                "questions__0__question": "Is it free?",
                "questions__0__answer__value": f"<p>Yes. {link_to(target, 'Ask us')}.</p>",
            },
            {
                "heading": "Common questions",
                "questions": [
                    {"question": "Is it free?", "answer": f"<p>Yes. {href}Ask us</a>.</p>"}
                ],
            },
        ),
        (
            "embed",
            {
                "media__value": "https://www.youtube.com/watch?v=abc123",
                "title": "Video: a peer support group",
                "caption": "Four minutes",
            },
            {
                "url": "https://www.youtube.com/watch?v=abc123",
                "title": "Video: a peer support group",
                "caption": "Four minutes",
            },
        ),
    ]


@pytest.fixture
def page_with_every_block(home_page):
    """A content page with one block of each type (two calls to action), and its expected body."""
    target = ContentPageFactory(parent=home_page, slug="about-us", body=[])
    image = make_image()
    blocks = every_block(target, image)
    params = {
        f"body__{i}__{block_type}__{name}": value
        for i, (block_type, block_params, _) in enumerate(blocks)
        for name, value in block_params.items()
    }
    page = ContentPageFactory(parent=home_page, slug="every-block", **params)

    def expected(api_base_url=None):
        """The body in the API, given WAGTAILAPI_BASE_URL."""
        return [
            {"type": block_type, "value": value or block_params, "id": ANY}
            for block_type, block_params, value in every_block(target, image, api_base_url)
        ]

    return page, expected


def test_body_stream_covers_every_block_type(page_with_every_block):
    page, _ = page_with_every_block
    assert {block.block_type for block in page.body} == set(BodyStreamBlock.base_blocks)


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize("api_base_url", [None, "https://cms.example.org"])
def test_page_body_gives_every_block_as_plain_json_with_links_resolved(
    client, settings, page_with_every_block, version, api_base_url
):
    """Links to this site are relative, or absolute against WAGTAILAPI_BASE_URL when it is set."""
    settings.WAGTAILAPI_BASE_URL = api_base_url
    page, expected = page_with_every_block

    data = get_json(client, f"/api/{version}/pages/{page.pk}/")

    assert data["body"] == expected(api_base_url)
    assert all(isinstance(block["id"], str) and block["id"] for block in data["body"])
    assert "linktype" not in str(data["body"])
    assert_renditions_exist(page.body.first_block_by_name("image").value["image"])


def test_page_with_every_block_filled_in_matches_the_published_schema(
    client, page_with_every_block, assert_matches_page_schema
):
    page, _ = page_with_every_block

    assert_matches_page_schema(get_json(client, f"/api/v3/pages/{page.pk}/"))


def test_decorative_image_in_body_has_empty_alt_text(client, home_page):
    image = make_image()
    page = ContentPageFactory(
        parent=home_page,
        body__0__image__image__image=image,
        body__0__image__image__decorative=True,
        body__0__image__caption="",
    )

    data = get_json(client, f"/api/v3/pages/{page.pk}/")

    assert data["body"][0]["value"] == {
        "image": expected_image(image, alt="", decorative=True),
        "caption": "",
    }


@pytest.mark.parametrize("version", ["v2", "v3"])
def test_call_to_action_to_an_unpublished_page_names_no_page(client, home_page, version):
    draft = ContentPageFactory(parent=home_page, live=False)
    page = ContentPageFactory(
        parent=home_page,
        body__0__call_to_action__label="Read more",
        body__0__call_to_action__page=draft,
        body__0__call_to_action__url="",
    )

    data = get_json(client, f"/api/{version}/pages/{page.pk}/")

    assert data["body"][0]["value"] == {"label": "Read more", "page": None, "url": "", "href": None}


@pytest.fixture
def pages_with_content(home_page):
    """The home page, with an intro linking to a content page under it, by page type."""
    content_page = ContentPageFactory(
        parent=home_page,
        slug="what-is-peer-support",
        intro="Peer support, explained.",
        body__0__paragraph__value="<p>People with lived experience.</p>",
    )
    home_page.hero_heading = "Recovery is possible."
    home_page.hero_subheading = "You are not alone."
    home_page.intro = f"<p>Start with {link_to(content_page, 'peer support')}.</p>"
    home_page.body = [("heading", {"text": "Welcome", "level": "h2"})]
    home_page.save()
    return {HomePage: home_page, ContentPage: content_page}


EXPECTED_API_FIELDS = {
    HomePage: {
        "hero_heading": "Recovery is possible.",
        "hero_subheading": "You are not alone.",
        "intro": '<p>Start with <a href="/en/what-is-peer-support/">peer support</a>.</p>',
        "body": [{"type": "heading", "value": {"text": "Welcome", "level": "h2"}, "id": ANY}],
    },
    ContentPage: {
        "intro": "Peer support, explained.",
        "body": [{"type": "paragraph", "value": "<p>People with lived experience.</p>", "id": ANY}],
    },
}


@pytest.mark.parametrize("model", [HomePage, ContentPage])
def test_v2_listing_with_all_fields_gives_every_api_field(client, pages_with_content, model):
    data = get_json(client, f"/api/v2/pages/?type={model._meta.label}&fields=*")

    [item] = data["items"]
    assert item["id"] == pages_with_content[model].pk
    assert api_fields(model, item) == EXPECTED_API_FIELDS[model]


@pytest.mark.parametrize("model", [HomePage, ContentPage])
def test_v3_page_detail_gives_every_api_field(client, pages_with_content, model):
    data = get_json(client, f"/api/v3/pages/{pages_with_content[model].pk}/")

    assert data["meta"]["type"] == model._meta.label
    assert api_fields(model, data) == EXPECTED_API_FIELDS[model]


@pytest.mark.parametrize("version", ["v2", "v3"])
@pytest.mark.parametrize(
    ("path", "expected_type"),
    [
        ("/", "home.HomePage"),
        ("/what-is-peer-support/", "home.ContentPage"),
        ("/what-is-peer-support/groups/", "home.ContentPage"),
    ],
)
def test_find_by_path_redirects_to_the_page_detail(client, home_page, version, path, expected_type):
    parent = ContentPageFactory(parent=home_page, slug="what-is-peer-support")
    pages = {"/": home_page, "/what-is-peer-support/": parent}
    pages["/what-is-peer-support/groups/"] = ContentPageFactory(parent=parent, slug="groups")

    response = client.get(f"/api/{version}/pages/find/", {"html_path": path}, follow=True)

    [(target, status)] = response.redirect_chain
    assert urlsplit(target).path == f"/api/{version}/pages/{pages[path].pk}/"
    assert status == 302
    assert response.status_code == 200
    assert response.json()["id"] == pages[path].pk
    assert response.json()["meta"]["type"] == expected_type


@pytest.mark.parametrize(
    ("version", "content_type"), [("v2", "application/json"), ("v3", "application/problem+json")]
)
def test_find_by_unknown_path_is_not_found(client, home_page, version, content_type):
    response = client.get(f"/api/{version}/pages/find/", {"html_path": "/no-such-page/"})

    assert response.status_code == 404
    assert response["Content-Type"] == content_type


def social_link(platform, url, label=""):
    return {"type": "link", "value": {"platform": platform, "url": url, "label": label}}


@pytest.fixture
def site_settings(db):
    return SiteSettingsFactory(
        organisation_name="London Peer Support",
        tagline="Recovery is possible",
        street_address="536 Queens Ave.",
        unit="Unit 202",
        city="London",
        province="ON",
        postal_code="n6b 1y8",
        phone="519-555-0199",
        email="hello@example.org",
        social_links=[
            social_link("facebook", "https://www.facebook.com/lps"),
            social_link("other", "https://lps.example.org/news", label="Newsletter"),
        ],
        crisis_notice="In crisis? Call or text 9-8-8.",
        crisis_phone="9-8-8",
    )


def test_site_settings_gives_the_organisation_and_how_to_reach_it(client, site_settings):
    assert get_json(client, "/api/v3/site-settings/") == {
        "organisation_name": "London Peer Support",
        "tagline": "Recovery is possible",
        "address": {
            "street_address": "536 Queens Ave.",
            "unit": "Unit 202",
            "city": "London",
            "province": "ON",
            "postal_code": "N6B 1Y8",
            "lines": ["536 Queens Ave., Unit 202", "London, ON N6B 1Y8"],
        },
        "phone": "519-555-0199",
        "email": "hello@example.org",
        "social_links": [
            {"platform": "facebook", "label": "Facebook", "url": "https://www.facebook.com/lps"},
            {"platform": "other", "label": "Newsletter", "url": "https://lps.example.org/news"},
        ],
        "crisis_notice": {"text": "In crisis? Call or text 9-8-8.", "phone": "9-8-8"},
    }


def test_site_settings_has_no_crisis_notice_when_it_is_blank(client, site_settings):
    site_settings.crisis_notice = ""
    site_settings.save()

    assert get_json(client, "/api/v3/site-settings/")["crisis_notice"] is None


def test_site_settings_without_a_site_is_not_found(client, db):
    Site.objects.all().delete()

    response = client.get("/api/v3/site-settings/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == "No site is set up for this host name."


def test_v3_image_renditions_give_library_alt_text_and_sizes(client, db):
    image = make_image(title="Front desk", description="A volunteer at the front desk")

    data = get_json(client, f"/api/v3/images/{image.pk}/renditions/")

    assert data == expected_image(image, alt="A volunteer at the front desk")
    assert_renditions_exist(image)


def test_srcset_of_a_small_image_gives_its_one_width_once(client, db):
    image = wagtail_factories.ImageFactory(file__width=300, file__height=200)

    data = get_json(client, f"/api/v3/images/{image.pk}/renditions/")

    assert {size["width"] for size in data["renditions"].values()} == {300}
    assert data["srcset"] == f"{data['renditions']['large']['url']} 300w"


def test_v3_image_renditions_of_unknown_image_is_not_found(client, db):
    response = client.get("/api/v3/images/999/renditions/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_v3_renditions_hide_images_in_password_protected_collections(client, db):
    private = Collection.get_first_root_node().add_child(name="Board minutes")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.PASSWORD, password="board"
    )
    image = make_image(collection=private)

    assert client.get(f"/api/v3/images/{image.pk}/renditions/").status_code == 404


def test_v2_image_detail_includes_alt_text_and_renditions(client, db):
    image = make_image(title="Front desk")

    data = get_json(client, f"/api/v2/images/{image.pk}/")

    assert data["alt"] == "Front desk"
    assert data["renditions"] == expected_image(image, alt="Front desk")["renditions"]
    assert_renditions_exist(image)


def test_media_urls_use_the_api_base_url_when_one_is_set(client, db, settings):
    settings.WAGTAILAPI_BASE_URL = "https://cms.example.org"
    image = make_image()

    data = get_json(client, f"/api/v3/images/{image.pk}/renditions/")

    stem = Path(image.file.name).stem
    assert data["url"] == f"https://cms.example.org/media/images/{stem}.max-800x800.jpg"


def test_v3_wagtails_own_image_and_document_routes_answer_anonymously(client, db):
    image = make_image(title="Group photo")
    document = wagtail_factories.DocumentFactory(title="Annual report")

    images = get_json(client, "/api/v3/images/?title=Group%20photo")
    documents = get_json(client, f"/api/v3/documents/{document.pk}/")

    assert [item["id"] for item in images["items"]] == [image.pk]
    assert documents["title"] == "Annual report"


def test_openapi_document_lists_our_routes_beside_wagtails(client, db):
    paths = get_json(client, "/api/v3/openapi.json")["paths"]

    assert {
        "/api/v3/site-settings/",
        "/api/v3/images/",
        "/api/v3/images/{image_id}/",
        "/api/v3/images/{image_id}/renditions/",
        "/api/v3/documents/",
        "/api/v3/documents/{document_id}/",
        "/api/v3/pages/",
        "/api/v3/pages/{page_id}/",
    } <= paths.keys()


def test_api_docs_page_uses_only_local_assets(client, db):
    response = client.get("/api/v3/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert "/static/ninja/swagger-ui-bundle.js" in assets
    assert all(asset.startswith("/static/ninja/") for asset in assets), assets
    assert all(finders.find(asset.removeprefix("/static/")) for asset in assets)
    assert not re.search(r"cdn|unpkg|jsdelivr", html, re.IGNORECASE)


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_v2_answers_compact_json_and_browsers_get_it_indented(client, home_page, endpoint):
    make_image()
    wagtail_factories.DocumentFactory()

    compact = client.get(f"/api/v2/{endpoint}/")
    browsable = client.get(f"/api/v2/{endpoint}/", HTTP_ACCEPT="text/html")

    assert compact["Content-Type"] == "application/json"
    assert compact.json()["meta"]["total_count"] == 1
    assert compact.content.startswith(b'{"meta":{"total_count":1},"items":[{"id":')
    assert b'{\n    "meta": {' in browsable.content.replace(b"&quot;", b'"')


def test_page_lists_leave_out_restricted_pages(client, home_page):
    shown = ContentPageFactory(parent=home_page, title="Open page")
    hidden = ContentPageFactory(parent=home_page, title="Board minutes")
    ContentPageFactory(parent=hidden, title="Minutes of May")
    PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.PASSWORD, password="board"
    )
    translated(home_page, title="Accueil")
    for url, listed in [
        ("/api/v2/pages/", {"Home", "Open page", "Accueil"}),  # every language's pages
        ("/api/v3/summaries/", {"Home", "Open page"}),  # each page in English
        ("/api/v3/summaries/?locale=fr", {"Accueil", "Open page"}),
    ]:
        titles = {item["title"] for item in get_json(client, url)["items"]}
        assert titles == listed, url
    other = Site.objects.create(hostname="other.example", root_page=shown)
    by_site = get_json(client, f"/api/v2/pages/?site={other.hostname}")
    assert [item["title"] for item in by_site["items"]] == ["Open page"]


@pytest.mark.parametrize("api_base_url", [None, "https://cms.example.org/wagtail/"])
def test_v2_page_meta_links_to_the_api_on_the_site_or_the_api_base_url(
    client, home_page, settings, api_base_url
):
    """Made from the kept site (cms.caching.site_url) rather than Wagtail's lookup: the same
    addresses, the parent's and a French page's locale included."""
    settings.WAGTAILAPI_BASE_URL = api_base_url
    base = "https://cms.example.org" if api_base_url else BASE_URL
    page = ContentPageFactory(parent=ContentPageFactory(parent=home_page))
    french = translated(home_page, title="Accueil")

    meta = get_json(client, f"/api/v2/pages/{page.pk}/")["meta"]
    french_meta = get_json(client, f"/api/v2/pages/{french.pk}/")["meta"]

    assert meta["detail_url"] == f"{base}/api/v2/pages/{page.pk}/"
    assert meta["parent"]["meta"]["detail_url"] == f"{base}/api/v2/pages/{page.get_parent().pk}/"
    assert (meta["locale"], french_meta["locale"]) == ("en", "fr")
