"""Admin screens: the partners, under their own menu item."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from partners.models import Partner


class PartnerViewSet(SnippetViewSet):
    """Partners, under their own menu item, in the order the home page shows them."""

    model = Partner
    icon = "group"
    menu_label = "Partners"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "url", "sort_order", "active"]
    list_filter = ["active"]
    search_fields = ["name", "description"]
    search_backend_name = None
    sort_order_field = "sort_order"


register_snippet(PartnerViewSet)
