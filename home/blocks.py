"""Blocks of the home and content pages: the shared ones plus the directory and the calendar."""

from cms.blocks import BodyStreamBlock
from contact.blocks import FormContactCardBlock
from partners.blocks import PartnersBlock
from programs.blocks import UpcomingEventsBlock
from resources.blocks import ResourceListBlock


class ContentStreamBlock(BodyStreamBlock):
    """The shared blocks, plus a category's resources from the directory."""

    resources = ResourceListBlock()


class HomeStreamBlock(ContentStreamBlock):
    """Everything a content page offers, plus events, partners and contact cards with forms."""

    contact_card = FormContactCardBlock()
    upcoming_events = UpcomingEventsBlock()
    partners = PartnersBlock()
