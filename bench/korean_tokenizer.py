"""Compare Korean NLU with Kiwi morphemes and with spaCy's rule-based (whitespace) tokenizer.

Trains two NLU-only models with config.yml's pipeline, identical but for `korean_tokenizer`,
and prints intent accuracy and macro-F1 on the Korean held-out set. Slow (two trainings):
run it with `make bench`, never in the test suite.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml
from rasa.core.agent import Agent
from sklearn.metrics import f1_score

from bot.settings import ROOT
from tests.nlu.test_evaluation import examples


def train(korean_tokenizer: str, workdir: Path) -> Path:
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    config["pipeline"][0]["korean_tokenizer"] = korean_tokenizer
    config_path = workdir / f"config-{korean_tokenizer}.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True))
    subprocess.run(
        [
            str(Path(sys.executable).parent / "rasa"),
            "train",
            "nlu",
            "--config",
            str(config_path),
            "--nlu",
            str(ROOT / "nlu_data"),
            "--out",
            str(workdir),
            "--fixed-model-name",
            korean_tokenizer,
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return workdir / f"{korean_tokenizer}.tar.gz"


async def evaluate(model: Path) -> tuple[float, float]:
    agent = Agent.load(str(model))
    held_out = examples(ROOT / "tests" / "nlu" / "ko.yml")
    expected = [intent for _, intent in held_out]
    predicted = [(await agent.parse_message(text))["intent"]["name"] for text, _ in held_out]
    accuracy = sum(p == e for p, e in zip(predicted, expected, strict=True)) / len(expected)
    return accuracy, float(f1_score(expected, predicted, average="macro", zero_division=0))


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for tokenizer in ("kiwi", "rule"):
            accuracy, macro_f1 = asyncio.run(evaluate(train(tokenizer, Path(tmp))))
            print(f"korean_tokenizer={tokenizer}: ko accuracy {accuracy:.3f}, macro-F1 {macro_f1:.3f}")


if __name__ == "__main__":
    main()
