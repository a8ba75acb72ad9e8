"""Admin: form submissions only for Form managers; the newsletter list for the mailing tool."""

from functools import cached_property

from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from contact.models import NewsletterPage, NewsletterSubscriber

FORM_MANAGERS = "Form managers"


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
