"""The StreamField block library every page type draws on."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from ninja import Field, Schema
from wagtail import blocks
from wagtail.api.utils import get_full_url
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from cms.caching import site_for
from cms.renditions import ImageRenditions, image_representation
from cms.rich_text import AbsoluteLinksInAPI, RichTextBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "ol", "ul"]
INLINE_FEATURES = ["bold", "italic", "link"]
FOOTNOTE_MARKER = re.compile(r"\[(\d{1,3})\]")


def link_footnote_markers(html):
    """Turn "[1]" in rendered rich text into a superscript link to reference 1 and back."""
    seen = set()

    def marker(match):
        number = match.group(1)
        anchor = "" if number in seen else f' id="cite-{number}"'
        seen.add(number)
        return (
            f'<sup class="footnote-marker"><a href="#ref-{number}"{anchor}>'
            f'<span class="visually-hidden">Reference </span>{number}</a></sup>'
        )

    return mark_safe(FOOTNOTE_MARKER.sub(marker, str(html)))  # noqa: S308 (input is rendered rich text)


class HeadingBlock(blocks.StructBlock):
    """A section heading at level 2, 3 or 4."""

    text = blocks.CharBlock(
        max_length=120,
        help_text="The heading as visitors will read it, e.g. 'What is Peer Support?'",
    )
    level = blocks.ChoiceBlock(
        choices=[
            ("h2", "Section (level 2)"),
            ("h3", "Sub-section (level 3)"),
            ("h4", "Minor (level 4)"),
        ],
        default="h2",
        help_text="Use level 2 for main sections; level 3 and 4 only inside a section above them.",
    )

    class Meta:
        icon = "title"
        template = "cms/blocks/heading_block.html"
        label = "Heading"
        description = "A heading that starts a new section of the page."
        preview_value = {"text": "What is Peer Support?", "level": "h2"}


class ParagraphBlock(AbsoluteLinksInAPI, blocks.RichTextBlock):
    """Body text with bold, italic, links and lists; "[1]" links to reference 1."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", PARAGRAPH_FEATURES)
        kwargs.setdefault(
            "help_text",
            "Write in short paragraphs. To cite a reference, type its number in square "
            "brackets, e.g. [1], and add the reference in a 'References' block.",
        )
        super().__init__(**kwargs)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["html"] = link_footnote_markers(value)
        return context

    class Meta:
        icon = "pilcrow"
        template = "cms/blocks/paragraph_block.html"
        label = "Paragraph"
        description = "Text with bold, italic, links and lists."
        preview_value = "<p>Peer Supporters provide evidence that <b>recovery is possible</b>.</p>"


class QuoteBlock(blocks.StructBlock):
    """Words quoted from someone else, with who said them and an optional link to the source."""

    text = RichTextBlock(
        features=INLINE_FEATURES,
        required=False,
        help_text="The quoted words, exactly as written. Several paragraphs are fine.",
    )
    attribution = blocks.CharBlock(
        required=False,
        max_length=200,
        help_text="Who said or wrote this, e.g. 'Ontario Peer Development Initiative'.",
    )
    source_url = blocks.URLBlock(
        required=False,
        label="Source link",
        help_text="Optional: the web page the quote comes from.",
    )

    def clean(self, value):
        if not value.get("text") or not strip_tags(value["text"].source).strip():
            raise StructBlockValidationError(
                block_errors={"text": ValidationError("Add the words being quoted.")}
            )
        return super().clean(value)

    class Meta:
        icon = "openquote"
        template = "cms/blocks/quote_block.html"
        label = "Quote"
        description = "A quotation with its attribution."
        preview_value = {
            "text": "<p>Peer Support is a naturally occurring, mutually beneficial support process.</p>",
            "attribution": "Ontario Peer Development Initiative",
        }


class ImageFigure(Schema):
    image: ImageRenditions | None
    caption: str


class ImageFigureBlock(blocks.StructBlock):
    """An image with alt text (or marked decorative) and an optional caption."""

    image = ImageBlock(
        help_text="Describe what the image shows in the alt text, for people who cannot see it. "
        "Tick 'decorative' only if it adds nothing to the page."
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Optional: shown under the image, e.g. credit."
    )

    def get_api_representation(self, value, context=None):
        request = (context or {}).get("request")
        return {
            "image": image_representation(value["image"], request),
            "caption": value["caption"],
        }

    api_schema = ImageFigure

    class Meta:
        icon = "image"
        template = "cms/blocks/image_figure_block.html"
        label = "Image"
        description = "A picture with alt text and a caption."


class LinkStructValue(blocks.StructValue):
    """Resolves a page-or-URL choice to a single link."""

    def href(self):
        page = self.get("page")
        if page:
            return page.url
        return self.get("url")


class LinkedPage(Schema):
    id: int
    title: str
    url: str | None


class CallToAction(Schema):
    label: str
    page: LinkedPage | None = Field(description="The page on this site linked to, if published.")
    url: str | None = Field(description="The web address linked to instead of a page.")
    href: str | None = Field(description="Where the button goes: the page's URL or the address.")


class CallToActionBlock(blocks.StructBlock):
    """A prominent button linking to one page on this site or one web address."""

    label = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text="The button text: say what happens, e.g. 'Contact us' or 'See the calendar'.",
    )
    page = blocks.PageChooserBlock(
        required=False, help_text="Link to a page on this site, or fill in a web address below."
    )
    url = blocks.URLBlock(
        required=False, label="Web address", help_text="Link to another website instead of a page."
    )

    def clean(self, value):
        errors = {}
        if not (value.get("label") or "").strip():
            errors["label"] = ValidationError("Add the button text visitors will see.")
        if value.get("page") and value.get("url"):
            errors["url"] = ValidationError("Choose a page or a web address, not both.")
        elif not value.get("page") and not value.get("url"):
            errors["page"] = ValidationError("Choose a page or fill in a web address.")
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return super().clean(value)

    def get_api_representation(self, value, context=None):
        page = linked_page(value["page"], (context or {}).get("request"))
        href = page["url"] if page else value["url"] or None
        return {"label": value["label"], "page": page, "url": value["url"], "href": href}

    api_schema = CallToAction

    class Meta:
        icon = "link"
        template = "cms/blocks/call_to_action_block.html"
        label = "Call to action"
        description = "A button that takes visitors to one place."
        value_class = LinkStructValue
        preview_value = {"label": "See the calendar", "url": "https://example.org/events/"}


def linked_page(page, request=None):
    """A chosen page's id, title and URL for the API, or None when it is not published."""
    if page is None or not page.live:
        return None
    url = page.get_url(request, current_site=site_for(request) if request else None)
    return {"id": page.pk, "title": page.title, "url": url and get_full_url(None, url)}


class ContactCardBlock(blocks.StructBlock):
    """Who to contact about one thing; blank email or phone use the organisation's own."""

    purpose = blocks.CharBlock(
        max_length=120,
        help_text="What to contact about, e.g. 'Volunteering and community outreach'.",
    )
    name = blocks.CharBlock(
        required=False, max_length=120, help_text="Optional: a person or team name."
    )
    email = blocks.EmailBlock(
        required=False,
        help_text="Leave blank to show the organisation's general email from Site settings.",
    )
    phone = blocks.CharBlock(
        required=False,
        max_length=40,
        help_text="Leave blank to show the organisation's phone number from Site settings.",
    )

    class Meta:
        icon = "mail"
        template = "cms/blocks/contact_card_block.html"
        label = "Contact card"
        description = "Who to contact about something, with email and phone."
        preview_value = {"purpose": "Sponsorship and fundraising"}


class ReferencesBlock(blocks.StructBlock):
    """Numbered references that "[1]" markers in paragraphs link to."""

    heading = blocks.CharBlock(
        default="References", max_length=80, help_text="Usually 'References' or 'Notes'."
    )
    references = blocks.ListBlock(
        RichTextBlock(features=INLINE_FEATURES),
        min_num=1,
        help_text="One per reference, in order: the first is [1], the second [2], and so on.",
    )

    class Meta:
        icon = "list-ol"
        template = "cms/blocks/references_block.html"
        label = "References"
        description = "Numbered sources, linked from [1], [2]… in the text."
        preview_value = {
            "heading": "References",
            "references": ["Canadian Mental Health Association (2004), A Framework for Support"],
        }


class QuestionBlock(blocks.StructBlock):
    """One question and its answer."""

    question = blocks.CharBlock(max_length=200, help_text="Phrase it the way a visitor would ask.")
    answer = RichTextBlock(features=PARAGRAPH_FEATURES, help_text="A short, plain answer.")

    class Meta:
        icon = "help"
        label = "Question"


class FAQBlock(blocks.StructBlock):
    """Questions that open to show their answers, readable without JavaScript."""

    heading = blocks.CharBlock(
        required=False, max_length=120, help_text="Optional, e.g. 'Common questions'."
    )
    questions = blocks.ListBlock(
        QuestionBlock(), min_num=1, help_text="Each question with its answer, in the order shown."
    )

    class Meta:
        icon = "help"
        template = "cms/blocks/faq_block.html"
        label = "Questions and answers"
        description = "Questions that open to show their answers."


class MediaEmbed(Schema):
    url: str = Field(description="The media's own web address, e.g. the YouTube link.")
    title: str
    caption: str


class MediaEmbedValue(blocks.StructValue):
    """The media's site, named for the visitor before they choose to go there."""

    def site_name(self):
        return (urlsplit(self["media"].url).hostname or "").removeprefix("www.")


class MediaEmbedBlock(blocks.StructBlock):
    """A video or other media from a web address (YouTube, Vimeo…), with a title: shown as a link
    to it, so that the other site learns nothing about a visitor who does not choose to go."""

    media = EmbedBlock(help_text="Paste the address of the video, e.g. a YouTube link.")
    title = blocks.CharBlock(
        max_length=120,
        help_text="What the media is, e.g. 'Video: what happens at a peer support group'. "
        "Screen readers announce it.",
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Optional: shown under the media, e.g. credit."
    )

    def get_api_representation(self, value, context=None):
        return {"url": value["media"].url, "title": value["title"], "caption": value["caption"]}

    api_schema = MediaEmbed

    class Meta:
        icon = "media"
        template = "cms/blocks/media_embed_block.html"
        label = "Video or media"
        description = "A link to a video or other media on another site."
        value_class = MediaEmbedValue


class BodyStreamBlock(blocks.StreamBlock):
    """The body of every page: the shared blocks in the order editors most often need them."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageFigureBlock()
    call_to_action = CallToActionBlock()
    contact_card = ContactCardBlock()
    references = ReferencesBlock()
    faq = FAQBlock()
    embed = MediaEmbedBlock()


SOCIAL_PLATFORMS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("x", "X (Twitter)"),
    ("youtube", "YouTube"),
    ("linkedin", "LinkedIn"),
    ("bluesky", "Bluesky"),
    ("other", "Other"),
]


class SocialLinkValue(blocks.StructValue):
    """Link text for a social link: the editor's label or the platform's name."""

    def link_text(self):
        return self.get("label") or dict(SOCIAL_PLATFORMS)[self["platform"]]


class SocialLink(Schema):
    platform: str
    label: str = Field(description="The link text: the editor's label or the platform's name.")
    url: str


class SocialLinkBlock(blocks.StructBlock):
    """A link to the organisation's page on a social network."""

    platform = blocks.ChoiceBlock(
        choices=SOCIAL_PLATFORMS, default="facebook", help_text="Which site the link goes to."
    )
    url = blocks.URLBlock(label="Web address", help_text="e.g. https://www.facebook.com/yourpage")
    label = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text="Optional link text; by default the platform name, e.g. 'Facebook'.",
    )

    def get_api_representation(self, value, context=None):
        return {"platform": value["platform"], "label": value.link_text(), "url": value["url"]}

    api_schema = SocialLink

    class Meta:
        icon = "site"
        template = "cms/blocks/social_link_block.html"
        label = "Social link"
        description = "A link to the organisation's page on Facebook, Instagram or another site."
        value_class = SocialLinkValue
