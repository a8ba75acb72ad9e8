"""The footer's newsletter signup, which carries no CSRF token so that pages showing it can be cached."""

from django.http import Http404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from contact.models import NewsletterPage


@csrf_exempt
@require_POST
def footer_signup(request):
    """A signup from any page's footer, handled as the newsletter page's own form.

    A page cached for everyone cannot hold each visitor's CSRF token, and a forged signup gains an
    attacker nothing: the address only gets a confirmation link (double opt-in), and the honeypot,
    time token and rate limit apply as on the newsletter page, whose own form keeps its token.
    """
    newsletter_page = NewsletterPage.objects.live().first()
    if newsletter_page is None:
        raise Http404("There is no newsletter page.")
    return newsletter_page.sign_up(request)
