"""Form pages built by volunteers with Wagtail's form builder."""

from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.translation import gettext, ngettext
from django.views.decorators.csrf import csrf_exempt
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, FormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.blocks import PARAGRAPH_FEATURES
from cms.caching import CachedPrivacyMixin
from cms.conf import app_settings
from contact.forms import ContactFormBuilder
from contact.mail import NotSent, send_or_log, send_or_raise
from contact.protection import rate_limited


class ContactPageMixin(models.Model):
    """What every page with a visitor form has: a privacy notice and a 'please wait' answer."""

    privacy_notice = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="Optional: anything more visitors should know about what happens to what they "
        "send, e.g. who reads it. The standard notice (what is kept, for how long, no IP "
        "addresses) is always shown.",
    )

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["confirmation_days"] = app_settings.NEWSLETTER_CONFIRMATION_DAYS
        return context

    def too_many_posts(self, request, form, wait):
        """The page again, answers kept, with a 429 status and a 'please wait' message."""
        response = self.form_again(request, form, status=429, rate_limited=True)
        response["Retry-After"] = str(wait)
        return response

    def form_again(self, request, form, status, **flags):
        """The page with the visitor's answers still in the form and a message the flags choose."""
        context = self.get_context(request)
        context.update(form=form, **flags)
        return TemplateResponse(request, self.get_template(request), context, status=status)


class FormField(AbstractFormField):
    """One question on a form page."""

    page = ParentalKey("contact.FormPage", on_delete=models.CASCADE, related_name="form_fields")

    panels = [
        FieldPanel("label"),
        FieldPanel(
            "help_text",
            help_text="Optional: a hint shown under the question, e.g. 'We reply within a week.'",
        ),
        FieldPanel("required", help_text="Tick if people must answer before they can send."),
        FieldPanel(
            "field_type",
            classname="formbuilder-type",
            required_on_save=True,
            help_text="The kind of answer: a line of text, a longer message, an email address, "
            "a choice from a list, a tick box…",
        ),
        FieldPanel("choices", classname="formbuilder-choices"),
        FieldPanel("default_value", classname="formbuilder-default"),
    ]


class AnswerKeeping(models.TextChoices):
    """What a form page does with what visitors send."""

    STORE = "store", "Keep them on this website for the number of days below, then delete them"
    EMAIL_ONLY = "email_only", "Send them by email only, and keep nothing on this website"


MAX_KEEP_DAYS = 730
KEEP_DAYS_MESSAGE = f"Please enter a number of days from 1 to {MAX_KEEP_DAYS} (two years)."


class FormPage(CachedPrivacyMixin, ContactPageMixin, AbstractEmailForm):  # noqa: DJ008 (Page gives __str__)
    """A form visitors fill in, e.g. 'Inquire about our services'; answers are kept in the admin."""

    page_description = (
        "A form visitors fill in, e.g. to ask about services or to volunteer. What they send is "
        "kept under Forms in the menu."
    )
    admin_icon = "form"

    intro = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="Shown above the form: what it is for and when to expect a reply.",
    )
    thank_you_text = RichTextField(
        features=PARAGRAPH_FEATURES,
        blank=True,
        help_text="Shown after someone sends the form, e.g. 'Thank you. A volunteer will reply "
        "within a week.'",
    )

    answers = models.CharField(
        "What happens to the answers",
        max_length=20,
        choices=AnswerKeeping,
        default=AnswerKeeping.STORE,
        help_text="Keep only what you need. 'By email only' sends everything people write to the "
        "addresses below and keeps nothing here; if the email cannot be sent, the person is asked "
        "to call instead. Answers already kept are deleted within minutes when you choose it.",
    )
    keep_days = models.PositiveSmallIntegerField(
        "Days to keep the answers",
        default=90,
        validators=[
            MinValueValidator(1, KEEP_DAYS_MESSAGE),
            MaxValueValidator(MAX_KEEP_DAYS, KEEP_DAYS_MESSAGE),
        ],
        help_text="From 1 to 730. Each message is deleted automatically this many days after it "
        "was sent, so keep them only as long as you need to reply. The privacy notice beside the "
        "form tells visitors this number.",
    )

    form_builder = ContactFormBuilder
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label="Questions"),
        FieldPanel("thank_you_text"),
        FieldPanel("privacy_notice"),
        MultiFieldPanel(
            [FieldPanel("answers", widget=forms.RadioSelect), FieldPanel("keep_days")],
            heading="What happens to the answers",
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "to_address",
                    heading="Send an email to",
                    help_text="Email addresses of the volunteers who look after this form "
                    "(separate several with commas). If answers are kept on this website, the "
                    "email says only that a message arrived, and the answers are read under "
                    "Forms. If answers are sent by email only, the email holds them all, and "
                    "at least one address is needed.",
                ),
                FieldRowPanel(
                    [
                        FieldPanel(
                            "from_address",
                            help_text="Optional: the address the notice comes from; leave blank "
                            "for the site's usual one.",
                        ),
                        FieldPanel(
                            "subject",
                            help_text="Optional: the notice's subject line; by default 'New "
                            "message from the form' and the page's title.",
                        ),
                    ]
                ),
            ],
            heading="Email",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("thank_you_text"), APIField("form_fields")]

    class Meta:
        verbose_name = "form page"

    @property
    def stores_answers(self):
        return self.answers == AnswerKeeping.STORE

    def clean(self):
        super().clean()
        if not self.stores_answers and not self.to_address.strip():
            raise ValidationError(
                {
                    "to_address": "Answers sent by email only need somewhere to go: please enter "
                    "at least one email address, or choose to keep the answers on this website."
                }
            )

    @method_decorator(csrf_exempt)  # seen by cms.views.serve, which says why
    def serve(self, request, *args, **kwargs):
        """The form, the thank-you page after a valid post, or the form again with a message."""
        wait = request.method == "POST" and rate_limited(request)
        if wait:
            form = self.get_form(request.POST, page=self, user=request.user)
            response = self.too_many_posts(request, form, wait)
        else:
            try:
                response = super().serve(request, *args, **kwargs)
            except NotSent as not_sent:
                response = self.form_again(request, not_sent.form, status=200, not_sent=True)
        if request.method == "POST":
            add_never_cache_headers(response)  # it shows the visitor's answers or thanks them
        return response

    def privacy_lines(self):
        """The standard privacy notice beside the form (what is kept, for how long), translated."""
        if self.stores_answers:
            kept = ngettext(
                "Your answers and the date you sent them are kept on this website for %(days)s "
                "day, then deleted. Only the volunteers who look after our forms can read them, "
                "so that one of them can reply.",
                "Your answers and the date you sent them are kept on this website for %(days)s "
                "days, then deleted. Only the volunteers who look after our forms can read them, "
                "so that one of them can reply.",
                self.keep_days,
            ) % {"days": self.keep_days}
        else:
            kept = gettext(
                "Your answers are emailed to the volunteers who look after this form, so that "
                "one of them can reply, and are not kept on this website."
            )
        return [kept, gettext("We do not record your IP address and we use no trackers.")]

    def process_form_submission(self, form):
        """Keep the answers and send the notice, or, for an email-only form, only send them."""
        if self.stores_answers:
            return super().process_form_submission(form)
        send_or_raise(
            self.email_subject(),
            self.render_email(form),
            self.email_addresses(),
            self.from_address,
            about=f"the answers sent through form {self.title!r}",
            form=form,
        )
        return None

    def send_mail(self, form):
        """Tell the volunteers a message arrived; a mail failure is logged, never shown."""
        send_or_log(
            self.email_subject(),
            self.render_email(form),
            self.email_addresses(),
            self.from_address,
            about=f"the notice for form {self.title!r}",
        )

    def email_subject(self):
        return self.subject or f"New message from the form '{self.title}'"

    def email_addresses(self):
        return [address.strip() for address in self.to_address.split(",")]

    def render_email(self, form):
        """The answers themselves for an email-only form; otherwise only where to read them."""
        receipt = f"Message number: {form.receipt}\n"
        if not self.stores_answers:
            return (
                f"Someone sent the form '{self.title}' on the website. Their answers are below "
                f"and are not kept on the website.\n\n{super().render_email(form)}\n\n{receipt}"
            )
        url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") + reverse(
            "wagtailforms:list_submissions", args=[self.pk]
        )
        return (
            f"Someone sent the form '{self.title}' on the website.\n\n"
            f"Read it in the admin (Form managers only): {url}\n{receipt}"
        )


def expired_submissions(now):
    """Answers past what their form chose: older than its days, or any at all if email-only."""
    expired = Q(page__formpage__answers=AnswerKeeping.EMAIL_ONLY)
    stored = FormPage.objects.filter(answers=AnswerKeeping.STORE)
    for page_id, days in stored.values_list("pk", "keep_days"):
        expired |= Q(page_id=page_id, submit_time__lt=now - timedelta(days=days))
    return FormSubmission.objects.filter(expired)
