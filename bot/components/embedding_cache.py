"""A disk cache of sentence vectors for training texts, so retraining does not re-embed them.

Embedding the ~3,000 training examples takes about a minute on one core; after any change to
the training data Rasa's graph cache misses and would embed them all again. This cache keeps
one `.npy` file per (encoder identity, text), named by the SHA-256 of both, and returns the
exact float32 vector the encoder gave: the encoders are deterministic, so a cached vector is
bit-for-bit what recomputing it would give, and the cache never changes a result.

Only training texts are cached (the featurizer never caches a parsed message): no victim's
message is ever written to disk, not even as a vector.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Sequence

import numpy as np

from bot.components.sentence_encoders import SentenceEncoder

DEFAULT_DIRECTORY = Path(".rasa") / "e5-cache"
"""Default location, beside Rasa's own training cache (`.rasa/cache`), relative to the working directory."""


def default_directory() -> Path:
    """`$RELAIS_EMBEDDING_CACHE` if set, else `.rasa/e5-cache` beside `$RASA_CACHE_DIRECTORY` (or `.rasa/cache`)."""
    explicit = os.environ.get("RELAIS_EMBEDDING_CACHE")
    if explicit:
        return Path(explicit)
    rasa_cache = os.environ.get("RASA_CACHE_DIRECTORY")
    return Path(rasa_cache).parent / "e5-cache" if rasa_cache else DEFAULT_DIRECTORY


class EmbeddingCache:
    """Vectors of one encoder (`identity`) under `directory`, one file per text."""

    def __init__(self, directory: Path, identity: str, dimension: int) -> None:
        self.directory = directory
        self.identity = identity
        self.dimension = dimension

    def path(self, text: str) -> Path:
        """Where the vector of `text` lives: <directory>/<2 hex>/<sha256(identity NUL text)>.npy."""
        digest = hashlib.sha256(f"{self.identity}\0{text}".encode()).hexdigest()
        return self.directory / digest[:2] / f"{digest}.npy"

    def get(self, text: str) -> np.ndarray | None:
        """The cached float32 vector (shape (dimension,)), or None if absent or unreadable."""
        try:
            vector = np.load(self.path(text), allow_pickle=False)
        except (OSError, ValueError):
            return None
        if vector.dtype != np.float32 or vector.shape != (self.dimension,):
            return None
        return vector

    def put(self, text: str, vector: np.ndarray) -> None:
        """Store a vector atomically (write to a temporary file, then rename); errors are ignored.

        A read-only or full disk only costs speed, never a failed training.
        """
        target = self.path(text)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=target.parent, suffix=".tmp", delete=False) as handle:
                np.save(handle, np.asarray(vector, dtype=np.float32), allow_pickle=False)
            os.replace(handle.name, target)
        except OSError:
            return


def encode_cached(encoder: SentenceEncoder, texts: Sequence[str], cache: EmbeddingCache | None) -> np.ndarray:
    """Embed `texts` (float32, shape (len(texts), encoder.dimension)), reading and filling `cache`.

    Duplicate texts are embedded once. With `cache=None` this is `encoder.encode(texts)`.
    """
    if cache is None:
        return encoder.encode(texts)
    vectors = np.zeros((len(texts), encoder.dimension), dtype=np.float32)
    missing: dict[str, list[int]] = {}
    for row, text in enumerate(texts):
        cached = cache.get(text)
        if cached is None:
            missing.setdefault(text, []).append(row)
        else:
            vectors[row] = cached
    if missing:
        fresh = encoder.encode(list(missing))
        for (text, rows), vector in zip(missing.items(), fresh, strict=True):
            vectors[rows] = vector
            cache.put(text, vector)
    return vectors
