"""A cue file is one pattern: any of its lists' patterns, in any language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from actions.cue_files import any_of


def test_any_pattern_of_any_language_matches(tmp_path: Path) -> None:
    path = tmp_path / "cues.yml"
    path.write_text("fr: [\\bpaye\\b]\nko: [보냈]\nen: ['\\bpaid\\b']\n", encoding="utf-8")
    cue = any_of(path)
    assert all(cue.search(text) for text in ("j'ai paye", "이미 보냈어요", "i paid"))
    assert not cue.search("il veut de l'argent")


def test_a_broken_pattern_is_an_error_at_once(tmp_path: Path) -> None:
    path = tmp_path / "broken.yml"
    path.write_text("en: ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(re.error):
        any_of(path)
