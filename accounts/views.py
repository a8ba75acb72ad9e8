"""The admin's two-step sign-in pages: set up an authenticator app or a passkey, and use one after
the password."""

from urllib.parse import urlencode

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from accounts.forms import CodeForm, PasskeyNameForm, sign_in_code_form
from accounts.passkeys import passkeys_of, passkeys_work_here
from accounts.two_step import (
    has_app,
    has_recovery_codes,
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
    """Scan the QR code (or type the key) and type a code, or add a passkey; once on, what can be
    done: passkeys, recovery codes, turning it off."""
    user = request.user
    unnamed = passkeys_of(user).filter(name="").first()
    if unnamed:  # just added: the page reloads after adding one, and asks for its name first
        return redirect(with_next(reverse("accounts_passkey", args=[unnamed.pk]), request))
    if has_two_step(user):
        context = {
            "title": "Two-step sign-in",
            "may_turn_off": not must_use_two_step(user),
            "has_app": has_app(user),
            "has_recovery_codes": has_recovery_codes(user),
            "passkeys": passkeys_of(user),
            "passkeys_work_here": passkeys_work_here(request),
        }
        return TemplateResponse(request, "accounts/two_step_on.html", context)
    return set_up_app(request, title="Set up two-step sign-in")


@never_cache
def add_app(request):
    """An authenticator app beside passkeys, for a volunteer who began with a passkey."""
    if has_app(request.user):
        return redirect("accounts_two_step_setup")
    return set_up_app(request, title="Set up an authenticator app")


def set_up_app(request, title):
    """Scan the QR code (or type the key), then a code to confirm; the first step brings the
    recovery codes."""
    user = request.user
    device = unconfirmed_app(user)
    form = CodeForm([device], data=request.POST or None)
    if form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        if has_recovery_codes(user):
            messages.success(
                request, "Your authenticator app is set up: its codes sign you in too."
            )
            return redirect("accounts_two_step_setup")
        return recovery_codes_page(request, new_recovery_codes(user), first_time=True)
    context = {
        "title": title,
        "first_step": not has_two_step(user),
        "form": form,
        "qr_code": qr_code_svg(device),
        "key": manual_key(device),
        "required": must_use_two_step(user),
        "next": safe_next(request),
        "passkeys_work_here": passkeys_work_here(request),
    }
    return TemplateResponse(request, "accounts/two_step_setup.html", context)


@never_cache
def verify(request):
    """The second step of signing in: a passkey, a code from the app, or a recovery code (used up)."""
    user = request.user
    form = sign_in_code_form(user, data=request.POST or None)
    if form.is_valid():
        otp_login(request, form.device)
        return redirect(safe_next(request))
    # At an IP address (in development) browsers refuse passkeys: the code alone is offered.
    has_passkey = passkeys_work_here(request) and passkeys_of(user).exists()
    context = {
        "title": "Use your passkey" if has_passkey else "Type your code",
        "form": form,
        "next": safe_next(request),
        "has_passkey": has_passkey,
        "has_app": has_app(user),
        "passkeys_work_here": has_passkey,
    }
    return TemplateResponse(request, "accounts/two_step_verify.html", context)


@never_cache
def name_passkey(request, pk):
    """Name a passkey, just added (the first one leads on to the recovery codes), or rename it."""
    user = request.user
    passkey = get_object_or_404(passkeys_of(user), pk=pk)
    is_new = not passkey.name
    form = PasskeyNameForm(request.POST or None, instance=passkey)
    if form.is_valid():
        form.save()
        if not has_recovery_codes(user):
            return recovery_codes_page(request, new_recovery_codes(user), first_time=True)
        messages.success(request, f"Your passkey is called “{passkey.name}”.")
        return redirect("accounts_two_step_setup")
    context = {
        "title": "Name your new passkey" if is_new else "Rename your passkey",
        "form": form,
        "is_new": is_new,
        "next": safe_next(request),
    }
    return TemplateResponse(request, "accounts/passkey_name.html", context)


@require_POST
def remove_passkey(request, pk):
    """Remove a lost or old passkey; never the last way in that a volunteer's role needs."""
    user = request.user
    passkey = get_object_or_404(passkeys_of(user), pk=pk)
    keeps_another = has_app(user) or passkeys_of(user).exclude(pk=pk).exists()
    if not keeps_another and must_use_two_step(user):
        messages.error(
            request,
            f"“{passkey.name}” is your only passkey and you have no authenticator app, "
            "and your role needs two-step sign-in: add another passkey or an app first, then "
            "remove this one.",
        )
        return redirect("accounts_two_step_setup")
    passkey.delete()
    if keeps_another:
        messages.success(request, f"“{passkey.name}” is removed: it no longer signs you in.")
        return redirect("accounts_two_step_setup")
    remove_two_step(user)  # the recovery codes alone would be no second step
    messages.success(
        request,
        "That was your last passkey, so two-step sign-in is off. Your password alone now signs you in.",
    )
    return redirect("wagtailadmin_account")


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


def with_next(url, request):
    return f"{url}?{urlencode({'next': safe_next(request)})}"


def safe_next(request):
    """Where the volunteer was going, if it is on this site; the admin's home otherwise."""
    target = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")
