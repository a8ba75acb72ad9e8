"""API tokens follow the admin's rules: two-step sign-in where the role needs it, a lifetime, and
revocation on a new password, a two-step reset and leaving a group."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import APIToken, ModelLogEntry

from accounts.api_tokens import EXPIRED, NO_TWO_STEP
from tests.accounts.factories import TOTPDeviceFactory
from tests.home.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

WHOAMI = "/api/v3/whoami/"


@pytest.fixture
def member(django_user_model):
    """A new user in the named group (or a superuser), with no second step."""

    def make(group=None, superuser=False):
        user = django_user_model.objects.create_user(
            f"user-{django_user_model.objects.count()}", password="x", is_superuser=superuser
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        return user

    return make


def bearer(user):
    token, plaintext = APIToken.create_token(user=user, name="Front end")
    return token, {"Authorization": f"Bearer {plaintext}"}


def assert_refused(response, detail):
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"] == detail


ROLES_NEEDING_TWO_STEP = [("Moderators", False), ("Form managers", False), (None, True)]


@pytest.mark.parametrize("group, superuser", ROLES_NEEDING_TWO_STEP)
def test_token_of_a_role_needing_two_step_is_refused_until_it_is_set_up(
    client, member, group, superuser
):
    user = member(group, superuser)
    _, headers = bearer(user)

    assert_refused(client.get(WHOAMI, headers=headers), NO_TWO_STEP)
    TOTPDeviceFactory(user=user, confirmed=False)  # begun, not finished
    assert_refused(client.get(WHOAMI, headers=headers), NO_TWO_STEP)

    TOTPDeviceFactory(user=user)
    response = client.get(WHOAMI, headers=headers)
    assert response.status_code == 200
    assert response.json()["user"]["username"] == user.username


def test_moderator_without_two_step_cannot_publish_or_unpublish_with_a_token(
    client, member, home_page
):
    draft = ContentPageFactory(parent=home_page, live=False)
    live = ContentPageFactory(parent=home_page)
    _, headers = bearer(member("Moderators"))

    for page, action in ((draft, "publish"), (live, "unpublish")):
        url = f"/api/v3/pages/{page.pk}/actions/{action}/"
        response = client.post(url, "{}", content_type="application/json", headers=headers)
        assert_refused(response, NO_TWO_STEP)

    draft.refresh_from_db()
    live.refresh_from_db()
    assert (draft.live, live.live) == (False, True)


def test_superuser_without_two_step_cannot_change_sites_or_redirects_with_a_token(
    client, member, home_page
):
    _, headers = bearer(member(superuser=True))
    site = home_page.get_site()

    response = client.put(
        f"/api/v3/sites/{site.pk}/",
        {"hostname": "elsewhere.example", "port": 80, "root_page": home_page.pk},
        content_type="application/json",
        headers=headers,
    )

    assert_refused(response, NO_TWO_STEP)
    site.refresh_from_db()
    assert site.hostname != "elsewhere.example"
    response = client.post(
        "/api/v3/redirects/",
        {"old_path": "/en/login", "redirect_link": "https://elsewhere.example/"},
        content_type="application/json",
        headers={"Authorization": headers["Authorization"].replace("Bearer", "bearer")},
    )
    assert_refused(response, NO_TWO_STEP)
    assert not Redirect.objects.exists()


def test_editor_token_works_without_two_step(client, member):
    _, headers = bearer(member("Editors"))
    assert client.get(WHOAMI, headers=headers).status_code == 200


def test_public_reads_without_a_token_or_with_an_unknown_one_are_unchanged(client, home_page):
    assert client.get("/api/v3/pages/").status_code == 200
    unknown = {"Authorization": "Bearer wagtail_nothing"}
    assert client.get("/api/v3/pages/", headers=unknown).status_code == 200
    assert client.get(WHOAMI, headers=unknown).status_code == 401


def test_token_expires_after_its_lifetime(client, member, settings):
    settings.API_TOKEN_MAX_AGE_DAYS = 30
    _, headers = bearer(member("Editors"))
    made = timezone.now()

    with time_machine.travel(made + timedelta(days=29, hours=23)):
        assert client.get(WHOAMI, headers=headers).status_code == 200
    with time_machine.travel(made + timedelta(days=30)):
        assert_refused(client.get(WHOAMI, headers=headers), EXPIRED.format(days=30))


def test_default_lifetime_is_90_days():
    assert django_settings.API_TOKEN_MAX_AGE_DAYS == 90


def assert_revoked(token, source):
    token.refresh_from_db()
    assert token.revoked_at is not None
    log = ModelLogEntry.objects.filter(object_id=str(token.pk)).get()
    assert (log.action, log.data["source"]) == ("wagtail.apitoken.revoke", source)


def test_a_new_password_revokes_the_users_tokens_and_nobody_elses(client, member):
    user, other = member("Editors"), member("Editors")
    token, headers = bearer(user)
    others_token, _ = bearer(other)

    user.set_password("a new password")
    user.save()

    assert_revoked(token, "password_change")
    assert client.get(WHOAMI, headers=headers).status_code == 401
    others_token.refresh_from_db()
    assert others_token.revoked_at is None


def test_saving_a_user_without_a_new_password_keeps_their_tokens(member):
    user = member("Editors")
    token, _ = bearer(user)

    user.first_name = "Sam"
    user.save()
    user.last_login = timezone.now()
    user.save(update_fields=["last_login"])

    token.refresh_from_db()
    assert token.revoked_at is None


def test_resetting_two_step_revokes_the_users_tokens(member):
    user = member("Form managers")
    TOTPDeviceFactory(user=user)
    token, _ = bearer(user)
    out = io.StringIO()

    call_command("reset_two_step", user.username, stdout=out)

    assert "Their API tokens are revoked." in out.getvalue()
    assert_revoked(token, "reset_two_step")


@pytest.mark.parametrize(
    "leave",
    [
        lambda user, group: user.groups.remove(group),
        lambda user, group: user.groups.set([]),
        lambda user, group: user.groups.clear(),
        lambda user, group: group.user_set.remove(user),
        lambda user, group: group.user_set.clear(),
    ],
)
def test_leaving_a_group_revokes_the_users_tokens(member, leave):
    user = member("Moderators")
    TOTPDeviceFactory(user=user)
    token, _ = bearer(user)

    leave(user, Group.objects.get(name="Moderators"))

    assert_revoked(token, "left_group")


def test_joining_a_group_keeps_the_users_tokens(member):
    user = member("Editors")
    token, _ = bearer(user)

    user.groups.add(Group.objects.get(name="Moderators"))

    token.refresh_from_db()
    assert token.revoked_at is None


def test_no_longer_a_superuser_revokes_their_tokens(member):
    user = member(superuser=True)
    token, _ = bearer(user)

    user.is_superuser = False
    user.save()

    assert_revoked(token, "superuser_removed")
