"""Many conversations at once on the embedded stack (SQLite, one Rasa, one action server): every turn answered.

`make bench-load` found a third of the turns answered with nothing at concurrency 10: Rasa's event loop
stalled between opening a connection to the action server and writing the call, the action server closed
the connection as idle (Sanic's 5 s keep-alive), and Rasa dropped the action (bot/action_server.py).
"""

from __future__ import annotations

import json
import socket
import time

import pytest

from bench.conversations import SCRIPTS
from bench.load import load
from bot.services import Stack

pytestmark = pytest.mark.e2e

CONVERSATIONS = 9
"""Three in each language, all at once: 36 turns."""
STALL_S = 8.0
"""Longer than Sanic's default keep-alive (5 s) plus its check interval (2.5 s)."""


def test_the_action_server_keeps_a_connection_whose_call_comes_late(stack: Stack) -> None:
    """What Rasa does when its loop stalls after connecting: the call arrives seconds after the connection."""
    with socket.create_connection((stack.settings.actions_host, stack.settings.actions_port), timeout=30) as late:
        time.sleep(STALL_S)
        late.sendall(f"GET /health HTTP/1.1\r\nHost: {stack.settings.actions_host}\r\n\r\n".encode())
        answer = late.recv(64)
    assert answer.startswith(b"HTTP/1.1 200"), answer


def test_concurrent_conversations_get_an_answer_at_every_turn(stack: Stack) -> None:
    turns = CONVERSATIONS * len(SCRIPTS["fr"])
    result = load("embedded", stack.settings.rasa_url, stack.settings.rasa_token(), CONVERSATIONS, CONVERSATIONS)
    assert result.messages == turns, f"turns not served: {sorted(set(result.failures))}"
    audit = result.audit
    assert audit.conversations == CONVERSATIONS
    assert audit.clean, json.dumps(audit.problems[:10], ensure_ascii=False)
