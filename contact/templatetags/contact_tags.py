"""The newsletter signup form in every page's footer."""

from django import template

from contact.forms import NewsletterSignupForm
from contact.models import NewsletterPage

register = template.Library()


@register.inclusion_tag("components/newsletter_signup.html", takes_context=True)
def newsletter_signup(context):
    """The signup form, posting to the newsletter page; nothing without one, or on that page."""
    newsletter_page = NewsletterPage.objects.live().first()
    current = context.get("page")
    if newsletter_page is None or getattr(current, "pk", None) == newsletter_page.pk:
        return {}
    return {
        "newsletter_page": newsletter_page,
        "form": NewsletterSignupForm(auto_id="newsletter-%s"),
        "request": context.get("request"),
    }
