"""Blank spaCy pipelines, one per language, built once per process.

Trained spaCy pipelines for spaCy < 3.5 are not installable here, so each language gets
`spacy.blank(...)`. Korean needs a morphological tokenizer: whitespace splitting keeps
particles attached ("사진을"), which breaks entity spans and sparsifies the vocabulary, so
Kiwi's morphemes are merged back into non-overlapping spans of the original text.
"""

from __future__ import annotations

from functools import cache

import spacy
from kiwipiepy import Kiwi
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from vocabulary.urls import URL

KOREAN_TOKENIZERS = ("kiwi", "rule")


class KiwiTokenizer:
    """A spaCy tokenizer whose tokens are Kiwi morphemes mapped back onto the text.

    A contracted form ("올렸" = 올리 + 었) becomes one token whose lemma joins the morphemes,
    so conjugations share a feature while every token stays a real span of the message.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._kiwi = Kiwi()
        # Kiwi loads its model on the first analysis (about 2 s): pay it here, not on a victim's message.
        self._kiwi.tokenize("안녕하세요")

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        lemmas: list[str] = []
        position = 0
        for start, end, lemma in [*self._spans(text), (len(text), len(text), "")]:
            # What Kiwi skipped (runs of spaces, newlines, control characters) becomes spaCy's own
            # whitespace tokens or one space after a word, so the Doc's text and offsets are the text's.
            gap = text[position:start]
            if gap.startswith(" ") and words and not spaces[-1]:
                spaces[-1], gap = True, gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
                lemmas.append(gap)
            if end > start:
                words.append(text[start:end])
                spaces.append(False)
                lemmas.append(lemma)
            position = end
        doc = Doc(self.vocab, words=words, spaces=spaces)
        for token, lemma in zip(doc, lemmas, strict=True):
            token.lemma_ = lemma
        return doc

    def _spans(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping (start, end, lemma) spans: links whole, the rest as merged morphemes."""
        spans: list[tuple[int, int, str]] = []
        position = 0
        for link in [*URL.finditer(text), None]:
            segment_end = link.start() if link else len(text)
            spans.extend(self._morphemes(text[position:segment_end], position))
            if link:
                spans.append((link.start(), link.end(), link.group()))
                position = link.end()
        return spans

    def _morphemes(self, segment: str, offset: int) -> list[tuple[int, int, str]]:
        spans: list[tuple[int, int, str]] = []
        for morph in self._kiwi.tokenize(segment):
            if morph.len == 0:
                continue
            start, end = offset + morph.start, offset + morph.start + morph.len
            if spans and start < spans[-1][1]:
                last_start, last_end, lemma = spans[-1]
                spans[-1] = (last_start, max(last_end, end), lemma + morph.form)
            else:
                spans.append((start, end, morph.form))
        return spans


def pipeline(language: str, korean_tokenizer: str = "kiwi") -> Language:
    """The blank pipeline for `language` (fr, ko or en), built once per process for each pair of arguments.

    `pipeline("ko")` and `pipeline("ko", "kiwi")` are the same object: a second Kiwi costs about 1 s to
    build and its own memory, and was built on the first Korean message (docs/measurements.md).
    """
    return _pipeline(language, korean_tokenizer)


@cache
def _pipeline(language: str, korean_tokenizer: str) -> Language:
    if language != "ko":
        return spacy.blank(language)
    nlp = spacy.blank("ko", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    if korean_tokenizer == "kiwi":
        nlp.tokenizer = KiwiTokenizer(nlp.vocab)
    return nlp
