"""An offer to send an image, a video or a screenshot, answered plainly: no, keep it; words and a link are enough.

"je peux vous envoyer la photo pour que vous voyiez de quoi je parle ?" got the privacy text, and "vous voulez que je
vous transfère les captures d'écran des menaces ?" a blackmail's steps: neither said not to send it. Relais never
needs, opens or keeps an image (DESIGN.md); the person hears so first (`images.not_needed`), whatever the classifier
made of the message (`send_image_cues.yml`).
"""

from __future__ import annotations

from pathlib import Path

from rasa_sdk import Tracker

from actions.facts_in_message import message_says

SEND_IMAGE_CUES = Path(__file__).with_name("send_image_cues.yml")
NOT_NEEDED = "images.not_needed"


def offers_an_image(tracker: Tracker) -> bool:
    """Whether the latest typed message offers or asks to send an image, a video or a screenshot
    (`send_image_cues.yml`)."""
    return message_says(tracker, SEND_IMAGE_CUES)
