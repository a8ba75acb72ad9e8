"""/api/v3/forms/ and /api/v3/newsletter/: the visitor forms, for a front end on another site.

The same forms as the HTML pages (contact.forms), so the same questions, checks, spam protection,
rate limit, email and keeping of answers (contact.models): only the envelope is JSON. Posts take
`application/json` only, which a plain HTML form on another site cannot send, and set no cookie;
which other sites may post from a browser is cms.api.cors's business.
"""

import json

from django.conf import settings
from django.http import Http404
from django.utils.translation import gettext, ngettext
from ninja import Query, Router, Status
from ninja.errors import HttpError
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import PROBLEM_JSON
from wagtail.rich_text import expand_db_html

from cms.api.languages import answer_in
from cms.api.pages import site_pages
from cms.conf import app_settings
from contact.api.definitions import FormOut, ReceiptOut, SubscriptionOut, definition
from contact.api.posts import (
    FormSubmissionIn,
    NewsletterSubscriptionIn,
    Refused,
    form_data,
    form_errors,
    read_body,
    request_body,
)
from contact.forms import NewsletterSignupForm
from contact.mail import NotSent
from contact.models import FormPage, NewsletterPage
from contact.protection import HONEYPOT, STARTED

router = Router(tags=["forms"], auth=AllowAnonymous())
newsletter_router = Router(tags=["forms"], auth=AllowAnonymous())

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
FormLocale = Query(
    None,
    description="The language of the texts and error messages: "
    + ", ".join(f"`{code}` ({name})" for code, name in settings.LANGUAGES)
    + ". By default, the form page's own.",
)
POST_ERRORS = {
    "400": "The body or `locale` is invalid, or an answer needs fixing: `errors` lists each, "
    "`loc` naming the field (`['answers', name]`, `['token']`, …), `msg` in the request's "
    "language.",
    "404": "There is no live, public form page with this id.",
    "415": "The body is not sent as `Content-Type: application/json`.",
    "429": "Too many posts from this address: `Retry-After` says how many seconds to wait.",
}


def problems(errors):
    """The OpenAPI answers of these problem statuses, as cms.api.openapi documents the others."""
    content = {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/ProblemDetail"}}}
    return {"responses": {s: {"description": d, "content": content} for s, d in errors.items()}}


@router.get(
    "/{int:page_id}/",
    response=FormOut,
    url_name="form_definition",
    operation_id="forms_detail",
    summary="A form's definition",
    openapi_extra=problems(
        {
            "400": "`locale` is not one of the site's languages.",
            "404": "There is no live, public form page (or newsletter page) with this id.",
        }
    ),
)
def form_definition(request, page_id: int, locale: str | None = FormLocale):
    """What a front end needs to render a form page's form, or the newsletter page's signup:
    its questions, privacy notice and spam protection. With `locale=fr`, the page's French
    translation where there is one (its `id` and `submit_url` are then the translation's)."""
    page = live_page(request, page_id, (FormPage, NewsletterPage))
    language = answer_language(locale, page)
    return definition(translation_of(request, page, language))


@router.post(
    "/{int:page_id}/submissions/",
    response={201: ReceiptOut},
    url_name="form_submissions",
    operation_id="forms_submit",
    summary="Send a form",
    openapi_extra={
        **request_body(FormSubmissionIn),
        **problems(
            {
                **POST_ERRORS,
                "503": "The form emails its answers and keeps none, and the email could not be "
                "sent: nothing reached anyone. `detail` asks the visitor to try again later.",
            }
        ),
    },
)
def submit_form(request, page_id: int, locale: str | None = FormLocale):
    """Send a visitor's answers: checked, protected, emailed and kept exactly as on the form's
    page. What a robot fills in the trap field is thanked alike, and dropped."""
    page = live_page(request, page_id, (FormPage,))
    answer_language(locale, page)
    try:
        form = filled_in_form(request, page)
    except Refused as refused:
        return refused.response()
    if form.is_valid():  # else a robot filled in the trap: it is thanked alike, nothing is kept
        try:
            page.process_form_submission(form)
        except NotSent:
            return Refused(503, not_sent_detail()).response()
    thank_you_text = expand_db_html(page.thank_you_text)
    return Status(201, {"receipt": form.receipt, "thank_you_text": thank_you_text})


def filled_in_form(request, page):
    """The page's form filled in from the post's JSON body and checked; Refused if the body or an
    answer is wrong (not if only the trap is filled in)."""
    body = read_body(request, FormSubmissionIn)
    types = {field.clean_name: field.field_type for field in page.get_form_fields()}
    data, errors = form_data(body.answers, types, body.token, body.honeypot)
    form = page.get_form(data, page=page, user=request.user)
    valid = form.is_valid()
    if not form.caught_by_honeypot and (errors or not valid):
        named = [error["loc"] for error in errors]  # a left-out answer is not also 'missing'
        errors += [e for e in form_errors(form, ["answers"]) if e["loc"] not in named]
        raise Refused(400, gettext("Please check your answers"), errors)
    return form


@newsletter_router.post(
    "/subscriptions/",
    response={202: SubscriptionOut},
    url_name="newsletter_subscriptions",
    operation_id="newsletter_subscribe",
    summary="Sign up for the newsletter",
    openapi_extra={
        **request_body(NewsletterSubscriptionIn),
        **problems(
            {
                **POST_ERRORS,
                "400": "The body is invalid or a field needs fixing: `errors` lists each, `loc` "
                "naming the field (`['email']`, `['consent']`, `['token']`, …), `msg` in the "
                "body's `language`.",
                "404": "The site has no newsletter page.",
            }
        ),
    },
)
def subscribe(request):
    """Double opt-in, as on the newsletter page: the address is sent a link to confirm, and counts
    only once it is confirmed. The answer is the same whether it was subscribed already or not."""
    answer_in(language_asked(request))
    try:
        body = read_body(request, NewsletterSubscriptionIn)
    except Refused as refused:
        return refused.response()
    page = newsletter_page(request, body.language)
    data = {"email": body.email, "consent": body.consent, STARTED: body.token}
    form = NewsletterSignupForm({**data, HONEYPOT: body.honeypot})
    if form.is_valid():
        page.send_confirmation(request, form.cleaned_data["email"])
    elif not form.caught_by_honeypot:
        return Refused(400, gettext("Please check your answers"), form_errors(form)).response()
    days = app_settings.NEWSLETTER_CONFIRMATION_DAYS
    return Status(202, {"detail": check_your_email(days), "confirmation_days": days})


def live_page(request, page_id, models):
    """The live, public page of one of these types on the request's site; else 404."""
    page = site_pages(request).filter(pk=page_id).type(*models).specific().first()
    if page is None:
        raise Http404(f"There is no form with the id {page_id}.")
    return page


def answer_language(locale, page):
    """Answer in `locale`, by default in the page's own language; 400 for an unknown one."""
    if locale is not None and locale not in LANGUAGE_CODES:
        raise HttpError(400, f"locale: {locale!r} is not one of {', '.join(LANGUAGE_CODES)}.")
    language = locale or page.locale.language_code
    answer_in(language)
    return language


def translation_of(request, page, language):
    """The page's live translation into the language, else the page itself."""
    translations = site_pages(request).filter(translation_key=page.translation_key)
    return translations.filter(locale__language_code=language).specific().first() or page


def newsletter_page(request, language):
    """The site's newsletter page in the language, else in the site's first; 404 if none."""
    pages = site_pages(request).type(NewsletterPage).specific()
    for code in (language, settings.LANGUAGE_CODE):
        page = pages.filter(locale__language_code=code).first()
        if page:
            return page
    raise Http404("The site has no newsletter page.")


def language_asked(request):
    """The body's `language`, read first so that even a refusal of the body is in it."""
    try:
        language = json.loads(request.body).get("language")
    except (ValueError, AttributeError):
        language = None
    return language if language in LANGUAGE_CODES else settings.LANGUAGE_CODE


def not_sent_detail():
    return " ".join(
        [
            gettext(
                "Our email is not working just now, and this form keeps nothing on the "
                "website, so your message has not reached anyone."
            ),
            gettext("Please try again later."),
        ]
    )


def check_your_email(days):
    return ngettext(
        "We have sent you an email with a link. Open it within %(days)s day to confirm you "
        "want the newsletter; until then you are not signed up.",
        "We have sent you an email with a link. Open it within %(days)s days to confirm you "
        "want the newsletter; until then you are not signed up.",
        days,
    ) % {"days": days}
