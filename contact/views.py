"""The views behind the visitor forms, which carry no CSRF token so that their pages can be cached.

A page cached for everyone cannot hold each visitor's CSRF token, and a forged post gains an
attacker nothing they could not get by posting directly: an inquiry is only stored, a signup only
gets a confirmation link (double opt-in), and the honeypot, time token and rate limit still apply.
So form pages, the newsletter page's signup and the footer's signup are CSRF-exempt, and nothing
else is (cms.views.serve checks the other pages): the admin, the API, the newsletter's confirm and
unsubscribe buttons and every other page keep the check.
"""

from django.http import Http404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from contact.models import NewsletterPage


@csrf_exempt
@require_POST
def footer_signup(request):
    """A signup from any page's footer, handled as the newsletter page's own form."""
    newsletter_page = NewsletterPage.objects.live().first()
    if newsletter_page is None:
        raise Http404("There is no newsletter page.")
    return newsletter_page.sign_up(request)
