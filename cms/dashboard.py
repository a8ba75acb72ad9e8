"""Panels on the admin's dashboard that show volunteers what needs doing; each app adds its own."""

from wagtail.admin.ui.components import Component


class DashboardPanel(Component):
    """A headed list of links with a short note each, a link to see them all, or a plain message."""

    template_name = "cms/dashboard_list_panel.html"
    heading = ""
    empty_text = ""
    all_label = ""

    def __init__(self, request):
        self.request = request

    def rows(self):
        """[(label, url, note)] for the panel."""
        raise NotImplementedError

    def all_url(self):
        return None

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            panel=self,
            rows=self.rows(),
            all_url=self.all_url(),
            panel_id=self.name.replace("_", "-"),
        )
        return context
