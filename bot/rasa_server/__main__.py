"""Rasa's server as Relais runs it: `python -m bot.rasa_server run [rasa run options]`.

The same as `rasa run`, with three differences that cannot be made from the command line:
- the HTTP API token is read from RASA_TOKEN in the environment and given to Rasa inside the
  process, so it never appears in the process list (`ps`, /proc/<pid>/cmdline), which any account
  on the machine can read;
- the loggers and warnings that would write a victim's message are filtered (bot/rasa_server/log_privacy.py).
  That happens in Rasa's own plugin hook `init_managers`, which runs after Rasa has set up its
  logging and warning filters (its "show each UserWarning once" would otherwise come first) and
  before the server starts;
- the action server is sent the events its actions read, not the whole session
  (bot/rasa_server/action_payload.py), so a turn's request does not grow with the conversation;
- a custom action that cannot run (the action server down, an action raising) says `turn.failed`
  instead of leaving the turn silent (bot/rasa_server/action_failure.py), and a tracker store error fails
  the turn instead of being saved to memory (bot/rasa_server/tracker_store.py), installed in the same hook.
"""

from __future__ import annotations

import os
import sys

import pluggy

from bot.rasa_server import action_failure, log_privacy, tracker_store
from bot.rasa_server.action_payload import SmallActionPayload

hookimpl = pluggy.HookimplMarker("rasa")


class Privacy:
    """A Rasa plugin with one hook: the log filters, the calm answer of a failed action, and a tracker store
    error that fails the turn instead of falling back to memory (bot/rasa_server/tracker_store.py)."""

    @hookimpl
    def init_managers(self, endpoints_file: str | None) -> None:
        log_privacy.install()
        action_failure.install()
        tracker_store.fail_loudly()


def register_plugins() -> None:
    """Register Relais' Rasa plugins in this process (the server's, and a bench's in-process agent)."""
    from rasa.plugin import plugin_manager

    plugin_manager().register(Privacy())
    plugin_manager().register(SmallActionPayload())


def main() -> None:
    """Runs Rasa until it stops; exits with status 1 and one line when RASA_TOKEN is missing."""
    token = os.environ.get("RASA_TOKEN", "").strip()
    if not token:
        sys.exit("relais: RASA_TOKEN is not set; start Rasa through `make run` (bot/services.py)")
    from rasa.__main__ import main as rasa_main

    register_plugins()
    sys.argv = ["rasa", *sys.argv[1:], f"--auth-token={token}"]
    rasa_main()


if __name__ == "__main__":
    main()
