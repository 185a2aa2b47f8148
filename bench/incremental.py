"""How long a rebuild takes after editing one document, as a share of a full build.

Makes a corpus of N documents by cutting the TimeQA articles into pieces of a few paragraphs
(or any folder of .txt files given), builds it in full, edits one document, and rebuilds.

    python bench/incremental.py [--source ../shared/benchmarks/timeqa/corpus] [--docs 1000]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from pathlib import Path

from qa.building import build
from qa.embedding import load_embedder


def make_corpus(source: Path, target: Path, docs: int) -> int:
    paragraphs = [(f.stem, p) for f in sorted(source.glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    per_doc = max(1, len(paragraphs) // docs)
    target.mkdir(parents=True)
    n = 0
    for start in range(0, len(paragraphs), per_doc):
        part = paragraphs[start:start + per_doc]
        (target / f"doc{n:05d}.txt").write_text(part[0][0].replace("_", " ") + "\n\n"
                                               + "\n\n".join(p for _, p in part) + "\n", encoding="utf-8")
        n += 1
    return n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=Path("../shared/benchmarks/timeqa/corpus"))
    ap.add_argument("--docs", type=int, default=1000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="qa-bench-"))
    try:
        n = make_corpus(args.source, work / "corpus", args.docs)
        embedder = load_embedder()
        full = build(work / "corpus", work / "index", embedder, full=True)
        doc = sorted((work / "corpus").glob("*.txt"))[n // 2]
        doc.write_text(doc.read_text(encoding="utf-8") + "\nIn March 2024 this document was edited.\n", encoding="utf-8")
        t0 = time.perf_counter()
        inc = build(work / "corpus", work / "index", embedder)
        seconds = time.perf_counter() - t0
        print(f"documents           {n}")
        print(f"chunks              {full.chunks}")
        print(f"full build          {full.seconds:.1f} s")
        print(f"after a 1-doc edit  {seconds:.2f} s ({100 * seconds / full.seconds:.1f}% of full),"
              f" {inc.embedded} chunks embedded, {inc.reused} reused")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
