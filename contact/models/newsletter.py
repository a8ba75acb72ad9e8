"""The newsletter: signups with double opt-in, confirmation and unsubscribe links."""

from datetime import timedelta
from urllib.parse import urlencode

from django.core import signing
from django.db import models
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, ngettext
from django.views.decorators.csrf import csrf_exempt
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from cms.blocks import PARAGRAPH_FEATURES
from cms.caching import CachedPrivacyMixin
from cms.conf import app_settings
from contact.forms import NewsletterSignupForm
from contact.mail import send_or_log
from contact.models.pages import ContactPageMixin
from contact.protection import rate_limited

CONFIRM_SALT = "contact.newsletter.confirm"
UNSUBSCRIBE_SALT = "contact.newsletter.unsubscribe"


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def unconfirmed_before(self, moment):
        """Signups never confirmed, made before the given moment."""
        return self.filter(confirmed_at__isnull=True, signed_up_at__lt=moment)


class NewsletterSubscriber(models.Model):
    """An email address that asked for the newsletter; it counts once its owner confirms."""

    email = models.EmailField(unique=True, help_text="The address the newsletter is sent to.")
    signed_up_at = models.DateTimeField(
        default=timezone.now, help_text="When they ticked the consent box."
    )
    confirmed_at = models.DateTimeField(
        null=True, blank=True, help_text="When they clicked the link in the confirmation email."
    )

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["email"]
        verbose_name = "newsletter subscriber"

    def __str__(self):
        return self.email

    @property
    def confirmed(self):
        return self.confirmed_at is not None

    def confirm_token(self):
        return signing.dumps(self.pk, salt=CONFIRM_SALT)

    def unsubscribe_token(self):
        return signing.dumps(self.pk, salt=UNSUBSCRIBE_SALT)


def subscriber_from_token(token, salt, max_age=None):
    """The subscriber a link was made for, or None if it was altered, expired or they left."""
    try:
        pk = signing.loads(token, salt=salt, max_age=max_age)
    except signing.BadSignature:
        return None
    return NewsletterSubscriber.objects.filter(pk=pk).first()


class NewsletterPage(CachedPrivacyMixin, ContactPageMixin, RoutablePageMixin, Page):
    """The newsletter signup page, with the confirm and unsubscribe pages its emails link to."""

    page_description = "Where visitors sign up for the newsletter. A site has only one."
    admin_icon = "mail"

    intro = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="What the newsletter is and how often it comes, e.g. 'News about groups and "
        "events, about once a month.'",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("privacy_notice")]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = "newsletter page"

    def privacy_lines(self):
        """The standard privacy notice beside the signup form, translated."""
        days = app_settings.NEWSLETTER_CONFIRMATION_DAYS
        unconfirmed = ngettext(
            "If you do not confirm within %(days)s day, we delete your address.",
            "If you do not confirm within %(days)s days, we delete your address.",
            days,
        ) % {"days": days}
        return [
            gettext(
                "We keep only your email address and when you signed up and confirmed, to send "
                "you the newsletter. We do not record your IP address and we use no trackers."
            ),
            f"{unconfirmed} {gettext('When you unsubscribe, we delete your address.')}",
        ]

    @path("")
    @method_decorator(csrf_exempt)  # seen by cms.views.serve, which says why
    def sign_up(self, request):
        """The signup form; a valid signup gets an email with a confirmation link."""
        if request.method != "POST":
            return self.render(request, context_overrides={"form": NewsletterSignupForm()})
        form = NewsletterSignupForm(request.POST)
        wait = rate_limited(request)
        if wait:
            return self.too_many_posts(request, form, wait)
        if not form.is_valid():
            return self.render(request, context_overrides={"form": form})
        self.send_confirmation(request, form.cleaned_data["email"])
        return self.render(request, template="contact/newsletter_check_email.html")

    def send_confirmation(self, request, email):
        """Store the signup first, then email its link; a mail failure is logged, never shown."""
        subscriber, _ = NewsletterSubscriber.objects.get_or_create(email=email.lower())
        if subscriber.confirmed:
            return
        subscriber.signed_up_at = timezone.now()
        subscriber.save(update_fields=["signed_up_at"])
        link = self.link(request, "confirm", subscriber.confirm_token())
        context = {"page": self, "link": link, "days": app_settings.NEWSLETTER_CONFIRMATION_DAYS}
        send_or_log(
            gettext("Please confirm your signup: %(title)s") % {"title": self.title},
            render_to_string("contact/newsletter_confirm_email.txt", context),
            [subscriber.email],
            about="a newsletter confirmation link",
        )

    def link(self, request, route, token):
        """A full link to one of this page's routes, carrying a signed token."""
        # In the query string: Wagtail's page paths allow only letters, digits, '-' and '_'.
        query = urlencode({"token": token})
        return f"{self.get_full_url(request)}{self.reverse_subpage(route)}?{query}"

    @path("confirm/", name="confirm")
    def confirm(self, request):
        """A button to confirm (link checkers in mail programs must not confirm by visiting)."""
        max_age = timedelta(days=app_settings.NEWSLETTER_CONFIRMATION_DAYS)
        subscriber = subscriber_from_token(request.GET.get("token", ""), CONFIRM_SALT, max_age)
        if subscriber and request.method == "POST" and not subscriber.confirmed:
            subscriber.confirmed_at = timezone.now()
            subscriber.save(update_fields=["confirmed_at"])
        if subscriber and subscriber.confirmed:
            link = self.link(request, "unsubscribe", subscriber.unsubscribe_token())
            return self.action_page(request, "confirmed", unsubscribe_link=link)
        return self.action_page(request, "confirm" if subscriber else "confirm_expired")

    @path("unsubscribe/", name="unsubscribe")
    def unsubscribe(self, request):
        """A button to unsubscribe; the address is then deleted, not just marked."""
        subscriber = subscriber_from_token(request.GET.get("token", ""), UNSUBSCRIBE_SALT)
        if request.method == "POST":
            if subscriber:
                subscriber.delete()
            return redirect(self.url + self.reverse_subpage("unsubscribed"))
        return self.action_page(request, "unsubscribe" if subscriber else "unsubscribe_unknown")

    @path("unsubscribed/", name="unsubscribed")
    def unsubscribed(self, request):
        return self.action_page(request, "unsubscribed")

    def action_page(self, request, step, **context):
        """One step of confirming or unsubscribing, each with its own words and button."""
        return self.render(
            request,
            template="contact/newsletter_action.html",
            context_overrides={"step": step, **context},
        )
