"""Which language the assistant answers in.

Precedence: an explicit choice (a language button, "can we speak Korean?", or the widget's
selector sent as metadata `language`), made in this message or earlier (slot
`chosen_language`: a choice sticks until the person makes another one); then detection on
the message, when it is reliable (three words or more, confident; a Hangul syllable means
Korean) and the message was understood; then the current conversation language. So "ok",
"네", a line of gibberish or an emoji never flips a conversation.
A channel's weak hint (metadata `language_hint`: Telegram's `language_code`, the browser
language) only decides when nothing else does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasa_sdk import Tracker

from actions.facts_in_message import message_says
from vocabulary.languages import SUPPORTED
from vocabulary.parse_keys import DETECTION_KEY, OOD_KEY

DEFAULT_LANGUAGE = "en"
CHOSEN_SLOT = "chosen_language"
CUES = Path(__file__).with_name("language_cues.yml")


def _supported(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return code if code in SUPPORTED else None


def asks_who_can_get_help_in(tracker: Tracker) -> bool:
    """Whether the latest message asks whether someone else, or a service, can use a language ("can she get help
    in english?", "영어로도 상담 돼요?": `language_cues.yml`), rather than choosing one for this chat."""
    return message_says(tracker, CUES)


def explicit_choice(tracker: Tracker) -> str | None:
    """A language the person asked for in this very message, if any. A message that names two of them ("le centre
    parle anglais ou français ?") asks about languages and chooses none, and so does a question about who can get
    help in a language (`asks_who_can_get_help_in`)."""
    message = tracker.latest_message or {}
    if (message.get("intent") or {}).get("name") == "change_language" and not asks_who_can_get_help_in(tracker):
        entities = message.get("entities") or []
        named = {_supported(e.get("value")) for e in entities if e.get("entity") == "language"} - {None}
        if len(named) == 1:
            return named.pop()
    return _supported((message.get("metadata") or {}).get("language"))


def chosen_language(tracker: Tracker) -> str | None:
    """The language the person asked for, in this message or in an earlier one."""
    return explicit_choice(tracker) or _supported(tracker.get_slot(CHOSEN_SLOT))


def conversation_language(tracker: Tracker) -> str:
    """The language to answer this message in."""
    chosen = chosen_language(tracker)
    if chosen:
        return chosen
    message = tracker.latest_message or {}
    detection = message.get(DETECTION_KEY) or {}
    # An emoji, a mash or another language says nothing about which of ours to answer in.
    # ...except Hangul: consonants typed alone ("ㅈㄱ ㅅㄹㅈㄱ ㅅㅇ") are Korean texting, never another language.
    hangul = detection.get("language") == "ko"
    detected = None if message.get(OOD_KEY) and not hangul else _supported(detection.get("language"))
    current = _supported(tracker.get_slot("language"))
    # Hangul is never gibberish in another language: a reliable Korean guess needs no intent.
    understood = detected == "ko" or (message.get("intent") or {}).get("name") != "nlu_fallback"
    if detected and detection.get("reliable") and understood:
        return detected
    if current:
        return current
    hint = _supported((message.get("metadata") or {}).get("language_hint"))
    return hint or detected or DEFAULT_LANGUAGE
