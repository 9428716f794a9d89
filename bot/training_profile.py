"""Derive a training profile from config.yml: same pipeline, fewer epochs.

CI trains on two cores within a time budget; the profile changes nothing but the number of
epochs, so the tested model is the production pipeline.
"""

from __future__ import annotations

import sys

import yaml

PROFILES = {"ci": 40}


def with_epochs(config: dict, epochs: int) -> dict:
    for component in config.get("pipeline", []):
        if "epochs" in component:
            component["epochs"] = epochs
    return config


def main() -> None:
    profile = sys.argv[1] if len(sys.argv) > 1 else ""
    if profile not in PROFILES:
        raise SystemExit(f"usage: python -m bot.training_profile {{{'|'.join(PROFILES)}}} < config.yml")
    config = yaml.safe_load(sys.stdin)
    yaml.safe_dump(with_epochs(config, PROFILES[profile]), sys.stdout, sort_keys=False, allow_unicode=True)


if __name__ == "__main__":
    main()
