"""Time the README's first command as a new user meets it: `make run` on a fresh clone, to the first answer.

Clones the current commit into a temporary folder, runs `make run` there twice (cold: venv, catalogs, widget
and training; warm: nothing changed, so only the start-up), and prints the seconds from the command to the
first answer of Rasa's REST channel. A warm pip and npm cache is assumed (the machine's own). Slow (a full
training): run it with `make bench-start`, never in the test suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bot.settings import ROOT

TIMEOUT_S = 40 * 60
RASA_PORT = 5105
PORTS = {"RASA_PORT": str(RASA_PORT), "ACTIONS_PORT": "5155", "WEB_PORT": "8100"}
"""Ports apart from the defaults, so the bench can run beside a developer's own `make run`."""


def _answered() -> bool:
    request = urllib.request.Request(
        f"http://127.0.0.1:{RASA_PORT}/webhooks/rest/webhook",
        data=json.dumps({"sender": "bench", "message": "bonjour"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return bool(json.loads(response.read()))
    except (urllib.error.URLError, OSError, ValueError):
        return False


def first_answer_s(checkout: Path, log: Path) -> float:
    """Seconds from `make run` in `checkout` to the first REST answer; the stack is stopped afterwards.

    Raises RuntimeError if `make run` exits or nothing answers within TIMEOUT_S.
    """
    env = {**os.environ, **PORTS}
    env.pop("RELAIS_VAR_DIR", None)
    env.pop("RELAIS_MODEL", None)
    started = time.monotonic()
    with open(log, "ab") as output:
        process = subprocess.Popen(
            ["make", "run"], cwd=checkout, env=env, stdout=output, stderr=output, start_new_session=True
        )
        try:
            while not _answered():
                if process.poll() is not None:
                    raise RuntimeError(f"make run exited with {process.returncode}; see {log}")
                if time.monotonic() - started > TIMEOUT_S:
                    raise RuntimeError(f"no answer after {TIMEOUT_S} s; see {log}")
                time.sleep(1)
            return time.monotonic() - started
        finally:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="relais-cold-") as workdir:
        checkout = Path(workdir) / "relais"
        subprocess.run(["git", "clone", "--quiet", str(ROOT), str(checkout)], check=True)
        log = Path(workdir) / "make-run.log"
        cold = first_answer_s(checkout, log)
        warm = first_answer_s(checkout, log)
    print("| `make run` on a fresh clone | seconds to the first answer |")
    print("|---|---|")
    print(f"| cold (venv, catalogs, widget, training) | {cold:.0f} |")
    print(f"| warm (nothing changed) | {warm:.0f} |")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
