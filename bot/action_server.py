"""The action server as Relais runs it: `python -m bot.action_server [rasa_sdk options]`.

The same as `python -m rasa_sdk`, except that every call but /health must carry the shared secret
(Settings.action_secret) in the ACTION_SECRET_HEADER header, which Rasa sends from endpoints.yml
(bot/runtime_config.py). Without it the server answers 403 and runs nothing: the action server
trusts the tracker it is sent, so a forged one could otherwise read a case or erase a conversation.
It listens on Settings.actions_host (127.0.0.1) only, whoever starts it (Sanic's SANIC_HOST).
The check is attached through rasa_sdk's own plugin hook (`attach_sanic_app_extensions`).

Sanic closes a connection that has sent no request for KEEP_ALIVE_TIMEOUT seconds (5 by default), counting
from the moment it accepted it. Rasa opens a new connection for each action call, and its event loop can
stall for seconds between connecting and writing the request (a prediction, a SQLite write waiting for the
file); Sanic then closed the connection under it, Rasa logged "Cannot write to closing transport", dropped
the action and answered the person with nothing (`make bench-load`: 33 of 80 turns at concurrency 10).
The action server therefore waits as long as Rasa waits for an action (CALL_WAIT_S). Rasa closes each
connection after its answer, so no idle connections pile up.
"""

from __future__ import annotations

import hmac
import os

import pluggy
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.settings import load

ACTION_SECRET_HEADER = "X-Relais-Action-Secret"
OPEN_PATHS = ("/health",)
hookimpl = pluggy.HookimplMarker("rasa_sdk")
CALL_WAIT_S = 300
"""Seconds a connection may wait for its request: Rasa 3.6's own limit on an action call
(rasa.core.constants.DEFAULT_REQUEST_TIMEOUT, which this layer may not import)."""


class SharedSecret:
    """A rasa_sdk plugin: refuse any call without the secret."""

    def __init__(self, secret: str) -> None:
        self._secret = secret

    def allowed(self, request: Request) -> bool:
        if request.path in OPEN_PATHS:
            return True
        submitted = request.headers.get(ACTION_SECRET_HEADER, "")
        return hmac.compare_digest(submitted.encode("utf-8", "replace"), self._secret.encode())

    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        async def check(request: Request) -> HTTPResponse | None:
            return None if self.allowed(request) else response.json({"error": "forbidden"}, status=403)

        app.register_middleware(check, "request")


def main() -> None:
    from rasa_sdk.__main__ import main as sdk_main
    from rasa_sdk.plugin import plugin_manager

    settings = load()
    os.environ["SANIC_HOST"] = settings.actions_host
    os.environ["SANIC_KEEP_ALIVE_TIMEOUT"] = str(CALL_WAIT_S)
    plugin_manager().register(SharedSecret(settings.action_secret()))
    sdk_main()


if __name__ == "__main__":
    main()
