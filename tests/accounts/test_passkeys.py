"""Passkeys as the second step: adding, naming and removing them alone, signing in with them, and
the clear answers bad requests get. The ceremony itself runs in Chromium (tests/browser/)."""

import io
import json
import re
from base64 import urlsafe_b64encode

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from tests.accounts.factories import (
    PasskeyFactory,
    TOTPDeviceFactory,
    current_code,
    signed_in_with,
)

pytestmark = pytest.mark.django_db

SETUP = "/admin/two-step/"
CODE = "/admin/two-step/code/"
REGISTER_BEGIN = reverse("otp_webauthn:credential-registration-begin")
REGISTER_COMPLETE = reverse("otp_webauthn:credential-registration-complete")
SIGN_IN_BEGIN = reverse("otp_webauthn:credential-authentication-begin")
SIGN_IN_COMPLETE = reverse("otp_webauthn:credential-authentication-complete")


@pytest.fixture
def member(django_user_model):
    """A new volunteer in the named group, not signed in."""

    def make(group):
        user = django_user_model.objects.create_user(
            f"user-{django_user_model.objects.count()}", password="x"
        )
        user.groups.add(Group.objects.get(name=group))
        return user

    return make


def post_json(client, url, data):
    return client.post(url, json.dumps(data), content_type="application/json")


def b64(raw):
    return urlsafe_b64encode(raw).decode().rstrip("=")


def assertion_for(credential_id):
    """What a browser sends back after using a passkey, well formed but signed by no one."""
    return {
        "id": b64(credential_id),
        "rawId": b64(credential_id),
        "type": "public-key",
        "response": {
            "clientDataJSON": b64(b'{"type":"webauthn.get"}'),
            "authenticatorData": b64(bytes(37)),
            "signature": b64(bytes(64)),
        },
    }


def test_setup_page_offers_a_passkey_beside_the_app_and_says_what_needs_javascript(client, member):
    client.force_login(member("Moderators"))
    page = client.get(SETUP).content.decode()
    assert "Or use a passkey" in page and 'id="passkey-register-button"' in page
    assert "Adding a passkey needs JavaScript, which is off or blocked in this browser." in page
    assert "This browser cannot make passkeys." in page
    assert 'name="code"' in page  # the app's way stays
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert "/static/django_otp_webauthn/otp_webauthn_register.js" in scripts
    assert "/static/accounts/passkeys.js" in scripts
    assert all(src.startswith("/") for src in scripts), "every script comes from this site"


def test_a_passkey_belongs_to_the_host_name_or_to_passkey_domain(client, member, settings):
    client.force_login(member("Moderators"))
    options = client.post(REGISTER_BEGIN).json()
    assert options["rp"] == {"id": "testserver", "name": settings.WAGTAIL_SITE_NAME}
    settings.PASSKEY_DOMAIN = "example.org"
    assert client.post(REGISTER_BEGIN).json()["rp"]["id"] == "example.org"


def test_at_an_ip_address_passkeys_are_explained_and_the_code_offered(client, member):
    client.force_login(member("Moderators"))
    page = client.get(SETUP, HTTP_HOST="127.0.0.1:8000").content.decode()
    assert "Passkeys need the website's name in the address bar" in page
    assert "otp_webauthn_register.js" not in page
    user = member("Moderators")
    PasskeyFactory(user=user)
    client.force_login(user)
    page = client.get(CODE, HTTP_HOST="127.0.0.1:8000").content.decode()
    assert "<h1>Type your code</h1>" in page and "passkey-verification-button" not in page


def test_no_passkey_is_added_before_the_code_of_an_existing_app(client, member):
    user = member("Moderators")
    TOTPDeviceFactory(user=user)
    client.force_login(user)
    response = client.post(REGISTER_BEGIN)
    assert response.status_code == 302 and response["Location"].startswith(CODE)


def test_bad_registration_answers_say_what_went_wrong_and_add_nothing(client, member):
    client.force_login(member("Moderators"))
    not_begun = post_json(client, REGISTER_COMPLETE, {"id": "x"})
    assert not_begun.status_code == 400
    assert "Please begin the operation first" in not_begun.json()["detail"]
    garbled = client.post(REGISTER_COMPLETE, "{not json", content_type="application/json")
    assert garbled.status_code == 400
    assert garbled.json()["detail"] == "Malformed request. JSON not parsable."
    client.post(REGISTER_BEGIN)
    forged = post_json(client, REGISTER_COMPLETE, {"id": "x", "rawId": "x", "response": {}})
    assert forged.status_code == 422
    assert forged.json()["detail"] == "There is a problem with the provided JSON data."
    assert not WebAuthnCredential.objects.exists()


def test_after_the_password_the_passkey_is_offered_and_the_code_stays(client, member):
    user = member("Moderators")
    passkey = PasskeyFactory(user=user)
    client.force_login(user)
    response = client.get("/admin/pages/")
    assert response["Location"] == f"{CODE}?next=%2Fadmin%2Fpages%2F"  # not the setup page
    page = client.get(response["Location"]).content.decode()
    assert "<h1>Use your passkey</h1>" in page and 'id="passkey-verification-button"' in page
    assert "Signing in with a passkey needs JavaScript" in page
    assert 'name="code"' in page and "One of your recovery codes." in page
    options = client.post(SIGN_IN_BEGIN).json()
    assert [c["id"] for c in options["allowCredentials"]] == [b64(passkey.credential_id)]


def test_bad_sign_in_answers_say_what_went_wrong_and_open_nothing(client, member):
    user = member("Moderators")
    PasskeyFactory(user=user)
    someone_elses = PasskeyFactory(user=member("Editors"))
    client.force_login(user)
    not_begun = post_json(client, SIGN_IN_COMPLETE, assertion_for(b"unknown"))
    assert not_begun.status_code == 400
    client.post(SIGN_IN_BEGIN)
    unknown = post_json(client, SIGN_IN_COMPLETE, assertion_for(b"unknown"))
    assert unknown.status_code == 404
    assert "The Passkey you tried to use was not found" in unknown.json()["detail"]
    client.post(SIGN_IN_BEGIN)
    not_theirs = post_json(client, SIGN_IN_COMPLETE, assertion_for(someone_elses.credential_id))
    assert not_theirs.status_code == 403
    assert "does not belong to the currently logged-in user" in not_theirs.json()["detail"]
    assert client.get("/admin/")["Location"].startswith(CODE)


def test_a_passkey_never_signs_in_without_the_password(client):
    response = client.post(SIGN_IN_BEGIN)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_a_passkey_alone_meets_the_roles_requirement(client, member):
    signed_in_with(client, PasskeyFactory(user=member("Form managers")))
    assert client.get("/admin/").status_code == 200


def test_a_new_passkey_is_named_first_and_the_first_one_brings_recovery_codes(client, member):
    passkey = PasskeyFactory(user=member("Moderators"), name="")  # as the browser's button adds it
    signed_in_with(client, passkey)
    response = client.get(f"{SETUP}?next=/admin/pages/")
    assert (
        response["Location"] == f"/admin/two-step/passkeys/{passkey.pk}/?next=%2Fadmin%2Fpages%2F"
    )
    assert "<h1>Name your new passkey</h1>" in client.get(response["Location"]).content.decode()
    blank = client.post(response["Location"], {"name": "  "}).content.decode()
    assert "Please give the passkey a name." in blank
    done = client.post(response["Location"], {"name": "Work laptop", "next": "/admin/pages/"})
    assert len(re.findall(r"<li><code>", done.content.decode())) == 10
    assert 'href="/admin/pages/"' in done.content.decode()
    passkey.refresh_from_db()
    assert passkey.name == "Work laptop"
    listed = client.get(SETUP).content.decode()
    assert "<strong>Work laptop</strong>" in listed and "then a passkey." in listed


def test_renaming_keeps_the_recovery_codes(client, member):
    user = member("Editors")
    passkey = PasskeyFactory(user=user)
    signed_in_with(client, TOTPDeviceFactory(user=user))
    client.post("/admin/two-step/recovery-codes/")
    renamed = client.post(f"/admin/two-step/passkeys/{passkey.pk}/", {"name": "Old phone"})
    assert renamed["Location"] == SETUP
    assert "Your passkey is called “Old phone”." in client.get(SETUP).content.decode()


def test_the_last_way_in_a_role_needs_cannot_be_removed(client, member):
    user = member("Moderators")
    passkey = PasskeyFactory(user=user, name="Work laptop")
    signed_in_with(client, passkey)
    refused = client.post(f"/admin/two-step/passkeys/{passkey.pk}/remove/", follow=True)
    assert "“Work laptop” is your only passkey" in refused.content.decode()
    assert WebAuthnCredential.objects.filter(pk=passkey.pk).exists()
    other = PasskeyFactory(user=user, name="My phone")
    client.post(f"/admin/two-step/passkeys/{passkey.pk}/remove/")
    assert list(WebAuthnCredential.objects.values_list("name", flat=True)) == ["My phone"]
    assert "“Work laptop” is removed" in client.get(CODE).content.decode()  # asked to verify again
    signed_in_with(client, other)
    assert client.get("/admin/").status_code == 200


def test_an_editor_removing_their_last_passkey_turns_two_step_off(client, member):
    user = member("Editors")
    passkey = PasskeyFactory(user=user)
    signed_in_with(client, passkey)
    client.post("/admin/two-step/recovery-codes/")
    response = client.post(f"/admin/two-step/passkeys/{passkey.pk}/remove/")
    assert response["Location"] == "/admin/account/"
    assert not user_has_device(user, confirmed=None)  # the recovery codes alone are no second step
    assert client.get("/admin/").status_code == 200


def test_no_one_names_or_removes_someone_elses_passkey(client, member):
    theirs = PasskeyFactory(user=member("Editors"))
    signed_in_with(client, TOTPDeviceFactory(user=member("Moderators")))
    assert client.get(f"/admin/two-step/passkeys/{theirs.pk}/").status_code == 404
    assert client.post(f"/admin/two-step/passkeys/{theirs.pk}/remove/").status_code == 404


def test_resetting_a_volunteers_two_step_sign_in_removes_their_passkeys(member):
    user = member("Moderators")
    PasskeyFactory(user=user)
    call_command("reset_two_step", user.username, stdout=io.StringIO())
    assert not WebAuthnCredential.objects.exists()


def test_a_volunteer_who_began_with_a_passkey_adds_an_app_and_keeps_their_codes(client, member):
    user = member("Moderators")
    signed_in_with(client, PasskeyFactory(user=user))
    client.post("/admin/two-step/recovery-codes/")
    assert 'href="/admin/two-step/app/"' in client.get(SETUP).content.decode()
    page = client.get("/admin/two-step/app/").content.decode()
    assert "<h1>Set up an authenticator app</h1>" in page and "Or use a passkey" not in page
    app = TOTPDevice.objects.get(user=user, confirmed=False)
    added = client.post("/admin/two-step/app/", {"code": current_code(app)})
    assert added["Location"] == SETUP
    assert "Your authenticator app is set up" in client.get(SETUP).content.decode()
    assert StaticToken.objects.filter(device__user=user).count() == 10  # the same codes
    assert client.get("/admin/two-step/app/")["Location"] == SETUP


def test_a_wrong_code_from_someone_without_an_app_asks_only_for_a_recovery_code(client, member):
    user = member("Moderators")
    PasskeyFactory(user=user)
    client.force_login(user)
    page = client.post(CODE, {"code": "abcd1234"}).content.decode()
    assert "That code is not right. Type one of your recovery codes." in page
    assert "6 digits" not in page
