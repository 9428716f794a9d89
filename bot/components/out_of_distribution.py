"""Recognise messages with no usable words, so they get a gentle check-in instead of a guess.

A classifier always names some intent: `😭😭😭` became a goodbye, `...` a story of shared
images, `??` a country. A message made only of emoji or punctuation, a lone letter, a
keyboard mash or another language carries nothing to act on; this component runs after the
classifiers (before the CrisisGuard, which still wins on an explicit risk to life), turns such
a message into `nlu_fallback` with an empty ranking, and says why in the parse data
(`out_of_distribution`), which the actions read to choose the check-in.

Kinds, in the parse data under OOD_KEY:
- `tears`: crying or sad emoji, `ㅠㅠ`, `T_T` and nothing else;
- `symbols`: other emoji or punctuation only;
- `letter`: one letter (`y`, `n`, `o`, `k`, `ㅇ` and the words of `patterns/out_of_distribution.yml`
  are left to the classifier);
- `mash`: keyboard runs, letters without vowels or one letter repeated, Korean letters that are
  no word (`ㅁㄴㅇㄹ`, `ㅋㅋ`);
- `language`: another script, or a sentence of three words or more in another Latin-script language.
A message with digits only (an age, a PIN, a phone number), a link, a report reference or a
Hangul syllable is never out of distribution.
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Dict, FrozenSet, List

import yaml
from lingua import Language, LanguageDetector, LanguageDetectorBuilder
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.cases.reference import reference_in
from bot.components.stateless import StatelessComponent
from vocabulary.parse_keys import OOD_KEY
from vocabulary.urls import URL

PATTERNS = Path(__file__).parent / "patterns" / "out_of_distribution.yml"

MIN_SENTENCE_WORDS = 3
MIN_OTHER_CONFIDENCE = 0.9
MIN_MASH_LETTERS = 4
MIN_VOWELLESS_LETTERS = 5
MIN_CONSONANT_RUN = 5

_LETTER = re.compile(r"[^\W\d_]")
_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]+")
_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7af]")
_JAMO = re.compile(r"[\u1100-\u11ff\u3130-\u318f]")
_VOWELS = frozenset("aeiouy")
_OURS = (Language.FRENCH, Language.ENGLISH)


@lru_cache(maxsize=1)
def _config() -> Dict[str, Any]:
    data: Dict[str, Any] = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    others = [Language.from_str(name) for name in _config()["other_languages"]]
    builder = LanguageDetectorBuilder.from_languages(*_OURS, *others).with_low_accuracy_mode()
    return builder.with_preloaded_language_models().build()


@cache
def _stop_words(language: Language) -> FrozenSet[str]:
    code = language.iso_code_639_1.name.lower()
    module = importlib.import_module(f"spacy.lang.{code}.stop_words")
    return frozenset(module.STOP_WORDS)


def preload() -> None:
    """Build the language detector when Rasa loads the model, not on a victim's message."""
    _detector()


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def is_mash(word: str) -> bool:
    """A Latin-script word no one writes: a keyboard run, no vowel, five consonants in a row, `jjjj`."""
    plain = _plain(word)
    if len(plain) < MIN_MASH_LETTERS:
        return False
    rows = _config()["keyboard_rows"]
    if any(plain in row or plain in row[::-1] for row in rows):
        return True
    if len(set(plain)) == 1:
        return True
    if len(plain) >= MIN_VOWELLESS_LETTERS and not _VOWELS & set(plain):
        return True
    run = longest = 0
    for char in plain:
        run = 0 if char in _VOWELS else run + 1
        longest = max(longest, run)
    return longest >= MIN_CONSONANT_RUN


def _only_tears(text: str) -> bool:
    rest = text
    for cue in sorted(_config()["tears"], key=len, reverse=True):
        rest = rest.replace(cue, " ")
    return rest != text and not _LETTER.search(rest) and not _DIGIT.search(rest)


def _another_latin_language(text: str) -> bool:
    """Another language, confidently, in a sentence without one French or English function word.

    The detector alone is not enough (it calls short English messages Tagalog): a French or
    English stop word that is not also one of the other language's vetoes the guess.
    """
    words = [word.lower() for word in _WORD.findall(text) if len(word) >= 2]
    if len(words) < MIN_SENTENCE_WORDS:
        return False
    best = _detector().compute_language_confidence_values(text)[0]
    if best.language in _OURS or best.value < MIN_OTHER_CONFIDENCE:
        return False
    theirs = _stop_words(best.language)
    return not any(word not in theirs and any(word in _stop_words(o) for o in _OURS) for word in words)


def _repeats_a_word(letters: List[str], words: List[str]) -> bool:
    """`ㄱㅅㄱㅅ`, `ㅎㅇㅎㅇ`: a known short word typed twice or more."""
    squeezed = "".join(letters).lower()
    return any(len(squeezed) % len(w) == 0 and squeezed == w * (len(squeezed) // len(w)) for w in words)


def kind_of(text: str) -> str | None:
    """The kind of out-of-distribution message `text` is (see above), or None for a real message."""
    if not text.strip() or text.startswith("/") or URL.search(text) or reference_in(text):
        return None
    if _only_tears(text):
        return "tears"
    letters = _LETTER.findall(text)
    if not letters:
        return None if _DIGIT.search(text) else "symbols"
    if _HANGUL_SYLLABLE.search(text):
        return None
    words = _config()["words"]
    if "".join(letters).lower() in words or text.strip().lower() in words or _repeats_a_word(letters, words):
        return None
    if len(letters) == 1:
        return "letter"
    if all(_JAMO.match(char) for char in letters):
        return "mash"
    if sum(map(_is_latin, letters)) * 2 < len(letters):
        return "language"
    words = _WORD.findall(text)
    long_words = [word for word in words if len(word) >= 3]
    if long_words and all(is_mash(word) for word in long_words):
        return "mash"
    return "language" if _another_latin_language(text) else None


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, is_trainable=False)
class OutOfDistribution(StatelessComponent):
    """Marks messages without usable words as `nlu_fallback`, with their kind under OOD_KEY."""

    def __init__(self) -> None:
        preload()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT)
            kind = kind_of(text) if isinstance(text, str) else None
            if kind is None:
                continue
            fallback = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 1.0}
            message.set(INTENT, fallback, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [dict(fallback)], add_to_output=True)
            message.set(OOD_KEY, kind, add_to_output=True)
        return messages
