from django.apps import AppConfig


class BenchmarksConfig(AppConfig):
    """Development only: `load_scale_content`, the generated site the benchmarks measure."""

    name = "benchmarks"
