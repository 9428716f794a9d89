"""Find countries and cities in a message and name them by ISO code.

Patterns live in patterns/countries.yml; matching ignores case and accents ("coree",
"Corée") and runs on each language's tokens, so Korean particles stay outside the match
("서울에서" -> 서울).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
from spacy.language import Language
from spacy.matcher import PhraseMatcher

from vocabulary.folding import fold

PATTERNS = Path(__file__).parent / "patterns" / "countries.yml"


@dataclass(frozen=True)
class CountryMention:
    start: int
    end: int
    text: str
    code: str


def _is_acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 4


@lru_cache(maxsize=1)
def names() -> dict[str, list[str]]:
    data = yaml.safe_load(PATTERNS.read_text(encoding="utf-8"))
    return {code: [str(name) for name in items] for code, items in data.items()}


@cache
def _matchers(nlp: Language) -> tuple[PhraseMatcher, PhraseMatcher]:
    """(folded names, case-sensitive acronyms): "us" is a word, "US" a country."""
    folded, exact = PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="ORTH")
    for code, items in names().items():
        folded.add(code, [nlp.make_doc(fold(n)) for n in items if not _is_acronym(n)])
        exact.add(code, [nlp.make_doc(n) for n in items if _is_acronym(n)])
    return folded, exact


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
            candidates.append(
                CountryMention(
                    span.start_char, span.end_char, text[span.start_char : span.end_char], nlp.vocab.strings[match_id]
                )
            )
    candidates.sort(key=lambda m: (m.start, m.start - m.end))
    kept: list[CountryMention] = []
    for mention in candidates:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept
