"""Every third-party package the code imports is declared in pyproject.toml (deptry reads both)."""

import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def test_every_imported_package_is_declared() -> None:
    deptry = Path(sys.executable).parent / "deptry"
    done = subprocess.run([str(deptry), "."], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
