"""Facts a message carries besides its intent: an age, a minor, someone else's story, links, platforms.

An age comes from the `age` entity or from the words (`minor_cues.yml`), so a parent's
long story about "ma fille de 13 ans" reaches the child-protection route whatever the
classifier made of it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List

import yaml
from rasa_sdk import Tracker

from actions.cue_files import any_of
from content.knowledge.facts import ADULT_AGE
from vocabulary.folding import fold

_NUMBER = re.compile(r"(?<!\d)\d{1,3}(?!\d)")
MAX_AGE = 120
"""An `age` entity above this (or a number of four digits or more) is not a person's age."""
CUES = Path(__file__).with_name("minor_cues.yml")
MIN_AGE = 10
"""Younger "ages" in a story are nearly always durations or gaps ("ils ont 2 ans d'écart")."""


def _values(tracker: Tracker, entity: str) -> List[Any]:
    entities = (tracker.latest_message or {}).get("entities") or []
    return [e.get("value") for e in entities if e.get("entity") == entity and e.get("value") is not None]


@lru_cache(maxsize=1)
def _cues() -> Dict[str, Any]:
    data: Dict[str, Any] = yaml.safe_load(CUES.read_text(encoding="utf-8"))
    return {
        "ages": [re.compile(p) for p in data["ages"]],
        "duration_before": re.compile(data["duration_before"]),
        "pretended_before": re.compile(data["pretended_before"]),
        "duration_after": re.compile(data["duration_after"]),
        "numbers": {str(word): int(n) for word, n in data["numbers"].items()},
        "words": re.compile("|".join(data["words"])),
        "school": re.compile("|".join(data["school"])),
        "school_then": re.compile("|".join(data["school_then"])),
        "own_ages": [re.compile(p) for p in data["own_ages"]],
        "school_people": re.compile(data["school_people"]),
        "someone_else": re.compile("|".join(data["someone_else"])),
        "own_images": re.compile("|".join(data["own_images"])),
        "keep_from_parents": re.compile("|".join(data["keep_from_parents"])),
        "police": re.compile("|".join(data["police"])),
    }


def latest_text(tracker: Tracker) -> str:
    """The person's latest message as typed; "" when there is none."""
    return str((tracker.latest_message or {}).get("text") or "")


def _folded(raw: str) -> str:
    return fold(raw.replace("\u2019", "'"))


def folded_text(tracker: Tracker) -> str:
    """The latest message accent-folded and lower-cased, its apostrophes straight; "" for a button's payload."""
    raw = latest_text(tracker)
    return "" if raw.startswith("/") else _folded(raw)


def said_before(tracker: Tracker, cues: Path) -> bool:
    """Whether any typed message of this conversation, the latest included, holds a pattern of the cue file at
    `cues`, as `message_says` reads the latest one."""
    texts = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"] + [latest_text(tracker)]
    pattern = any_of(cues)
    return any(pattern.search(_folded(text)) for text in texts if text and not text.startswith("/"))


def message_says(tracker: Tracker, cues: Path) -> bool:
    """Whether the latest typed message (`folded_text`) holds a pattern of the cue file at `cues`
    (`actions/cue_files.py`); False for a button's payload.

    Raises OSError when the file cannot be read and re.error when a pattern is not a regular expression.
    """
    return bool(any_of(cues).search(folded_text(tracker)))


def ages_in_text(text: str, kind: str = "ages") -> List[int]:
    """Ages written in a message (accent-folded, lower-cased), in digits or in words: any age (`kind` "ages"),
    or only the writer's own or their child's (`kind` "own_ages": "j'ai 19 ans", "my daughter is 19")."""
    numbers: Dict[str, int] = _cues()["numbers"]
    found = []
    for pattern in _cues()[kind]:
        for match in pattern.finditer(text):
            if not _someones_age(text, match.start("age")):
                continue
            told = match.group("age").strip()
            value = int(told) if told.isdigit() else numbers.get(told, numbers.get(told.replace(" ", "")))
            if value is not None and value >= MIN_AGE:
                found.append(value)
    return found


def _someones_age(text: str, start: int) -> bool:
    """Whether a number at `start` of the folded `text` can be someone's real age: not a duration ("depuis 3
    ans") and not an age someone pretended to have ("il m'a fait croire qu'il avait 16 ans")."""
    cues = _cues()
    duration = cues["duration_before"].search(text[max(0, start - 25) : start])
    return not (duration or cues["pretended_before"].search(text[max(0, start - 40) : start]))


def _entity_ages(tracker: Tracker) -> List[int]:
    """The `age` entities' numbers, less those the words around them make a duration or a pretended age."""
    text = latest_text(tracker)
    entities = (tracker.latest_message or {}).get("entities") or []
    ages = []
    for entity in entities:
        if entity.get("entity") != "age" or entity.get("value") is None:
            continue
        start, end = entity.get("start"), entity.get("end")
        before = _folded(text[:start]) if isinstance(start, int) else None
        if before is not None and not _someones_age(before, len(before)):
            continue
        if isinstance(end, int) and _cues()["duration_after"].match(_folded(text[end:])):
            continue
        number = _NUMBER.search(str(entity["value"]))
        if number:
            ages.append(int(number.group()))
    return ages


def age(tracker: Tracker) -> int | None:
    """The youngest age the latest message gives (the `age` entity, then the words), or None; durations and ages
    someone pretended to have are no one's age (`_someones_age`)."""
    entities = _entity_ages(tracker)
    told = [value for value in entities if 0 < value <= MAX_AGE]
    told += ages_in_text(folded_text(tracker))
    return min(told) if told else None


def is_minor_age(tracker: Tracker) -> bool:
    found = age(tracker)
    return found is not None and found < ADULT_AGE


def at_school(tracker: Tracker) -> bool:
    """The message says someone is a pupil now, below university: "je suis au lycée", "고등학교 2학년이에요",
    "my daughter is in 8th grade" (the `school` cues; the past and the teachers are not)."""
    return bool(_cues()["school"].search(folded_text(tracker)))


def was_at_school(tracker: Tracker) -> bool:
    """At school now or then ("elle était en 4e", "I was in year 10"): an answer to "were they under the adult
    age when the images were made?", not a fact about the present."""
    return at_school(tracker) or bool(_cues()["school_then"].search(folded_text(tracker)))


def _user_texts(tracker: Tracker) -> List[str]:
    """The person's messages of the conversation, the latest included (accent-folded, lower-cased), buttons aside."""
    told = [str(e.get("text") or "") for e in tracker.events if e.get("event") == "user"]
    texts = [_folded(t) for t in told if t and not t.startswith("/")]
    return [*texts, folded_text(tracker)]


def minor_then(tracker: Tracker) -> bool:
    """The conversation says someone was under the adult age, now or when the images were made: an age under it
    ("j'avais 15 ans", "I was 16 then", "열다섯 살 때"), words of being a minor ("mineure", "고등학생"), or a school
    year of theirs in the past ("j'étais en seconde", "그때 고2였어요"), but not the viewers' or the friends'
    school ("고등학교 때 친구들이 다 봤어요")."""
    if is_minor_age(tracker):
        return True
    for text in _user_texts(tracker):
        own_school = _cues()["school_people"].sub(" ", text)
        ages = ages_in_text(text)
        if ages and min(ages) < ADULT_AGE:
            return True
        if _cues()["words"].search(text) or _cues()["school_then"].search(own_school):
            return True
    return False


def adult_told(tracker: Tracker) -> bool:
    """The person said their own age, or their child's, is the adult age or over ("j'ai 19 ans", "my daughter
    is 19", "지금 스무 살이에요"), in this message or an earlier one, or answered no to the report's "under 18 when
    the images were made?" (`intake_minor`), and nothing in the conversation says they were under it then
    (`minor_then`). School words of the story ("tout le lycée les a vues") then say where the images went, not
    the person's age."""
    told = [found for text in _user_texts(tracker) for found in ages_in_text(text, "own_ages")]
    adult = (bool(told) and min(told) >= ADULT_AGE) or tracker.get_slot("intake_minor") == "no"
    return adult and not minor_then(tracker)


def adult_now(tracker: Tracker) -> bool:
    """Whether the person said their own age now is the adult age or over ("I'm 19 now", "j'ai 22 ans", "지금 스무
    살이에요"), in this message or an earlier one, even if they were under it when the images were made: a
    young adult is not told to find an adult they trust."""
    told = [found for text in _user_texts(tracker) for found in ages_in_text(text, "own_ages")]
    return bool(told) and max(told) >= ADULT_AGE


def speaks_of_minor(tracker: Tracker) -> bool:
    """An age under the adult age, words of being a minor ("mineure", "middle school", "중학생"), or of being
    at school now ("au lycée", "in year 10"), unless the person said they are an adult (`adult_told`)."""
    if is_minor_age(tracker):
        return True
    text = folded_text(tracker)
    return (bool(_cues()["words"].search(text)) or at_school(tracker)) and not adult_told(tracker)


SOMEONE_ELSE_SLOT = "someone_else"
"""Remembers that a message of the person's told what happened to someone else (set by `RelaisAction`)."""


def about_someone_else(tracker: Tracker) -> bool:
    """The message tells what happened to someone else: "ma fille", "my son", "우리 딸", unless it speaks of the
    writer's own images ("mon frère a partagé mes photos", "my brother filmed me", "동생이 제 사진을")."""
    text = folded_text(tracker)
    return bool(_cues()["someone_else"].search(text)) and not _cues()["own_images"].search(text)


def told_by_someone_else(tracker: Tracker) -> bool:
    """Whether the person writes about someone else (a parent, a friend): they answered "someone else" to the
    intake's "is it you?", or this message says so ("ma fille", "my son", "우리 딸"), or, unless they answered
    "it's me", an earlier message of the conversation did (`SOMEONE_ELSE_SLOT`)."""
    subject = tracker.get_slot("intake_subject")
    if subject == "other" or about_someone_else(tracker):
        return True
    return subject != "self" and bool(tracker.get_slot(SOMEONE_ELSE_SLOT))


def keeps_from_parents(tracker: Tracker) -> bool:
    """The message asks that the writer's parents not know ("sans que mes parents le sachent", "부모님 모르게",
    "please don't tell my parents"), matched on the folded text (`keep_from_parents` in `minor_cues.yml`)."""
    return bool(_cues()["keep_from_parents"].search(folded_text(tracker)))


def asks_if_police_tell_parents(tracker: Tracker) -> bool:
    """The message keeps it from the writer's parents (`keeps_from_parents`) and names the police or a report
    ("경찰에 신고하면 부모님한테 연락가요?", "si je porte plainte mes parents seront prévenus ?"): `police` in
    `minor_cues.yml`."""
    return keeps_from_parents(tracker) and bool(_cues()["police"].search(folded_text(tracker)))


def platforms(tracker: Tracker) -> List[str]:
    return [str(value) for value in _values(tracker, "platform")]


def platforms_told(tracker: Tracker) -> List[str]:
    """The platforms named in any typed message of this conversation so far, the latest included (entity `platform`),
    in order, each once: "…sur insta et twitter" told in the story need not be asked again in the report."""
    told: List[str] = []
    for event in tracker.events:
        if event.get("event") != "user" or str(event.get("text") or "").startswith("/"):
            continue
        for entity in (event.get("parse_data") or {}).get("entities") or []:
            value = entity.get("value")
            if entity.get("entity") == "platform" and value is not None and str(value) not in told:
                told.append(str(value))
    return told + [value for value in platforms(tracker) if value not in told]


def mentions_links_or_platforms(tracker: Tracker) -> bool:
    return bool(_values(tracker, "url") or _values(tracker, "platform"))
