"""A test module run by a pytest of its own, for a site started with other CONTENT_LANGUAGES."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pytest_with_languages(languages, module):
    """Run the module's tests (a path from the project's root) with CONTENT_LANGUAGES set; the
    run's result, its report in `stdout`."""
    return subprocess.run(  # noqa: S603 (our own interpreter and tests)
        [sys.executable, "-m", "pytest", module, "-q", "-p", "no:randomly", "-rs"],
        env={**os.environ, "CONTENT_LANGUAGES": languages},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
