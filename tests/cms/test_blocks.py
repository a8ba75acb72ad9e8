"""Each shared block validates what volunteers enter and renders accessible HTML."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.rich_text import RichText
from wagtail_factories import ImageFactory

from cms import blocks
from tests.cms.factories import SiteSettingsFactory

pytestmark = pytest.mark.django_db


def block_errors(block, data):
    """The error messages, per child block, when `data` (as from the admin form) is cleaned."""
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(data))
    return {name: error.messages for name, error in caught.value.block_errors.items()}


class TestCallToAction:
    block = blocks.CallToActionBlock()

    def test_empty_label_is_rejected(self):
        errors = block_errors(self.block, {"label": "  ", "url": "https://example.org"})
        assert errors == {"label": ["Add the button text visitors will see."]}

    def test_needs_a_page_or_a_web_address(self):
        errors = block_errors(self.block, {"label": "Go"})
        assert errors == {"page": ["Choose a page or fill in a web address."]}

    def test_cannot_link_to_both(self, home_page):
        errors = block_errors(
            self.block, {"label": "Go", "page": home_page.pk, "url": "https://example.org"}
        )
        assert errors == {"url": ["Choose a page or a web address, not both."]}

    def test_links_to_a_page_by_its_url(self, home_page):
        value = self.block.clean(self.block.to_python({"label": "Home", "page": home_page.pk}))
        assert value.href() == "/en/"
        assert '<a class="button" href="/en/">Home</a>' in self.block.render(value)


class TestQuote:
    block = blocks.QuoteBlock()

    @pytest.mark.parametrize("text", ["", "<p></p>"])
    def test_quote_without_text_is_rejected(self, text):
        errors = block_errors(self.block, {"text": text, "attribution": "OPDI"})
        assert errors == {"text": ["Add the words being quoted."]}

    def test_renders_blockquote_with_linked_attribution(self):
        value = self.block.to_python(
            {"text": "<p>Hope</p>", "attribution": "OPDI", "source_url": "https://opdi.example"}
        )
        html = self.block.render(self.block.clean(value))
        assert '<blockquote cite="https://opdi.example"><p>Hope</p></blockquote>' in html
        assert '<a href="https://opdi.example">OPDI</a>' in html


class TestImageFigure:
    block = blocks.ImageFigureBlock()

    def test_image_without_alt_text_or_decorative_is_rejected(self):
        image = ImageFactory()
        data = {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": ""}
        with pytest.raises(StructBlockValidationError) as caught:
            self.block.clean(self.block.to_python(data))
        image_error = caught.value.block_errors["image"]
        assert "Please add some alt text for your image or mark it as decorative" in str(
            image_error.block_errors["alt_text"]
        )

    def test_decorative_image_renders_empty_alt(self):
        image = ImageFactory()
        data = {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": "Hi"}
        html = self.block.render(self.block.clean(self.block.to_python(data)))
        assert 'alt=""' in html
        assert "<figcaption>Hi</figcaption>" in html

    def test_alt_text_is_the_pages_own(self):
        image = ImageFactory(title="IMG_0001")
        data = {"image": {"image": image.pk, "alt_text": "Volunteers at a table"}, "caption": ""}
        html = self.block.render(self.block.clean(self.block.to_python(data)))
        assert 'alt="Volunteers at a table"' in html
        assert "srcset=" in html


class TestParagraphFootnotes:
    block = blocks.ParagraphBlock()

    def test_bracketed_numbers_link_to_references_and_only_first_gets_the_anchor(self):
        html = self.block.render(RichText("<p>One.[1] Two.[2] One again.[1]</p>"))
        assert html.count('href="#ref-1"') == 2
        assert html.count('id="cite-1"') == 1
        assert '<a href="#ref-2" id="cite-2">' in html

    def test_text_without_markers_is_unchanged(self):
        assert self.block.render(RichText("<p>Plain [text]</p>")) == (
            '<div class="rich-text"><p>Plain [text]</p></div>\n'
        )

    def test_only_limited_formatting_is_offered(self):
        assert self.block.features == ["bold", "italic", "link", "ol", "ul"]


def test_references_are_an_ordered_list_linking_back():
    block = blocks.ReferencesBlock()
    value = block.to_python({"heading": "Notes", "references": ["<p>First</p>", "<p>Second</p>"]})
    html = block.render(value)
    assert "<h2>Notes</h2>" in html and "<ol>" in html
    assert '<li id="ref-2">' in html and 'href="#cite-2"' in html


def test_references_need_at_least_one_entry():
    block = blocks.ReferencesBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"heading": "Notes", "references": []}))


def test_heading_renders_its_level():
    block = blocks.HeadingBlock()
    html = block.render(block.to_python({"text": "Get involved", "level": "h3"}))
    assert html.strip() == '<h3 class="heading-block">Get involved</h3>'


def test_heading_level_must_be_2_to_4():
    block = blocks.HeadingBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"text": "Title", "level": "h1"}))


def test_faq_uses_details_so_it_works_without_javascript():
    block = blocks.FAQBlock()
    value = block.to_python({"questions": [{"question": "Is it free?", "answer": "<p>Yes.</p>"}]})
    html = block.render(value)
    assert "<details>" in html and "<summary>Is it free?</summary>" in html
    assert "<h2>" not in html  # no heading given, none rendered


def test_contact_card_falls_back_to_the_organisations_email_and_phone(rf):
    settings = SiteSettingsFactory(email="hello@connect.example", phone="519-555-0100")
    block = blocks.ContactCardBlock()
    value = block.to_python({"purpose": "Sponsorship and fundraising"})
    html = block.render(value, context={"settings": {"cms": {"SiteSettings": settings}}})
    assert '<a href="mailto:hello@connect.example">' in html
    assert '<a href="tel:5195550100">519-555-0100</a>' in html


def test_contact_card_without_any_contact_details_gives_the_postal_address():
    settings = SiteSettingsFactory(email="", phone="", street_address="536 Queens Ave", unit="")
    block = blocks.ContactCardBlock()
    html = block.render(
        block.to_python({"purpose": "Outreach"}),
        context={"settings": {"cms": {"SiteSettings": settings}}},
    )
    assert "Write to us at" in html and "536 Queens Ave" in html


def test_media_embed_is_a_link_to_the_other_site_never_its_player(monkeypatch):
    block = blocks.MediaEmbedBlock()
    value = block.to_python(
        {"media": "https://www.youtube.com/watch?v=abc", "title": "Video: our group"}
    )
    player = '<iframe src="https://www.youtube.com/embed/abc"></iframe>'
    monkeypatch.setattr(type(value["media"]), "html", property(lambda self: player))
    html = block.render(value)
    assert 'href="https://www.youtube.com/watch?v=abc" rel="noreferrer"' in html
    assert "Video: our group" in html and "Opens on youtube.com" in html
    assert "<iframe" not in html


def test_social_link_text_defaults_to_the_platform_name():
    block = blocks.SocialLinkBlock()
    value = block.to_python({"platform": "facebook", "url": "https://facebook.com/x", "label": ""})
    assert block.render(value).strip() == '<a href="https://facebook.com/x" rel="me">Facebook</a>'


def test_every_block_has_a_template_and_editor_description():
    for name, child in blocks.BodyStreamBlock().child_blocks.items():
        app = type(child).__module__.split(".")[0]
        assert child.meta.template.startswith(f"{app}/blocks/"), name
        assert child.meta.description, name
        assert child.meta.icon, name


@pytest.mark.parametrize("block", [blocks.ParagraphBlock(), blocks.RichTextBlock()])
@pytest.mark.parametrize(
    ("href", "api_href"),
    [
        ("/about-us/?a=1&amp;b=2", "https://cms.example.org/about-us/?a=1&amp;b=2"),
        ("https://988.ca/", "https://988.ca/"),
        ("//cdn.example.com/guide.pdf", "//cdn.example.com/guide.pdf"),
        ("#ref-1", "#ref-1"),
    ],
)
def test_rich_text_in_the_api_links_to_this_site_against_the_api_base_url(
    settings, block, href, api_href
):
    settings.WAGTAILAPI_BASE_URL = "https://cms.example.org"
    value = block.to_python(f'<p><a class="x" href="{href}">Read</a> more</p>')

    api_value = block.get_api_representation(value)

    assert api_value == f'<p><a class="x" href="{api_href}">Read</a> more</p>'
