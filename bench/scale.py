"""How the vector index scales: synthetic unit vectors of dimension 384, no text embedded.

For each size, each index type (exact and HNSW, each with float32 vectors and with float16 ones as
the product keeps them; IVF): build seconds (all cores), memory (serialized size), single-query p50
(one thread, as the product searches), and recall@10 against exact search. The vectors are drawn
around 2,000 random centres on the sphere
(text embeddings cluster by topic; uniform random vectors would flatter no index and match no corpus).

    python bench/scale.py [--sizes 10000 100000 1000000] [--queries 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

import faiss
import numpy as np

DIM = 384
CORES = os.cpu_count() or 1


def vectors(n: int, rng: np.random.Generator, centres: np.ndarray) -> np.ndarray:
    out = np.empty((n, DIM), dtype=np.float32)
    for start in range(0, n, 100_000):
        m = min(100_000, n - start)
        x = centres[rng.integers(0, len(centres), m)] + rng.normal(0, 0.06, (m, DIM)).astype(np.float32)
        out[start:start + m] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out


def measure(index: faiss.Index, data: np.ndarray, queries: np.ndarray, truth: np.ndarray | None, train: bool):
    t0 = time.perf_counter()
    if train:
        index.train(data[: min(len(data), 100_000)])
    index.add(data)
    build = time.perf_counter() - t0
    size_mb = faiss.serialize_index(index).nbytes / 1e6
    p50, recall, found = measure_search(index, queries, truth)
    return build, size_mb, p50, recall, found


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=200)
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    c = rng.normal(size=(2000, DIM)).astype(np.float32)
    centres = c / np.linalg.norm(c, axis=1, keepdims=True)
    print(f"{'vectors':>9} {'index':<26} {'build s':>8} {'MB':>7} {'p50 ms':>7} {'recall@10':>9}")
    for n in args.sizes:
        data = vectors(n, rng, centres)
        queries = vectors(args.queries, rng, centres)
        flat = faiss.IndexFlatIP(DIM)
        b, mb, p50, _, truth = measure(flat, data, queries, None, False)
        print(f"{n:>9} {'flat (exact)':<26} {b:>8.1f} {mb:>7.0f} {p50:>7.2f} {1.0:>9.3f}", flush=True)
        fp16 = faiss.IndexScalarQuantizer(DIM, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT)
        b, mb, p50, recall, _ = measure(fp16, data, queries, truth, False)  # what the product keeps below the crossover
        print(f"{n:>9} {'flat float16':<26} {b:>8.1f} {mb:>7.0f} {p50:>7.2f} {recall:>9.3f}", flush=True)
        for storage in ("float32", "float16"):  # float16: the product's (qa/indexing.py)
            if storage == "float32":
                hnsw = faiss.IndexHNSWFlat(DIM, 32, faiss.METRIC_INNER_PRODUCT)
            else:
                hnsw = faiss.IndexHNSWSQ(DIM, faiss.ScalarQuantizer.QT_fp16, 32, faiss.METRIC_INNER_PRODUCT)
            hnsw.hnsw.efConstruction = 80
            b, mb, _, _, _ = measure(hnsw, data, queries[:1], None, False)
            for ef in (64, 128):
                hnsw.hnsw.efSearch = ef
                p50, recall, _ = measure_search(hnsw, queries, truth)
                name = f"hnsw {storage} efSearch={ef}"
                print(f"{n:>9} {name:<26} {b:>8.1f} {mb:>7.0f} {p50:>7.2f} {recall:>9.3f}", flush=True)
        nlist = int(4 * np.sqrt(n))
        ivf = faiss.IndexIVFFlat(faiss.IndexFlatIP(DIM), DIM, nlist, faiss.METRIC_INNER_PRODUCT)
        b, mb, _, _, _ = measure(ivf, data, queries[:1], None, True)
        for nprobe in (16, 64):
            ivf.nprobe = nprobe
            p50, recall, _ = measure_search(ivf, queries, truth)
            print(f"{n:>9} {f'ivf{nlist} nprobe={nprobe}':<26} {b:>8.1f} {mb:>7.0f} {p50:>7.2f} {recall:>9.3f}",
                  flush=True)


def measure_search(index: faiss.Index, queries: np.ndarray, truth: np.ndarray | None):
    """Single-query p50 in ms, recall@10 against `truth` (1 when there is none), and the ids found."""
    times, found = [], []
    faiss.omp_set_num_threads(1)  # as the product searches: one question, one thread (see qa/indexing.py)
    for q in queries:
        t0 = time.perf_counter()
        _, ids = index.search(q[None, :], 10)
        times.append(time.perf_counter() - t0)
        found.append(ids[0])
    faiss.omp_set_num_threads(CORES)  # builds use every core
    found = np.array(found)
    recall = 1.0 if truth is None else float(np.mean([len(set(a) & set(b)) / 10 for a, b in zip(found, truth, strict=True)]))
    return 1000 * statistics.median(times), recall, found


if __name__ == "__main__":
    main()
