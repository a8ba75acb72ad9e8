"""The wheel's one build step beyond pyproject.toml: each app's translations
(`<app>/locale/<lang>/LC_MESSAGES/django.po`) compiled into the `.mo` files Django reads, which git
does not keep (`make messages` compiles them for a checkout)."""

from pathlib import Path

import polib
from setuptools import setup
from setuptools.command.build_py import build_py


class BuildPyWithTranslations(build_py):
    """Copies the packages as usual, then compiles every catalogue copied with them."""

    def run(self):
        super().run()
        for catalogue in Path(self.build_lib).glob("*/locale/*/LC_MESSAGES/*.po"):
            polib.pofile(str(catalogue)).save_as_mofile(str(catalogue.with_suffix(".mo")))


setup(cmdclass={"build_py": BuildPyWithTranslations})
