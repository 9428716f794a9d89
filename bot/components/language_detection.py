"""Tell French, Korean and English apart, and say whether the guess may change a conversation.

Kept free of Rasa so the NLU pipeline, the actions and the tests share one definition of
"reliable": a Hangul syllable anywhere means Korean, even among English words
("전 남친이 my photos를 올렸어 what do I do"), and a message of one or two words never counts as
reliable, because detectors are unsure or wrong on "ok", "merci" or "네". A French or
English guess also needs one of the language's stop words: detectors happily call a line
of gibberish English, but real sentences of three words almost always contain "je", "the"...
Detectors learn from edited prose, so texting French ("slt g un pb un keum a mes photos") reads as
English to them: the words that belong to one language only (its stop words and its texting
words, `patterns/texting.yml`) outvote the detector when they clearly favour the other language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml
from lingua import Language, LanguageDetector, LanguageDetectorBuilder
from spacy.lang.en.stop_words import STOP_WORDS as ENGLISH_STOP_WORDS
from spacy.lang.fr.stop_words import STOP_WORDS as FRENCH_STOP_WORDS

from vocabulary.urls import URL

MIN_RELIABLE_WORDS = 3
MIN_RELIABLE_CONFIDENCE = 0.6
MIN_WORD_MARGIN = 2
"""How many more words of its own the other language needs to outvote the detector in a sentence."""
MIN_SHORT_WORD_MARGIN = 1
"""The same in a message of one or two words ("slt", "wesh", "pls"), whose guess is never reliable anyway: the
detector reads texting greetings as English, and a first message's guess chooses the welcome's language."""
TEXTING = Path(__file__).parent / "patterns" / "texting.yml"

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7af]")
MIN_RELIABLE_SYLLABLES = 4
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
_LINGUA_CODES = {Language.FRENCH: "fr", Language.ENGLISH: "en"}
_STOP_WORDS = {"fr": FRENCH_STOP_WORDS, "en": ENGLISH_STOP_WORDS}
_OTHER = {"fr": "en", "en": "fr"}


@lru_cache(maxsize=1)
def own_words() -> dict[str, frozenset[str]]:
    """Language code -> the words only that language uses: its stop words that are not the other's, and its
    texting words (`patterns/texting.yml`), less the words typed in both (its `both` list: "hi", "stop"). Lower
    case."""
    texting = yaml.safe_load(TEXTING.read_text(encoding="utf-8"))
    shared = {str(w) for w in texting["both"]}
    return {
        code: frozenset((_STOP_WORDS[code] - _STOP_WORDS[_OTHER[code]]) | {str(w) for w in texting[code]}) - shared
        for code in _STOP_WORDS
    }


@dataclass(frozen=True)
class Detection:
    """A language guess; `reliable` says whether it may override the conversation language."""

    language: str | None
    reliable: bool

    def as_dict(self) -> dict[str, object]:
        return {"language": self.language, "reliable": self.reliable}


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*_LINGUA_CODES).with_preloaded_language_models().build()


def preload() -> None:
    """Load the language models and the words of each language now, when Rasa loads the model, not on a victim's
    first message."""
    _detector()
    own_words()


def detect(text: str) -> Detection:
    """Guess the language of one message (URLs are ignored: they carry no language)."""
    prose = URL.sub(" ", text or "")
    letters = _LETTER.findall(prose)
    if not letters:
        return Detection(None, False)
    long_enough = len(prose.split()) >= MIN_RELIABLE_WORDS
    syllables = len(_HANGUL_SYLLABLE.findall(prose))
    if syllables or len(_HANGUL.findall(prose)) * 2 >= len(letters):
        return Detection("ko", long_enough and syllables >= MIN_RELIABLE_SYLLABLES)
    best = _detector().compute_language_confidence_values(prose)[0]
    language = _LINGUA_CODES[best.language]
    words = [word.lower() for word in _WORD.findall(prose.replace("'", " ").replace("’", " "))]
    own = {code: sum(word in vocabulary for word in words) for code, vocabulary in own_words().items()}
    other = _OTHER[language]
    margin = MIN_WORD_MARGIN if long_enough else MIN_SHORT_WORD_MARGIN
    if own[other] >= own[language] + margin:
        return Detection(other, long_enough)
    confident = best.value >= MIN_RELIABLE_CONFIDENCE and bool(set(words) & _STOP_WORDS[language])
    # "on est a montreal" in a French conversation: "on" and "a" are English words too, "est" is French only; a
    # guess with fewer words of its own than the other language's never switches the conversation.
    outvoted = own[language] < own[other]
    return Detection(
        language, long_enough and not outvoted and (confident or own[language] >= own[other] + MIN_WORD_MARGIN)
    )
