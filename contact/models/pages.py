"""Form pages built by volunteers with Wagtail's form builder."""

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.csrf import csrf_exempt
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from cms.blocks import PARAGRAPH_FEATURES
from cms.caching import CachedPrivacyMixin
from contact.forms import ContactFormBuilder
from contact.mail import send_or_log
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
        context["retention_days"] = settings.FORM_SUBMISSION_RETENTION_DAYS
        context["confirmation_days"] = settings.NEWSLETTER_CONFIRMATION_DAYS
        return context

    def too_many_posts(self, request, form):
        """The page again, answers kept, with a 429 status and a 'please wait' message."""
        context = self.get_context(request)
        context.update(form=form, rate_limited=True)
        return TemplateResponse(request, self.get_template(request), context, status=429)


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
            [
                FieldPanel(
                    "to_address",
                    heading="Send a notice to",
                    help_text="Optional: email addresses told when someone sends the form "
                    "(separate several with commas). The notice says only that a message "
                    "arrived; its answers stay in the admin, under Forms.",
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
            heading="Email notice",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("intro")]
    api_fields = [APIField("intro"), APIField("thank_you_text"), APIField("form_fields")]

    class Meta:
        verbose_name = "form page"

    @method_decorator(csrf_exempt)  # seen by contact.views.serve_page, which says why
    def serve(self, request, *args, **kwargs):
        """The form, the thank-you page after a valid post, or the form again with its errors."""
        if request.method == "POST" and rate_limited(request):
            form = self.get_form(request.POST, page=self, user=request.user)
            return self.too_many_posts(request, form)
        return super().serve(request, *args, **kwargs)

    def send_mail(self, form):
        """Tell the volunteers a message arrived; a mail failure is logged, never shown."""
        addresses = [address.strip() for address in self.to_address.split(",")]
        subject = self.subject or f"New message from the form '{self.title}'"
        send_or_log(
            subject,
            self.render_email(form),
            addresses,
            self.from_address,
            about=f"the notice for form {self.title!r}",
        )

    def render_email(self, form):
        """The notice: where to read the message, without its answers (they may be private)."""
        url = settings.WAGTAILADMIN_BASE_URL + reverse(
            "wagtailforms:list_submissions", args=[self.pk]
        )
        return (
            f"Someone sent the form '{self.title}' on the website.\n\n"
            f"Read it in the admin (Form managers only): {url}\n"
        )
