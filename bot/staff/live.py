"""What the console shows of a conversation: the user and bot events of Rasa's tracker, from an index on.

A button the person pressed arrives as its payload (`/inform{"intake_choice": "today"}`); it is shown
by the title the person saw on the button, from the bot message that offered it.
"""

from __future__ import annotations

from typing import Any, Dict, List


def _bot_text(event: Dict[str, Any]) -> tuple[str, str]:
    custom = ((event.get("data") or {}).get("custom") or {}).get("data") or {}
    if custom.get("from") == "analyst":
        return "analyst", str(custom.get("text") or "")
    return "bot", str(event.get("text") or "")


def _buttons(event: Dict[str, Any]) -> Dict[str, str]:
    """Payload → title of the buttons a bot event offered (Rasa keeps them in `data.buttons`)."""
    found = (event.get("data") or {}).get("buttons") or []
    return {str(b.get("payload")): str(b.get("title")) for b in found if isinstance(b, dict) and b.get("title")}


def messages(events: List[Dict[str, Any]], since: int) -> List[Dict[str, Any]]:
    """Victim, bot and analyst lines with their tracker index and time (`at`, Unix seconds), so the console asks
    only for newer ones; a pressed button is its title with `pressed: true`."""
    offered: Dict[str, str] = {}
    for event in events[:since]:
        if event.get("event") == "bot":
            offered.update(_buttons(event))
    lines: List[Dict[str, Any]] = []
    for index, event in enumerate(events[since:], start=since):
        kind = event.get("event")
        if kind == "user":
            text = str(event.get("text") or "")
            line = {"index": index, "from": "victim", "text": text, "at": event.get("timestamp")}
            if text in offered:
                line.update(text=offered[text], pressed=True)
            lines.append(line)
        elif kind == "bot":
            author, text = _bot_text(event)
            offered.update(_buttons(event))
            if text:
                lines.append({"index": index, "from": author, "text": text, "at": event.get("timestamp")})
    return lines


def unanswered(events: List[Dict[str, Any]]) -> List[str]:
    """What the person typed after the last analyst or assistant line (while held, the assistant's last line is
    "you are now talking with…"), button presses left out: the words nobody answered when an analyst hands
    the conversation back."""
    lines = messages(events, 0)
    last = max((i for i, line in enumerate(lines) if line["from"] != "victim"), default=-1)
    return [line["text"] for line in lines[last + 1 :] if line["from"] == "victim" and not line.get("pressed")]
