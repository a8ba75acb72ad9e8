"""Admin menu: volunteers see plain reports; the technical ones stay with superusers."""

from wagtail import hooks

from cms.webhooks.admin import PausedWebhooksPanel, SubscriberViewSet, paused_by_the_site

TECHNICAL_REPORTS = {"page-types-usage"}


@hooks.register("construct_reports_menu")
def hide_technical_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in TECHNICAL_REPORTS]


webhooks_viewset = SubscriberViewSet("webhooks")


@hooks.register("register_admin_viewset")
def register_webhooks_viewset():
    return webhooks_viewset


@hooks.register("construct_homepage_panels")
def add_paused_webhooks_panel(request, panels):
    if request.user.has_perm("cms.change_subscriber") and (paused := paused_by_the_site()):
        panels.append(
            PausedWebhooksPanel(request, paused, webhooks_viewset.get_url_name("inspect"))
        )
