"""Find countries and cities in a message and name them by ISO code.

Patterns live in patterns/countries.yml; matching ignores case and accents ("coree",
"Corée") and runs on each language's tokens, so Korean particles stay outside the match
("서울에서" -> 서울). Words that only look like places are not countries: a region holding a
country's name ("Amérique latine"), a name that is an everyday word in lower case ("une
réunion", a meeting) and an acronym that is a word in a message written in capitals ("HELP US").
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from bot.components.country_names import entries, names
from vocabulary.folding import fold

REGION = "region"
"""Match key of a region that holds a country's name and names no country ("Amérique latine")."""
PLACE_WORDS = frozenset({"the", "in", "to", "from", "of"})
"""Words before "US" that make it the country in a message written in capitals."""


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    code: str


@lru_cache(maxsize=1)
def _capitalised_only() -> frozenset[str]:
    return frozenset(entries().get("capitalised_only", []))


@lru_cache(maxsize=1)
def _words_in_capitals() -> frozenset[str]:
    return frozenset(entries().get("words_in_capitals", []))


def _is_exact(name: str) -> bool:
    """Matched as written: an acronym ("US" the country, "us" the word) or a capitalised-only name."""
    return (name.isupper() and len(name) <= 4) or name in _capitalised_only()


@cache
def _matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
    """(folded names, names matched as written); regions match under the key REGION and yield nothing."""
    folded, exact = PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for code, items in [*names().items(), (REGION, entries().get("regions", []))]:
        folded.add(code, [nlp.make_doc(fold(n)) for n in items if not _is_exact(n)])
        exact.add(code, [nlp.make_doc(n) for n in items if _is_exact(n)])
    return folded, exact


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\n"


def _shouted(text: str) -> bool:
    """Written in capitals: most cased letters are upper case (at least eight of them)."""
    cased = [c for c in text if c.isalpha() and c.lower() != c.upper()]
    return len(cased) >= 8 and sum(c.isupper() for c in cased) >= 0.8 * len(cased)


def _a_place_here(text: str, mention: CountryMention) -> bool:
    """Whether a match read as written is a place in this text, not an everyday word."""
    if mention.text in _capitalised_only():
        return not _opens_sentence(text, mention.start)
    if mention.text in _words_in_capitals() and _shouted(text):
        previous = text[: mention.start].split()
        return bool(previous) and previous[-1].lower() in PLACE_WORDS
    return True


def preload(nlp: Language) -> None:
    """Build the name matchers of `nlp`'s language now, when Rasa loads the model: tokenising the country
    names with Kiwi takes about 2 s of CPU, which the first Korean message paid."""
    _matchers(nlp)


def find(text: str, nlp: Language) -> list[CountryMention]:
    """Country mentions in `text`; the longest match wins ("Corée du Nord" over "Corée")."""
    text = unicodedata.normalize("NFC", text)
    folded, exact = _matchers(nlp)
    folded_text, exact_doc = fold(text), nlp.make_doc(text)
    # Tokenising is the cost (Kiwi: about 0.1 ms a Hangul syllable); Korean text folds to itself.
    folded_doc = exact_doc if folded_text == text else nlp.make_doc(folded_text)
    candidates = []
    for matcher, doc in ((folded, folded_doc), (exact, exact_doc)):
        for match_id, start, end in matcher(doc):
            span = doc[start:end]
            mention = CountryMention(
                span.start_char, span.end_char, text[span.start_char : span.end_char], nlp.vocab.strings[match_id]
            )
            if matcher is folded or _a_place_here(text, mention):
                candidates.append(mention)
    candidates.sort(key=lambda m: (m.start, m.start - m.end))
    kept: list[CountryMention] = []
    for mention in candidates:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return [mention for mention in kept if mention.code != REGION]
