"""NLU benchmark: Relais' pipeline (config.yml) against Rasa's default pipeline, same data, same machine.

`make bench-nlu` trains both NLU models from scratch (a fresh Rasa cache and a fresh embedding
cache each, so the times are cold-start times), parses every evaluation message through each
model in a separate process, and prints one Markdown table (Relais, Rasa default, ratio) of:

- intent accuracy and macro-F1 per language on the held-out set (`tests/nlu/<lang>.yml`) and on
  the real-message set (`tests/nlu/real/<lang>.yml`, when present); `nlu_fallback` counts as a
  miss, and macro-F1 averages over the intents the set contains;
- the out-of-scope set's rate of gentle check-ins (`tests/nlu/out_of_scope/<lang>.yml`, when
  present): a message counts when its parsed intent is `out_of_scope` or `nlu_fallback`;
- entity micro-F1 on the held-out set, over (entity, value) pairs per message;
- parse latency p50 / p95 per language (ms, `Agent.parse_message` in process, after one warm-up),
  as wall-clock time and as the parsing process's CPU time (which other load on the machine
  does not inflate);
- training time (s, wall clock of `rasa train nlu`) and peak resident memory (MB) of training
  and of the parsing process (model loaded, every message parsed).

"Rasa's default pipeline" is the one `rasa init` trains: its config.yml leaves the pipeline empty,
and Rasa fills it from `rasa/engine/recipes/config_files/default_config.yml`, read here from the
installed Rasa.

`--extractors` instead trains Relais' pipeline twice with a warm embedding cache, once as it is
(CRFEntityExtractor) and once with DIET finding the entities (its sparse featurizers, 40 epochs,
no intent classification), and prints held-out entity F1 per language and training time: the
measurement behind the CRF in config.yml.

Slow (two trainings, several minutes on two cores); never part of the test suite.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("fr", "ko", "en")
CHECK_IN_INTENTS = ("out_of_scope", "nlu_fallback")
DIET_ENTITIES: list[dict[str, Any]] = [
    {"name": "CountVectorsFeaturizer"},
    {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 2, "max_ngram": 4, "min_df": 2},
    {
        "name": "DIETClassifier",
        "epochs": 40,
        "intent_classification": False,
        "number_of_transformer_layers": 1,
        "transformer_size": 128,
        "constrain_similarities": True,
        "random_seed": 7,
    },
]
"""What replaced the CRF before it: DIET and its sparse featurizers (config.yml keeps the lexical one)."""

Example = tuple[str, str, list[tuple[str, str]]]
"""(text, expected intent or "" when unlabelled, expected (entity, value) pairs)."""


@dataclass
class Parsed:
    """One parse: predicted intent, (entity, value) pairs, wall-clock and CPU latency in ms."""

    intent: str
    entities: list[tuple[str, str]]
    latency_ms: float
    cpu_ms: float


@dataclass
class Run:
    """A trained and evaluated pipeline: results[set][language], times in s, memory in MB."""

    name: str
    train_seconds: float
    train_cpu_seconds: float
    train_peak_mb: float
    parse_peak_mb: float = 0.0
    results: dict[str, dict[str, list[Parsed]]] = field(default_factory=dict)


# ---------------------------------------------------------------- evaluation sets


def _lower_pairs(entities: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    return sorted((str(e.get("entity")), str(e.get("value")).lower()) for e in entities)


def load_rasa_nlu(path: Path) -> list[Example]:
    """Examples of a Rasa NLU YAML file (annotations removed, entities kept), via Rasa's own reader."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [
        (str(m.get("text")), str(m.get("intent") or ""), _lower_pairs(m.get("entities") or []))
        for m in data.intent_examples
    ]


def load_examples(path: Path) -> list[Example]:
    """A set in Rasa NLU YAML (`nlu:`) or as `examples: [{text, intent?}]`; [] when the file is absent."""
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if "nlu" in data:
        return load_rasa_nlu(path)
    items = data.get("examples") or []
    return [
        (str(item["text"]), str(item.get("intent") or ""), [])
        for item in items
        if isinstance(item, dict) and item.get("text")
    ]


def evaluation_sets(tests: Path) -> dict[str, dict[str, list[Example]]]:
    """{"held-out" | "real" | "out-of-scope": {language: examples}}; absent sets are left out."""
    sets = {
        "held-out": {lang: load_examples(tests / f"{lang}.yml") for lang in LANGUAGES},
        "real": {lang: load_examples(tests / "real" / f"{lang}.yml") for lang in LANGUAGES},
        "out-of-scope": {lang: load_examples(tests / "out_of_scope" / f"{lang}.yml") for lang in LANGUAGES},
    }
    return {name: per_lang for name, per_lang in sets.items() if any(per_lang.values())}


# ---------------------------------------------------------------- configurations


def relais_config() -> dict[str, Any]:
    """config.yml's recipe, language and NLU pipeline."""
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    return {key: config[key] for key in ("recipe", "assistant_id", "language", "pipeline") if key in config}


def rasa_default_config() -> dict[str, Any]:
    """What `rasa init` trains: the installed Rasa's default pipeline (language en, as `rasa init` writes)."""
    import rasa

    path = Path(rasa.__file__).parent / "engine" / "recipes" / "config_files" / "default_config.yml"
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {"recipe": "default.v1", "assistant_id": "rasa_default", "language": "en", "pipeline": config["pipeline"]}


def with_diet_entities(config: dict[str, Any]) -> dict[str, Any]:
    """The config with CRFEntityExtractor replaced by DIET_ENTITIES (other components untouched)."""
    pipeline: list[dict[str, Any]] = []
    for component in config["pipeline"]:
        pipeline += [dict(c) for c in DIET_ENTITIES] if component["name"] == "CRFEntityExtractor" else [dict(component)]
    return {**config, "pipeline": pipeline}


# ---------------------------------------------------------------- subprocesses


def _environment(cache: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "RASA_CACHE_DIRECTORY": str(cache),
        "RELAIS_EMBEDDING_CACHE": str(cache.parent / f"{cache.name}-e5"),
        "RASA_TELEMETRY_ENABLED": "false",
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }


def _run_measured(command: list[str], env: dict[str, str], log: Path) -> tuple[float, float, float]:
    """Runs a command to completion: (wall s, CPU s (user + system), peak RSS MB). Raises CalledProcessError."""
    start = time.monotonic()
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise subprocess.CalledProcessError(process.returncode, command, f"see {log}")
    return time.monotonic() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def train(
    name: str, config: dict[str, Any], nlu: Path, workdir: Path, cache: Path, reuse: bool = False
) -> tuple[Path, float, float, float]:
    """Trains an NLU model into workdir/<name>.tar.gz: (model, wall s, CPU s, peak MB).

    With `reuse`, a model and its measurements (<name>.train.json) already in `workdir` are
    returned instead, so parsing can be measured again without training again.
    """
    model, measured = workdir / f"{name}.tar.gz", workdir / f"{name}.train.json"
    if reuse and model.exists() and measured.exists():
        seconds, cpu, peak = json.loads(measured.read_text(encoding="utf-8"))
        return model, float(seconds), float(cpu), float(peak)
    config_path = workdir / f"{name}.yml"
    config_path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rasa = str(Path(sys.executable).parent / "rasa")
    command = [rasa, "train", "nlu", "--config", str(config_path), "--nlu", str(nlu)]
    command += ["--domain", str(ROOT / "bot" / "domain"), "--out", str(workdir), "--fixed-model-name", name]
    seconds, cpu, peak = _run_measured(command, _environment(cache), workdir / f"{name}.train.log")
    measured.write_text(json.dumps([seconds, cpu, peak]), encoding="utf-8")
    return model, seconds, cpu, peak


def evaluate(model: Path, sets: dict[str, dict[str, list[Example]]], workdir: Path) -> tuple[dict[str, Any], float]:
    """Parses every set through `model` in a child process: (its raw results, its peak MB)."""
    name = model.name.removesuffix(".tar.gz")
    request, response = workdir / f"{name}.sets.json", workdir / f"{name}.parsed.json"
    texts = {key: {lang: [e[0] for e in examples] for lang, examples in per.items()} for key, per in sets.items()}
    request.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    command = [sys.executable, "-m", "bench.nlu", "--parse", str(model), str(request), str(response)]
    _, _, peak = _run_measured(command, _environment(workdir / "parse-cache"), workdir / f"{name}.parse.log")
    return dict(json.loads(response.read_text(encoding="utf-8"))), peak


async def _parse_all(model: Path, texts: dict[str, dict[str, list[str]]]) -> dict[str, Any]:
    from rasa.core.agent import Agent

    agent = Agent.load(str(model))
    await agent.parse_message("warm-up")
    out: dict[str, Any] = {}
    for name, per_lang in texts.items():
        out[name] = {}
        for lang, items in per_lang.items():
            parsed = []
            for text in items:
                start, cpu_start = time.perf_counter(), time.process_time()
                result = await agent.parse_message(text)
                latency, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu_start) * 1000
                intent = (result.get("intent") or {}).get("name") or ""
                entities = _lower_pairs(result.get("entities") or [])
                parsed.append({"intent": intent, "entities": entities, "ms": latency, "cpu_ms": cpu})
            out[name][lang] = parsed
    return out


def parse_main(model: Path, request: Path, response: Path) -> None:
    """Child process: parse the texts of `request` (JSON {set: {lang: [text]}}) into `response`."""
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    configure_logging_and_warnings(logging.WARNING)
    configure_structlog(logging.WARNING)  # Rasa logs every parsed text at debug level
    texts = json.loads(request.read_text(encoding="utf-8"))
    response.write_text(json.dumps(asyncio.run(_parse_all(model, texts)), ensure_ascii=False), encoding="utf-8")


def pipeline_run(
    name: str,
    config: dict[str, Any],
    nlu: Path,
    sets: dict[str, dict[str, list[Example]]],
    workdir: Path,
    cache: Path,
    reuse: bool = False,
) -> Run:
    """Train (or, with `reuse`, take the model already trained in `workdir`), then evaluate, one pipeline."""
    model, seconds, cpu, train_peak = train(name, config, nlu, workdir, cache, reuse)
    raw, parse_peak = evaluate(model, sets, workdir)
    run = Run(name, seconds, cpu, train_peak, parse_peak)
    for set_name, per_lang in raw.items():
        run.results[set_name] = {
            lang: [
                Parsed(p["intent"], [(str(e[0]), str(e[1])) for e in p["entities"]], p["ms"], p.get("cpu_ms", 0.0))
                for p in items
            ]
            for lang, items in per_lang.items()
        }
    return run


# ---------------------------------------------------------------- metrics


def intent_scores(examples: list[Example], parsed: list[Parsed]) -> tuple[float, float]:
    """(accuracy, macro-F1 over the intents the set contains); (nan, nan) for an empty set."""
    from sklearn.metrics import f1_score

    if not examples:
        return float("nan"), float("nan")
    expected = [e[1] for e in examples]
    predicted = [p.intent for p in parsed]
    accuracy = sum(e == p for e, p in zip(expected, predicted, strict=True)) / len(expected)
    macro = f1_score(expected, predicted, labels=sorted(set(expected)), average="macro", zero_division=0)
    return accuracy, float(macro)


def entity_f1(examples: list[Example], parsed: list[Parsed]) -> float:
    """Micro-F1 of (entity, value) pairs, counted per message; nan when the set has no entity at all."""
    hits = gold = found = 0
    for example, result in zip(examples, parsed, strict=True):
        expected, predicted = Counter(example[2]), Counter(result.entities)
        hits += sum((expected & predicted).values())
        gold += sum(expected.values())
        found += sum(predicted.values())
    if not gold:
        return float("nan")
    return 2 * hits / (gold + found) if gold + found else 0.0


def check_in_rate(parsed: list[Parsed]) -> float:
    """Share of messages parsed as `out_of_scope` or `nlu_fallback`; nan for an empty set."""
    return sum(p.intent in CHECK_IN_INTENTS for p in parsed) / len(parsed) if parsed else float("nan")


def latencies(run: Run, lang: str, cpu: bool = False) -> np.ndarray:
    """Every parse latency (ms, wall clock or CPU) of one language, over all sets."""
    return np.array([p.cpu_ms if cpu else p.latency_ms for per in run.results.values() for p in per.get(lang, [])])


def metric_rows(run: Run, sets: dict[str, dict[str, list[Example]]]) -> dict[str, float]:
    """{row label: value} for one pipeline, in table order."""
    rows: dict[str, float] = {}
    for set_name in ("held-out", "real"):
        for lang in LANGUAGES:
            examples = sets.get(set_name, {}).get(lang, [])
            if examples and all(e[1] for e in examples):
                accuracy, macro = intent_scores(examples, run.results[set_name][lang])
                rows[f"{set_name} intent accuracy {lang} (n={len(examples)})"] = accuracy
                rows[f"{set_name} intent macro-F1 {lang}"] = macro
    for lang in LANGUAGES:
        if sets.get("out-of-scope", {}).get(lang):
            rows[f"out-of-scope check-in rate {lang} (n={len(sets['out-of-scope'][lang])})"] = check_in_rate(
                run.results["out-of-scope"][lang]
            )
    for lang in LANGUAGES:
        rows[f"held-out entity F1 {lang}"] = entity_f1(sets["held-out"][lang], run.results["held-out"][lang])
    for lang in LANGUAGES:
        values = latencies(run, lang)
        rows[f"parse latency p50 {lang} (ms)"] = float(np.percentile(values, 50))
        rows[f"parse latency p95 {lang} (ms)"] = float(np.percentile(values, 95))
    for lang in LANGUAGES:
        values = latencies(run, lang, cpu=True)
        rows[f"parse CPU time p50 {lang} (ms)"] = float(np.percentile(values, 50))
        rows[f"parse CPU time p95 {lang} (ms)"] = float(np.percentile(values, 95))
    rows["training time (s, wall clock)"] = run.train_seconds
    rows["training CPU time (s, user + system)"] = run.train_cpu_seconds
    rows["training peak memory (MB)"] = run.train_peak_mb
    rows["parsing process peak memory (MB)"] = run.parse_peak_mb
    return rows


def table(ours: Run, theirs: Run, sets: dict[str, dict[str, list[Example]]]) -> str:
    """The Markdown comparison table: metric | Relais | Rasa default | ratio."""
    a, b = metric_rows(ours, sets), metric_rows(theirs, sets)
    lines = ["| metric | Relais (a) | Rasa default (b) | a/b |", "|---|---|---|---|"]
    for label, value in a.items():
        other = b[label]
        digits = 3 if value <= 1.0 and other <= 1.0 and "(ms)" not in label else 0
        ratio = f"{value / other:.2f}" if other else "–"
        lines.append(f"| {label} | {value:.{digits}f} | {other:.{digits}f} | {ratio} |")
    return "\n".join(lines)


# ---------------------------------------------------------------- entry points


def compare(nlu: Path, tests: Path, workdir: Path, reuse: bool = False) -> str:
    """Trains and evaluates both pipelines from cold caches; returns the table."""
    sets = evaluation_sets(tests)
    ours = pipeline_run("relais", relais_config(), nlu, sets, workdir, workdir / "relais-cache", reuse)
    default = rasa_default_config()
    theirs = pipeline_run("rasa-default", default, nlu, sets, workdir, workdir / "default-cache", reuse)
    return table(ours, theirs, sets)


def extractor_comparison(nlu: Path, tests: Path, workdir: Path) -> str:
    """CRF (config.yml) against DIET for the entities: held-out entity F1 per language, training time."""
    sets = {"held-out": evaluation_sets(tests)["held-out"]}
    cache = workdir / "extractors-cache"
    header = " | ".join(f"entity F1 {lang}" for lang in LANGUAGES)
    lines = [f"| entities by | training wall / CPU (s) | {header} |", "|---" * (2 + len(LANGUAGES)) + "|"]
    for name, config in (("crf", relais_config()), ("diet", with_diet_entities(relais_config()))):
        run = pipeline_run(name, config, nlu, sets, workdir, cache)
        held = sets["held-out"]
        cells = " | ".join(f"{entity_f1(held[lang], run.results['held-out'][lang]):.3f}" for lang in LANGUAGES)
        lines.append(f"| {name} | {run.train_seconds:.0f} / {run.train_cpu_seconds:.0f} | {cells} |")
        print(lines[-1], flush=True)
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: see the module docstring. Prints the table; `--keep DIR` keeps models and logs."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nlu", type=Path, default=ROOT / "nlu_data", help="training data (default nlu_data/)")
    parser.add_argument("--tests", type=Path, default=ROOT / "tests" / "nlu", help="evaluation sets (tests/nlu/)")
    parser.add_argument("--extractors", action="store_true", help="compare the CRF with DIET for entities instead")
    parser.add_argument("--keep", type=Path, help="work directory to keep (default: a temporary one)")
    parser.add_argument("--reuse", action="store_true", help="with --keep: parse again with the models trained there")
    parser.add_argument("--parse", nargs=3, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.parse:
        parse_main(*args.parse)
        return
    with tempfile.TemporaryDirectory(prefix="bench-nlu-") as temporary:
        workdir = args.keep or Path(temporary)
        workdir.mkdir(parents=True, exist_ok=True)
        if args.extractors:
            result = extractor_comparison(args.nlu, args.tests, workdir)
        else:
            result = compare(args.nlu, args.tests, workdir, args.reuse and args.keep is not None)
    print(result)


if __name__ == "__main__":
    main()
