"""The file store against the Milvus store, on the same corpus and questions: parity and cost.

    python bench/stores.py --corpus ../shared/benchmarks/timeqa/corpus \
        --queries ../shared/benchmarks/timeqa/queries.jsonl [--store milvus://HOST:PORT/NAME]

Copies the corpus to a temporary folder, builds it into both stores (full builds, timed), then
twice edits one document and builds again (incremental, timed: Milvus's second build fills its
second collection whole, the third writes only what changed), and asks every question of both:
prints the top-10 overlap (the same passages, in any order), hit@1, hit@5, MRR@10 and read@1000
of each (passages' texts only, as `qa eval --text-only`), and answer p50/p95. --store defaults to
Milvus Lite in the temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--queries", type=Path, required=True)
    ap.add_argument("--store", help="a Milvus store (default: Milvus Lite in a temporary folder)")
    args = ap.parse_args()

    from qa.building import build
    from qa.embedding import load_embedder
    from qa.evaluating import load_queries, run
    from qa.searching import search
    from qa.stores import open_store

    embedder = load_embedder()
    queries = [q for q in load_queries(args.queries) if hasattr(q, "q")]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        shutil.copytree(args.corpus, corpus)
        stores = {"files": open_store(Path(tmp) / "index"), "milvus": open_store(args.store or f"{tmp}/milvus.db")}
        first = sorted(corpus.rglob("*.txt"))[0]
        rows: dict[str, dict] = {name: {} for name in stores}
        for name, store in stores.items():
            t0 = time.perf_counter()
            report = build(corpus, store, embedder, full=True)
            rows[name]["full build s"] = round(time.perf_counter() - t0, 1)
            rows[name]["chunks"] = report.chunks
        # Milvus writes the other of its two collections: whole the first time, only what changed after
        for column in ("edit, 2nd build s", "edit, 3rd build s"):
            first.write_text(first.read_text(encoding="utf-8") + f"\n\nIn 2031 an edit was made ({column}).\n")
            for name, store in stores.items():
                t0 = time.perf_counter()
                build(corpus, store, embedder)
                rows[name][column] = round(time.perf_counter() - t0, 2)
        indexes = {name: store.load() for name, store in stores.items()}
        tops = {name: [] for name in stores}
        for name, index in indexes.items():
            search(index, embedder, queries[0].q)  # warm up
            metrics, results = run(queries, lambda q, n, i=index: search(i, embedder, q, n), 5, headings=False)
            rows[name].update({k: round(metrics[k], 3) for k in ("hit@1", "hit@5", "mrr@10", "read@1000")})
            times = []
            for q in queries:
                t0 = time.perf_counter()
                hits = search(index, embedder, q.q, 10).hits
                times.append(1000 * (time.perf_counter() - t0))
                tops[name].append({(h.source, h.line, h.text) for h in hits})
            rows[name]["p50 ms"] = round(statistics.median(times), 1)
            rows[name]["p95 ms"] = round(sorted(times)[int(0.95 * len(times))], 1)
        overlap = statistics.mean(len(a & b) / max(len(a), 1) for a, b in zip(tops["files"], tops["milvus"], strict=True))
    columns = list(rows["files"])
    print(f"{len(queries)} questions; top-10 overlap of the two stores: {overlap:.3f}")
    print(f"{'store':<8}" + "".join(f"{c:>18}" for c in columns))
    for name, row in rows.items():
        print(f"{name:<8}" + "".join(f"{row[c]!s:>18}" for c in columns))
    return 0


if __name__ == "__main__":
    sys.exit(main())
