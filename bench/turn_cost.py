"""Turn cost as one conversation grows: `make bench-turns` (embedded stack, SQLite; about 3 min).

One person talks to Relais over REST for 100 turns (a French conversation going round the journeys);
the turns at the checkpoints (1, 25, 50, 100) are always the same question, so they compare like with
like. Prints, per checkpoint, the median milliseconds of that turn over a few conversations and the
events in the conversation's tracker. `--database-url postgresql://...` runs the same against a
PostgreSQL tracker store; `--profile` loads Rasa in this process and prints where a checkpoint turn's
time goes (cProfile, cumulative seconds of Rasa's stages), to find what grows.

`turn_cost(turns)` is the function the load bench (`bench/load.py`) calls; given `rasa_url` and `token`
it measures a stack that is already running instead of starting one.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import os
import pstats
import socket
import statistics
import tempfile
import time
import urllib.request
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator, Sequence

from bot import services
from bot.services import running
from bot.settings import Settings, load

services.READY_TIMEOUT_S = 900.0
"""A loaded machine (the bench beside other work) can take minutes to load the model."""
CHECKPOINTS = (1, 25, 50, 100)
PROBE = "est-ce que c'est un délit de publier mes photos ?"
"""The checkpoint turns' message: an answer from a custom action that reads the country and the situation."""
FILLER = (
    "Bonjour",
    "mon ex a publié mes photos intimes sur un site",
    "je suis en France",
    "comment garder des preuves ?",
    "comment porter plainte ?",
    "comment faire retirer les photos ?",
    "qui peut lire ce que je vous écris ?",
    "non",
    "merci beaucoup",
)
"""The other turns: what a person asks over a long conversation (slots, offers, journeys)."""
STAGES = {
    "parse (NLU)": ("processor.py", "parse_message"),
    "tracker store: retrieve": ("tracker_store.py", "_retrieve"),
    "tracker store: save": ("tracker_store.py", "save"),
    "policies: predict": ("processor.py", "_predict_next_with_tracker"),
    "custom actions (HTTP call included)": ("action.py", "run"),
    "action payload (current_state)": ("trackers.py", "current_state"),
    "applied_events": ("trackers.py", "applied_events"),
}
"""Rasa's stages that could grow with the tracker: (file name, function name) of their cProfile entries."""


@dataclass(frozen=True)
class Checkpoint:
    turn: int
    ms: float
    """Median over the conversations of the checkpoint turn's REST round trip, in milliseconds."""
    cpu_ms: float | None
    """Median CPU milliseconds Rasa and the action server spent on that turn (all their threads), or None
    for a stack this process did not start. On a shared machine it is steadier than the round trip."""
    events: int
    """Events in the conversation's tracker (this session) right after that turn."""


SERVER_MODULES = ("bot.rasa_server", "bot.action_server")


def _server_pids() -> list[int]:
    """This process's children that are Rasa or the action server (Linux /proc)."""
    pids: list[int] = []
    for task in Path("/proc/self/task").iterdir():
        for child in (task / "children").read_text().split():
            command = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
            if any(module.encode() in command for module in SERVER_MODULES):
                pids.append(int(child))
    return pids


def cpu_ns(pids: Sequence[int]) -> int:
    """Nanoseconds on CPU so far of every thread of `pids` (/proc/<pid>/task/<tid>/schedstat); 0 for none."""
    total = 0
    for pid in pids:
        for task in Path(f"/proc/{pid}/task").glob("*"):
            try:
                total += int((task / "schedstat").read_text().split()[0])
            except (FileNotFoundError, ProcessLookupError):
                continue  # a thread that ended meanwhile
    return total


def messages(turns: int) -> Iterator[tuple[int, str]]:
    """(turn number from 1, message): the probe at every checkpoint, the filler in a loop otherwise."""
    filler = 0
    for turn in range(1, turns + 1):
        if turn in CHECKPOINTS:
            yield turn, PROBE
        else:
            yield turn, FILLER[filler % len(FILLER)]
            filler += 1


def _post(url: str, payload: dict[str, Any]) -> Any:
    headers = {"Content-Type": "application/json"}
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), headers=headers)
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read())


def _tracker_events(rasa_url: str, token: str, sender: str) -> int:
    with urllib.request.urlopen(f"{rasa_url}/conversations/{sender}/tracker?token={token}", timeout=60) as response:
        return len(json.loads(response.read())["events"])


def conversation(rasa_url: str, token: str, turns: int, pids: Sequence[int]) -> dict[int, tuple[float, float, int]]:
    """One new conversation of `turns` turns; {checkpoint: (milliseconds, CPU milliseconds of `pids`, tracker events)}.

    Raises urllib.error.URLError (or OSError) when Rasa does not answer, RuntimeError when it answers nothing.
    """
    sender = f"bench-{uuid.uuid4().hex}"
    measured: dict[int, tuple[float, float, int]] = {}
    for turn, text in messages(turns):
        cpu_before = cpu_ns(pids)
        started = time.perf_counter()
        replies = _post(f"{rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": text})
        elapsed_ms = (time.perf_counter() - started) * 1000
        cpu_ms = (cpu_ns(pids) - cpu_before) / 1e6
        if not replies:
            raise RuntimeError(f"no answer at turn {turn} ({text!r})")
        if turn in CHECKPOINTS:
            measured[turn] = (elapsed_ms, cpu_ms, _tracker_events(rasa_url, token, sender))
    return measured


def measure(rasa_url: str, token: str, turns: int, repeats: int, pids: Sequence[int] = ()) -> list[Checkpoint]:
    runs = [conversation(rasa_url, token, turns, pids) for _ in range(repeats)]
    return [
        Checkpoint(
            turn,
            statistics.median(run[turn][0] for run in runs),
            statistics.median(run[turn][1] for run in runs) if pids else None,
            runs[-1][turn][2],
        )
        for turn in CHECKPOINTS
        if turn <= turns
    ]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def bench_settings(var: Path, database_url: str | None) -> Settings:
    """The stack's settings on free ports, beside a developer's own stack, with its own database."""
    return replace(
        load(),
        rasa_port=_free_port(),
        actions_port=_free_port(),
        web_port=_free_port(),
        var_dir=var,
        database_url=database_url or f"sqlite:///{var / 'relais.db'}",
        opening_hours="always",
    )


def turn_cost(
    turns: int = 100,
    rasa_url: str | None = None,
    token: str | None = None,
    database_url: str | None = None,
    repeats: int = 3,
) -> list[Checkpoint]:
    """Turn cost at the checkpoints up to `turns`, on `rasa_url` or on an embedded stack started for it.

    Starting the stack takes about a minute (the model loads); raises bot.services.StartupError if it cannot.
    """
    if rasa_url is not None:
        if token is None:
            raise ValueError("a running stack needs its Rasa token")
        return measure(rasa_url, token, turns, repeats)
    with tempfile.TemporaryDirectory(prefix="relais-turns-") as var:
        settings = bench_settings(Path(var), database_url)
        with open(Path(var) / "services.log", "ab") as log, running(settings, log):
            return measure(settings.rasa_url, settings.rasa_token(), turns, repeats, _server_pids())


def table(title: str, checkpoints: Sequence[Checkpoint]) -> str:
    first = checkpoints[0]
    lines = [
        f"| {title}: turn | round trip ms | × turn 1 | CPU ms (Rasa + actions) | × turn 1 | tracker events |",
        "|---|---|---|---|---|---|",
    ]
    for c in checkpoints:
        cpu = f"{c.cpu_ms:.0f} | {c.cpu_ms / first.cpu_ms:.2f}" if c.cpu_ms and first.cpu_ms else "– | –"
        lines.append(f"| {c.turn} | {c.ms:.0f} | {c.ms / first.ms:.2f} | {cpu} | {c.events} |")
    return "\n".join(lines)


def _stage_seconds(stats: pstats.Stats) -> dict[str, float]:
    """Cumulative seconds per stage (a stage's recursive or nested calls counted once by cProfile)."""
    entries: dict[tuple[str, int, str], tuple[Any, ...]] = stats.stats  # type: ignore[attr-defined]
    return {
        stage: sum(
            value[3] for (path, _, name), value in entries.items() if Path(path).name == file and name == function
        )
        for stage, (file, function) in STAGES.items()
    }


async def _profiled(settings: Settings, turns: int, top: int, plugins: bool) -> None:
    """Run one conversation through Rasa's Agent in this process; print each checkpoint turn's profile.

    Times are CPU time of this thread (Rasa's event loop), so other processes on the machine barely change them.
    """
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.utils import AvailableEndpoints

    from bot.rasa_server.__main__ import register_plugins

    if plugins:
        register_plugins()
    endpoints_path = settings.var_path("endpoints.yml")
    agent = await load_agent(
        model_path=str(settings.model_path), endpoints=AvailableEndpoints.read_endpoints(str(endpoints_path))
    )
    # The first parse builds TensorFlow's graph and the first action call opens the HTTP session: not a turn's cost.
    await agent.handle_message(UserMessage(PROBE, CollectingOutputChannel(), f"warm-up-{uuid.uuid4().hex}"))
    sender = f"profile-{uuid.uuid4().hex}"
    for turn, text in messages(turns):
        profile = cProfile.Profile(time.thread_time) if turn in CHECKPOINTS else None
        started = time.thread_time()
        if profile:
            profile.enable()
        await agent.handle_message(UserMessage(text, CollectingOutputChannel(), sender, input_channel="rest"))
        if profile:
            profile.disable()
            elapsed_ms = (time.thread_time() - started) * 1000
            stats = pstats.Stats(profile)
            calls = stats.total_calls  # type: ignore[attr-defined]
            print(f"\n## turn {turn}: {elapsed_ms:.0f} ms CPU (profiled), {calls} function calls")
            for stage, seconds in _stage_seconds(stats).items():
                print(f"  {stage:34s} {seconds * 1000:7.1f} ms")
            stats.sort_stats("cumulative").print_stats(top)


def profile(turns: int, database_url: str | None, top: int, plugins: bool = True) -> None:
    """Start the action and web servers, then Rasa in this process under cProfile (the model loads here)."""
    with tempfile.TemporaryDirectory(prefix="relais-turns-") as var:
        settings = bench_settings(Path(var), database_url)
        with open(Path(var) / "services.log", "ab") as log, running(settings, log) as stack:
            stack.stop("rasa")
            os.environ["RELAIS_ACTION_SECRET"] = settings.action_secret()
            os.environ.update(settings.as_env())
            asyncio.run(_profiled(settings, turns, top, plugins))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=max(CHECKPOINTS))
    parser.add_argument("--repeats", type=int, default=3, help="conversations; each checkpoint is their median")
    parser.add_argument("--database-url", help="the stack's database (default: a new SQLite file)")
    parser.add_argument("--profile", action="store_true", help="profile Rasa in this process instead")
    parser.add_argument("--top", type=int, default=0, help="with --profile: the top N functions per checkpoint")
    parser.add_argument(
        "--rasa-as-is", action="store_true", help="with --profile: without Relais' Rasa plugins, to compare"
    )
    arguments = parser.parse_args()
    if arguments.profile:
        profile(arguments.turns, arguments.database_url, arguments.top, plugins=not arguments.rasa_as_is)
        return
    checkpoints = turn_cost(arguments.turns, database_url=arguments.database_url, repeats=arguments.repeats)
    store = "PostgreSQL" if (arguments.database_url or "").startswith("postgres") else "SQLite"
    print(table(f"embedded stack, {store}", checkpoints))


if __name__ == "__main__":
    main()
