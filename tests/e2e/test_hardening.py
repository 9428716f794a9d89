"""Big or odd input, victims' words in the logs, data at rest and the private services, on the running stack."""

from __future__ import annotations

import json
import os
import socket
import stat
import time
import unicodedata
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import pytest
import requests
from sqlalchemy.engine import make_url

from bot.action_server import ACTION_SECRET_HEADER
from bot.services import Stack
from tests.conftest import Chat
from tests.nlu.test_evaluation import parse

pytestmark = pytest.mark.e2e


def _log(stack: Stack) -> Path:
    return Path(os.environ.get("RELAIS_TEST_LOG", stack.settings.var_dir / "services.log"))


def _post(url: str, payload: Any, timeout: float = 60) -> tuple[int, Any]:
    try:
        answer = requests.post(url, json=payload, timeout=timeout)
    except requests.ConnectionError as error:  # Sanic may close the socket after refusing a body
        return 0, str(error)
    return answer.status_code, answer.text


def test_no_message_text_reaches_the_services_log(stack: Stack) -> None:
    marker = f"MARKER{uuid.uuid4().hex}"
    url = f"{stack.settings.rasa_url}/webhooks/rest/webhook"
    sender = uuid.uuid4().hex
    for text in (
        f"/inform{{not json {marker}",  # Rasa's "Failed to parse arguments" warnings quote the line
        f'/inform{{"{marker}": 1}}',
        f"/{marker}",
        f"my ex posted my photos {marker}",
    ):
        status, _ = _post(url, {"sender": sender, "message": text})
        assert status == 200
    number = int(marker[-12:], 16)
    status, body = _post(url, {"sender": sender, "message": number})  # not text: refused before any turn
    assert status == 400 and json.loads(body) == {"error": "message_not_text"}
    time.sleep(1)
    log = _log(stack).read_bytes().decode("utf-8", "replace")
    assert marker not in log and str(number) not in log


def test_the_rasa_token_is_not_in_any_process_list(stack: Stack) -> None:
    token = stack.settings.rasa_token()
    seen = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            seen.append(cmdline.read_bytes())
        except OSError:
            continue
    assert any(b"bot.rasa_server" in line for line in seen), "Rasa runs through bot/rasa_server/__main__.py"
    assert not any(token.encode() in line for line in seen)


def test_the_action_server_needs_the_shared_secret_and_listens_on_loopback_only(stack: Stack) -> None:
    url = stack.settings.action_endpoint
    forged = {
        "next_action": "action_delete_my_data",
        "sender_id": "x",
        "tracker": {},
        "domain": {},
        "version": "3.6.21",
    }
    assert requests.post(url, json=forged, timeout=10).status_code == 403
    assert requests.post(url, json=forged, headers={ACTION_SECRET_HEADER: "guess"}, timeout=10).status_code == 403
    assert requests.get(url.replace("/webhook", "/actions"), timeout=10).status_code == 403
    assert requests.get(url.replace("/webhook", "/health"), timeout=10).status_code == 200
    # Rasa sends the secret (endpoints.yml): a conversation that runs custom actions still works.
    assert Chat(stack).text("hello")
    others = {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)} - {"127.0.0.1"}
    for address in others:
        with socket.socket() as probe:
            probe.settimeout(1)
            assert probe.connect_ex((address, stack.settings.actions_port)) != 0, address


def test_a_megabyte_on_the_rest_channel_is_refused_at_once(stack: Stack) -> None:
    url = f"{stack.settings.rasa_url}/webhooks/rest/webhook"
    started = time.perf_counter()
    status, _ = _post(url, {"sender": uuid.uuid4().hex, "message": "je " * 350_000})
    assert status in (0, 413) and time.perf_counter() - started < 1.0
    chat = Chat(stack)
    started = time.perf_counter()
    long_text = ("mon ex a publié mes photos intimes sur internet " * 1200)[:60_000]
    assert chat.text(long_text), "a long message under the body limit is still answered"
    elapsed = time.perf_counter() - started
    assert elapsed < 5.0, f"{elapsed:.1f} s"




@pytest.mark.parametrize(
    "text", ["사진이 유출됐어요", "mon ex a publié mes photos déshabillée", "my ex leaked my nudes café"]
)
def test_decomposed_text_is_classified_like_composed_text(stack: Stack, text: str) -> None:
    decomposed = unicodedata.normalize("NFD", text)
    composed, split = parse(stack, text), parse(stack, decomposed)
    assert split["intent"]["name"] == composed["intent"]["name"] != "goodbye"
    assert split["text"] == text


def test_a_lone_surrogate_is_answered(stack: Stack) -> None:
    # json.dumps writes a lone surrogate as the escape \ud800, as a browser's JSON.stringify does.
    body = json.dumps({"sender": uuid.uuid4().hex, "message": "mon ex \ud800 a publié mes photos"})
    request = urllib.request.Request(
        f"{stack.settings.rasa_url}/webhooks/rest/webhook",
        data=body.encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        assert json.loads(answer.read()), "the message is answered, not lost"


def test_var_and_the_database_are_private(stack: Stack) -> None:
    assert stat.S_IMODE(stack.settings.var_dir.stat().st_mode) == 0o700
    database = Path(str(make_url(stack.settings.database_url).database))
    assert stat.S_IMODE(database.stat().st_mode) == 0o600
    assert stat.S_IMODE(stack.settings.token_file.stat().st_mode) == 0o600


def test_the_body_limit_leaves_room_for_what_relais_sends(stack: Stack) -> None:
    """An analyst's longest reply (4,000 characters, up to 16 KB in UTF-8) is appended to the tracker as before."""
    url = (
        f"{stack.settings.rasa_url}/conversations/{uuid.uuid4().hex}/tracker/events?token={stack.settings.rasa_token()}"
    )
    reply = [{"event": "bot", "text": None, "data": {"custom": {"data": {"text": "사" * 4000, "from": "analyst"}}}}]
    assert requests.post(url, json=reply, timeout=30).status_code == 200
