"""`make bench`: the production settings, plus the generated site the benchmarks measure."""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]
