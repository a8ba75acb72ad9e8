"""A block that lists one category's resources inside any page."""

from wagtail import blocks

from cms.translations import shown_order
from resources.models import Resource, ResourceIndexPage
from resources.models.directory import categories_in_use


def category_choices():
    return [(tag.slug, tag.name) for tag in categories_in_use()]


class ResourceListBlock(blocks.StructBlock):
    """Resources in one category from the directory, linked to their pages; updates by itself."""

    heading = blocks.CharBlock(
        required=False, max_length=120, help_text="Optional, e.g. 'Support for families'."
    )
    category = blocks.ChoiceBlock(
        choices=category_choices,
        help_text="Which category of the resource directory to list.",
    )
    count = blocks.IntegerBlock(
        default=5, min_value=1, max_value=20, help_text="How many resources to show (1 to 20)."
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # A category no longer in use simply lists nothing.
        resources = Resource.objects.in_category(value["category"]).with_details()
        resources = resources.order_by(shown_order(Resource, "name"))
        context["resources"] = resources[: value["count"]]
        context["total"] = resources.count()
        context["directory_page"] = ResourceIndexPage.objects.live().first()
        return context

    class Meta:
        icon = "list-ul"
        template = "resources/blocks/resource_list_block.html"
        label = "Resources in a category"
        description = "Organisations and services from the resource directory, by category."
