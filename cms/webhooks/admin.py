"""The webhooks' admin screens: administrators add, pause and remove subscribers and rotate
their secrets (shown once); Moderators read the delivery log; the dashboard tells
administrators when the site paused a subscriber that kept failing."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import CreateView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet

from cms.dashboard import DashboardPanel
from cms.webhooks.catalogue import EVENTS, TEST_EVENT
from cms.webhooks.delivery import send_again
from cms.webhooks.events import send_test
from cms.webhooks.models import Delivery, Subscriber

SHOWN_ONCE_KEY = "cms.webhooks.secret_shown_once"


class SubscriberForm(WagtailAdminModelForm):
    events = forms.MultipleChoiceField(
        label="Kinds of change",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Which changes to send. Choose none to send every kind.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["events"].choices = [
            (name, f"{name}: {text}") for name, text in EVENTS.items() if name != TEST_EVENT
        ]


def show_secret_once(request, subscriber):
    """The delivery log shows the subscriber's secret on its next showing only."""
    request.session[SHOWN_ONCE_KEY] = [subscriber.pk, subscriber.secret]


def secret_to_show(request, subscriber):
    pk, secret = request.session.pop(SHOWN_ONCE_KEY, [None, None])
    return secret if pk == subscriber.pk else None


class SubscriberCreateView(CreateView):
    """Added, the webhook's delivery log shows its secret, once."""

    log_url_name = None

    def save_instance(self):
        subscriber = super().save_instance()
        show_secret_once(self.request, subscriber)
        return subscriber

    def get_success_url(self):
        return reverse(self.log_url_name, args=[self.object.pk])


class DeliveryLogView(InspectView):
    """The subscriber, and its latest deliveries with every attempt at each."""

    template_name = "cms/webhooks/delivery_log.html"
    page_title = "Delivery log"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        can_change = self.permission_policy.user_has_permission(self.request.user, "change")
        context.update(
            subscriber=self.object,
            secret=secret_to_show(self.request, self.object),
            deliveries=self.object.deliveries.prefetch_related("attempt_log")[:50],
            can_change=can_change,
        )
        return context


class SubscriberViewSet(ModelViewSet):
    """Webhooks under Settings: the addresses told of each change, and their delivery logs."""

    model = Subscriber
    form_fields = ["url", "description", "events", "paused"]
    add_view_class = SubscriberCreateView
    inspect_view_class = DeliveryLogView
    inspect_view_enabled = True
    icon = "link-external"
    menu_label = "Webhooks"
    add_to_settings_menu = True
    list_display = ["url", "description", "paused", "failing_since"]
    search_fields = ["url", "description"]
    search_backend_name = None
    copy_view_enabled = False

    def get_add_view_kwargs(self, **kwargs):
        return super().get_add_view_kwargs(log_url_name=self.get_url_name("inspect"), **kwargs)

    def get_form_class(self, for_update=False):
        return forms.modelform_factory(self.model, form=SubscriberForm, fields=self.form_fields)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/rotate/", self.changing(rotate_secret), name="rotate"),
            path("<int:pk>/test/", self.changing(send_test_notice), name="test"),
            path("deliveries/<int:pk>/again/", self.changing(deliver_again), name="again"),
        ]

    def changing(self, view):
        """`view` for those who may change subscribers, by POST only."""

        def checked(request, pk):
            if not self.permission_policy.user_has_permission(request.user, "change"):
                raise PermissionDenied
            return view(request, pk, log_url_name=self.get_url_name("inspect"))

        return require_POST(checked)


def rotate_secret(request, pk, log_url_name):
    subscriber = get_object_or_404(Subscriber, pk=pk)
    subscriber.rotate_secret()
    show_secret_once(request, subscriber)
    messages.success(
        request,
        "New secret made. The old one also signs notices for a day, so the other site "
        "can change over.",
    )
    return redirect(reverse(log_url_name, args=[pk]))


def send_test_notice(request, pk, log_url_name):
    delivery = send_test(get_object_or_404(Subscriber, pk=pk))
    messages.success(request, f"Test notice {delivery.message_id} is on its way.")
    return redirect(reverse(log_url_name, args=[pk]))


def deliver_again(request, pk, log_url_name):
    delivery = send_again(get_object_or_404(Delivery, pk=pk))
    messages.success(request, f"Sent again, as {delivery.message_id}.")
    return redirect(reverse(log_url_name, args=[delivery.subscriber_id]))


class PausedWebhooksPanel(DashboardPanel):
    """Subscribers the site paused because every notice to them failed for days."""

    name = "paused_webhooks"
    order = 60
    heading = "Webhooks paused after failing"

    def __init__(self, request, paused, url_name):
        super().__init__(request)
        self.paused, self.url_name = paused, url_name

    def rows(self):
        return [
            (subscriber.url, reverse(self.url_name, args=[subscriber.pk]), subscriber.paused_reason)
            for subscriber in self.paused
        ]


def paused_by_the_site():
    return list(Subscriber.objects.filter(paused=True).exclude(paused_reason=""))
