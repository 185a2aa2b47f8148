"""A sample of the questions `qa eval` counts as missed, with what was shown, for a person to judge.

    python bench/judge.py --index /tmp/timeqa-index --queries ../shared/benchmarks/timeqa/queries.jsonl \
        [-k 5] [--sample 30] [--seed 18] [--text-only]

A gold string marks where one annotator found the answer; a question may be answered as well by
another passage (a biography says a man's club in three places). This prints, for a seeded
random sample of the questions with no gold string in the first k passages, the question, its
gold string and the k passages, so that a person can count how many were in fact answered
(docs/benchmarks.md gives such a count for TimeQA).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", default="index")
    ap.add_argument("--queries", type=Path, required=True)
    ap.add_argument("-k", type=int, default=5)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--text-only", action="store_true", help="match gold strings in passages' texts only")
    args = ap.parse_args()

    from qa.evaluating import first_relevant, load_queries, shown
    from qa.searching import search
    from qa.workspace import Workspace

    ws = Workspace.choose(args.index)
    index, embedder = ws.open(), ws.embedder
    missed = []
    for q in (q for q in load_queries(args.queries) if hasattr(q, "q")):
        hits = search(index, embedder, q.q, args.k).hits
        if first_relevant([shown(h, not args.text_only) for h in hits], q.gold) is None:
            missed.append((q, hits))
    print(f"{len(missed)} questions with no gold string in the first {args.k}; a sample of"
          f" {min(args.sample, len(missed))} (seed {args.seed}):\n")
    for n, (q, hits) in enumerate(random.Random(args.seed).sample(missed, min(args.sample, len(missed)))):
        print(f"#{n} {q.q}\n   gold: {q.gold[0][:120]}")
        for rank, h in enumerate(hits, 1):
            print(f"   {rank}. {' '.join(h.text.split())[:260]}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
