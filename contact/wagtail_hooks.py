"""Admin: form submissions only for Form managers (and their dashboard panel); the newsletter list."""

from datetime import timedelta
from functools import cached_property

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.forms.models import FormSubmission

from cms.dashboard import DashboardPanel
from contact.models import NewsletterPage, NewsletterSubscriber

FORM_MANAGERS = "Form managers"
# What counts as new on the dashboard.
RECENT_DAYS = 14


def can_read_submissions(user):
    return user.is_superuser or user.groups.filter(name=FORM_MANAGERS).exists()


@hooks.register("filter_form_submissions_for_user")
def only_form_managers_read_submissions(user, editable_forms):
    """Submissions can be about someone's mental health: editing a form is not enough to read it."""
    return editable_forms if can_read_submissions(user) else editable_forms.none()


class SubscriberIndexView(IndexView):
    """The confirmed subscribers; the CSV export adds each one's unsubscribe link."""

    queryset = NewsletterSubscriber.objects.confirmed()

    @cached_property
    def newsletter_page(self):
        return NewsletterPage.objects.live().first()

    def to_row_dict(self, item):
        item.unsubscribe_link = (
            self.newsletter_page.link(self.request, "unsubscribe", item.unsubscribe_token())
            if self.newsletter_page
            else ""
        )
        return super().to_row_dict(item)


class NewsletterSubscriberViewSet(ModelViewSet):
    """Who confirmed they want the newsletter, to export (CSV) into the organisation's mailing tool."""

    model = NewsletterSubscriber
    index_view_class = SubscriberIndexView
    icon = "mail"
    menu_label = "Newsletter"
    menu_order = 710
    add_to_admin_menu = True
    list_display = ["email", "signed_up_at", "confirmed_at"]
    list_export = ["email", "signed_up_at", "confirmed_at", "unsubscribe_link"]
    export_headings = {"unsubscribe_link": "Unsubscribe link"}
    search_fields = ["email"]
    form_fields = ["email"]
    search_backend_name = None
    copy_view_enabled = False
    inspect_view_enabled = False


@hooks.register("register_admin_viewset")
def register_newsletter_viewset():
    return NewsletterSubscriberViewSet("newsletter_subscribers")


class NewInquiriesPanel(DashboardPanel):
    """How many messages each form received lately, linked to where Form managers read them."""

    name = "new_inquiries"
    order = 40
    heading = f"New messages (last {RECENT_DAYS} days)"
    empty_text = f"No messages in the last {RECENT_DAYS} days."
    all_label = "All forms"

    def rows(self):
        since = timezone.now() - timedelta(days=RECENT_DAYS)
        counts = (
            FormSubmission.objects.filter(submit_time__gte=since)
            .values("page_id", "page__title")
            .annotate(count=Count("id"))
            .order_by("-count", "page__title")
        )
        return [
            (
                row["page__title"],
                reverse("wagtailforms:list_submissions", args=[row["page_id"]]),
                ngettext("%(count)d new message", "%(count)d new messages", row["count"])
                % {"count": row["count"]},
            )
            for row in counts
        ]

    def all_url(self):
        return reverse("wagtailforms:index")


@hooks.register("construct_homepage_panels")
def add_new_inquiries_panel(request, panels):
    if can_read_submissions(request.user):
        panels.append(NewInquiriesPanel(request))
