"""The embedding cache returns exactly what the encoder gives, and never breaks a training."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np

from bot.components.embedding_cache import EmbeddingCache, encode_cached
from bot.components.sentence_encoders import SentenceEncoder, load_encoder

TEXTS = ["je veux supprimer mes données", "신고하고 싶어요", "hello", "hello"]


class Counting:
    """The real encoder, counting the texts it is asked to embed."""

    def __init__(self, encoder: SentenceEncoder) -> None:
        self.encoder, self.identity, self.dimension, self.seen = encoder, encoder.identity, encoder.dimension, 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.seen += len(texts)
        return self.encoder.encode(texts)


def test_cached_vectors_are_bit_for_bit_the_encoders(tmp_path: Path) -> None:
    encoder = Counting(load_encoder())
    cache = EmbeddingCache(tmp_path, encoder.identity, encoder.dimension)
    first = encode_cached(encoder, TEXTS, cache)
    assert encoder.seen == 3  # the duplicate is embedded once
    again = encode_cached(encoder, TEXTS, cache)
    assert encoder.seen == 3
    assert np.array_equal(first, again) and np.array_equal(first, load_encoder().encode(TEXTS))
    assert len(list(tmp_path.rglob("*.npy"))) == 3


def test_a_damaged_entry_is_recomputed_and_another_encoder_has_its_own_keys(tmp_path: Path) -> None:
    encoder = Counting(load_encoder())
    cache = EmbeddingCache(tmp_path, encoder.identity, encoder.dimension)
    encode_cached(encoder, TEXTS[:1], cache)
    cache.path(TEXTS[0]).write_bytes(b"not a vector")
    assert np.array_equal(encode_cached(encoder, TEXTS[:1], cache), load_encoder().encode(TEXTS[:1]))
    assert EmbeddingCache(tmp_path, "other", 384).path(TEXTS[0]) != cache.path(TEXTS[0])


def test_an_unwritable_cache_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    cache = EmbeddingCache(blocker / "cache", load_encoder().identity, 384)
    assert encode_cached(load_encoder(), TEXTS, cache).shape == (4, 384)
