"""A JSON post to the forms' routes: what it must hold, what is checked before the form's own
checks (its type, the rate limit, its shape), and how each refusal is told, field by field, in the
request's language."""

from typing import Literal

from django.conf import settings
from django.utils.translation import gettext
from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import problem_response

from contact.protection import HONEYPOT as HONEYPOT_FIELD
from contact.protection import STARTED, rate_limited

Answer = str | bool | int | float | list[str]
# The JSON kinds each question type takes (contact.api.definitions.FormFieldOut.type says it too).
ANSWER_KINDS = {
    "checkbox": (bool,),
    "checkboxes": (list,),
    "multiselect": (list,),
    "number": (str, int, float),
}
TOKEN = Field(description="`protection.token` from the form's definition.")
HONEYPOT = Field("", description="The value of the hidden trap field: empty for a person.")


class FormSubmissionIn(BaseModel):
    """A visitor's answers to a form page."""

    model_config = ConfigDict(extra="forbid", title="FormSubmissionIn")

    answers: dict[str, Answer] = Field(
        description="Each question's answer under its `name` from the form's definition."
    )
    token: str = TOKEN
    honeypot: str = HONEYPOT


class NewsletterSubscriptionIn(BaseModel):
    """A visitor's signup for the newsletter."""

    model_config = ConfigDict(extra="forbid", title="NewsletterSubscriptionIn")

    email: str
    consent: bool = Field(description="The visitor ticked 'Yes, email me the newsletter'.")
    language: Literal[tuple(code for code, _name in settings.LANGUAGES)] = Field(
        settings.LANGUAGE_CODE,
        description="The language of the confirmation email and of this answer's messages.",
    )
    token: str = TOKEN
    honeypot: str = HONEYPOT


class Refused(Exception):
    """A post answered with a problem (RFC 9457) instead of being taken."""

    def __init__(self, status, detail, errors=None, headers=None):
        super().__init__(detail)
        self.status, self.detail, self.errors, self.headers = status, detail, errors, headers

    def response(self):
        response = problem_response(status=self.status, detail=self.detail, errors=self.errors)
        for name, value in (self.headers or {}).items():
            response[name] = value
        return response


def request_body(model):
    """The OpenAPI requestBody of a route that reads its JSON body with read_body()."""
    schema = model.model_json_schema()
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def read_body(request, model):
    """The post's body as the model, once it is JSON and this address may post; else Refused."""
    if request.content_type != "application/json":
        raise Refused(
            415, gettext("Please send the body as JSON, with Content-Type: application/json.")
        )
    wait = rate_limited(request)
    if wait:
        raise Refused(
            429,
            gettext(
                "Many messages came from your internet connection in a short time. Please wait "
                "a while, then send again."
            ),
            headers={"Retry-After": str(wait)},
        )
    try:
        return model.model_validate_json(request.body)
    except PydanticValidationError as error:
        raise Refused(400, gettext("Please check your answers"), shape_errors(error)) from None


def shape_errors(error):
    """Pydantic's errors, one per field, with our own words."""
    errors = {}
    for each in error.errors():
        loc = [str(part) for part in each["loc"][:2]]
        errors.setdefault(
            tuple(loc), {"loc": loc, "msg": shape_message(each), "type": each["type"]}
        )
    return list(errors.values())


def shape_message(error):
    if error["type"] == "json_invalid" or not error["loc"]:
        return gettext("The body is not a JSON object.")
    if error["type"] == "missing":
        return gettext("This is required.")
    if error["type"] == "extra_forbidden":
        return gettext("There is no field with this name: see the form's definition.")
    return gettext("This value is not accepted here: see the form's definition.")


def form_data(answers, field_types, token, honeypot):
    """A form's data from a post's answers, each checked against its question's type, and an
    error for each answer that no question has or that is of the wrong kind (left out)."""
    data, errors = {STARTED: token, HONEYPOT_FIELD: honeypot}, []
    for name, value in answers.items():
        message, code = answer_problem(field_types.get(name), value)
        if message:
            errors.append({"loc": ["answers", name], "msg": message, "type": code})
        else:
            data[name] = str(value) if is_number(value) else value
    return data, errors


def answer_problem(field_type, value):
    """(What is wrong with this answer to a question of this type, its code), or (None, None)."""
    if field_type is None:
        return gettext("There is no question with this name on the form."), "unknown_question"
    expected = ANSWER_KINDS.get(field_type, (str,))
    if isinstance(value, bool) and bool not in expected or not isinstance(value, expected):
        return gettext("This answer is of the wrong kind for its question: see its `type`."), (
            "wrong_kind"
        )
    return None, None


def is_number(value):
    return isinstance(value, int | float) and not isinstance(value, bool)


def form_errors(form, under=()):
    """The form's errors, one per message, `loc` naming its field (under `under`); the
    protection's under `token` (the honeypot never tells)."""
    return [
        {
            "loc": ["token"] if name == "__all__" else [*under, name],
            "msg": " ".join(error.messages),
            "type": error.code or "invalid",
        }
        for name, errors in form.errors.as_data().items()
        for error in errors
    ]
