"""API tokens (Wagtail's v3 bearer tokens, Settings → API tokens) held to the admin's rules.

A token is refused while its user's role needs two-step sign-in that they have not set up, and once
it is older than API_TOKEN_MAX_AGE_DAYS; a user's tokens are revoked when their password changes,
when their two-step sign-in is reset, and when they leave a group or stop being a superuser.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, pre_save
from django.utils import timezone
from wagtail.api.v3.errors import problem_response
from wagtail.log_actions import log
from wagtail.models import APIToken

from accounts.two_step import has_two_step, must_use_two_step

API_PREFIX = "/api/v3/"
EXPIRED = (
    "This API token has expired: tokens work for {days} days. Ask an administrator for a new one "
    "(Settings → API tokens)."
)
NO_TWO_STEP = (
    "This API token's user must set up two-step sign-in in the admin before their tokens work."
)


class APITokenRulesMiddleware:
    """Answers 401 to a v3 request whose bearer token the site refuses, before Wagtail's
    BearerTokenAuth accepts it: each v3 route makes its own BearerTokenAuth, with no setting to
    choose another class."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(API_PREFIX):
            reason = refusal(request.headers.get("Authorization", ""))
            if reason:
                return problem_response(status=401, detail=reason)
        return self.get_response(request)


def refusal(authorization):
    """Why the site refuses the token in this Authorization header, in words, or None."""
    scheme, _, key = authorization.partition(" ")  # split as django-ninja's HttpBearer does
    if scheme.lower() != "bearer" or not key:
        return None
    token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(key), revoked_at__isnull=True)
        .first()
    )
    if token is None:  # unknown or revoked: Wagtail answers that itself
        return None
    days = settings.API_TOKEN_MAX_AGE_DAYS
    if token.created <= timezone.now() - timedelta(days=days):
        return EXPIRED.format(days=days)
    if must_use_two_step(token.user) and not has_two_step(token.user):
        return NO_TWO_STEP
    return None


def revoke_tokens(users, reason):
    """Revoke the users' working tokens, each noted in its history as a revoke in the admin is."""
    for token in APIToken.objects.filter(user__in=users, revoked_at__isnull=True):
        token.revoke()
        log(token, "wagtail.apitoken.revoke", data={"source": reason})


def revoke_on_new_password_or_lost_superuser(sender, instance, raw, update_fields, **kwargs):
    watched = {"password", "is_superuser"}
    if raw or instance.pk is None or (update_fields and watched.isdisjoint(update_fields)):
        return
    before = sender.objects.filter(pk=instance.pk).values(*watched).first()
    if before is None:
        return
    if before["password"] != instance.password:
        revoke_tokens([instance], "password_change")
    elif before["is_superuser"] and not instance.is_superuser:
        revoke_tokens([instance], "superuser_removed")


def revoke_on_leaving_a_group(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("pre_remove", "pre_clear"):
        return
    if not reverse:  # user.groups.remove(...) or .clear()
        users = [instance]
    elif action == "pre_clear":  # group.user_set.clear()
        users = instance.user_set.all()
    else:
        users = get_user_model().objects.filter(pk__in=pk_set)
    revoke_tokens(users, "left_group")


def connect():
    user_model = get_user_model()
    pre_save.connect(
        revoke_on_new_password_or_lost_superuser,
        sender=user_model,
        dispatch_uid="accounts-tokens-password",
    )
    m2m_changed.connect(
        revoke_on_leaving_a_group,
        sender=user_model.groups.through,
        dispatch_uid="accounts-tokens-groups",
    )
