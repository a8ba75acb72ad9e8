"""Rich text in the API: links to this site made absolute when WAGTAILAPI_BASE_URL is set."""

import re

from wagtail import blocks
from wagtail.api.utils import get_full_url

SITE_RELATIVE_HREF = re.compile(r'(<a\b[^>]*?\bhref=")(/(?!/)[^"]*)"')


class AbsoluteLinksInAPI:
    """For rich text blocks: API HTML links to this site against WAGTAILAPI_BASE_URL, if set."""

    api_schema = str

    def get_api_representation(self, value, context=None):
        html = super().get_api_representation(value, context)
        return SITE_RELATIVE_HREF.sub(lambda link: f'{link[1]}{get_full_url(None, link[2])}"', html)


class RichTextBlock(AbsoluteLinksInAPI, blocks.RichTextBlock):
    """Wagtail's rich text block, with absolute links in the API."""

    def deconstruct(self):
        # Stored exactly as Wagtail's own block: only the API output differs, so no migration.
        return ("wagtail.blocks.RichTextBlock", *super().deconstruct()[1:])
