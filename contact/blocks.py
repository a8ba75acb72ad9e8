"""Blocks that link to the forms."""

from wagtail import blocks

from cms.blocks import ContactCardBlock


class FormContactCardBlock(ContactCardBlock):
    """A contact card that can also link to the form for getting in touch about it."""

    page = blocks.PageChooserBlock(
        required=False,
        page_type="contact.FormPage",
        label="Form",
        help_text="Optional: the form visitors can fill in about this, e.g. 'Volunteer with us'.",
    )

    class Meta:
        preview_value = {"purpose": "Sponsorship and fundraising"}
