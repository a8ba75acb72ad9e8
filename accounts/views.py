"""The admin's two-step sign-in pages: set up an authenticator app, and type its code after the password."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from accounts.forms import CodeForm, sign_in_code_form
from accounts.two_step import (
    has_two_step,
    manual_key,
    must_use_two_step,
    new_recovery_codes,
    qr_code_svg,
    remove_two_step,
    unconfirmed_app,
)


@never_cache
def setup(request):
    """Scan the QR code (or type the key), then a code to confirm; or, once on, what can be done."""
    user = request.user
    if has_two_step(user):
        return TemplateResponse(
            request,
            "accounts/two_step_on.html",
            {"title": "Two-step sign-in", "may_turn_off": not must_use_two_step(user)},
        )
    device = unconfirmed_app(user)
    form = CodeForm([device], data=request.POST or None)
    if form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return recovery_codes_page(request, new_recovery_codes(user), first_time=True)
    context = {
        "title": "Set up two-step sign-in",
        "form": form,
        "qr_code": qr_code_svg(device),
        "key": manual_key(device),
        "required": must_use_two_step(user),
        "next": safe_next(request),
    }
    return TemplateResponse(request, "accounts/two_step_setup.html", context)


@never_cache
def verify(request):
    """The second step of signing in: a code from the app, or a recovery code (used up)."""
    form = sign_in_code_form(request.user, data=request.POST or None)
    if form.is_valid():
        otp_login(request, form.device)
        return redirect(safe_next(request))
    context = {"title": "Type your code", "form": form, "next": safe_next(request)}
    return TemplateResponse(request, "accounts/two_step_verify.html", context)


@never_cache
@require_POST
def replace_recovery_codes(request):
    """New recovery codes, shown once; the old ones stop working."""
    return recovery_codes_page(request, new_recovery_codes(request.user), first_time=False)


@require_POST
def turn_off(request):
    """Volunteers who may go without it (Editors) can turn it off again."""
    if must_use_two_step(request.user):
        messages.error(request, "Your role needs two-step sign-in, so it stays on.")
        return redirect("accounts_two_step_setup")
    remove_two_step(request.user)
    messages.success(request, "Two-step sign-in is off. Your password alone now signs you in.")
    return redirect("wagtailadmin_account")


def recovery_codes_page(request, codes, first_time):
    context = {
        "title": "Your recovery codes",
        "codes": codes,
        "first_time": first_time,
        "next": safe_next(request),
    }
    return TemplateResponse(request, "accounts/recovery_codes.html", context)


def safe_next(request):
    """Where the volunteer was going, if it is on this site; the admin's home otherwise."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")
