"""Admin menu: volunteers see plain reports; the technical ones stay with superusers."""

from wagtail import hooks

TECHNICAL_REPORTS = {"page-types-usage"}


@hooks.register("construct_reports_menu")
def hide_technical_reports(request, menu_items):
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name not in TECHNICAL_REPORTS]
