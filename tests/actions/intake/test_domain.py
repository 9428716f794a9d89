"""`bot/domain/intake.yml` holds what the question table says, as `python -m actions.intake.domain` writes it."""

from __future__ import annotations

from pathlib import Path

from actions.intake.domain import DOMAIN, MARKER, main, question_part, written
from actions.intake.questions import QUESTIONS


def test_the_domain_file_is_written_from_the_table() -> None:
    current = DOMAIN.read_text(encoding="utf-8")
    assert current == written(current), "the question table changed: run python -m actions.intake.domain"


def test_writing_keeps_the_hand_written_head_and_replaces_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "intake.yml"
    path.write_text('version: "3.1"\nslots:\n' + MARKER + "  stale: {}\n", encoding="utf-8")
    main(path)
    assert path.read_text(encoding="utf-8") == 'version: "3.1"\nslots:\n' + question_part()
    assert "stale" not in path.read_text(encoding="utf-8")
    assert all(f"action_ask_{q.slot}" in question_part() for q in QUESTIONS)
