"""The newsletter signup form in every page's footer."""

from django import template

from cms.caching import cached
from contact.forms import NewsletterSignupForm
from contact.models import NewsletterPage

register = template.Library()


@register.inclusion_tag("contact/components/newsletter_signup.html", takes_context=True)
def newsletter_signup(context):
    """The signup form, posting to the newsletter page; nothing without one, or on that page."""
    newsletter_page = live_newsletter_page()
    current = context.get("page")
    if newsletter_page is None or getattr(current, "pk", None) == newsletter_page.pk:
        return {}
    return {
        "newsletter_page": newsletter_page,
        "form": NewsletterSignupForm(auto_id="newsletter-%s"),
        "request": context.get("request"),
    }


def live_newsletter_page():
    """The live newsletter page, or None; kept (cms.caching)."""
    return cached("contact:newsletter-page", make=lambda: NewsletterPage.objects.live().first())
