// Once django-otp-webauthn's button has added a passkey, the page reloads and asks for its name.
document.addEventListener("otp_webauthn.register_complete", () => window.location.reload());
