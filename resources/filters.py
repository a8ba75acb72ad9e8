"""The directory's filters (category, language, free text), shared by the page and the API."""

import re

from resources.models.directory import Language, Resource, categories_in_use

MAX_SEARCH_LENGTH = 200
# Characters the SQLite full-text search treats as syntax, and would fail on when unbalanced.
SEARCH_SYNTAX = re.compile(r'["\x00*^():{}\[\]]')


class UnknownFilterValue(ValueError):
    """A category or language the directory does not have: which parameter, and what exists."""

    def __init__(self, parameter, value, known):
        super().__init__(f"There is no {parameter} '{value}'.")
        self.parameter = parameter
        self.known = list(known)


def clean_search(text):
    """Free text as plain words: search syntax removed, spaces collapsed, length capped."""
    return " ".join(SEARCH_SYNTAX.sub(" ", text or "").split())[:MAX_SEARCH_LENGTH]


def filter_resources(category="", language="", search=""):
    """Resources in a category and language matching the text, by name, with their details."""
    resources = Resource.objects.with_details()
    if category:
        known = categories_in_use().values_list("slug", flat=True)
        if category not in known:
            raise UnknownFilterValue("category", category, known)
        resources = resources.in_category(category)
    if language:
        known = Language.objects.values_list("code", flat=True)
        if language not in known:
            raise UnknownFilterValue("language", language, known)
        resources = resources.in_language(language)
    search = clean_search(search)
    if search:
        resources = resources.matching(search)
    return resources.order_by("name")
