"""deploy/ checked by real checkers: Kubernetes manifests against the API schemas (kubernetes-validate, strict),
the Compose file against the Compose specification (check-jsonschema's bundled schema), and HAProxy's
configuration by HAProxy itself. The checkers live in .tools/ (deploy/requirements-check.txt), made by
`make test` and `make test-fast`."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from bot.settings import ROOT

DEPLOY = ROOT / "deploy"
MANIFESTS = sorted(p for p in (DEPLOY / "kubernetes").glob("*.yaml") if p.name != "kustomization.yaml")
TOOLS = ROOT / ".tools" / "bin"


def _tool(name: str) -> Path:
    path = TOOLS / name
    if not path.exists():
        pytest.fail(f"{path} is missing: run `make test-fast`, which installs deploy/requirements-check.txt")
    return path


def _run(argv: list[str | Path], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(a) for a in argv], capture_output=True, text=True, timeout=120, env={**os.environ, **env}
    )


def test_the_kubernetes_manifests_pass_strict_schema_validation() -> None:
    done = _run([_tool("kubernetes-validate"), "--strict", "--no-warn", *MANIFESTS])
    assert done.returncode == 0, done.stdout + done.stderr
    assert "failed" not in done.stdout.lower()


def test_a_broken_manifest_is_refused_by_the_checker(tmp_path: Path) -> None:
    """The checker can fail: a probe with a misspelt field is caught."""
    broken = (DEPLOY / "kubernetes" / "actions.yaml").read_text().replace("periodSeconds: 5", "periodSecond: 5", 1)
    (tmp_path / "actions.yaml").write_text(broken)
    done = _run([_tool("kubernetes-validate"), "--strict", "--no-warn", tmp_path / "actions.yaml"])
    assert done.returncode != 0


def test_the_kustomization_lists_every_manifest() -> None:
    listed = yaml.safe_load((DEPLOY / "kubernetes" / "kustomization.yaml").read_text())["resources"]
    assert sorted(listed) == sorted(p.name for p in MANIFESTS)


def test_probes_and_resources_on_every_long_running_container() -> None:
    for manifest in MANIFESTS:
        for document in yaml.safe_load_all(manifest.read_text()):
            if document["kind"] != "Deployment":
                continue
            for container in document["spec"]["template"]["spec"]["containers"]:
                assert {"readinessProbe", "livenessProbe", "resources"} <= set(container), manifest.name
                assert {"requests", "limits"} <= set(container["resources"]), manifest.name


def test_only_the_web_server_and_the_telegram_webhook_are_public() -> None:
    ingress = yaml.safe_load((DEPLOY / "kubernetes" / "ingress.yaml").read_text())
    routes = {
        (path["path"], path["pathType"], path["backend"]["service"]["name"])
        for rule in ingress["spec"]["rules"]
        for path in rule["http"]["paths"]
    }
    assert routes == {("/webhooks/telegram/webhook", "Exact", "relais-rasa"), ("/", "Prefix", "relais-web")}
    for manifest in MANIFESTS:
        for document in yaml.safe_load_all(manifest.read_text()):
            if document["kind"] == "Service":
                assert document["spec"].get("type", "ClusterIP") == "ClusterIP", manifest.name


def test_no_secret_is_written_in_the_manifests_or_the_compose_file() -> None:
    config = yaml.safe_load((DEPLOY / "kubernetes" / "config.yaml").read_text())["data"]
    assert not {"RASA_TOKEN", "DATABASE_URL", "REDIS_URL", "RELAIS_BROKER_URL", "TELEGRAM_TOKEN"} & set(config)
    compose = (DEPLOY / "compose.yaml").read_text()
    for name in ("RASA_TOKEN", "POSTGRES_PASSWORD", "RABBITMQ_PASSWORD", "TELEGRAM_TOKEN"):
        assert re.search(rf"\$\{{{name}[:?}}-]", compose), name


def test_the_compose_file_follows_the_compose_specification() -> None:
    done = _run([_tool("check-jsonschema"), "--builtin-schema", "vendor.compose-spec", DEPLOY / "compose.yaml"])
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_compose_file_publishes_the_balancer_alone() -> None:
    services = yaml.safe_load((DEPLOY / "compose.yaml").read_text())["services"]
    assert [name for name, service in services.items() if service.get("ports")] == ["balancer"]


def test_haproxy_accepts_its_configuration() -> None:
    binary = shutil.which("haproxy") or shutil.which("haproxy", path="/usr/sbin")
    if binary is None:
        pytest.fail("haproxy is not installed: `make test` installs it (apt-get install haproxy)")
    addresses = {
        name: f"127.0.0.1:{port}"
        for port, name in enumerate(
            [
                "RELAIS_LB_PUBLIC",
                "RELAIS_WEB",
                "RELAIS_LB_RASA",
                "RELAIS_LB_ACTIONS",
                "RELAIS_RASA_1",
                "RELAIS_RASA_2",
                "RELAIS_ACTIONS_1",
                "RELAIS_ACTIONS_2",
            ],
            start=20001,
        )
    }
    done = _run([binary, "-c", "-f", DEPLOY / "haproxy.cfg"], **addresses)
    assert done.returncode == 0, done.stdout + done.stderr
