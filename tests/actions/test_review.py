"""`make content`: every victim-facing text on one page for staff review, written into RELAIS_VAR_DIR."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

from bot.settings import ROOT
from content.knowledge import contact
from content.texts import render


def test_make_content_writes_the_page_into_a_var_folder_it_creates(tmp_path: Path) -> None:
    var_dir = tmp_path / "fresh" / "var"
    result = subprocess.run(
        [sys.executable, "-m", "actions.review"],
        cwd=ROOT,
        env={**os.environ, "RELAIS_VAR_DIR": str(var_dir)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    page = (var_dir / "content.html").read_text(encoding="utf-8")
    assert str(var_dir / "content.html") in result.stdout
    for language in ("fr", "ko", "en"):
        for key in ("greet.welcome", "checkin.tears", "checkin.language"):
            assert html.escape(render(language, key)) in page, key
        told_by_a_parent = render(language, "minor.intro.other", adult_age="\0").split("\0")[0]
        assert html.escape(told_by_a_parent) in page
        assert html.escape(render(language, "crisis.reminder", line=contact("FR.crisis").value)) in page
