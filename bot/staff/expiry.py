"""Silent queue entries expire, and their conversation stops saying that a person is coming.

The web process (bot/web/background.py) calls `expire_silent` every minute. The queue module marks
the entries (state `expired`); then each conversation is told through Rasa's HTTP API, as the
takeover service tells it of a claim: its `handoff_state` slot becomes `expired`. Nothing is said
to the person then (they have gone quiet, and a message could reach a phone someone else sees);
the next time they write, the assistant says calmly that the request lapsed and offers to ask
again (actions/handoff_lapse.py), and the slot goes back to `none`.
"""

from __future__ import annotations

import logging

import aiohttp

from bot.settings import Settings
from bot.staff import queue, rasa_api
from bot.storage.db import in_thread

SLOT = "handoff_state"
LAPSED = "expired"
"""The slot's value from the expiry until the person is told. It is not among the domain's listed values
(bot/domain/handoff.yml: none, waiting, human, closed) so that adding it needs no new model: the slot does
not influence the conversation, and Rasa 3.6 keeps any value of such a categorical slot as it is."""
log = logging.getLogger(__name__)


async def expire_silent(settings: Settings, http: aiohttp.ClientSession) -> list[str]:
    """Expire the waiting requests silent for RELAIS_HANDOFF_SILENCE_MINUTES and set their conversations'
    slot to `expired`; returns the sender ids expired.

    A conversation Rasa cannot be told about now keeps `waiting` in its slot; the action server then
    reads the queue when the person writes (actions/handoff_lapse.py), so they are told all the same.
    Raises sqlalchemy errors of the database (the caller retries a minute later).
    """
    silence_s = settings.handoff_silence_minutes * 60
    expired = await in_thread(settings.database_url, lambda db: queue.expire_silent(db, silence_s))
    for sender_id in expired:
        try:
            await rasa_api.append(http, settings, sender_id, [rasa_api.slot(SLOT, LAPSED)])
        except rasa_api.RasaUnavailableError as error:
            log.warning("an expired queue entry's conversation could not be told: %s", error)
    if expired:
        log.info("%d silent queue entr%s expired", len(expired), "y" if len(expired) == 1 else "ies")
    return expired
