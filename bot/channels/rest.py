"""Rasa's REST channel (`/webhooks/rest/webhook`), with a clear answer when a turn cannot be served.

Rasa's own channel answers HTTP 200 with what was said before a failure, often `[]`: an integration
cannot tell a turn that failed from one that had nothing to say, and shows nothing. Here a failed turn
(bot/channels/turn_failure.py) is answered HTTP 503 with `turn.failed` as the only message, in the
usual shape (`[{"recipient_id": ..., "text": ...}]`) and `Retry-After`: what was said before the failure
is not shown, since the turn may not have been recorded. A client may resend once the tracker shows the
turn was not recorded (bench/conversations.py does). A `message` that is not a string is refused with
HTTP 400 `{"error": "message_not_text"}` before any turn. The streaming variant (`?stream=true`) is Rasa's.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from rasa.utils.endpoints import bool_arg
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse, ResponseStream

from bot.channels.turn_failure import serve

RETRY_AFTER_S = 5
"""Seconds a client is asked to wait before resending a failed turn: the faults measured last a few."""


class GuardedRestInput(RestInput):
    """`RestInput`, named `rest` like Rasa's, whose failed turns get HTTP 503 and `turn.failed`."""

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint(f"custom_webhook_{type(self).__name__}", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> ResponseStream | HTTPResponse:
            sender_id = await self._extract_sender(request)
            text = self._extract_message(request)
            if not isinstance(text, str):  # a number, a list, null: Rasa's channel failed the turn (HTTP 200, [])
                return response.json({"error": "message_not_text"}, status=400)
            input_channel = self._extract_input_channel(request)
            metadata = self.get_metadata(request)
            if bool_arg(request, "stream", default=False):
                stream = self.stream_response(on_new_message, text, sender_id, input_channel, metadata)
                return response.stream(stream, content_type="text/event-stream")
            collector = CollectingOutputChannel()
            message = UserMessage(text, collector, sender_id, input_channel=input_channel, metadata=metadata)
            if await serve(on_new_message, message):
                return response.json(collector.messages)
            # serve() said turn.failed last; it alone is the answer.
            return response.json(collector.messages[-1:], status=503, headers={"Retry-After": str(RETRY_AFTER_S)})

        return webhook
