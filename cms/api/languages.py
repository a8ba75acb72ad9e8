"""The `locale` query parameter of our own routes: the language an answer's texts are in."""

from typing import Literal

from django.conf import settings
from django.utils import translation
from ninja import Query

LanguageCode = Literal[tuple(code for code, _ in settings.LANGUAGES)]

LocaleQuery = Query(
    None,
    description="The language of the texts: "
    + ", ".join(f"`{code}` ({name})" for code, name in settings.LANGUAGES)
    + f". Texts not translated yet come in the original language. Default: `{settings.LANGUAGE_CODE}`.",
)


def answer_in(locale):
    """Texts read from here to the end of the request are in `locale`: an API list's items too,
    made as its page is taken, after the view returns; and cached parts, whose keys hold the
    language. (LocaleMiddleware sets the language afresh for the next request.)"""
    translation.activate(locale or settings.LANGUAGE_CODE)
