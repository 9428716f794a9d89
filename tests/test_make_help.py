"""`make help`, which the README names: every documented target is listed with its line."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_make_help_lists_every_documented_target() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    documented = re.findall(r"^([a-z-]+):.*## ", makefile, flags=re.MULTILINE)
    listed = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert {"run", "test", "test-fast", "help"} <= set(documented)
    for target in documented:
        assert re.search(rf"^  make {target} +\S", listed, flags=re.MULTILINE), (target, listed)
