"""Two-step sign-in: who must use it, setting it up alone, the code after the password, resets."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.accounts.factories import TOTPDeviceFactory, current_code

pytestmark = pytest.mark.django_db

SETUP = "/admin/two-step/"
CODE = "/admin/two-step/code/"


@pytest.fixture
def volunteer(django_user_model):
    """A signed-in client for a new volunteer in the named group (or a superuser): password only."""

    def make(client, group=None, superuser=False):
        user = django_user_model.objects.create_user(
            f"user-{django_user_model.objects.count()}", password="x", is_superuser=superuser
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return user

    return make


def test_editor_without_two_step_uses_the_admin_as_before(client, volunteer):
    volunteer(client, "Editors")
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "group, superuser", [("Moderators", False), ("Form managers", False), (None, True)]
)
def test_roles_that_need_it_are_sent_to_set_it_up_first(client, volunteer, group, superuser):
    volunteer(client, group, superuser)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2Fpages%2F"
    assert client.get(response["Location"]).status_code == 200
    assert client.get("/admin/login/").status_code in (200, 302)  # open: Wagtail's own answer
    assert client.post("/admin/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_public_pages_and_the_api_are_untouched(client, volunteer, home_page):
    volunteer(client, "Moderators")
    assert client.get("/en/").status_code == 200
    assert client.get("/api/v3/pages/").status_code == 200


def test_anyone_with_an_app_types_its_code_before_the_admin(client, volunteer):
    user = volunteer(client, "Editors")
    device = TOTPDeviceFactory(user=user)
    response = client.get("/admin/pages/")
    assert response["Location"] == f"{CODE}?next=%2Fadmin%2Fpages%2F"
    assert client.get(SETUP)["Location"].startswith(CODE)  # no second app without the first's code
    typed = client.post(CODE, {"code": current_code(device), "next": "/admin/pages/"})
    assert typed["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_wrong_code_is_refused_and_the_next_try_must_wait(client, volunteer):
    device = TOTPDeviceFactory(user=volunteer(client, "Moderators"))
    wrong = client.post(CODE, {"code": "000000" if current_code(device) != "000000" else "111111"})
    assert "That code is not right." in wrong.content.decode()
    right_too_soon = client.post(CODE, {"code": current_code(device)})
    assert "Too many wrong codes in a row. Please wait a minute" in right_too_soon.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_code_page_never_sends_anyone_to_another_site(client, volunteer):
    device = TOTPDeviceFactory(user=volunteer(client, "Moderators"))
    typed = client.post(CODE, {"code": current_code(device), "next": "https://example.com/"})
    assert typed["Location"] == "/admin/"


def test_volunteer_sets_it_up_alone_and_gets_ten_single_use_recovery_codes(
    client, volunteer, settings
):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no wait after the wrong code (tested above)
    user = volunteer(client, "Moderators")
    page = client.get(SETUP).content.decode()
    assert "<svg" in page  # the QR code
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    key = re.search(r'class="two-step__key"[^>]*>([A-Z2-7 ]+)<', page).group(1)
    assert len(key.replace(" ", "")) == 32
    wrong = client.post(SETUP, {"code": "12345"})
    assert "That code is not right." in wrong.content.decode()
    assert not user_has_device(user)
    done = client.post(SETUP, {"code": current_code(device)}).content.decode()
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done)
    assert len(set(codes)) == 10
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(user)
    assert client.post(CODE, {"code": codes[0]}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.logout()
    client.force_login(user)
    assert "That code is not right." in client.post(CODE, {"code": codes[0]}).content.decode()
    assert StaticToken.objects.count() == 9


def test_the_account_page_leads_to_it_and_then_offers_new_codes(admin_client):
    account = admin_client.get("/admin/account/").content.decode()
    assert f'href="{SETUP}"' in account and "Two-step sign-in" in account
    page = admin_client.get(SETUP).content.decode()
    assert "Two-step sign-in is on" in page
    assert "Turn off" not in page  # superusers must keep it
    codes = admin_client.post("/admin/two-step/recovery-codes/").content.decode()
    assert len(re.findall(r"<li><code>", codes)) == 10


def test_an_editor_may_turn_it_off_and_a_moderator_may_not(client, signed_in_as):
    editor = signed_in_as("Editors")
    editor.post("/admin/two-step/turn-off/")
    assert not user_has_device(editor.get("/admin/").wsgi_request.user)
    moderator = signed_in_as("Moderators")
    moderator.post("/admin/two-step/turn-off/")
    assert user_has_device(moderator.get("/admin/").wsgi_request.user)


def reset(*args):
    out = io.StringIO()
    call_command("reset_two_step", *args, stdout=out)
    return out.getvalue()


def test_an_administrator_resets_a_lost_phone(django_user_model):
    user = django_user_model.objects.create_user("sam", password="x")
    user.groups.add(Group.objects.get(name="Form managers"))
    TOTPDeviceFactory(user=user)
    assert "set it up again when they next sign in" in reset("sam")
    assert not user_has_device(user, confirmed=None)


def test_resetting_an_unknown_user_changes_nothing_and_says_so(django_user_model):
    with pytest.raises(CommandError, match="There is no user called 'nobody'; nothing was changed"):
        reset("nobody")


def test_the_pages_every_admin_page_needs_stay_open_before_the_code(client, volunteer):
    volunteer(client, "Moderators")
    for path in ("/admin/sprite/", "/admin/jsi18n/"):
        assert client.get(path).status_code == 200, path
